"""P6: the region's register of existing participation initiatives (client councils, advisory
councils, network organisations).

Who may call these (participation.manage: the region administrator and policy staff) is checked
by the caller. Every function writes its audit event in its own transaction; a refusal leaves
nothing behind.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_created, audit_record, changes_between, snapshot
from aantafel.core.errors import DomainError
from aantafel.core.text import limited_text
from aantafel.core.typing import Actor
from aantafel.regions.models import Region

from ..models import MAX_TEXT, InitiativeKind, ParticipationInitiative

NAME_MAX = 200
AUDITED = [
    "name",
    "kind",
    "organisation",
    "contact_name",
    "contact_email",
    "website",
    "active",
]


def _clean(
    *,
    region: Region,
    name: str,
    kind: str,
    organisation: str,
    scope: str,
    contact_name: str,
    contact_email: str,
    website: str,
    exclude_pk: int | None = None,
) -> dict:
    """P6: a name is required and unique in the region (case does not count); the website is an
    http(s) address."""
    name = limited_text(
        name, field="name", max_length=NAME_MAX, required=_("Give the initiative a name.")
    )
    others = ParticipationInitiative.objects.filter(region=region, name__iexact=name)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        raise DomainError(
            _("The register already has an initiative with this name."),
            field="name",
            code="name_taken",
        )
    if kind not in InitiativeKind.values:
        raise DomainError(_("Choose the kind of initiative."), field="kind", code="invalid_kind")
    contact_email = (contact_email or "").strip()
    if contact_email:
        try:
            validate_email(contact_email)
        except ValidationError:
            raise DomainError(
                _("Give a valid e-mail address."), field="contact_email", code="invalid_email"
            ) from None
    website = (website or "").strip()
    if website:
        parts = urlsplit(website)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise DomainError(
                _("Give a web address that starts with http:// or https://."),
                field="website",
                code="invalid_website",
            )
    return {
        "name": name,
        "kind": kind,
        "organisation": limited_text(organisation, field="organisation", max_length=NAME_MAX),
        "scope": limited_text(scope, field="scope", max_length=MAX_TEXT),
        "contact_name": limited_text(contact_name, field="contact_name", max_length=NAME_MAX),
        "contact_email": contact_email,
        "website": website,
    }


@transaction.atomic
def initiative_create(
    *,
    actor: Actor,
    region: Region,
    name: str,
    kind: str,
    organisation: str = "",
    scope: str = "",
    contact_name: str = "",
    contact_email: str = "",
    website: str = "",
    active: bool = True,
) -> ParticipationInitiative:
    """P6: an existing participation initiative joins the region's register."""
    values = _clean(
        region=region,
        name=name,
        kind=kind,
        organisation=organisation,
        scope=scope,
        contact_name=contact_name,
        contact_email=contact_email,
        website=website,
    )
    initiative = ParticipationInitiative.objects.create(
        region=region, active=bool(active), **values
    )
    audit_created(
        actor=actor,
        action="participation_initiative.create",
        target=initiative,
        region=region,
        fields=AUDITED,
    )
    return initiative


@transaction.atomic
def initiative_update(
    *,
    actor: Actor,
    initiative: ParticipationInitiative,
    name: str,
    kind: str,
    organisation: str = "",
    scope: str = "",
    contact_name: str = "",
    contact_email: str = "",
    website: str = "",
    active: bool = True,
) -> ParticipationInitiative:
    """P6: an initiative's details change, or it is marked as no longer active. The name stays
    unique in the region."""
    initiative = (
        ParticipationInitiative.objects.select_for_update(of=("self",))
        .select_related("region")
        .get(pk=initiative.pk)
    )
    before = snapshot(initiative, AUDITED)
    before_scope = initiative.scope
    values = _clean(
        region=initiative.region,
        name=name,
        kind=kind,
        organisation=organisation,
        scope=scope,
        contact_name=contact_name,
        contact_email=contact_email,
        website=website,
        exclude_pk=initiative.pk,
    )
    for field, value in values.items():
        setattr(initiative, field, value)
    initiative.active = bool(active)
    initiative.save()
    changes = changes_between(before, snapshot(initiative, AUDITED))
    if before_scope != initiative.scope:
        # Long text is audited by its length: the trail says that it changed, not what it says.
        changes["scope_length"] = [len(before_scope), len(initiative.scope)]
    audit_record(
        actor=actor,
        action="participation_initiative.update",
        target=initiative,
        region=initiative.region,
        changes=changes,
    )
    return initiative

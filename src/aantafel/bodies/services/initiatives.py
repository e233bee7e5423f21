import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_created, audit_record, changes_between
from aantafel.core.errors import DomainError
from aantafel.core.typing import Actor

from ..models import Body, Initiative, TermsOfReference
from ._checks import require_text

AUDITED = ["title", "description", "taken_on", "parent_informed_on"]


def _check_informed_on(body: Body, informed_on: datetime.date | None) -> None:
    if informed_on is None:
        return
    if body.parent_id is None:
        raise DomainError(
            _("This body does not report to a parent body."), field="parent_informed_on"
        )
    if informed_on > timezone.localdate():
        raise DomainError(
            _("The date the parent body was informed cannot lie in the future."),
            field="parent_informed_on",
        )


@transaction.atomic
def initiative_register(
    *,
    actor: Actor,
    body: Body,
    title: str,
    taken_on: datetime.date,
    description: str = "",
    parent_informed_on: datetime.date | None = None,
) -> Initiative:
    """B7: an initiative taken under the body's mandate, with the date the parent body was told."""
    title = require_text(title, field="title", message=_("Give the initiative a title."))
    if taken_on is None:
        raise DomainError(_("Give the date the initiative was taken."), field="taken_on")
    mandate = (
        TermsOfReference.objects.filter(body=body)
        .order_by("-version")
        .values_list("mandate", flat=True)
        .first()
    )
    if not mandate:
        raise DomainError(
            _(
                "This body has no mandate in its terms of reference yet, so it cannot register initiatives under it."
            ),
            code="no_mandate",
        )
    _check_informed_on(body, parent_informed_on)
    initiative = Initiative.objects.create(
        region=body.region,
        body=body,
        title=title,
        description=description.strip(),
        taken_on=taken_on,
        parent_informed_on=parent_informed_on,
        registered_by=actor,
    )
    audit_created(
        actor=actor,
        action="initiative.register",
        target=initiative,
        region=body.region,
        fields=AUDITED,
    )
    return initiative


@transaction.atomic
def initiative_mark_parent_informed(
    *, actor: Actor, initiative: Initiative, informed_on: datetime.date
) -> Initiative:
    """B7: record when the parent body was informed ("minimaal informeert het hierover IROJ")."""
    initiative = Initiative.objects.select_for_update().select_related("body").get(pk=initiative.pk)
    if informed_on is None:
        raise DomainError(
            _("Give the date the parent body was informed."), field="parent_informed_on"
        )
    _check_informed_on(initiative.body, informed_on)
    before = {"parent_informed_on": initiative.parent_informed_on}
    initiative.parent_informed_on = informed_on
    initiative.save(update_fields=["parent_informed_on", "updated_at"])
    audit_record(
        actor=actor,
        action="initiative.parent_informed",
        target=initiative,
        region=initiative.region,
        changes=changes_between(
            {k: v and v.isoformat() for k, v in before.items()},
            {"parent_informed_on": informed_on.isoformat()},
        ),
    )
    return initiative

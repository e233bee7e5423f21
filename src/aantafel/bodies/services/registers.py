from django.db import transaction
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_created
from aantafel.core.errors import DomainError
from aantafel.core.typing import Actor
from aantafel.regions.models import Region

from ..models import Constituency, ConstituencyKind, Organisation
from ._checks import require_text


@transaction.atomic
def constituency_create(
    *, actor: Actor, region: Region, name: str, kind: str, description: str = ""
) -> Constituency:
    """B4: a constituency or sector that seats can stand for."""
    name = require_text(name, field="name", message=_("Give the constituency a name."))
    if kind not in ConstituencyKind.values:
        raise DomainError(_("Choose a kind of constituency."), field="kind")
    if Constituency.objects.filter(region=region, name__iexact=name).exists():
        raise DomainError(_("This region already has a constituency with this name."), field="name")
    constituency = Constituency.objects.create(
        region=region, name=name, kind=kind, description=description
    )
    audit_created(
        actor=actor,
        action="constituency.create",
        target=constituency,
        region=region,
        fields=["name", "kind", "description"],
    )
    return constituency


@transaction.atomic
def organisation_create(
    *, actor: Actor, region: Region, name: str, website: str = ""
) -> Organisation:
    name = require_text(name, field="name", message=_("Give the organisation a name."))
    if Organisation.objects.filter(region=region, name__iexact=name).exists():
        raise DomainError(
            _("This region already has an organisation with this name."), field="name"
        )
    organisation = Organisation.objects.create(region=region, name=name, website=website)
    audit_created(
        actor=actor,
        action="organisation.create",
        target=organisation,
        region=region,
        fields=["name", "website"],
    )
    return organisation

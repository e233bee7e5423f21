from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_created, audit_record, changes_between, snapshot
from aantafel.core.errors import DomainError
from aantafel.core.typing import Actor
from aantafel.regions.models import Region

from ..models import Body, BodyType
from ._checks import require_same_region, require_text

AUDITED = [
    "name",
    "body_type",
    "parent",
    "supporting_department",
    "description",
    "agenda_lead_days",
    "item_deadline_days",
]
MAX_LEAD_DAYS = 60


def _check_lead_times(agenda_lead_days: int, item_deadline_days: int) -> None:
    """M2, M5: the agenda goes out a number of days before the meeting, and item proposals
    close no later than that (the supporter needs them to build the agenda)."""
    if agenda_lead_days is None or not 0 <= agenda_lead_days <= MAX_LEAD_DAYS:
        raise DomainError(
            _("Give a number of days between 0 and %(max)s.") % {"max": MAX_LEAD_DAYS},
            field="agenda_lead_days",
        )
    if item_deadline_days is None or not agenda_lead_days <= item_deadline_days <= MAX_LEAD_DAYS:
        raise DomainError(
            _(
                "Item proposals close on or before the day the agenda goes out: give at least %(days)s days."
            )
            % {"days": agenda_lead_days},
            field="item_deadline_days",
        )


def _check_parent(body: Body | None, parent: Body | None, region: Region) -> None:
    """B2: a body reports to a body of its own region, and never (indirectly) to itself."""
    require_same_region(parent, region, field="parent")
    ancestor = parent
    while ancestor is not None and body is not None:
        if ancestor.pk == body.pk:
            raise DomainError(
                _("A body cannot report to itself or to a body below it."),
                field="parent",
                code="cycle",
            )
        ancestor = ancestor.parent


def _check_name(region: Region, name: str, exclude_pk: int | None = None) -> str:
    name = require_text(name, field="name", message=_("Give the body a name."))
    clash = Body.objects.filter(region=region, name__iexact=name)
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise DomainError(_("This region already has a body with this name."), field="name")
    return name


@transaction.atomic
def body_create(
    *,
    actor: Actor,
    region: Region,
    name: str,
    body_type: str,
    parent: Body | None = None,
    supporting_department: str = "",
    description: str = "",
    agenda_lead_days: int = 8,
    item_deadline_days: int = 10,
) -> Body:
    """B2: a body has a type, optionally a parent body it reports to, and a supporting department.
    M2, M5: and its lead times."""
    name = _check_name(region, name)
    _check_lead_times(agenda_lead_days, item_deadline_days)
    if body_type not in BodyType.values:
        raise DomainError(_("Choose the type of body."), field="body_type")
    _check_parent(None, parent, region)
    body = Body.objects.create(
        region=region,
        name=name,
        body_type=body_type,
        parent=parent,
        supporting_department=supporting_department.strip() or region.department_name,
        description=description,
        agenda_lead_days=agenda_lead_days,
        item_deadline_days=item_deadline_days,
    )
    audit_created(actor=actor, action="body.create", target=body, region=region, fields=AUDITED)
    return body


@transaction.atomic
def body_update(*, actor: Actor, body: Body, **values: Any) -> Body:
    """B2: change name, type, parent, supporting department or description; M2, M5: the lead
    times."""
    body = Body.objects.select_for_update().get(pk=body.pk)
    before = snapshot(body, AUDITED)
    if "name" in values:
        values["name"] = _check_name(body.region, values["name"], exclude_pk=body.pk)
    if "body_type" in values and values["body_type"] not in BodyType.values:
        raise DomainError(_("Choose the type of body."), field="body_type")
    if "parent" in values:
        _check_parent(body, values["parent"], body.region)
    if "agenda_lead_days" in values or "item_deadline_days" in values:
        _check_lead_times(
            values.get("agenda_lead_days", body.agenda_lead_days),
            values.get("item_deadline_days", body.item_deadline_days),
        )
    for name, value in values.items():
        if name not in AUDITED:
            raise TypeError(f"body_update cannot change {name}")
        setattr(body, name, value)
    body.save()
    changes = changes_between(before, snapshot(body, AUDITED))
    if changes:
        audit_record(
            actor=actor, action="body.update", target=body, region=body.region, changes=changes
        )
    return body

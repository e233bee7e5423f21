"""S4: each constituency's representative records their constituency's view."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_created, audit_record
from aantafel.bodies.models import Constituency
from aantafel.core.errors import DomainError
from aantafel.core.typing import Actor
from aantafel.meetings.models import Stance

from ..models import AdviceEvent, AdviceRequest, ConstituencyView
from ..workflow import AdviceStatus
from ._common import (
    checked_text,
    leads_body,
    lock,
    move,
    record,
    represented_by,
    require_open,
    seat_constituencies,
)


@transaction.atomic
def advice_view_record(
    *,
    actor: Actor,
    advice_request: AdviceRequest,
    constituency: Constituency,
    stance: str,
    view: str,
) -> ConstituencyView:
    """S4: the view of one of the constituencies of the body's seats, recorded by a current
    member of the body who represents it, or by the body's supporter or chair on its behalf.
    It can be changed until the advice is given (then 409). The first view moves the request
    from received to in preparation."""
    advice_request = lock(advice_request)
    require_open(advice_request)
    if constituency.region_id != advice_request.region_id or constituency.pk not in {
        c.pk for c in seat_constituencies(advice_request.body_id)
    }:
        raise DomainError(
            _("This constituency has no seat in the body."),
            field="constituency",
            code="not_in_body",
        )
    if stance not in Stance.values:
        raise DomainError(_("Choose the constituency's position."), field="stance")
    text = checked_text(view, field="view", message=_("Write the constituency's view."))
    if constituency.pk in represented_by(actor, advice_request.body_id):
        on_behalf = False
    elif leads_body(actor, advice_request.body_id):
        on_behalf = True
    else:
        raise DomainError(
            _(
                "Only the constituency's representative, or the body's supporter or chair, can record its view."
            ),
            field="constituency",
            code="not_representative",
        )
    existing = (
        ConstituencyView.objects.select_for_update(of=("self",))
        .filter(advice_request=advice_request, constituency=constituency)
        .first()
    )
    if existing is None:
        position = ConstituencyView.objects.create(
            region_id=advice_request.region_id,
            advice_request=advice_request,
            constituency=constituency,
            stance=stance,
            view=text,
            recorded_by=actor,
            recorded_on_behalf=on_behalf,
        )
        audit_created(
            actor=actor,
            action="advice_view.record",
            target=position,
            region=advice_request.region,
            fields=["advice_request", "constituency", "stance", "recorded_on_behalf"],
        )
    else:
        position = existing
        changes: dict[str, list] = {}
        if position.stance != stance:
            changes["stance"] = [position.stance, stance]
        if position.view != text:
            changes["view"] = [len(position.view), len(text)]
        if not changes:
            return position
        position.stance, position.view = stance, text
        position.recorded_by, position.recorded_on_behalf = actor, on_behalf
        position.save(
            update_fields=["stance", "view", "recorded_by", "recorded_on_behalf", "updated_at"]
        )
        audit_record(
            actor=actor,
            action="advice_view.change",
            target=position,
            region=advice_request.region,
            changes=changes,
        )
    record(
        advice_request,
        AdviceEvent.Kind.VIEW,
        actor=actor,
        note=f"{constituency.name}: {Stance(stance).label}",
    )
    if advice_request.status == AdviceStatus.RECEIVED:
        move(actor, advice_request, AdviceStatus.IN_PREPARATION)
        advice_request.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=actor,
            action="advice_request.status",
            target=advice_request,
            region=advice_request.region,
            changes={"status": [AdviceStatus.RECEIVED, AdviceStatus.IN_PREPARATION]},
        )
    return position

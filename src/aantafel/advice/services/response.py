"""S4: the requester's response to the advice, what was done with it afterwards, closing."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_created, audit_record
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.typing import Actor
from aantafel.meetings.models import ItemType, Meeting
from aantafel.meetings.services import proposal_submit

from ..models import AdviceEvent, AdviceFollowUp, AdviceRequest
from ..workflow import AdviceResponse, AdviceStatus
from ._common import TITLE_MAX, checked_text, lock, move, optional_text, plain, record, require_open


@transaction.atomic
def advice_response_record(
    *, actor: Actor, advice_request: AdviceRequest, response: str, reason: str
) -> AdviceRequest:
    """S4: what the requester did with the advice (adopted, partly, not) and why; the reason is
    required, also when the advice was adopted."""
    advice_request = lock(advice_request)
    if response not in AdviceResponse.values:
        raise DomainError(_("Choose what the requester did with the advice."), field="response")
    reason = checked_text(
        reason, field="response_reason", message=_("Write why, in the requester's words.")
    )
    before = advice_request.status
    move(actor, advice_request, AdviceStatus.RESPONSE_RECEIVED)
    advice_request.response = response
    advice_request.response_reason = reason
    advice_request.response_recorded_at = timezone.now()
    advice_request.save(
        update_fields=[
            "status",
            "response",
            "response_reason",
            "response_recorded_at",
            "updated_at",
        ]
    )
    record(
        advice_request,
        AdviceEvent.Kind.RESPONSE,
        actor=actor,
        note=str(AdviceResponse(response).label),
    )
    audit_record(
        actor=actor,
        action="advice_request.response",
        target=advice_request,
        region=advice_request.region,
        changes={
            "status": [before, AdviceStatus.RESPONSE_RECEIVED],
            "response": [None, response],
        },
    )
    return advice_request


@transaction.atomic
def advice_follow_up_add(
    *,
    actor: Actor,
    advice_request: AdviceRequest,
    text: str,
    on: datetime.date | None = None,
) -> AdviceFollowUp:
    """S4: what was done with the response afterwards, once the response is in and until the
    request is closed."""
    advice_request = lock(advice_request)
    if advice_request.status != AdviceStatus.RESPONSE_RECEIVED:
        raise ConflictError(
            _(
                "Follow-up is recorded once the requester's response is in, until the request is closed."
            ),
            code="transition_not_allowed",
        )
    text = checked_text(text, field="text", message=_("Write what was done."))
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise DomainError(_("This date is still to come."), field="on", code="in_future")
    follow_up = AdviceFollowUp.objects.create(
        region_id=advice_request.region_id,
        advice_request=advice_request,
        text=text,
        recorded_by=actor,
        on=on,
    )
    record(advice_request, AdviceEvent.Kind.FOLLOW_UP, actor=actor, note=text)
    audit_created(
        actor=actor,
        action="advice_follow_up.add",
        target=follow_up,
        region=advice_request.region,
        fields=["advice_request", "on"],
    )
    return follow_up


@transaction.atomic
def advice_close(*, actor: Actor, advice_request: AdviceRequest, note: str = "") -> AdviceRequest:
    """S4: the request is closed once the requester's response is recorded."""
    advice_request = lock(advice_request)
    before = advice_request.status
    move(actor, advice_request, AdviceStatus.CLOSED, optional_text(note, field="note"))
    advice_request.closed_at = timezone.now()
    advice_request.save(update_fields=["status", "closed_at", "updated_at"])
    record(advice_request, AdviceEvent.Kind.CLOSED, actor=actor)
    audit_record(
        actor=actor,
        action="advice_request.close",
        target=advice_request,
        region=advice_request.region,
        changes={"status": [before, AdviceStatus.CLOSED]},
    )
    return advice_request


@transaction.atomic
def advice_put_on_agenda(
    *,
    actor: Actor,
    advice_request: AdviceRequest,
    meeting: Meeting | None = None,
    title: str = "",
) -> AdviceRequest:
    """S4 with M2: the request becomes an item proposal of type advice for a meeting of the body
    (or the next one that fits), with the meeting cycle's deadline; once per request, before the
    advice is given."""
    advice_request = lock(advice_request)
    require_open(advice_request)
    if advice_request.proposal_id is not None:
        raise ConflictError(_("This request is already on the agenda."), code="already_on_agenda")
    proposal = proposal_submit(
        actor=actor,
        body=advice_request.body,
        title=(plain(title) or advice_request.title)[:TITLE_MAX],
        explanation=advice_request.question,
        desired_type=ItemType.ADVICE,
        meeting=meeting,
    )
    advice_request.proposal = proposal
    advice_request.save(update_fields=["proposal", "updated_at"])
    record(advice_request, AdviceEvent.Kind.AGENDA, actor=actor, note=proposal.title)
    audit_record(
        actor=actor,
        action="advice_request.agenda",
        target=advice_request,
        region=advice_request.region,
        changes={"proposal": [None, proposal.pk]},
    )
    return advice_request

"""M2 and M7: items members bring in, and what the supporter and chair decide about them."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_created, audit_record
from aantafel.bodies.models import Body
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.typing import Actor

from .. import notify
from ..models import (
    AgendaItem,
    Document,
    ItemProposal,
    ItemType,
    Meeting,
    MeetingStatus,
    ProposalSource,
    ProposalStatus,
)
from ._common import lock_meeting, require_text
from .agenda import ItemFields, _create_item, _require_agenda_open
from .planning import item_deadline

AUDITED = ["title", "explanation", "desired_type", "meeting", "status", "source"]
OPEN_STATUSES = (ProposalStatus.SUBMITTED, ProposalStatus.DEFERRED)


def _require_future_meeting_of(body: Body, meeting: Meeting | None, field: str = "meeting") -> None:
    if meeting is None:
        return
    if meeting.body_id != body.pk:
        raise DomainError(
            _("This choice does not exist in this region."), field=field, code="unknown"
        )
    if meeting.status != MeetingStatus.PLANNED and meeting.status != MeetingStatus.PUBLISHED:
        raise DomainError(
            _("Choose a meeting that is still to come."), field=field, code="wrong_status"
        )


@transaction.atomic
def proposal_submit(
    *,
    actor: Actor,
    body: Body,
    title: str,
    explanation: str,
    desired_type: str,
    meeting: Meeting | None = None,
) -> ItemProposal:
    """M2: any member brings in an item through the supporter, for a meeting of their choice
    (before the body's deadline for that meeting) or for the next one that fits."""
    if actor is None:
        raise ValueError("An item proposal is always brought in by a person.")
    title = require_text(title, field="title", message=_("Give the item a title."))
    if desired_type not in ItemType.values or desired_type in (
        ItemType.MINUTES_APPROVAL,
        ItemType.REPORT_BACK,
    ):
        raise DomainError(_("Choose the type of the item."), field="desired_type")
    _require_future_meeting_of(body, meeting)
    if meeting is not None and timezone.localdate() > item_deadline(meeting):
        raise DomainError(
            _(
                "Items for this meeting closed on %(date)s. Choose a later meeting, or none and the supporter will plan it."
            )
            % {"date": item_deadline(meeting).strftime("%d-%m-%Y")},
            field="meeting",
            code="deadline_passed",
        )
    proposal = ItemProposal.objects.create(
        region=body.region,
        body=body,
        submitted_by=actor,
        title=title,
        explanation=(explanation or "").strip(),
        desired_type=desired_type,
        meeting=meeting,
    )
    audit_created(
        actor=actor, action="proposal.submit", target=proposal, region=body.region, fields=AUDITED
    )
    return proposal


def _lock_open_proposal(proposal: ItemProposal) -> ItemProposal:
    proposal = (
        ItemProposal.objects.select_for_update(of=("self",))
        .select_related("body")
        .get(pk=proposal.pk)
    )
    if proposal.status not in OPEN_STATUSES:
        raise ConflictError(
            _("A decision about this item has already been taken."), code="already_decided"
        )
    return proposal


def _decided(actor: Actor, proposal: ItemProposal, status: str, reason: str, action: str) -> None:
    before = proposal.status
    proposal.status = status
    proposal.decided_by = actor
    proposal.decided_at = timezone.now()
    proposal.decision_reason = reason
    proposal.save()
    audit_record(
        actor=actor,
        action=action,
        target=proposal,
        region=proposal.region,
        changes={
            "status": [before, status],
            "meeting": [None, proposal.meeting_id],
            "reason": [None, reason] if reason else [None, None],
        },
    )
    transaction.on_commit(lambda: notify.proposal_decided(proposal.pk))


@transaction.atomic
def proposal_accept(
    *,
    actor: Actor,
    proposal: ItemProposal,
    meeting: Meeting,
    item_type: str | None = None,
    duration_minutes: int = 15,
) -> AgendaItem:
    """M2: the supporter, with the chair, puts the proposed item on a meeting's agenda. Its
    documents go with it (marked late if the agenda is already out, M5); the submitter is told."""
    proposal = _lock_open_proposal(proposal)
    _require_future_meeting_of(proposal.body, meeting)
    meeting = lock_meeting(meeting)
    _require_agenda_open(meeting)
    item = _create_item(
        actor,
        meeting,
        ItemFields(
            title=proposal.title,
            item_type=item_type or proposal.desired_type,
            explanation=proposal.explanation,
            presenter=proposal.submitted_by if proposal.source == ProposalSource.MEMBER else None,
            duration_minutes=duration_minutes,
        ),
        proposal=proposal,
    )
    Document.objects.filter(proposal=proposal).update(
        item=item, late=meeting.status == MeetingStatus.PUBLISHED
    )
    proposal.meeting = meeting
    _decided(actor, proposal, ProposalStatus.ACCEPTED, "", "proposal.accept")
    return item


@transaction.atomic
def proposal_defer(
    *, actor: Actor, proposal: ItemProposal, meeting: Meeting | None, reason: str = ""
) -> ItemProposal:
    """M2: move the item to a later meeting (or to no meeting yet); the submitter is told."""
    proposal = _lock_open_proposal(proposal)
    _require_future_meeting_of(proposal.body, meeting)
    proposal.meeting = meeting
    _decided(actor, proposal, ProposalStatus.DEFERRED, (reason or "").strip(), "proposal.defer")
    return proposal


@transaction.atomic
def proposal_decline(*, actor: Actor, proposal: ItemProposal, reason: str) -> ItemProposal:
    """M2: decline an item, always with a reason the submitter reads."""
    proposal = _lock_open_proposal(proposal)
    reason = require_text(
        reason, field="reason", message=_("Say why the item is declined; the submitter reads it.")
    )
    _decided(actor, proposal, ProposalStatus.DECLINED, reason, "proposal.decline")
    return proposal

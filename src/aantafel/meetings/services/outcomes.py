"""M7, M8, M9: what a meeting decides, who does what next, and who reports back."""

import datetime
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.accounts.models import User
from aantafel.audit.services import audit_created, audit_record
from aantafel.bodies.models import Body, Constituency, DecisionRule, Membership, TermsOfReference
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.typing import Actor
from aantafel.regions.models import PlanTheme

from .. import notify
from ..models import (
    Action,
    ActionStatus,
    AgendaItem,
    ConstituencyPosition,
    Decision,
    DecisionOutcome,
    ItemProposal,
    ItemType,
    Meeting,
    MeetingStatus,
    ProposalSource,
    Stance,
)
from ._common import has_started, lock_meeting, require_open, require_text

DECISION_AUDITED = [
    "text",
    "decision_rule",
    "outcome",
    "votes_for",
    "votes_against",
    "votes_abstained",
]
ACTION_AUDITED = ["title", "owner", "due_date", "status", "theme", "meeting", "item", "decision"]
PROPOSAL_AUDITED = ["title", "desired_type", "meeting", "status", "source", "source_meeting"]

# B6/M8: what a body may conclude under each decision rule.
OUTCOMES_PER_RULE: dict[str, tuple[str, ...]] = {
    DecisionRule.CONSENSUS: (
        DecisionOutcome.AGREED,
        DecisionOutcome.NOT_AGREED,
        DecisionOutcome.POSTPONED,
    ),
    DecisionRule.CONSENSUS_WITH_RESERVATION: (
        DecisionOutcome.AGREED,
        DecisionOutcome.AGREED_WITH_RESERVATIONS,
        DecisionOutcome.NOT_AGREED,
        DecisionOutcome.POSTPONED,
    ),
    DecisionRule.MAJORITY: (
        DecisionOutcome.ADOPTED,
        DecisionOutcome.REJECTED,
        DecisionOutcome.POSTPONED,
    ),
}
RESERVING_STANCES = (Stance.RESERVATION, Stance.DISAGREES)
NOTE_MAX = 300


@dataclass(frozen=True)
class PositionInput:
    """M8/B6: one constituency's own position beside a decision."""

    constituency: Constituency
    stance: str
    statement: str = ""


# --- shared checks ----------------------------------------------------------------------------


def body_decision_rule(body: Body) -> str | None:
    """B6: the decision rule of the body's latest terms of reference, if it has any."""
    return (
        TermsOfReference.objects.filter(body_id=body.pk)
        .order_by("-version")
        .values_list("decision_rule", flat=True)
        .first()
    )


def allowed_outcomes(rule: str | None) -> tuple[str, ...]:
    return OUTCOMES_PER_RULE.get(rule or "", ())


def is_current_member(body: Body, user: User | None, on: datetime.date | None = None) -> bool:
    if user is None:
        return False
    return Membership.objects.current(on).filter(body_id=body.pk, user_id=user.pk).exists()


def meeting_date(meeting: Meeting) -> datetime.date:
    """The meeting's day in its region's time zone."""
    return meeting.starts_at.astimezone(zoneinfo.ZoneInfo(meeting.region.timezone)).date()


def _require_running_or_held(meeting: Meeting) -> None:
    """Outcomes are recorded once a meeting has started, until its minutes are approved."""
    require_open(meeting)
    if meeting.status == MeetingStatus.PLANNED or not (meeting.is_held or has_started(meeting)):
        raise ConflictError(
            _("Outcomes can be recorded once the meeting has started."), code="not_started"
        )


def _lock_item_meeting(item: AgendaItem) -> Meeting:
    meeting = lock_meeting(item.meeting)
    _require_running_or_held(meeting)
    return meeting


# --- notes ------------------------------------------------------------------------------------


@transaction.atomic
def item_notes_save(*, actor: Actor, item: AgendaItem, notes: str) -> AgendaItem:
    """M10: notes taken at the meeting on one item; the minutes are drafted from them."""
    _lock_item_meeting(item)
    item = AgendaItem.objects.select_for_update(of=("self",)).get(pk=item.pk)
    before, notes = item.notes, (notes or "").strip()
    if before == notes:
        return item
    item.notes = notes
    item.save(update_fields=["notes", "updated_at"])
    audit_record(
        actor=actor,
        action="agenda_item.notes",
        target=item,
        region=item.region,
        changes={"notes": [len(before), len(notes)]},
    )
    return item


# --- decisions (M8) -----------------------------------------------------------------------------


def _check_outcome(rule: str | None, outcome: str) -> str:
    if rule is None:
        raise DomainError(
            _("This body has no terms of reference yet, so no decision rule to decide under."),
            code="no_decision_rule",
        )
    if outcome not in allowed_outcomes(rule):
        raise DomainError(
            _("This outcome is not possible under the body's decision rule."),
            field="outcome",
            code="outcome_not_allowed",
        )
    return rule


Votes = tuple[int | None, int | None, int | None]


def votes_counted(rule: str, votes: Votes) -> bool:
    """B6: whether votes count under `rule` (only majority), refusing negative numbers and votes
    given under another rule. Shared by decisions (M8) and advice (S4)."""
    for name, value in zip(("votes_for", "votes_against", "votes_abstained"), votes, strict=True):
        if value is not None and value < 0:
            raise DomainError(_("A number of votes cannot be negative."), field=name)
    if rule == DecisionRule.MAJORITY:
        return True
    if any(v is not None for v in votes):
        raise DomainError(
            _("Votes are counted only in a body that decides by majority."),
            field="votes_for",
            code="votes_not_allowed",
        )
    return False


def require_vote_counts(votes: Votes) -> tuple[int, int]:
    """B6: under majority both the votes for and against are given."""
    votes_for, votes_against, _abstained = votes
    if votes_for is None or votes_against is None:
        raise DomainError(
            _("Give the number of votes for and against."),
            field="votes_for" if votes_for is None else "votes_against",
            code="votes_required",
        )
    return votes_for, votes_against


def _check_votes(rule: str, outcome: str, votes: Votes) -> None:
    if not votes_counted(rule, votes) or outcome == DecisionOutcome.POSTPONED:
        return
    votes_for, votes_against = require_vote_counts(votes)
    if (outcome == DecisionOutcome.ADOPTED) != (votes_for > votes_against):
        raise DomainError(
            _("A proposal is adopted only when more members vote for it than against it."),
            field="outcome",
            code="votes_do_not_match",
        )


def _check_positions(
    rule: str, outcome: str, positions: Sequence[PositionInput], meeting: Meeting
) -> None:
    if positions and rule != DecisionRule.CONSENSUS_WITH_RESERVATION:
        raise DomainError(
            _(
                "Constituencies record their own position only in a body that decides by consensus with reservation."
            ),
            field="positions",
            code="positions_not_allowed",
        )
    seen: set[int] = set()
    for position in positions:
        _check_position(position.constituency, position.stance, meeting)
        if position.constituency.pk in seen:
            raise DomainError(
                _("Each constituency has one position."), field="positions", code="duplicate"
            )
        seen.add(position.constituency.pk)
    if outcome == DecisionOutcome.AGREED_WITH_RESERVATIONS and not any(
        p.stance in RESERVING_STANCES for p in positions
    ):
        raise DomainError(
            _("Record the position of at least one constituency that has a reservation."),
            field="positions",
            code="reservation_required",
        )


def _check_position(constituency: Constituency, stance: str, meeting: Meeting) -> None:
    if constituency.region_id != meeting.region_id:
        raise DomainError(
            _("This choice does not exist in this region."), field="positions", code="unknown"
        )
    if stance not in Stance.values:
        raise DomainError(_("Choose the constituency's position."), field="positions")


def _create_position(
    actor: Actor, decision: Decision, constituency: Constituency, stance: str, statement: str
) -> ConstituencyPosition:
    position = ConstituencyPosition.objects.create(
        region=decision.region,
        decision=decision,
        constituency=constituency,
        stance=stance,
        statement=(statement or "").strip(),
        recorded_by=actor,
    )
    audit_created(
        actor=actor,
        action="position.record",
        target=position,
        region=decision.region,
        fields=["decision", "constituency", "stance", "statement"],
    )
    return position


@transaction.atomic
def decision_record(
    *,
    actor: Actor,
    item: AgendaItem,
    text: str,
    outcome: str,
    votes_for: int | None = None,
    votes_against: int | None = None,
    votes_abstained: int | None = None,
    positions: Sequence[PositionInput] = (),
) -> Decision:
    """M8/B6: a decision on an item of a meeting that has started, with its outcome under the
    body's current decision rule (kept on the decision), the vote count under majority rule, and
    under consensus with reservation each constituency's own position."""
    meeting = _lock_item_meeting(item)
    text = require_text(text, field="text", message=_("Write down what was decided."))
    rule = _check_outcome(body_decision_rule(meeting.body), outcome)
    votes = (votes_for, votes_against, votes_abstained)
    _check_votes(rule, outcome, votes)
    positions = list(positions)
    _check_positions(rule, outcome, positions, meeting)
    decision = Decision.objects.create(
        region=meeting.region,
        item=item,
        text=text,
        decision_rule=rule,
        outcome=outcome,
        votes_for=votes_for,
        votes_against=votes_against,
        votes_abstained=votes_abstained,
        recorded_by=actor,
    )
    audit_created(
        actor=actor,
        action="decision.record",
        target=decision,
        region=meeting.region,
        fields=DECISION_AUDITED,
    )
    for position in positions:
        _create_position(
            actor, decision, position.constituency, position.stance, position.statement
        )
    return decision


@transaction.atomic
def position_record(
    *,
    actor: Actor,
    decision: Decision,
    constituency: Constituency,
    stance: str,
    statement: str = "",
) -> ConstituencyPosition:
    """M8/B6: add or change one constituency's position beside a decision taken by consensus
    with reservation, while the meeting's minutes are not approved."""
    meeting = _lock_item_meeting(decision.item)
    decision = Decision.objects.select_for_update(of=("self",)).get(pk=decision.pk)
    if decision.decision_rule != DecisionRule.CONSENSUS_WITH_RESERVATION:
        raise DomainError(
            _(
                "Constituencies record their own position only in a body that decides by consensus with reservation."
            ),
            field="constituency",
            code="positions_not_allowed",
        )
    _check_position(constituency, stance, meeting)
    existing = ConstituencyPosition.objects.filter(
        decision=decision, constituency=constituency
    ).first()
    if existing is None:
        position = _create_position(actor, decision, constituency, stance, statement)
    else:
        position = _update_position(actor, existing, stance, statement)
    _require_reservation_kept(decision)
    return position


def _update_position(
    actor: Actor, position: ConstituencyPosition, stance: str, statement: str
) -> ConstituencyPosition:
    before = [position.stance, position.statement]
    position.stance, position.statement = stance, (statement or "").strip()
    position.recorded_by = actor
    position.save(update_fields=["stance", "statement", "recorded_by", "updated_at"])
    audit_record(
        actor=actor,
        action="position.update",
        target=position,
        region=position.region,
        changes={"stance": [before[0], stance], "statement": [before[1], position.statement]},
    )
    return position


def _require_reservation_kept(decision: Decision) -> None:
    if decision.outcome != DecisionOutcome.AGREED_WITH_RESERVATIONS:
        return
    if not decision.positions.filter(stance__in=RESERVING_STANCES).exists():
        raise DomainError(
            _("Agreed with reservations needs at least one constituency with a reservation."),
            field="stance",
            code="reservation_required",
        )


# --- actions (M9) -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _ActionLinks:
    meeting: Meeting | None
    item: AgendaItem | None
    decision: Decision | None


def _action_links(
    body: Body, meeting: Meeting | None, item: AgendaItem | None, decision: Decision | None
) -> _ActionLinks:
    """An action hangs off a decision, an item or a meeting of the same body; the more precise
    one gives the others."""
    if decision is not None:
        item = item or decision.item
        if decision.item_id != item.pk:
            raise DomainError(_("This decision belongs to another item."), field="decision")
    if item is not None:
        meeting = meeting or item.meeting
        if item.meeting_id != meeting.pk:
            raise DomainError(_("This item belongs to another meeting."), field="item")
    if meeting is not None:
        if meeting.body_id != body.pk:
            raise DomainError(
                _("This choice does not exist in this region."), field="meeting", code="unknown"
            )
        if meeting.status == MeetingStatus.CANCELLED:
            raise ConflictError(_("This meeting has been cancelled."), code="cancelled")
    return _ActionLinks(meeting, item, decision)


def _check_action(
    body: Body,
    owner: User | None,
    due_date: datetime.date | None,
    meeting: Meeting | None,
    theme: PlanTheme | None,
) -> tuple[User, datetime.date]:
    if owner is None:
        raise DomainError(_("Every action has an owner."), field="owner", code="required")
    if not is_current_member(body, owner):
        raise DomainError(
            _("The owner must be a current member of this body."), field="owner", code="unknown"
        )
    if due_date is None:
        raise DomainError(_("Give the date the action is due."), field="due_date", code="required")
    if meeting is not None and due_date < meeting_date(meeting):
        raise DomainError(
            _("The due date cannot be before the meeting."),
            field="due_date",
            code="due_before_meeting",
        )
    if theme is not None and theme.region_id != body.region_id:
        raise DomainError(
            _("This choice does not exist in this region."), field="theme", code="unknown"
        )
    return owner, due_date


@transaction.atomic
def action_create(
    *,
    actor: Actor,
    body: Body,
    title: str,
    owner: User | None,
    due_date: datetime.date | None,
    meeting: Meeting | None = None,
    item: AgendaItem | None = None,
    decision: Decision | None = None,
    theme: PlanTheme | None = None,
    description: str = "",
) -> Action:
    """M9: an action from a decision, an agreement or the regional plan, with an owner who is a
    current member of the body, a due date not before the meeting, and perhaps a plan theme of
    the region. The owner is told."""
    title = require_text(title, field="title", message=_("Say what is to be done."))
    links = _action_links(body, meeting, item, decision)
    if links.meeting is not None:
        lock_meeting(links.meeting)
    owner, due = _check_action(body, owner, due_date, links.meeting, theme)
    action = Action.objects.create(
        region=body.region,
        body=body,
        meeting=links.meeting,
        item=links.item,
        decision=links.decision,
        title=title,
        description=(description or "").strip(),
        owner=owner,
        due_date=due,
        theme=theme,
    )
    audit_created(
        actor=actor,
        action="action.create",
        target=action,
        region=body.region,
        fields=ACTION_AUDITED,
    )
    transaction.on_commit(lambda: notify.action_assigned(action.pk))
    return action


@transaction.atomic
def action_update_status(*, actor: Actor, action: Action, status: str, note: str = "") -> Action:
    """M9: the owner or the chair marks an action done, dropped or open again, with a note."""
    action = Action.objects.select_for_update(of=("self",)).get(pk=action.pk)
    if status not in ActionStatus.values:
        raise DomainError(_("Choose a status."), field="status")
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise DomainError(
            _("Keep the note under %(max)s characters.") % {"max": NOTE_MAX}, field="note"
        )
    before = (action.status, action.status_note)
    if before == (status, note):
        return action
    action.status, action.status_note = status, note
    action.completed_at = timezone.now() if status == ActionStatus.DONE else None
    action.save(update_fields=["status", "status_note", "completed_at", "updated_at"])
    audit_record(
        actor=actor,
        action="action.status",
        target=action,
        region=action.region,
        changes={"status": [before[0], status], "note": [before[1], note]},
    )
    return action


@transaction.atomic
def action_mark_reminded(*, action_ids: Iterable[int], on: datetime.date) -> int:
    """M9: overdue actions whose owner was reminded today are not reminded again for a week.
    Bookkeeping of the reminder task; returns how many actions were marked."""
    return Action.objects.filter(pk__in=list(action_ids)).update(last_reminded_on=on)


# --- report-back to the parent body (M7) ----------------------------------------------------


def _require_parent(body: Body) -> Body:
    if body.parent_id is None:
        raise DomainError(
            _("This body reports to no parent body."), field="reporter", code="no_parent_body"
        )
    return Body.objects.get(pk=body.parent_id)


@transaction.atomic
def meeting_assign_reporter(*, actor: Actor, meeting: Meeting, reporter: User | None) -> Meeting:
    """M7: per meeting one current member of the body reports back to the parent body (None
    takes the assignment away)."""
    meeting = lock_meeting(meeting)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ConflictError(_("This meeting has been cancelled."), code="cancelled")
    _require_parent(meeting.body)
    if reporter is not None and not is_current_member(meeting.body, reporter):
        raise DomainError(
            _("Only a current member of this body can report back."),
            field="reporter",
            code="unknown",
        )
    before = meeting.reporter_id
    if before == (reporter.pk if reporter else None):
        return meeting
    meeting.reporter = reporter
    meeting.save(update_fields=["reporter", "updated_at"])
    audit_record(
        actor=actor,
        action="meeting.reporter",
        target=meeting,
        region=meeting.region,
        changes={"reporter": [before, reporter.pk if reporter else None]},
    )
    return meeting


def parent_next_meeting(parent: Body) -> Meeting | None:
    """M7: the parent body's next meeting that has not started and is not cancelled."""
    return (
        Meeting.objects.filter(
            body_id=parent.pk,
            starts_at__gt=timezone.now(),
            status__in=(MeetingStatus.PLANNED, MeetingStatus.PUBLISHED),
        )
        .order_by("starts_at")
        .first()
    )


@transaction.atomic
def report_back_submit(*, actor: Actor, meeting: Meeting, title: str, text: str) -> ItemProposal:
    """M7: the assigned reporter's report-back of a meeting that has started becomes an item
    proposal ("report-back") for the parent body's next meeting, or for none yet."""
    meeting = lock_meeting(meeting)
    if actor is None or meeting.reporter_id != actor.pk:
        raise DomainError(
            _("Only the member assigned to report back can do so."), code="not_reporter"
        )
    parent = _require_parent(meeting.body)
    if meeting.status in (MeetingStatus.PLANNED, MeetingStatus.CANCELLED) or not (
        meeting.is_held or has_started(meeting)
    ):
        raise ConflictError(
            _("A report-back is written once the meeting has taken place."), code="not_started"
        )
    if ItemProposal.objects.filter(source_meeting=meeting, body=parent).exists():
        raise ConflictError(
            _("The report-back of this meeting has already been sent."), code="already_submitted"
        )
    title = require_text(title, field="title", message=_("Give the report-back a title."))
    text = require_text(text, field="text", message=_("Write the report-back."))
    proposal = ItemProposal.objects.create(
        region=parent.region,
        body=parent,
        submitted_by=actor,
        title=title,
        explanation=text,
        desired_type=ItemType.REPORT_BACK,
        meeting=parent_next_meeting(parent),
        source=ProposalSource.REPORT_BACK,
        source_meeting=meeting,
    )
    audit_created(
        actor=actor,
        action="proposal.report_back",
        target=proposal,
        region=parent.region,
        fields=PROPOSAL_AUDITED,
    )
    return proposal

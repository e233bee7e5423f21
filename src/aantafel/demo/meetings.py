"""A year of meetings for each demo body (M1–M10), written through the meeting services.

`content.py` describes, per body, its monthly rhythm and the meetings it held, oldest first,
plus one meeting still to come. Dates are counted back from the day the command runs: the held
meetings fall in the last twelve months (no meeting in August, the summer break), the one to
come within the next weeks.

Every meeting goes through the cycle the way a supporter would take it: planned, agenda built
(the approval of the previous minutes is put on it by the services, M10), agenda published,
members answer, held, presence, notes, decisions with each constituency's position (B6/M8),
actions (M9), the previous minutes approved, its own minutes drafted and circulated, and, for a
body with a parent, the report-back of the member assigned to it (M7), which the parent body's
next meeting takes on its agenda.

The services refuse the past (no planning in the past, answers only before the start, "held"
only after it …), so history is made with one trick, kept in `_move_into_past`: each meeting is
planned well in the future, taken up to publication and answers, then moved to its real date
before the steps that need it to have started. The tests of the meeting cycle do the same.
Afterwards `_date_the_record` and `_date_done` only put the moments the services stamped "now"
(held, circulated, approved, done) on the meeting's own timeline, so the pages read right.

A body that already has meetings is left alone, so running the command twice adds nothing.
"""

import datetime
import zoneinfo
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone

from aantafel.accounts.models import User
from aantafel.bodies.models import Body, Constituency, Membership, MembershipRole
from aantafel.meetings.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    Decision,
    ItemProposal,
    Meeting,
    Minutes,
    Presence,
    ProposalSource,
    ProposalStatus,
    Response,
)
from aantafel.meetings.services import (
    ItemFields,
    MeetingDetails,
    PositionInput,
    action_create,
    action_update_status,
    agenda_item_add,
    agenda_item_add_at_meeting,
    agenda_item_from_action,
    agenda_item_update,
    attendance_record,
    attendance_respond,
    decision_record,
    item_notes_save,
    meeting_assign_reporter,
    meeting_mark_held,
    meeting_plan,
    meeting_publish,
    minutes_approve,
    minutes_circulate,
    minutes_draft,
    minutes_save,
    proposal_accept,
    proposal_submit,
    report_back_submit,
)
from aantafel.regions.models import PlanTheme, Region

from .content import (
    MINUTES_CLOSING,
    REPORT_BACK_ACTIONS,
    REPORT_BACK_DECISIONS,
    REPORT_BACK_INTRO,
    REPORT_BACK_TITLE,
    ActionSpec,
    BodyMeetings,
    ItemSpec,
    MeetingSpec,
    RegionSpec,
)

SUMMER_BREAK = 8  # August
# The meeting to come falls within this window from today, so members can still bring in
# items before the body's deadline (M2, 10 days by default).
UPCOMING_FROM, UPCOMING_UNTIL = 12, 35
# Where a meeting is planned before it is moved to its real date: far enough ahead that
# publishing its agenda is "in time" (M5).
PLANNED_AHEAD = datetime.timedelta(days=60)


# --- time -------------------------------------------------------------------------------------


def _move_into_past(meeting: Meeting, starts_at: datetime.datetime) -> Meeting:
    """The demo's one way around the services' rules on time. A meeting is planned in the
    future (the services refuse the past), published and answered there, and then moved to
    its real date with a plain update, before it is recorded as held. The timestamps the
    services set to "now" along the way (publication) are moved with it. Returns the meeting
    as it now is."""
    duration = meeting.ends_at - meeting.starts_at
    lead = datetime.timedelta(days=meeting.body.agenda_lead_days + 1)
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=starts_at, ends_at=starts_at + duration, published_at=starts_at - lead
    )
    return Meeting.objects.select_related("body", "region").get(pk=meeting.pk)


def _date_the_record(meeting: Meeting) -> None:
    """The other half of the same trick, once the meeting's record is complete: the moments
    the services stamped "now" (recorded as held, minutes circulated, the previous minutes
    approved) are put on the meeting's own timeline."""
    circulated = min(meeting.ends_at + datetime.timedelta(days=7), timezone.now())
    Meeting.objects.filter(pk=meeting.pk).update(held_at=meeting.ends_at)
    Minutes.objects.filter(meeting=meeting).update(circulated_at=circulated)
    Minutes.objects.filter(approved_in=meeting).update(approved_at=meeting.ends_at)


def _date_done(action: Action, region: Region) -> None:
    """An action marked done by the demo was done on its due date, not today."""
    Action.objects.filter(pk=action.pk).update(
        completed_at=_at(region, action.due_date, datetime.time(12))
    )


def _at(region: Region, day: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, time, tzinfo=zoneinfo.ZoneInfo(region.timezone))


def _rhythm_day(year: int, month: int, spec: BodyMeetings) -> datetime.date:
    """The body's day of the month: its weekday in the given week ("2nd Tuesday")."""
    first = datetime.date(year, month, 1)
    day = first + datetime.timedelta(days=(spec.weekday - first.weekday()) % 7)
    return day + datetime.timedelta(weeks=spec.week - 1)


def _months_from(today: datetime.date, step: int) -> list[tuple[int, int]]:
    year, month, months = today.year, today.month, []
    for _ in range(15):
        months.append((year, month))
        month += step
        if month == 0:
            year, month = year - 1, 12
        elif month == 13:
            year, month = year + 1, 1
    return months


def meeting_days(
    spec: BodyMeetings, today: datetime.date
) -> tuple[list[datetime.date], datetime.date]:
    """The days of the held meetings (oldest first) and of the one to come."""
    held: list[datetime.date] = []
    for year, month in _months_from(today, -1):
        day = _rhythm_day(year, month, spec)
        if day < today and month != SUMMER_BREAK:
            held.append(day)
        if len(held) == len(spec.held):
            break
    window = (
        today + datetime.timedelta(days=UPCOMING_FROM),
        today + datetime.timedelta(days=UPCOMING_UNTIL),
    )
    upcoming = next(
        (
            day
            for year, month in _months_from(today, 1)[:3]
            if window[0] <= (day := _rhythm_day(year, month, spec)) <= window[1]
        ),
        None,
    )
    if upcoming is None:  # the body's day falls outside the window: the same weekday instead
        upcoming = window[0] + datetime.timedelta(days=(spec.weekday - window[0].weekday()) % 7)
    return sorted(held), upcoming


# --- loading ------------------------------------------------------------------------------------


@dataclass
class _BodyRun:
    """One body's meetings in this run."""

    spec: BodyMeetings
    body: Body
    supporter: User
    chair: User
    previous: Meeting | None = None
    actions: list[tuple[Action, ActionSpec]] = field(default_factory=list)


def load_meetings(region: Region, spec: RegionSpec, *, created: Counter[str]) -> None:
    """Writes the plan themes and the meetings of the region's bodies that have none yet,
    counting what it wrote in `created`. Runs inside the loader's transaction."""
    _Meetings(region, spec, created, timezone.localdate()).load()


class _Meetings:
    def __init__(
        self, region: Region, spec: RegionSpec, created: Counter[str], today: datetime.date
    ) -> None:
        self.region = region
        self.spec = spec
        self.created = created
        self.today = today
        self.users: dict[str, User] = {}
        self.themes: dict[str, PlanTheme] = {}
        self.constituencies = {c.name: c for c in Constituency.objects.filter(region=region)}

    def load(self) -> None:
        self.plan_themes()
        runs = [run for run in map(self.body_run, self.spec.meetings) if run is not None]
        # All held meetings of the region in the order they took place, so a report-back
        # reaches the parent body's next meeting (M7).
        held = [
            (_at(self.region, day, run.spec.start), run, index, meeting)
            for run in runs
            for index, (day, meeting) in enumerate(
                zip(meeting_days(run.spec, self.today)[0], run.spec.held, strict=True)
            )
        ]
        for starts_at, run, index, meeting in sorted(held, key=lambda row: row[0]):
            self.hold(run, index, meeting, starts_at)
        for run in runs:
            self.settle_actions(run)
        upcoming = [
            (_at(self.region, meeting_days(run.spec, self.today)[1], run.spec.start), run)
            for run in runs
            if run.spec.upcoming is not None
        ]
        for starts_at, run in sorted(upcoming, key=lambda row: row[0]):
            self.prepare(run, starts_at)

    # --- lookups --------------------------------------------------------------------------

    def user(self, email: str) -> User:
        if email not in self.users:
            self.users[email] = User.objects.get(email__iexact=email)
        return self.users[email]

    def plan_themes(self) -> None:
        # There is no service for plan themes: like the region itself, they are set up by
        # whoever installs Aan Tafel (and in the admin).
        for name, description in self.spec.plan_themes:
            theme, made = PlanTheme.objects.get_or_create(
                region=self.region, name=name, defaults={"description": description}
            )
            self.themes[name] = theme
            if made:
                self.created["plan themes"] += 1

    def body_run(self, spec: BodyMeetings) -> _BodyRun | None:
        body = Body.objects.select_related("region").get(region=self.region, name=spec.body)
        if Meeting.objects.filter(body=body).exists():
            return None  # loaded before, or someone has planned meetings there since
        current = Membership.objects.current(self.today).filter(body=body).select_related("user")
        supporter = current.filter(role=MembershipRole.SUPPORTER).first()
        chair = current.filter(role=MembershipRole.CHAIR).first()
        if supporter is None or chair is None:
            # A mistake in content.py, not a rule a user broke.
            raise LookupError(f"{body} needs a chair and a supporter for its meetings")
        return _BodyRun(spec=spec, body=body, supporter=supporter.user, chair=chair.user)

    # --- the meeting cycle ----------------------------------------------------------------

    def plan(self, run: _BodyRun, spec: MeetingSpec, starts_at: datetime.datetime) -> Meeting:
        """M1, M2, M4: plan the meeting and build its agenda; M10 puts the approval of the
        previous minutes at the top by itself."""
        meeting = meeting_plan(
            actor=run.supporter,
            body=run.body,
            details=MeetingDetails(
                starts_at=starts_at,
                ends_at=starts_at + datetime.timedelta(minutes=run.spec.duration_minutes),
                location=run.spec.location,
                online_url=run.spec.online_url,
                title=spec.title,
            ),
        )
        self.created["meetings"] += 1
        # M7: report-backs of child bodies waiting for this body's next meeting.
        waiting = ItemProposal.objects.filter(
            body=run.body,
            source=ProposalSource.REPORT_BACK,
            status=ProposalStatus.SUBMITTED,
            meeting__isnull=True,
        ).order_by("created_at")
        for proposal in waiting:
            proposal_accept(actor=run.supporter, proposal=proposal, meeting=meeting)
        items = (*run.spec.opening_items, *spec.items, *run.spec.closing_items)
        for item in items:
            if not item.added_at_meeting:
                self.add_item(run, meeting, item)
        return meeting

    def add_item(self, run: _BodyRun, meeting: Meeting, spec: ItemSpec) -> AgendaItem:
        fields = ItemFields(
            title=spec.title,
            item_type=spec.item_type,
            explanation=spec.explanation,
            presenter=self.user(spec.presenter) if spec.presenter else None,
            duration_minutes=spec.minutes,
            confidential=spec.confidential,
            client_impact=spec.client_impact,
        )
        self.created["agenda items"] += 1
        if not spec.proposed_by:
            return agenda_item_add(actor=run.supporter, meeting=meeting, item=fields)
        # M2: a member brought the item in; the supporter took it on the agenda and the chair
        # added what it means for clients (M4).
        proposal = proposal_submit(
            actor=self.user(spec.proposed_by),
            body=run.body,
            title=spec.title,
            explanation=spec.explanation,
            desired_type=spec.item_type,
            meeting=meeting,
        )
        self.created["item proposals"] += 1
        item = proposal_accept(
            actor=run.supporter, proposal=proposal, meeting=meeting, duration_minutes=spec.minutes
        )
        if spec.client_impact:
            item = agenda_item_update(
                actor=run.chair,
                item=item,
                fields=ItemFields(**{**fields.as_fields(), "presenter": item.presenter}),
            )
        return item

    def answer(self, meeting: Meeting, spec: MeetingSpec, answering: set[str]) -> None:
        """M6: apologies, and "coming" from those in `answering`; a seat holder's apologies
        invite their substitute (B5), who comes."""
        invited = Attendance.objects.filter(meeting=meeting).select_related("user")
        for attendance in list(invited):
            email = attendance.user.email
            if email in spec.apologies:
                response = Response.APOLOGIES
            elif email in answering:
                response = Response.ATTENDING
            else:
                continue
            attendance_respond(actor=attendance.user, meeting=meeting, response=response)
        for substitute in invited.filter(substitute_for__isnull=False, response=Response.NO_ANSWER):
            attendance_respond(actor=substitute.user, meeting=meeting, response=Response.ATTENDING)

    def presence(self, run: _BodyRun, meeting: Meeting, spec: MeetingSpec) -> None:
        """M6: the supporter records who was there. Most members come without answering the
        invitation first (which also keeps the demo quick to load)."""
        presence: dict[int, str] = {}
        for pk, email, current in Attendance.objects.filter(meeting=meeting).values_list(
            "pk", "user__email", "presence"
        ):
            if email in spec.absent or email in spec.no_answer:
                presence[pk] = Presence.ABSENT
            elif current == Presence.ABSENT:
                presence[pk] = Presence.PRESENT
        attendance_record(actor=run.supporter, meeting=meeting, presence=presence)

    def hold(
        self, run: _BodyRun, index: int, spec: MeetingSpec, starts_at: datetime.datetime
    ) -> None:
        """One held meeting, from planning to its circulated minutes and report-back."""
        meeting = self.plan(run, spec, timezone.now() + PLANNED_AHEAD)
        meeting_publish(actor=run.supporter, meeting=meeting)
        self.answer(meeting, spec, {run.chair.email, *spec.absent})
        meeting = _move_into_past(meeting, starts_at)
        meeting_mark_held(actor=run.supporter, meeting=meeting)
        self.presence(run, meeting, spec)
        for item_spec in spec.items:
            if item_spec.added_at_meeting:
                self.add_at_meeting(run, meeting, item_spec)
        items = {
            item.title: item
            for item in AgendaItem.objects.filter(meeting=meeting).select_related("meeting")
        }
        for item_spec in spec.items:
            self.outcomes(run, meeting, items[item_spec.title], item_spec)
        # M10: this meeting approves the minutes of the one before.
        chair = run.chair if run.chair.email not in spec.apologies else run.supporter
        if run.previous is not None:
            minutes_approve(
                actor=chair,
                minutes=Minutes.objects.get(meeting=run.previous),
                at_meeting=meeting,
                amendments=spec.amendments,
            )
            self.created["minutes approved"] += 1
        minutes = minutes_draft(actor=run.supporter, meeting=meeting)
        minutes = minutes_save(
            actor=run.supporter,
            minutes=minutes,
            text=minutes.text + MINUTES_CLOSING.format(supporter=run.supporter.full_name),
            revision=minutes.revision,
        )
        minutes_circulate(actor=run.supporter, minutes=minutes)
        self.report_back(run, meeting, spec, index)
        _date_the_record(meeting)
        run.previous = meeting

    def add_at_meeting(self, run: _BodyRun, meeting: Meeting, spec: ItemSpec) -> None:
        """M3: an item added at the meeting itself, with its approval on record."""
        agenda_item_add_at_meeting(
            actor=run.supporter,
            meeting=meeting,
            item=ItemFields(
                title=spec.title,
                item_type=spec.item_type,
                explanation=spec.explanation,
                presenter=self.user(spec.presenter) if spec.presenter else None,
                duration_minutes=spec.minutes,
            ),
            approval=spec.added_at_meeting,
        )
        self.created["agenda items"] += 1

    def outcomes(self, run: _BodyRun, meeting: Meeting, item: AgendaItem, spec: ItemSpec) -> None:
        """M10 notes, M8 decisions (with each constituency's position, B6), M9 actions."""
        if spec.notes:
            item_notes_save(actor=run.supporter, item=item, notes=spec.notes)
        decision: Decision | None = None
        if spec.decision is not None:
            votes = spec.decision.votes or (None, None, None)
            decision = decision_record(
                actor=run.supporter,
                item=item,
                text=spec.decision.text,
                outcome=spec.decision.outcome,
                votes_for=votes[0],
                votes_against=votes[1],
                votes_abstained=votes[2],
                positions=[
                    PositionInput(
                        constituency=self.constituencies[p.constituency],
                        stance=p.stance,
                        statement=p.statement,
                    )
                    for p in spec.decision.positions
                ],
            )
            self.created["decisions"] += 1
        day = timezone.localtime(meeting.starts_at, zoneinfo.ZoneInfo(self.region.timezone)).date()
        for action_spec in spec.actions:
            action = action_create(
                actor=run.supporter,
                body=run.body,
                title=action_spec.title,
                owner=self.user(action_spec.owner),
                due_date=day + datetime.timedelta(days=action_spec.due_days),
                meeting=meeting,
                item=item,
                decision=decision,
                theme=self.themes[action_spec.theme] if action_spec.theme else None,
                description=action_spec.description,
            )
            run.actions.append((action, action_spec))
            self.created["actions"] += 1

    def report_back(self, run: _BodyRun, meeting: Meeting, spec: MeetingSpec, index: int) -> None:
        """M7: the member whose turn it is reports back to the parent body."""
        if not run.spec.reporters:
            return
        reporter = self.user(run.spec.reporters[index % len(run.spec.reporters)])
        meeting_assign_reporter(actor=run.supporter, meeting=meeting, reporter=reporter)
        decisions = Decision.objects.filter(item__meeting=meeting).order_by("item__position")
        actions = Action.objects.filter(meeting=meeting).select_related("owner")
        lines = [spec.report_back or REPORT_BACK_INTRO.format(title=spec.title)]
        if decisions:
            lines += [REPORT_BACK_DECISIONS, *(f"- {d.text}" for d in decisions)]
        if actions:
            lines += [REPORT_BACK_ACTIONS, *(f"- {a.title} ({a.owner.full_name})" for a in actions)]
        day = timezone.localtime(meeting.starts_at, zoneinfo.ZoneInfo(self.region.timezone))
        report_back_submit(
            actor=reporter,
            meeting=meeting,
            title=REPORT_BACK_TITLE.format(body=run.body.name, date=f"{day:%d-%m-%Y}"),
            text="\n".join(lines),
        )
        self.created["report-backs"] += 1

    def settle_actions(self, run: _BodyRun) -> None:
        """M9: what became of the actions by today. Unless content.py says otherwise an action
        is done once its due date has passed and open before; one kept open past its due date
        is overdue."""
        for action, spec in run.actions:
            status = spec.status or (
                ActionStatus.DONE if action.due_date < self.today else ActionStatus.OPEN
            )
            if status == ActionStatus.OPEN:
                continue
            action_update_status(
                actor=self.user(spec.owner), action=action, status=status, note=spec.note
            )
            if status == ActionStatus.DONE:
                _date_done(action, self.region)

    def prepare(self, run: _BodyRun, starts_at: datetime.datetime) -> None:
        """The meeting to come: agenda with the approval of the last minutes and the overdue
        actions to follow up (M9), perhaps published and partly answered, and an item a member
        has just brought in (M2)."""
        spec = run.spec.upcoming
        assert spec is not None
        meeting = self.plan(run, spec, starts_at)
        overdue = Action.objects.filter(
            body=run.body, status=ActionStatus.OPEN, due_date__lt=self.today
        ).order_by("due_date")
        for action in overdue:
            agenda_item_from_action(actor=run.supporter, meeting=meeting, action=action)
            self.created["agenda items"] += 1
        if run.spec.reporters:
            turn = len(run.spec.held) % len(run.spec.reporters)
            meeting_assign_reporter(
                actor=run.supporter, meeting=meeting, reporter=self.user(run.spec.reporters[turn])
            )
        if run.spec.publish_upcoming:
            meeting_publish(actor=run.supporter, meeting=meeting)
            self.answer(meeting, spec, set(spec.answered))
        if run.spec.proposal is not None:
            proposal = run.spec.proposal
            proposal_submit(
                actor=self.user(proposal.submitted_by),
                body=run.body,
                title=proposal.title,
                explanation=proposal.explanation,
                desired_type=proposal.desired_type,
                meeting=meeting,
            )
            self.created["item proposals"] += 1

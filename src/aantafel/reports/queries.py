"""M13: a body's yearly report, generated from its registers.

Meetings held and cancelled, attendance per constituency, decisions by outcome, actions done and
open, report-backs to the parent body (M7) and what became of them, signals brought to the body's
table (S2) and advice it gave (S4) with what became of them, initiatives (B7). A fixed number of
queries whatever the size of the year. What is confidential (M4) stays out unless the
reader may see it, as on the meeting pages.
"""

import datetime
import zoneinfo
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from aantafel.advice.models import AdviceRequest
from aantafel.bodies.models import Body, Initiative
from aantafel.meetings.models import (
    Action,
    ActionStatus,
    Attendance,
    Decision,
    DecisionOutcome,
    ItemProposal,
    Meeting,
    MeetingStatus,
    Presence,
    ProposalSource,
    ProposalStatus,
)
from aantafel.signals.models import Signal
from aantafel.signals.workflow import SignalStatus

HELD_STATUSES = (
    MeetingStatus.HELD,
    MeetingStatus.MINUTES_DRAFT,
    MeetingStatus.MINUTES_APPROVED,
)
FIRST_YEAR, LAST_YEAR = 2000, 2100


@dataclass
class ConstituencyAttendance:
    """M6 per constituency: how often its representatives were present, excused, absent."""

    name: str  # empty: people who sit for no constituency (the chair, the supporter, guests)
    present: int
    excused: int
    absent: int

    @property
    def total(self) -> int:
        return self.present + self.excused + self.absent

    @property
    def rate(self) -> int:
        """Percentage present, rounded."""
        return round(100 * self.present / self.total) if self.total else 0


@dataclass
class OutcomeCount:
    outcome: str
    label: str
    count: int


@dataclass
class ReportBack:
    """M7: a report-back sent to the parent body and what became of it."""

    proposal: ItemProposal
    decisions: list[Decision] = field(default_factory=list)

    @property
    def accepted(self) -> bool:
        return self.proposal.status == ProposalStatus.ACCEPTED


@dataclass
class SignalCount:
    status: str
    label: str
    count: int


@dataclass
class YearReport:
    body: Body
    year: int
    meetings_held: list[Meeting]
    meetings_cancelled: list[Meeting]
    attendance: list[ConstituencyAttendance]
    decisions: list[Decision]
    actions_done: list[Action]
    actions_open: list[Action]
    report_backs: list[ReportBack]
    initiatives: list[Initiative]
    today: datetime.date
    # S2: signals put on this body's table in the year, counted by where they are now; only
    # their published summaries are shown (a signal's own text is for its triagers).
    signal_counts: list[SignalCount] = field(default_factory=list)
    signals_published: list[Signal] = field(default_factory=list)
    # S4: advice this body gave in the year, with the requester's response.
    advice_given: list[AdviceRequest] = field(default_factory=list)

    @property
    def signals_total(self) -> int:
        return sum(c.count for c in self.signal_counts)

    @property
    def outcomes(self) -> list[OutcomeCount]:
        counts = Counter(d.outcome for d in self.decisions)
        return [
            OutcomeCount(value, str(label), counts[value])
            for value, label in DecisionOutcome.choices
            if counts[value]
        ]

    @property
    def attendance_total(self) -> ConstituencyAttendance:
        return ConstituencyAttendance(
            "",
            sum(a.present for a in self.attendance),
            sum(a.excused for a in self.attendance),
            sum(a.absent for a in self.attendance),
        )


def year_bounds(body: Body, year: int) -> tuple[datetime.datetime, datetime.datetime]:
    """1 January to 1 January in the region's time zone: a meeting on New Year's Eve at 23:30
    in Hasselt belongs to the year it was held in there."""
    zone = zoneinfo.ZoneInfo(body.region.timezone)
    start = datetime.datetime(year, 1, 1, tzinfo=zone)
    return start, datetime.datetime(year + 1, 1, 1, tzinfo=zone)


def year_report(
    body: Body,
    year: int,
    *,
    include_confidential: bool,
    include_parent_confidential: bool,
    today: datetime.date | None = None,
) -> YearReport:
    """Everything of the yearly report in eleven queries."""
    start, end = year_bounds(body, year)
    in_year = Q(starts_at__gte=start, starts_at__lt=end)
    meetings = list(
        Meeting.objects.filter(in_year, body=body)
        .filter(status__in=(*HELD_STATUSES, MeetingStatus.CANCELLED))
        .annotate(item_count=Count("items"))
        .order_by("starts_at")
    )
    decisions = Decision.objects.filter(
        item__meeting__body=body,
        item__meeting__starts_at__gte=start,
        item__meeting__starts_at__lt=end,
    )
    if not include_confidential:
        decisions = decisions.exclude(item__confidential=True)
    return YearReport(
        body=body,
        year=year,
        meetings_held=[m for m in meetings if m.status in HELD_STATUSES],
        meetings_cancelled=[m for m in meetings if m.status == MeetingStatus.CANCELLED],
        attendance=_attendance(body, start, end),
        decisions=list(
            decisions.select_related("item__meeting").order_by(
                "item__meeting__starts_at", "item__position", "pk"
            )
        ),
        actions_done=list(
            _actions(body, include_confidential)
            .filter(status=ActionStatus.DONE, completed_at__gte=start, completed_at__lt=end)
            .order_by("completed_at", "pk")
        ),
        actions_open=list(
            _actions(body, include_confidential)
            .filter(status=ActionStatus.OPEN, created_at__lt=end)
            .order_by("due_date", "pk")
        ),
        report_backs=_report_backs(body, start, end, include_parent_confidential),
        initiatives=list(
            Initiative.objects.filter(body=body, taken_on__year=year).order_by("taken_on", "pk")
        ),
        today=today or timezone.localdate(),
        signal_counts=_signal_counts(body, start, end),
        signals_published=list(
            _signals_on_table(body, start, end)
            .filter(status=SignalStatus.CLOSED, publishable=True, safety_concern=False)
            .exclude(public_summary="")
            .only("pk", "public_summary", "closed_at")
            .order_by("closed_at", "pk")
        ),
        advice_given=list(
            AdviceRequest.objects.filter(
                body=body, advice_given_at__gte=start, advice_given_at__lt=end
            )
            .only(
                "pk",
                "title",
                "requester_name",
                "deadline",
                "advice_given_at",
                "response",
                "response_reason",
            )
            # The day it was given in the region, to compare with the deadline.
            .annotate(given_on=TruncDate("advice_given_at", tzinfo=start.tzinfo))
            .order_by("advice_given_at", "pk")
        ),
    )


def _signals_on_table(
    body: Body, start: datetime.datetime, end: datetime.datetime
) -> QuerySet[Signal]:
    """S2: signals that became an item proposal for this body in the year (duplicates follow
    their root and are not counted twice)."""
    return Signal.objects.filter(
        proposal__body=body,
        proposal__created_at__gte=start,
        proposal__created_at__lt=end,
        duplicate_of__isnull=True,
    )


def _signal_counts(
    body: Body, start: datetime.datetime, end: datetime.datetime
) -> list[SignalCount]:
    counts = dict(
        _signals_on_table(body, start, end)
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return [
        SignalCount(value, str(label), counts[value])
        for value, label in SignalStatus.choices
        if counts.get(value)
    ]


def _attendance(
    body: Body, start: datetime.datetime, end: datetime.datetime
) -> list[ConstituencyAttendance]:
    """Attendance → membership → constituency, counted over the meetings held in the year."""
    rows = (
        Attendance.objects.filter(
            meeting__body=body,
            meeting__starts_at__gte=start,
            meeting__starts_at__lt=end,
            meeting__status__in=HELD_STATUSES,
        )
        .exclude(presence="")
        .values("membership__constituency__name")
        .annotate(
            present=Count("pk", filter=Q(presence=Presence.PRESENT)),
            excused=Count("pk", filter=Q(presence=Presence.EXCUSED)),
            absent=Count("pk", filter=Q(presence=Presence.ABSENT)),
        )
        .order_by("membership__constituency__name")
    )
    result = [
        ConstituencyAttendance(
            r["membership__constituency__name"] or "", r["present"], r["excused"], r["absent"]
        )
        for r in rows
    ]
    # Those who sit for no constituency come last.
    return sorted(result, key=lambda a: (a.name == "", a.name.casefold()))


def _actions(body: Body, include_confidential: bool) -> QuerySet[Action]:
    actions = Action.objects.filter(body=body).select_related("owner", "theme")
    if not include_confidential:
        actions = actions.filter(Q(item__isnull=True) | Q(item__confidential=False))
    return actions


def _report_backs(
    body: Body, start: datetime.datetime, end: datetime.datetime, include_parent_confidential: bool
) -> list[ReportBack]:
    """M7: the item proposals this body's meetings of the year sent to the parent body, with
    the parent's decisions on the item each became."""
    parent_decisions = Decision.objects.order_by("pk")
    proposals = (
        ItemProposal.objects.filter(
            source=ProposalSource.REPORT_BACK,
            source_meeting__body=body,
            source_meeting__starts_at__gte=start,
            source_meeting__starts_at__lt=end,
        )
        .select_related("body", "meeting", "source_meeting", "item")
        .prefetch_related(Prefetch("item__decisions", queryset=parent_decisions))
        .order_by("source_meeting__starts_at", "pk")
    )
    result = []
    for proposal in proposals:
        item = getattr(proposal, "item", None)  # the parent's agenda item, once accepted
        outcome: list[Decision] = []
        if item is not None and (include_parent_confidential or not item.confidential):
            outcome = list(item.decisions.all())
        result.append(ReportBack(proposal, outcome))
    return result


def report_years(body: Body, today: datetime.date | None = None) -> list[int]:
    """The years of the body's meetings, for the year links; this year at least."""
    this_year = (today or timezone.localdate()).year
    years = {
        d.year
        for d in Meeting.objects.filter(body=body).dates("starts_at", "year")
        if FIRST_YEAR <= d.year <= LAST_YEAR
    }
    return sorted(years | {this_year})


__all__ = ["YearReport", "report_years", "year_bounds", "year_report"]

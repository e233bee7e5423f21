"""S6: the dashboards of the feedback loop, one function per dashboard.

Each function returns `Table`s: the numbers behind one chart, in the order of its columns. The
pages (chart, accessible table), the CSV and XLSX downloads and the API all use these same
tables, so what a chart shows, what the table says and what a download holds cannot differ.

Fast by construction: every number is aggregated in the database (TruncMonth in the region's
time zone, Count with filter=, values().annotate()), a fixed number of queries whatever the
amount of data. The one exception is the fallback for the percentiles of the answer time on
SQLite (the database of `make run`), which has no percentile aggregate: there the durations of
the answered signals of the period are read in one extra query and the percentiles computed the
way PostgreSQL's percentile_cont does.

Duplicates (a signal linked as the same as another) are left out of every count: the original
counts once. Safety concerns are counted like any other signal; no dashboard shows any text.
"""

import datetime
import math
import zoneinfo
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connections
from django.db.models import (
    Aggregate,
    Count,
    F,
    FloatField,
    Func,
    Q,
    QuerySet,
)
from django.db.models.functions import TruncDate, TruncMonth, TruncQuarter
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from aantafel.advice.models import AdviceRequest
from aantafel.advice.workflow import AdviceResponse
from aantafel.bodies.models import Body
from aantafel.meetings.models import Attendance, MeetingStatus, Presence
from aantafel.regions.models import Region
from aantafel.signals.models import Signal
from aantafel.signals.workflow import SignalStatus

#: the longest period a dashboard covers, in months
MAX_MONTHS = 60
DEFAULT_MONTHS = 12
HELD_STATUSES = (MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT, MeetingStatus.MINUTES_APPROVED)
WEEK = datetime.timedelta(weeks=1)


# --- The period -----------------------------------------------------------------------------------


def add_months(month: datetime.date, n: int) -> datetime.date:
    """The first day of the month `n` months after (or before) `month`."""
    index = month.year * 12 + month.month - 1 + n
    return datetime.date(index // 12, index % 12 + 1, 1)


def parse_month(value: str) -> datetime.date | None:
    """'2026-03' → 1 March 2026; None for anything else."""
    try:
        year, month = (int(part) for part in value.split("-"))
        return datetime.date(year, month, 1)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class Period:
    """Whole months, from the first day of `first` to the end of `last`, in the region's time
    zone: a signal at 23:30 on 31 January in Hasselt belongs to January."""

    first: datetime.date
    last: datetime.date
    zone: zoneinfo.ZoneInfo

    @classmethod
    def default(cls, region: Region, today: datetime.date | None = None) -> "Period":
        """The last twelve months, this one included."""
        zone = zoneinfo.ZoneInfo(region.timezone)
        today = today or timezone.localtime(timezone=zone).date()
        last = today.replace(day=1)
        return cls(add_months(last, 1 - DEFAULT_MONTHS), last, zone)

    @classmethod
    def of(cls, region: Region, first: datetime.date, last: datetime.date) -> "Period":
        return cls(first.replace(day=1), last.replace(day=1), zoneinfo.ZoneInfo(region.timezone))

    @property
    def start(self) -> datetime.datetime:
        return datetime.datetime.combine(self.first, datetime.time(), tzinfo=self.zone)

    @property
    def end(self) -> datetime.datetime:
        """The first moment after the period."""
        return datetime.datetime.combine(
            add_months(self.last, 1), datetime.time(), tzinfo=self.zone
        )

    def months(self) -> list[datetime.date]:
        count = (self.last.year - self.first.year) * 12 + self.last.month - self.first.month + 1
        return [add_months(self.first, i) for i in range(count)]

    def month_of(self, moment: datetime.datetime | datetime.date) -> datetime.date:
        """The first day of the month a moment (as TruncMonth returns it) falls in, locally."""
        if isinstance(moment, datetime.datetime):
            if timezone.is_aware(moment):
                moment = moment.astimezone(self.zone)
            moment = moment.date()
        return moment.replace(day=1)


# --- What a dashboard returns ---------------------------------------------------------------------


class Kind:
    """How a column's values are written: in the table, the CSV, the XLSX and the API."""

    MONTH = "month"  # a date, the first day of the month
    QUARTER = "quarter"  # text: 2026-Q1
    TEXT = "text"
    COUNT = "count"  # an int
    DAYS = "days"  # a float with one decimal, or None when there is nothing to measure
    PERCENT = "percent"  # a float with one decimal, or None


@dataclass(frozen=True)
class Column:
    key: str
    label: str | Promise
    kind: str = Kind.COUNT

    @property
    def numeric(self) -> bool:
        return self.kind in (Kind.COUNT, Kind.DAYS, Kind.PERCENT)


@dataclass(frozen=True)
class ChartSpec:
    """What charts.py draws of a table: the first column along one axis, these series."""

    kind: str  # "stacked", "bar", "line" or "hbar-stacked"
    series: tuple[str, ...]
    y_title: str | Promise = ""


@dataclass
class Table:
    key: str  # in the download's URL and file name, and the API
    caption: str | Promise
    columns: list[Column]
    rows: list[list[Any]]
    chart: ChartSpec | None = None
    notes: list[str | Promise] = field(default_factory=list)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def values(self, key: str) -> list[Any]:
        index = [c.key for c in self.columns].index(key)
        return [row[index] for row in self.rows]

    def as_dicts(self) -> list[dict[str, Any]]:
        return [dict(zip((c.key for c in self.columns), row, strict=True)) for row in self.rows]


@dataclass(frozen=True)
class Dashboard:
    name: str  # the API's name
    slug: str  # the page's address
    title: str | Promise
    description: str | Promise
    build: Callable[..., list[Table]]
    body_filter: bool = False


# --- Shared pieces ----------------------------------------------------------------------------------


DUPLICATES_NOTE = _(
    "Signals linked as the same as another signal are not counted: the original counts once."
)


def counted_signals(region: Region) -> QuerySet[Signal]:
    """The region's signals a dashboard counts: every one but the duplicates."""
    return Signal.objects.filter(region=region, duplicate_of__isnull=True)


def _by_month(period: Period, rows: Sequence[dict], key: str = "month") -> dict:
    return {period.month_of(row[key]): row for row in rows}


def _one_decimal(value: float | None) -> float | None:
    return None if value is None else round(float(value), 1)


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


# --- 1. Signals by status and by theme -----------------------------------------------------------


def signals_by_status(region: Region, period: Period) -> Table:
    """Per month the signals were brought in: how many, by the status they have now. One
    query."""
    statuses = list(SignalStatus)
    rows = (
        counted_signals(region)
        .filter(created_at__gte=period.start, created_at__lt=period.end)
        .annotate(month=TruncMonth("created_at", tzinfo=period.zone))
        .values("month")
        .annotate(
            total=Count("pk"),
            **{f"s_{s.value}": Count("pk", filter=Q(status=s.value)) for s in statuses},
        )
        .order_by("month")
    )
    found = _by_month(period, list(rows))
    columns = [
        Column("month", _("Month brought in"), Kind.MONTH),
        *(Column(s.value, s.label) for s in statuses),
        Column("total", _("Total")),
    ]
    table_rows = []
    for month in period.months():
        row = found.get(month, {})
        table_rows.append(
            [month, *(row.get(f"s_{s.value}", 0) for s in statuses), row.get("total", 0)]
        )
    return Table(
        key="status",
        caption=_("Signals per month they were brought in, by their status now"),
        columns=columns,
        rows=table_rows,
        chart=ChartSpec("stacked", tuple(s.value for s in statuses), _("Signals")),
        notes=[DUPLICATES_NOTE],
    )


def signals_by_theme(region: Region, period: Period) -> Table:
    """Per month the signals were brought in: how many per theme of the region's plan (a signal
    with two themes counts under each). One query."""
    rows = list(
        counted_signals(region)
        .filter(created_at__gte=period.start, created_at__lt=period.end)
        .annotate(month=TruncMonth("created_at", tzinfo=period.zone))
        .values("month", "themes__id", "themes__name")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    themes = sorted(
        {(r["themes__id"], r["themes__name"]) for r in rows if r["themes__id"] is not None},
        key=lambda theme: (theme[1].casefold(), theme[0]),
    )
    counts: dict[tuple[datetime.date, int | None], int] = defaultdict(int)
    for r in rows:  # one row per month and theme, not per signal
        counts[(period.month_of(r["month"]), r["themes__id"])] += r["n"]
    columns = [
        Column("month", _("Month brought in"), Kind.MONTH),
        *(Column(f"theme_{pk}", name) for pk, name in themes),
        Column("no_theme", _("No theme yet")),
    ]
    keys: list[int | None] = [pk for pk, _name in themes] + [None]
    table_rows = [[month, *(counts[(month, key)] for key in keys)] for month in period.months()]
    return Table(
        key="themes",
        caption=_("Signals per month they were brought in, by theme of the plan"),
        columns=columns,
        rows=table_rows,
        chart=ChartSpec("line", tuple(c.key for c in columns[1:]), _("Signals")),
        notes=[_("A signal with more than one theme counts under each of them."), DUPLICATES_NOTE],
    )


def signals_dashboard(region: Region, period: Period, body: Body | None = None) -> list[Table]:
    return [signals_by_status(region, period), signals_by_theme(region, period)]


# --- 2. Time from signal to answer ---------------------------------------------------------------


class PercentileCont(Aggregate):
    """PostgreSQL's percentile_cont: the value below which `fraction` of the values lie,
    interpolated between the two nearest."""

    function = "PERCENTILE_CONT"
    name = "PercentileCont"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression: Any, fraction: float, **extra: Any) -> None:
        super().__init__(expression, fraction=float(fraction), **extra)


def _days_between(start: str, end: str) -> Func:
    """The days between two moments, with fractions (PostgreSQL)."""
    return Func(
        F(end) - F(start),
        template="EXTRACT(EPOCH FROM (%(expressions)s)) / 86400.0",
        output_field=FloatField(),
    )


def percentile_cont(values: Sequence[float], fraction: float) -> float | None:
    """percentile_cont computed in Python, for the databases that lack it: the values are
    ordered, and the value at position fraction × (n − 1) interpolated linearly."""
    if not values:
        return None
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    below, above = math.floor(position), math.ceil(position)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


ANSWER_BUCKETS = (
    ("within_4_weeks", _("Within 4 weeks"), 0, 4),
    ("weeks_4_to_8", _("4 to 8 weeks"), 4, 8),
    ("weeks_8_to_12", _("8 to 12 weeks"), 8, 12),
    ("over_12_weeks", _("More than 12 weeks"), 12, None),
)


def _bucket_filter(low: int, high: int | None) -> Q:
    q = Q()
    if low:
        q &= Q(answered_at__gt=F("created_at") + low * WEEK)
    if high is not None:
        q &= Q(answered_at__lte=F("created_at") + high * WEEK)
    return q


def answer_time(region: Region, period: Period, body: Body | None = None) -> list[Table]:
    """Per month of answering: how many signals were answered, the median and 90th percentile of
    the days from signal to answer, and how many were answered within 4, 8, 12 or more weeks.
    One query on PostgreSQL, two on other databases."""
    answered = counted_signals(region).filter(
        answered_at__isnull=False, answered_at__gte=period.start, answered_at__lt=period.end
    )
    postgres = connections[answered.db].vendor == "postgresql"
    aggregates: dict[str, Any] = {
        "answered": Count("pk"),
        **{key: Count("pk", filter=_bucket_filter(lo, hi)) for key, _l, lo, hi in ANSWER_BUCKETS},
    }
    if postgres:
        days = _days_between("created_at", "answered_at")
        aggregates["median"] = PercentileCont(days, 0.5)
        aggregates["p90"] = PercentileCont(days, 0.9)
    rows = list(
        answered.annotate(month=TruncMonth("answered_at", tzinfo=period.zone))
        .values("month")
        .annotate(**aggregates)
        .order_by("month")
    )
    found = _by_month(period, rows)
    if not postgres:
        durations: dict[datetime.date, list[float]] = defaultdict(list)
        for created_at, answered_at in answered.values_list("created_at", "answered_at"):
            assert answered_at is not None  # the filter above
            seconds = (answered_at - created_at).total_seconds()
            durations[period.month_of(answered_at)].append(seconds / 86400)
        for month, row in found.items():
            row["median"] = percentile_cont(durations[month], 0.5)
            row["p90"] = percentile_cont(durations[month], 0.9)
    columns = [
        Column("month", _("Month answered"), Kind.MONTH),
        Column("answered", _("Answered")),
        Column("median_days", _("Median (days)"), Kind.DAYS),
        Column("p90_days", _("90th percentile (days)"), Kind.DAYS),
        *(Column(key, label) for key, label, _lo, _hi in ANSWER_BUCKETS),
    ]
    table_rows = []
    for month in period.months():
        row = found.get(month, {})
        table_rows.append(
            [
                month,
                row.get("answered", 0),
                _one_decimal(row.get("median")),
                _one_decimal(row.get("p90")),
                *(row.get(key, 0) for key, *_rest in ANSWER_BUCKETS),
            ]
        )
    return [
        Table(
            key="answer-time",
            caption=_("Days from signal to answer, per month the signals were answered"),
            columns=columns,
            rows=table_rows,
            chart=ChartSpec("bar", ("median_days", "p90_days"), _("Days")),
            notes=[
                _(
                    "Half of the signals were answered within the median, nine in ten within "
                    "the 90th percentile."
                ),
                DUPLICATES_NOTE,
            ],
        )
    ]


# --- 3. Advice adoption ------------------------------------------------------------------------


def quarter_label(moment: datetime.date) -> str:
    return f"{moment.year}-Q{(moment.month - 1) // 3 + 1}"


def advice_adoption(region: Region, period: Period, body: Body | None = None) -> list[Table]:
    """Per quarter the advice was given (in the period; of one body, or of all): how much
    advice was given, what the requester did with it, and whether it came before the deadline
    (given on or before the deadline day, in the region's time zone). One query."""
    given = AdviceRequest.objects.filter(
        region=region,
        advice_given_at__isnull=False,
        advice_given_at__gte=period.start,
        advice_given_at__lt=period.end,
    )
    if body is not None:
        given = given.filter(body=body)
    responses = list(AdviceResponse)
    rows = list(
        given.annotate(
            quarter=TruncQuarter("advice_given_at", tzinfo=period.zone),
            given_on=TruncDate("advice_given_at", tzinfo=period.zone),
        )
        .values("quarter")
        .annotate(
            given=Count("pk"),
            **{f"r_{r.value}": Count("pk", filter=Q(response=r.value)) for r in responses},
            no_response=Count("pk", filter=Q(response="")),
            on_time=Count("pk", filter=Q(given_on__lte=F("deadline"))),
            late=Count("pk", filter=Q(given_on__gt=F("deadline"))),
        )
        .order_by("quarter")
    )
    found = {quarter_label(period.month_of(r["quarter"])): r for r in rows}
    quarters = list(dict.fromkeys(quarter_label(month) for month in period.months()))
    columns = [
        Column("quarter", _("Quarter the advice was given"), Kind.QUARTER),
        Column("given", _("Advice given")),
        *(Column(r.value, r.label) for r in responses),
        Column("no_response", _("No response yet")),
        Column("on_time", _("Before the deadline")),
        Column("late", _("After the deadline")),
    ]
    table_rows = []
    for quarter in quarters:
        row = found.get(quarter, {})
        table_rows.append(
            [
                quarter,
                row.get("given", 0),
                *(row.get(f"r_{r.value}", 0) for r in responses),
                row.get("no_response", 0),
                row.get("on_time", 0),
                row.get("late", 0),
            ]
        )
    return [
        Table(
            key="advice",
            caption=_("Advice given per quarter, and what became of it"),
            columns=columns,
            rows=table_rows,
            chart=ChartSpec("stacked", (*(r.value for r in responses), "no_response"), _("Advice")),
            notes=[
                _(
                    "Advice given on the deadline day counts as before the deadline. A quarter "
                    "only partly in the period counts only the advice given in the period."
                )
            ],
        )
    ]


# --- 4. Attendance per constituency -------------------------------------------------------------


def attendance(region: Region, period: Period, body: Body | None = None) -> list[Table]:
    """Per constituency: how often its representatives were invited to a meeting held in the
    period (of one body, or of all), and present, excused or absent. One query."""
    attendances = Attendance.objects.filter(
        meeting__region=region,
        meeting__status__in=HELD_STATUSES,
        meeting__starts_at__gte=period.start,
        meeting__starts_at__lt=period.end,
        membership__constituency__isnull=False,
    )
    if body is not None:
        attendances = attendances.filter(meeting__body=body)
    rows = (
        attendances.values("membership__constituency_id", "membership__constituency__name")
        .annotate(
            invited=Count("pk"),
            present=Count("pk", filter=Q(presence=Presence.PRESENT)),
            excused=Count("pk", filter=Q(presence=Presence.EXCUSED)),
            absent=Count("pk", filter=Q(presence=Presence.ABSENT)),
            not_recorded=Count("pk", filter=Q(presence="")),
        )
        .order_by("membership__constituency__name", "membership__constituency_id")
    )
    columns = [
        Column("constituency", _("Constituency"), Kind.TEXT),
        Column("invited", _("Invited")),
        Column("present", Presence.PRESENT.label),
        Column("excused", Presence.EXCUSED.label),
        Column("absent", Presence.ABSENT.label),
        Column("not_recorded", _("Not recorded")),
        Column("present_percent", _("Present (%)"), Kind.PERCENT),
    ]
    table_rows = [
        [
            r["membership__constituency__name"],
            r["invited"],
            r["present"],
            r["excused"],
            r["absent"],
            r["not_recorded"],
            _percent(r["present"], r["invited"]),
        ]
        for r in rows
    ]
    return [
        Table(
            key="attendance",
            caption=_("Representatives at the meetings held, per constituency"),
            columns=columns,
            rows=table_rows,
            chart=ChartSpec(
                "hbar-stacked", ("present", "excused", "absent", "not_recorded"), _("Invitations")
            ),
            notes=[
                _(
                    "Only people who sit for a constituency count; chairs, supporters and "
                    "guests do not."
                )
            ],
        )
    ]


# --- The dashboards -------------------------------------------------------------------------------

DASHBOARDS: dict[str, Dashboard] = {
    d.name: d
    for d in (
        Dashboard(
            "signals",
            "signalen",
            _("Signals by status and theme"),
            _("How many signals came in each month, where they are now, and their themes."),
            signals_dashboard,
        ),
        Dashboard(
            "answer-time",
            "antwoordtijd",
            _("Time from signal to answer"),
            _("How long it took to answer signals, per month of answering."),
            answer_time,
        ),
        Dashboard(
            "advice",
            "adviezen",
            _("Advice adoption"),
            _("How much advice the bodies gave, on time or late, and whether it was adopted."),
            advice_adoption,
            body_filter=True,
        ),
        Dashboard(
            "attendance",
            "aanwezigheid",
            _("Attendance per constituency"),
            _("How often the representatives of each constituency were at the meetings held."),
            attendance,
            body_filter=True,
        ),
    )
}


def dashboard_by_slug(slug: str) -> Dashboard | None:
    return next((d for d in DASHBOARDS.values() if d.slug == slug), None)


def build(
    dashboard: Dashboard, region: Region, period: Period, body: Body | None = None
) -> list[Table]:
    return dashboard.build(region, period, body=body)


def period_from_input(
    region: Region, first: datetime.date | None, last: datetime.date | None
) -> Period:
    """The period a filter asks for: a missing end is twelve months after the start, a missing
    start twelve months before the end, and nothing at all the last twelve months."""
    if first is None and last is None:
        return Period.default(region)
    if first is None:
        assert last is not None
        first = add_months(last, 1 - DEFAULT_MONTHS)
    if last is None:
        last = add_months(first, DEFAULT_MONTHS - 1)
    return Period.of(region, first, last)


def period_problem(first: datetime.date | None, last: datetime.date | None) -> str | None:
    """Why a from/to pair is no period: "order" when it ends before it starts, "too_long" when it
    spans more than MAX_MONTHS months; None when it is fine."""
    if first is None or last is None:
        return None
    if last < first:
        return "order"
    if (last.year - first.year) * 12 + last.month - first.month + 1 > MAX_MONTHS:
        return "too_long"
    return None

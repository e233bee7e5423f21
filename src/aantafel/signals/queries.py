"""Reads of the signal loop's staff pages (S1–S3). Each function states its query count: the
list costs the same with ten signals or ten thousand, the page the same with two events or
two hundred."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from aantafel.bodies.models import Body, Constituency, Membership
from aantafel.core.typing import AnyUser
from aantafel.meetings.models import Meeting, MeetingStatus, ProposalStatus
from aantafel.regions.models import PlanTheme, Region

from .models import Signal, SignalEvent
from .workflow import SignalStatus

PAGE_SIZE = 25


@dataclass(frozen=True)
class SignalFilters:
    """What the signal list is narrowed to. Empty means: no narrowing."""

    status: str = ""
    theme: PlanTheme | None = None
    source: str = ""
    text: str = ""
    # None: all; True: only safety concerns; False: none of them.
    safety_concern: bool | None = None


def signal_list(
    queryset: QuerySet[Signal], filters: SignalFilters | None = None
) -> QuerySet[Signal]:
    """S2: the signals of `queryset` (already narrowed to what the viewer may see), newest
    first, with their constituency; their themes come in one more query per page (or per
    chunk of an export)."""
    filters = filters or SignalFilters()
    qs = queryset
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.theme is not None:
        qs = qs.filter(themes=filters.theme)
    if filters.source:
        qs = qs.filter(source=filters.source)
    if filters.text:
        qs = qs.filter(text__icontains=filters.text)
    if filters.safety_concern is not None:
        qs = qs.filter(safety_concern=filters.safety_concern)
    return (
        qs.select_related("constituency")
        .prefetch_related(Prefetch("themes", queryset=PlanTheme.objects.order_by("name")))
        .order_by("-created_at", "-pk")
    )


@dataclass
class TimelineLine:
    """One line of the timeline, with the statuses named."""

    event: SignalEvent
    from_label: str
    to_label: str


@dataclass
class SignalDetail:
    signal: Signal
    themes: list[PlanTheme]
    duplicates: list[Signal]
    timeline: list[TimelineLine]
    # The meeting the signal was put on, once the body accepted it there.
    accepted_meeting: Meeting | None = None
    similar: list[Signal] = field(default_factory=list)


def _label(status: str) -> str:
    return str(SignalStatus(status).label) if status in SignalStatus.values else status


def signal_detail(signal: Signal, *, with_duplicates: bool) -> SignalDetail:
    """S2: a signal with its themes, its duplicates and its timeline. Four queries (three
    without the duplicates), however long the timeline."""
    signal = (
        Signal.objects.select_related(
            "region",
            "constituency",
            "raised_by",
            "suggested_theme",
            "duplicate_of",
            "proposal__body",
            "proposal__meeting",
        )
        .prefetch_related(Prefetch("themes", queryset=PlanTheme.objects.order_by("name")))
        .get(pk=signal.pk)
    )
    events = (
        SignalEvent.objects.filter(signal=signal)
        .select_related("actor")
        .order_by("created_at", "pk")
    )
    duplicates = (
        list(Signal.objects.filter(duplicate_of=signal).order_by("created_at", "pk"))
        if with_duplicates
        else []
    )
    proposal = signal.proposal
    accepted = (
        proposal.meeting
        if proposal is not None and proposal.status == ProposalStatus.ACCEPTED
        else None
    )
    return SignalDetail(
        signal=signal,
        themes=list(signal.themes.all()),
        duplicates=duplicates,
        timeline=[
            TimelineLine(event=e, from_label=_label(e.from_status), to_label=_label(e.to_status))
            for e in events
        ],
        accepted_meeting=accepted,
    )


def theme_choices(region: Region, signal: Signal | None = None) -> QuerySet[PlanTheme]:
    """The region's themes in use, and those the signal already has (so saving the form does
    not drop a theme that went out of use)."""
    condition = Q(active=True)
    if signal is not None:
        condition |= Q(signals=signal)
    return PlanTheme.objects.filter(condition, region=region).distinct().order_by("name")


def table_bodies(region: Region) -> QuerySet[Body]:
    return Body.objects.filter(region=region).order_by("name")


def table_meetings(region: Region, now: datetime.datetime | None = None) -> QuerySet[Meeting]:
    """The meetings of the region's bodies that are still to come, with their body."""
    return (
        Meeting.objects.filter(
            region=region,
            status__in=[MeetingStatus.PLANNED, MeetingStatus.PUBLISHED],
            starts_at__gt=now or timezone.now(),
        )
        .select_related("body")
        .order_by("body__name", "starts_at")
    )


def represented_constituencies(user: AnyUser, region: Region) -> QuerySet[Constituency]:
    """S1: the constituencies the user represents now in one of the region's bodies."""
    if not user.is_authenticated:
        return Constituency.objects.none()
    current = (
        Membership.objects.current()
        .filter(user=user, region=region, constituency__isnull=False)
        .values("constituency")
    )
    return Constituency.objects.filter(region=region, pk__in=current).order_by("name")


def signal_in_region(region: Region, pk: int) -> Signal | None:
    return Signal.objects.filter(region=region, pk=pk).first()

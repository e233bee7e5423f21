"""Reads of the advice pages and API (S4). Each function states its query count: the list
costs the same with ten requests or ten thousand, the page the same with two views or twenty."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils import timezone

from aantafel.bodies.models import Body, Constituency, Membership
from aantafel.core.typing import AnyUser
from aantafel.meetings.models import Meeting, MeetingStatus
from aantafel.regions.models import Region

from .models import AdviceDocument, AdviceEvent, AdviceFollowUp, AdviceRequest
from .pdf import ViewLine, view_lines
from .workflow import OPEN_STATUSES, AdviceStatus

PAGE_SIZE = 25


@dataclass(frozen=True)
class AdviceFilters:
    """What the list is narrowed to. Empty means: no narrowing."""

    body: Body | None = None
    status: str = ""


def advice_list(
    queryset: QuerySet[AdviceRequest], filters: AdviceFilters | None = None
) -> QuerySet[AdviceRequest]:
    """S4: the requests of `queryset` (already narrowed to what the viewer may see), the
    nearest deadline first, with their body and the number of views recorded. One query per
    page."""
    filters = filters or AdviceFilters()
    qs = queryset
    if filters.body is not None:
        qs = qs.filter(body=filters.body)
    if filters.status:
        qs = qs.filter(status=filters.status)
    return (
        qs.select_related("body")
        .annotate(view_count=Count("views", distinct=True))
        .order_by("deadline", "pk")
    )


def is_overdue(advice_request: AdviceRequest) -> bool:
    """Past its deadline without an advice."""
    return advice_request.status in OPEN_STATUSES and advice_request.deadline < timezone.localdate()


@dataclass
class TimelineLine:
    event: AdviceEvent
    from_label: str
    to_label: str


@dataclass
class AdviceDetail:
    advice: AdviceRequest
    lines: list[ViewLine]
    documents: list[AdviceDocument]
    follow_ups: list[AdviceFollowUp]
    timeline: list[TimelineLine]
    overdue: bool


def _label(status: str) -> str:
    return str(AdviceStatus(status).label) if status in AdviceStatus.values else status


def advice_detail(advice_request: AdviceRequest) -> AdviceDetail:
    """S4: a request with each constituency and its view, its documents, follow-ups and
    timeline. Six queries, however many views, documents or events."""
    advice = AdviceRequest.objects.select_related(
        "region",
        "body__region",
        "created_by",
        "advice_given_by",
        "proposal__meeting",
    ).get(pk=advice_request.pk)
    events = (
        AdviceEvent.objects.filter(advice_request=advice)
        .select_related("actor")
        .order_by("created_at", "pk")
    )
    return AdviceDetail(
        advice=advice,
        lines=view_lines(advice),
        documents=list(AdviceDocument.objects.filter(advice_request=advice).order_by("pk")),
        follow_ups=list(
            AdviceFollowUp.objects.filter(advice_request=advice)
            .select_related("recorded_by")
            .order_by("on", "pk")
        ),
        timeline=[TimelineLine(e, _label(e.from_status), _label(e.to_status)) for e in events],
        overdue=is_overdue(advice),
    )


def creatable_bodies(user: AnyUser, region: Region) -> QuerySet[Body]:
    """The bodies the user may put an advice request to (advice.manage)."""
    from aantafel.regions.permissions import is_region_staff

    bodies = Body.objects.filter(region=region).order_by("name")
    if is_region_staff(user, region):
        return bodies
    if not user.is_authenticated:
        return bodies.none()
    led = (
        Membership.objects.current()
        .filter(user_id=user.pk, region=region, role__in=["chair", "supporter"])
        .values("body_id")
    )
    return bodies.filter(pk__in=led)


def visible_bodies(user: AnyUser, region: Region) -> QuerySet[Body]:
    """The bodies whose requests the user sees: for the list's filter."""
    from .permissions import advice_requests_visible_to

    return Body.objects.filter(
        pk__in=advice_requests_visible_to(user, region).values("body_id")
    ).order_by("name")


def recordable_constituencies(user: AnyUser, advice_request: AdviceRequest) -> list[Constituency]:
    """S4: the constituencies of the body's seats whose view this user may record: their own as
    a representative, every one as the body's supporter or chair."""
    from .roles import leads_body, represented_by, seat_constituencies

    seats = seat_constituencies(advice_request.body_id)
    if leads_body(user, advice_request.body_id):  # type: ignore[arg-type]
        return seats
    own = represented_by(user, advice_request.body_id)  # type: ignore[arg-type]
    return [c for c in seats if c.pk in own]


def upcoming_meetings(advice_request: AdviceRequest) -> QuerySet[Meeting]:
    """The body's meetings still to come, for "put on the agenda"."""
    return Meeting.objects.filter(
        body_id=advice_request.body_id,
        status__in=[MeetingStatus.PLANNED, MeetingStatus.PUBLISHED],
        starts_at__gt=timezone.now(),
    ).order_by("starts_at")

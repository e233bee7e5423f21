"""API of events (P2) under /api/v1/regions/{region_slug}/events/.

The same permissions as the staff pages (views_events.py) and the same services for every write
(services/events.py): a refusal is a 400 naming the field, a clash with the event's state (publish
twice, change a cancelled event, check in someone on the waiting list) a 409. An event, or a
registration, of another region is a 404.

Registering for an event is deliberately not in the API: it is a public form, rate-limited and
meant for people, on a page that says where to turn when someone is unsafe (like signals/api.py).
The attendee list leaves out e-mail addresses, like the page and its export.
"""

from typing import Any

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.meetings.api._common import read_schema, write_schema
from aantafel.regions.api import ApiViewSet, problems

from ..models import Event, Registration, RegistrationStatus
from ..services import events as services
from .serializers_events import (
    EventAttendanceSerializer,
    EventDetailSerializer,
    EventFilterSerializer,
    EventInputSerializer,
    EventMediaInputSerializer,
    EventRegistrationFilterSerializer,
    EventRegistrationSerializer,
    EventSerializer,
)

VIEW, MANAGE = "participation.view", "participation.manage"
EVENTS = "regions/<slug:region_slug>/events/"
EVENT = EVENTS + "<int:pk>/"
EVENT_FIELDS = (
    "title",
    "description",
    "programme",
    "place",
    "address",
    "starts_at",
    "ends_at",
    "capacity",
    "audiences",
    "registration_closes_at",
    "trajectory",
    "pillar",
)


@extend_schema(tags=["events"])
class EventViewSet(ApiViewSet):
    """Events of the region's participation with their registrations and check-in (P2).

    Permissions: list, retrieve and attendance — participation.view (any member of the
    region); create, update, partial_update, publish, cancel, media, registrations and
    check_in — participation.manage (region administrator and policy staff; 403 for other
    members). An event or registration of another region is a 404. Registering is not in the
    API: it is the public form's.
    """

    queryset = Event.objects.none()
    serializer_class = EventDetailSerializer
    input_serializers = {
        "create": EventInputSerializer,
        "update": EventInputSerializer,
        "partial_update": EventInputSerializer,
        "media": EventMediaInputSerializer,
    }
    rules = {
        "list": VIEW,
        "retrieve": VIEW,
        "attendance": VIEW,
        "create": MANAGE,
        "update": MANAGE,
        "partial_update": MANAGE,
        "publish": MANAGE,
        "cancel": MANAGE,
        "media": MANAGE,
        "registrations": MANAGE,
        "check_in": MANAGE,
    }
    event: Event | None = None
    registration: Registration | None = None

    def resolve_objects(self, **kwargs: Any) -> None:
        """The event of the URL, then its registration: each a 404 outside the region."""
        if "pk" in kwargs:
            self.event = get_object_or_404(Event, region=self.region, pk=kwargs["pk"])
        if "registration_pk" in kwargs:
            self.registration = get_object_or_404(
                Registration, region=self.region, event=self.event, pk=kwargs["registration_pk"]
            )

    @property
    def _event(self) -> Event:
        assert self.event is not None
        return self.event

    def _detail(self, event: Event, *, status_code: int = 200) -> Response:
        self.attendance_figures = services.attendance(event)
        return self.output(event, status_code=status_code)

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        if hasattr(self, "attendance_figures"):
            context["attendance"] = self.attendance_figures
        return context

    # --- Events ----------------------------------------------------------------------------------

    @extend_schema(
        parameters=[EventFilterSerializer],
        responses={200: EventSerializer, **problems(400, 401, 403, 404)},
    )
    def list(self, request: Request, region_slug: str) -> Response:
        serializer = EventFilterSerializer(
            data=request.query_params, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        filters = serializer.validated_data
        events = Event.objects.filter(region=self.region).annotate(
            confirmed=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
            ),
            waiting=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)
            ),
        )
        if filters.get("status"):
            events = events.filter(status=filters["status"])
        if filters.get("trajectory") is not None:
            events = events.filter(trajectory=filters["trajectory"])
        upcoming = filters.get("upcoming")
        if upcoming is None:
            events = events.order_by("-starts_at", "pk")
        elif upcoming:
            events = events.filter(ends_at__gte=timezone.now()).order_by("starts_at", "pk")
        else:
            events = events.filter(ends_at__lt=timezone.now()).order_by("-starts_at", "pk")
        return self.paginated(events, serializer_class=EventSerializer)

    @extend_schema(**read_schema(EventDetailSerializer))
    def retrieve(self, request: Request, region_slug: str, pk: int) -> Response:
        return self._detail(self._event)

    @extend_schema(
        summary=_("Plan an event; it stays a draft until it is published (P2)."),
        **write_schema(EventInputSerializer, EventDetailSerializer, created=True),
    )
    def create(self, request: Request, region_slug: str) -> Response:
        data = self.parse(EventInputSerializer)
        event = services.event_create(actor=self.actor, region=self.region, **data)
        return self._detail(event, status_code=201)

    def _save(self, *, partial: bool) -> Response:
        event = self._event
        data = self.parse(EventInputSerializer, partial=partial)
        if partial:
            data = {**{name: getattr(event, name) for name in EVENT_FIELDS}, **data}
        event = services.event_update(actor=self.actor, event=event, **data)
        return self._detail(event)

    @extend_schema(
        summary=_(
            "Change an event that is not cancelled; registrants get a calendar update when its "
            "time, place or title changes (P2)."
        ),
        **write_schema(EventInputSerializer, EventDetailSerializer),
    )
    def update(self, request: Request, region_slug: str, pk: int) -> Response:
        return self._save(partial=False)

    @extend_schema(
        summary=_("Change some of an event that is not cancelled (P2)."),
        **write_schema(EventInputSerializer, EventDetailSerializer),
    )
    def partial_update(self, request: Request, region_slug: str, pk: int) -> Response:
        return self._save(partial=True)

    @extend_schema(
        summary=_("Open a draft event for registration on the public site (P2)."),
        **write_schema(None, EventDetailSerializer),
    )
    def publish(self, request: Request, region_slug: str, pk: int) -> Response:
        event = services.event_publish(actor=self.actor, event=self._event)
        return self._detail(event)

    @extend_schema(
        summary=_("Cancel the event; everyone registered or waiting gets a mail (P2)."),
        **write_schema(None, EventDetailSerializer),
    )
    def cancel(self, request: Request, region_slug: str, pk: int) -> Response:
        event = services.event_cancel(actor=self.actor, event=self._event)
        return self._detail(event)

    @extend_schema(
        summary=_("Set the link to the after-movie or photos (P2)."),
        **write_schema(EventMediaInputSerializer, EventDetailSerializer),
    )
    def media(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(EventMediaInputSerializer)
        event = services.event_set_media(
            actor=self.actor, event=self._event, media_url=data["media_url"]
        )
        return self._detail(event)

    @extend_schema(
        summary=_("The figures per audience: registered, waiting, cancelled, checked in (P2)."),
        **read_schema(EventAttendanceSerializer),
    )
    def attendance(self, request: Request, region_slug: str, pk: int) -> Response:
        figures = services.attendance(self._event)
        return self.output(figures, serializer_class=EventAttendanceSerializer)

    # --- Registrations ---------------------------------------------------------------------------

    @extend_schema(
        summary=_("The attendee list, by name; without e-mail addresses (P2)."),
        parameters=[EventRegistrationFilterSerializer],
        responses={200: EventRegistrationSerializer, **problems(400, 401, 403, 404)},
    )
    def registrations(self, request: Request, region_slug: str, pk: int) -> Response:
        filters = self.parse_query(EventRegistrationFilterSerializer)
        found = services.attendees(self._event, q=filters["search"], status=filters["status"])
        if filters.get("audience"):
            found = found.filter(audience=filters["audience"])
        return self.paginated(found, serializer_class=EventRegistrationSerializer)

    @extend_schema(
        summary=_("Check someone with a confirmed place in, once (P2)."),
        **write_schema(None, EventRegistrationSerializer),
    )
    def check_in(self, request: Request, region_slug: str, pk: int, registration_pk: int) -> Any:
        assert self.registration is not None
        registration = services.registration_check_in(
            actor=self.actor, registration=self.registration
        )
        return self.output(registration, serializer_class=EventRegistrationSerializer)


def _view(**actions: Any) -> Any:
    return EventViewSet.as_view(actions)


urlpatterns = [
    path(EVENTS, _view(get="list", post="create"), name="event-list"),
    path(EVENT, _view(get="retrieve", put="update", patch="partial_update"), name="event-detail"),
    path(EVENT + "publish/", _view(post="publish"), name="event-publish"),
    path(EVENT + "cancel/", _view(post="cancel"), name="event-cancel"),
    path(EVENT + "media/", _view(put="media"), name="event-media"),
    path(EVENT + "attendance/", _view(get="attendance"), name="event-attendance"),
    path(EVENT + "registrations/", _view(get="registrations"), name="event-registrations"),
    path(
        EVENT + "registrations/<int:registration_pk>/check-in/",
        _view(post="check_in"),
        name="event-registration-check-in",
    ),
]

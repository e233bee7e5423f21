"""M1, M5: a body's meetings: plan, plan a series, change, cancel, publish, record as held,
and read the list and the detail with agenda and attendance."""

from typing import Any

from django.db.models import Model
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.regions.api import problems

from .. import queries_api as queries
from .. import services
from ..models import Meeting
from ..serializers import (
    CancelInputSerializer,
    MeetingDetailSerializer,
    MeetingFilterSerializer,
    MeetingInputSerializer,
    MeetingSerializer,
    MeetingSeriesInputSerializer,
)
from ._common import (
    BODY,
    CONFIDENTIAL,
    LEAD,
    MANAGE,
    SUBMIT,
    VIEW,
    WRITE_409,
    BodyScopedViewSet,
    meeting_of,
    read_schema,
    write_schema,
)


@extend_schema(tags=["meetings"])
class MeetingViewSet(BodyScopedViewSet):
    """A body's meetings (M1), each with its agenda, documents and attendance (M4–M6).

    Permissions: list and retrieve — meetings.view_meeting (any member of the region;
    confidential items only for the body's chair, supporter and members:
    meetings.view_confidential); create, create_series, update, partial_update, cancel, publish
    and held — meetings.manage_meeting (region administrator or the body's supporter).
    """

    queryset = Meeting.objects.none()
    serializer_class = MeetingSerializer
    input_serializers = {
        "create": MeetingInputSerializer,
        "create_series": MeetingSeriesInputSerializer,
        "update": MeetingInputSerializer,
        "partial_update": MeetingInputSerializer,
        "cancel": CancelInputSerializer,
    }
    rules = {
        "list": VIEW,
        "retrieve": VIEW,
        "create": MANAGE,
        "create_series": MANAGE,
        "update": MANAGE,
        "partial_update": MANAGE,
        "cancel": MANAGE,
        "publish": MANAGE,
        "held": MANAGE,
    }
    meeting: Meeting  # set for the actions on one meeting

    def resolve_objects(self, **kwargs: Any) -> None:
        super().resolve_objects(**kwargs)
        if "pk" in kwargs:
            self.meeting = meeting_of(self.request.user, self.body, kwargs["pk"])

    def permission_object(self) -> Model | None:
        return getattr(self, "meeting", None) or self.body

    def _detail(self, meeting: Meeting, *, status_code: int = 200) -> Response:
        user = self.request.user
        meeting.body = self.body
        can_confidential = user.has_perm(CONFIDENTIAL, meeting)
        detail = queries.meeting_detail(meeting, user, with_confidential=can_confidential)
        detail.permissions = {  # type: ignore[attr-defined]
            "manage": user.has_perm(MANAGE, meeting),
            "lead": user.has_perm(LEAD, meeting),
            "submit_item": user.has_perm(SUBMIT, meeting),
            "view_confidential": can_confidential,
        }
        return self.output(
            detail, serializer_class=MeetingDetailSerializer, status_code=status_code
        )

    @extend_schema(parameters=[MeetingFilterSerializer], **read_schema(MeetingSerializer))
    def list(self, request: Request, region_slug: str, body_id: int) -> Response:
        filters = self.parse_query(MeetingFilterSerializer)
        meetings = queries.meetings_of_body(
            self.body,
            status=filters.get("status"),
            date_from=filters.get("from"),
            date_to=filters.get("to"),
        )
        return self.paginated(meetings)

    @extend_schema(
        summary=_("Plan one meeting (M1)."),
        **write_schema(MeetingInputSerializer, MeetingDetailSerializer, created=True),
    )
    def create(self, request: Request, region_slug: str, body_id: int) -> Response:
        data = self.parse(MeetingInputSerializer)
        meeting = services.meeting_plan(
            actor=self.actor, body=self.body, details=MeetingInputSerializer.details(data)
        )
        return self._detail(meeting, status_code=201)

    @extend_schema(
        summary=_("Plan a series of meetings at the same time of day (M1)."),
        request=MeetingSeriesInputSerializer,
        responses={201: MeetingSerializer(many=True), **problems(*WRITE_409)},
    )
    def create_series(self, request: Request, region_slug: str, body_id: int) -> Response:
        data = self.parse(MeetingSeriesInputSerializer)
        meetings = services.meeting_plan_series(
            actor=self.actor,
            body=self.body,
            details=MeetingSeriesInputSerializer.details(data),
            frequency=data["frequency"],
            count=data["count"],
        )
        listed = queries.meetings_of_body(self.body).filter(pk__in=[m.pk for m in meetings])
        data_out = MeetingSerializer(listed, many=True, context=self.get_serializer_context()).data
        return Response(data_out, status=201)

    @extend_schema(**read_schema(MeetingDetailSerializer))
    def retrieve(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        return self._detail(self.meeting)

    def _update(self, *, partial: bool) -> Response:
        data = self.parse(MeetingInputSerializer, partial=partial)
        meeting = services.meeting_update(
            actor=self.actor,
            meeting=self.meeting,
            details=MeetingInputSerializer.details(data, self.meeting if partial else None),
        )
        return self._detail(meeting)

    @extend_schema(
        summary=_("Change time or place; the invited get their calendar entry updated (M5)."),
        **write_schema(MeetingInputSerializer, MeetingDetailSerializer),
    )
    def update(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        return self._update(partial=False)

    @extend_schema(**write_schema(MeetingInputSerializer, MeetingDetailSerializer))
    def partial_update(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        return self._update(partial=True)

    @extend_schema(
        summary=_("Cancel; the invited get their calendar entry cancelled (M5)."),
        **write_schema(CancelInputSerializer, MeetingDetailSerializer),
    )
    def cancel(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        data = self.parse(CancelInputSerializer)
        meeting = services.meeting_cancel(
            actor=self.actor, meeting=self.meeting, reason=data["reason"]
        )
        return self._detail(meeting)

    @extend_schema(
        summary=_("Publish the agenda and invite the members with a calendar entry (M5)."),
        **write_schema(None, MeetingDetailSerializer),
    )
    def publish(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        meeting = services.meeting_publish(actor=self.actor, meeting=self.meeting)
        return self._detail(meeting)

    @extend_schema(
        summary=_("Record that the meeting took place (M1, M6)."),
        **write_schema(None, MeetingDetailSerializer),
    )
    def held(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        meeting = services.meeting_mark_held(actor=self.actor, meeting=self.meeting)
        return self._detail(meeting)


urlpatterns = [
    path(
        BODY + "meetings/",
        MeetingViewSet.as_view({"get": "list", "post": "create"}),
        name="meeting-list",
    ),
    path(
        BODY + "meetings/series/",
        MeetingViewSet.as_view({"post": "create_series"}),
        name="meeting-series",
    ),
    path(
        BODY + "meetings/<int:pk>/",
        MeetingViewSet.as_view({"get": "retrieve", "put": "update", "patch": "partial_update"}),
        name="meeting-detail",
    ),
    path(
        BODY + "meetings/<int:pk>/cancel/",
        MeetingViewSet.as_view({"post": "cancel"}),
        name="meeting-cancel",
    ),
    path(
        BODY + "meetings/<int:pk>/publish/",
        MeetingViewSet.as_view({"post": "publish"}),
        name="meeting-publish",
    ),
    path(
        BODY + "meetings/<int:pk>/held/",
        MeetingViewSet.as_view({"post": "held"}),
        name="meeting-held",
    ),
]

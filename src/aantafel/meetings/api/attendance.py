"""M6: who is invited, their answers and their presence."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.regions.api import problems

from .. import queries_api as queries
from .. import services
from ..models import Attendance
from ..serializers import (
    AttendanceRecordInputSerializer,
    AttendanceRespondInputSerializer,
    AttendanceSerializer,
)
from ._common import (
    MANAGE,
    MEETING,
    VIEW,
    WRITE_409,
    MeetingScopedViewSet,
    read_schema,
    write_schema,
)


@extend_schema(tags=["attendance"])
class AttendanceViewSet(MeetingScopedViewSet):
    """Who is invited, their answers and, once the meeting has started, their presence (M6).

    Permissions: list — meetings.view_meeting (any member of the region); respond —
    meetings.view_meeting and being invited to the meeting (403 otherwise); record —
    meetings.manage_meeting (region administrator or the body's supporter).
    """

    queryset = Attendance.objects.none()
    serializer_class = AttendanceSerializer
    input_serializers = {
        "respond": AttendanceRespondInputSerializer,
        "record": AttendanceRecordInputSerializer,
    }
    rules = {"list": VIEW, "respond": VIEW, "record": MANAGE}

    @extend_schema(**read_schema(AttendanceSerializer))
    def list(self, request: Request, region_slug: str, body_id: int, meeting_id: int) -> Response:
        return self.paginated(queries.meeting_attendances(self.meeting))

    @extend_schema(
        summary=_("Say whether you come (M6); a seat holder's apologies invite the substitute."),
        **write_schema(AttendanceRespondInputSerializer, AttendanceSerializer),
    )
    def respond(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int
    ) -> Response:
        if not Attendance.objects.filter(meeting=self.meeting, user=self.actor).exists():
            self.permission_denied(request, message=str(_("You are not invited to this meeting.")))
        data = self.parse(AttendanceRespondInputSerializer)
        attendance = services.attendance_respond(
            actor=self.actor, meeting=self.meeting, response=data["response"]
        )
        return self.output(queries.meeting_attendances(self.meeting).get(pk=attendance.pk))

    @extend_schema(
        summary=_("Record who was present, excused or absent (M6). Answers the changed rows."),
        request=AttendanceRecordInputSerializer,
        responses={200: AttendanceSerializer(many=True), **problems(*WRITE_409)},
    )
    def record(self, request: Request, region_slug: str, body_id: int, meeting_id: int) -> Response:
        data = self.parse(AttendanceRecordInputSerializer)
        changed = services.attendance_record(
            actor=self.actor,
            meeting=self.meeting,
            presence=AttendanceRecordInputSerializer.presence_map(data),
        )
        rows = queries.meeting_attendances(self.meeting).filter(pk__in=[a.pk for a in changed])
        out = AttendanceSerializer(rows, many=True, context=self.get_serializer_context()).data
        return Response(out)


urlpatterns = [
    path(
        MEETING + "attendance/",
        AttendanceViewSet.as_view({"get": "list", "post": "record"}),
        name="attendance-list",
    ),
    path(
        MEETING + "attendance/mine/",
        AttendanceViewSet.as_view({"post": "respond"}),
        name="attendance-mine",
    ),
]

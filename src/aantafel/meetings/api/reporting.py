"""M7: per meeting one member reports back to the parent body; their report-back becomes an
item proposal for the parent body's next meeting."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from .. import queries_api as queries
from .. import services
from ..models import Meeting
from ..serializers import (
    MeetingReporterSerializer,
    ProposalSerializer,
    ReportBackInputSerializer,
    ReporterInputSerializer,
)
from ._common import LEAD, MEETING, VIEW, MeetingScopedViewSet, write_schema


@extend_schema(tags=["meetings"])
class ReportingViewSet(MeetingScopedViewSet):
    """Who reports back on a meeting to the parent body, and their report-back (M7).

    Permissions: reporter — meetings.lead_meeting (region administrator, the body's supporter
    or chair); report_back — meetings.view_meeting and being the member assigned to report back
    on this meeting (403 otherwise).
    """

    queryset = Meeting.objects.none()
    serializer_class = MeetingReporterSerializer
    input_serializers = {
        "reporter": ReporterInputSerializer,
        "report_back": ReportBackInputSerializer,
    }
    rules = {"reporter": LEAD, "report_back": VIEW}

    @extend_schema(
        summary=_("Name the member who reports back to the parent body; null: nobody (M7)."),
        **write_schema(ReporterInputSerializer, MeetingReporterSerializer),
    )
    def reporter(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int
    ) -> Response:
        data = self.parse(ReporterInputSerializer)
        meeting = services.meeting_assign_reporter(
            actor=self.actor, meeting=self.meeting, reporter=data["reporter"]
        )
        return self.output(meeting)

    @extend_schema(
        summary=_(
            "Send your report-back: an item proposal for the parent body's next meeting (M7)."
        ),
        **write_schema(ReportBackInputSerializer, ProposalSerializer, created=True),
    )
    def report_back(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int
    ) -> Response:
        if self.meeting.reporter_id != self.actor.pk:
            self.permission_denied(
                request, message=str(_("Only the member assigned to report back can do so."))
            )
        data = self.parse(ReportBackInputSerializer)
        proposal = services.report_back_submit(
            actor=self.actor, meeting=self.meeting, title=data["title"], text=data["text"]
        )
        sent = queries.proposals_of_body(proposal.body).get(pk=proposal.pk)
        return self.output(sent, serializer_class=ProposalSerializer, status_code=201)


urlpatterns = [
    path(
        MEETING + "reporter/",
        ReportingViewSet.as_view({"put": "reporter"}),
        name="meeting-reporter",
    ),
    path(
        MEETING + "report-back/",
        ReportingViewSet.as_view({"post": "report_back"}),
        name="meeting-report-back",
    ),
]

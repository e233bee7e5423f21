"""M10: the notes taken on each item at the meeting, the minutes drafted from them, their
approval at the next meeting and corrections."""

from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from .. import queries_api as queries
from .. import queries_follow_up as follow_up
from .. import services
from ..models import AgendaItem, ItemType, Minutes, MinutesStatus
from ..permissions import item_get_for_user
from ..serializers import (
    AgendaItemSerializer,
    ItemNotesInputSerializer,
    MinutesApproveInputSerializer,
    MinutesCorrectInputSerializer,
    MinutesSaveInputSerializer,
    MinutesSerializer,
)
from ._common import (
    CONFIDENTIAL,
    LEAD,
    MANAGE,
    MEETING,
    VIEW,
    ItemScopedViewSet,
    MeetingScopedViewSet,
    read_schema,
    write_schema,
)


@extend_schema(tags=["minutes"])
class MinutesViewSet(MeetingScopedViewSet):
    """A meeting's minutes: drafted from the record, saved with the revision they started from,
    circulated, approved at the next meeting and then only corrected as new versions (M10).

    Permissions: retrieve — meetings.view_meeting for approved minutes (any member of the
    region); minutes not yet approved only with meetings.view_confidential (the body's chair,
    supporter and members) or meetings.manage_meeting (403 otherwise); draft, save, circulate
    and correct — meetings.manage_meeting (region administrator or the body's supporter).
    """

    queryset = Minutes.objects.none()
    serializer_class = MinutesSerializer
    input_serializers = {
        "save": MinutesSaveInputSerializer,
        "correct": MinutesCorrectInputSerializer,
    }
    rules = {
        "retrieve": VIEW,
        "draft": MANAGE,
        "save": MANAGE,
        "circulate": MANAGE,
        "correct": MANAGE,
    }

    def _minutes(self) -> Minutes:
        minutes = follow_up.minutes_with_versions(self.meeting)
        if minutes is None:
            raise Http404
        return minutes

    @extend_schema(**read_schema(MinutesSerializer))
    def retrieve(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int
    ) -> Response:
        minutes = self._minutes()
        user = request.user
        if minutes.status != MinutesStatus.APPROVED and not (
            user.has_perm(CONFIDENTIAL, self.meeting) or user.has_perm(MANAGE, self.meeting)
        ):
            self.permission_denied(request)
        return self.output(minutes)

    @extend_schema(
        summary=_("Draft the minutes of a held meeting from its record (M10)."),
        **write_schema(None, MinutesSerializer, created=True),
    )
    def draft(self, request: Request, region_slug: str, body_id: int, meeting_id: int) -> Response:
        services.minutes_draft(actor=self.actor, meeting=self.meeting)
        return self.output(self._minutes(), status_code=201)

    @extend_schema(
        summary=_("Save the draft; 409 if someone saved since `revision` (M10)."),
        **write_schema(MinutesSaveInputSerializer, MinutesSerializer),
    )
    def save(self, request: Request, region_slug: str, body_id: int, meeting_id: int) -> Response:
        data = self.parse(MinutesSaveInputSerializer)
        services.minutes_save(
            actor=self.actor, minutes=self._minutes(), text=data["text"], revision=data["revision"]
        )
        return self.output(self._minutes())

    @extend_schema(
        summary=_("Send the draft round to the members (M10)."),
        **write_schema(None, MinutesSerializer),
    )
    def circulate(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int
    ) -> Response:
        services.minutes_circulate(actor=self.actor, minutes=self._minutes())
        return self.output(self._minutes())

    @extend_schema(
        summary=_("Correct approved minutes: a new version with its reason (M10)."),
        **write_schema(MinutesCorrectInputSerializer, MinutesSerializer),
    )
    def correct(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int
    ) -> Response:
        data = self.parse(MinutesCorrectInputSerializer)
        services.minutes_correct(
            actor=self.actor, minutes=self._minutes(), text=data["text"], reason=data["reason"]
        )
        return self.output(self._minutes())


@extend_schema(tags=["minutes"])
class MinutesApprovalViewSet(MeetingScopedViewSet):
    """Approving the previous meeting's minutes at the item of this meeting's agenda that holds
    their approval (M10); the approved version is frozen.

    Permission: meetings.lead_meeting (region administrator, the body's supporter or chair) of
    this meeting.
    """

    queryset = Minutes.objects.none()
    serializer_class = MinutesSerializer
    input_serializers = {"approve": MinutesApproveInputSerializer}
    rules = {"approve": LEAD}

    @extend_schema(
        summary=_("Approve the minutes this item is about, with or without amendments (M10)."),
        **write_schema(MinutesApproveInputSerializer, MinutesSerializer),
    )
    def approve(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int, pk: int
    ) -> Response:
        item = item_get_for_user(request.user, self.meeting, pk)
        minutes = (
            Minutes.objects.select_related("meeting").filter(meeting_id=item.minutes_of_id).first()
            if item.item_type == ItemType.MINUTES_APPROVAL and item.minutes_of_id
            else None
        )
        if minutes is None:
            raise Http404
        data = self.parse(MinutesApproveInputSerializer)
        services.minutes_approve(
            actor=self.actor,
            minutes=minutes,
            at_meeting=self.meeting,
            amendments=data["amendments"],
            text=data["text"],
            revision=data["revision"],
        )
        return self.output(follow_up.minutes_with_versions(minutes.meeting))


@extend_schema(tags=["minutes"])
class ItemNotesViewSet(ItemScopedViewSet):
    """The notes taken on an item at the meeting, from which the minutes are drafted (M10).

    Permission: meetings.lead_meeting (region administrator, the body's supporter or chair), once
    the meeting has started.
    """

    queryset = AgendaItem.objects.none()
    serializer_class = AgendaItemSerializer
    input_serializers = {"save": ItemNotesInputSerializer}
    rules = {"save": LEAD}

    @extend_schema(
        summary=_("Save the notes on an item of a meeting that has started (M10)."),
        **write_schema(ItemNotesInputSerializer, AgendaItemSerializer),
    )
    def save(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int, pk: int
    ) -> Response:
        data = self.parse(ItemNotesInputSerializer)
        services.item_notes_save(actor=self.actor, item=self.item, notes=data["notes"])
        return self.output(queries.item_with_slot(self.item))


urlpatterns = [
    path(
        MEETING + "minutes/",
        MinutesViewSet.as_view({"get": "retrieve", "post": "draft", "put": "save"}),
        name="minutes-detail",
    ),
    path(
        MEETING + "minutes/circulate/",
        MinutesViewSet.as_view({"post": "circulate"}),
        name="minutes-circulate",
    ),
    path(
        MEETING + "minutes/correct/",
        MinutesViewSet.as_view({"post": "correct"}),
        name="minutes-correct",
    ),
    path(
        MEETING + "items/<int:pk>/approve-minutes/",
        MinutesApprovalViewSet.as_view({"post": "approve"}),
        name="minutes-approve",
    ),
    path(
        MEETING + "items/<int:pk>/notes/",
        ItemNotesViewSet.as_view({"put": "save"}),
        name="agenda-item-notes",
    ),
]

"""M14: a client representatives' consultation mirrors its parent body's agenda items and open
advice requests (S4) into its own agenda, to prepare the client perspective it brings back to
that table."""

from typing import Any

from django.db.models import Model
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from .. import queries_api as queries
from .. import services
from ..models import AgendaItem
from ..permissions import item_get_for_user
from ..serializers import (
    AgendaItemSerializer,
    ClientPerspectiveInputSerializer,
    MirrorableAdviceRequestSerializer,
    MirrorableItemSerializer,
    MirrorAdviceInputSerializer,
    MirrorInputSerializer,
)
from ._common import LEAD, MEETING, MeetingScopedViewSet, read_schema, write_schema


@extend_schema(tags=["agenda"])
class MirrorViewSet(MeetingScopedViewSet):
    """The parent body's items a consultation's meeting may mirror, mirroring one, and the client
    perspective recorded on a mirrored item (M14).

    Permission: meetings.lead_meeting (region administrator, the body's supporter or chair) for
    list, mirror, advice_list, mirror_advice and client_perspective. Only the non-confidential
    items of the parent body's meetings to come, and its advice requests still being prepared,
    are offered; any other id is unknown.
    """

    queryset = AgendaItem.objects.none()
    serializer_class = MirrorableItemSerializer
    input_serializers = {
        "mirror": MirrorInputSerializer,
        "mirror_advice": MirrorAdviceInputSerializer,
        "client_perspective": ClientPerspectiveInputSerializer,
    }
    rules = {
        "list": LEAD,
        "mirror": LEAD,
        "advice_list": LEAD,
        "mirror_advice": LEAD,
        "client_perspective": LEAD,
    }
    item: AgendaItem  # set for client_perspective
    mirrored: dict[int, int] | None = None  # set for list

    def resolve_objects(self, **kwargs: Any) -> None:
        super().resolve_objects(**kwargs)
        if "pk" in kwargs:
            self.item = item_get_for_user(self.request.user, self.meeting, kwargs["pk"])

    def permission_object(self) -> Model | None:
        return self.meeting

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "mirrored": self.mirrored or {}}

    @extend_schema(**read_schema(MirrorableItemSerializer))
    def list(self, request: Request, region_slug: str, body_id: int, meeting_id: int) -> Response:
        self.mirrored = queries.mirrored_sources(self.meeting)
        return self.paginated(queries.mirrorable_for(self.meeting))

    @extend_schema(
        summary=_("Put an item of the parent body's agenda on this meeting's agenda (M14)."),
        **write_schema(MirrorInputSerializer, AgendaItemSerializer, created=True),
    )
    def mirror(self, request: Request, region_slug: str, body_id: int, meeting_id: int) -> Response:
        data = self.parse(MirrorInputSerializer)
        item = services.agenda_item_mirror(
            actor=self.actor,
            meeting=self.meeting,
            source_item=data["source_item"],
            client_perspective=data["client_perspective"],
        )
        return self.output(
            queries.item_with_slot(item), serializer_class=AgendaItemSerializer, status_code=201
        )

    @extend_schema(**read_schema(MirrorableAdviceRequestSerializer))
    def advice_list(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int
    ) -> Response:
        self.mirrored = queries.mirrored_advice(self.meeting)
        return self.paginated(
            queries.mirrorable_advice_for(self.meeting),
            serializer_class=MirrorableAdviceRequestSerializer,
        )

    @extend_schema(
        summary=_("Put an advice request to the parent body on this meeting's agenda (M14, S4)."),
        **write_schema(MirrorAdviceInputSerializer, AgendaItemSerializer, created=True),
    )
    def mirror_advice(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int
    ) -> Response:
        data = self.parse(MirrorAdviceInputSerializer)
        item = services.advice_request_mirror(
            actor=self.actor, meeting=self.meeting, advice_request=data["advice_request"]
        )
        return self.output(
            queries.item_with_slot(item), serializer_class=AgendaItemSerializer, status_code=201
        )

    @extend_schema(
        summary=_("Record the client perspective on a mirrored item (M14)."),
        **write_schema(ClientPerspectiveInputSerializer, AgendaItemSerializer),
    )
    def client_perspective(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int, pk: int
    ) -> Response:
        data = self.parse(ClientPerspectiveInputSerializer)
        services.client_perspective_record(
            actor=self.actor, item=self.item, text=data["client_perspective"]
        )
        return self.output(queries.item_with_slot(self.item), serializer_class=AgendaItemSerializer)


urlpatterns = [
    path(
        MEETING + "mirrorable-items/",
        MirrorViewSet.as_view({"get": "list"}),
        name="mirrorable-item-list",
    ),
    path(
        MEETING + "items/mirror/",
        MirrorViewSet.as_view({"post": "mirror"}),
        name="agenda-item-mirror",
    ),
    path(
        MEETING + "mirrorable-advice-requests/",
        MirrorViewSet.as_view({"get": "advice_list"}),
        name="mirrorable-advice-request-list",
    ),
    path(
        MEETING + "items/mirror-advice/",
        MirrorViewSet.as_view({"post": "mirror_advice"}),
        name="agenda-item-mirror-advice",
    ),
    path(
        MEETING + "items/<int:pk>/client-perspective/",
        MirrorViewSet.as_view({"put": "client_perspective"}),
        name="agenda-item-client-perspective",
    ),
]

"""M3, M4, M5, M9: a meeting's agenda items, their order and their documents, and items that
follow up an action."""

from typing import Any

from django.db.models import Model
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.regions.api import fields_renamed

from .. import queries_api as queries
from .. import services
from ..models import AgendaItem
from ..permissions import item_get_for_user
from ..serializers import (
    AgendaItemSerializer,
    DocumentInputSerializer,
    DocumentSerializer,
    ItemAtMeetingInputSerializer,
    ItemFromActionInputSerializer,
    ItemInputSerializer,
    MoveInputSerializer,
)
from ._common import (
    LEAD,
    MANAGE,
    MEETING,
    VIEW,
    MeetingScopedViewSet,
    read_schema,
    upload_schema,
    write_schema,
)


@extend_schema(tags=["agenda"])
class AgendaItemViewSet(MeetingScopedViewSet):
    """A meeting's agenda items (M3, M4) and their documents (M5).

    Permissions: retrieve — meetings.view_meeting (any member of the region; a confidential item
    is a 404 without meetings.view_confidential); create, from_action, move and add_document —
    meetings.manage_meeting (region administrator or the body's supporter); update,
    partial_update and at_meeting — meetings.lead_meeting (also the body's chair, who completes
    "what does this mean for clients?" and records the meeting's approval of an added item).
    """

    queryset = AgendaItem.objects.none()
    serializer_class = AgendaItemSerializer
    input_serializers = {
        "create": ItemInputSerializer,
        "at_meeting": ItemAtMeetingInputSerializer,
        "from_action": ItemFromActionInputSerializer,
        "update": ItemInputSerializer,
        "partial_update": ItemInputSerializer,
        "move": MoveInputSerializer,
        "add_document": DocumentInputSerializer,
    }
    rules = {
        "retrieve": VIEW,
        "create": MANAGE,
        "at_meeting": LEAD,
        "from_action": MANAGE,
        "update": LEAD,
        "partial_update": LEAD,
        "move": MANAGE,
        "add_document": MANAGE,
    }
    item: AgendaItem  # set for the actions on one item

    def resolve_objects(self, **kwargs: Any) -> None:
        super().resolve_objects(**kwargs)
        if "pk" in kwargs:
            self.item = item_get_for_user(self.request.user, self.meeting, kwargs["pk"])

    def permission_object(self) -> Model | None:
        return getattr(self, "item", None) or self.meeting

    def _item(self, item: AgendaItem, *, status_code: int = 200) -> Response:
        return self.output(queries.item_with_slot(item), status_code=status_code)

    @extend_schema(**read_schema(AgendaItemSerializer))
    def retrieve(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int, pk: int
    ) -> Response:
        return self._item(self.item)

    @extend_schema(
        summary=_("Put an item on the agenda of a meeting that has not started (M4)."),
        **write_schema(ItemInputSerializer, AgendaItemSerializer, created=True),
    )
    def create(self, request: Request, region_slug: str, body_id: int, meeting_id: int) -> Response:
        data = self.parse(ItemInputSerializer)
        item = services.agenda_item_add(
            actor=self.actor, meeting=self.meeting, item=ItemInputSerializer.fields_value(data)
        )
        return self._item(item, status_code=201)

    @extend_schema(
        summary=_("Add an item at the meeting itself, with the meeting's approval (M3)."),
        **write_schema(ItemAtMeetingInputSerializer, AgendaItemSerializer, created=True),
    )
    def at_meeting(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int
    ) -> Response:
        data = self.parse(ItemAtMeetingInputSerializer)
        item = services.agenda_item_add_at_meeting(
            actor=self.actor,
            meeting=self.meeting,
            item=ItemInputSerializer.fields_value(data),
            approval=data["approval"],
        )
        return self._item(item, status_code=201)

    @extend_schema(
        summary=_("Bring an open action back to the table, as an item to follow it up (M9)."),
        **write_schema(ItemFromActionInputSerializer, AgendaItemSerializer, created=True),
    )
    def from_action(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int
    ) -> Response:
        data = self.parse(ItemFromActionInputSerializer)
        item = services.agenda_item_from_action(
            actor=self.actor, meeting=self.meeting, action=data["action"]
        )
        return self._item(item, status_code=201)

    def _update(self, *, partial: bool) -> Response:
        data = self.parse(ItemInputSerializer, partial=partial)
        item = services.agenda_item_update(
            actor=self.actor,
            item=self.item,
            fields=ItemInputSerializer.fields_value(data, self.item if partial else None),
        )
        return self._item(item)

    @extend_schema(
        summary=_("Change an item; once the meeting has started only client_impact (M4)."),
        **write_schema(ItemInputSerializer, AgendaItemSerializer),
    )
    def update(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int, pk: int
    ) -> Response:
        return self._update(partial=False)

    @extend_schema(**write_schema(ItemInputSerializer, AgendaItemSerializer))
    def partial_update(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int, pk: int
    ) -> Response:
        return self._update(partial=True)

    @extend_schema(
        summary=_("Move an item one place up or down the agenda (M4)."),
        **write_schema(MoveInputSerializer, AgendaItemSerializer),
    )
    def move(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int, pk: int
    ) -> Response:
        data = self.parse(MoveInputSerializer)
        item = services.agenda_item_move(
            actor=self.actor, item=self.item, direction=-1 if data["direction"] == "up" else 1
        )
        return self._item(item)

    @extend_schema(
        summary=_(
            "Attach a document; after publication it is marked late and the invited are told (M5)."
        ),
        **upload_schema(DocumentSerializer),
    )
    def add_document(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int, pk: int
    ) -> Response:
        data = self.parse(DocumentInputSerializer)
        with fields_renamed(upload="file"):
            document = services.document_add(
                actor=self.actor, upload=data["file"], title=data["title"], item=self.item
            )
        return self.output(document, serializer_class=DocumentSerializer, status_code=201)


urlpatterns = [
    path(
        MEETING + "items/",
        AgendaItemViewSet.as_view({"post": "create"}),
        name="agenda-item-list",
    ),
    path(
        MEETING + "items/at-meeting/",
        AgendaItemViewSet.as_view({"post": "at_meeting"}),
        name="agenda-item-at-meeting",
    ),
    path(
        MEETING + "items/from-action/",
        AgendaItemViewSet.as_view({"post": "from_action"}),
        name="agenda-item-from-action",
    ),
    path(
        MEETING + "items/<int:pk>/",
        AgendaItemViewSet.as_view({"get": "retrieve", "put": "update", "patch": "partial_update"}),
        name="agenda-item-detail",
    ),
    path(
        MEETING + "items/<int:pk>/move/",
        AgendaItemViewSet.as_view({"post": "move"}),
        name="agenda-item-move",
    ),
    path(
        MEETING + "items/<int:pk>/documents/",
        AgendaItemViewSet.as_view({"post": "add_document"}),
        name="agenda-item-documents",
    ),
]

"""M8, M9: what a meeting decides, the constituencies' positions beside it, and who does what
next."""

from typing import Any

from django.db.models import Model
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.accounts.models import User

from .. import queries_follow_up as follow_up
from .. import services
from ..models import Action, AgendaItem, Decision
from ..permissions import item_get_for_user
from ..serializers import (
    ActionFilterSerializer,
    ActionInputSerializer,
    ActionSerializer,
    ActionStatusInputSerializer,
    DecisionFilterSerializer,
    DecisionInputSerializer,
    DecisionSerializer,
    PositionInputSerializer,
)
from ._common import (
    BODY,
    CONFIDENTIAL,
    LEAD,
    MEETING,
    VIEW,
    BodyScopedViewSet,
    ItemScopedViewSet,
    meeting_of,
    read_schema,
    write_schema,
)


@extend_schema(tags=["decisions"])
class DecisionViewSet(BodyScopedViewSet):
    """The body's decisions register (M8) and recording a decision on an item.

    Permissions: list — meetings.view_meeting (any member of the region; decisions on
    confidential items only with meetings.view_confidential); create — meetings.lead_meeting
    (region administrator, the body's supporter or chair) on the item's meeting, once it has
    started.
    """

    queryset = Decision.objects.none()
    serializer_class = DecisionSerializer
    input_serializers = {"create": DecisionInputSerializer}
    rules = {"list": VIEW, "create": LEAD}
    item: AgendaItem  # set for create

    def resolve_objects(self, **kwargs: Any) -> None:
        super().resolve_objects(**kwargs)
        if "pk" in kwargs:
            meeting = meeting_of(self.request.user, self.body, kwargs["meeting_id"])
            self.item = item_get_for_user(self.request.user, meeting, kwargs["pk"])

    def permission_object(self) -> Model | None:
        return getattr(self, "item", None) or self.body

    def _register(self) -> Any:
        confidential = self.request.user.has_perm(CONFIDENTIAL, self.body)
        return follow_up.decisions_register(self.body, include_confidential=confidential)

    @extend_schema(parameters=[DecisionFilterSerializer], **read_schema(DecisionSerializer))
    def list(self, request: Request, region_slug: str, body_id: int) -> Response:
        filters = self.parse_query(DecisionFilterSerializer)
        confidential = request.user.has_perm(CONFIDENTIAL, self.body)
        decisions = follow_up.decisions_register(
            self.body,
            follow_up.DecisionFilters(year=filters.get("year"), outcome=filters.get("outcome", "")),
            include_confidential=confidential,
        )
        return self.paginated(decisions)

    @extend_schema(
        summary=_("Record a decision on an item under the body's decision rule (M8, B6)."),
        **write_schema(DecisionInputSerializer, DecisionSerializer, created=True),
    )
    def create(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int, pk: int
    ) -> Response:
        data = self.parse(DecisionInputSerializer)
        decision = services.decision_record(
            actor=self.actor,
            item=self.item,
            text=data["text"],
            outcome=data["outcome"],
            votes_for=data["votes_for"],
            votes_against=data["votes_against"],
            votes_abstained=data["votes_abstained"],
            positions=DecisionInputSerializer.positions_value(data),
        )
        return self.output(self._register().get(pk=decision.pk), status_code=201)


@extend_schema(tags=["actions"])
class ActionViewSet(BodyScopedViewSet):
    """The body's actions across its meetings, overdue ones flagged (M9).

    Permissions: list — meetings.view_meeting (any member of the region; actions of
    confidential items only with meetings.view_confidential); create — meetings.lead_meeting
    (region administrator, the body's supporter or chair); status — meetings.update_action (the
    action's owner, or meetings.lead_meeting).
    """

    queryset = Action.objects.none()
    serializer_class = ActionSerializer
    input_serializers = {"create": ActionInputSerializer, "status": ActionStatusInputSerializer}
    rules = {"list": VIEW, "create": LEAD, "status": "meetings.update_action"}
    action_object: Action  # set for status

    def resolve_objects(self, **kwargs: Any) -> None:
        super().resolve_objects(**kwargs)
        if "pk" in kwargs:
            found = self._actions().filter(pk=kwargs["pk"]).first()
            if found is None:  # also an action of a confidential item one may not see
                raise Http404
            self.action_object = found

    def permission_object(self) -> Model | None:
        return getattr(self, "action_object", None) or self.body

    def _actions(self, filters: Any = None) -> Any:
        confidential = self.request.user.has_perm(CONFIDENTIAL, self.body)
        return follow_up.body_actions(self.body, filters, include_confidential=confidential)

    @extend_schema(parameters=[ActionFilterSerializer], **read_schema(ActionSerializer))
    def list(self, request: Request, region_slug: str, body_id: int) -> Response:
        filters = self.parse_query(ActionFilterSerializer)
        owner = None
        if "owner" in filters:
            owner = User.objects.filter(pk=filters["owner"]).first()
            if owner is None:
                return self.paginated(Action.objects.none())
        return self.paginated(
            self._actions(
                follow_up.ActionFilters(
                    owner=owner, status=filters.get("status", ""), overdue=filters["overdue"]
                )
            )
        )

    @extend_schema(
        summary=_("Give someone an action; the owner is told (M9)."),
        **write_schema(ActionInputSerializer, ActionSerializer, created=True),
    )
    def create(self, request: Request, region_slug: str, body_id: int) -> Response:
        data = self.parse(ActionInputSerializer)
        action = services.action_create(actor=self.actor, body=self.body, **data)
        return self.output(self._actions().get(pk=action.pk), status_code=201)

    @extend_schema(
        summary=_("Mark an action done, dropped or open again, with a note (M9)."),
        **write_schema(ActionStatusInputSerializer, ActionSerializer),
    )
    def status(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        data = self.parse(ActionStatusInputSerializer)
        services.action_update_status(
            actor=self.actor, action=self.action_object, status=data["status"], note=data["note"]
        )
        return self.output(self._actions().get(pk=pk))


@extend_schema(tags=["decisions"])
class PositionViewSet(ItemScopedViewSet):
    """A constituency's own position beside a decision taken by consensus with reservation
    (M8, B6), until the meeting's minutes are approved.

    Permission: meetings.lead_meeting (region administrator, the body's supporter or chair).
    """

    queryset = Decision.objects.none()
    serializer_class = DecisionSerializer
    input_serializers = {"record": PositionInputSerializer}
    rules = {"record": LEAD}

    @extend_schema(
        summary=_("Record or change one constituency's position beside a decision (M8)."),
        **write_schema(PositionInputSerializer, DecisionSerializer),
    )
    def record(
        self,
        request: Request,
        region_slug: str,
        body_id: int,
        meeting_id: int,
        pk: int,
        decision_id: int,
    ) -> Response:
        decision = get_object_or_404(Decision, item=self.item, pk=decision_id)
        data = self.parse(PositionInputSerializer)
        services.position_record(actor=self.actor, decision=decision, **data)
        confidential = request.user.has_perm(CONFIDENTIAL, self.body)
        register = follow_up.decisions_register(self.body, include_confidential=confidential)
        return self.output(register.get(pk=decision.pk))


urlpatterns = [
    path(
        BODY + "decisions/",
        DecisionViewSet.as_view({"get": "list"}),
        name="decision-list",
    ),
    path(
        MEETING + "items/<int:pk>/decisions/",
        DecisionViewSet.as_view({"post": "create"}),
        name="agenda-item-decisions",
    ),
    path(
        BODY + "actions/",
        ActionViewSet.as_view({"get": "list", "post": "create"}),
        name="action-list",
    ),
    path(
        BODY + "actions/<int:pk>/status/",
        ActionViewSet.as_view({"post": "status"}),
        name="action-status",
    ),
    path(
        MEETING + "items/<int:pk>/decisions/<int:decision_id>/positions/",
        PositionViewSet.as_view({"post": "record"}),
        name="decision-positions",
    ),
]

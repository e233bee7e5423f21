"""API of ideas (P4) under /api/v1/regions/{region_slug}/ideas/: the staff's work on the ideas
young people and parents put forward — the list with its filters, one idea, and the check
(publish or decline) and the region's response. The same services as the staff pages, with the
same permission (participation.manage); an idea of another region is a 404.

Putting an idea forward and supporting one are not in the API: they are public forms, rate-
limited and meant for people, on pages that say where to turn when someone is unsafe (the
project's decision, see signals/api.py).
"""

from typing import Any

from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.meetings.api._common import read_schema, write_schema
from aantafel.regions.api import ApiViewSet, RegionPrimaryKeyField, problems

from ..models import MAX_TEXT, Idea, IdeaStatus, Pillar, Trajectory
from ..services import ideas as services

MANAGE = "participation.manage"
IDEAS = "regions/<slug:region_slug>/ideas/"
IDEA = IDEAS + "<int:pk>/"


class IdeaSerializer(serializers.ModelSerializer):
    support_count = serializers.IntegerField(read_only=True, help_text=_("How many support it."))
    is_public = serializers.SerializerMethodField(
        help_text=_("Whether the idea shows on the public site.")
    )

    class Meta:
        model = Idea
        fields = [
            "id",
            "title",
            "text",
            "status",
            "is_public",
            "support_count",
            "author_name",
            "author_email",
            "author_audience",
            "trajectory",
            "pillar",
            "decline_reason",
            "response",
            "responded_at",
            "moderated_at",
            "safety_flagged",
            "created_at",
        ]
        read_only_fields = fields

    def get_is_public(self, idea: Idea) -> bool:
        return idea.status in services.RESPONDABLE and not idea.safety_flagged


class IdeaFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=IdeaStatus.choices, required=False)
    trajectory = RegionPrimaryKeyField(queryset=Trajectory.objects.all(), required=False)
    pillar = RegionPrimaryKeyField(queryset=Pillar.objects.all(), required=False)
    responded = serializers.ChoiceField(
        choices=[("yes", _("with a response")), ("no", _("without"))], required=False
    )
    q = serializers.CharField(max_length=100, required=False, help_text=_("In title and text."))
    sort = serializers.ChoiceField(
        choices=[("new", _("newest first")), ("support", _("most supported first"))],
        required=False,
    )


class IdeaDeclineInputSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=MAX_TEXT, allow_blank=True, help_text=_("The author reads it.")
    )


class IdeaRespondInputSerializer(serializers.Serializer):
    response = serializers.CharField(
        max_length=MAX_TEXT,
        allow_blank=True,
        help_text=_("Shown with the idea on the public site; the first is mailed to the author."),
    )


@extend_schema(tags=["participation"])
class IdeaViewSet(ApiViewSet):
    """Ideas and priorities (P4). Permissions: every action — participation.manage (the region
    administrator and policy staff; other members 403); an idea of another region 404."""

    queryset = Idea.objects.none()
    serializer_class = IdeaSerializer
    input_serializers = {
        "decline": IdeaDeclineInputSerializer,
        "respond": IdeaRespondInputSerializer,
    }
    rules = {
        "list": MANAGE,
        "retrieve": MANAGE,
        "publish": MANAGE,
        "decline": MANAGE,
        "respond": MANAGE,
    }

    def _idea(self, pk: int) -> Idea:
        return get_object_or_404(Idea, region=self.region, pk=pk)

    def _detail(self, pk: int) -> Response:
        return self.output(
            get_object_or_404(Idea.objects.with_support(), region=self.region, pk=pk)
        )

    @extend_schema(
        parameters=[IdeaFilterSerializer],
        responses={200: IdeaSerializer, **problems(400, 401, 403, 404)},
    )
    def list(self, request: Request, region_slug: str) -> Response:
        serializer = IdeaFilterSerializer(
            data=request.query_params, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        data: dict[str, Any] = dict(serializer.validated_data)
        filters = services.IdeaFilters(
            status=data.get("status", ""),
            trajectory=data.get("trajectory"),
            pillar=data.get("pillar"),
            responded=data.get("responded", ""),
            q=data.get("q", ""),
            sort=data.get("sort", ""),
        )
        return self.paginated(services.idea_list(self.region, filters))

    @extend_schema(**read_schema(IdeaSerializer))
    def retrieve(self, request: Request, region_slug: str, pk: int) -> Response:
        return self._detail(pk)

    @extend_schema(
        summary=_("Publish an idea after a check: it shows on the public site (P4)."),
        **write_schema(None, IdeaSerializer),
    )
    def publish(self, request: Request, region_slug: str, pk: int) -> Response:
        services.idea_publish(actor=self.actor, idea=self._idea(pk))
        return self._detail(pk)

    @extend_schema(
        summary=_("Decline an idea with a reason the author hears (P4)."),
        **write_schema(IdeaDeclineInputSerializer, IdeaSerializer),
    )
    def decline(self, request: Request, region_slug: str, pk: int) -> Response:
        idea = self._idea(pk)
        data = self.parse(IdeaDeclineInputSerializer)
        services.idea_decline(actor=self.actor, idea=idea, reason=data["reason"])
        return self._detail(pk)

    @extend_schema(
        summary=_("Give or rewrite the region's response to a published idea (P4)."),
        **write_schema(IdeaRespondInputSerializer, IdeaSerializer),
    )
    def respond(self, request: Request, region_slug: str, pk: int) -> Response:
        idea = self._idea(pk)
        data = self.parse(IdeaRespondInputSerializer)
        services.idea_respond(actor=self.actor, idea=idea, response=data["response"])
        return self._detail(pk)


def _post(action: str) -> Any:
    return IdeaViewSet.as_view({"post": action})


urlpatterns = [
    path(IDEAS, IdeaViewSet.as_view({"get": "list"}), name="idea-list"),
    path(IDEA, IdeaViewSet.as_view({"get": "retrieve"}), name="idea-detail"),
    path(IDEA + "publish/", _post("publish"), name="idea-publish"),
    path(IDEA + "decline/", _post("decline"), name="idea-decline"),
    path(IDEA + "respond/", _post("respond"), name="idea-respond"),
]

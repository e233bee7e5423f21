"""API of experience stories (P5) under /api/v1/regions/{region_slug}/stories/: the staff's
moderation, through the same services as the pages.

Permissions: every endpoint needs participation.manage (the region's administrator and policy
staff), as the staff pages do: another member of the region 403, anyone outside it 404,
anonymous 401. The list names no teller (no name, no address): their details are in a story's
detail only. The public form to tell a story is deliberately not in the API (see
signals/api.py): it asks for consent on a page that says where to turn when someone is unsafe,
and is rate-limited; the public reads the published stories on the public site.
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
from aantafel.regions.api import ApiViewSet, problems

from ..models import MAX_TEXT, Story, StoryStatus, Trajectory
from ..services import stories as services

MANAGE = "participation.manage"
STORIES = "regions/<slug:region_slug>/stories/"
STORY = STORIES + "<int:pk>/"


class StorySerializer(serializers.ModelSerializer):
    """A story in the list: what staff need to pick one, nothing about the teller."""

    status = serializers.ChoiceField(choices=StoryStatus.choices, read_only=True)

    class Meta:
        model = Story
        fields = [
            "id",
            "status",
            "trajectory",
            "anonymous",
            "safety_flagged",
            "public_title",
            "public_name",
            "created_at",
            "published_at",
            "withdrawn_at",
        ]
        read_only_fields = fields


class StoryDetailSerializer(StorySerializer):
    """One story: the teller's original and details beside the public version."""

    class Meta(StorySerializer.Meta):
        fields = [
            *StorySerializer.Meta.fields,
            "title",
            "text",
            "teller_name",
            "teller_email",
            "teller_audience",
            "consent_given_at",
            "public_text",
            "reject_reason",
            "moderated_at",
        ]
        read_only_fields = fields


class StoryFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=StoryStatus.choices, required=False)
    trajectory = serializers.IntegerField(required=False, min_value=1)


class StoryPublishInputSerializer(serializers.Serializer):
    public_title = serializers.CharField(max_length=services.TITLE_MAX, allow_blank=True)
    public_text = serializers.CharField(max_length=services.TEXT_MAX, allow_blank=True)
    public_name = serializers.CharField(
        max_length=services.NAME_MAX,
        allow_blank=True,
        required=False,
        default="",
        help_text=_("Empty for an anonymous story: the site shows “Anonymous”."),
    )


class StoryReasonInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=MAX_TEXT, allow_blank=True)


@extend_schema(tags=["participation"])
class StoryViewSet(ApiViewSet):
    """Experience stories and their moderation (P5).

    Permissions: list, retrieve, publish, reject, withdraw — participation.manage (region
    administrator, policy staff); other members of the region 403; a story of another region
    404. The public form is not in the API.
    """

    queryset = Story.objects.none()
    serializer_class = StoryDetailSerializer
    input_serializers = {
        "publish": StoryPublishInputSerializer,
        "reject": StoryReasonInputSerializer,
        "withdraw": StoryReasonInputSerializer,
    }
    rules = dict.fromkeys(["list", "retrieve", "publish", "reject", "withdraw"], MANAGE)

    def _story(self, pk: int) -> Story:
        return get_object_or_404(Story, region=self.region, pk=pk)

    @extend_schema(
        parameters=[StoryFilterSerializer],
        responses={200: StorySerializer, **problems(400, 401, 403, 404)},
    )
    def list(self, request: Request, region_slug: str) -> Response:
        filters = self.parse_query(StoryFilterSerializer)
        stories = Story.objects.filter(region=self.region).order_by("-created_at", "-pk")
        if filters.get("status"):
            stories = stories.filter(status=filters["status"])
        if filters.get("trajectory"):
            trajectory = Trajectory.objects.filter(region=self.region, pk=filters["trajectory"])
            stories = stories.filter(trajectory__in=trajectory)
        return self.paginated(stories, serializer_class=StorySerializer)

    @extend_schema(**read_schema(StoryDetailSerializer))
    def retrieve(self, request: Request, region_slug: str, pk: int) -> Response:
        return self.output(self._story(pk))

    @extend_schema(
        summary=_("Publish the story in the version staff checked, or change that version (P5)."),
        **write_schema(StoryPublishInputSerializer, StoryDetailSerializer),
    )
    def publish(self, request: Request, region_slug: str, pk: int) -> Response:
        story = self._story(pk)
        data = self.parse(StoryPublishInputSerializer)
        return self.output(services.story_publish(actor=self.actor, story=story, **data))

    @extend_schema(
        summary=_("Do not publish the story, or take it offline, with a reason for the teller."),
        **write_schema(StoryReasonInputSerializer, StoryDetailSerializer),
    )
    def reject(self, request: Request, region_slug: str, pk: int) -> Response:
        story = self._story(pk)
        data = self.parse(StoryReasonInputSerializer)
        return self.output(
            services.story_reject(actor=self.actor, story=story, reason=data["reason"])
        )

    @extend_schema(
        summary=_("Withdraw the story on the teller's behalf: offline at once, text deleted."),
        **write_schema(StoryReasonInputSerializer, StoryDetailSerializer),
    )
    def withdraw(self, request: Request, region_slug: str, pk: int) -> Response:
        story = self._story(pk)
        data = self.parse(StoryReasonInputSerializer)
        return self.output(
            services.story_withdraw(story=story, actor=self.actor, reason=data["reason"])
        )


def _post(action: str) -> Any:
    return StoryViewSet.as_view({"post": action})


urlpatterns = [
    path(STORIES, StoryViewSet.as_view({"get": "list"}), name="story-list"),
    path(STORY, StoryViewSet.as_view({"get": "retrieve"}), name="story-detail"),
    path(STORY + "publish/", _post("publish"), name="story-publish"),
    path(STORY + "reject/", _post("reject"), name="story-reject"),
    path(STORY + "withdraw/", _post("withdraw"), name="story-withdraw"),
]

"""API of input campaigns and the plan's actions (P3) under /api/v1/regions/{region_slug}/:
`campaigns/` (with questions, open and close, results, responses, themes and coding) and
`plan-actions/`.

The same services as the staff pages (services/campaigns.py, coding.py, plan.py), the same
permissions: reading campaigns, their counted results and the plan — participation.view (any
member of the region); everything else, and every response with what someone answered —
participation.manage. Answering online is not in the API (project decision, see
signals/api.py): people answer on the public page, which is rate-limited and shows where to
turn when someone is unsafe; staff enter answers from paper, focus groups and events here
(`POST campaigns/{id}/responses/`), marked with their channel.
"""

from typing import Any

from django.db.models import Model, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.core.errors import DomainError
from aantafel.meetings.api._common import delete_schema, read_schema, write_schema
from aantafel.regions.api import ApiViewSet, RegionPrimaryKeyField, problems

from .. import queries_campaigns as queries
from ..models import (
    Answer,
    AudienceType,
    Campaign,
    CampaignResponse,
    Event,
    Pillar,
    PlanAction,
    PlanActionStatus,
    Question,
    QuestionKind,
    ResponseChannel,
    Theme,
    Trajectory,
)
from ..services import campaigns as services
from ..services import coding, plan
from ..services.campaigns import STAFF_CHANNELS

VIEW, MANAGE = "participation.view", "participation.manage"
CAMPAIGNS = "regions/<slug:region_slug>/campaigns/"
CAMPAIGN = CAMPAIGNS + "<int:pk>/"
ACTIONS = "regions/<slug:region_slug>/plan-actions/"


# --- Serializers -----------------------------------------------------------------------------------
class CampaignSerializer(serializers.ModelSerializer):
    question_count = serializers.IntegerField(read_only=True, default=None)
    response_count = serializers.IntegerField(read_only=True, default=None)

    class Meta:
        model = Campaign
        fields = [
            "id",
            "trajectory",
            "pillar",
            "title",
            "introduction",
            "audiences",
            "anonymous",
            "status",
            "closes_at",
            "opened_at",
            "closed_at",
            "question_count",
            "response_count",
        ]
        read_only_fields = fields


class CampaignInputSerializer(serializers.Serializer):
    trajectory = RegionPrimaryKeyField(queryset=Trajectory.objects.all())
    pillar = RegionPrimaryKeyField(queryset=Pillar.objects.all(), allow_null=True, required=False)
    title = serializers.CharField(allow_blank=True)
    introduction = serializers.CharField(allow_blank=True, required=False, default="")
    audiences = serializers.ListField(child=serializers.ChoiceField(AudienceType.choices))
    anonymous = serializers.BooleanField(required=False, default=True)
    closes_at = serializers.DateTimeField(allow_null=True, required=False, default=None)


class CampaignQuestionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Question
        fields = ["id", "position", "kind", "text", "help_text", "choices", "required"]
        read_only_fields = fields


class CampaignQuestionInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(QuestionKind.choices)
    text = serializers.CharField(allow_blank=True)
    help_text = serializers.CharField(  # type: ignore[assignment]
        allow_blank=True, required=False, default=""
    )
    choices = serializers.ListField(
        child=serializers.CharField(allow_blank=True), required=False, default=list
    )
    required = serializers.BooleanField(  # type: ignore[assignment]
        required=False, default=False
    )


class CampaignQuestionMoveInputSerializer(serializers.Serializer):
    direction = serializers.ChoiceField([("up", "up"), ("down", "down")])


class CampaignCountSerializer(serializers.Serializer):
    value = serializers.CharField()
    count = serializers.IntegerField()


class CampaignThemeCountSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    count = serializers.IntegerField()


class CampaignQuestionResultSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()
    kind = serializers.CharField()
    answered = serializers.IntegerField()
    average = serializers.FloatField(allow_null=True, help_text=_("Ratings only."))
    counts = CampaignCountSerializer(many=True, help_text=_("Per option or rating."))
    themes = CampaignThemeCountSerializer(many=True, help_text=_("Open questions only."))
    uncoded = serializers.IntegerField(help_text=_("Open answers without a theme."))


class CampaignResultsSerializer(serializers.Serializer):
    responses = serializers.IntegerField()
    channels = CampaignCountSerializer(many=True)
    audiences = CampaignCountSerializer(many=True)
    questions = CampaignQuestionResultSerializer(many=True)


class CampaignAnswerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Answer
        fields = ["id", "question", "text", "choice", "rating", "themes"]
        read_only_fields = fields


class CampaignResponseSerializer(serializers.ModelSerializer):
    answers = CampaignAnswerSerializer(many=True, read_only=True)

    class Meta:
        model = CampaignResponse
        fields = [
            "id",
            "created_at",
            "channel",
            "audience",
            "respondent_name",
            "event",
            "source_note",
            "entered_by",
            "safety_flagged",
            "answers",
        ]
        read_only_fields = fields


class CampaignResponseInputSerializer(serializers.Serializer):
    channel = serializers.ChoiceField([(c, c) for c in STAFF_CHANNELS])
    answers = serializers.DictField(
        child=serializers.JSONField(),
        help_text=_("Question id → the answer: text, an option, or a rating 1–5."),
    )
    audience = serializers.CharField(allow_blank=True, required=False, default="")
    respondent_name = serializers.CharField(allow_blank=True, required=False, default="")
    event = RegionPrimaryKeyField(queryset=Event.objects.all(), allow_null=True, required=False)
    source_note = serializers.CharField(allow_blank=True, required=False, default="")


class CampaignThemeSerializer(serializers.ModelSerializer):
    answer_count = serializers.IntegerField(read_only=True, default=None)

    class Meta:
        model = Theme
        fields = ["id", "name", "description", "answer_count"]
        read_only_fields = fields


class CampaignThemeInputSerializer(serializers.Serializer):
    name = serializers.CharField(allow_blank=True)
    description = serializers.CharField(allow_blank=True, required=False, default="")


class CampaignAnswerThemesInputSerializer(serializers.Serializer):
    themes = RegionPrimaryKeyField(queryset=Theme.objects.all(), many=True)


class TrajectoryPlanActionSourceSerializer(serializers.ModelSerializer):
    """A theme an action came from, with its campaign and number of answers."""

    campaign = serializers.IntegerField(source="campaign_id")
    campaign_title = serializers.CharField(source="campaign.title")
    answer_count = serializers.IntegerField()

    class Meta:
        model = Theme
        fields = ["id", "name", "campaign", "campaign_title", "answer_count"]
        read_only_fields = fields


class TrajectoryPlanActionSerializer(serializers.ModelSerializer):
    themes = TrajectoryPlanActionSourceSerializer(many=True, read_only=True)

    class Meta:
        model = PlanAction
        fields = [
            "id",
            "trajectory",
            "pillar",
            "title",
            "description",
            "owner",
            "due_on",
            "status",
            "themes",
        ]
        read_only_fields = fields


class TrajectoryPlanActionInputSerializer(serializers.Serializer):
    trajectory = RegionPrimaryKeyField(queryset=Trajectory.objects.all())
    pillar = RegionPrimaryKeyField(queryset=Pillar.objects.all(), allow_null=True, required=False)
    title = serializers.CharField(allow_blank=True)
    description = serializers.CharField(allow_blank=True, required=False, default="")
    owner = serializers.CharField(allow_blank=True, required=False, default="")
    due_on = serializers.DateField(allow_null=True, required=False, default=None)
    status = serializers.ChoiceField(
        PlanActionStatus.choices, required=False, default=PlanActionStatus.PLANNED
    )
    themes = RegionPrimaryKeyField(queryset=Theme.objects.all(), many=True, required=False)


class TrajectoryPlanActionUpdateSerializer(TrajectoryPlanActionInputSerializer):
    trajectory = None  # type: ignore[assignment]


class CampaignResultsQuerySerializer(serializers.Serializer):
    channel = serializers.ChoiceField(ResponseChannel.choices, required=False, default="")
    audience = serializers.ChoiceField(AudienceType.choices, required=False, default="")


class CampaignListQuerySerializer(serializers.Serializer):
    status = serializers.CharField(required=False, default="")
    trajectory = serializers.IntegerField(required=False)


def _results(results: queries.CampaignResults) -> dict[str, Any]:
    def counts(table) -> list[dict]:
        return [{"value": label, "count": n} for label, n in table.rows]

    return {
        "responses": results.responses,
        "channels": counts(results.channels),
        "audiences": counts(results.audiences),
        "questions": [
            {
                "id": r.question.pk,
                "text": r.question.text,
                "kind": r.question.kind,
                "answered": r.answered,
                "average": float(r.average) if r.average is not None else None,
                "counts": counts(r.table) if r.table else [],
                "themes": [{"id": t.pk, "name": t.name, "count": n} for t, n in r.themes],
                "uncoded": r.uncoded,
            }
            for r in results.questions
        ],
    }


def _renamed_answers(error: DomainError) -> DomainError:
    """The service names an answer "question_<id>"; the API's input calls it answers.<id>."""
    if error.field and error.field.startswith("question_"):
        error.field = "answers." + error.field.removeprefix("question_")
    return error


# --- Campaigns -------------------------------------------------------------------------------------
@extend_schema(tags=["participation"])
class CampaignViewSet(ApiViewSet):
    """Input campaigns (P3).

    Permissions: list, retrieve, questions and results — participation.view (any member of the
    region); create, partial_update, open, close, adding, changing, moving and removing
    questions, responses (list and staff entry), themes and coding — participation.manage
    (region administrator, policy staff). A campaign of another region is 404."""

    queryset = Campaign.objects.none()
    serializer_class = CampaignSerializer
    input_serializers = {
        "create": CampaignInputSerializer,
        "partial_update": CampaignInputSerializer,
        "question_add": CampaignQuestionInputSerializer,
        "question_update": CampaignQuestionInputSerializer,
        "question_move": CampaignQuestionMoveInputSerializer,
        "response_enter": CampaignResponseInputSerializer,
        "theme_create": CampaignThemeInputSerializer,
        "answer_themes": CampaignAnswerThemesInputSerializer,
    }
    rules = {
        "list": VIEW,
        "create": MANAGE,
        "retrieve": VIEW,
        "partial_update": MANAGE,
        "open": MANAGE,
        "close": MANAGE,
        "questions": VIEW,
        "question_add": MANAGE,
        "question_update": MANAGE,
        "question_remove": MANAGE,
        "question_move": MANAGE,
        "results": VIEW,
        "responses": MANAGE,
        "response_enter": MANAGE,
        "themes": MANAGE,
        "theme_create": MANAGE,
        "answer_themes": MANAGE,
    }
    campaign: Campaign | None = None
    question: Question | None = None
    answer: Answer | None = None

    def resolve_objects(self, **kwargs: Any) -> None:
        if "pk" in kwargs:
            found = queries.campaign_list(self.region).filter(pk=kwargs["pk"]).first()
            if found is None:
                raise Http404
            self.campaign = found
        if "question_pk" in kwargs:
            self.question = get_object_or_404(
                Question, campaign=self.campaign, pk=kwargs["question_pk"]
            )
        if "answer_pk" in kwargs:
            self.answer = get_object_or_404(
                Answer.objects.select_related("question"),
                response__campaign=self.campaign,
                pk=kwargs["answer_pk"],
            )

    def permission_object(self) -> Model | None:
        return self.region

    def _campaign(self) -> Campaign:
        assert self.campaign is not None
        return self.campaign

    def _fresh(self, campaign: Campaign) -> Response:
        return self.output(queries.campaign_list(self.region).get(pk=campaign.pk))

    @extend_schema(responses={200: CampaignSerializer, **problems(401, 403, 404)})
    def list(self, request: Request, region_slug: str) -> Response:
        filters = self.parse_query(CampaignListQuerySerializer)
        trajectory = None
        if filters.get("trajectory"):
            trajectory = Trajectory.objects.filter(
                region=self.region, pk=filters["trajectory"]
            ).first()
            if trajectory is None:
                return self.paginated(Campaign.objects.none())
        campaigns = queries.campaign_list(
            self.region, trajectory=trajectory, status=filters["status"]
        )
        return self.paginated(campaigns)

    @extend_schema(
        summary=_("Make a draft campaign (P3)."),
        **write_schema(CampaignInputSerializer, CampaignSerializer, created=True),
    )
    def create(self, request: Request, region_slug: str) -> Response:
        data = self.parse(CampaignInputSerializer)
        campaign = services.campaign_create(actor=self.actor, region=self.region, **data)
        response = self._fresh(campaign)
        response.status_code = 201
        return response

    @extend_schema(**read_schema(CampaignSerializer))
    def retrieve(self, request: Request, region_slug: str, pk: int) -> Response:
        return self.output(self._campaign())

    @extend_schema(
        summary=_("Change a draft or open campaign (P3)."),
        **write_schema(CampaignInputSerializer, CampaignSerializer),
    )
    def partial_update(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(CampaignInputSerializer, partial=True)
        campaign = self._campaign()
        current = {
            name: getattr(campaign, name)
            for name in (
                "trajectory",
                "pillar",
                "title",
                "introduction",
                "audiences",
                "anonymous",
                "closes_at",
            )
        }
        updated = services.campaign_update(
            actor=self.actor, campaign=campaign, **{**current, **data}
        )
        return self._fresh(updated)

    @extend_schema(
        summary=_("Open a draft with at least one question (P3)."),
        **write_schema(None, CampaignSerializer),
    )
    def open(self, request: Request, region_slug: str, pk: int) -> Response:
        return self._fresh(services.campaign_open(actor=self.actor, campaign=self._campaign()))

    @extend_schema(
        summary=_("Close the campaign: no more answers online (P3)."),
        **write_schema(None, CampaignSerializer),
    )
    def close(self, request: Request, region_slug: str, pk: int) -> Response:
        return self._fresh(services.campaign_close(actor=self.actor, campaign=self._campaign()))

    # --- Questions ---------------------------------------------------------------------------------
    @extend_schema(
        responses={200: CampaignQuestionSerializer(many=True), **problems(401, 403, 404)}
    )
    def questions(self, request: Request, region_slug: str, pk: int) -> Response:
        data = CampaignQuestionSerializer(queries.questions_of(self._campaign()), many=True).data
        return Response(data)

    @extend_schema(
        summary=_("Add a question at the end; not once answers exist (P3)."),
        **write_schema(CampaignQuestionInputSerializer, CampaignQuestionSerializer, created=True),
    )
    def question_add(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(CampaignQuestionInputSerializer)
        question = services.question_add(actor=self.actor, campaign=self._campaign(), **data)
        return self.output(question, serializer_class=CampaignQuestionSerializer, status_code=201)

    @extend_schema(
        summary=_("Change a question; not once answers exist (P3)."),
        **write_schema(CampaignQuestionInputSerializer, CampaignQuestionSerializer),
    )
    def question_update(
        self, request: Request, region_slug: str, pk: int, question_pk: int
    ) -> Response:
        data = self.parse(CampaignQuestionInputSerializer)
        assert self.question is not None
        question = services.question_update(actor=self.actor, question=self.question, **data)
        return self.output(question, serializer_class=CampaignQuestionSerializer)

    @extend_schema(summary=_("Remove a question; not once answers exist (P3)."), **delete_schema())
    def question_remove(
        self, request: Request, region_slug: str, pk: int, question_pk: int
    ) -> Response:
        assert self.question is not None
        services.question_remove(actor=self.actor, question=self.question)
        return Response(status=204)

    @extend_schema(
        summary=_("Move a question one place up or down (P3)."),
        **write_schema(CampaignQuestionMoveInputSerializer, CampaignQuestionSerializer),
    )
    def question_move(
        self, request: Request, region_slug: str, pk: int, question_pk: int
    ) -> Response:
        data = self.parse(CampaignQuestionMoveInputSerializer)
        assert self.question is not None
        moved = services.question_move(actor=self.actor, question=self.question, **data)
        return self.output(moved, serializer_class=CampaignQuestionSerializer)

    # --- Results and responses ---------------------------------------------------------------------
    @extend_schema(
        summary=_("The counted results, optionally of one channel or group (P3)."),
        **read_schema(CampaignResultsSerializer),
    )
    def results(self, request: Request, region_slug: str, pk: int) -> Response:
        filters = self.parse_query(CampaignResultsQuerySerializer)
        results = queries.campaign_results(self._campaign(), **filters)
        return Response(CampaignResultsSerializer(_results(results)).data)

    @extend_schema(
        responses={200: CampaignResponseSerializer(many=True), **problems(401, 403, 404)}
    )
    def responses(self, request: Request, region_slug: str, pk: int) -> Response:
        filters = self.parse_query(CampaignResultsQuerySerializer)
        responses = queries.response_list(self._campaign(), **filters).prefetch_related(
            Prefetch("answers", queryset=Answer.objects.prefetch_related("themes"))
        )
        return self.paginated(responses, serializer_class=CampaignResponseSerializer)

    @extend_schema(
        summary=_("Enter answers gathered on paper, in a focus group or at an event (P3)."),
        **write_schema(CampaignResponseInputSerializer, CampaignResponseSerializer, created=True),
    )
    def response_enter(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(CampaignResponseInputSerializer)
        try:
            response = services.response_enter(actor=self.actor, campaign=self._campaign(), **data)
        except DomainError as error:
            raise _renamed_answers(error) from None
        return self.output(response, serializer_class=CampaignResponseSerializer, status_code=201)

    # --- Themes and coding -------------------------------------------------------------------------
    @extend_schema(responses={200: CampaignThemeSerializer(many=True), **problems(401, 403, 404)})
    def themes(self, request: Request, region_slug: str, pk: int) -> Response:
        return Response(
            CampaignThemeSerializer(queries.themes_of(self._campaign()), many=True).data
        )

    @extend_schema(
        summary=_("Add a theme to code open answers with (P3)."),
        **write_schema(CampaignThemeInputSerializer, CampaignThemeSerializer, created=True),
    )
    def theme_create(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(CampaignThemeInputSerializer)
        theme = coding.theme_create(actor=self.actor, campaign=self._campaign(), **data)
        return self.output(theme, serializer_class=CampaignThemeSerializer, status_code=201)

    @extend_schema(
        summary=_("Set the themes of one open answer (P3)."),
        **write_schema(CampaignAnswerThemesInputSerializer, CampaignAnswerSerializer),
    )
    def answer_themes(
        self, request: Request, region_slug: str, pk: int, answer_pk: int
    ) -> Response:
        data = self.parse(CampaignAnswerThemesInputSerializer)
        assert self.answer is not None
        answer = coding.answer_code(actor=self.actor, answer=self.answer, themes=data["themes"])
        answer = Answer.objects.prefetch_related("themes").get(pk=answer.pk)
        return self.output(answer, serializer_class=CampaignAnswerSerializer)


# --- Plan actions ----------------------------------------------------------------------------------
@extend_schema(tags=["participation"])
class PlanActionViewSet(ApiViewSet):
    """The plan's actions (P3), each with the themes (coded input) it came from.

    Permissions: list and retrieve — participation.view (any member of the region); create and
    partial_update — participation.manage. An action of another region is 404."""

    queryset = PlanAction.objects.none()
    serializer_class = TrajectoryPlanActionSerializer
    input_serializers = {
        "create": TrajectoryPlanActionInputSerializer,
        "partial_update": TrajectoryPlanActionUpdateSerializer,
    }
    rules = {"list": VIEW, "create": MANAGE, "retrieve": VIEW, "partial_update": MANAGE}
    action_obj: PlanAction | None = None

    def resolve_objects(self, **kwargs: Any) -> None:
        if "pk" in kwargs:
            self.action_obj = get_object_or_404(
                PlanAction.objects.select_related("trajectory"), region=self.region, pk=kwargs["pk"]
            )

    def _one(self, action: PlanAction) -> Response:
        fresh = next(a for a in queries.plan_actions(action.trajectory) if a.pk == action.pk)
        return self.output(fresh)

    @extend_schema(responses={200: TrajectoryPlanActionSerializer, **problems(401, 403, 404)})
    def list(self, request: Request, region_slug: str) -> Response:
        filters = self.parse_query(CampaignListQuerySerializer)
        trajectories = Trajectory.objects.filter(region=self.region)
        if filters.get("trajectory"):
            trajectories = trajectories.filter(pk=filters["trajectory"])
        actions = [a for t in trajectories.order_by("pk") for a in queries.plan_actions(t)]
        return self.paginated(actions)

    @extend_schema(
        summary=_("Add an action to a trajectory's plan, with the themes it came from (P3)."),
        **write_schema(
            TrajectoryPlanActionInputSerializer, TrajectoryPlanActionSerializer, created=True
        ),
    )
    def create(self, request: Request, region_slug: str) -> Response:
        data = self.parse(TrajectoryPlanActionInputSerializer)
        action = plan.plan_action_create(actor=self.actor, **data)
        response = self._one(action)
        response.status_code = 201
        return response

    @extend_schema(**read_schema(TrajectoryPlanActionSerializer))
    def retrieve(self, request: Request, region_slug: str, pk: int) -> Response:
        assert self.action_obj is not None
        return self._one(self.action_obj)

    @extend_schema(
        summary=_("Change an action and the themes it came from (P3)."),
        **write_schema(TrajectoryPlanActionUpdateSerializer, TrajectoryPlanActionSerializer),
    )
    def partial_update(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(TrajectoryPlanActionUpdateSerializer, partial=True)
        action = self.action_obj
        assert action is not None
        current = {
            "title": action.title,
            "description": action.description,
            "owner": action.owner,
            "due_on": action.due_on,
            "status": action.status,
            "pillar": action.pillar,
            "themes": list(action.themes.all()),
        }
        updated = plan.plan_action_update(actor=self.actor, action=action, **{**current, **data})
        return self._one(updated)


def _campaign_view(actions: dict[str, Any]) -> Any:
    return CampaignViewSet.as_view(actions)


urlpatterns = [
    path(CAMPAIGNS, _campaign_view({"get": "list", "post": "create"}), name="campaign-list"),
    path(
        CAMPAIGN,
        _campaign_view({"get": "retrieve", "patch": "partial_update"}),
        name="campaign-detail",
    ),
    path(CAMPAIGN + "open/", _campaign_view({"post": "open"}), name="campaign-open"),
    path(CAMPAIGN + "close/", _campaign_view({"post": "close"}), name="campaign-close"),
    path(
        CAMPAIGN + "questions/",
        _campaign_view({"get": "questions", "post": "question_add"}),
        name="campaign-questions",
    ),
    path(
        CAMPAIGN + "questions/<int:question_pk>/",
        _campaign_view({"patch": "question_update", "delete": "question_remove"}),
        name="campaign-question-detail",
    ),
    path(
        CAMPAIGN + "questions/<int:question_pk>/move/",
        _campaign_view({"post": "question_move"}),
        name="campaign-question-move",
    ),
    path(CAMPAIGN + "results/", _campaign_view({"get": "results"}), name="campaign-results"),
    path(
        CAMPAIGN + "responses/",
        _campaign_view({"get": "responses", "post": "response_enter"}),
        name="campaign-responses",
    ),
    path(
        CAMPAIGN + "themes/",
        _campaign_view({"get": "themes", "post": "theme_create"}),
        name="campaign-themes",
    ),
    path(
        CAMPAIGN + "answers/<int:answer_pk>/themes/",
        _campaign_view({"put": "answer_themes"}),
        name="campaign-answer-themes",
    ),
    path(
        ACTIONS,
        PlanActionViewSet.as_view({"get": "list", "post": "create"}),
        name="plan-action-list",
    ),
    path(
        ACTIONS + "<int:pk>/",
        PlanActionViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="plan-action-detail",
    ),
]

"""M12: before the meeting, members react to an item in writing, and a representative puts a
short question about it to their constituency."""

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from .. import queries_api as queries
from .. import services
from ..models import ConstituencyQuestion, Reaction
from ..serializers import (
    QuestionAskedSerializer,
    QuestionDetailSerializer,
    QuestionInputSerializer,
    QuestionSerializer,
    ReactionInputSerializer,
    ReactionSerializer,
)
from ._common import (
    MEETING,
    REACT,
    VIEW,
    ItemScopedViewSet,
    delete_schema,
    read_schema,
    write_schema,
)


@extend_schema(tags=["reactions"])
class ReactionViewSet(ItemScopedViewSet):
    """Written reactions to an item before the meeting (M12).

    Permissions: list — meetings.view_meeting (any member of the region; a confidential item is
    a 404 without meetings.view_confidential); create — meetings.react (the body's chair,
    supporter and members; not guests); withdraw — meetings.react, and only the reaction's
    author (the service answers 400 `not_author` to anyone else).
    """

    queryset = Reaction.objects.none()
    serializer_class = ReactionSerializer
    input_serializers = {"create": ReactionInputSerializer}
    rules = {"list": VIEW, "create": REACT, "withdraw": REACT}

    def _reactions(self) -> Any:
        return (
            Reaction.objects.filter(item=self.item)
            .select_related("author", "constituency")
            .order_by("created_at", "pk")
        )

    @extend_schema(**read_schema(ReactionSerializer))
    def list(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int, pk: int
    ) -> Response:
        return self.paginated(self._reactions())

    @extend_schema(
        summary=_("React in writing before the meeting starts (M12)."),
        **write_schema(ReactionInputSerializer, ReactionSerializer, created=True),
    )
    def create(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int, pk: int
    ) -> Response:
        data = self.parse(ReactionInputSerializer)
        reaction = services.reaction_add(
            actor=self.actor, item=self.item, text=data["text"], constituency=data["constituency"]
        )
        return self.output(self._reactions().get(pk=reaction.pk), status_code=201)

    @extend_schema(
        summary=_("Withdraw your own reaction, as long as the meeting has not started (M12)."),
        **delete_schema(),
    )
    def withdraw(
        self,
        request: Request,
        region_slug: str,
        body_id: int,
        meeting_id: int,
        pk: int,
        reaction_id: int,
    ) -> Response:
        reaction = get_object_or_404(Reaction, item=self.item, pk=reaction_id)
        services.reaction_withdraw(actor=self.actor, reaction=reaction)
        return Response(status=204)


@extend_schema(tags=["questions"])
class QuestionViewSet(ItemScopedViewSet):
    """Questions a representative puts to their constituency about an item, answered by anyone
    with the link (M12).

    Permissions: list — meetings.view_meeting (any member of the region; a confidential item is
    a 404 without meetings.view_confidential), with the number of answers; create, retrieve
    (with the answers) and close — meetings.react (the body's chair, supporter and members; not
    guests). Only a member who represents a constituency asks (the service answers 400
    `not_a_representative` otherwise) and only the one who asked closes (400 `not_asker`).
    """

    queryset = ConstituencyQuestion.objects.none()
    serializer_class = QuestionSerializer
    input_serializers = {"create": QuestionInputSerializer}
    rules = {"list": VIEW, "create": REACT, "retrieve": REACT, "close": REACT}

    def _question(self, pk: int) -> ConstituencyQuestion:
        question = queries.item_question(self.item, pk)
        if question is None:
            raise Http404
        return question

    @extend_schema(**read_schema(QuestionSerializer))
    def list(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int, pk: int
    ) -> Response:
        return self.paginated(queries.item_questions(self.item))

    @extend_schema(
        summary=_(
            "Ask your constituency; the answer link is in this response only, never again (M12)."
        ),
        **write_schema(QuestionInputSerializer, QuestionAskedSerializer, created=True),
    )
    def create(
        self, request: Request, region_slug: str, body_id: int, meeting_id: int, pk: int
    ) -> Response:
        data = self.parse(QuestionInputSerializer)
        asked, token = services.question_ask(
            actor=self.actor, item=self.item, question=data["question"], closes_at=data["closes_at"]
        )
        question = self._question(asked.pk)
        question.token = token  # type: ignore[attr-defined]
        question.answer_url = request.build_absolute_uri(  # type: ignore[attr-defined]
            reverse("question_answer", args=[token])
        )
        return self.output(question, serializer_class=QuestionAskedSerializer, status_code=201)

    @extend_schema(**read_schema(QuestionDetailSerializer))
    def retrieve(
        self,
        request: Request,
        region_slug: str,
        body_id: int,
        meeting_id: int,
        pk: int,
        question_id: int,
    ) -> Response:
        return self.output(self._question(question_id), serializer_class=QuestionDetailSerializer)

    @extend_schema(
        summary=_("Close your question early; the link then takes no more answers (M12)."),
        **write_schema(None, QuestionDetailSerializer),
    )
    def close(
        self,
        request: Request,
        region_slug: str,
        body_id: int,
        meeting_id: int,
        pk: int,
        question_id: int,
    ) -> Response:
        services.question_close(actor=self.actor, question=self._question(question_id))
        return self.output(self._question(question_id), serializer_class=QuestionDetailSerializer)


ITEM = MEETING + "items/<int:pk>/"

urlpatterns = [
    path(
        ITEM + "reactions/",
        ReactionViewSet.as_view({"get": "list", "post": "create"}),
        name="reaction-list",
    ),
    path(
        ITEM + "reactions/<int:reaction_id>/",
        ReactionViewSet.as_view({"delete": "withdraw"}),
        name="reaction-detail",
    ),
    path(
        ITEM + "questions/",
        QuestionViewSet.as_view({"get": "list", "post": "create"}),
        name="question-list",
    ),
    path(
        ITEM + "questions/<int:question_id>/",
        QuestionViewSet.as_view({"get": "retrieve"}),
        name="question-detail",
    ),
    path(
        ITEM + "questions/<int:question_id>/close/",
        QuestionViewSet.as_view({"post": "close"}),
        name="question-close",
    ),
]

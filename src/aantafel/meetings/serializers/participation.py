"""M12: written reactions before the meeting and questions to a constituency."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from aantafel.bodies.models import Constituency
from aantafel.bodies.serializers import ConstituencyRefSerializer, PersonSerializer
from aantafel.regions.api import RegionPrimaryKeyField

from .. import services
from ..models import ConstituencyQuestion, QuestionAnswer, Reaction


class ReactionSerializer(serializers.ModelSerializer):
    """M12: a member's written reaction to an item, on their own behalf or their
    constituency's."""

    author = PersonSerializer(read_only=True)
    constituency = ConstituencyRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Reaction
        fields = ["id", "author", "constituency", "text", "created_at"]
        read_only_fields = fields


class ReactionInputSerializer(serializers.Serializer):
    text = serializers.CharField()
    constituency = RegionPrimaryKeyField(
        queryset=Constituency.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("The constituency you speak for in this body; empty: yourself."),
    )


class QuestionSerializer(serializers.ModelSerializer):
    """M12: a representative's question to their constituency about an item, with the number of
    answers brought in. Reads the item and meeting it was loaded with."""

    asked_by = PersonSerializer(read_only=True)
    constituency = ConstituencyRefSerializer(read_only=True, allow_null=True)
    answer_count = serializers.IntegerField(read_only=True)
    is_open = serializers.SerializerMethodField(
        help_text=_("Whether the link still takes answers.")
    )
    mine = serializers.SerializerMethodField(help_text=_("Whether you asked it."))

    class Meta:
        model = ConstituencyQuestion
        fields = [
            "id",
            "question",
            "asked_by",
            "constituency",
            "closes_at",
            "is_open",
            "answer_count",
            "mine",
            "created_at",
        ]
        read_only_fields = fields

    def get_is_open(self, question: ConstituencyQuestion) -> bool:
        return services.question_is_open(question)

    def get_mine(self, question: ConstituencyQuestion) -> bool:
        return bool(question.asked_by_id == self.context["request"].user.pk)


class AnswerSerializer(serializers.ModelSerializer):
    """M12: an answer through the link; nothing about who gave it is kept."""

    class Meta:
        model = QuestionAnswer
        fields = ["text", "created_at"]
        read_only_fields = fields


class QuestionDetailSerializer(QuestionSerializer):
    answers = AnswerSerializer(many=True, read_only=True)

    class Meta(QuestionSerializer.Meta):
        fields = [*QuestionSerializer.Meta.fields, "answers"]
        read_only_fields = fields


class QuestionAskedSerializer(QuestionSerializer):
    """The question just asked, with its answer link. The link is given this once: only a hash
    of its token is kept."""

    token = serializers.CharField(read_only=True, help_text=_("The secret of the answer link."))
    answer_url = serializers.URLField(
        read_only=True, help_text=_("The link to share with the constituency; shown only once.")
    )

    class Meta(QuestionSerializer.Meta):
        fields = [*QuestionSerializer.Meta.fields, "token", "answer_url"]
        read_only_fields = fields


class QuestionInputSerializer(serializers.Serializer):
    question = serializers.CharField(
        help_text=_("Short and in plain words; at most 300 characters.")
    )
    closes_at = serializers.DateTimeField(
        help_text=_("Answers are taken until then; at the latest when the meeting starts.")
    )

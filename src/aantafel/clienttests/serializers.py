"""Input and output of the client tests API (S5). Input is parsed here; the services decide
whether it is allowed."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from aantafel.bodies.models import Body
from aantafel.meetings.serializers._common import choice
from aantafel.regions.api import RegionPrimaryKeyField

from .models import (
    MAX_LABEL,
    MAX_LINKS_PER_BATCH,
    MAX_PROPOSAL,
    MAX_TITLE,
    ClientTest,
    ClientTestLink,
    Dimension,
    TargetGroup,
)
from .workflow import ClientTestStatus


def _status(**kwargs: Any) -> serializers.ChoiceField:
    return choice(ClientTestStatus.choices, enum_name="ClientTestStatusEnum", **kwargs)


def _group(**kwargs: Any) -> serializers.ChoiceField:
    return choice(TargetGroup.choices, enum_name="TargetGroupEnum", **kwargs)


# --- Output --------------------------------------------------------------------------------------


class ClientTestSerializer(serializers.ModelSerializer):
    status = _status(read_only=True)
    target_groups = serializers.ListField(child=_group(), read_only=True)
    body = serializers.IntegerField(source="body_id", read_only=True)
    body_name = serializers.CharField(source="body.name", read_only=True)
    link_count = serializers.IntegerField(read_only=True, required=False, default=None)
    answer_count = serializers.IntegerField(read_only=True, required=False, default=None)

    class Meta:
        model = ClientTest
        fields = [
            "id",
            "body",
            "body_name",
            "title",
            "proposal",
            "document_url",
            "target_groups",
            "status",
            "closes_on",
            "opened_at",
            "closed_at",
            "created_at",
            "link_count",
            "answer_count",
        ]
        read_only_fields = fields


class ClientTestLinkSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text=_("The personal link to hand out."))
    answered = serializers.SerializerMethodField()

    class Meta:
        model = ClientTestLink
        fields = ["id", "url", "label", "expires_on", "answered", "created_at"]
        read_only_fields = fields

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_url(self, link: ClientTestLink) -> str:
        return str(self.context["link_url"](link))

    @extend_schema_field({"type": "boolean"})
    def get_answered(self, link: ClientTestLink) -> bool:
        return link.used_at is not None


class StepSerializer(serializers.Serializer):
    rating = serializers.IntegerField()
    label = serializers.CharField()  # type: ignore[assignment]
    count = serializers.IntegerField()


class DimensionSummarySerializer(serializers.Serializer):
    dimension = choice(Dimension.choices, enum_name="ClientTestDimensionEnum")
    question = serializers.CharField()
    answers = serializers.IntegerField()
    average = serializers.FloatField(allow_null=True)
    distribution = StepSerializer(many=True)


class CommentsSerializer(serializers.Serializer):
    dimension = serializers.CharField(help_text=_("Empty for the last, open question."))
    question = serializers.CharField()
    texts = serializers.ListField(child=serializers.CharField())


class GroupSummarySerializer(serializers.Serializer):
    group = serializers.CharField(help_text=_("A target group; empty for everyone together."))
    label = serializers.CharField()  # type: ignore[assignment]
    answers = serializers.IntegerField()
    shown = serializers.BooleanField(
        help_text=_(
            "False when too few answered to show figures and comments without pointing to a person."
        )
    )
    dimensions = DimensionSummarySerializer(many=True)
    comments = CommentsSerializer(many=True)


class ReportSerializer(serializers.Serializer):
    test = ClientTestSerializer()
    min_shown = serializers.IntegerField()
    groups = GroupSummarySerializer(many=True)
    overall = GroupSummarySerializer()


# --- Input ---------------------------------------------------------------------------------------


class ClientTestCreateInputSerializer(serializers.Serializer):
    body = RegionPrimaryKeyField(queryset=Body.objects.all())
    title = serializers.CharField(max_length=MAX_TITLE, allow_blank=True)
    proposal = serializers.CharField(max_length=MAX_PROPOSAL, allow_blank=True)
    document_url = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    target_groups = serializers.ListField(child=_group(), allow_empty=True)
    closes_on = serializers.DateField()


class ClientTestUpdateInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=MAX_TITLE, allow_blank=True, required=False)
    proposal = serializers.CharField(max_length=MAX_PROPOSAL, allow_blank=True, required=False)
    document_url = serializers.CharField(max_length=200, allow_blank=True, required=False)
    target_groups = serializers.ListField(child=_group(), allow_empty=True, required=False)
    closes_on = serializers.DateField(required=False)


class LinksCreateInputSerializer(serializers.Serializer):
    count = serializers.IntegerField(min_value=1, max_value=MAX_LINKS_PER_BATCH)
    label = serializers.CharField(  # type: ignore[assignment]
        max_length=MAX_LABEL, required=False, allow_blank=True, default=""
    )
    expires_on = serializers.DateField(required=False, allow_null=True, default=None)

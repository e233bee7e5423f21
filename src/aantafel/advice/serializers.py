"""Input and output of the advice API (S4). Input is parsed here; the services decide whether
it is allowed."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from aantafel.bodies.models import Body, Constituency, DecisionRule
from aantafel.meetings.models import Stance
from aantafel.meetings.serializers._common import choice
from aantafel.regions.api import RegionPrimaryKeyField

from .models import MAX_TEXT, AdviceRequest, RequesterKind
from .workflow import AdviceResponse, AdviceStatus


def _status(**kwargs: Any) -> serializers.ChoiceField:
    return choice(AdviceStatus.choices, enum_name="AdviceStatusEnum", **kwargs)


def _text(**kwargs: Any) -> serializers.CharField:
    return serializers.CharField(max_length=MAX_TEXT, trim_whitespace=True, **kwargs)


# --- Output --------------------------------------------------------------------------------------


class AdviceBodySerializer(serializers.ModelSerializer):
    class Meta:
        model = Body
        fields = ["id", "name"]
        read_only_fields = fields


class AdviceRequestSerializer(serializers.ModelSerializer):
    """An advice request as the list shows it."""

    status = _status(read_only=True)
    body = AdviceBodySerializer(read_only=True)
    requester_kind = choice(RequesterKind.choices, enum_name="RequesterKindEnum", read_only=True)
    response = choice(
        [("", "–"), *AdviceResponse.choices], enum_name="AdviceResponseEnum", read_only=True
    )
    decision_rule = choice(
        [("", "–"), *DecisionRule.choices], enum_name="AdviceDecisionRuleEnum", read_only=True
    )

    class Meta:
        model = AdviceRequest
        fields = [
            "id",
            "title",
            "body",
            "status",
            "requester_kind",
            "requester_name",
            "deadline",
            "created_at",
            "advice_given_at",
            "decision_rule",
            "response",
            "closed_at",
        ]
        read_only_fields = fields


class ViewLineSerializer(serializers.Serializer):
    """A constituency of the body's seats and its view (null while it has none)."""

    constituency = serializers.SerializerMethodField()
    stance = serializers.SerializerMethodField()
    view = serializers.SerializerMethodField()
    recorded_on_behalf = serializers.SerializerMethodField()

    def get_constituency(self, line) -> dict:
        return {"id": line.constituency.pk, "name": line.constituency.name}

    def get_stance(self, line) -> str | None:
        return line.view.stance if line.view else None

    def get_view(self, line) -> str | None:
        return line.view.view if line.view else None

    def get_recorded_on_behalf(self, line) -> bool | None:
        return line.view.recorded_on_behalf if line.view else None


class AdviceDocumentOutSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    original_name = serializers.CharField(read_only=True)
    content_type = serializers.CharField(read_only=True)
    size = serializers.IntegerField(read_only=True)


class AdviceFollowUpOutSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    text = serializers.CharField(read_only=True)
    on = serializers.DateField(read_only=True)


class AdviceEventOutSerializer(serializers.Serializer):
    kind = serializers.CharField(source="event.kind", read_only=True)
    from_status = serializers.CharField(source="event.from_status", read_only=True)
    to_status = serializers.CharField(source="event.to_status", read_only=True)
    created_at = serializers.DateTimeField(source="event.created_at", read_only=True)


class AdviceDetailSerializer(serializers.Serializer):
    """A request with its question, each constituency's view, the advice, the response,
    documents, follow-ups and timeline (queries.AdviceDetail)."""

    request = AdviceRequestSerializer(source="advice", read_only=True)
    question = serializers.CharField(source="advice.question", read_only=True)
    requester_email = serializers.CharField(source="advice.requester_email", read_only=True)
    advice_text = serializers.CharField(source="advice.advice_text", read_only=True)
    missing_views_reason = serializers.CharField(
        source="advice.missing_views_reason", read_only=True
    )
    votes_for = serializers.IntegerField(source="advice.votes_for", read_only=True)
    votes_against = serializers.IntegerField(source="advice.votes_against", read_only=True)
    votes_abstained = serializers.IntegerField(source="advice.votes_abstained", read_only=True)
    response_reason = serializers.CharField(source="advice.response_reason", read_only=True)
    overdue = serializers.BooleanField(read_only=True)
    views = ViewLineSerializer(source="lines", many=True, read_only=True)
    documents = AdviceDocumentOutSerializer(many=True, read_only=True)
    follow_ups = AdviceFollowUpOutSerializer(many=True, read_only=True)
    timeline = AdviceEventOutSerializer(many=True, read_only=True)


# --- Input ---------------------------------------------------------------------------------------


class AdviceFilterSerializer(serializers.Serializer):
    body = RegionPrimaryKeyField(queryset=Body.objects.all(), required=False)
    status = _status(required=False)


class AdviceCreateInputSerializer(serializers.Serializer):
    body = RegionPrimaryKeyField(queryset=Body.objects.all())
    requester_kind = choice(RequesterKind.choices, enum_name="RequesterKindEnum")
    requester_name = serializers.CharField(max_length=200)
    requester_email = serializers.EmailField(required=False, allow_blank=True, default="")
    title = serializers.CharField(max_length=200)
    question = _text()
    deadline = serializers.DateField()


class AdviceEditInputSerializer(serializers.Serializer):
    """A correction of the question, until the advice is given (all three fields, as on the
    page)."""

    title = serializers.CharField(max_length=200)
    question = _text()
    deadline = serializers.DateField()


class AdviceViewInputSerializer(serializers.Serializer):
    constituency = RegionPrimaryKeyField(queryset=Constituency.objects.all())
    # The same enum as a constituency's position beside a decision (meetings' StanceEnum).
    stance = serializers.ChoiceField(choices=Stance.choices)
    view = _text()


class AdviceGiveInputSerializer(serializers.Serializer):
    advice_text = _text()
    missing_views_reason = _text(required=False, allow_blank=True, default="")
    votes_for = serializers.IntegerField(required=False, allow_null=True, default=None)
    votes_against = serializers.IntegerField(required=False, allow_null=True, default=None)
    votes_abstained = serializers.IntegerField(required=False, allow_null=True, default=None)


class AdviceResponseInputSerializer(serializers.Serializer):
    response = choice(AdviceResponse.choices, enum_name="AdviceResponseInputEnum")
    reason = _text(help_text=_("Why, in the requester's words. Required."))


class AdviceFollowUpInputSerializer(serializers.Serializer):
    text = _text()
    on = serializers.DateField(required=False, allow_null=True, default=None)


class AdviceCloseInputSerializer(serializers.Serializer):
    note = _text(required=False, allow_blank=True, default="")

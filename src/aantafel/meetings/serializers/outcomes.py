"""M8, M9: decisions with the constituencies' positions, and actions."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from aantafel.bodies.models import Constituency
from aantafel.bodies.serializers import ConstituencyRefSerializer, PersonSerializer
from aantafel.regions.api import RegionPrimaryKeyField
from aantafel.regions.models import PlanTheme

from ..models import (
    Action,
    ActionStatus,
    AgendaItem,
    ConstituencyPosition,
    Decision,
    DecisionOutcome,
    Meeting,
    Stance,
)
from ..services import PositionInput
from ._common import BodyMemberField, choice


class PositionSerializer(serializers.ModelSerializer):
    """M8/B6: a constituency's own position beside a decision."""

    constituency = ConstituencyRefSerializer(read_only=True)

    class Meta:
        model = ConstituencyPosition
        fields = ["id", "constituency", "stance", "statement"]
        read_only_fields = fields


class DecisionSerializer(serializers.ModelSerializer):
    """M8: a decision on an item, under the decision rule the body had at the time."""

    item: "serializers.PrimaryKeyRelatedField[AgendaItem]" = serializers.PrimaryKeyRelatedField(
        read_only=True
    )
    item_title = serializers.CharField(source="item.title", read_only=True)
    meeting = serializers.IntegerField(source="item.meeting_id", read_only=True)
    meeting_starts_at = serializers.DateTimeField(source="item.meeting.starts_at", read_only=True)
    outcome = choice(DecisionOutcome.choices, enum_name="DecisionOutcomeEnum", read_only=True)
    positions = PositionSerializer(many=True, read_only=True)

    class Meta:
        model = Decision
        fields = [
            "id",
            "item",
            "item_title",
            "meeting",
            "meeting_starts_at",
            "text",
            "decision_rule",
            "outcome",
            "votes_for",
            "votes_against",
            "votes_abstained",
            "positions",
            "created_at",
        ]
        read_only_fields = fields


class ThemeRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanTheme
        fields = ["id", "name"]
        read_only_fields = fields


class ActionSerializer(serializers.ModelSerializer):
    """M9: who does what by when; `is_overdue`: open and past its due date."""

    owner = PersonSerializer(read_only=True)
    status = choice(ActionStatus.choices, enum_name="ActionStatusEnum", read_only=True)
    theme = ThemeRefSerializer(read_only=True, allow_null=True)
    meeting: "serializers.PrimaryKeyRelatedField[Meeting]" = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True
    )
    item: "serializers.PrimaryKeyRelatedField[AgendaItem]" = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True
    )
    decision: "serializers.PrimaryKeyRelatedField[Decision]" = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True
    )
    is_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = Action
        fields = [
            "id",
            "title",
            "description",
            "owner",
            "due_date",
            "status",
            "status_note",
            "completed_at",
            "is_overdue",
            "theme",
            "meeting",
            "item",
            "decision",
        ]
        read_only_fields = fields


class PositionInputSerializer(serializers.Serializer):
    constituency = RegionPrimaryKeyField(queryset=Constituency.objects.all())
    stance = serializers.ChoiceField(choices=Stance.choices)
    statement = serializers.CharField(required=False, allow_blank=True, default="")


class DecisionInputSerializer(serializers.Serializer):
    """M8: what was decided, with votes under majority rule and positions under consensus with
    reservation (the service checks them against the body's decision rule)."""

    text = serializers.CharField()
    outcome = choice(DecisionOutcome.choices, enum_name="DecisionOutcomeEnum")
    votes_for = serializers.IntegerField(required=False, allow_null=True, default=None)
    votes_against = serializers.IntegerField(required=False, allow_null=True, default=None)
    votes_abstained = serializers.IntegerField(required=False, allow_null=True, default=None)
    positions = PositionInputSerializer(many=True, required=False, default=list)

    @staticmethod
    def positions_value(data: dict) -> list[PositionInput]:
        return [PositionInput(**row) for row in data["positions"]]


class DecisionFilterSerializer(serializers.Serializer):
    outcome = choice(DecisionOutcome.choices, enum_name="DecisionOutcomeEnum", required=False)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)


class ActionInputSerializer(serializers.Serializer):
    """M9: an action of the body, perhaps from a meeting or one of its decisions."""

    title = serializers.CharField(max_length=300)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    owner = BodyMemberField(help_text=_("Id of a current member of the body."))
    due_date = serializers.DateField()
    meeting = RegionPrimaryKeyField(
        queryset=Meeting.objects.all(), required=False, allow_null=True, default=None
    )
    decision = RegionPrimaryKeyField(
        queryset=Decision.objects.all(), required=False, allow_null=True, default=None
    )
    theme = RegionPrimaryKeyField(
        queryset=PlanTheme.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Id of a theme of the regional action plan."),
    )


class ActionFilterSerializer(serializers.Serializer):
    status = choice(ActionStatus.choices, enum_name="ActionStatusEnum", required=False)
    owner = serializers.IntegerField(required=False, help_text=_("The owner's user id."))
    overdue = serializers.BooleanField(
        required=False, default=False, help_text=_("true: open actions past their due date.")
    )


class ActionStatusInputSerializer(serializers.Serializer):
    status = choice(ActionStatus.choices, enum_name="ActionStatusEnum")
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ItemNotesInputSerializer(serializers.Serializer):
    notes = serializers.CharField(
        allow_blank=True,
        help_text=_("What was said about the item; the minutes are drafted from these notes."),
    )

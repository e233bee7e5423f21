"""M2: items members bring in through the supporter."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from aantafel.bodies.serializers import PersonSerializer
from aantafel.regions.api import RegionPrimaryKeyField

from ..models import AgendaItem, ItemProposal, ItemType, Meeting, ProposalStatus
from ._common import choice
from .agenda import DocumentSerializer


class ProposalSerializer(serializers.ModelSerializer):
    """M2, M7: an item brought in through the supporter and what was decided about it."""

    desired_type = choice(ItemType.choices, enum_name="ItemTypeEnum", read_only=True)
    status = choice(ProposalStatus.choices, enum_name="ProposalStatusEnum", read_only=True)
    submitted_by = PersonSerializer(read_only=True)
    meeting: "serializers.PrimaryKeyRelatedField[Meeting]" = serializers.PrimaryKeyRelatedField(
        read_only=True,
        allow_null=True,
        help_text=_("The meeting asked for; after a decision, the meeting it went to."),
    )
    decided_by = PersonSerializer(read_only=True, allow_null=True)
    item = serializers.SerializerMethodField(
        help_text=_("The agenda item it became, once accepted.")
    )
    documents = DocumentSerializer(many=True, read_only=True)

    class Meta:
        model = ItemProposal
        fields = [
            "id",
            "title",
            "explanation",
            "desired_type",
            "status",
            "source",
            "meeting",
            "submitted_by",
            "created_at",
            "decided_by",
            "decided_at",
            "decision_reason",
            "item",
            "documents",
        ]
        read_only_fields = fields

    def get_item(self, proposal: ItemProposal) -> int | None:
        try:
            return proposal.item.pk
        except AgendaItem.DoesNotExist:
            return None


class ProposalFilterSerializer(serializers.Serializer):
    status = choice(ProposalStatus.choices, enum_name="ProposalStatusEnum", required=False)


class ProposalInputSerializer(serializers.Serializer):
    """M2: an item a member brings in."""

    title = serializers.CharField(max_length=200)
    explanation = serializers.CharField(required=False, allow_blank=True, default="")
    desired_type = choice(
        [
            c
            for c in ItemType.choices
            if c[0] not in (ItemType.MINUTES_APPROVAL, ItemType.REPORT_BACK)
        ],
        enum_name="ProposalTypeEnum",
        help_text=_("An item type; not minutes_approval or report_back."),
    )
    meeting = RegionPrimaryKeyField(
        queryset=Meeting.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Id of a meeting of the body still to come; empty: the supporter plans it."),
    )


class ProposalAcceptInputSerializer(serializers.Serializer):
    meeting = RegionPrimaryKeyField(queryset=Meeting.objects.all())
    item_type = choice(
        ItemType.choices,
        enum_name="ItemTypeEnum",
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Empty: the type the submitter asked for."),
    )
    duration_minutes = serializers.IntegerField(default=15)


class ProposalDeferInputSerializer(serializers.Serializer):
    meeting = RegionPrimaryKeyField(
        queryset=Meeting.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("The later meeting; empty: no meeting yet."),
    )
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class ProposalDeclineInputSerializer(serializers.Serializer):
    reason = serializers.CharField(help_text=_("The submitter reads it."))

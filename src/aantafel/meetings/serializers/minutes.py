"""M10: minutes, their frozen versions, saving, approving and correcting."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from aantafel.bodies.serializers import PersonSerializer

from ..models import Meeting, Minutes, MinutesStatus, MinutesVersion
from ._common import choice


class MinutesVersionSerializer(serializers.ModelSerializer):
    """M10: a frozen version: 1 is what the meeting approved, later ones are corrections."""

    created_by = PersonSerializer(read_only=True, allow_null=True)

    class Meta:
        model = MinutesVersion
        fields = ["number", "text", "amendments", "reason", "created_by", "created_at"]
        read_only_fields = fields


class MinutesSerializer(serializers.ModelSerializer):
    """M10: the minutes of a meeting (cleaned HTML). A save names `revision`."""

    meeting: "serializers.PrimaryKeyRelatedField[Meeting]" = serializers.PrimaryKeyRelatedField(
        read_only=True
    )
    status = choice(MinutesStatus.choices, enum_name="MinutesStatusEnum", read_only=True)
    approved_in: "serializers.PrimaryKeyRelatedField[Meeting]" = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text=_("The meeting that approved them.")
    )
    edited_by = PersonSerializer(read_only=True, allow_null=True)
    versions = MinutesVersionSerializer(many=True, read_only=True)

    class Meta:
        model = Minutes
        fields = [
            "meeting",
            "status",
            "text",
            "revision",
            "circulated_at",
            "approved_at",
            "approved_in",
            "edited_by",
            "updated_at",
            "versions",
        ]
        read_only_fields = fields


class MinutesSaveInputSerializer(serializers.Serializer):
    text = serializers.CharField(help_text=_("HTML; cleaned on saving."))
    revision = serializers.IntegerField(
        help_text=_("The revision the edit started from; another one answers 409.")
    )


class MinutesApproveInputSerializer(serializers.Serializer):
    amendments = serializers.CharField(
        required=False, allow_blank=True, default="", help_text=_("Amendments made at approval.")
    )
    text = serializers.CharField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("The amended text, if the meeting changed it; then `revision` too."),
    )
    revision = serializers.IntegerField(required=False, allow_null=True, default=None)


class MinutesCorrectInputSerializer(serializers.Serializer):
    text = serializers.CharField()
    reason = serializers.CharField()

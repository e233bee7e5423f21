"""M6: who is invited, their answers and their presence."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from aantafel.bodies.serializers import PersonSerializer

from ..models import Attendance, Presence, Response


class AttendanceSerializer(serializers.ModelSerializer):
    """M6, B5: who is invited, their answer and, once held, their presence."""

    user = PersonSerializer(read_only=True)
    substitute_for: "serializers.PrimaryKeyRelatedField[Attendance]" = (
        serializers.PrimaryKeyRelatedField(
            read_only=True,
            allow_null=True,
            help_text=_("The attendance of the seat holder this substitute replaces."),
        )
    )

    class Meta:
        model = Attendance
        fields = ["id", "user", "response", "responded_at", "presence", "substitute_for"]
        read_only_fields = fields


class AttendanceRespondInputSerializer(serializers.Serializer):
    response = serializers.ChoiceField(
        choices=[(Response.ATTENDING, Response.ATTENDING), (Response.APOLOGIES, Response.APOLOGIES)]
    )


class PresenceInputSerializer(serializers.Serializer):
    attendance = serializers.IntegerField(help_text=_("Id of an attendance of this meeting."))
    presence = serializers.ChoiceField(choices=Presence.choices)


class AttendanceRecordInputSerializer(serializers.Serializer):
    presence = PresenceInputSerializer(many=True, allow_empty=False)

    @staticmethod
    def presence_map(data: dict) -> dict[int, str]:
        return {row["attendance"]: row["presence"] for row in data["presence"]}

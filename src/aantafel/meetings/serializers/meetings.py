"""M1, M5: meetings, their detail with agenda and attendance, planning and cancelling."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from aantafel.bodies.serializers import BodyRefSerializer

from ..models import Meeting, MeetingStatus
from ..services import Frequency, MeetingDetails
from ._common import choice
from .agenda import AgendaItemSerializer
from .attendance import AttendanceSerializer


class MeetingSerializer(serializers.ModelSerializer):
    """M1: a meeting in a body's list."""

    status = choice(MeetingStatus.choices, enum_name="MeetingStatusEnum", read_only=True)
    item_count = serializers.IntegerField(
        read_only=True, help_text=_("Agenda items, confidential ones included.")
    )

    class Meta:
        model = Meeting
        fields = [
            "id",
            "title",
            "starts_at",
            "ends_at",
            "location",
            "online_url",
            "status",
            "series",
            "published_at",
            "held_at",
            "cancelled_reason",
            "item_count",
        ]
        read_only_fields = fields


class MeetingPermissionsSerializer(serializers.Serializer):
    """What the caller may do with this meeting (the buttons the page shows)."""

    manage = serializers.BooleanField(
        read_only=True,
        help_text=_("meetings.manage_meeting: change, publish, cancel, documents, attendance"),
    )
    lead = serializers.BooleanField(
        read_only=True, help_text=_("meetings.lead_meeting: proposals, items added at the meeting")
    )
    submit_item = serializers.BooleanField(read_only=True, help_text=_("meetings.submit_item"))
    view_confidential = serializers.BooleanField(
        read_only=True, help_text=_("meetings.view_confidential")
    )


class MeetingDetailSerializer(MeetingSerializer):
    """M1–M6: the meeting with its agenda, documents and attendance. Confidential items are
    left out for whoever may not see them (M4)."""

    body = BodyRefSerializer(read_only=True)
    items = AgendaItemSerializer(source="agenda", many=True, read_only=True)
    attendances = AttendanceSerializer(source="attendance_list", many=True, read_only=True)
    my_attendance = AttendanceSerializer(
        read_only=True, allow_null=True, help_text=_("Your own invitation, if you are invited.")
    )
    permissions = MeetingPermissionsSerializer(read_only=True)

    class Meta(MeetingSerializer.Meta):
        fields = [
            *MeetingSerializer.Meta.fields,
            "body",
            "reporter",
            "items",
            "attendances",
            "my_attendance",
            "permissions",
        ]
        read_only_fields = fields


class MeetingInputSerializer(serializers.Serializer):
    """M1: when and where. Times with a zone offset; without one, the region's zone."""

    title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    location = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    online_url = serializers.URLField(required=False, allow_blank=True, default="")

    @staticmethod
    def details(data: dict, meeting: Meeting | None = None) -> MeetingDetails:
        """The service's MeetingDetails; on a partial update the meeting's own values fill in."""

        def value(name: str) -> Any:
            if name in data or meeting is None:
                return data.get(name)
            return getattr(meeting, name)

        return MeetingDetails(
            starts_at=value("starts_at"),
            ends_at=value("ends_at"),
            location=value("location"),
            online_url=value("online_url"),
            title=value("title"),
        )


class MeetingSeriesInputSerializer(MeetingInputSerializer):
    """M1: the first meeting of the series, how often it returns and how many there are."""

    frequency = serializers.ChoiceField(choices=[(f, f) for f in Frequency.CHOICES])
    count = serializers.IntegerField(help_text=_("Between 2 and 24 meetings."))


class MeetingFilterSerializer(serializers.Serializer):
    status = choice(MeetingStatus.choices, enum_name="MeetingStatusEnum", required=False)

    def get_fields(self) -> dict[str, serializers.Field]:
        # `from` is a Python keyword, so these two cannot be declared as class attributes.
        return {
            **super().get_fields(),
            "from": serializers.DateField(
                required=False, help_text=_("Meetings on or after this day (region's zone).")
            ),
            "to": serializers.DateField(
                required=False, help_text=_("Meetings on or before this day (region's zone).")
            ),
        }


class CancelInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300, help_text=_("The invited read it."))

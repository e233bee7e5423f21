"""M7: who reports back to the parent body, and their report-back."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from aantafel.bodies.serializers import BodyRefSerializer, PersonSerializer

from ..models import Meeting
from ._common import BodyMemberField


class MeetingReporterSerializer(serializers.ModelSerializer):
    """M7: the member who reports back on this meeting to the parent body."""

    meeting = serializers.IntegerField(source="pk", read_only=True)
    reporter = PersonSerializer(read_only=True, allow_null=True)
    parent_body = BodyRefSerializer(source="body.parent", read_only=True, allow_null=True)

    class Meta:
        model = Meeting
        fields = ["meeting", "reporter", "parent_body"]
        read_only_fields = fields


class ReporterInputSerializer(serializers.Serializer):
    reporter = BodyMemberField(
        allow_null=True,
        help_text=_("Id of a current member of the body; null takes the assignment away."),
    )


class ReportBackInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    text = serializers.CharField(help_text=_("What the parent body should know of this meeting."))

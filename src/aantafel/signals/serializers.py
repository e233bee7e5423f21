"""Input and output of the signals API (S1–S3). Input is parsed here; the services decide whether
it is allowed. The contact address of whoever raised a signal goes out to triagers only
(`triager` in the serializer context); anyone else reads null."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from aantafel.bodies.models import Body, Constituency
from aantafel.meetings.models import Meeting
from aantafel.meetings.serializers._common import choice
from aantafel.regions.api import RegionPrimaryKeyField
from aantafel.regions.models import PlanTheme

from .models import MAX_TEXT, Signal, SignalEvent, SignalSource
from .workflow import SignalStatus


def _status(**kwargs: Any) -> serializers.ChoiceField:
    return choice(SignalStatus.choices, enum_name="SignalStatusEnum", **kwargs)


def _source(**kwargs: Any) -> serializers.ChoiceField:
    return choice(SignalSource.choices, enum_name="SignalSourceEnum", **kwargs)


# --- Output --------------------------------------------------------------------------------------


class SignalThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanTheme
        fields = ["id", "name"]
        read_only_fields = fields


class SignalConstituencySerializer(serializers.ModelSerializer):
    class Meta:
        model = Constituency
        fields = ["id", "name"]
        read_only_fields = fields


class SignalSerializer(serializers.ModelSerializer):
    """A signal as the list shows it."""

    status = _status(read_only=True)
    source = _source(read_only=True)  # type: ignore[assignment]
    constituency = SignalConstituencySerializer(read_only=True, allow_null=True)
    themes = SignalThemeSerializer(many=True, read_only=True)
    contact_email = serializers.SerializerMethodField(
        help_text=_("Only for triagers, and only when the person left one; null otherwise.")
    )

    class Meta:
        model = Signal
        fields = [
            "id",
            "status",
            "source",
            "text",
            "constituency",
            "themes",
            "contact_email",
            "safety_concern",
            "duplicate_of",
            "created_at",
            "answered_at",
            "closed_at",
        ]
        read_only_fields = fields

    @extend_schema_field({"type": "string", "format": "email", "nullable": True})
    def get_contact_email(self, signal: Signal) -> str | None:
        if not self.context.get("triager"):
            return None
        return signal.contact_email or None


class SignalEventSerializer(serializers.ModelSerializer):
    """One line of the timeline (S2). Who did it and the note only for triagers."""

    kind = choice(SignalEvent.Kind.choices, enum_name="SignalEventKindEnum", read_only=True)
    actor = serializers.SerializerMethodField()
    note = serializers.SerializerMethodField()

    class Meta:
        model = SignalEvent
        fields = ["kind", "from_status", "to_status", "note", "actor", "created_at"]
        read_only_fields = fields

    @extend_schema_field({"type": "string", "nullable": True})
    def get_actor(self, event: SignalEvent) -> str | None:
        if not self.context.get("triager") or event.actor is None:
            return None
        return str(event.actor.full_name)

    @extend_schema_field({"type": "string", "nullable": True})
    def get_note(self, event: SignalEvent) -> str | None:
        if not self.context.get("triager"):
            return None
        return event.note


class SignalDetailSerializer(serializers.Serializer):
    """A signal with its timeline; built from queries.SignalDetail."""

    id = serializers.IntegerField(source="signal.pk", read_only=True)
    status = _status(source="signal.status", read_only=True)
    source = _source(source="signal.source", read_only=True)  # type: ignore[assignment]
    text = serializers.CharField(source="signal.text", read_only=True)
    constituency = SignalConstituencySerializer(
        source="signal.constituency", read_only=True, allow_null=True
    )
    suggested_theme = SignalThemeSerializer(
        source="signal.suggested_theme", read_only=True, allow_null=True
    )
    themes = SignalThemeSerializer(many=True, read_only=True)
    contact_email = serializers.SerializerMethodField(
        help_text=_("Only for triagers, and only when the person left one; null otherwise.")
    )
    safety_concern = serializers.BooleanField(source="signal.safety_concern", read_only=True)
    duplicate_of = serializers.IntegerField(
        source="signal.duplicate_of_id", read_only=True, allow_null=True
    )
    duplicates = serializers.SerializerMethodField(
        help_text=_("Signals linked as the same as this one (triagers only; empty otherwise).")
    )
    proposal = serializers.IntegerField(
        source="signal.proposal_id",
        read_only=True,
        allow_null=True,
        help_text=_("The item proposal that put the signal on a body's table."),
    )
    meeting = serializers.IntegerField(
        source="accepted_meeting.pk",
        read_only=True,
        allow_null=True,
        default=None,
        help_text=_("The meeting the signal is on, once the body accepted it there."),
    )
    answer = serializers.CharField(source="signal.answer", read_only=True)
    answered_at = serializers.DateTimeField(source="signal.answered_at", read_only=True)
    closed_at = serializers.DateTimeField(source="signal.closed_at", read_only=True)
    publishable = serializers.BooleanField(source="signal.publishable", read_only=True)
    public_summary = serializers.CharField(source="signal.public_summary", read_only=True)
    created_at = serializers.DateTimeField(source="signal.created_at", read_only=True)
    timeline = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "format": "email", "nullable": True})
    def get_contact_email(self, detail: Any) -> str | None:
        if not self.context.get("triager"):
            return None
        return detail.signal.contact_email or None

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_duplicates(self, detail: Any) -> list[int]:
        return [s.pk for s in detail.duplicates]

    @extend_schema_field(SignalEventSerializer(many=True))
    def get_timeline(self, detail: Any) -> Any:
        events = [line.event for line in detail.timeline]
        return SignalEventSerializer(events, many=True, context=self.context).data


class SimilarSignalSerializer(serializers.ModelSerializer):
    """An earlier signal that may be about the same concern (S2), with its score (0–1)."""

    status = _status(read_only=True)
    score = serializers.FloatField(read_only=True)

    class Meta:
        model = Signal
        fields = ["id", "status", "text", "score", "created_at"]
        read_only_fields = fields


# --- Input ---------------------------------------------------------------------------------------


class SignalFilterSerializer(serializers.Serializer):
    status = _status(required=False)
    theme = RegionPrimaryKeyField(queryset=PlanTheme.objects.all(), required=False)
    source = _source(required=False)  # type: ignore[assignment]


class SignalCreateInputSerializer(serializers.Serializer):
    constituency = RegionPrimaryKeyField(
        queryset=Constituency.objects.all(),
        help_text=_("A constituency you represent now in one of the region's bodies."),
    )
    text = serializers.CharField(max_length=MAX_TEXT, allow_blank=True)
    theme = RegionPrimaryKeyField(
        queryset=PlanTheme.objects.all(), required=False, allow_null=True, default=None
    )


class SignalThemesInputSerializer(serializers.Serializer):
    themes = RegionPrimaryKeyField(queryset=PlanTheme.objects.all(), many=True, allow_empty=True)


class SignalMoveInputSerializer(serializers.Serializer):
    status = _status(
        help_text=_("in_preparation or follow_up; the other steps have their own endpoint.")
    )
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=MAX_TEXT)


class SignalTableInputSerializer(serializers.Serializer):
    body = RegionPrimaryKeyField(queryset=Body.objects.all())
    meeting = RegionPrimaryKeyField(
        queryset=Meeting.objects.all(), required=False, allow_null=True, default=None
    )
    title = serializers.CharField(max_length=200)


class SignalAnswerInputSerializer(serializers.Serializer):
    answer = serializers.CharField(max_length=MAX_TEXT, allow_blank=True)


class SignalCloseInputSerializer(serializers.Serializer):
    publishable = serializers.BooleanField(required=False, default=False)
    public_summary = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=MAX_TEXT
    )


class SignalDuplicateInputSerializer(serializers.Serializer):
    original = RegionPrimaryKeyField(
        queryset=Signal.objects.all(), help_text=_("The earlier signal about the same concern.")
    )


class SignalSafetyInputSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=MAX_TEXT)

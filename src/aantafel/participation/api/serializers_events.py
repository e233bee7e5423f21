"""Input and output of the events API (P2). Input is parsed here; the service decides whether it
is allowed (services/events.py), so texts pass through blank and the service's message names the
field. A registrant's e-mail address does not go out: the attendee list and its export leave it
out too."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from aantafel.meetings.serializers._common import choice
from aantafel.regions.api import RegionPrimaryKeyField

from ..models import (
    AudienceType,
    Event,
    EventStatus,
    Pillar,
    Registration,
    RegistrationStatus,
    Trajectory,
)
from ..services.events import AttendeeFilter


def _audience(**kwargs: Any) -> serializers.ChoiceField:
    # Named AudienceTypeEnum in the schema by ENUM_NAME_OVERRIDES (settings), as everywhere.
    return serializers.ChoiceField(AudienceType.choices, **kwargs)


def _event_status(**kwargs: Any) -> serializers.ChoiceField:
    return choice(EventStatus.choices, enum_name="EventStatusEnum", **kwargs)


def _registration_status(**kwargs: Any) -> serializers.ChoiceField:
    return choice(RegistrationStatus.choices, enum_name="RegistrationStatusEnum", **kwargs)


def _text(**kwargs: Any) -> serializers.CharField:
    """A text the service checks (required or not, its length): blank passes through."""
    return serializers.CharField(allow_blank=True, trim_whitespace=False, **kwargs)


# --- Output --------------------------------------------------------------------------------------


class EventSerializer(serializers.ModelSerializer):
    """An event as the list shows it, with its confirmed places and waiting list."""

    status = _event_status(read_only=True)
    audiences = serializers.ListField(child=_audience(), read_only=True)
    confirmed = serializers.IntegerField(read_only=True, help_text=_("Confirmed places."))
    waiting = serializers.IntegerField(read_only=True, help_text=_("On the waiting list."))

    class Meta:
        model = Event
        fields = [
            "id",
            "title",
            "place",
            "starts_at",
            "ends_at",
            "status",
            "capacity",
            "confirmed",
            "waiting",
            "audiences",
            "registration_closes_at",
            "trajectory",
            "pillar",
            "media_url",
        ]
        read_only_fields = fields


class EventAudienceCountSerializer(serializers.Serializer):
    """services.events.AudienceCount: one audience's figures (the total: audience empty)."""

    audience = serializers.CharField(read_only=True, help_text=_("Empty for the total."))
    label = serializers.CharField(read_only=True)  # type: ignore[assignment]
    registered = serializers.IntegerField(read_only=True, help_text=_("Confirmed places."))
    waiting = serializers.IntegerField(read_only=True)
    cancelled = serializers.IntegerField(read_only=True)
    checked_in = serializers.IntegerField(read_only=True)


class EventAttendanceSerializer(serializers.Serializer):
    """services.events.Attendance: the figures per audience and the totals."""

    rows = EventAudienceCountSerializer(many=True, read_only=True)
    total = EventAudienceCountSerializer(read_only=True)
    capacity = serializers.IntegerField(read_only=True)
    places_left = serializers.IntegerField(read_only=True)


class EventDetailSerializer(serializers.ModelSerializer):
    """An event with its figures per status and audience (`attendance`, from the context)."""

    status = _event_status(read_only=True)
    audiences = serializers.ListField(child=_audience(), read_only=True)
    attendance = serializers.SerializerMethodField()
    public_url = serializers.SerializerMethodField(
        help_text=_("Where the public registers, once the event is published; null otherwise.")
    )

    class Meta:
        model = Event
        fields = [
            "id",
            "title",
            "description",
            "programme",
            "place",
            "address",
            "starts_at",
            "ends_at",
            "status",
            "capacity",
            "audiences",
            "registration_closes_at",
            "trajectory",
            "pillar",
            "media_url",
            "attendance",
            "public_url",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(EventAttendanceSerializer)
    def get_attendance(self, event: Event) -> Any:
        return EventAttendanceSerializer(self.context["attendance"]).data

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_public_url(self, event: Event) -> str | None:
        if event.status != EventStatus.PUBLISHED:
            return None
        path = reverse("event_public_detail", args=[self.context["region"].slug, event.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class EventRegistrationSerializer(serializers.ModelSerializer):
    """A registration on the attendee list: no e-mail address."""

    audience = _audience(read_only=True)
    status = _registration_status(read_only=True)

    class Meta:
        model = Registration
        fields = [
            "id",
            "name",
            "audience",
            "status",
            "accessibility_needs",
            "created_at",
            "promoted_at",
            "cancelled_at",
            "checked_in_at",
        ]
        read_only_fields = fields


# --- Input ---------------------------------------------------------------------------------------


class EventFilterSerializer(serializers.Serializer):
    status = _event_status(required=False)
    trajectory = RegionPrimaryKeyField(queryset=Trajectory.objects.all(), required=False)
    upcoming = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_(
            "true: events that have not ended yet, soonest first; false: those that have ended."
        ),
    )


class EventInputSerializer(serializers.Serializer):
    title = _text()
    description = _text(required=False, default="")
    programme = _text(required=False, default="")
    place = _text()
    address = _text(required=False, default="")
    starts_at = serializers.DateTimeField(allow_null=True)
    ends_at = serializers.DateTimeField(allow_null=True, help_text=_("After the start."))
    capacity = serializers.IntegerField(allow_null=True, help_text=_("At least 1."))
    audiences = serializers.ListField(
        child=_audience(), allow_empty=True, help_text=_("Who the event is for: at least one.")
    )
    registration_closes_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("No later than the start; null: open until the start."),
    )
    trajectory = RegionPrimaryKeyField(
        queryset=Trajectory.objects.all(), required=False, allow_null=True, default=None
    )
    pillar = RegionPrimaryKeyField(
        queryset=Pillar.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("A pillar of the trajectory (without a trajectory: the pillar's)."),
    )


class EventMediaInputSerializer(serializers.Serializer):
    media_url = _text(
        help_text=_("A link (http or https) to the after-movie or photos; empty removes it.")
    )


class EventRegistrationFilterSerializer(serializers.Serializer):
    status = choice(
        [
            (AttendeeFilter.CONFIRMED, _("registered")),
            (AttendeeFilter.NOT_CHECKED_IN, _("registered, not checked in yet")),
            (AttendeeFilter.CHECKED_IN, _("checked in")),
            (AttendeeFilter.WAITING, _("waiting list")),
            (AttendeeFilter.CANCELLED, _("cancelled")),
            (AttendeeFilter.ALL, _("everyone")),
        ],
        enum_name="RegistrationFilterEnum",
        required=False,
        default=AttendeeFilter.CURRENT,
        help_text=_("Without one: registered and waiting list."),
    )
    audience = _audience(required=False)
    search = serializers.CharField(
        required=False, default="", max_length=150, help_text=_("A part of the name.")
    )

"""Input and output of the trajectories API (P1). Input is parsed here; the service decides whether
it is allowed (services/trajectories.py), so texts pass through blank and the service's message
names the field."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from aantafel.meetings.serializers._common import choice
from aantafel.regions.api import RegionPrimaryKeyField

from ..models import (
    DecisionStatus,
    Pillar,
    Trajectory,
    TrajectoryDocument,
    TrajectoryUpdate,
    UpdateKind,
)


def _kind(**kwargs: Any) -> serializers.ChoiceField:
    return choice(UpdateKind.choices, enum_name="TrajectoryUpdateKindEnum", **kwargs)


def _decision(**kwargs: Any) -> serializers.ChoiceField:
    return choice(DecisionStatus.choices, enum_name="DecisionStatusEnum", **kwargs)


def _text(**kwargs: Any) -> serializers.CharField:
    """A text the service checks (required or not, its length): blank passes through."""
    return serializers.CharField(allow_blank=True, trim_whitespace=False, **kwargs)


def _optional_text(**kwargs: Any) -> serializers.CharField:
    return _text(required=False, default="", **kwargs)


# --- Output --------------------------------------------------------------------------------------


class TrajectorySerializer(serializers.ModelSerializer):
    """A trajectory as the list shows it, with the number of its parts."""

    pillar_count = serializers.IntegerField(read_only=True)
    phase_count = serializers.IntegerField(read_only=True)
    update_count = serializers.IntegerField(read_only=True)
    document_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Trajectory
        fields = [
            "id",
            "title",
            "summary",
            "starts_on",
            "ends_on",
            "published",
            "pillar_count",
            "phase_count",
            "update_count",
            "document_count",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class TrajectoryPillarSerializer(serializers.ModelSerializer):
    class Meta:
        model = Pillar
        fields = ["id", "number", "name", "description"]
        read_only_fields = fields


class TrajectoryPillarLineSerializer(serializers.Serializer):
    """A pillar on the trajectory's page: queries.PillarLine."""

    id = serializers.IntegerField(source="pillar.pk", read_only=True)
    number = serializers.IntegerField(source="pillar.number", read_only=True)
    name = serializers.CharField(source="pillar.name", read_only=True)
    description = serializers.CharField(source="pillar.description", read_only=True)
    update_count = serializers.SerializerMethodField()

    def get_update_count(self, line: Any) -> int:
        return len(line.updates)


class TrajectoryPhaseSerializer(serializers.Serializer):
    """A phase as the timeline shows it: queries.PhaseLine."""

    id = serializers.IntegerField(source="phase.pk", read_only=True)
    name = serializers.CharField(source="phase.name", read_only=True)
    description = serializers.CharField(source="phase.description", read_only=True)
    starts_on = serializers.DateField(source="phase.starts_on", read_only=True)
    ends_on = serializers.DateField(
        source="phase.ends_on",
        read_only=True,
        allow_null=True,
        help_text=_("As entered; null: until the next phase or the end of the trajectory."),
    )
    runs_until = serializers.DateField(
        source="ends_on",
        read_only=True,
        help_text=_("The last day of the phase, worked out when it has no end of its own."),
    )
    state = serializers.ChoiceField(
        choices=[("past", "past"), ("current", "current"), ("upcoming", "upcoming")],
        read_only=True,
    )


class TrajectoryUpdateSerializer(serializers.ModelSerializer):
    kind = _kind(read_only=True)
    pillar = TrajectoryPillarSerializer(read_only=True, allow_null=True)
    author = serializers.SerializerMethodField()

    class Meta:
        model = TrajectoryUpdate
        fields = ["id", "kind", "pillar", "title", "body", "published_at", "author", "updated_at"]
        read_only_fields = fields

    @extend_schema_field({"type": "string", "nullable": True})
    def get_author(self, update: TrajectoryUpdate) -> str | None:
        return update.author.full_name if update.author is not None else None


class TrajectoryDocumentSerializer(serializers.ModelSerializer):
    decision_status = _decision(read_only=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = TrajectoryDocument
        fields = [
            "id",
            "title",
            "decision_status",
            "decided_on",
            "decided_by",
            "original_name",
            "content_type",
            "size",
            "created_at",
            "download_url",
        ]
        read_only_fields = fields

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_download_url(self, document: TrajectoryDocument) -> str:
        path = reverse(
            "v1:trajectory-document-download",
            kwargs={
                "region_slug": self.context["region"].slug,
                "pk": document.trajectory_id,
                "document_pk": document.pk,
            },
        )
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class TrajectoryDetailSerializer(serializers.Serializer):
    """A trajectory with its pillars, its phases as a timeline and its documents; built from
    queries.TrajectoryDetail. The updates have their own list."""

    id = serializers.IntegerField(source="trajectory.pk", read_only=True)
    title = serializers.CharField(source="trajectory.title", read_only=True)
    summary = serializers.CharField(source="trajectory.summary", read_only=True)
    starts_on = serializers.DateField(source="trajectory.starts_on", read_only=True)
    ends_on = serializers.DateField(source="trajectory.ends_on", read_only=True)
    published = serializers.BooleanField(source="trajectory.published", read_only=True)
    pillars = TrajectoryPillarLineSerializer(many=True, read_only=True)
    phases = TrajectoryPhaseSerializer(many=True, read_only=True)
    documents = TrajectoryDocumentSerializer(many=True, read_only=True)
    update_count = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField(source="trajectory.created_at", read_only=True)
    updated_at = serializers.DateTimeField(source="trajectory.updated_at", read_only=True)

    def get_update_count(self, detail: Any) -> int:
        return len(detail.updates)


# --- Input ---------------------------------------------------------------------------------------


class TrajectoryFilterSerializer(serializers.Serializer):
    published = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("true: only those on the public site; false: only those not on it."),
    )


class TrajectoryInputSerializer(serializers.Serializer):
    title = _text()
    summary = _optional_text(help_text=_("Plain words: young people and parents read this."))
    starts_on = serializers.DateField(allow_null=True)
    ends_on = serializers.DateField(allow_null=True, help_text=_("Not before the start."))
    published = serializers.BooleanField(
        required=False, default=False, help_text=_("Show it on the region's public site.")
    )


class TrajectoryPillarInputSerializer(serializers.Serializer):
    name = _text()
    description = _optional_text()
    number = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("1, 2, 3 … once per trajectory; empty: the next number."),
    )


class TrajectoryPhaseInputSerializer(serializers.Serializer):
    name = _text()
    description = _optional_text()
    starts_on = serializers.DateField(allow_null=True, help_text=_("Within the trajectory."))
    ends_on = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Empty: until the next phase or the end of the trajectory."),
    )


class TrajectoryUpdateFilterSerializer(serializers.Serializer):
    kind = _kind(required=False)
    pillar = RegionPrimaryKeyField(queryset=Pillar.objects.all(), required=False)


class TrajectoryUpdateInputSerializer(serializers.Serializer):
    kind = _kind()
    title = _text()
    body = _text()
    pillar = RegionPrimaryKeyField(
        queryset=Pillar.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("A pillar of this trajectory; null: about the whole trajectory."),
    )


class TrajectoryDocumentStatusInputSerializer(serializers.Serializer):
    decision_status = _decision()
    decided_on = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Adopted or rejected: the day of the decision (not in the future)."),
    )
    decided_by = _optional_text(help_text=_("Adopted or rejected: who decided."))


class TrajectoryDocumentInputSerializer(TrajectoryDocumentStatusInputSerializer):
    """A file in a multipart/form-data request; its type is checked by its content."""

    file = serializers.FileField(required=False, allow_null=True, default=None)
    title = _optional_text(help_text=_("Empty: the file's name."))
    decision_status = _decision(required=False, default=DecisionStatus.DRAFT)

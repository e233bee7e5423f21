"""API of a region's audit log: read-only, for the region administrator."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.accounts.models import User
from aantafel.regions.api import READ_PROBLEMS, ApiViewSet, problems

from .models import AuditEvent
from .queries import audit_events


class AuditEventSerializer(serializers.ModelSerializer):
    actor: "serializers.PrimaryKeyRelatedField[User]" = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text=_("The user's id.")
    )
    changes = serializers.DictField(
        read_only=True, help_text=_("Per changed field: [old value, new value].")
    )

    class Meta:
        model = AuditEvent
        fields = [
            "id",
            "created_at",
            "actor",
            "actor_repr",
            "action",
            "target_type",
            "target_id",
            "target_repr",
            "changes",
            "request_id",
        ]
        read_only_fields = fields


class AuditEventFilterSerializer(serializers.Serializer):
    action = serializers.CharField(required=False, default="", help_text=_("e.g. body.create"))
    target_type = serializers.CharField(
        required=False, default="", help_text=_("e.g. bodies.membership")
    )


@extend_schema(tags=["audit"])
class AuditEventViewSet(ApiViewSet):
    """Who did what to which record of the region, newest first. Read-only.

    Permission: regions.view_audit_log (region administrator).
    """

    queryset = AuditEvent.objects.none()
    serializer_class = AuditEventSerializer
    rules = {"list": "regions.view_audit_log"}

    @extend_schema(
        parameters=[AuditEventFilterSerializer],
        responses={200: AuditEventSerializer, **problems(*READ_PROBLEMS)},
    )
    def list(self, request: Request, region_slug: str) -> Response:
        filters = self.parse_query(AuditEventFilterSerializer)
        return self.paginated(audit_events(self.region, **filters))


urlpatterns = [
    path(
        "regions/<slug:region_slug>/audit-events/",
        AuditEventViewSet.as_view({"get": "list"}),
        name="audit-event-list",
    ),
]

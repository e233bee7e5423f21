from django.db.models import QuerySet

from aantafel.regions.models import Region

from .models import AuditEvent


def audit_events(
    region: Region, *, action: str = "", target_type: str = ""
) -> QuerySet[AuditEvent]:
    qs = AuditEvent.objects.filter(region=region)
    if action:
        qs = qs.filter(action=action)
    if target_type:
        qs = qs.filter(target_type=target_type)
    return qs.order_by("-created_at", "-id")


def audit_actions(region: Region) -> list[str]:
    return list(
        AuditEvent.objects.filter(region=region)
        .order_by("action")
        .values_list("action", flat=True)
        .distinct()
    )

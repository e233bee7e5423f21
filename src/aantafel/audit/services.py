"""The audit trail. Services call `audit_record` inside their own transaction, so an event is
written exactly when the change it describes is."""

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import models

from aantafel.core.request_id import current_request_id
from aantafel.core.typing import Actor

from .models import AuditEvent

if TYPE_CHECKING:
    from aantafel.regions.models import Region


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime.date | datetime.datetime | Decimal):
        return value.isoformat() if not isinstance(value, Decimal) else str(value)
    return value


def snapshot(instance: models.Model, fields: list[str]) -> dict[str, Any]:
    """The audited values of a record, in a form JSON can hold."""
    return {name: _plain(getattr(instance, name)) for name in fields}


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for every field that changed."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }


def audit_record(
    *,
    actor: Actor,
    action: str,
    target: models.Model,
    region: "Region | None",
    changes: dict[str, Any] | None = None,
) -> AuditEvent:
    is_person = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        region=region,
        actor=actor if is_person else None,
        actor_repr=str(actor) if is_person else "",
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_repr=str(target)[:300],
        changes=changes or {},
        request_id=current_request_id() if current_request_id() != "-" else "",
    )


def audit_created(
    *, actor: Actor, action: str, target: models.Model, region: "Region | None", fields: list[str]
) -> AuditEvent:
    return audit_record(
        actor=actor,
        action=action,
        target=target,
        region=region,
        changes=changes_between({}, snapshot(target, fields)),
    )

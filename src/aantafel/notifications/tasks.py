"""Background work of the notifications app. Thin, and safe to run twice: the services keep a
record per message, so a rerun sends nothing that was sent (ADR 0007)."""

import datetime

from django.utils import timezone
from django_tasks import task

from . import services


@task()
def fan_out(event: str, object_id: int, on: str | None = None) -> int:
    """One event of the meeting cycle → one delivery per recipient, each sent by its own task,
    so a meeting with 200 invited never holds up a page or one worker for long."""
    day = datetime.date.fromisoformat(on) if on else None
    pending = services.event_fan_out(event=event, object_id=object_id, on=day)
    for delivery_id in pending:
        send_delivery.enqueue(delivery_id)
    return len(pending)


@task()
def send_delivery(delivery_id: int) -> str:
    status, retry_in = services.delivery_send(delivery_id=delivery_id)
    if retry_in is not None:
        backend = send_delivery.get_backend()
        if backend.supports_defer:
            send_delivery.using(run_after=timezone.now() + retry_in).enqueue(delivery_id)
        # Without deferred tasks (the ImmediateBackend of `make run`) `send_pending_mail`
        # from cron picks it up.
    return status

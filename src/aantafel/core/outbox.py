"""Mail that must go out once, and again after a failure: one record per message.

A record's `sent_at` stays empty until the mail server took the message. `send_once` sends a
record under a row lock, so a task that runs twice, or a retry racing the first try, never
sends twice; an error of the mail server is counted and retried later, an error of ours is
raised (it would fail the same way each time). Used for the feedback on signals (S1–S3) and the
advice sent to its requester (S4); the meeting cycle's mail has its own deliveries (ADR 0007).
"""

import datetime
import smtplib
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.mail import EmailMessage
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone

from .models import RegionOwned

RETRY_AFTER = datetime.timedelta(minutes=5)
MAX_ATTEMPTS = 8


class OutgoingMail(RegionOwned):
    """One message to one address (not a user: a young person on a public form has none)."""

    email = models.EmailField()
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        abstract = True


M = TypeVar("M", bound=OutgoingMail)


def send_once(records: QuerySet[M], mail_id: int, build: Callable[[M], EmailMessage]) -> bool:
    """Sends the record `mail_id` of `records` unless it was sent already or gave up.
    Returns whether a retry is due."""
    with transaction.atomic():
        mail = records.select_for_update(of=("self",)).filter(pk=mail_id).first()
        if mail is None or mail.sent_at is not None or mail.attempts >= MAX_ATTEMPTS:
            return False
        message = build(mail)  # a mistake of ours here should fail loudly, not be retried
        mail.attempts += 1
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as error:  # the mail server said no: retry
            mail.last_error = str(error)[:1000]
            mail.save(update_fields=["attempts", "last_error", "updated_at"])
            return True
        mail.sent_at = timezone.now()
        mail.last_error = ""
        mail.save(update_fields=["attempts", "last_error", "sent_at", "updated_at"])
        return False


def pending(model: type[M], older_than: datetime.timedelta = RETRY_AFTER) -> QuerySet:
    """Ids of mails not yet sent after an error or a lost task, for the retry commands."""
    return model._default_manager.filter(
        sent_at__isnull=True,
        attempts__lt=MAX_ATTEMPTS,
        updated_at__lt=timezone.now() - older_than,
    ).values_list("pk", flat=True)


def retry_later(task, mail_id: int) -> None:
    """Queues the task again after RETRY_AFTER, where the task backend can defer."""
    if task.get_backend().supports_defer:
        task.using(run_after=timezone.now() + RETRY_AFTER).enqueue(mail_id)


def enqueue_on_commit(mails: Iterable[OutgoingMail], task: Callable[[], Any]) -> None:
    """After the commit, one task per message; never before (a rolled-back change sends
    nothing). `task` returns the task to enqueue: read late, since the tasks module imports the
    mail module that calls this."""
    ids = [m.pk for m in mails]
    if ids:
        transaction.on_commit(lambda: [task().enqueue(mail_id) for mail_id in ids])

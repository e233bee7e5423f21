"""Background work of participation: thin, and safe to run twice (each mail module's `send`
sends a record once, core.outbox).

Registration mail has its own task (P2). The other outboxes of participation (ideas P4,
stories P5, safety concerns) share one task, named by their key in OUTBOXES: each is a module
with `send(mail_id) -> bool` (a retry is due) and `pending(older_than)`.
"""

import datetime
from collections.abc import Iterable
from importlib import import_module

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from aantafel.core import outbox

from . import mail

OUTBOXES = {
    "idea": "aantafel.participation.mail_ideas",
    "story": "aantafel.participation.mail_stories",
    "safety": "aantafel.participation.mail_safety",
}


@task()
def send_registration_mail(mail_id: int) -> bool:
    """Sends one RegistrationMail (a confirmation, a waiting-list notice, a cancellation); a
    refusal of the mail server is tried again later."""
    retry = mail.send(mail_id)
    if retry:
        outbox.retry_later(send_registration_mail, mail_id)
    return retry


@task()
def send_participation_mail(box: str, mail_id: int) -> bool:
    """Sends one mail of the outbox `box` (a key of OUTBOXES); a refusal of the mail server is
    tried again later."""
    retry = import_module(OUTBOXES[box]).send(mail_id)
    if retry and send_participation_mail.get_backend().supports_defer:
        run_after = timezone.now() + outbox.RETRY_AFTER
        send_participation_mail.using(run_after=run_after).enqueue(box, mail_id)
    return retry


def queue(box: str, mails: Iterable[outbox.OutgoingMail]) -> None:
    """After the commit, one task per message of the outbox `box`; a rolled-back change sends
    nothing."""
    ids = [m.pk for m in mails]
    if ids:
        transaction.on_commit(lambda: [send_participation_mail.enqueue(box, i) for i in ids])


def requeue_pending(older_than: datetime.timedelta = mail.RETRY_AFTER) -> int:
    """Queues every participation mail still unsent after an error or a lost task (registrations
    and every outbox of OUTBOXES); returns how many."""
    ids = list(mail.pending(older_than))
    for mail_id in ids:
        send_registration_mail.enqueue(mail_id)
    count = len(ids)
    for box, module in OUTBOXES.items():
        for mail_id in import_module(module).pending(older_than):
            send_participation_mail.enqueue(box, mail_id)
            count += 1
    return count

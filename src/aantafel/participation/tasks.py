"""Background work of event registrations (P2): thin, and safe to run twice (mail.send checks)."""

from django_tasks import task

from aantafel.core import outbox

from . import mail


@task()
def send_registration_mail(mail_id: int) -> bool:
    """Sends one RegistrationMail (a confirmation, a waiting-list notice, a cancellation); a
    refusal of the mail server is tried again later."""
    retry = mail.send(mail_id)
    if retry:
        outbox.retry_later(send_registration_mail, mail_id)
    return retry


def requeue_pending(older_than=mail.RETRY_AFTER) -> int:
    """Queues every registration mail still unsent after an error or a lost task; returns how
    many."""
    ids = list(mail.pending(older_than))
    for mail_id in ids:
        send_registration_mail.enqueue(mail_id)
    return len(ids)

"""Background work of the cliëntoverleg's mail: thin, and safe to run twice (mail.send checks)."""

from django_tasks import task

from aantafel.core import outbox

from . import mail


@task()
def send_case_mail(mail_id: int) -> bool:
    """Sends one CaseMail (an invitation, a calendar entry); a refusal of the mail server is
    tried again later."""
    retry = mail.send(mail_id)
    if retry:
        outbox.retry_later(send_case_mail, mail_id)
    return retry


def requeue_pending() -> int:
    """Queues every case mail still unsent after an error or a lost task; returns how many.
    For a scheduled job or a shell: no management command of its own."""
    ids = list(mail.pending())
    for mail_id in ids:
        send_case_mail.enqueue(mail_id)
    return len(ids)

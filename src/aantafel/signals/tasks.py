"""Background work of the signals app: thin, and safe to run twice (feedback.send checks)."""

from django_tasks import task

from aantafel.core import outbox

from . import feedback


@task()
def send_signal_mail(mail_id: int) -> bool:
    retry = feedback.send(mail_id)
    if retry:
        outbox.retry_later(send_signal_mail, mail_id)
    return retry

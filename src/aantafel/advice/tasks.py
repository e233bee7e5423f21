"""Background work of the advice app: thin, and safe to run twice (mail.send checks)."""

from django_tasks import task

from aantafel.core import outbox

from . import mail


@task()
def send_advice_mail(mail_id: int) -> bool:
    retry = mail.send(mail_id)
    if retry:
        outbox.retry_later(send_advice_mail, mail_id)
    return retry

"""Background work of the signals app: thin, and safe to run twice (feedback.send checks)."""

from django.utils import timezone
from django_tasks import task

from . import feedback


@task()
def send_signal_mail(mail_id: int) -> bool:
    retry = feedback.send(mail_id)
    if retry:
        backend = send_signal_mail.get_backend()
        if backend.supports_defer:
            send_signal_mail.using(run_after=timezone.now() + feedback.RETRY_AFTER).enqueue(mail_id)
    return retry

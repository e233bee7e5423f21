"""S1, S3: manage.py send_pending_signal_mail queues again the e-mails about signals that a
failing mail server (or a lost task) left waiting; running it twice sends nothing twice."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from aantafel.signals import services
from aantafel.signals.models import SignalMail

pytestmark = pytest.mark.django_db

FAILING = "tests.notifications.failing_backend.FailingBackend"
WORKING = "django.core.mail.backends.locmem.EmailBackend"


def retry(capture) -> str:
    out = StringIO()
    with capture(execute=True):
        call_command("send_pending_signal_mail", stdout=out)
    return out.getvalue()


def test_s3_a_mail_left_waiting_by_a_failing_server_is_sent_once_by_the_retry(
    region, region_admin, settings, django_capture_on_commit_callbacks
):
    signal = services.signal_submit_public(
        region=region, text="Ik wacht al maanden.", contact_email="jongere@voorbeeld.example"
    )
    services.signal_move(actor=region_admin, signal=signal, status="in_preparation")
    settings.EMAIL_BACKEND = FAILING
    with django_capture_on_commit_callbacks(execute=True):
        services.signal_answer(actor=region_admin, signal=signal, answer="Ons antwoord.")
    waiting = SignalMail.objects.get()
    assert waiting.sent_at is None
    assert waiting.attempts == 1

    settings.EMAIL_BACKEND = WORKING
    mail.outbox.clear()
    # Just failed: its own retry may still come, so the command leaves it for now.
    retry(django_capture_on_commit_callbacks)
    assert mail.outbox == []

    SignalMail.objects.filter(pk=waiting.pk).update(
        updated_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    assert retry(django_capture_on_commit_callbacks).startswith("1 ")
    assert [m.to for m in mail.outbox] == [["jongere@voorbeeld.example"]]
    waiting.refresh_from_db()
    assert waiting.sent_at is not None
    assert waiting.attempts == 2

    # Running it again sends nothing.
    SignalMail.objects.filter(pk=waiting.pk).update(
        updated_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    assert retry(django_capture_on_commit_callbacks).startswith("0 ")
    assert len(mail.outbox) == 1


def test_s1_a_lost_safeguarding_alert_is_sent_by_the_retry(
    region, region_admin, settings, django_capture_on_commit_callbacks
):
    region.safeguarding_email = "veiligheid@iroj-limburg.example"
    region.save()
    signal = services.signal_submit_public(region=region, text="Thuis is het niet veilig.")
    # A task that never ran: the record is there, nothing was tried.
    working = settings.TASKS
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        services.signal_flag_safety(actor=region_admin, signal=signal)
    lost = SignalMail.objects.get(topic=SignalMail.SAFETY)
    assert lost.attempts == 0
    SignalMail.objects.filter(pk=lost.pk).update(
        updated_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    settings.TASKS = working
    mail.outbox.clear()
    retry(django_capture_on_commit_callbacks)
    retry(django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["veiligheid@iroj-limburg.example"]]

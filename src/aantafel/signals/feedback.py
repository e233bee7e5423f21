"""S1, S3: who hears what about a signal. Called after the transaction commits; each function
writes one SignalMail record per message (unique per signal and topic) and queues its task."""

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from aantafel.core import outbox

from .models import Signal, SignalMail, SignalSource

RETRY_AFTER = outbox.RETRY_AFTER


def _raiser_email(signal: Signal) -> str:
    if signal.source == SignalSource.PUBLIC:
        return signal.contact_email
    return signal.raised_by.email if signal.raised_by and signal.raised_by.is_active else ""


def _queue(signal: Signal, topic: str, email: str) -> None:
    if not email:
        return
    mail, _created = SignalMail.objects.get_or_create(
        signal=signal, topic=topic, defaults={"email": email, "region_id": signal.region_id}
    )
    if mail.sent_at is None:
        from .tasks import send_signal_mail

        send_signal_mail.enqueue(mail.pk)


def raiser_told(signal_id: int, status: str) -> None:
    """S3: whoever raised the signal and left an address hears when it reaches a table, when
    it is answered and when it is closed."""
    signal = Signal.objects.select_related("raised_by", "region").filter(pk=signal_id).first()
    if signal is not None:
        _queue(signal, status, _raiser_email(signal))


def safeguarding_alerted(signal_id: int) -> None:
    """S1: the region's safeguarding contact hears of a safety concern at once."""
    signal = Signal.objects.select_related("region").filter(pk=signal_id).first()
    if signal is not None:
        _queue(signal, SignalMail.SAFETY, signal.region.safeguarding_email)


def _message(mail: SignalMail) -> EmailMultiAlternatives:
    signal = mail.signal
    region = signal.region
    context = {
        "signal": signal,
        "region": region,
        "topic": mail.topic,
        "safety": mail.topic == SignalMail.SAFETY,
        "public_url": settings.SITE_URL.rstrip("/")
        + reverse("you_said_we_did", args=[region.slug]),
        "staff_url": settings.SITE_URL.rstrip("/")
        + reverse("signal_detail", args=[region.slug, signal.pk]),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("signals/email/subject.txt", context).strip()
        text = render_to_string("signals/email/message.txt", context)
    return EmailMultiAlternatives(subject, text, to=[mail.email])


def send(mail_id: int) -> bool:
    """Sends one SignalMail unless it was sent already. Returns whether a retry is due."""
    records = SignalMail.objects.select_related("signal__region", "signal__raised_by")
    return outbox.send_once(records, mail_id, _message)


def pending(older_than: datetime.timedelta = RETRY_AFTER):
    """Mails not yet sent after an error or a lost task, for the retry command."""
    return outbox.pending(SignalMail, older_than)

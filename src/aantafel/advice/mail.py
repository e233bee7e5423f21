"""S4: the advice goes to the requester by e-mail, with the PDF attached. Called after the
transaction commits; one AdviceMail record per request, so a task that runs twice, or a
retry, never sends twice."""

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from aantafel.core import outbox

from .models import AdviceMail, AdviceRequest
from .pdf import advice_pdf_bytes, advice_pdf_filename

RETRY_AFTER = outbox.RETRY_AFTER


def advice_sent(advice_request_id: int) -> None:
    """Queues the e-mail with the advice to the requester's address, if they left one."""
    advice_request = AdviceRequest.objects.filter(pk=advice_request_id).first()
    if advice_request is None or not advice_request.requester_email:
        return
    mail, _created = AdviceMail.objects.get_or_create(
        advice_request=advice_request,
        defaults={"email": advice_request.requester_email, "region_id": advice_request.region_id},
    )
    if mail.sent_at is None:
        from .tasks import send_advice_mail

        send_advice_mail.enqueue(mail.pk)


def _message(mail: AdviceMail) -> EmailMultiAlternatives:
    advice_request = mail.advice_request
    context = {"advice": advice_request, "region": advice_request.region}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("advice/email/subject.txt", context).strip()
        text = render_to_string("advice/email/message.txt", context)
    message = EmailMultiAlternatives(subject, text, to=[mail.email])
    message.attach(
        advice_pdf_filename(advice_request), advice_pdf_bytes(advice_request), "application/pdf"
    )
    return message


def send(mail_id: int) -> bool:
    """Sends one AdviceMail unless it was sent already. Returns whether a retry is due."""
    records = AdviceMail.objects.select_related("advice_request__region", "advice_request__body")
    return outbox.send_once(records, mail_id, _message)


def pending(older_than: datetime.timedelta = RETRY_AFTER):
    """Mails not yet sent after an error or a lost task, for the retry command."""
    return outbox.pending(AdviceMail, older_than)

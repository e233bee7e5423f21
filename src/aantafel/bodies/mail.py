"""E-mail of the bodies app. Sent after the transaction that caused it has committed."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger(__name__)


def send_invitation_mail(invitation, token: str) -> None:
    link = settings.SITE_URL.rstrip("/") + reverse("invitation_accept", args=[token])
    context = {
        "invitation": invitation,
        "link": link,
        "body": invitation.body,
        "region": invitation.region,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("bodies/email/invitation_subject.txt", context).strip()
        text = render_to_string("bodies/email/invitation.txt", context)
        html = render_to_string("bodies/email/invitation.html", context)
    message = EmailMultiAlternatives(subject, text, to=[invitation.email])
    message.attach_alternative(html, "text/html")
    message.send()
    logger.info("invitation mail sent", extra={"invitation": invitation.pk})

"""The message to the region's safeguarding contact about a flagged story, idea or campaign
response (services/safety.py): what kind of item, who flagged it and a link to the staff page;
never the text of the item or its teller's details, which stay behind the login."""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from aantafel.core import outbox
from aantafel.meetings.calendar import absolute

from .models import SafetyConcern, SafetyConcernMail


def queue(mails: Iterable[SafetyConcernMail]) -> None:
    from .tasks import queue as queue_box

    queue_box("safety", mails)


def subject_url(concern: SafetyConcern) -> str:
    """The staff page of the flagged item."""
    region = concern.region.slug
    if concern.story_id:
        return absolute(reverse("story_detail", args=[region, concern.story_id]))
    if concern.idea_id:
        return absolute(reverse("idea_detail", args=[region, concern.idea_id]))
    response = concern.response
    assert response is not None
    return absolute(
        reverse("campaign_response_detail", args=[region, response.campaign_id, response.pk])
    )


def build(mail: SafetyConcernMail) -> EmailMultiAlternatives:
    concern = mail.concern
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "concern": concern,
            "region": concern.region,
            "url": subject_url(concern),
            "list_url": absolute(reverse("safety_concern_list", args=[concern.region.slug])),
        }
        subject = " ".join(
            render_to_string("participation/safety/email/subject.txt", context).split()
        )
        text = render_to_string("participation/safety/email/message.txt", context)
    return EmailMultiAlternatives(subject, text, to=[mail.email])


def send(mail_id: int) -> bool:
    records = SafetyConcernMail.objects.select_related("concern__region", "concern__flagged_by")
    return outbox.send_once(records, mail_id, build)


def pending(older_than: datetime.timedelta = outbox.RETRY_AFTER):
    return outbox.pending(SafetyConcernMail, older_than)

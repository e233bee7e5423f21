"""P4: the mail to the author of an idea, when they gave an e-mail address: the receipt, the
reason when it is not published, and the region's response with a link to the idea's public
page.

One IdeaMail record per message, written in the service's transaction (services/ideas.py) and
sent once by the task queued after the commit (tasks.py, core.outbox). A message is built when it
is sent: the link to the idea goes in only while the idea is on the public site.

Privacy: a message goes to the author only. It holds their own idea's title and, for a
response, the region's public answer; never anything about supporters or other people.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from aantafel.core import outbox
from aantafel.meetings.calendar import absolute

from .models import Idea, IdeaMail

# Kinds of IdeaMail (at most 30 characters).
RECEIPT = "receipt"  # the idea arrived: staff check it first
DECLINED = "declined"  # not published, and why
RESPONSE = "response"  # the region's official response
KINDS = [RECEIPT, DECLINED, RESPONSE]


def record(idea: Idea, kind: str) -> IdeaMail:
    return IdeaMail.objects.create(
        region_id=idea.region_id, idea=idea, email=idea.author_email, kind=kind
    )


def queue(mails: Iterable[IdeaMail]) -> None:
    from .tasks import queue as queue_box

    queue_box("idea", mails)


def idea_url(idea: Idea) -> str:
    return absolute(reverse("idea_public_detail", args=[idea.region.slug, idea.pk]))


def list_url(idea: Idea) -> str:
    return absolute(reverse("idea_public_list", args=[idea.region.slug]))


def _subject(kind: str, title: str) -> str:
    # Written out per kind so that makemessages finds every string.
    values = {"title": title}
    if kind == RECEIPT:
        return _("We received your idea: %(title)s") % values
    if kind == DECLINED:
        return _("Your idea is not published: %(title)s") % values
    return _("The region responds to your idea: %(title)s") % values


def build(mail: IdeaMail) -> EmailMultiAlternatives:
    if mail.kind not in KINDS:  # a mistake of ours: fail loudly, do not retry
        raise ValueError(f"No message for idea mail of kind {mail.kind!r}.")
    idea = mail.idea
    with translation.override(settings.LANGUAGE_CODE):
        is_public = Idea.objects.public().filter(pk=idea.pk).exists()
        context = {
            "idea": idea,
            "region": idea.region,
            "url": idea_url(idea) if is_public else "",
            "list_url": list_url(idea),
        }
        subject = " ".join(_subject(mail.kind, idea.title).split())
        text = render_to_string(f"participation/ideas/email/{mail.kind}.txt", context)
    return EmailMultiAlternatives(subject, text, to=[mail.email])


def send(mail_id: int) -> bool:
    """Sends one IdeaMail unless it was sent already. Returns whether a retry is due."""
    records = IdeaMail.objects.select_related("idea__region")
    return outbox.send_once(records, mail_id, build)


def pending(older_than: datetime.timedelta = outbox.RETRY_AFTER):
    """Idea mails not yet sent after an error or a lost task, for the retry command."""
    return outbox.pending(IdeaMail, older_than)

"""P5: the mail to a story's teller: the receipt with the withdrawal link, the notice that the
story is on the site (with the link to it and the withdrawal link), the notice that it is not
published (with the reason), and the receipt of a withdrawal.

One StoryMail record per message, written in the service's transaction; the task queued after
the commit sends it once (core.outbox, tasks.send_participation_mail with the box "story"), and
a refusal of the mail server is tried again later. A message is built when it is sent, from the
record and the story as it is then.

Privacy: the story's text is never in a mail, only its title in the teller's own receipt. After
a withdrawal the story keeps no address (services/stories.py): the receipt of the withdrawal
carries it on its record, and `send` empties that too once the mail has gone out.
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

from . import links_stories
from .models import Story, StoryMail

RETRY_AFTER = outbox.RETRY_AFTER

# Kinds of StoryMail (at most 30 characters).
RECEIPT = "receipt"  # we received the story: what happens next, the withdrawal link
PUBLISHED = "published"  # the story is on the site: its link, the withdrawal link
REJECTED = "rejected"  # not published, with the reason
WITHDRAWN = "withdrawn"  # the receipt of a withdrawal: nothing is kept
KINDS = [RECEIPT, PUBLISHED, REJECTED, WITHDRAWN]


def record(story: Story, kind: str, *, email: str | None = None) -> StoryMail:
    """A message of `kind` to the teller (`email`: their address when the story no longer
    holds it, i.e. the withdrawal receipt)."""
    return StoryMail.objects.create(
        region_id=story.region_id,
        story=story,
        email=story.teller_email if email is None else email,
        kind=kind,
    )


def queue(mails: Iterable[StoryMail]) -> None:
    from .tasks import queue as queue_box

    queue_box("story", mails)


def public_url(story: Story) -> str:
    return absolute(reverse("story_public_detail", args=[story.region.slug, story.pk]))


def _subject(kind: str, region_name: str) -> str:
    # Written out per kind so that makemessages finds every string.
    values = {"region": region_name}
    if kind == RECEIPT:
        return _("We received your story – %(region)s") % values
    if kind == PUBLISHED:
        return _("Your story is on the site – %(region)s") % values
    if kind == REJECTED:
        return _("About your story – %(region)s") % values
    return _("Your story has been removed – %(region)s") % values


def build(mail: StoryMail) -> EmailMultiAlternatives:
    if mail.kind not in KINDS:  # a mistake of ours: fail loudly, do not retry
        raise ValueError(f"No message for story mail of kind {mail.kind!r}.")
    story = mail.story
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "kind": mail.kind,
            "story": story,
            "region": story.region,
            "public_url": public_url(story) if mail.kind == PUBLISHED else "",
            "withdraw_url": (
                links_stories.withdraw_url(story) if mail.kind in (RECEIPT, PUBLISHED) else ""
            ),
        }
        subject = " ".join(_subject(mail.kind, story.region.name).split())
        text = render_to_string("participation/stories/email/message.txt", context)
    return EmailMultiAlternatives(subject, text, to=[mail.email])


def send(mail_id: int) -> bool:
    """Sends one StoryMail unless it was sent already. Returns whether a retry is due. The
    receipt of a withdrawal forgets its address once it has gone out."""
    records = StoryMail.objects.select_related("story__region")
    retry = outbox.send_once(records, mail_id, build)
    StoryMail.objects.filter(pk=mail_id, kind=WITHDRAWN, sent_at__isnull=False).exclude(
        email=""
    ).filter(story__safety_flagged=False).update(email="")
    return retry


def pending(older_than: datetime.timedelta = RETRY_AFTER):
    """Story mails not yet sent after an error or a lost task, for the retry command."""
    return outbox.pending(StoryMail, older_than)

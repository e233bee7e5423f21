"""P5: the withdrawal link in the mails to a story's teller, /doe-mee/verhaal-intrekken/<token>/.

The token is the story's `key` (a random UUID) signed with django.core.signing under the site's
SECRET_KEY and the salt "participation.story.withdraw", as the cancellation links of events
(links.py): a key read from a database copy, a backup or the admin opens nothing; only the mail
holds a working link. A different salt, so a registration's link never withdraws a story.
"""

import uuid

from django.core import signing
from django.urls import reverse

from aantafel.meetings.calendar import absolute

from .models import Story

SALT = "participation.story.withdraw"


def _signer() -> signing.Signer:
    return signing.Signer(salt=SALT)


def token_for(story: Story) -> str:
    return _signer().sign(str(story.key))


def key_from_token(token: str) -> uuid.UUID | None:
    """The key of a correctly signed token; None for a forged, altered or malformed one."""
    try:
        return uuid.UUID(_signer().unsign(token or ""))
    except (signing.BadSignature, ValueError):
        return None


def withdraw_path(story: Story) -> str:
    return reverse("story_withdraw", args=[token_for(story)])


def withdraw_url(story: Story) -> str:
    """The absolute link for the mail."""
    return absolute(withdraw_path(story))

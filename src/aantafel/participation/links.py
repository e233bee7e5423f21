"""P2: the cancellation link in the registration mail, /doe-mee/afmelden/<token>/.

The token is the registration's `key` (a random UUID) signed with django.core.signing under the
site's SECRET_KEY and the salt "participation.cancel". Why signed: whoever reads a database copy,
a backup or the admin sees the keys, and a key alone opens nothing; only the mail holds a
working link. A SECRET_KEY rotated through SECRET_KEY_FALLBACKS keeps old links working (the
Signer tries the fallbacks).
"""

import uuid

from django.core import signing
from django.urls import reverse

from aantafel.meetings.calendar import absolute

from .models import Registration

SALT = "participation.cancel"


def _signer() -> signing.Signer:
    return signing.Signer(salt=SALT)


def token_for(registration: Registration) -> str:
    return _signer().sign(str(registration.key))


def key_from_token(token: str) -> uuid.UUID | None:
    """The key of a correctly signed token; None for a forged, altered or malformed one."""
    try:
        return uuid.UUID(_signer().unsign(token))
    except (signing.BadSignature, ValueError):
        return None


def cancel_path(registration: Registration) -> str:
    return reverse("registration_cancel", args=[token_for(registration)])


def cancel_url(registration: Registration) -> str:
    """The absolute link for the mail."""
    return absolute(cancel_path(registration))

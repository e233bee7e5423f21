"""P2: the cancellation link in the registration mail, /doe-mee/afmelden/<token>/, and the
check-in code (a QR code in the confirmation) that staff scan at the door.

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
# Another salt: the code shown at the door cannot cancel, and the cancel link cannot check in.
CHECK_IN_SALT = "participation.check_in"


def _signer(salt: str = SALT) -> signing.Signer:
    return signing.Signer(salt=salt)


def token_for(registration: Registration) -> str:
    return _signer().sign(str(registration.key))


def key_from_token(token: str, salt: str = SALT) -> uuid.UUID | None:
    """The key of a correctly signed token; None for a forged, altered or malformed one."""
    try:
        return uuid.UUID(_signer(salt).unsign(token))
    except (signing.BadSignature, ValueError):
        return None


def cancel_path(registration: Registration) -> str:
    return reverse("registration_cancel", args=[token_for(registration)])


def cancel_url(registration: Registration) -> str:
    """The absolute link for the mail."""
    return absolute(cancel_path(registration))


def check_in_url(registration: Registration) -> str:
    """The staff page that checks this person in, for the QR code in the confirmation: it opens
    only for staff of the region (participation.manage), and shows the person before anything
    is done; scanning alone changes nothing."""
    token = _signer(CHECK_IN_SALT).sign(str(registration.key))
    return absolute(
        reverse(
            "event_check_in_code",
            args=[registration.event.region.slug, registration.event_id, token],
        )
    )


def check_in_key(token: str) -> uuid.UUID | None:
    return key_from_token(token, CHECK_IN_SALT)

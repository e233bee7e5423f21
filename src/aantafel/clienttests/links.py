"""S5: the token in a client test link, and finding the link it belongs to.

A token is the link's key (16 characters from `secrets`, stored, unique) followed by a
signature of that key (16 characters of an HMAC-SHA256 under the site's SECRET_KEY). Why signed
and not only hashed: the person who made the links must be able to see and download their URLs
again (to print them, to hand out one more); a hash cannot be turned back into a URL. Why not
the key alone: whoever reads a database copy, a backup or the admin would hold working links;
without SECRET_KEY the stored key opens nothing. A SECRET_KEY rotated through
SECRET_KEY_FALLBACKS keeps old links working.
"""

import base64
import secrets

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

from .models import KEY_LENGTH, ClientTestLink

_SALT = "aantafel.clienttests.link"
TOKEN_LENGTH = 2 * KEY_LENGTH


def new_key() -> str:
    return secrets.token_urlsafe(12)[:KEY_LENGTH]  # 12 bytes: exactly 16 characters, 96 bits


def _signature(key: str, secret: str | None = None) -> str:
    digest = salted_hmac(_SALT, key, secret=secret, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")[:KEY_LENGTH]


def token_for(link: ClientTestLink) -> str:
    return link.key + _signature(link.key)


def key_from_token(token: str) -> str | None:
    """The key of a well-formed, correctly signed token; None for anything else."""
    if len(token) != TOKEN_LENGTH:
        return None
    key, signature = token[:KEY_LENGTH], token[KEY_LENGTH:]
    for secret in [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]:
        if constant_time_compare(signature, _signature(key, secret)):
            return key
    return None

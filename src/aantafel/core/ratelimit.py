"""A per-client limit for public forms without an account (S1; later campaigns, ideas, stories).

No CAPTCHA: it shuts out people who cannot read distorted letters or solve puzzles. Instead each
client may send a few times per window. The count lives only in the Django cache, under a salted
hash of the client's address, and vanishes with the window: no address or other identifier is
stored anywhere, not in the database and not in plain form in the cache.

Which address is the client's is decided in one place for the whole project: allauth's rule,
which its login throttling uses too. By default that is REMOTE_ADDR (no X-Forwarded-For header is
trusted). Behind a reverse proxy every request comes from the proxy's address, so all clients
would share one count: set `ALLAUTH_TRUSTED_PROXY_COUNT` (or `ALLAUTH_TRUSTED_CLIENT_IP_HEADER`)
to match the proxy, and login throttling and these limits both follow.
"""

from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

_SALT = "aantafel.core.ratelimit"


def client_fingerprint(request: HttpRequest, scope: str) -> str:
    """A salted hash of the client's address, different per scope: it cannot be turned back into
    the address, nor linked across forms."""
    try:
        address = get_adapter(request).get_client_ip(request)
    except PermissionDenied:  # no address at all: such clients share one count
        address = "unknown"
    return salted_hmac(_SALT, f"{scope}|{address}", algorithm="sha256").hexdigest()


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` uses of `scope` per client per `window` seconds (a fixed window that starts
    at the client's first use)."""

    scope: str
    limit: int
    window: int = 3600

    def _key(self, request: HttpRequest) -> str:
        return f"ratelimit:{self.scope}:{client_fingerprint(request, self.scope)}"

    def used(self, request: HttpRequest) -> int:
        return int(cache.get(self._key(request), 0))

    def exceeded(self, request: HttpRequest) -> bool:
        """True when this client has used up its uses of the current window."""
        return self.used(request) >= self.limit

    def hit(self, request: HttpRequest) -> int:
        """Counts one use and returns the count so far in this window."""
        key = self._key(request)
        # `add` sets the key only if it is absent, so the window starts at the first use and is
        # not stretched by later ones; `incr` is atomic in Redis and memcached.
        cache.add(key, 0, timeout=self.window)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.window)
            return 1

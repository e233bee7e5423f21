from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from .models import ApiToken, hash_token


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer <key>` (or `Token <key>`) with a personal API token."""

    keywords = ("bearer", "token")

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].decode(errors="ignore").lower() not in self.keywords:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid token header."))
        key = parts[1].decode(errors="ignore")
        token = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=hash_token(key), revoked_at__isnull=True)
            .first()
        )
        now = timezone.now()
        if (
            token is None
            or (token.expires_at and token.expires_at <= now)
            or not token.user.is_active
        ):
            raise exceptions.AuthenticationFailed(_("Invalid or expired token."))
        # Record use at most once a minute: a busy client should not write on every call.
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token

    def authenticate_header(self, request):
        return "Bearer"

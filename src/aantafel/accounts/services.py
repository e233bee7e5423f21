"""Writes on accounts: API tokens and users made from an invitation."""

import secrets
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_record
from aantafel.core.errors import DomainError

from .models import ApiToken, User, hash_token

TOKEN_PREFIX = "at_"  # noqa: S105 - a public prefix, not a secret


@transaction.atomic
def api_token_create(
    *, actor: User, name: str, expires_at: datetime | None = None
) -> tuple[ApiToken, str]:
    """Makes a personal API token for the actor and returns it with its key, shown only now."""
    name = name.strip()
    if not name:
        raise DomainError(
            _("Give the token a name, so you know later where it is used."), field="name"
        )
    if expires_at is not None and expires_at <= timezone.now():
        raise DomainError(_("The expiry date must lie in the future."), field="expires_at")
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=actor, name=name, prefix=key[:8], key_hash=hash_token(key), expires_at=expires_at
    )
    audit_record(actor=actor, action="api_token.create", target=token, region=None)
    return token, key


@transaction.atomic
def api_token_revoke(*, actor: User, token: ApiToken) -> ApiToken:
    if token.user_id != actor.pk:
        raise DomainError(_("You can only revoke your own tokens."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
        audit_record(actor=actor, action="api_token.revoke", target=token, region=None)
    return token


def user_create(
    *, email: str, full_name: str, password: str, password_hashed: bool = False
) -> User:
    """Makes an account whose e-mail address is already verified (the invitation link proved it).
    `password_hashed` takes a hash made once for many accounts (the demo data): hashing is slow
    on purpose."""
    from allauth.account.models import EmailAddress

    if password_hashed:
        user = User.objects.create_user(email=email, password=None, full_name=full_name.strip())
        user.password = password
        user.save(update_fields=["password"])
    else:
        user = User.objects.create_user(email=email, password=password, full_name=full_name.strip())
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def account_for_address(*, email: str, full_name: str) -> User:
    """The account with this e-mail address, or a new one without a password: a client or a
    participant of a cliëntoverleg logs in with a code sent to that address (login by code),
    which proves they hold it."""
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(email, password=None, full_name=full_name.strip())
    return user


def account_anonymise(*, user: User) -> None:
    """An account that existed only for a closed cliëntoverleg which has now been anonymised
    (C8): its name and address go and it can no longer log in. The row stays, so the records
    that point at it keep their meaning without saying who it was."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.full_name = ""
    user.email = f"removed-{user.pk}@invalid.invalid"  # unique, and no one's address
    user.is_active = False
    user.set_unusable_password()
    user.save(update_fields=["full_name", "email", "is_active", "password"])

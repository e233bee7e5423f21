"""Checks of free text that services of several apps share."""

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from .errors import DomainError

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise


def require_text(value: str, *, field: str, message: "str | _StrPromise") -> str:
    """The text, trimmed; a DomainError naming `field` when nothing is left."""
    value = (value or "").strip()
    if not value:
        raise DomainError(message, field=field, code="required")
    return value


def plain(value: str) -> str:
    """Free text as stored: trimmed, without NUL characters (PostgreSQL cannot store them, and
    no person types one; forms and the API refuse them, services called otherwise drop them)."""
    return (value or "").replace("\x00", "").strip()


def limited_text(
    value: str,
    *,
    field: str,
    max_length: int,
    required: "str | _StrPromise | None" = None,
) -> str:
    """`plain` text of at most `max_length` characters; with a `required` message, not empty."""
    text = plain(value)
    if required is not None and not text:
        raise DomainError(required, field=field, code="required")
    if len(text) > max_length:
        raise DomainError(
            _("Please keep it shorter: at most %(max)s characters.") % {"max": max_length},
            field=field,
            code="too_long",
        )
    return text

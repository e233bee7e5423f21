"""Checks of free text that services of several apps share."""

from typing import TYPE_CHECKING

from .errors import DomainError

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise


def require_text(value: str, *, field: str, message: "str | _StrPromise") -> str:
    """The text, trimmed; a DomainError naming `field` when nothing is left."""
    value = (value or "").strip()
    if not value:
        raise DomainError(message, field=field, code="required")
    return value

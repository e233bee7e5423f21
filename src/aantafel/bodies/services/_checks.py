"""Checks several services share."""

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

from aantafel.core.errors import DomainError
from aantafel.regions.models import Region

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise


def require_same_region(obj: models.Model | None, region: Region, *, field: str) -> None:
    """B1: a record may only point at records of its own region. To the caller, a record of
    another region does not exist."""
    if obj is not None and obj.region_id != region.pk:  # type: ignore[attr-defined]
        raise DomainError(
            _("This choice does not exist in this region."), field=field, code="unknown"
        )


def require_text(value: str, *, field: str, message: "str | _StrPromise") -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(message, field=field, code="required")
    return value

"""Checks several services share."""

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

from aantafel.core.errors import DomainError
from aantafel.core.text import require_text
from aantafel.regions.models import Region

__all__ = ["require_same_region", "require_text"]

if TYPE_CHECKING:
    pass


def require_same_region(obj: models.Model | None, region: Region, *, field: str) -> None:
    """B1: a record may only point at records of its own region. To the caller, a record of
    another region does not exist."""
    if obj is not None and obj.region_id != region.pk:  # type: ignore[attr-defined]
        raise DomainError(
            _("This choice does not exist in this region."), field=field, code="unknown"
        )

from django.core.exceptions import PermissionDenied
from django.db.models import Model

from .typing import AnyUser


def require_perm(user: AnyUser, perm: str, obj: Model) -> None:
    """403 for a user who may see the object (the lookup let them) but not do this to it."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied

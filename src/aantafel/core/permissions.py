from django.core.exceptions import PermissionDenied


def require_perm(user, perm: str, obj) -> None:
    """403 for a user who may see the object (the lookup let them) but not do this to it."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied

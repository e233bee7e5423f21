import functools
import zoneinfo

from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import Region
from .permissions import region_get_for_user


def region_view(view):
    """Resolves `region_slug` to a region the user belongs to (else 404) and shows the page in
    the region's time zone and theme."""

    @functools.wraps(view)
    def wrapper(request, region_slug: str, *args, **kwargs):
        region = region_get_for_user(request.user, region_slug)
        request.region = region
        timezone.activate(zoneinfo.ZoneInfo(region.timezone))
        try:
            return view(request, region, *args, **kwargs)
        finally:
            timezone.deactivate()

    return wrapper


def public_region_view(view):
    """For public pages of a region (no account, no membership): resolves `region_slug` to any
    region (unknown → 404) and shows the page in the region's time zone and theme."""

    @functools.wraps(view)
    def wrapper(request, region_slug: str, *args, **kwargs):
        region = get_object_or_404(Region, slug=region_slug)
        request.region = region
        with timezone.override(zoneinfo.ZoneInfo(region.timezone)):
            return view(request, region, *args, **kwargs)

    return wrapper

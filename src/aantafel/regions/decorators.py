import functools
import zoneinfo

from django.utils import timezone

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

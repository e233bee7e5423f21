"""The one door to every case page: resolves the region and the case for the user (404 when
they have no seat), shows a non-professional the confidentiality statement until they accept
it (C5), writes the view to the case log (C8) and shows the page in the region's time zone.

Case pages do not use `region_view`: a family, a teacher or a neighbour at the table is no
member of the region, and a region administrator who is one must not see the case."""

import functools
import zoneinfo
from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone

from aantafel.regions.models import Region

from .log import case_log
from .models import CaseLogAction
from .permissions import case_get_for_user, in_service

# What a page needs of the user's seat.
CONTENT = "content"  # the case itself: at the table (and, if a non-professional, accepted)
STATEMENT = "statement"  # the confidentiality statement: any seat
LOG = "log"  # the case log: coordinator, data protection officer, the family


def _in_zone(region: Region):
    timezone.activate(zoneinfo.ZoneInfo(region.timezone))


def case_view(what: str, *, need: str = CONTENT, action: str = CaseLogAction.VIEW) -> Callable:
    """Decorates `view(request, region, case, seat, ...)` for URLs with `region_slug` and
    `reference`. `what` is the line in the case log ("work plan", "case page")."""

    def decorate(view):
        @login_required
        @functools.wraps(view)
        def wrapper(request, region_slug: str, reference: str, *args, **kwargs):
            region = get_object_or_404(Region, slug=region_slug)
            case, seat = case_get_for_user(request.user, region, reference)
            if need == CONTENT and not seat.sees_case:
                if seat.must_accept_confidentiality:
                    return redirect("case_confidentiality", region.slug, case.reference)
                raise Http404  # the data protection officer: the log only
            if need == LOG and not seat.reads_log:
                if seat.at_table:  # sees the case, may not read its log
                    raise PermissionDenied
                raise Http404
            if need == STATEMENT and not seat.at_table:
                raise Http404
            request.region = region
            case_log(case, actor=request.user, action=action, what=what, request=request)
            _in_zone(region)
            try:
                return view(request, region, case, seat, *args, **kwargs)
            finally:
                timezone.deactivate()

        return wrapper

    return decorate


def casework_region_view(view):
    """For the service's pages of a region (the list of cases, intake, the region's log):
    404 for whoever has no role in the service and no seat at any of its cases."""

    @login_required
    @functools.wraps(view)
    def wrapper(request, region_slug: str, *args, **kwargs):
        region = get_object_or_404(Region, slug=region_slug)
        if not in_service(request.user, region):
            raise Http404
        request.region = region
        _in_zone(region)
        try:
            return view(request, region, *args, **kwargs)
        finally:
            timezone.deactivate()

    return wrapper

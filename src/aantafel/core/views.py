from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from aantafel.bodies.queries import my_memberships
from aantafel.meetings.queries import my_open_actions, upcoming_meetings_for
from aantafel.regions.permissions import regions_visible_to


@login_required
def home(request):
    """Permission: any logged-in user. Their regions, the bodies they sit in now, their next
    meetings and the actions they still have to do."""
    regions = list(regions_visible_to(request.user))
    if len(regions) == 1:
        request.region = regions[0]
    return render(
        request,
        "core/home.html",
        {
            "regions": regions,
            "memberships": list(my_memberships(request.user)),
            "meetings": list(upcoming_meetings_for(request.user)),
            "actions": list(my_open_actions(request.user)),
            "today": timezone.localdate(),
        },
    )


@require_GET
@never_cache
def health(request):
    """Permission: public. Says whether the app and its database answer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except Exception:
        database = "unavailable"
    status = 200 if database == "ok" else 503
    return JsonResponse(
        {"status": "ok" if status == 200 else "error", "database": database}, status=status
    )

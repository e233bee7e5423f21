"""M5: each member's personal calendar feed of their meetings."""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from aantafel.notifications.queries import calendar_feed_owner

from ..calendar import feed_ics, feed_meetings


@require_safe
def calendar_feed(request, token: str):
    """Permission: whoever holds the secret feed address (the token is the key; no login, as
    calendar apps cannot log in). An unknown or revoked token is 404. Shows only the meetings
    the token's owner is invited to."""
    user = calendar_feed_owner(token)
    if user is None:
        raise Http404
    response = HttpResponse(
        feed_ics(feed_meetings(user)), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="aantafel.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response

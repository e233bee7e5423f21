"""The person's own notification settings: how they hear about each kind of message, and the
address of their personal calendar feed (M5)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from aantafel.core.errors import DomainError

from .forms import PreferencesForm
from .models import MUST_GET, Kind
from .queries import calendar_feed_of, preferences_of
from .services import calendar_feed_renew, calendar_feed_stop, preference_set


def _page(request, form, feed_token: str | None = None, status: int = 200):
    feed_url = webcal_url = None
    if feed_token:
        feed_url = settings.SITE_URL.rstrip("/") + reverse("calendar_feed", args=[feed_token])
        webcal_url = "webcal://" + feed_url.split("://", 1)[1]
    return render(
        request,
        "notifications/preferences.html",
        {
            "form": form,
            "must_get": [Kind(kind).label for kind in Kind if kind in MUST_GET],
            "feed": calendar_feed_of(request.user),
            "feed_url": feed_url,
            "webcal_url": webcal_url,
        },
        status=status,
    )


@login_required
@never_cache
def preferences(request):
    """Permission: any logged-in user, for their own settings."""
    current = preferences_of(request.user)
    form = PreferencesForm(request.POST or None, initial=current)
    if request.method == "POST" and form.is_valid():
        for kind, delivery in form.cleaned_data.items():
            if current.get(kind) == delivery:
                continue
            try:
                preference_set(actor=request.user, kind=kind, delivery=delivery)
            except DomainError as error:
                form.add_error(kind, error.message)
        if not form.errors:
            messages.success(request, _("Your choices are saved."))
            return redirect("notification_preferences")
    return _page(request, form)


@login_required
@never_cache
@require_POST
def calendar_feed_renew_view(request):
    """Permission: any logged-in user, for their own calendar feed. Shows the new address once."""
    token = calendar_feed_renew(actor=request.user)
    form = PreferencesForm(initial=preferences_of(request.user))
    return _page(request, form, feed_token=token)


@login_required
@require_POST
def calendar_feed_stop_view(request):
    """Permission: any logged-in user, for their own calendar feed."""
    calendar_feed_stop(actor=request.user)
    messages.success(request, _("Your calendar address no longer works."))
    return redirect("notification_preferences")

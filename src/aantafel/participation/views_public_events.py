"""Public pages of events (P2), at /doe-mee/: no account, no login. For young people, parents,
municipalities and institutions: the region's upcoming events, registration, and cancellation
with the link from the mail.

Each region page finds its region by slug (unknown → 404) and shows the region's theme and its
safety line; a draft event, or one of another region, is 404. Nothing about the visitor is
stored beyond what they type in the form; the thank-you page learns the outcome from the
session (the event and the status, no personal data), never from the URL. The rate limits
count in the cache under a salted hash that expires within the hour (core/ratelimit.py).
"""

import zoneinfo

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from aantafel.core.errors import ConflictError
from aantafel.core.forms import call_service
from aantafel.core.ratelimit import RateLimit
from aantafel.regions.decorators import public_region_view
from aantafel.regions.models import Region

from .forms_events import HONEYPOT, RegistrationForm
from .models import Event, EventStatus, Registration, RegistrationStatus
from .services import events as services

# P2: a person registers themselves, perhaps a friend or two; a robot registers hundreds.
REGISTRATION_LIMIT = RateLimit("event_registration", limit=10, window=3600)
# Someone trying cancellation links: a typo is human, twenty wrong links an hour is not.
CANCEL_GUESS_LIMIT = RateLimit("event_cancel_link", limit=20, window=3600)
REGISTERED = "participation_registered"  # session: {"event": pk, "status": ...}
CANCELLED = "participation_cancelled"  # session: the pk of the registration just cancelled
CANCEL_STATE_STATUS = {"unknown_link": 404, "already_cancelled": 409, "event_past": 409}


def _too_many(request: HttpRequest, region: Region | None) -> HttpResponse:
    return render(request, "components/too_many.html", {"region": region}, status=429)


def _with_places(events: QuerySet[Event]) -> QuerySet[Event]:
    return events.annotate(
        confirmed=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
        )
    )


def _public_event(region: Region, pk: int) -> Event:
    """A published event of the region, or one cancelled after it was (the page says so)."""
    return get_object_or_404(
        _with_places(
            Event.objects.filter(status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED])
        ),
        region=region,
        pk=pk,
    )


def registration_state(event: Event) -> str:
    """Whether the public can register now: open, cancelled, past or closed."""
    now = timezone.now()
    if event.status == EventStatus.CANCELLED:
        return "cancelled"
    if event.starts_at <= now:
        return "past"
    if event.registration_closes_at is not None and event.registration_closes_at <= now:
        return "closed"
    return "open"


@require_GET
@public_region_view
def event_public_list(request, region):
    """Permission: anyone, without an account (P2). The region's published events that have not
    ended yet, the first one first."""
    events = _with_places(
        Event.objects.filter(
            region=region, status=EventStatus.PUBLISHED, ends_at__gte=timezone.now()
        )
    ).order_by("starts_at", "pk")
    return render(
        request, "participation/public/event_list.html", {"region": region, "events": events}
    )


@require_http_methods(["GET", "POST"])
@public_region_view
def event_public_detail(request, region, pk):
    """Permission: anyone, without an account (P2): a published event of the region (a draft
    404), with the registration form while registration is open. Limited to 10 registrations
    per client per hour."""
    event = _public_event(region, pk)
    state = registration_state(event)
    too_many = REGISTRATION_LIMIT.exceeded(request)
    form = RegistrationForm(request.POST if request.method == "POST" else None, event=event)
    if request.method == "POST" and state == "open":
        if too_many:
            return _too_many(request, region)
        if request.POST.get(HONEYPOT):
            # A robot filled in the field people never see: it hears "thank you", nothing is kept.
            REGISTRATION_LIMIT.hit(request)
            return redirect("event_public_thanks", region.slug, event.pk)
        registration = form.is_valid() and call_service(
            form, lambda d: services.registration_submit(event=event, **d)
        )
        if isinstance(registration, Registration):
            REGISTRATION_LIMIT.hit(request)
            request.session[REGISTERED] = {"event": event.pk, "status": registration.status}
            return redirect("event_public_thanks", region.slug, event.pk)
    places_left = max(event.capacity - event.confirmed, 0)  # type: ignore[attr-defined]
    return render(
        request,
        "participation/public/event_detail.html",
        {
            "region": region,
            "event": event,
            "state": state,
            "places_left": places_left,
            "form": form,
            "honeypot": HONEYPOT,
            "too_many": too_many,
        },
    )


@require_GET
@public_region_view
def event_public_thanks(request, region, pk):
    """Permission: anyone, without an account (P2). Says whether the visitor has a place or is
    on the waiting list, from their session; without one, what happens next in general."""
    event = _public_event(region, pk)
    outcome = request.session.get(REGISTERED) or {}
    status = outcome.get("status") if outcome.get("event") == event.pk else None
    return render(
        request,
        "participation/public/event_thanks.html",
        {"region": region, "event": event, "status": status},
    )


def _public(response: HttpResponse) -> HttpResponse:
    # The link is the key: keep the page out of search engines. Other sites never see it in a
    # Referer (the site's policy is same-origin); "no-referrer" would go further but makes the
    # browser post the form with "Origin: null", which the CSRF check rightly refuses.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _cancel_page(request, registration: Registration | None, state: str, status: int = 200):
    event = registration.event if registration is not None else None
    return _public(
        render(
            request,
            "participation/public/cancel.html",
            {
                "region": event.region if event is not None else None,
                "event": event,
                "registration": registration,
                "state": state,
            },
            status=status,
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
def registration_cancel(request, token):
    """Permission: anyone holding the cancellation link from the mail, without an account (P2).
    GET asks to confirm; POST cancels. A link used before answers 409, an unknown or forged
    one 404, each with a page that says so plainly. Limited to 20 unknown links per client per
    hour."""
    if CANCEL_GUESS_LIMIT.exceeded(request):
        return _public(_too_many(request, None))
    try:
        registration = services.registration_for_link(token)
    except services.UnknownLinkError:
        CANCEL_GUESS_LIMIT.hit(request)
        return _cancel_page(request, None, "unknown_link", 404)
    region = registration.event.region
    request.region = region  # the page takes the region's look
    with timezone.override(zoneinfo.ZoneInfo(region.timezone)):
        if request.method == "POST":
            try:
                services.registration_cancel(key=token)
            except ConflictError as error:
                return _cancel_page(
                    request, registration, error.code, CANCEL_STATE_STATUS.get(error.code, 409)
                )
            request.session[CANCELLED] = registration.pk
            return _public(redirect("registration_cancel", token))
        if registration.status == RegistrationStatus.CANCELLED:
            if request.session.get(CANCELLED) == registration.pk:
                return _cancel_page(request, registration, "done")
            return _cancel_page(request, registration, "already_cancelled", 409)
        if registration.checked_in_at is not None or registration.event.starts_at <= timezone.now():
            return _cancel_page(request, registration, "event_past", 409)
        return _cancel_page(request, registration, "confirm")

"""Public pages of the signal loop (S1, S3): no account, no login, for young people and parents.

Each page belongs to a region, found by its slug (unknown → 404), and shows the region's theme and
its safety line. Nothing about the visitor is stored: no address, no cookie beyond Django's CSRF
token; the rate limit counts in the cache under a salted hash that expires within the hour."""

from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from aantafel.core.forms import call_service
from aantafel.core.ratelimit import RateLimit
from aantafel.regions.decorators import public_region_view
from aantafel.regions.models import PlanTheme, Region

from .forms_public import HONEYPOT, PublicSignalForm
from .models import Signal
from .services import signal_submit_public
from .workflow import SignalStatus

# S1: a person with something to say rarely has more than a few things at once; a robot has many.
SIGNAL_LIMIT = RateLimit("signal_public", limit=5, window=3600)
PAGE_SIZE = 20


def _too_many(request: HttpRequest, region: Region) -> HttpResponse:
    return render(request, "signals/public/too_many.html", {"region": region}, status=429)


@require_http_methods(["GET", "POST"])
@public_region_view
def signal_public_form(request, region):
    """Permission: anyone, without an account (S1). Limited to 5 signals per client per hour."""
    if SIGNAL_LIMIT.exceeded(request):
        # Said before they type, not after: nobody writes their story for nothing.
        return _too_many(request, region)
    form = PublicSignalForm(request.POST or None, region=region)
    if request.method == "POST":
        if request.POST.get(HONEYPOT):
            # A robot filled in the field people never see: it hears "thank you", nothing is kept.
            SIGNAL_LIMIT.hit(request)
            return redirect("signal_public_thanks", region.slug)
        if form.is_valid() and call_service(
            form, lambda d: signal_submit_public(region=region, **form.service_kwargs())
        ):
            SIGNAL_LIMIT.hit(request)
            return redirect("signal_public_thanks", region.slug)
    return render(
        request,
        "signals/public/form.html",
        {"region": region, "form": form, "honeypot": HONEYPOT},
    )


@require_GET
@public_region_view
def signal_public_thanks(request, region):
    """Permission: anyone, without an account (S1)."""
    return render(request, "signals/public/thanks.html", {"region": region})


def public_signals(region: Region, theme: PlanTheme | None = None) -> QuerySet[Signal]:
    """S3: what the public "you said, we did" page may show, newest first: closed, publishable,
    never a safety concern, with a summary written for publication. Only the fields the page
    shows are loaded: the raiser's text, address and the answer never leave the database."""
    signals = (
        Signal.objects.filter(
            region=region,
            status=SignalStatus.CLOSED,
            publishable=True,
            safety_concern=False,
        )
        .exclude(public_summary="")
        .only("pk", "public_summary", "closed_at")
        .prefetch_related(
            Prefetch("themes", queryset=PlanTheme.objects.only("pk", "name").order_by("name"))
        )
        .order_by("-closed_at", "-pk")
    )
    if theme is not None:
        signals = signals.filter(themes=theme)
    return signals


@require_GET
@public_region_view
def you_said_we_did(request, region):
    """Permission: anyone, without an account (S3). Shows only closed, publishable signals that
    are not a safety concern, by their anonymised summary."""
    # The themes worth filtering on: those of at least one signal on this page.
    themes = list(
        PlanTheme.objects.filter(signals__in=public_signals(region).values("pk"))
        .distinct()
        .order_by("name")
    )
    chosen = next((t for t in themes if str(t.pk) == request.GET.get("theme", "")), None)
    page = Paginator(public_signals(region, chosen), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "signals/public/you_said_we_did.html",
        {"region": region, "page": page, "themes": themes, "chosen": chosen},
    )

"""Public pages of ideas (P4), at /doe-mee/<region_slug>/ideeen/: no account needed. Young
people and parents read the region's checked ideas and its responses, support an idea, and put
their own idea forward.

Only public ideas show (`Idea.objects.public()`: checked, not flagged); any other is 404. The
author's e-mail address is never shown, their name only as they typed it ("anonymous" when
empty). Support works without JavaScript (a form that posts) and counts once per person: per
logged-in user, or per browser session for a visitor (`supporter_key`). The rate limits count
in the cache under a salted hash that expires within the hour (core/ratelimit.py).
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from aantafel.core.errors import ConflictError
from aantafel.core.forms import call_service
from aantafel.core.ratelimit import RateLimit
from aantafel.regions.decorators import public_region_view
from aantafel.regions.models import Region

from .forms_ideas import HONEYPOT, IdeaSubmitForm
from .models import Idea
from .services import ideas as services

# P4: a person sends an idea or two; a robot sends hundreds.
SUBMIT_LIMIT = RateLimit("idea_submit", limit=5, window=3600)
# Support is once per session: someone clearing cookies to support again soon meets this.
SUPPORT_LIMIT = RateLimit("idea_support", limit=30, window=3600)
PAGE_SIZE = 20
SUBMITTED = "participation_idea_submitted"  # session: True after a submission (nothing else)


def supporter_key(request: HttpRequest, *, create: bool = False) -> str | None:
    """Who supports, as a key that names no one: the logged-in user, or else the browser's
    session (created when `create`; None without one)."""
    if request.user.is_authenticated:
        return services.supporter_key_of(f"user:{request.user.pk}")
    if request.session.session_key is None:
        if not create:
            return None
        request.session.save()
    return services.supporter_key_of(f"session:{request.session.session_key}")


def _too_many(request: HttpRequest, region: Region) -> HttpResponse:
    return render(request, "components/too_many.html", {"region": region}, status=429)


def _public_idea(region: Region, pk: int) -> Idea:
    return get_object_or_404(Idea.objects.public().with_support(), region=region, pk=pk)


@require_GET
@public_region_view
def idea_public_list(request, region):
    """Permission: anyone, without an account (P4). The region's checked ideas with their
    support and response: the most supported first, or the newest (?sort=new)."""
    sort = "new" if request.GET.get("sort") == "new" else ""
    page = Paginator(services.public_ideas(region, sort), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "participation/public/idea_list.html",
        {"region": region, "page": page, "sort": sort, "query": f"sort={sort}" if sort else ""},
    )


@require_GET
@public_region_view
def idea_public_detail(request, region, pk):
    """Permission: anyone, without an account (P4): a public idea of the region (any other
    404), its support, a button to support it, and the region's response with its date."""
    idea = _public_idea(region, pk)
    return render(
        request,
        "participation/public/idea_detail.html",
        {
            "region": region,
            "idea": idea,
            "supported": services.supports(idea, supporter_key(request)),
        },
    )


@require_POST
@public_region_view
def idea_support(request, region, pk):
    """Permission: anyone, without an account (P4): support a public idea, once per person
    (any other idea 404). Back to the idea's page with a message. Limited to 30 per client per
    hour."""
    idea = get_object_or_404(Idea.objects.public(), region=region, pk=pk)
    if SUPPORT_LIMIT.exceeded(request):
        return _too_many(request, region)
    SUPPORT_LIMIT.hit(request)
    key = supporter_key(request, create=True)
    assert key is not None  # created above when missing
    try:
        services.idea_support(idea=idea, supporter_key=key)
    except services.NotPublicError:  # flagged or declined a moment ago
        raise Http404 from None
    except ConflictError as error:
        messages.info(request, error.message)
    else:
        messages.success(request, _("Thank you! Your support has been counted."))
    return redirect(reverse("idea_public_detail", args=[region.slug, idea.pk]) + "#support")


@require_http_methods(["GET", "POST"])
@public_region_view
def idea_submit(request, region):
    """Permission: anyone, without an account (P4): put an idea forward. Staff check it before
    it shows. Limited to 5 ideas per client per hour."""
    too_many = SUBMIT_LIMIT.exceeded(request)
    form = IdeaSubmitForm(request.POST if request.method == "POST" else None, region=region)
    if request.method == "POST":
        if too_many:
            return _too_many(request, region)
        if request.POST.get(HONEYPOT):
            # A robot filled in the field people never see: it hears "thank you", nothing is kept.
            SUBMIT_LIMIT.hit(request)
            return redirect("idea_submit_thanks", region.slug)
        idea = form.is_valid() and call_service(
            form, lambda d: services.idea_submit(region=region, **d)
        )
        if isinstance(idea, Idea):
            SUBMIT_LIMIT.hit(request)
            request.session[SUBMITTED] = bool(idea.author_email)
            return redirect("idea_submit_thanks", region.slug)
    return render(
        request,
        "participation/public/idea_submit.html",
        {"region": region, "form": form, "honeypot": HONEYPOT, "too_many": too_many},
    )


@require_GET
@public_region_view
def idea_submit_thanks(request, region):
    """Permission: anyone, without an account (P4). What happens next: staff check the idea
    first; with an e-mail address the author hears back."""
    return render(
        request,
        "participation/public/idea_thanks.html",
        {"region": region, "with_email": request.session.get(SUBMITTED)},
    )

"""Public pages of experience stories (P5), at /doe-mee/: no account, no login. The region's
published stories, the form to tell one, and the withdrawal with the link from the mail.

Only published stories that are not flagged as a safety concern show (`Story.objects.public()`);
any other, or one of another region, is 404, from the very request after it was withdrawn or
flagged. The public pages show the moderated version only: never the teller's own text, name
or address. The thank-you page learns nothing about the teller, and the rate limits count in
the cache under a salted hash that expires within the hour (core/ratelimit.py).
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from aantafel.core.errors import ConflictError
from aantafel.core.forms import call_service
from aantafel.core.ratelimit import RateLimit
from aantafel.regions.decorators import public_region_view
from aantafel.regions.models import Region

from .forms_stories import HONEYPOT, StorySubmitForm
from .models import Story, StoryStatus, Trajectory
from .services import stories as services

PAGE_SIZE = 20
# P5: a person tells a story or two; a robot sends hundreds.
SUBMIT_LIMIT = RateLimit("story_submit", limit=5, window=3600)
# Someone trying withdrawal links: a typo is human, twenty wrong links an hour is not.
WITHDRAW_GUESS_LIMIT = RateLimit("story_withdraw_link", limit=20, window=3600)
SUBMITTED = "participation_story_submitted"  # session: the region's pk, nothing about the teller
WITHDRAWN = "participation_story_withdrawn"  # session: the pk of the story just withdrawn
PUBLIC_FIELDS = ("pk", "region_id", "public_title", "public_text", "public_name", "published_at")


def _too_many(request: HttpRequest, region: Region | None) -> HttpResponse:
    return render(request, "components/too_many.html", {"region": region}, status=429)


def _public(response: HttpResponse) -> HttpResponse:
    # The withdrawal link is a key: keep its page out of search engines (see
    # views_public_events._public for why the Referer policy stays same-origin).
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_GET
@public_region_view
def story_public_list(request, region):
    """Permission: anyone, without an account (P5). The region's published stories, newest
    first, in their moderated version."""
    stories = Story.objects.public().filter(region=region).only(*PUBLIC_FIELDS)
    page = Paginator(stories, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "participation/public/story_list.html", {"region": region, "page": page})


@require_GET
@public_region_view
def story_public_detail(request, region, pk):
    """Permission: anyone, without an account (P5): a published story of the region; any
    other (waiting, not published, withdrawn, flagged) 404."""
    story = get_object_or_404(Story.objects.public().only(*PUBLIC_FIELDS), region=region, pk=pk)
    return render(
        request, "participation/public/story_detail.html", {"region": region, "story": story}
    )


def _trajectory(region: Region) -> Trajectory | None:
    """The story belongs to the region's trajectory when it has exactly one on its site."""
    published = list(Trajectory.objects.filter(region=region, published=True)[:2])
    return published[0] if len(published) == 1 else None


@require_http_methods(["GET", "POST"])
@public_region_view
def story_submit(request, region):
    """Permission: anyone, without an account (P5). Tell a story, with explicit consent to
    publish it after moderation. Limited to 5 stories per client per hour."""
    too_many = SUBMIT_LIMIT.exceeded(request)
    form = StorySubmitForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if too_many:
            return _too_many(request, region)
        if request.POST.get(HONEYPOT):
            # A robot filled in the field people never see: it hears "thank you", nothing is kept.
            SUBMIT_LIMIT.hit(request)
            return redirect("story_submit_thanks", region.slug)
        story = form.is_valid() and call_service(
            form,
            lambda d: services.story_submit(region=region, trajectory=_trajectory(region), **d),
        )
        if isinstance(story, Story):
            SUBMIT_LIMIT.hit(request)
            request.session[SUBMITTED] = region.pk
            return redirect("story_submit_thanks", region.slug)
    return render(
        request,
        "participation/public/story_submit.html",
        {"region": region, "form": form, "honeypot": HONEYPOT, "too_many": too_many},
    )


@require_GET
@public_region_view
def story_submit_thanks(request, region):
    """Permission: anyone, without an account (P5). What happens next with a story."""
    return render(
        request,
        "participation/public/story_thanks.html",
        {"region": region, "submitted": request.session.get(SUBMITTED) == region.pk},
    )


def _withdraw_page(request, story: Story | None, state: str, status: int = 200):
    return _public(
        render(
            request,
            "participation/public/story_withdraw.html",
            {
                "region": story.region if story is not None else None,
                "story": story,
                "state": state,
            },
            status=status,
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
def story_withdraw(request, token):
    """Permission: anyone holding the withdrawal link from the mail, without an account (P5).
    GET asks to confirm; POST withdraws: the story goes offline at once and is deleted. A link
    used before answers 409 and says the story is withdrawn already; an unknown or forged one
    404, each with a page that says so plainly. Limited to 20 unknown links per client per
    hour."""
    if WITHDRAW_GUESS_LIMIT.exceeded(request):
        return _public(_too_many(request, None))
    try:
        story = services.story_for_link(token)
    except services.UnknownLinkError:
        WITHDRAW_GUESS_LIMIT.hit(request)
        return _withdraw_page(request, None, "unknown_link", 404)
    request.region = story.region  # the page takes the region's look
    if request.method == "POST":
        try:
            services.story_withdraw(story=story)
        except ConflictError:
            return _withdraw_page(request, story, "already_withdrawn", 409)
        request.session[WITHDRAWN] = story.pk
        return _public(redirect("story_withdraw", token))
    if story.status == StoryStatus.WITHDRAWN:
        if request.session.get(WITHDRAWN) == story.pk:
            return _withdraw_page(request, story, "done")
        return _withdraw_page(request, story, "already_withdrawn", 409)
    return _withdraw_page(request, story, "confirm")

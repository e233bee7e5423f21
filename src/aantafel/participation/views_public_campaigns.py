"""Public pages of input campaigns (P3), at /doe-mee/: no account, no login. A young person or
parent answers a campaign's few questions on one phone page.

A draft campaign, or one of another region, is 404. A closed campaign (or one past its closing
moment) answers 200 with a friendly page that says it is closed and shows no form: people follow
old links from posters and chats, and "not found" would tell them they made a mistake. A POST
after closing gets the same page with the service's message, and nothing is saved.

Nothing about the visitor is stored beyond what they answer (no name when the campaign is
anonymous). The thank-you page learns from the session only that this browser answered this
campaign, never from the URL. Answers are limited per client (core/ratelimit.py).
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from aantafel.core.forms import call_service
from aantafel.core.ratelimit import RateLimit
from aantafel.regions.decorators import public_region_view
from aantafel.regions.models import Region

from . import queries_campaigns as queries
from .forms_campaigns import HONEYPOT, AnswerForm
from .models import Campaign, CampaignResponse, CampaignStatus
from .services import campaigns as services

# P3: a person answers once, perhaps for a sibling on the same phone; a robot answers hundreds.
ANSWER_LIMIT = RateLimit("campaign_answer", limit=10, window=3600)
ANSWERED = "participation_campaign_answered"  # session: the pks of campaigns answered


def _too_many(request: HttpRequest, region: Region) -> HttpResponse:
    return render(request, "components/too_many.html", {"region": region}, status=429)


def _public_campaign(region: Region, pk: int) -> Campaign:
    """An open or closed campaign of the region; a draft is 404."""
    return get_object_or_404(
        Campaign.objects.filter(status__in=[CampaignStatus.OPEN, CampaignStatus.CLOSED]),
        region=region,
        pk=pk,
    )


def _closed(request, region, campaign, message: str = "") -> HttpResponse:
    return render(
        request,
        "participation/public/campaign_closed.html",
        {"region": region, "campaign": campaign, "message": message},
    )


@require_GET
@public_region_view
def campaign_public_list(request, region):
    """Permission: anyone, without an account (P3). The region's campaigns open for answers."""
    return render(
        request,
        "participation/public/campaign_list.html",
        {"region": region, "campaigns": queries.public_campaigns(region)},
    )


@require_http_methods(["GET", "POST"])
@public_region_view
def campaign_answer(request, region, pk):
    """Permission: anyone, without an account (P3): the questions of an open campaign of the
    region on one page (a draft 404, a closed one a page that says so). Limited to 10 answers
    per client per hour."""
    campaign = _public_campaign(region, pk)
    if not services.is_open_now(campaign):
        return _closed(request, region, campaign)
    questions = queries.questions_of(campaign)
    too_many = ANSWER_LIMIT.exceeded(request)
    form = AnswerForm(
        request.POST if request.method == "POST" else None,
        campaign=campaign,
        questions=questions,
    )
    if request.method == "POST":
        if too_many:
            return _too_many(request, region)
        if request.POST.get(HONEYPOT):
            # A robot filled in the field people never see: it hears "thank you", nothing is kept.
            ANSWER_LIMIT.hit(request)
            return redirect("campaign_answer_thanks", region.slug, campaign.pk)
        response = form.is_valid() and call_service(
            form,
            lambda d: services.response_submit(
                campaign=campaign, answers=form.answers(), **form.person()
            ),
        )
        if isinstance(response, CampaignResponse):
            ANSWER_LIMIT.hit(request)
            answered = [p for p in request.session.get(ANSWERED, []) if p != campaign.pk]
            request.session[ANSWERED] = [*answered[-19:], campaign.pk]
            return redirect("campaign_answer_thanks", region.slug, campaign.pk)
        closed = [e for e in form.non_field_errors().as_data() if e.code in ("closed", "not_open")]
        if closed:
            # Closed between loading the page and sending it: nothing was saved.
            return _closed(request, region, campaign, str(closed[0].message))
    return render(
        request,
        "participation/public/campaign_answer.html",
        {
            "region": region,
            "campaign": campaign,
            "form": form,
            "honeypot": HONEYPOT,
            "too_many": too_many,
            "question_count": len(questions),
        },
    )


@require_GET
@public_region_view
def campaign_answer_thanks(request, region, pk):
    """Permission: anyone, without an account (P3). Thanks the visitor and says what happens
    with the answers; without an answer in this session, what happens in general."""
    campaign = _public_campaign(region, pk)
    answered = campaign.pk in request.session.get(ANSWERED, [])
    return render(
        request,
        "participation/public/campaign_thanks.html",
        {"region": region, "campaign": campaign, "answered": answered},
    )

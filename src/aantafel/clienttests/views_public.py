"""The public questionnaire of a client test (S5): /toets/<token>/, no account, no login.

The personal link is the permission. An unknown or wrongly signed token is 404; a link already
used answers 409 with a page that says so; a draft test 409 ("not open yet"); an expired link
or a closed test 410. Nothing about the visitor is stored; the rate limits count in the cache
under a salted hash that expires within the hour (core/ratelimit.py).
"""

import zoneinfo

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from aantafel.core.errors import DomainError
from aantafel.core.forms import add_domain_error
from aantafel.core.ratelimit import RateLimit

from . import links, services
from .forms_public import AnswerForm
from .models import ClientTestLink

# Someone trying tokens: a few typos are human, twenty wrong links an hour is not.
GUESS_LIMIT = RateLimit("client_test_token", limit=20, window=3600)
# A whole class may answer from one school network: generous, but not endless.
ANSWER_LIMIT = RateLimit("client_test_answer", limit=100, window=3600)
STATE_STATUS = {"already_answered": 409, "not_open": 409, "closed": 410, "expired": 410}


def _link(request: HttpRequest, token: str) -> ClientTestLink:
    key = links.key_from_token(token)
    link = (
        ClientTestLink.objects.select_related("test__region", "test__body").filter(key=key).first()
        if key
        else None
    )
    if link is None:
        GUESS_LIMIT.hit(request)
        raise Http404
    return link


def _too_many(request: HttpRequest, region=None) -> HttpResponse:
    return render(request, "components/too_many.html", {"region": region}, status=429)


def _state_page(request: HttpRequest, link: ClientTestLink, state: str) -> HttpResponse:
    return render(
        request,
        "clienttests/public/unavailable.html",
        {"region": link.test.region, "test": link.test, "state": state},
        status=STATE_STATUS[state],
    )


@never_cache
@require_http_methods(["GET", "POST"])
def client_test_answer(request, token):
    """Permission: anyone holding the personal link, without an account (S5). Limited to 20
    unknown links and 100 answers per client per hour."""
    if GUESS_LIMIT.exceeded(request):
        return _too_many(request)
    link = _link(request, token)
    test, region = link.test, link.test.region
    with timezone.override(zoneinfo.ZoneInfo(region.timezone)):
        state = services.link_state(link)
        if state != "ok":
            return _state_page(request, link, state)
        form = AnswerForm(request.POST or None, test=test)
        if request.method == "POST":
            if ANSWER_LIMIT.exceeded(request):
                return _too_many(request, region)
            if form.is_valid():
                try:
                    services.client_test_answer_submit(link=link, **form.cleaned_data)
                except DomainError as error:
                    if error.code in STATE_STATUS:  # answered or closed in the meantime
                        return _state_page(request, link, error.code)
                    add_domain_error(form, error)
                else:
                    ANSWER_LIMIT.hit(request)
                    return redirect("client_test_thanks", token)
        return render(
            request,
            "clienttests/public/answer.html",
            {"region": region, "test": test, "form": form, "link": link},
        )


@require_GET
def client_test_thanks(request, token):
    """Permission: anyone holding the personal link, once it has been answered (S5); before
    that, the questionnaire."""
    if GUESS_LIMIT.exceeded(request):
        return _too_many(request)
    link = _link(request, token)
    if link.used_at is None:
        return redirect("client_test_answer", token)
    return render(
        request,
        "clienttests/public/thanks.html",
        {"region": link.test.region, "test": link.test},
    )

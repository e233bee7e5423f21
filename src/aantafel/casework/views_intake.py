"""Pages of the intake (C1–C3): the region's public request form, the list of cases, taking a
request in and appointing its chair. Every rule is the services' (services/case_request.py,
services/intake.py).

The request form needs no account: the region is found by its slug (unknown → 404), and the
rate limit counts in the cache under a salted hash that expires within the hour. The thanks
page shows the reference once (a message), never anything of the request."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.forms import add_domain_error, call_service
from aantafel.core.permissions import require_perm
from aantafel.core.ratelimit import RateLimit
from aantafel.regions.decorators import public_region_view
from aantafel.regions.models import Region

from .decorators import case_view, casework_region_view
from .forms_intake import HONEYPOT, CaseFilterForm, CaseRequestForm, ChairForm, DeclineForm
from .models import Case
from .permissions import cases_visible_to
from .services import intake as services
from .services.case_request import case_request_submit
from .workflow import CaseStatus

# C1: a family or a professional asks for one cliëntoverleg, seldom more; a robot asks many.
REQUEST_LIMIT = RateLimit("case_request", limit=5, window=3600)
PAGE_SIZE = 25


def _too_many(request: HttpRequest, region: Region) -> HttpResponse:
    return render(request, "components/too_many.html", {"region": region}, status=429)


@never_cache
@require_http_methods(["GET", "POST"])
@public_region_view
def case_request(request, region):
    """Permission: anyone, without an account (C1: who may ask is the service's rule, and the
    form says it). Limited to 5 requests per client per hour."""
    if REQUEST_LIMIT.exceeded(request):
        # Said before they type, not after: nobody writes their story for nothing.
        return _too_many(request, region)
    form = CaseRequestForm(request.POST or None)
    if request.method == "POST":
        if request.POST.get(HONEYPOT):
            # A robot filled in the field people never see: it hears "thank you", nothing is kept.
            REQUEST_LIMIT.hit(request)
            return redirect("case_request_thanks", region.slug)
        if form.is_valid():
            case = call_service(
                form,
                lambda d: case_request_submit(region=region, data=form.request_data()),
            )
            if case is not None:
                REQUEST_LIMIT.hit(request)
                messages.success(
                    request,
                    _("Your request has come in. Your reference is %(reference)s.")
                    % {"reference": case.reference},
                )
                return redirect("case_request_thanks", region.slug)
    return render(
        request,
        "casework/intake/request_form.html",
        {"region": region, "form": form, "honeypot": HONEYPOT},
    )


@never_cache
@require_GET
@public_region_view
def case_request_thanks(request, region):
    """Permission: anyone, without an account (C1). Shows nothing of a request: the reference
    comes with the message of the form, once."""
    return render(request, "casework/intake/request_thanks.html", {"region": region})


@require_GET
@casework_region_view
def case_list(request, region):
    """Permission: anyone with a role in the region's cliëntoverleg service or a seat at one of
    its cases (else 404). The coordinator sees every case of the region; a chair, client or
    participant only their own (cases_visible_to). Shows the reference, status, purpose and
    dates only: no names, no text."""
    form = CaseFilterForm(request.GET or None)
    cases = cases_visible_to(request.user, region)
    status = form.status_filter()
    if status:
        cases = cases.filter(status=status)
    cases = cases.only(
        "pk",
        "region_id",
        "reference",
        "status",
        "purpose",
        "created_at",
        "decided_at",
        "chair_appointed_at",
        "closed_at",
    ).order_by("-created_at", "-pk")
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "casework/intake/case_list.html",
        {
            "reads_region_log": request.user.has_perm("casework.read_region_log", region),
            "region": region,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "takes_in": request.user.has_perm("casework.take_in", region),
        },
    )


def _conflict_or_form(request, template: str, context: dict, error: DomainError | None):
    return render(request, template, context, status=409 if error is not None else 200)


@require_http_methods(["GET", "POST"])
@case_view("intake")
def case_intake(request, region, case: Case, seat):
    """Permission: casework.intake (the region's coordinator); anyone else at the table 403,
    anyone without a seat 404. Shows the request in full; a POST accepts it (`action=accept`)
    or declines it with a reason (`action=decline`)."""
    require_perm(request.user, "casework.intake", case)
    action = request.POST.get("action") if request.method == "POST" else None
    decline_form = DeclineForm(request.POST if action == "decline" else None)
    conflict: DomainError | None = None
    if action == "accept":
        try:
            services.case_accept(actor=request.user, case=case)
        except DomainError as error:
            conflict = error
        else:
            messages.success(request, _("The request has been accepted. Now appoint a chair."))
            return redirect("case_chair_appoint", region.slug, case.reference)
    elif action == "decline" and decline_form.is_valid():
        try:
            services.case_decline(
                actor=request.user, case=case, reason=decline_form.cleaned_data["reason"]
            )
        except ConflictError as error:
            conflict = error
        except DomainError as error:
            add_domain_error(decline_form, error)
        else:
            messages.success(request, _("The request has been declined."))
            return redirect("case_intake", region.slug, case.reference)
    if conflict is not None:
        case.refresh_from_db()
    return _conflict_or_form(
        request,
        "casework/intake/intake.html",
        {
            "region": region,
            "case": case,
            "seat": seat,
            "clients": list(case.clients.all()),
            "consents": list(
                case.consents.filter(participant__isnull=True).select_related("given_by")
            ),
            "decline_form": decline_form,
            "conflict": conflict,
            "open_request": case.status == CaseStatus.REQUESTED,
            "can_appoint": case.status in (CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS),
        },
        conflict,
    )


@require_http_methods(["GET", "POST"])
@case_view("chair appointment")
def case_chair_appoint(request, region, case: Case, seat):
    """Permission: casework.intake (the region's coordinator); anyone else at the table 403,
    anyone without a seat 404. C3: a chair from the region's pool with no other role in the
    family's care."""
    require_perm(request.user, "casework.intake", case)
    form = ChairForm(request.POST or None, region=region)
    conflict: DomainError | None = None
    if request.method == "POST" and form.is_valid():
        try:
            services.case_chair_appoint(
                actor=request.user, case=case, chair=form.cleaned_data["chair"]
            )
        except ConflictError as error:
            conflict = error
            case.refresh_from_db()
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The chair has been appointed and gets an e-mail."))
            return redirect("case_intake", region.slug, case.reference)
    return _conflict_or_form(
        request,
        "casework/intake/chair_form.html",
        {
            "region": region,
            "case": case,
            "seat": seat,
            "form": form,
            "conflict": conflict,
            "can_appoint": case.status in (CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS),
        },
        conflict,
    )

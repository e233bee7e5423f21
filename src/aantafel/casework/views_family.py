"""The family's pages of a cliëntoverleg (C8): who looked at what, withdrawing consent, all their
data as JSON and PDF; the region's case log for the coordinator and the data protection officer;
and "my cliëntoverleg", the cases of a client or participant across regions.

Every case page goes through `case_view`: 404 without a seat, the confidentiality statement
first for a non-professional (C5), a line in the case log."""

import functools
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from aantafel.core.errors import ConflictError
from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm
from aantafel.regions.models import Region

from . import forms_family as forms
from .decorators import LOG, case_view, casework_region_view
from .export_pdf import case_export_pdf_bytes, case_export_pdf_filename
from .models import Case, CaseClient, CaseLog, CaseLogAction, Consent
from .permissions import case_get_for_user, seated_participants
from .services.consent import consent_withdraw
from .services.privacy import case_export_data

LOG_PAGE_SIZE = 50


def _page(request, lines):
    return Paginator(lines, LOG_PAGE_SIZE).get_page(request.GET.get("page"))


@case_view("case log", need=LOG)
def case_log(request, region, case, seat):
    """Permission: casework.read_log (the family — the young person and the parents —, the
    coordinators of the service and the region's data protection officer); anyone else at the
    table 404, like everyone without a seat. Who looked at or changed what, and when, newest
    first; the address it came from only for the coordinator and the data protection officer."""
    require_perm(request.user, "casework.read_log", case)
    lines = CaseLog.objects.filter(case=case).only(
        "at", "user_repr", "user_id", "action", "what", "ip_address"
    )
    return render(
        request,
        "casework/family/case_log.html",
        {
            "case": case,
            "seat": seat,
            "page": _page(request, lines),
            "show_address": seat.coordinator or seat.privacy_officer,
        },
    )


@case_view("consent withdrawal")
def case_consent_withdraw(request, region, case, seat, pk):
    """Permission: casework.withdraw_consent (the clients, the chair, the coordinator); others
    at the table 403. A consent of another case, or for the request itself, 404. Withdrawing
    takes effect at once (C8); withdrawing again is refused (409)."""
    require_perm(request.user, "casework.withdraw_consent", case)
    consent = get_object_or_404(
        Consent.objects.select_related("participant", "given_by"),
        case=case,
        pk=pk,
        participant__isnull=False,
    )
    form = forms.ConsentWithdrawForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        done = call_service(form, lambda d: consent_withdraw(actor=request.user, consent=consent))
        if done is not None:
            # No name in the message: messages may travel in a cookie.
            messages.success(
                request, _("Consent withdrawn. This person can no longer see the case.")
            )
            return redirect("case_detail", region.slug, case.reference)
        status = ConflictError.status_code  # withdrawn already (by someone else, or twice)
    return render(
        request,
        "casework/family/consent_withdraw.html",
        {"case": case, "seat": seat, "consent": consent, "form": form},
        status=status,
    )


def _export_permitted(view):
    """Refuses (403) someone who sees the case but may not export it before `case_view` writes
    its line: the family reads the log, and a refused try is no download. Whoever does not see
    the case is left to `case_view` (404, or the confidentiality statement)."""

    @functools.wraps(view)
    def wrapper(request, region_slug: str, reference: str, *args, **kwargs):
        if request.user.is_authenticated:
            region = get_object_or_404(Region, slug=region_slug)
            case, seat = case_get_for_user(request.user, region, reference)
            if seat.sees_case and not request.user.has_perm("casework.export", case):
                raise PermissionDenied
        return view(request, region_slug, reference, *args, **kwargs)

    return wrapper


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


@_export_permitted
@case_view("data export (JSON)", action=CaseLogAction.EXPORT)
def case_export_json(request, region, case, seat):
    """Permission: casework.export (the clients and the coordinator); others at the table 403.
    All data of the family in the case as a JSON file (GDPR right of access)."""
    require_perm(request.user, "casework.export", case)
    data = case_export_data(case)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    day = timezone.localdate()
    response["Content-Disposition"] = (
        f'attachment; filename="clientoverleg-{case.reference.lower()}-{day:%Y-%m-%d}.json"'
    )
    return _no_store(response)


@_export_permitted
@case_view("data export (PDF)", action=CaseLogAction.EXPORT)
def case_export_pdf(request, region, case, seat):
    """Permission: casework.export (the clients and the coordinator); others at the table 403.
    All data of the family in the case as a PDF in plain language."""
    require_perm(request.user, "casework.export", case)
    pdf = case_export_pdf_bytes(case)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{case_export_pdf_filename(case)}"'
    return _no_store(response)


@casework_region_view
def casework_region_log(request, region):
    """Permission: casework.read_region_log (the region's coordinators and its data protection
    officer); others in the service 403, everyone else 404. The log lines of every case of the
    region by reference, newest first, filterable by reference and person."""
    require_perm(request.user, "casework.read_region_log", region)
    form = forms.RegionLogFilterForm(request.GET or None)
    lines = form.filter(
        CaseLog.objects.filter(region=region)
        .annotate(reference=F("case__reference"))
        .only("at", "user_repr", "user_id", "action", "what", "ip_address", "case_id")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "casework/family/region_log.html",
        {"form": form, "page": _page(request, lines), "query": query.urlencode()},
    )


def my_cases_queryset(user) -> QuerySet[Case]:
    """The cases where the user is a client, sits at the table (with standing consent) or
    chairs, in every region; not the anonymised ones. Only what a list shows is read: the
    encrypted case text is neither read nor decrypted."""
    is_client = Exists(CaseClient.objects.filter(case=OuterRef("pk"), user=user))
    is_participant = Exists(seated_participants().filter(case=OuterRef("pk"), user=user))
    return (
        Case.objects.filter(Q(chair=user) | Q(is_client) | Q(is_participant))
        .filter(anonymised_at__isnull=True)
        .annotate(as_client=is_client, as_participant=is_participant)
        .select_related("region")
        .only(
            "reference",
            "status",
            "purpose",
            "created_at",
            "chair_id",
            "region__slug",
            "region__name",
        )
        .order_by("-created_at")
    )


@login_required
def my_cases(request):
    """Permission: any logged-in user, for their own cases: those where they are a client, sit
    at the table (with standing consent) or chair, in every region. Others see an empty list."""
    return render(
        request,
        "casework/family/my_cases.html",
        {"cases": list(my_cases_queryset(request.user))},
    )

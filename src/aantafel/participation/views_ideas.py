"""Staff pages of ideas (P4), under /regio/<region_slug>/ideeen/: the list with its filters and
export, and the idea's page where staff publish it after a check, decline it with a reason or
write the region's response. Every view names its permission; an idea of another region is 404.

All of it needs participation.manage (the region's administrator and policy staff): the list
holds ideas nobody has checked yet and the authors' e-mail addresses. The public sees the
checked ideas on the public site.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from aantafel.core.errors import DomainError
from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm
from aantafel.regions.decorators import region_view
from aantafel.reports import exports
from aantafel.reports.dashboards import Column, Kind, Table

from .forms_ideas import IdeaDeclineForm, IdeaFilterForm, IdeaResponseForm
from .models import Idea, IdeaStatus
from .services import ideas as services

MANAGE = "participation.manage"
PAGE_SIZE = 25
EXPORT_COLUMNS = [
    Column("title", gettext_lazy("Title"), Kind.TEXT),
    Column("text", gettext_lazy("Idea"), Kind.TEXT),
    Column("status", gettext_lazy("Status"), Kind.TEXT),
    Column("support", gettext_lazy("Support"), Kind.COUNT),
    Column("audience", gettext_lazy("Submitted by"), Kind.TEXT),
    Column("name", gettext_lazy("Name shown"), Kind.TEXT),
    Column("trajectory", gettext_lazy("Trajectory"), Kind.TEXT),
    Column("pillar", gettext_lazy("Pillar"), Kind.TEXT),
    Column("submitted", gettext_lazy("Submitted on"), Kind.TEXT),
    Column("responded", gettext_lazy("Answered on"), Kind.TEXT),
    Column("response", gettext_lazy("Response of the region"), Kind.TEXT),
]


def _idea(region, pk: int) -> Idea:
    return get_object_or_404(
        Idea.objects.with_support().select_related(
            "trajectory", "pillar", "moderated_by", "responded_by"
        ),
        region=region,
        pk=pk,
    )


def _filtered(request, region):
    form = IdeaFilterForm(request.GET or None, region=region)
    return form, services.idea_list(region, form.filters())


@require_GET
@login_required
@region_view
def idea_list(request, region):
    """Permission: participation.manage. The region's ideas, filtered by status, trajectory,
    pillar, with or without a response, and a search in title and text; the newest or the most
    supported first; a fixed number of queries whatever its length."""
    require_perm(request.user, MANAGE, region)
    form, ideas = _filtered(request, region)
    page = Paginator(ideas, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "participation/ideas/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "waiting": Idea.objects.filter(region=region, status=IdeaStatus.SUBMITTED).count(),
        },
    )


def _detail(request, region, idea: Idea, *, decline=None, respond=None, status: int = 200):
    return render(
        request,
        "participation/ideas/detail.html",
        {
            "idea": idea,
            "statuses": IdeaStatus,
            "decline_form": decline or IdeaDeclineForm(),
            "response_form": respond or IdeaResponseForm(initial={"response": idea.response}),
            "is_public": idea.status in services.RESPONDABLE and not idea.safety_flagged,
        },
        status=status,
    )


@require_GET
@login_required
@region_view
def idea_detail(request, region, pk):
    """Permission: participation.manage. The idea with its author's details (never on the
    public site), its support, and the forms to publish, decline, respond and flag a safety
    concern."""
    require_perm(request.user, MANAGE, region)
    return _detail(request, region, _idea(region, pk))


@require_POST
@login_required
@region_view
def idea_publish(request, region, pk):
    """Permission: participation.manage. After a check the idea goes on the public site."""
    require_perm(request.user, MANAGE, region)
    idea = _idea(region, pk)
    try:
        services.idea_publish(actor=request.user, idea=idea)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The idea is on the public site. Others can support it now."))
    return redirect("idea_detail", region.slug, idea.pk)


@require_POST
@login_required
@region_view
def idea_decline(request, region, pk):
    """Permission: participation.manage. The idea is not published, with a reason the author
    gets by e-mail; a missing reason comes back beside its field."""
    require_perm(request.user, MANAGE, region)
    idea = _idea(region, pk)
    form = IdeaDeclineForm(request.POST)
    if form.is_valid():
        call = lambda d: services.idea_decline(  # noqa: E731
            actor=request.user, idea=idea, reason=d["reason"]
        )
        if call_service(form, call) is not None:
            messages.success(request, _("The idea is not published."))
            return redirect("idea_detail", region.slug, idea.pk)
    return _detail(request, region, idea, decline=form)


@require_POST
@login_required
@region_view
def idea_respond(request, region, pk):
    """Permission: participation.manage. The region's response, new or rewritten; the author
    gets the first one by e-mail."""
    require_perm(request.user, MANAGE, region)
    idea = _idea(region, pk)
    form = IdeaResponseForm(request.POST)
    if form.is_valid():
        call = lambda d: services.idea_respond(  # noqa: E731
            actor=request.user, idea=idea, response=d["response"]
        )
        if call_service(form, call) is not None:
            messages.success(request, _("The response has been saved and is on the public site."))
            return redirect("idea_detail", region.slug, idea.pk)
    return _detail(request, region, idea, respond=form)


def _date(moment) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d}" if moment else ""


def export_table(ideas) -> Table:
    """The ideas of the list's filters with their support, for a spreadsheet: no e-mail
    addresses."""
    rows = [
        [
            idea.title,
            idea.text,
            idea.get_status_display(),
            idea.support_count,
            idea.get_author_audience_display(),
            idea.author_name,
            idea.trajectory.title if idea.trajectory else "",
            str(idea.pillar) if idea.pillar else "",
            _date(idea.created_at),
            _date(idea.responded_at),
            idea.response,
        ]
        for idea in ideas
    ]
    return Table(key="ideas", caption=_("Ideas"), columns=EXPORT_COLUMNS, rows=rows)


@require_GET
@login_required
@region_view
def idea_export(request, region, fmt):
    """Permission: participation.manage. The list (its filters) with support counts, as CSV
    or XLSX."""
    require_perm(request.user, MANAGE, region)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _form, ideas = _filtered(request, region)
    table = export_table(ideas)
    name = f"ideas-{region.slug}-{timezone.localdate():%Y%m%d}.{fmt}"
    response = (
        exports.csv_response(table, name) if fmt == "csv" else exports.xlsx_response(table, name)
    )
    response["Cache-Control"] = "private, no-store"
    return response

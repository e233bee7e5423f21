"""Staff pages of input campaigns (P3), under /regio/<region_slug>/vragenlijsten/: the list, a
campaign's page with its questions editor, the results with charts and tables, the export, the
responses, staff entry of answers from paper, a focus group or an event, themes and coding.

Every view names its permission: the list, a campaign's page and its counted results are for
any member of the region (participation.view); everything that shows or changes what someone
answered is participation.manage. A campaign (or a part of one) of another region is 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from aantafel.core.errors import DomainError
from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm
from aantafel.regions.decorators import region_view
from aantafel.reports import charts, exports

from . import forms_campaigns as forms
from . import queries_campaigns as queries
from .models import (
    AudienceType,
    Campaign,
    CampaignResponse,
    CampaignStatus,
    Question,
    QuestionKind,
    Theme,
)
from .services import campaigns as services
from .services import coding

VIEW, MANAGE = "participation.view", "participation.manage"
CODING_PAGE_SIZE = 20


def _posted(request):
    """The form's data: bound on a POST, even an empty one."""
    return request.POST if request.method == "POST" else None


def _query(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _done(request, region, campaign: Campaign, message: str, to: str = "campaign_detail"):
    messages.success(request, message)
    return redirect(to, region.slug, campaign.pk)


def _campaign_kwargs(data: dict) -> dict:
    return {
        name: data[name]
        for name in (
            "trajectory",
            "pillar",
            "title",
            "introduction",
            "audiences",
            "anonymous",
            "closes_at",
        )
    }


def _question(campaign: Campaign, pk: int) -> Question:
    return get_object_or_404(Question, campaign=campaign, pk=pk)


@require_GET
@login_required
@region_view
def campaign_list(request, region):
    """Permission: participation.view (any member of the region)."""
    require_perm(request.user, VIEW, region)
    form = forms.CampaignFilterForm(request.GET or None, region=region)
    campaigns = queries.campaign_list(region, **form.filters())
    page = Paginator(campaigns, queries.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "participation/campaigns/list.html",
        {
            "form": form,
            "page": page,
            "query": _query(request),
            "can_manage": request.user.has_perm(MANAGE, region),
        },
    )


@login_required
@region_view
def campaign_create(request, region):
    """Permission: participation.manage (region administrator, policy staff)."""
    require_perm(request.user, MANAGE, region)
    initial: dict[str, object] = {"anonymous": True}
    if request.GET.get("trajectory", "").isdigit():
        initial["trajectory"] = int(request.GET["trajectory"])
    form = forms.CampaignForm(_posted(request), region=region, initial=initial)
    if request.method == "POST" and form.is_valid():
        campaign = call_service(
            form,
            lambda d: services.campaign_create(
                actor=request.user, region=region, **_campaign_kwargs(d)
            ),
        )
        if isinstance(campaign, Campaign):
            return _done(
                request, region, campaign, _("The campaign has been saved. Add its questions.")
            )
    return render(request, "participation/campaigns/form.html", {"form": form, "new": True})


@require_GET
@login_required
@region_view
def campaign_detail(request, region, pk):
    """Permission: participation.view (any member of the region); the questions editor and the
    actions it shows need participation.manage."""
    require_perm(request.user, VIEW, region)
    campaign = queries.campaign_get(region, pk)
    questions = queries.questions_of(campaign)
    responses = CampaignResponse.objects.filter(campaign=campaign).count()
    labels = dict(AudienceType.choices)
    return render(
        request,
        "participation/campaigns/detail.html",
        {
            "campaign": campaign,
            "questions": questions,
            "responses": responses,
            "audiences": [labels[a] for a in campaign.audiences if a in labels],
            "can_manage": request.user.has_perm(MANAGE, region),
            "can_change_questions": campaign.status != CampaignStatus.CLOSED and not responses,
            "can_add_question": len(questions) < services.MAX_QUESTIONS,
            "max_questions": services.MAX_QUESTIONS,
            "statuses": CampaignStatus,
        },
    )


@login_required
@region_view
def campaign_edit(request, region, pk):
    """Permission: participation.manage; not for a closed campaign."""
    require_perm(request.user, MANAGE, region)
    campaign = queries.campaign_get(region, pk)
    if campaign.status == CampaignStatus.CLOSED:
        messages.error(request, _("This campaign is closed: it can no longer be changed."))
        return redirect("campaign_detail", region.slug, campaign.pk)
    form = forms.CampaignForm(
        _posted(request), region=region, initial=forms.CampaignForm.initial_of(campaign)
    )
    if request.method == "POST" and form.is_valid():
        if call_service(
            form,
            lambda d: services.campaign_update(
                actor=request.user, campaign=campaign, **_campaign_kwargs(d)
            ),
        ):
            return _done(request, region, campaign, _("The campaign has been saved."))
    return render(
        request, "participation/campaigns/form.html", {"form": form, "campaign": campaign}
    )


def _action(request, region, pk, call, message: str):
    require_perm(request.user, MANAGE, region)
    campaign = queries.campaign_get(region, pk)
    try:
        call(campaign)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("campaign_detail", region.slug, campaign.pk)
    return _done(request, region, campaign, message)


@require_POST
@login_required
@region_view
def campaign_open(request, region, pk):
    """Permission: participation.manage. A draft with at least one question opens for answers
    on the public site."""
    return _action(
        request,
        region,
        pk,
        lambda c: services.campaign_open(actor=request.user, campaign=c),
        _("The campaign is open: people can answer on the public site."),
    )


@require_POST
@login_required
@region_view
def campaign_close(request, region, pk):
    """Permission: participation.manage. No more answers online; staff can still enter answers
    gathered before."""
    return _action(
        request,
        region,
        pk,
        lambda c: services.campaign_close(actor=request.user, campaign=c),
        _("The campaign is closed."),
    )


# --- Questions -------------------------------------------------------------------------------------
def _question_kwargs(data: dict) -> dict:
    return {name: data[name] for name in ("kind", "text", "help_text", "choices", "required")}


def _question_page(request, region, campaign, form, question=None):
    return render(
        request,
        "participation/campaigns/question_form.html",
        {"form": form, "campaign": campaign, "question": question},
    )


@login_required
@region_view
def question_add(request, region, pk):
    """Permission: participation.manage. Not once answers exist, nor for a closed campaign (the
    service says why)."""
    require_perm(request.user, MANAGE, region)
    campaign = queries.campaign_get(region, pk)
    form = forms.QuestionForm(_posted(request), initial={"kind": QuestionKind.CHOICE})
    if request.method == "POST" and form.is_valid():
        result = call_service(
            form,
            lambda d: services.question_add(
                actor=request.user, campaign=campaign, **_question_kwargs(d)
            ),
        )
        if result is not None:
            return _done(request, region, campaign, _("The question has been added."))
    return _question_page(request, region, campaign, form)


@login_required
@region_view
def question_edit(request, region, pk, question_pk):
    """Permission: participation.manage. Not once answers exist."""
    require_perm(request.user, MANAGE, region)
    campaign = queries.campaign_get(region, pk)
    question = _question(campaign, question_pk)
    form = forms.QuestionForm(_posted(request), initial=forms.QuestionForm.initial_of(question))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            form,
            lambda d: services.question_update(
                actor=request.user, question=question, **_question_kwargs(d)
            ),
        )
        if result is not None:
            return _done(request, region, campaign, _("The question has been saved."))
    return _question_page(request, region, campaign, form, question)


@require_POST
@login_required
@region_view
def question_move(request, region, pk, question_pk):
    """Permission: participation.manage. One place up or down (`direction`)."""
    require_perm(request.user, MANAGE, region)
    campaign = queries.campaign_get(region, pk)
    question = _question(campaign, question_pk)
    try:
        services.question_move(
            actor=request.user, question=question, direction=request.POST.get("direction", "")
        )
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("campaign_detail", region.slug, campaign.pk)


@require_POST
@login_required
@region_view
def question_remove(request, region, pk, question_pk):
    """Permission: participation.manage. Not once answers exist."""
    require_perm(request.user, MANAGE, region)
    campaign = queries.campaign_get(region, pk)
    question = _question(campaign, question_pk)
    try:
        services.question_remove(actor=request.user, question=question)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("campaign_detail", region.slug, campaign.pk)
    return _done(request, region, campaign, _("The question has been removed."))


# --- Results and export ----------------------------------------------------------------------------
def _section(table, key: str) -> dict:
    caption_id = f"chart-{key}-caption"
    return {
        "table": table,
        "caption_id": caption_id,
        "svg": charts.render_chart(table, chart_id=f"chart-{key}", labelled_by=caption_id),
    }


@require_GET
@login_required
@region_view
def campaign_results(request, region, pk):
    """Permission: participation.view (any member of the region): counts and themes, no answer
    texts. A fixed number of queries, whatever the number of answers."""
    require_perm(request.user, VIEW, region)
    campaign = queries.campaign_get(region, pk)
    form = forms.ResponseFilterForm(request.GET or None)
    results = queries.campaign_results(campaign, **form.filters())
    sections = [
        {"result": r, **(_section(r.table, r.table.key) if r.table else {})}
        for r in results.questions
    ]
    return render(
        request,
        "participation/campaigns/results.html",
        {
            "campaign": campaign,
            "form": form,
            "results": results,
            "sections": sections,
            "channels": _section(results.channels, "channels"),
            "audiences": _section(results.audiences, "audiences"),
            "can_manage": request.user.has_perm(MANAGE, region),
        },
    )


@require_GET
@login_required
@region_view
def campaign_export(request, region, pk, fmt):
    """Permission: participation.manage: every answer, one row per response (CSV or XLSX)."""
    require_perm(request.user, MANAGE, region)
    campaign = queries.campaign_get(region, pk)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    table = queries.export_table(campaign)
    name = f"{slugify(campaign.title)[:60] or 'campaign'}-{campaign.pk}.{fmt}"
    response = (
        exports.csv_response(table, name) if fmt == "csv" else exports.xlsx_response(table, name)
    )
    response["Cache-Control"] = "private, no-store"
    return response


# --- Responses -------------------------------------------------------------------------------------
@require_GET
@login_required
@region_view
def campaign_responses(request, region, pk):
    """Permission: participation.manage. The responses, filterable by channel and group."""
    require_perm(request.user, MANAGE, region)
    campaign = queries.campaign_get(region, pk)
    form = forms.ResponseFilterForm(request.GET or None)
    responses = queries.response_list(campaign, **form.filters())
    page = Paginator(responses, queries.PAGE_SIZE).get_page(request.GET.get("page"))
    for response in page.object_list:
        response.after_closing = services.entered_after_closing(response, campaign)
    return render(
        request,
        "participation/campaigns/responses.html",
        {"campaign": campaign, "form": form, "page": page, "query": _query(request)},
    )


@require_GET
@login_required
@region_view
def campaign_response_detail(request, region, campaign_pk, response_pk):
    """Permission: participation.manage. One response: its answers, their themes, and the form
    to flag it as a safety concern."""
    require_perm(request.user, MANAGE, region)
    campaign = queries.campaign_get(region, campaign_pk)
    response = queries.response_get(campaign, response_pk)
    return render(
        request,
        "participation/campaigns/response_detail.html",
        {
            "campaign": campaign,
            "response": response,
            "answers": queries.response_answers(response),
            "after_closing": services.entered_after_closing(response, campaign),
        },
    )


@login_required
@region_view
def campaign_response_enter(request, region, pk):
    """Permission: participation.manage. Enter the answers of one sheet of paper, one person in
    a focus group or at an event; also after closing (services.campaigns.response_enter)."""
    require_perm(request.user, MANAGE, region)
    campaign = queries.campaign_get(region, pk)
    questions = queries.questions_of(campaign)
    form = forms.EnterResponseForm(_posted(request), campaign=campaign, questions=questions)
    if request.method == "POST" and form.is_valid():
        response = call_service(
            form,
            lambda d: services.response_enter(
                actor=request.user,
                campaign=campaign,
                channel=d["channel"],
                event=d["event"],
                source_note=d["source_note"],
                answers=form.answers(),
                **form.person(),
            ),
        )
        if isinstance(response, CampaignResponse):
            messages.success(request, _("The answers have been saved. Enter the next sheet."))
            return redirect("campaign_response_enter", region.slug, campaign.pk)
    return render(
        request,
        "participation/campaigns/enter.html",
        {"campaign": campaign, "form": form, "is_draft": campaign.status == CampaignStatus.DRAFT},
    )


# --- Themes and coding -----------------------------------------------------------------------------
@login_required
@region_view
def campaign_themes(request, region, pk):
    """Permission: participation.manage. The campaign's themes with their counts; a POST adds
    one."""
    require_perm(request.user, MANAGE, region)
    campaign = queries.campaign_get(region, pk)
    form = forms.ThemeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        theme = call_service(
            form, lambda d: coding.theme_create(actor=request.user, campaign=campaign, **d)
        )
        if isinstance(theme, Theme):
            return _done(
                request, region, campaign, _("The theme has been added."), to="campaign_themes"
            )
    open_questions = [q for q in queries.questions_of(campaign) if q.kind == QuestionKind.OPEN]
    return render(
        request,
        "participation/campaigns/themes.html",
        {
            "campaign": campaign,
            "form": form,
            "themes": queries.themes_of(campaign),
            "open_questions": open_questions,
        },
    )


@login_required
@region_view
def campaign_theme_edit(request, region, pk, theme_pk):
    """Permission: participation.manage."""
    require_perm(request.user, MANAGE, region)
    campaign = queries.campaign_get(region, pk)
    theme = get_object_or_404(Theme, campaign=campaign, pk=theme_pk)
    form = forms.ThemeForm(
        _posted(request), initial={"name": theme.name, "description": theme.description}
    )
    if request.method == "POST" and form.is_valid():
        if call_service(form, lambda d: coding.theme_update(actor=request.user, theme=theme, **d)):
            return _done(
                request, region, campaign, _("The theme has been saved."), to="campaign_themes"
            )
    return render(
        request,
        "participation/campaigns/theme_form.html",
        {"campaign": campaign, "form": form, "theme": theme},
    )


@login_required
@region_view
def campaign_coding(request, region, pk, question_pk):
    """Permission: participation.manage. The open answers of one question, a page at a time,
    each with the campaign's themes to tick; saving stores the page's ticks at once."""
    require_perm(request.user, MANAGE, region)
    campaign = queries.campaign_get(region, pk)
    question = _question(campaign, question_pk)
    if question.kind != QuestionKind.OPEN:
        raise Http404
    themes = list(Theme.objects.filter(campaign=campaign).order_by("name", "pk"))
    by_pk = {str(t.pk): t for t in themes}
    if request.method == "POST":
        answer_ids = [int(v) for v in request.POST.getlist("answer") if v.isdigit()]
        codes = {
            answer_id: [by_pk[v] for v in request.POST.getlist(f"themes_{answer_id}") if v in by_pk]
            for answer_id in answer_ids
        }
        try:
            coding.coding_save(actor=request.user, question=question, codes=codes)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The themes have been saved."))
        back = request.POST.get("back", "")
        url = request.path + (f"?{back}" if back else "")
        return redirect(url)
    filter_form = forms.CodingFilterForm(request.GET or None, themes=themes)
    answers = queries.open_answers(question, theme=filter_form.chosen_theme())
    page = Paginator(answers, CODING_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [{"answer": a, "chosen": {t.pk for t in a.themes.all()}} for a in page.object_list]
    return render(
        request,
        "participation/campaigns/coding.html",
        {
            "campaign": campaign,
            "question": question,
            "themes": themes,
            "form": filter_form,
            "page": page,
            "rows": rows,
            "query": _query(request),
            "back": request.GET.urlencode(),
        },
    )

"""Pages of the work plan (C6), its follow-up (C7) and the closing of a case (C7, C9), under
/regio/<region>/clientoverleg/<reference>/. Everyone who sees the case sees the agreed plan;
whoever may not do a step gets 403, whoever has no seat at the case 404 (`case_view`).

Who edits the plan: the chair and the coordinator (casework.edit_plan) and the help coordinator
(casework.follow_up), since C7 has the help coordinator adjust the plan — a new version with its
reason. "May edit" below means either permission (services.plan.may_edit_plan).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aantafel.core.errors import DomainError
from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm
from aantafel.meetings.pdf import pdf_response

from . import forms_plan as forms
from .decorators import case_view
from .models import (
    Agreement,
    Case,
    CaseLogAction,
    PlanAction,
    PlanConfirmation,
    PlanGoal,
    WorkPlan,
)
from .permissions import seated_participants
from .plan_pdf import plan_pdf_bytes, plan_pdf_filename
from .services import follow_up
from .services import plan as services
from .workflow import CaseStatus, PlanStatus


def _case_url(region, case: Case) -> str:
    """The case page; the plan page where the case page is not mounted (yet)."""
    try:
        return reverse("case_detail", args=[region.slug, case.reference])
    except NoReverseMatch:
        return reverse("case_plan", args=[region.slug, case.reference])


def _posted(request):
    return request.POST if request.method == "POST" else None


def _require_edit(request, case: Case) -> None:
    """403 for whoever sees the case but may not edit its plan."""
    if not services.may_edit_plan(request.user, case):
        raise PermissionDenied


def _to_plan(request, region, case: Case, message: str):
    messages.success(request, message)
    return redirect("case_plan", region.slug, case.reference)


def _not_now(request, region, case: Case, message: str = ""):
    messages.error(request, message or _("This step is not possible now."))
    return redirect("case_plan", region.slug, case.reference)


def _draft_or_none(case: Case) -> WorkPlan | None:
    return services.draft_plan(case) if case.status == CaseStatus.IN_PROGRESS else None


def _form_page(request, region, case, form, *, step: str, title: str, **context):
    return render(
        request,
        "casework/plan/form.html",
        {
            "form": form,
            "case": case,
            "step": step,
            "title": title,
            "case_url": _case_url(region, case),
            **context,
        },
    )


@case_view("work plan")
def case_plan(request, region, case, seat):
    """Permission: casework.view_case (everyone who sees the case) for the agreed plan; the
    draft with its forms for whoever may edit the plan (casework.edit_plan: chair, coordinator;
    casework.follow_up: the help coordinator), and to answer for the client whose say counts
    (casework.give_say)."""
    user = request.user
    at_table = case.status == CaseStatus.IN_PROGRESS
    may_edit = at_table and services.may_edit_plan(user, case)
    # C6: the client whose say counts sees the draft too, and answers each action.
    gives_say = at_table and not may_edit and user.has_perm("casework.give_say", case)
    agreed = services.current_plan(case)
    draft = services.draft_plan(case) if may_edit or gives_say else None
    confirmations: list[PlanConfirmation] = []
    if agreed is not None:
        confirmations = list(
            PlanConfirmation.objects.filter(plan=agreed)
            .select_related("user")
            .order_by("confirmed_at", "pk")
        )
    confirmed = any(c.user_id == user.pk for c in confirmations)
    return render(
        request,
        "casework/plan/plan.html",
        {
            "case": case,
            "seat": seat,
            "agreed": services.plan_layout(agreed) if agreed else None,
            "draft": services.plan_layout(draft) if draft else None,
            "confirmations": confirmations,
            "case_url": _case_url(region, case),
            "can": {
                "edit": may_edit,
                "say": gives_say,
                "start": may_edit and draft is None,
                "done": at_table and user.has_perm("casework.follow_up", case),
                "confirm": at_table
                and agreed is not None
                and not confirmed
                and user.has_perm("casework.confirm_plan", case),
                "follow_up": at_table and user.has_perm("casework.follow_up", case),
                "close": at_table and user.has_perm("casework.close", case),
            },
            "confirmed": confirmed,
        },
    )


@case_view("work plan versions")
def case_plan_versions(request, region, case, seat):
    """Permission: casework.view_case; the draft only for whoever may edit the plan."""
    versions = WorkPlan.objects.filter(case=case).select_related("created_by", "agreed_by")
    if not services.may_edit_plan(request.user, case):
        versions = versions.exclude(status=PlanStatus.DRAFT)
    return render(
        request,
        "casework/plan/versions.html",
        {
            "case": case,
            "versions": versions.order_by("-version"),
            "case_url": _case_url(region, case),
        },
    )


@case_view("work plan new version")
def case_plan_draft(request, region, case, seat):
    """Permission: casework.edit_plan or casework.follow_up (C7: the help coordinator adjusts
    the plan); while the case is at the table."""
    _require_edit(request, case)
    if case.status != CaseStatus.IN_PROGRESS:
        return _not_now(request, region, case)
    if services.draft_plan(case) is not None:
        return _not_now(request, region, case, _("There is already a draft of the work plan."))
    first = not WorkPlan.objects.filter(case=case).exists()
    form = forms.DraftForm(_posted(request), first=first)
    if (
        request.method == "POST"
        and form.is_valid()
        and call_service(
            form,
            lambda d: services.plan_draft(
                actor=request.user, case=case, reason=d.get("reason", "")
            ),
        )
    ):
        return _to_plan(request, region, case, _("The draft of the work plan has been started."))
    title = _("Start the work plan") if first else _("Start a new version of the work plan")
    return _form_page(request, region, case, form, step="draft", title=title, first=first)


def _draft_for_step(request, region, case: Case):
    """The draft for a step that edits it, or a redirect that says there is none."""
    _require_edit(request, case)
    draft = _draft_or_none(case)
    if draft is None:
        return None, _not_now(request, region, case, _("Start a draft of the work plan first."))
    return draft, None


def _participants(case: Case):
    return seated_participants().filter(case=case).order_by("created_at", "pk")


@case_view("work plan goal")
def case_plan_goal_add(request, region, case, seat):
    """Permission: casework.edit_plan or casework.follow_up; on the draft."""
    draft, refusal = _draft_for_step(request, region, case)
    if refusal:
        return refusal
    form = forms.GoalForm(_posted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and call_service(
            form, lambda d: services.goal_add(actor=request.user, plan=draft, text=d["text"])
        )
    ):
        return _to_plan(request, region, case, _("The goal has been added."))
    return _form_page(request, region, case, form, step="goal", title=_("Add a goal"))


def _goal(case: Case, pk: int) -> PlanGoal:
    return get_object_or_404(PlanGoal.objects.select_related("plan"), pk=pk, plan__case=case)


@case_view("work plan goal")
def case_plan_goal_edit(request, region, case, seat, pk):
    """Permission: casework.edit_plan or casework.follow_up; a goal of the draft."""
    _require_edit(request, case)
    goal = _goal(case, pk)
    if goal.plan.status != PlanStatus.DRAFT or case.status != CaseStatus.IN_PROGRESS:
        return _not_now(request, region, case)
    form = forms.GoalForm(_posted(request), initial={"text": goal.text})
    if (
        request.method == "POST"
        and form.is_valid()
        and call_service(
            form, lambda d: services.goal_update(actor=request.user, goal=goal, text=d["text"])
        )
    ):
        return _to_plan(request, region, case, _("The goal has been saved."))
    return _form_page(
        request, region, case, form, step="goal_edit", title=_("Change a goal"), goal=goal
    )


@require_POST
@case_view("work plan goal")
def case_plan_goal_remove(request, region, case, seat, pk):
    """Permission: casework.edit_plan or casework.follow_up; a goal of the draft (POST)."""
    _require_edit(request, case)
    goal = _goal(case, pk)
    try:
        services.goal_remove(actor=request.user, goal=goal)
    except DomainError as error:
        return _not_now(request, region, case, str(error.message))
    return _to_plan(request, region, case, _("The goal has been removed."))


def _action_form(request, case: Case, plan: WorkPlan, **kwargs):
    return forms.ActionForm(
        _posted(request),
        goals=PlanGoal.objects.filter(plan=plan),
        participants=_participants(case),
        **kwargs,
    )


@case_view("work plan action")
def case_plan_action_add(request, region, case, seat):
    """Permission: casework.edit_plan or casework.follow_up; on the draft."""
    draft, refusal = _draft_for_step(request, region, case)
    if refusal:
        return refusal
    form = _action_form(request, case, draft)
    if (
        request.method == "POST"
        and form.is_valid()
        and call_service(form, lambda d: services.action_add(actor=request.user, plan=draft, **d))
    ):
        return _to_plan(request, region, case, _("The action has been added."))
    return _form_page(request, region, case, form, step="action", title=_("Add an action"))


def _action(case: Case, pk: int) -> PlanAction:
    return get_object_or_404(
        PlanAction.objects.select_related("plan", "participant"), pk=pk, plan__case=case
    )


def _editable_action(request, region, case: Case, pk: int, *, perm: str = ""):
    """An action of the draft; 403 without `perm` (default: may edit the plan)."""
    if perm:
        require_perm(request.user, perm, case)
    else:
        _require_edit(request, case)
    action = _action(case, pk)
    if action.plan.status != PlanStatus.DRAFT or case.status != CaseStatus.IN_PROGRESS:
        return action, _not_now(
            request,
            region,
            case,
            _("This version of the work plan has been agreed. Start a new version to change it."),
        )
    return action, None


@case_view("work plan action")
def case_plan_action_edit(request, region, case, seat, pk):
    """Permission: casework.edit_plan or casework.follow_up; an action of the draft. A change
    of what, who or by when asks the client's agreement again."""
    action, refusal = _editable_action(request, region, case, pk)
    if refusal:
        return refusal
    form = _action_form(
        request,
        case,
        action.plan,
        initial={
            "goal": action.goal_id,
            "text": action.text,
            "owner_kind": action.owner_kind,
            "participant": action.participant_id,
            "due_date": action.due_date,
        },
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and call_service(
            form, lambda d: services.action_update(actor=request.user, action=action, **d)
        )
    ):
        return _to_plan(request, region, case, _("The action has been saved."))
    return _form_page(
        request, region, case, form, step="action_edit", title=_("Change an action"), action=action
    )


@require_POST
@case_view("work plan action")
def case_plan_action_remove(request, region, case, seat, pk):
    """Permission: casework.edit_plan or casework.follow_up; an action of the draft (POST)."""
    _require_edit(request, case)
    action = _action(case, pk)
    try:
        services.action_remove(actor=request.user, action=action)
    except DomainError as error:
        return _not_now(request, region, case, str(error.message))
    return _to_plan(request, region, case, _("The action has been removed."))


@case_view("work plan agreement")
def case_plan_action_agreement(request, region, case, seat, pk):
    """Permission: casework.record_agreement — the client whose say counts gives it themselves
    (casework.give_say: the young person from 12, a parent below 12), or whoever runs the plan
    records it at the table (casework.edit_plan, casework.follow_up); an action of the draft."""
    action, refusal = _editable_action(request, region, case, pk, perm="casework.record_agreement")
    if refusal:
        return refusal
    # The client answers for themselves; the chair records the client's answer.
    own = not services.may_edit_plan(request.user, case)
    initial = {"reason": action.agreement_reason}
    if action.agreement != Agreement.PENDING:
        initial["agreement"] = action.agreement
    form = forms.AgreementForm(_posted(request), initial=initial, own=own)
    if (
        request.method == "POST"
        and form.is_valid()
        and call_service(
            form,
            lambda d: services.action_agreement_record(
                actor=request.user, action=action, agreement=d["agreement"], reason=d["reason"]
            ),
        )
    ):
        done = _("Your answer has been saved.") if own else _("The client's say has been saved.")
        return _to_plan(request, region, case, done)
    return _form_page(
        request,
        region,
        case,
        form,
        step="agreement",
        title=_("Your answer on an action") if own else _("The client's say on an action"),
        action=action,
    )


@require_POST
@case_view("work plan action done")
def case_plan_action_done(request, region, case, seat, pk):
    """Permission: casework.follow_up (the help coordinator, the chair); an agreed action of the
    agreed plan in force (POST)."""
    require_perm(request.user, "casework.follow_up", case)
    action = _action(case, pk)
    try:
        follow_up.action_mark_done(actor=request.user, action=action)
    except DomainError as error:
        return _not_now(request, region, case, str(error.message))
    return _to_plan(request, region, case, _("The action is marked done."))


@case_view("work plan agree")
def case_plan_agree(request, region, case, seat):
    """Permission: casework.edit_plan or casework.follow_up; on the draft. Refused while an
    action waits for the client's say (C6)."""
    draft, refusal = _draft_for_step(request, region, case)
    if refusal:
        return refusal
    form = forms.AgreeForm(_posted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and call_service(form, lambda d: services.plan_agree(actor=request.user, plan=draft))
    ):
        return _to_plan(
            request,
            region,
            case,
            _("The work plan has been agreed. Everyone at the table gets an e-mail to read it."),
        )
    return render(
        request,
        "casework/plan/agree.html",
        {
            "form": form,
            "case": case,
            "layout": services.plan_layout(draft),
            "case_url": _case_url(region, case),
        },
    )


@require_POST
@case_view("work plan confirm")
def case_plan_confirm(request, region, case, seat):
    """Permission: casework.confirm_plan (everyone who sees the case); the agreed plan (POST)."""
    require_perm(request.user, "casework.confirm_plan", case)
    agreed = services.current_plan(case)
    if agreed is None:
        return _not_now(request, region, case, _("There is no agreed work plan yet."))
    try:
        services.plan_confirm(actor=request.user, plan=agreed)
    except DomainError as error:
        return _not_now(request, region, case, str(error.message))
    return _to_plan(request, region, case, _("Thank you: you confirmed the work plan."))


@case_view("work plan PDF", action=CaseLogAction.EXPORT)
def case_plan_pdf(request, region, case, seat):
    """Permission: casework.view_case (everyone who sees the case); the agreed plan in force."""
    agreed = services.current_plan(case)
    if agreed is None:
        return _not_now(request, region, case, _("There is no agreed work plan yet."))
    response = pdf_response(plan_pdf_bytes(agreed), plan_pdf_filename(agreed))
    response["Cache-Control"] = "private, no-store"
    return response


@case_view("follow-up request")
def case_follow_up_request(request, region, case, seat):
    """Permission: casework.follow_up (the help coordinator, the chair); while the case is at
    the table (C7)."""
    require_perm(request.user, "casework.follow_up", case)
    if case.status != CaseStatus.IN_PROGRESS:
        return _not_now(request, region, case)
    form = forms.FollowUpForm(_posted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and call_service(
            form,
            lambda d: follow_up.follow_up_request(
                actor=request.user, case=case, reason=d["reason"]
            ),
        )
    ):
        messages.success(request, _("The follow-up consultation has been requested."))
        return redirect(_case_url(region, case))
    return _form_page(
        request,
        region,
        case,
        form,
        step="follow_up",
        title=_("Request a follow-up consultation"),
    )


@case_view("close case")
def case_close(request, region, case, seat):
    """Permission: casework.close (the chair, the coordinator); while the case is at the table
    (C7, C9: with the anonymous bottleneck tags)."""
    require_perm(request.user, "casework.close", case)
    if case.status != CaseStatus.IN_PROGRESS:
        return _not_now(request, region, case)
    form = forms.CloseForm(_posted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and call_service(
            form,
            lambda d: follow_up.case_close(
                actor=request.user, case=case, outcome=d["outcome"], bottlenecks=d["bottlenecks"]
            ),
        )
    ):
        messages.success(request, _("The cliëntoverleg has been closed."))
        return redirect(_case_url(region, case))
    return _form_page(request, region, case, form, step="close", title=_("Close the cliëntoverleg"))

"""Following up a body's work across meetings (M8, M9): the chair's follow-up view, the
actions list with status updates, the decisions register, and their CSV exports. Every view
names its permission; lookups outside the user's region are 404."""

import csv
from collections.abc import Iterable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from aantafel.bodies.permissions import body_get_for_user
from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm
from aantafel.regions.decorators import region_view

from .. import services
from ..forms_outcomes import (
    ActionFilterForm,
    ActionForm,
    ActionStatusForm,
    DecisionFilterForm,
    default_due_date,
)
from ..models import Action
from ..queries_follow_up import (
    body_actions,
    decision_years,
    decisions_register,
    follow_up,
)

# A cell starting with one of these is a formula to a spreadsheet; a quote keeps it text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _csv(filename: str, header: list[str], rows: Iterable[list]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return response


def _viewable_body(request, region, pk):
    body = body_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.view_meeting", body)
    return body, request.user.has_perm("meetings.view_confidential", body)


@login_required
@region_view
def follow_up_view(request, region, pk):
    """Permission: meetings.lead_meeting (chair, supporter, region administrator)."""
    body = body_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.lead_meeting", body)
    form = ActionFilterForm(request.GET or None, body=body)
    data = follow_up(
        body,
        form.filters(),
        include_confidential=request.user.has_perm("meetings.view_confidential", body),
    )
    return render(
        request,
        "meetings/follow_up.html",
        {"body": body, "form": form, "data": data, "can_lead": True},
    )


@login_required
@region_view
def action_list(request, region, pk):
    """Permission: meetings.view_meeting (any member of the region); actions of confidential
    items only with meetings.view_confidential."""
    body, confidential = _viewable_body(request, region, pk)
    form = ActionFilterForm(request.GET or None, body=body)
    actions = list(body_actions(body, form.filters(), include_confidential=confidential))
    return render(
        request,
        "meetings/actions.html",
        {
            "body": body,
            "form": form,
            "actions": actions,
            "can_lead": request.user.has_perm("meetings.lead_meeting", body),
            "query": request.GET.urlencode(),
        },
    )


@login_required
@region_view
def action_export(request, region, pk):
    """Permission: meetings.view_meeting (as the actions list)."""
    body, confidential = _viewable_body(request, region, pk)
    form = ActionFilterForm(request.GET or None, body=body)
    actions = body_actions(body, form.filters(), include_confidential=confidential)
    return _csv(
        f"acties-{body.pk}-{timezone.localdate():%Y%m%d}.csv",
        [
            _("Action"),
            _("Owner"),
            _("Due date"),
            _("Status"),
            _("Overdue"),
            _("Plan theme"),
            _("Meeting"),
            _("Item"),
            _("Note"),
        ],
        (
            [
                a.title,
                a.owner,
                a.due_date.isoformat(),
                a.get_status_display(),
                _("yes") if getattr(a, "is_overdue", False) else _("no"),
                a.theme or "",
                timezone.localtime(a.meeting.starts_at).date().isoformat() if a.meeting else "",
                a.item.title if a.item else "",
                a.status_note,
            ]
            for a in actions
        ),
    )


@login_required
@region_view
def action_add(request, region, pk):
    """Permission: meetings.lead_meeting (chair, supporter, region administrator)."""
    body = body_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.lead_meeting", body)
    form = ActionForm(request.POST or None, body=body, initial={"due_date": default_due_date(None)})
    if request.method == "POST" and form.is_valid():
        if call_service(form, lambda d: services.action_create(actor=request.user, body=body, **d)):
            messages.success(request, _("The action has been recorded; its owner is told."))
            return redirect("action_list", region.slug, body.pk)
    return render(request, "meetings/actions_form.html", {"form": form, "body": body})


@login_required
@region_view
def action_status(request, region, pk, action_pk):
    """Permission: meetings.update_action (the action's owner, chair, supporter, region
    administrator)."""
    body = body_get_for_user(request.user, region, pk)
    action = get_object_or_404(
        Action.objects.select_related("owner", "item", "body"), body=body, pk=action_pk
    )
    if action.item is not None and action.item.confidential:
        # Its title must not leak to whoever may not see the item.
        if not request.user.has_perm("meetings.view_confidential", body):
            raise Http404
    require_perm(request.user, "meetings.update_action", action)
    form = ActionStatusForm(
        request.POST or None, initial={"status": action.status, "note": action.status_note}
    )
    if request.method == "POST" and form.is_valid():
        if call_service(
            form, lambda d: services.action_update_status(actor=request.user, action=action, **d)
        ):
            messages.success(request, _("The action has been updated."))
            return redirect("action_list", region.slug, body.pk)
    return render(
        request, "meetings/actions_status.html", {"form": form, "body": body, "action": action}
    )


@login_required
@region_view
def decision_list(request, region, pk):
    """Permission: meetings.view_meeting (any member of the region); decisions on confidential
    items only with meetings.view_confidential."""
    body, confidential = _viewable_body(request, region, pk)
    form = DecisionFilterForm(request.GET or None, years=decision_years(body))
    decisions = list(decisions_register(body, form.filters(), include_confidential=confidential))
    return render(
        request,
        "meetings/decisions.html",
        {"body": body, "form": form, "decisions": decisions, "query": request.GET.urlencode()},
    )


@login_required
@region_view
def decision_export(request, region, pk):
    """Permission: meetings.view_meeting (as the decisions register)."""
    body, confidential = _viewable_body(request, region, pk)
    form = DecisionFilterForm(request.GET or None, years=decision_years(body))
    decisions = decisions_register(body, form.filters(), include_confidential=confidential)
    return _csv(
        f"besluiten-{body.pk}-{timezone.localdate():%Y%m%d}.csv",
        [
            _("Meeting"),
            _("Item"),
            _("Decision"),
            _("Decision rule"),
            _("Outcome"),
            _("Votes for"),
            _("Votes against"),
            _("Abstentions"),
            _("Positions"),
        ],
        (
            [
                timezone.localtime(d.item.meeting.starts_at).date().isoformat(),
                d.item.title,
                d.text,
                d.decision_rule,
                d.get_outcome_display(),
                d.votes_for,
                d.votes_against,
                d.votes_abstained,
                "; ".join(
                    f"{p.constituency.name}: {p.get_stance_display()}" for p in d.positions.all()
                ),
            ]
            for d in decisions
        ),
    )

"""Pages that record what a meeting did (M7–M9): notes, decisions with the constituencies'
positions, actions, the reporter and their report-back. Every view names its permission;
lookups outside the user's region are 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from aantafel.bodies.models import Constituency, DecisionRule
from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm
from aantafel.regions.decorators import region_view

from .. import services
from ..forms_outcomes import (
    ActionForm,
    DecisionForm,
    NotesForm,
    PositionForm,
    PositionsForm,
    ReportBackForm,
    ReporterForm,
    default_due_date,
)
from ..models import Decision, ProposalSource
from ..permissions import item_get_for_user, meeting_get_for_user
from ..services.outcomes import meeting_date


def _to_item(region, meeting, item=None):
    url = reverse("meeting_detail", args=[region.slug, meeting.pk])
    return redirect(f"{url}#item-{item.pk}" if item else url)


def _lead_item(request, region, pk, item_pk):
    """The meeting and item, for someone who leads the meeting (404 first, then 403)."""
    meeting = meeting_get_for_user(request.user, region, pk)
    item = item_get_for_user(request.user, meeting, item_pk)
    require_perm(request.user, "meetings.lead_meeting", meeting)
    return meeting, item


def _constituencies(body):
    """The constituencies with a seat in the body; the region's when the body has no seats."""
    seated = Constituency.objects.filter(seats__body=body).distinct().order_by("name")
    return seated if seated.exists() else Constituency.objects.filter(region=body.region)


@login_required
@region_view
def item_notes(request, region, pk, item_pk):
    """Permission: meetings.lead_meeting (supporter, chair, region administrator)."""
    meeting, item = _lead_item(request, region, pk, item_pk)
    form = NotesForm(request.POST or None, initial={"notes": item.notes})
    if request.method == "POST" and form.is_valid():
        if call_service(
            form,
            lambda d: services.item_notes_save(actor=request.user, item=item, notes=d["notes"]),
        ):
            messages.success(request, _("The notes have been saved."))
            return _to_item(region, meeting, item)
    return render(
        request,
        "meetings/record_notes.html",
        {"form": form, "meeting": meeting, "body": meeting.body, "item": item},
    )


@login_required
@region_view
def decision_add(request, region, pk, item_pk):
    """Permission: meetings.lead_meeting (supporter, chair, region administrator)."""
    meeting, item = _lead_item(request, region, pk, item_pk)
    rule = services.body_decision_rule(meeting.body)
    form = DecisionForm(request.POST or None, rule=rule)
    positions = None
    if rule == DecisionRule.CONSENSUS_WITH_RESERVATION:
        positions = PositionsForm(
            request.POST or None, constituencies=list(_constituencies(meeting.body))
        )
    if request.method == "POST" and form.is_valid() and (positions is None or positions.is_valid()):
        decision = call_service(
            form,
            lambda d: services.decision_record(
                actor=request.user,
                item=item,
                text=d["text"],
                outcome=d["outcome"],
                votes_for=d.get("votes_for"),
                votes_against=d.get("votes_against"),
                votes_abstained=d.get("votes_abstained"),
                positions=positions.positions() if positions else (),
            ),
        )
        if decision:
            messages.success(request, _("The decision has been recorded."))
            return _to_item(region, meeting, item)
    return render(
        request,
        "meetings/record_decision.html",
        {
            "form": form,
            "positions_form": positions,
            "meeting": meeting,
            "body": meeting.body,
            "item": item,
            "rule": rule,
            "rule_label": dict(DecisionRule.choices).get(rule or ""),
        },
    )


@login_required
@region_view
def position_edit(request, region, pk, item_pk, decision_pk):
    """Permission: meetings.lead_meeting (supporter, chair, region administrator)."""
    meeting, item = _lead_item(request, region, pk, item_pk)
    decision = get_object_or_404(Decision, item=item, pk=decision_pk)
    form = PositionForm(request.POST or None, constituencies=_constituencies(meeting.body))
    if request.method == "POST" and form.is_valid():
        if call_service(
            form,
            lambda d: services.position_record(actor=request.user, decision=decision, **d),
        ):
            messages.success(request, _("The position has been recorded."))
            return _to_item(region, meeting, item)
    return render(
        request,
        "meetings/record_position.html",
        {
            "form": form,
            "meeting": meeting,
            "body": meeting.body,
            "item": item,
            "decision": decision,
        },
    )


@login_required
@region_view
def action_add(request, region, pk, item_pk):
    """Permission: meetings.lead_meeting (supporter, chair, region administrator)."""
    meeting, item = _lead_item(request, region, pk, item_pk)
    decision = None
    if request.GET.get("besluit", "").isdigit():
        decision = get_object_or_404(Decision, item=item, pk=request.GET["besluit"])
    form = ActionForm(
        request.POST or None,
        body=meeting.body,
        initial={"due_date": default_due_date(meeting_date(meeting))},
    )
    if request.method == "POST" and form.is_valid():
        action = call_service(
            form,
            lambda d: services.action_create(
                actor=request.user,
                body=meeting.body,
                meeting=meeting,
                item=item,
                decision=decision,
                **d,
            ),
        )
        if action:
            messages.success(request, _("The action has been recorded; its owner is told."))
            return _to_item(region, meeting, item)
    return render(
        request,
        "meetings/record_action.html",
        {
            "form": form,
            "meeting": meeting,
            "body": meeting.body,
            "item": item,
            "decision": decision,
        },
    )


@login_required
@region_view
def reporter_assign(request, region, pk):
    """Permission: meetings.lead_meeting (supporter, chair, region administrator)."""
    meeting = meeting_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.lead_meeting", meeting)
    form = ReporterForm(
        request.POST or None, body=meeting.body, initial={"reporter": meeting.reporter_id}
    )
    if request.method == "POST" and form.is_valid():
        if call_service(
            form,
            lambda d: services.meeting_assign_reporter(
                actor=request.user, meeting=meeting, reporter=d["reporter"]
            ),
        ):
            messages.success(request, _("The reporter has been saved."))
            return _to_item(region, meeting)
    return render(
        request,
        "meetings/record_reporter.html",
        {"form": form, "meeting": meeting, "body": meeting.body},
    )


@login_required
@region_view
def report_back(request, region, pk):
    """Permission: meetings.view_meeting and being the member assigned to report back on this
    meeting (M7)."""
    meeting = meeting_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.view_meeting", meeting)
    if meeting.reporter_id != request.user.pk:
        raise PermissionDenied
    sent = meeting.report_backs.filter(source=ProposalSource.REPORT_BACK).first()
    form = ReportBackForm(request.POST or None)
    if request.method == "POST" and sent is None and form.is_valid():
        proposal = call_service(
            form,
            lambda d: services.report_back_submit(actor=request.user, meeting=meeting, **d),
        )
        if proposal:
            messages.success(
                request,
                _("Your report-back has been sent to %(body)s.") % {"body": proposal.body.name},
            )
            return _to_item(region, meeting)
    return render(
        request,
        "meetings/record_report_back.html",
        {"form": form, "meeting": meeting, "body": meeting.body, "sent": sent},
    )

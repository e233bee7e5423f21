"""Pages for item proposals (M2): members bring items in, the supporter and chair decide."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from aantafel.bodies.permissions import body_get_for_user
from aantafel.core.errors import DomainError
from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm
from aantafel.regions.decorators import region_view

from .. import forms, queries, services
from ..models import ItemProposal


@login_required
@region_view
def proposal_submit(request, region, pk):
    """Permission: meetings.submit_item (the body's chair, supporter or members; not guests)."""
    body = body_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.submit_item", body)
    initial = {"meeting": request.GET.get("meeting")} if request.GET.get("meeting") else None
    form = forms.ProposalForm(
        request.POST or None, request.FILES or None, body=body, initial=initial
    )
    if request.method == "POST" and form.is_valid():

        @transaction.atomic
        def submit(d):
            # The proposal and its document are saved together, or neither is.
            proposal = services.proposal_submit(
                actor=request.user,
                body=body,
                title=d["title"],
                explanation=d["explanation"],
                desired_type=d["desired_type"],
                meeting=d["meeting"],
            )
            if d["document"]:
                try:
                    services.document_add(
                        actor=request.user, upload=d["document"], proposal=proposal
                    )
                except DomainError as error:
                    error.field = "document"
                    raise
            return proposal

        if call_service(form, submit):
            messages.success(
                request,
                _(
                    "Thank you. The supporter will put your item to the chair; you will hear what is decided."
                ),
            )
            return redirect("body_meetings", region.slug, body.pk)
    return render(
        request,
        "meetings/proposal_form.html",
        {"form": form, "body": body, "mine": queries.my_proposals(request.user, body)},
    )


@login_required
@region_view
def proposal_list(request, region, pk):
    """Permission: meetings.lead_meeting (supporter, chair, region administrator)."""
    body = body_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.lead_meeting", body)
    return render(
        request,
        "meetings/proposal_list.html",
        {"body": body, "proposals": queries.proposals_for_body(body)},
    )


@login_required
@region_view
def proposal_decide(request, region, pk, proposal_pk):
    """Permission: meetings.lead_meeting."""
    body = body_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.lead_meeting", body)
    proposal = get_object_or_404(
        ItemProposal.objects.select_related("submitted_by", "meeting"), body=body, pk=proposal_pk
    )
    form = forms.ProposalDecisionForm(
        request.POST or None, body=body, initial={"meeting": proposal.meeting_id}
    )
    if request.method == "POST" and form.is_valid():

        def decide(d):
            if d["decision"] == form.ACCEPT:
                return services.proposal_accept(
                    actor=request.user,
                    proposal=proposal,
                    meeting=d["meeting"],
                    item_type=d["item_type"] or None,
                )
            if d["decision"] == form.DEFER:
                return services.proposal_defer(
                    actor=request.user, proposal=proposal, meeting=d["meeting"], reason=d["reason"]
                )
            return services.proposal_decline(
                actor=request.user, proposal=proposal, reason=d["reason"]
            )

        if call_service(form, decide):
            messages.success(request, _("Decided. The submitter has been told."))
            return redirect("proposal_list", region.slug, body.pk)
    return render(
        request,
        "meetings/proposal_decide.html",
        {"form": form, "body": body, "proposal": proposal},
    )

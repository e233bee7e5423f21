"""Pages of bodies. Every view names its permission; lookups outside the user's region are 404."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aantafel.core.errors import DomainError
from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm
from aantafel.regions.decorators import region_view

from . import forms, queries, services
from .models import Constituency, Initiative, Invitation, Membership, Organisation, Seat
from .permissions import body_get_for_user


def _detail(region, body):
    return redirect("body_detail", region.slug, body.pk)


@login_required
@region_view
def body_list(request, region):
    """Permission: regions.view_region (any member of the region)."""
    return render(request, "bodies/body_list.html", {"bodies": queries.body_list(region)})


@login_required
@region_view
def body_create(request, region):
    """Permission: bodies.add_body (region administrator)."""
    require_perm(request.user, "bodies.add_body", region)
    form = forms.BodyForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        body = call_service(
            form, lambda d: services.body_create(actor=request.user, region=region, **d)
        )
        if body:
            messages.success(
                request, _("The body has been created. Add its terms of reference and seats.")
            )
            return _detail(region, body)
    return render(request, "bodies/body_form.html", {"form": form})


@login_required
@region_view
def body_detail(request, region, pk):
    """Permission: bodies.view_body (any member of the region)."""
    body = body_get_for_user(request.user, region, pk)
    can_manage = request.user.has_perm("bodies.manage_body", body)
    detail = queries.body_detail(body, with_invitations=can_manage)
    return render(
        request,
        "bodies/body_detail.html",
        {
            "detail": detail,
            "body": body,
            "can_manage": can_manage,
            "can_edit": request.user.has_perm("bodies.change_body", body),
            "can_add_initiative": request.user.has_perm("bodies.add_initiative", body),
            "can_lead": request.user.has_perm("meetings.lead_meeting", body),
            "this_year": timezone.localdate().year,
            "last_year": timezone.localdate().year - 1,
        },
    )


@login_required
@region_view
def body_edit(request, region, pk):
    """Permission: bodies.change_body (region administrator)."""
    body = body_get_for_user(request.user, region, pk)
    require_perm(request.user, "bodies.change_body", body)
    initial = {
        f: getattr(body, f)
        for f in (
            "name",
            "body_type",
            "parent",
            "supporting_department",
            "description",
            "agenda_lead_days",
            "item_deadline_days",
        )
    }
    form = forms.BodyForm(request.POST or None, region=region, body=body, initial=initial)
    if request.method == "POST" and form.is_valid():
        if call_service(form, lambda d: services.body_update(actor=request.user, body=body, **d)):
            messages.success(request, _("The body has been saved."))
            return _detail(region, body)
    return render(request, "bodies/body_form.html", {"form": form, "body": body})


@login_required
@region_view
def terms_add(request, region, pk):
    """Permission: bodies.manage_body (region administrator or the body's supporter)."""
    body = body_get_for_user(request.user, region, pk)
    require_perm(request.user, "bodies.manage_body", body)
    current = queries.body_detail(body, with_invitations=False).current_terms
    initial = {}
    if current:
        # A new version starts as a copy of the current one: most changes are small.
        initial = {
            f: getattr(current, f)
            for f in (*services.terms.TEXT_FIELDS, "decision_rule", "approved_by")
        }
    form = forms.TermsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if call_service(
            form, lambda d: services.terms_add_version(actor=request.user, body=body, **d)
        ):
            messages.success(
                request, _("The new version of the terms of reference has been saved.")
            )
            return _detail(region, body)
    return render(request, "bodies/terms_form.html", {"form": form, "body": body})


@login_required
@region_view
def terms_version(request, region, pk, version):
    """Permission: bodies.view_body (any member of the region)."""
    body = body_get_for_user(request.user, region, pk)
    terms = get_object_or_404(body.terms_versions.select_related("recorded_by"), version=version)
    latest = body.terms_versions.order_by("-version").values_list("version", flat=True).first()
    return render(
        request,
        "bodies/terms_version.html",
        {"body": body, "terms": terms, "is_current": version == latest},
    )


@login_required
@region_view
def seat_add(request, region, pk):
    """Permission: bodies.manage_body."""
    body = body_get_for_user(request.user, region, pk)
    require_perm(request.user, "bodies.manage_body", body)
    form = forms.SeatForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        if call_service(form, lambda d: services.seat_create(actor=request.user, body=body, **d)):
            messages.success(request, _("The seat has been added."))
            return _detail(region, body)
    return render(request, "bodies/seat_form.html", {"form": form, "body": body})


@login_required
@region_view
def seat_edit(request, region, pk, seat_pk):
    """Permission: bodies.manage_body."""
    body = body_get_for_user(request.user, region, pk)
    require_perm(request.user, "bodies.manage_body", body)
    seat = get_object_or_404(Seat.objects.select_related("constituency"), body=body, pk=seat_pk)
    form = forms.SeatPlacesForm(request.POST or None, initial={"places": seat.places})
    if request.method == "POST" and form.is_valid():
        if call_service(
            form, lambda d: services.seat_update(actor=request.user, seat=seat, places=d["places"])
        ):
            messages.success(request, _("The seat has been saved."))
            return _detail(region, body)
    return render(request, "bodies/seat_form.html", {"form": form, "body": body, "seat": seat})


@login_required
@region_view
def member_invite(request, region, pk):
    """Permission: bodies.manage_body."""
    body = body_get_for_user(request.user, region, pk)
    require_perm(request.user, "bodies.manage_body", body)
    initial = {}
    if "seat" in request.GET:
        initial = {"seat": request.GET["seat"], "seat_role": "holder"}
    form = forms.InvitationForm(request.POST or None, body=body, initial=initial)
    if request.method == "POST" and form.is_valid():
        invitation = call_service(
            form,
            lambda d: services.invitation_create(
                actor=request.user,
                body=body,
                email=d["email"],
                full_name=d["full_name"],
                terms=form.terms(),
            ),
        )
        if invitation:
            messages.success(
                request,
                _("The invitation has been sent to %(email)s.") % {"email": invitation.email},
            )
            return _detail(region, body)
    return render(request, "bodies/invite_form.html", {"form": form, "body": body})


def _invitation_action(request, region, pk, invitation_pk, service, done_message):
    """Withdraw or resend an invitation of this body; either way back to the body's page."""
    body = body_get_for_user(request.user, region, pk)
    require_perm(request.user, "bodies.manage_body", body)
    invitation = get_object_or_404(Invitation, body=body, pk=invitation_pk)
    try:
        service(actor=request.user, invitation=invitation)
        messages.success(request, done_message)
    except DomainError as error:
        messages.error(request, error.message)
    return _detail(region, body)


@login_required
@region_view
@require_POST
def invitation_revoke(request, region, pk, invitation_pk):
    """Permission: bodies.manage_body."""
    return _invitation_action(
        request,
        region,
        pk,
        invitation_pk,
        services.invitation_revoke,
        _("The invitation has been withdrawn."),
    )


@login_required
@region_view
@require_POST
def invitation_resend(request, region, pk, invitation_pk):
    """Permission: bodies.manage_body."""
    return _invitation_action(
        request,
        region,
        pk,
        invitation_pk,
        services.invitation_resend,
        _("A new invitation link has been sent."),
    )


@login_required
@region_view
def membership_end(request, region, pk, membership_pk):
    """Permission: bodies.manage_body."""
    body = body_get_for_user(request.user, region, pk)
    require_perm(request.user, "bodies.manage_body", body)
    membership = get_object_or_404(
        Membership.objects.select_related("user"), body=body, pk=membership_pk
    )
    form = forms.MembershipEndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = call_service(
            form,
            lambda d: services.membership_end(
                actor=request.user,
                membership=membership,
                end_date=d["end_date"],
                reason=d["reason"],
            ),
        )
        if done:
            messages.success(request, _("The membership has been ended. It stays in the history."))
            return _detail(region, body)
    return render(
        request,
        "bodies/membership_end.html",
        {"form": form, "body": body, "membership": membership},
    )


@login_required
@region_view
def initiative_add(request, region, pk):
    """Permission: bodies.add_initiative (region administrator, the body's supporter or chair)."""
    body = body_get_for_user(request.user, region, pk)
    require_perm(request.user, "bodies.add_initiative", body)
    form = forms.InitiativeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if call_service(
            form, lambda d: services.initiative_register(actor=request.user, body=body, **d)
        ):
            messages.success(request, _("The initiative has been registered."))
            return _detail(region, body)
    return render(request, "bodies/initiative_form.html", {"form": form, "body": body})


@login_required
@region_view
def initiative_informed(request, region, pk, initiative_pk):
    """Permission: bodies.add_initiative."""
    body = body_get_for_user(request.user, region, pk)
    require_perm(request.user, "bodies.add_initiative", body)
    initiative = get_object_or_404(Initiative, body=body, pk=initiative_pk)
    form = forms.InformedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = call_service(
            form,
            lambda d: services.initiative_mark_parent_informed(
                actor=request.user, initiative=initiative, informed_on=d["parent_informed_on"]
            ),
        )
        if done:
            messages.success(request, _("The date has been saved."))
            return _detail(region, body)
    return render(
        request,
        "bodies/initiative_informed.html",
        {"form": form, "body": body, "initiative": initiative},
    )


@login_required
@region_view
def registers(request, region):
    """Permission: regions.view_region to read; bodies.manage_register (administrator) to add."""
    can_add = request.user.has_perm("bodies.manage_register", region)
    constituency_form = forms.ConstituencyForm(prefix="c")
    organisation_form = forms.OrganisationForm(prefix="o")
    if request.method == "POST":
        require_perm(request.user, "bodies.manage_register", region)
        form: forms.Form
        call: Callable[..., object]
        if "c-name" in request.POST:
            form = constituency_form = forms.ConstituencyForm(request.POST, prefix="c")
            call = services.constituency_create
        elif "o-name" in request.POST:
            form = organisation_form = forms.OrganisationForm(request.POST, prefix="o")
            call = services.organisation_create
        else:
            raise Http404
        if form.is_valid() and call_service(
            form, lambda d: call(actor=request.user, region=region, **d)
        ):
            messages.success(request, _("Saved."))
            return redirect("registers", region.slug)
    return render(
        request,
        "bodies/registers.html",
        {
            "constituencies": Constituency.objects.filter(region=region),
            "organisations": Organisation.objects.filter(region=region),
            "constituency_form": constituency_form,
            "organisation_form": organisation_form,
            "can_add": can_add,
        },
    )

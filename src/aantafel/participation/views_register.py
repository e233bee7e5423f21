"""Staff pages of the register of participation initiatives (P6): the region's initiatives with
a filter by kind and activity, and a page to add or change one. Every view names its permission;
an initiative of another region is 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm
from aantafel.regions.decorators import region_view

from . import forms_register as forms
from .models import ParticipationInitiative
from .services import register as services

VIEW, MANAGE = "participation.view", "participation.manage"
PAGE_SIZE = 25
FIELDS = [
    "name",
    "kind",
    "organisation",
    "scope",
    "contact_name",
    "contact_email",
    "website",
    "active",
]


def _form_page(request, region, form, *, initiative, call):
    """A valid POST runs the service (`call`) and goes back to the register; otherwise the form,
    with a refusal of the service beside its field."""
    if request.method == "POST" and form.is_valid():
        if call_service(form, call) is not None:
            messages.success(request, _("The initiative has been saved."))
            return redirect("initiative_list", region.slug)
    return render(
        request,
        "participation/register/form.html",
        {"form": form, "initiative": initiative},
    )


@login_required
@region_view
def initiative_list(request, region):
    """Permission: participation.view (any member of the region)."""
    require_perm(request.user, VIEW, region)
    form = forms.InitiativeFilterForm(request.GET or None)
    initiatives = ParticipationInitiative.objects.filter(region=region, **form.filters())
    page = Paginator(initiatives.order_by("name", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "participation/register/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_manage": request.user.has_perm(MANAGE, region),
        },
    )


@login_required
@region_view
def initiative_create(request, region):
    """Permission: participation.manage (region administrator and policy staff)."""
    require_perm(request.user, MANAGE, region)
    data = request.POST if request.method == "POST" else None
    form = forms.InitiativeForm(data)
    return _form_page(
        request,
        region,
        form,
        initiative=None,
        call=lambda d: services.initiative_create(actor=request.user, region=region, **d),
    )


@login_required
@region_view
def initiative_edit(request, region, pk):
    """Permission: participation.manage (region administrator and policy staff); an initiative
    of another region is 404."""
    initiative = get_object_or_404(ParticipationInitiative, region=region, pk=pk)
    require_perm(request.user, MANAGE, region)
    data = request.POST if request.method == "POST" else None
    form = forms.InitiativeForm(data, initial={name: getattr(initiative, name) for name in FIELDS})
    return _form_page(
        request,
        region,
        form,
        initiative=initiative,
        call=lambda d: services.initiative_update(actor=request.user, initiative=initiative, **d),
    )

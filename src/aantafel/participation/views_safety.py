"""Safety concerns (P5): staff flag a story, idea or campaign response, and see the region's
concerns. Every view names its permission; an item of another region is 404."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm
from aantafel.regions.decorators import region_view

from .forms_safety import FlagConcernForm
from .models import CampaignResponse, Idea, SafetyConcern, Story
from .services import safety as services

MANAGE = "participation.manage"
PAGE_SIZE = 25
SUBJECTS: dict[str, type[services.Subject]] = {
    "verhaal": Story,
    "idee": Idea,
    "antwoord": CampaignResponse,
}


@login_required
@region_view
def safety_concern_list(request, region):
    """Permission: participation.manage (the region's administrator and policy staff)."""
    require_perm(request.user, MANAGE, region)
    concerns = SafetyConcern.objects.filter(region=region).select_related(
        "flagged_by", "story", "idea", "response"
    )
    page = Paginator(concerns, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "participation/safety/list.html", {"page": page})


@login_required
@region_view
@require_POST
def safety_concern_flag(request, region, kind, pk):
    """Permission: participation.manage. Without JavaScript the form posts here and the page of
    the item shows again; a refused reason comes back on this page with its message."""
    model = SUBJECTS.get(kind)
    if model is None:
        raise Http404
    # Another region's item is 404 before any permission is checked.
    subject = cast(services.Subject, get_object_or_404(model, region=region, pk=pk))
    require_perm(request.user, MANAGE, region)
    form = FlagConcernForm(request.POST)
    if form.is_valid():

        def call(data):
            return services.flag_concern(actor=request.user, subject=subject, reason=data["reason"])

        if call_service(form, call) is not None:
            if region.safeguarding_email:
                messages.success(request, _("The safeguarding contact has been told."))
            else:
                messages.warning(
                    request,
                    _(
                        "The concern has been recorded, but the region has no e-mail address of "
                        "a safeguarding contact: ask the administrator to set it."
                    ),
                )
            return redirect(_back_to(request, region))
    return render(
        request,
        "participation/safety/flag.html",
        {"form": form, "kind": kind, "subject": subject},
        status=400,
    )


def _back_to(request, region) -> str:
    """The page the form was on (a local address only), else the list of concerns."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        return target
    return reverse("safety_concern_list", args=[region.slug])

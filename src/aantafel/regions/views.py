from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from aantafel.audit.queries import audit_actions, audit_events
from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm

from .decorators import region_view
from .forms import MfaRolesForm
from .services import region_require_mfa


@login_required
@region_view
def region_settings(request, region):
    """Permission: regions.manage_region (region administrator)."""
    require_perm(request.user, "regions.manage_region", region)
    form = MfaRolesForm(request.POST or None, initial={"roles": region.mfa_required_roles})
    if request.method == "POST" and form.is_valid():
        if call_service(
            form, lambda d: region_require_mfa(actor=request.user, region=region, roles=d["roles"])
        ):
            messages.success(request, _("The settings have been saved."))
            return redirect("region_settings", region.slug)
    return render(request, "regions/settings.html", {"form": form})


@login_required
@region_view
def audit_log(request, region):
    """Permission: regions.view_audit_log (region administrator)."""
    require_perm(request.user, "regions.view_audit_log", region)
    action = request.GET.get("action", "")
    events = audit_events(region, action=action).select_related(None)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    # htmx asks for the list alone when the filter changes; without JavaScript the form reloads.
    template = "audit/log.html#events" if request.htmx else "audit/log.html"
    return render(
        request,
        template,
        {"page": page, "actions": audit_actions(region), "action": action},
    )

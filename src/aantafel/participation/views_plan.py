"""Staff pages of the plan's actions (P3), under /regio/<region_slug>/plan/: per trajectory its
actions by pillar, each with the input it came from (theme → campaign, number of answers), and
the forms of an action. Every view names its permission; a trajectory or action of another
region is 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm
from aantafel.regions.decorators import region_view

from . import queries, queries_campaigns
from .forms_plan import PlanActionForm
from .models import PlanAction, Trajectory
from .services import plan as services

VIEW, MANAGE = "participation.view", "participation.manage"
FIELDS = ("title", "pillar", "description", "owner", "due_on", "status", "themes")


def _posted(request):
    return request.POST if request.method == "POST" else None


@require_GET
@login_required
@region_view
def plan_index(request, region):
    """Permission: participation.view (any member of the region). The region's trajectories,
    each with its number of plan actions."""
    require_perm(request.user, VIEW, region)
    trajectories = (
        Trajectory.objects.filter(region=region)
        .annotate(action_count=Count("plan_actions"))
        .order_by("-starts_on", "title", "pk")
    )
    return render(request, "participation/plan/index.html", {"trajectories": trajectories})


@require_GET
@login_required
@region_view
def plan_detail(request, region, trajectory_pk):
    """Permission: participation.view. The trajectory's plan: its actions by pillar, each with
    the themes it came from. A fixed number of queries."""
    require_perm(request.user, VIEW, region)
    trajectory = queries.trajectory_get(region, trajectory_pk)
    actions = queries_campaigns.plan_actions(trajectory)
    return render(
        request,
        "participation/plan/detail.html",
        {
            "trajectory": trajectory,
            "groups": queries_campaigns.plan_by_pillar(actions),
            "can_manage": request.user.has_perm(MANAGE, region),
        },
    )


def _form_page(request, region, trajectory, form, call, done: str, action=None):
    if request.method == "POST" and form.is_valid():
        if call_service(form, call) is not None:
            messages.success(request, done)
            return redirect("plan_detail", region.slug, trajectory.pk)
    return render(
        request,
        "participation/plan/form.html",
        {"form": form, "trajectory": trajectory, "action": action},
    )


@login_required
@region_view
def plan_action_create(request, region, trajectory_pk):
    """Permission: participation.manage (region administrator, policy staff)."""
    trajectory = queries.trajectory_get(region, trajectory_pk)
    require_perm(request.user, MANAGE, region)
    form = PlanActionForm(_posted(request), trajectory=trajectory)
    return _form_page(
        request,
        region,
        trajectory,
        form,
        lambda d: services.plan_action_create(
            actor=request.user, trajectory=trajectory, **{k: d[k] for k in FIELDS}
        ),
        _("The action has been added to the plan."),
    )


@login_required
@region_view
def plan_action_edit(request, region, trajectory_pk, pk):
    """Permission: participation.manage."""
    trajectory = queries.trajectory_get(region, trajectory_pk)
    action = get_object_or_404(PlanAction, trajectory=trajectory, pk=pk)
    require_perm(request.user, MANAGE, region)
    form = PlanActionForm(
        _posted(request), trajectory=trajectory, initial=PlanActionForm.initial_of(action)
    )
    return _form_page(
        request,
        region,
        trajectory,
        form,
        lambda d: services.plan_action_update(
            actor=request.user, action=action, **{k: d[k] for k in FIELDS}
        ),
        _("The action has been saved."),
        action=action,
    )

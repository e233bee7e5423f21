"""Staff pages of participation trajectories (P1): the region's trajectories, a trajectory's page
with its pillars, phases, updates and documents, and one page per change. Every view names its
permission; a trajectory (or a part of one) of another region is 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm
from aantafel.regions.decorators import region_view

from . import forms_trajectories as forms
from . import queries
from .models import Phase, Pillar, Trajectory, TrajectoryDocument, TrajectoryUpdate
from .services import trajectories as services

VIEW, MANAGE = "participation.view", "participation.manage"


def _data(request):
    """The form's data: bound on a POST, even an empty one."""
    return request.POST if request.method == "POST" else None


def _files(request):
    return request.FILES if request.method == "POST" else None


def _managed(request, region, pk: int) -> Trajectory:
    """The trajectory of a change page: 404 when not the region's, 403 without
    participation.manage."""
    trajectory = queries.trajectory_get(region, pk)
    require_perm(request.user, MANAGE, region)
    return trajectory


def _done(request, region, trajectory: Trajectory, message: str):
    messages.success(request, message)
    return redirect("trajectory_detail", region.slug, trajectory.pk)


def _form_page(request, region, trajectory, form, *, step: str, call, done: str, **context):
    """A change page: a valid POST runs the service (`call`) and goes back to the trajectory
    with the message `done`; otherwise the form, with a refusal of the service beside its
    field."""
    if request.method == "POST" and form.is_valid():
        result = call_service(form, call)
        if result is not None:
            target = result if isinstance(result, Trajectory) else trajectory
            return _done(request, region, target, done)
    return render(
        request,
        "participation/trajectories/form.html",
        {"form": form, "trajectory": trajectory, "step": step, **context},
    )


@login_required
@region_view
def trajectory_list(request, region):
    """Permission: participation.view (any member of the region)."""
    require_perm(request.user, VIEW, region)
    form = forms.TrajectoryFilterForm(request.GET or None)
    trajectories = queries.trajectory_list(region, form.published_filter())
    page = Paginator(trajectories, queries.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "participation/trajectories/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_manage": request.user.has_perm(MANAGE, region),
        },
    )


@login_required
@region_view
def trajectory_create(request, region):
    """Permission: participation.manage (region administrator and policy staff)."""
    require_perm(request.user, MANAGE, region)
    form = forms.TrajectoryForm(_data(request))
    return _form_page(
        request,
        region,
        None,
        form,
        step="create",
        call=lambda d: services.trajectory_create(actor=request.user, region=region, **d),
        done=_("The trajectory has been saved."),
    )


@login_required
@region_view
def trajectory_detail(request, region, pk):
    """Permission: participation.view (any member of the region); the changes it links to need
    participation.manage."""
    require_perm(request.user, VIEW, region)
    detail = queries.trajectory_detail(queries.trajectory_get(region, pk))
    return render(
        request,
        "participation/trajectories/detail.html",
        {
            "detail": detail,
            "trajectory": detail.trajectory,
            "can_manage": request.user.has_perm(MANAGE, region),
        },
    )


@login_required
@region_view
def trajectory_edit(request, region, pk):
    """Permission: participation.manage (region administrator and policy staff)."""
    trajectory = _managed(request, region, pk)
    form = forms.TrajectoryForm(
        _data(request),
        initial={
            "title": trajectory.title,
            "summary": trajectory.summary,
            "starts_on": trajectory.starts_on,
            "ends_on": trajectory.ends_on,
            "published": trajectory.published,
        },
    )
    return _form_page(
        request,
        region,
        trajectory,
        form,
        step="edit",
        call=lambda d: services.trajectory_update(actor=request.user, trajectory=trajectory, **d),
        done=_("The trajectory has been saved."),
    )


@login_required
@region_view
def trajectory_pillar_add(request, region, pk):
    """Permission: participation.manage (region administrator and policy staff)."""
    trajectory = _managed(request, region, pk)
    form = forms.PillarForm(_data(request))
    return _form_page(
        request,
        region,
        trajectory,
        form,
        step="pillar_add",
        call=lambda d: services.pillar_add(actor=request.user, trajectory=trajectory, **d),
        done=_("The pillar has been added."),
    )


@login_required
@region_view
def trajectory_pillar_edit(request, region, pk, pillar_pk):
    """Permission: participation.manage (region administrator and policy staff)."""
    trajectory = _managed(request, region, pk)
    pillar = get_object_or_404(Pillar, region=region, trajectory=trajectory, pk=pillar_pk)
    form = forms.PillarForm(
        _data(request),
        initial={"number": pillar.number, "name": pillar.name, "description": pillar.description},
    )
    return _form_page(
        request,
        region,
        trajectory,
        form,
        step="pillar_edit",
        call=lambda d: services.pillar_update(actor=request.user, pillar=pillar, **d),
        done=_("The pillar has been saved."),
    )


@login_required
@region_view
def trajectory_phase_add(request, region, pk):
    """Permission: participation.manage (region administrator and policy staff)."""
    trajectory = _managed(request, region, pk)
    form = forms.PhaseForm(_data(request))
    return _form_page(
        request,
        region,
        trajectory,
        form,
        step="phase_add",
        call=lambda d: services.phase_add(actor=request.user, trajectory=trajectory, **d),
        done=_("The phase has been added."),
    )


@login_required
@region_view
def trajectory_phase_edit(request, region, pk, phase_pk):
    """Permission: participation.manage (region administrator and policy staff)."""
    trajectory = _managed(request, region, pk)
    phase = get_object_or_404(Phase, region=region, trajectory=trajectory, pk=phase_pk)
    form = forms.PhaseForm(
        _data(request),
        initial={
            "name": phase.name,
            "description": phase.description,
            "starts_on": phase.starts_on,
            "ends_on": phase.ends_on,
        },
    )
    return _form_page(
        request,
        region,
        trajectory,
        form,
        step="phase_edit",
        call=lambda d: services.phase_update(actor=request.user, phase=phase, **d),
        done=_("The phase has been saved."),
    )


@login_required
@region_view
def trajectory_update_post(request, region, pk):
    """Permission: participation.manage (region administrator and policy staff)."""
    trajectory = _managed(request, region, pk)
    form = forms.UpdateForm(_data(request), pillars=queries.trajectory_pillars(trajectory))
    return _form_page(
        request,
        region,
        trajectory,
        form,
        step="update_post",
        call=lambda d: services.update_post(actor=request.user, trajectory=trajectory, **d),
        done=_("The update has been posted."),
    )


@login_required
@region_view
def trajectory_update_edit(request, region, pk, update_pk):
    """Permission: participation.manage (region administrator and policy staff)."""
    trajectory = _managed(request, region, pk)
    update = get_object_or_404(TrajectoryUpdate, region=region, trajectory=trajectory, pk=update_pk)
    form = forms.UpdateForm(
        _data(request),
        pillars=queries.trajectory_pillars(trajectory),
        initial={
            "kind": update.kind,
            "pillar": update.pillar_id,
            "title": update.title,
            "body": update.body,
        },
    )
    return _form_page(
        request,
        region,
        trajectory,
        form,
        step="update_edit",
        call=lambda d: services.update_edit(actor=request.user, update=update, **d),
        done=_("The update has been saved."),
    )


@login_required
@region_view
def trajectory_document_add(request, region, pk):
    """Permission: participation.manage (region administrator and policy staff)."""
    trajectory = _managed(request, region, pk)
    form = forms.DocumentForm(_data(request), _files(request))
    return _form_page(
        request,
        region,
        trajectory,
        form,
        step="document_add",
        call=lambda d: services.document_add(
            actor=request.user,
            trajectory=trajectory,
            upload=d["file"],
            title=d["title"],
            decision_status=d["decision_status"],
            decided_on=d["decided_on"],
            decided_by=d["decided_by"],
        ),
        done=_("The document has been added."),
        multipart=True,
    )


@login_required
@region_view
def trajectory_document_status(request, region, pk, document_pk):
    """Permission: participation.manage (region administrator and policy staff)."""
    trajectory = _managed(request, region, pk)
    document = get_object_or_404(
        TrajectoryDocument, region=region, trajectory=trajectory, pk=document_pk
    )
    form = forms.DocumentStatusForm(
        _data(request),
        initial={
            "decision_status": document.decision_status,
            "decided_on": document.decided_on,
            "decided_by": document.decided_by,
        },
    )
    return _form_page(
        request,
        region,
        trajectory,
        form,
        step="document_status",
        call=lambda d: services.document_status_set(actor=request.user, document=document, **d),
        done=_("The decision status has been saved."),
        document=document,
    )


@login_required
@region_view
def trajectory_document_download(request, region, pk, document_pk):
    """Permission: participation.view (any member of the region). Served as an attachment with
    the type its content was checked as, under its original name."""
    require_perm(request.user, VIEW, region)
    trajectory = queries.trajectory_get(region, pk)
    document = get_object_or_404(
        TrajectoryDocument, region=region, trajectory=trajectory, pk=document_pk
    )
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response

"""Each region's public participation site (P7), at /doe-mee/<region>/: no account, no login.
For young people, parents and anyone in the region: the trajectory with its updates, phases,
documents and the plan's actions with the input they came from; upcoming events, open
campaigns, stories, ideas, the register of participation initiatives, and "you said, we did".

Every page finds its region by slug (unknown → 404) and takes the region's theme and time zone
(`public_region_view`). Only what is public shows (queries_public_site.py); a trajectory that is
not published, or another region's, is 404, and so are its documents. The pages are plain HTML:
links and a GET filter, no script.
"""

from django import forms
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from aantafel.core.forms import Form
from aantafel.regions.decorators import public_region_view

from . import queries_public_site as queries
from .models import InitiativeKind, TrajectoryDocument


class InitiativeKindFilter(Form):
    """The register's filter: one kind, or all."""

    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("(all kinds)")), *InitiativeKind.choices],
        required=False,
    )

    def chosen(self) -> str:
        return self.cleaned_data["kind"] if self.is_valid() else ""


@require_GET
@public_region_view
def participation_public_home(request, region):
    """Permission: anyone, without an account (P7). The region's participation home: its
    published trajectory (if it has one), upcoming events, open campaigns, the newest stories,
    the most supported ideas and the way to the register and to "you said, we did"."""
    return render(
        request,
        "participation/public/site_home.html",
        {"region": region, "home": queries.site_home(region)},
    )


@require_GET
@public_region_view
def trajectory_public_detail(request, region, pk):
    """Permission: anyone, without an account (P7): a published trajectory of the region (a
    draft, or another region's, 404) with its pillars, phases, documents, the plan's actions and
    its published updates, ten a page."""
    trajectory = queries.public_trajectory_get(region, pk)
    detail = queries.public_trajectory(trajectory)
    updates = Paginator(queries.public_updates(trajectory), queries.UPDATES_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "participation/public/site_trajectory.html",
        {"region": region, "trajectory": trajectory, "detail": detail, "updates": updates},
    )


@require_GET
@public_region_view
def trajectory_public_document(request, region, pk, doc_pk):
    """Permission: anyone, without an account (P7): a document of a published trajectory of the
    region (else 404). Served as the staff download is (views_trajectories): an attachment with
    the type its content was checked as, under its original name."""
    trajectory = queries.public_trajectory_get(region, pk)
    document = get_object_or_404(
        TrajectoryDocument, region=region, trajectory=trajectory, pk=doc_pk
    )
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    # Not kept in any cache: once the trajectory goes off the public site, so do its documents.
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@public_region_view
def initiative_public_list(request, region):
    """Permission: anyone, without an account (P6, P7): the register of the region's active
    participation initiatives, filtered by kind with a plain GET form, 25 a page."""
    form = InitiativeKindFilter(request.GET or None)
    kind = form.chosen()
    page = Paginator(queries.active_initiatives(region, kind), queries.REGISTER_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "participation/public/site_register.html",
        {"region": region, "form": form, "page": page, "kind": kind},
    )

"""M11: a meeting's agenda, documents and minutes as archival PDFs, and the search page."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from aantafel.bodies.models import Body
from aantafel.bodies.permissions import bodies_visible_to
from aantafel.core.forms import Form
from aantafel.core.permissions import require_perm
from aantafel.regions.decorators import region_view

from .. import pdf
from ..permissions import meeting_get_for_user
from ..search import MAX_QUERY_LENGTH, SearchKind, search


class SearchForm(Form):
    """A GET form: the address of a search can be bookmarked and shared."""

    q = forms.CharField(label=_("Search for"), max_length=MAX_QUERY_LENGTH, required=False)
    kind = forms.ChoiceField(
        label=_("In"),
        choices=[("", _("agendas, minutes and decisions")), *SearchKind.choices],
        required=False,
    )
    body = forms.ModelChoiceField(
        label=_("Body"),
        queryset=Body.objects.none(),
        required=False,
        empty_label=_("all bodies"),
    )

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies  # type: ignore[attr-defined]


@login_required
@region_view
def meeting_agenda_pdf(request, region, pk):
    """Permission: meetings.view_meeting (any member of the region); confidential items only
    with meetings.view_confidential (the body's chair, supporter and members)."""
    meeting = meeting_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.view_meeting", meeting)
    return pdf.agenda_pdf(request, meeting)


@login_required
@region_view
def meeting_documents_pdf(request, region, pk):
    """Permission: meetings.view_meeting (any member of the region); documents of confidential
    items only with meetings.view_confidential."""
    meeting = meeting_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.view_meeting", meeting)
    return pdf.documents_pdf(request, meeting)


@login_required
@region_view
def meeting_minutes_pdf(request, region, pk):
    """Permission: meetings.view_meeting (any member of the region) for approved minutes; draft
    minutes with meetings.view_confidential (the body's seated members) or
    meetings.manage_meeting (else 403), as the minutes page. No minutes: 404."""
    meeting = meeting_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.view_meeting", meeting)
    return pdf.minutes_pdf(request, meeting)


@login_required
@region_view
def search_page(request, region):
    """Permission: regions.view_region (any member of the region); results only of what the
    person may see (confidential items and draft minutes for the body's seated members)."""
    require_perm(request.user, "regions.view_region", region)
    bodies = bodies_visible_to(request.user, region).order_by("name")
    form = SearchForm(request.GET or None, bodies=bodies)
    results = None
    if form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        results = search(
            request.user,
            region,
            data["q"],
            kind=data["kind"] or None,
            body=data["body"],
            page=_page(request),
        )
    return render(
        request,
        "meetings/search.html",
        {"form": form, "results": results, "query_string": _without_page(request)},
    )


def _page(request) -> int:
    try:
        return max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return 1


def _without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()

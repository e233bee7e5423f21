"""M13: a body's yearly report, as a page and as an archival PDF."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from aantafel.bodies.permissions import body_get_for_user
from aantafel.core.permissions import require_perm
from aantafel.meetings import pdf
from aantafel.regions.decorators import region_view

from . import queries


def _report(request, region, pk, year):
    if not queries.FIRST_YEAR <= year <= queries.LAST_YEAR:
        raise Http404
    body = body_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.view_meeting", body)
    parent = body.parent
    report = queries.year_report(
        body,
        year,
        include_confidential=request.user.has_perm("meetings.view_confidential", body),
        include_parent_confidential=bool(
            parent and request.user.has_perm("meetings.view_confidential", parent)
        ),
    )
    return body, report


@login_required
@region_view
def body_year_report(request, region, pk, year):
    """Permission: meetings.view_meeting on the body (any member of the region); decisions and
    actions of confidential items only with meetings.view_confidential."""
    body, report = _report(request, region, pk, year)
    return render(
        request,
        "reports/year_report.html",
        {
            "body": body,
            "report": report,
            "years": queries.report_years(body),
        },
    )


@login_required
@region_view
def body_year_report_pdf(request, region, pk, year):
    """Permission: meetings.view_meeting on the body (any member of the region); decisions and
    actions of confidential items only with meetings.view_confidential."""
    body, report = _report(request, region, pk, year)
    content = pdf.render_template_pdf(
        request,
        "reports/pdf/year_report.html",
        {"body": body, "region": region, "report": report},
        region_theme=region.theme,
    )
    return pdf.pdf_response(content, pdf.pdf_filename("jaarverslag", body.name, year))

"""Staff pages of client tests (S5), under /regio/<region_slug>/. Every view names its
permission; a test outside the user's region, or of a body they are not in, is 404."""

import csv
from collections.abc import Iterable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from aantafel.core.errors import DomainError
from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm
from aantafel.meetings import pdf
from aantafel.regions.decorators import region_view

from . import links, queries, services
from .forms import ClientTestForm, LinksForm
from .models import ClientTest
from .permissions import client_test_get_for_user, client_tests_visible_to, manageable_bodies

# A cell starting with one of these is a formula to a spreadsheet; a quote keeps it text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _csv(filename: str, rows: Iterable[list]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    writer = csv.writer(response)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return response


def answer_url(request, link) -> str:
    return request.build_absolute_uri(reverse("client_test_answer", args=[links.token_for(link)]))


@require_GET
@login_required
@region_view
def client_test_list(request, region):
    """Permission: any member of the region; each sees the tests of the bodies they are a
    current member of (region administrator and policy staff: all of the region's)."""
    tests = queries.client_test_list(client_tests_visible_to(request.user, region))
    return render(
        request,
        "clienttests/list.html",
        {
            "tests": tests,
            "can_add": request.user.has_perm("clienttests.add_test", region),
        },
    )


@login_required
@region_view
def client_test_create(request, region):
    """Permission: clienttests.add_test (region administrator, policy staff, the supporter or
    chair of one of the region's bodies); the body chosen must be one they run."""
    require_perm(request.user, "clienttests.add_test", region)
    form = ClientTestForm(request.POST or None, bodies=manageable_bodies(request.user, region))
    if request.method == "POST" and form.is_valid():
        test = call_service(form, lambda d: services.client_test_create(actor=request.user, **d))
        if isinstance(test, ClientTest):
            messages.success(
                request, _("The client test is saved as a draft. Make links, then open it.")
            )
            return redirect("client_test_detail", region.slug, test.pk)
    return render(request, "clienttests/form.html", {"form": form, "test": None})


@require_GET
@login_required
@region_view
def client_test_detail(request, region, pk):
    """Permission: clienttests.view_test (the body's current members, region administrator,
    policy staff); anyone else 404. The buttons need manage_test or make_links."""
    test = client_test_get_for_user(request.user, region, pk)
    user = request.user
    return render(
        request,
        "clienttests/detail.html",
        {
            "test": test,
            "figures": queries.link_figures(test, user),
            "answers": test.answers.count(),
            "can_manage": user.has_perm("clienttests.manage_test", test),
            "can_make_links": user.has_perm("clienttests.make_links", test),
        },
    )


@login_required
@region_view
def client_test_edit(request, region, pk):
    """Permission: clienttests.manage_test (region administrator, policy staff, the body's
    supporter or chair); other members of the body 403, anyone else 404."""
    test = client_test_get_for_user(request.user, region, pk)
    require_perm(request.user, "clienttests.manage_test", test)
    initial = {
        "title": test.title,
        "proposal": test.proposal,
        "document_url": test.document_url,
        "target_groups": test.target_groups,
        "closes_on": test.closes_on,
    }
    form = ClientTestForm(request.POST or None, initial=initial, bodies=None, fixed_body=test.body)
    if request.method == "POST" and form.is_valid():
        done = call_service(
            form, lambda d: services.client_test_update(actor=request.user, test=test, **d)
        )
        if done:
            messages.success(request, _("The client test has been saved."))
            return redirect("client_test_detail", region.slug, test.pk)
    return render(request, "clienttests/form.html", {"form": form, "test": test})


def _step(request, region, pk, service, done: str):
    test = client_test_get_for_user(request.user, region, pk)
    require_perm(request.user, "clienttests.manage_test", test)
    try:
        service(actor=request.user, test=test)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, done)
    return redirect("client_test_detail", region.slug, test.pk)


@require_POST
@login_required
@region_view
def client_test_open(request, region, pk):
    """Permission: clienttests.manage_test. The links start to work."""
    return _step(request, region, pk, services.client_test_open, _("The client test is open."))


@require_POST
@login_required
@region_view
def client_test_close(request, region, pk):
    """Permission: clienttests.manage_test. No more answers; the report stays."""
    return _step(request, region, pk, services.client_test_close, _("The client test is closed."))


@login_required
@region_view
def client_test_links(request, region, pk):
    """Permission: clienttests.make_links (those who manage the test, and the body's current
    representatives); other members of the body 403, anyone else 404. Each sees only the links
    they made themselves."""
    test = client_test_get_for_user(request.user, region, pk)
    require_perm(request.user, "clienttests.make_links", test)
    form = LinksForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        made = call_service(
            form,
            lambda d: services.client_test_links_create(actor=request.user, test=test, **d),
        )
        if made:
            messages.success(
                request,
                _("%(count)s links made. Hand out one link per person.")
                % {"count": number_format(len(made))},
            )
            return redirect("client_test_links", region.slug, test.pk)
    mine = [(link, answer_url(request, link)) for link in queries.links_made_by(test, request.user)]
    return render(
        request,
        "clienttests/links.html",
        {"test": test, "form": form, "links": mine, "takes_links": test.status != "closed"},
    )


@require_GET
@login_required
@region_view
def client_test_links_export(request, region, pk):
    """Permission: clienttests.make_links. The user's own links as CSV, to mail or print."""
    test = client_test_get_for_user(request.user, region, pk)
    require_perm(request.user, "clienttests.make_links", test)
    yes, no = _("yes"), _("no")
    rows: list[list] = [[_("Link"), _("Label"), _("Valid until"), _("Answered")]]
    rows += [
        [
            answer_url(request, link),
            link.label,
            (link.expires_on or test.closes_on).isoformat(),
            yes if link.used_at else no,
        ]
        for link in queries.links_made_by(test, request.user)
    ]
    return _csv(f"links-{slugify(test.title)}-{timezone.localdate():%Y%m%d}.csv", rows)


@require_GET
@login_required
@region_view
def client_test_report(request, region, pk):
    """Permission: clienttests.view_test; anyone else 404."""
    test = client_test_get_for_user(request.user, region, pk)
    return render(
        request,
        "clienttests/report.html",
        {"test": test, "report": queries.client_test_report(test)},
    )


@require_GET
@login_required
@region_view
def client_test_report_pdf(request, region, pk):
    """Permission: clienttests.view_test. The report as an archival PDF (PDF/A-3b)."""
    test = client_test_get_for_user(request.user, region, pk)
    content = pdf.render_template_pdf(
        request,
        "clienttests/pdf/report.html",
        {
            "test": test,
            "report": queries.client_test_report(test),
            "body": test.body,
            "region": region,
        },
        region_theme=region.theme,
    )
    return pdf.pdf_response(
        content, pdf.pdf_filename("clienttoets", test.title, timezone.localdate())
    )


@require_GET
@login_required
@region_view
def client_test_report_csv(request, region, pk):
    """Permission: clienttests.view_test. The figures per target group and question, then the
    comments, as CSV; small groups as on the page (queries.MIN_ANSWERS_SHOWN)."""
    test = client_test_get_for_user(request.user, region, pk)
    report = queries.client_test_report(test)
    rows: list[list] = [
        [_("Target group"), _("Question"), _("Answers"), _("Average"), "1", "2", "3", "4", "5"]
    ]
    for group in [*report.groups, report.overall]:
        name = group.label or _("Everyone")
        if not group.shown:
            rows.append([name, "", group.answers, "", "", "", "", "", ""])
            continue
        for d in group.dimensions:
            average = number_format(d.average, 1) if d.average is not None else ""
            rows.append([name, d.question, d.answers, average, *(s.count for s in d.distribution)])
    rows.append([])
    rows.append([_("Target group"), _("Question"), _("Comment")])
    for group in report.groups:
        for comments in group.comments:
            rows += [[group.label, comments.question, text] for text in comments.texts]
    return _csv(f"clienttoets-{slugify(test.title)}-{timezone.localdate():%Y%m%d}.csv", rows)

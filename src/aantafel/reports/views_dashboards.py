"""S6: the dashboards of the feedback loop as pages, and each table as CSV and XLSX.

Every page and download needs reports.view_dashboards on the region (its administrator and
policy staff, the supporters and chairs of its bodies): another member of the region gets 403,
a user of another region 404, an anonymous visitor the login page.
"""

import datetime

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from aantafel.bodies.models import Body
from aantafel.core.forms import Form, set_queryset
from aantafel.core.permissions import require_perm
from aantafel.regions.decorators import region_view
from aantafel.regions.models import Region

from . import charts, exports
from .dashboards import (
    DASHBOARDS,
    MAX_MONTHS,
    Dashboard,
    Period,
    Table,
    dashboard_by_slug,
    parse_month,
    period_from_input,
    period_problem,
)

PERM = "reports.view_dashboards"
MONTH_WIDGET = forms.TextInput(
    attrs={"type": "month", "pattern": r"\d{4}-\d{2}", "placeholder": "2026-01"}
)


class MonthField(forms.CharField):
    default_error_messages = {"invalid": _("Give a year and month, such as 2026-01.")}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        month = parse_month(value)
        if month is None or not 2000 <= month.year <= 2100:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return month


class DashboardFilterForm(Form):
    """The period of a dashboard in whole months, and for attendance optionally one body."""

    from_month = MonthField(
        label=_("From month"),
        required=False,
        widget=MONTH_WIDGET,
        help_text=_("Year and month, such as 2026-01."),
    )
    to_month = MonthField(
        label=_("To month"),
        required=False,
        widget=MONTH_WIDGET,
        help_text=_("Year and month, such as 2026-12."),
    )
    body = forms.ModelChoiceField(
        label=_("Body"), queryset=Body.objects.none(), required=False, empty_label=_("All bodies")
    )

    def __init__(self, *args, region: Region, with_body: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        if with_body:
            set_queryset(self, "body", Body.objects.filter(region=region).order_by("name"))
        else:
            del self.fields["body"]

    def clean(self):
        data = super().clean() or {}
        problem = period_problem(data.get("from_month"), data.get("to_month"))
        if problem == "order":
            self.add_error("to_month", ValidationError(_("Ends before it starts."), code="order"))
        elif problem == "too_long":
            self.add_error(
                "to_month",
                ValidationError(
                    _("Choose at most %(months)s months."),
                    code="too_long",
                    params={"months": MAX_MONTHS},
                ),
            )
        return data

    def period(self) -> Period:
        if not self.is_valid():
            return Period.default(self.region)
        return period_from_input(
            self.region, self.cleaned_data["from_month"], self.cleaned_data["to_month"]
        )

    def selected_body(self) -> Body | None:
        return self.cleaned_data.get("body") if self.is_valid() else None


def _resolve(request, region: Region, slug: str) -> tuple[Dashboard, DashboardFilterForm]:
    require_perm(request.user, PERM, region)
    dashboard = dashboard_by_slug(slug)
    if dashboard is None:
        raise Http404
    default = Period.default(region)
    form = DashboardFilterForm(
        request.GET or None,
        region=region,
        with_body=dashboard.body_filter,
        initial={"from_month": month_value(default.first), "to_month": month_value(default.last)},
    )
    return dashboard, form


def _tables(dashboard: Dashboard, region: Region, form: DashboardFilterForm) -> list[Table]:
    return dashboard.build(region, form.period(), body=form.selected_body())


@login_required
@region_view
def dashboard_index(request, region):
    """Permission: reports.view_dashboards (region administrator, policy staff, supporters and
    chairs of the region's bodies); other members 403."""
    require_perm(request.user, PERM, region)
    return render(
        request,
        "reports/dashboard_index.html",
        {"dashboards": DASHBOARDS.values(), "period": Period.default(region)},
    )


@login_required
@region_view
def dashboard_page(request, region, slug):
    """Permission: reports.view_dashboards (region administrator, policy staff, supporters and
    chairs of the region's bodies); other members 403."""
    dashboard, form = _resolve(request, region, slug)
    period = form.period()
    tables = _tables(dashboard, region, form)
    sections = []
    for table in tables:
        caption_id = f"chart-{table.key}-caption"
        sections.append(
            {
                "table": table,
                "caption_id": caption_id,
                "svg": charts.render_chart(
                    table, chart_id=f"chart-{table.key}", labelled_by=caption_id
                ),
                "rows": _display_rows(table),
            }
        )
    query = request.GET.copy()
    return render(
        request,
        "reports/dashboard.html",
        {
            "dashboard": dashboard,
            "dashboards": DASHBOARDS.values(),
            "form": form,
            "period": period,
            "sections": sections,
            "query": query.urlencode(),
        },
    )


def _display_rows(table: Table) -> list[list[dict]]:
    """Each cell with what the template needs: its value, its kind, whether it is a number."""
    return [
        [
            {"value": value, "kind": column.kind, "numeric": column.numeric}
            for value, column in zip(row, table.columns, strict=True)
        ]
        for row in table.rows
    ]


@login_required
@region_view
def dashboard_export(request, region, slug, table_key, fmt):
    """Permission: reports.view_dashboards. One table of a dashboard, the rows the page shows,
    as CSV or XLSX."""
    dashboard, form = _resolve(request, region, slug)
    table = next((t for t in _tables(dashboard, region, form) if t.key == table_key), None)
    if table is None:
        raise Http404
    name = exports.filename(table, region.slug, form.period(), fmt)
    if fmt == "xlsx":
        return exports.xlsx_response(table, name)
    return exports.csv_response(table, name)


def month_value(month: datetime.date) -> str:
    return f"{month:%Y-%m}"

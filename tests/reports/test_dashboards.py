"""S6: the dashboards show the loop at a glance — signals by status and theme over time, time
from signal to answer, attendance per constituency — each chart server-rendered SVG with an
accessible table beside it and CSV/XLSX downloads of exactly that table."""

import csv
import datetime
import io
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import openpyxl
import pytest
from django.urls import reverse

from aantafel.reports import dashboards
from aantafel.reports.dashboards import Period
from tests import factories as f

from .dashboard_scene import PERIOD, build_advice, build_attendance, build_signals, staff_user

JAN, FEB, MAR = datetime.date(2025, 1, 1), datetime.date(2025, 2, 1), datetime.date(2025, 3, 1)
STATUS_COLUMNS = ["month", "new", "in_preparation", "on_the_table", "answered", "follow_up"]


@pytest.fixture
def data(region, other_region):
    return build_signals(region, other_region)


@pytest.fixture
def meetings(region, other_region, body):
    return build_attendance(region, other_region, body)


@pytest.fixture
def advice(region, other_region, body):
    return build_advice(region, other_region, body)


def page_url(region, slug):
    return reverse("dashboard", args=[region.slug, slug])


def export_url(region, slug, key, fmt):
    return reverse("dashboard_export", args=[region.slug, slug, key, fmt])


class _Tables(HTMLParser):
    """The cells of each table on a page, by the table's id, as text."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._table = None
        self._cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self._table = self.tables.setdefault(attrs.get("id") or "", [])
        elif tag == "tr" and self._table is not None:
            self._table.append([])
        elif tag in ("td", "th") and self._table is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self._table is not None:
            self._table[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def html_tables(response) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(response.content.decode())
    return parser.tables


def svgs(response) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", response.content.decode(), re.DOTALL)


def read_csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def read_xlsx(response) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)], sheet


def table(tables, key):
    return next(t for t in tables if t.key == key)


def period(region):
    return Period.of(region, JAN, datetime.date(2025, 6, 1))


# --- The numbers ----------------------------------------------------------------------------------


def test_s6_signals_by_status_per_month_in_the_regions_time_zone(region, data):
    status = dashboards.signals_by_status(region, period(region))
    rows = {row["month"]: row for row in status.as_dicts()}
    assert list(rows) == [datetime.date(2025, m, 1) for m in range(1, 7)]
    # B at 23:30 on 31 January in Brussels is January; D at 00:30 on 1 February is February.
    # C is a safety concern and counts; E, the duplicate, and the other region's do not.
    assert rows[JAN] | {"month": None} == {
        "month": None,
        "new": 2,
        "in_preparation": 0,
        "on_the_table": 0,
        "answered": 0,
        "follow_up": 0,
        "closed": 1,
        "total": 3,
    }
    assert (rows[FEB]["new"], rows[FEB]["answered"], rows[FEB]["total"]) == (1, 3, 4)
    assert (rows[MAR]["answered"], rows[MAR]["total"]) == (1, 1)
    assert all(rows[datetime.date(2025, m, 1)]["total"] == 0 for m in (4, 5, 6))


def test_s6_signals_by_theme_per_month(region, data):
    themes = dashboards.signals_by_theme(region, period(region))
    keys = [c.key for c in themes.columns]
    # Themes in alphabetical order; the other region's theme is not a column.
    assert keys == ["month", f"theme_{data.school.pk}", f"theme_{data.waiting.pk}", "no_theme"]
    assert [str(c.label) for c in themes.columns[1:3]] == ["Onderwijs", "Wachtlijsten"]
    rows = {row[0]: row[1:] for row in themes.rows}
    assert rows[JAN] == [1, 2, 1]  # A: both themes, B: Wachtlijsten, C: none; E left out
    assert rows[FEB] == [1, 0, 3]
    assert rows[MAR] == [0, 0, 1]


def test_s6_time_to_answer_median_p90_and_weeks(region, data):
    [answer] = dashboards.answer_time(region, period(region))
    rows = {row["month"]: row for row in answer.as_dicts()}
    assert rows[MAR] == {
        "month": MAR,
        "answered": 5,  # the answered duplicate is left out
        "median_days": 30.0,
        "p90_days": 76.0,
        "within_4_weeks": 2,
        "weeks_4_to_8": 2,
        "weeks_8_to_12": 0,
        "over_12_weeks": 1,
    }
    assert rows[JAN]["answered"] == 0
    assert rows[JAN]["median_days"] is None


def test_s6_the_percentile_fallback_matches_percentile_cont():
    assert dashboards.percentile_cont([], 0.5) is None
    assert dashboards.percentile_cont([7.0], 0.9) == 7.0
    assert dashboards.percentile_cont([10, 20, 30, 40, 100], 0.5) == 30
    assert dashboards.percentile_cont([100, 10, 40, 20, 30], 0.9) == pytest.approx(76.0)
    assert dashboards.percentile_cont([1, 2], 0.5) == 1.5


def test_s6_attendance_per_constituency(region, meetings):
    [att] = dashboards.attendance(region, period(region))
    assert att.as_dicts() == [
        {
            "constituency": "Jongeren",
            "invited": 2,
            "present": 1,
            "excused": 0,
            "absent": 1,
            "not_recorded": 0,
            "present_percent": 50.0,
        },
        {
            "constituency": "Ouders",
            "invited": 2,
            "present": 1,
            "excused": 1,
            "absent": 0,
            "not_recorded": 0,
            "present_percent": 50.0,
        },
    ]
    [one_body] = dashboards.attendance(region, period(region), body=meetings.body2)
    assert [
        (r["constituency"], r["invited"], r["present_percent"]) for r in one_body.as_dicts()
    ] == [("Ouders", 1, 100.0)]


def test_s6_advice_adoption_per_quarter(region, advice):
    [table_] = dashboards.advice_adoption(region, period(region))
    assert table_.as_dicts() == [
        {
            "quarter": "2025-Q1",
            "given": 1,
            "adopted": 1,
            "partly_adopted": 0,
            "not_adopted": 0,
            "no_response": 0,
            "on_time": 1,  # given on the deadline day
            "late": 0,
        },
        {
            "quarter": "2025-Q2",
            "given": 3,
            "adopted": 0,
            "partly_adopted": 1,
            "not_adopted": 1,
            "no_response": 1,
            "on_time": 1,
            "late": 2,  # 00:30 on 1 April in Brussels is after a deadline of 31 March
        },
    ]
    [one_body] = dashboards.advice_adoption(region, period(region), body=advice.second)
    assert [(r["quarter"], r["given"], r["late"]) for r in one_body.as_dicts()] == [
        ("2025-Q1", 0, 0),
        ("2025-Q2", 1, 1),
    ]


def test_s6_the_period_filter_narrows_the_months(client, region, region_admin, data):
    client.force_login(region_admin)
    response = client.get(
        page_url(region, "signalen"), {"from_month": "2025-02", "to_month": "2025-03"}
    )
    assert response.status_code == 200
    status = response.context["sections"][0]["table"]
    assert status.key == "status"
    assert [row[0] for row in status.rows] == [FEB, MAR]
    assert response.context["period"].first == FEB


def test_s6_the_default_period_is_the_last_twelve_months(client, region, region_admin):
    client.force_login(region_admin)
    response = client.get(page_url(region, "signalen"))
    months = response.context["sections"][0]["table"].values("month")
    assert len(months) == 12
    assert months[-1] == Period.default(region).last
    assert response.context["form"]["from_month"].value() == f"{months[0]:%Y-%m}"


@pytest.mark.parametrize(
    ("query", "field", "code"),
    [
        ({"from_month": "2025-13"}, "from_month", "invalid"),
        ({"from_month": "2025-06", "to_month": "2025-01"}, "to_month", "order"),
        ({"from_month": "2015-01", "to_month": "2025-01"}, "to_month", "too_long"),
    ],
)
def test_s6_a_wrong_period_is_explained_and_the_default_shown(
    client, region, region_admin, query, field, code
):
    client.force_login(region_admin)
    response = client.get(page_url(region, "signalen"), query)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error(field, code)
    assert response.context["period"] == Period.default(region)


def test_s6_another_regions_data_never_counts(
    client, other_region, outsider, data, meetings, advice
):
    """The outsider administers the other region: its dashboards hold only its own data."""
    client.force_login(outsider)
    signals = client.get(page_url(other_region, "signalen"), PERIOD).context["sections"]
    assert sum(signals[0]["table"].values("total")) == 1
    attendance = client.get(page_url(other_region, "aanwezigheid"), PERIOD).context["sections"]
    assert attendance[0]["table"].as_dicts()[0]["invited"] == 1
    given = client.get(page_url(other_region, "adviezen"), PERIOD).context["sections"]
    assert sum(given[0]["table"].values("given")) == 1


def test_s6_the_page_says_duplicates_are_left_out(client, region, region_admin, data):
    client.force_login(region_admin)
    response = client.get(page_url(region, "signalen"), PERIOD)
    for section in response.context["sections"]:
        assert dashboards.DUPLICATES_NOTE in section["table"].notes
    assert str(dashboards.DUPLICATES_NOTE) in response.content.decode()


def test_s6_no_dashboard_shows_the_text_of_a_signal(client, region, region_admin, data):
    client.force_login(region_admin)
    for slug in ("signalen", "antwoordtijd"):
        content = client.get(page_url(region, slug), PERIOD).content.decode()
        assert data.c.text not in content
        assert data.a.text not in content


# --- Charts and tables ----------------------------------------------------------------------------


@pytest.mark.parametrize("slug", ["signalen", "antwoordtijd", "adviezen", "aanwezigheid"])
def test_s6_each_chart_is_inline_svg_without_external_urls(
    client, region, region_admin, data, meetings, advice, slug
):
    client.force_login(region_admin)
    response = client.get(page_url(region, slug), PERIOD)
    content = response.content.decode()
    found = svgs(response)
    assert len(found) == len(response.context["sections"]) >= 1
    for svg in found:
        ET.fromstring(svg)  # noqa: S314  (well-formed; our own page)
        assert 'role="img"' in svg
        labelled_by = re.search(r'aria-labelledby="([^"]+)"', svg).group(1)
        assert f'id="{labelled_by}"' in content  # the figure's caption
        assert "http" not in svg
        assert "url(" not in svg
        assert "<script" not in svg
        assert "href" not in svg
    assert "<script" not in content.split("<main", 1)[1].split("</main>", 1)[0]
    ids = re.findall(r'\bid="([^"]+)"', content)
    assert len(ids) == len(set(ids)), "ids repeat on the page"


def test_s6_the_table_beside_the_chart_holds_the_numbers(client, region, region_admin, data):
    client.force_login(region_admin)
    response = client.get(page_url(region, "signalen"), PERIOD)
    tables = html_tables(response)
    status = tables["table-status"]
    header, january = status[0], status[1]
    assert len(header) == 8
    assert january[1:] == ["2", "0", "0", "0", "0", "1", "3"]
    assert len(status) == 1 + 6  # the header and six months
    content = response.content.decode()
    assert 'scope="col"' in content
    assert 'scope="row"' in content
    assert '<caption class="utrecht-table__caption" id="table-status-caption">' in content

    answer = html_tables(client.get(page_url(region, "antwoordtijd"), PERIOD))["table-answer-time"]
    march = answer[3]
    assert march[1:] == ["5", "30,0", "76,0", "2", "2", "0", "1"] or march[1:] == [
        "5",
        "30.0",
        "76.0",
        "2",
        "2",
        "0",
        "1",
    ]
    assert answer[1][2] == "–"  # January: nothing answered, no median


def test_s6_attendance_table_and_body_filter(client, region, region_admin, meetings):
    client.force_login(region_admin)
    response = client.get(page_url(region, "aanwezigheid"), PERIOD)
    rows = html_tables(response)["table-attendance"]
    assert [r[0] for r in rows[1:]] == ["Jongeren", "Ouders"]
    assert rows[1][1:6] == ["2", "1", "0", "1", "0"]
    response = client.get(page_url(region, "aanwezigheid"), {**PERIOD, "body": meetings.body2.pk})
    rows = html_tables(response)["table-attendance"]
    assert [r[0] for r in rows[1:]] == ["Ouders"]
    # A body of another region is no choice.
    elsewhere = f.BodyFactory()
    response = client.get(page_url(region, "aanwezigheid"), {**PERIOD, "body": elsewhere.pk})
    assert response.context["form"].has_error("body")


# --- Downloads ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "key"),
    [
        ("signalen", "status"),
        ("signalen", "themes"),
        ("antwoordtijd", "answer-time"),
        ("adviezen", "advice"),
        ("aanwezigheid", "attendance"),
    ],
)
def test_s6_csv_and_xlsx_hold_the_rows_of_the_table(
    client, region, region_admin, data, meetings, advice, slug, key
):
    client.force_login(region_admin)
    page = client.get(page_url(region, slug), PERIOD)
    section = next(s for s in page.context["sections"] if s["table"].key == key)
    shown = section["table"]
    content = page.content.decode()
    assert export_url(region, slug, key, "csv") + "?" in content
    assert export_url(region, slug, key, "xlsx") + "?" in content

    response = client.get(export_url(region, slug, key, "csv"), PERIOD)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert f"{key}-{region.slug}-2025-01-2025-06.csv" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0] == [str(c.label) for c in shown.columns]
    assert len(rows) == 1 + len(shown.rows)

    def csv_value(value, column):
        if value is None:
            return ""
        if column.kind == "month":
            return f"{value:%Y-%m}"
        return str(value)

    assert rows[1:] == [
        [csv_value(v, c) for v, c in zip(row, shown.columns, strict=True)] for row in shown.rows
    ]

    response = client.get(export_url(region, slug, key, "xlsx"), PERIOD)
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    xlsx_rows, sheet = read_xlsx(response)
    assert xlsx_rows[0] == [str(c.label) for c in shown.columns]
    assert sheet.cell(row=1, column=1).font.bold

    def xlsx_value(value, column):
        if column.kind == "month":
            return datetime.datetime.combine(value, datetime.time())
        return value

    assert xlsx_rows[1:] == [
        [xlsx_value(v, c) for v, c in zip(row, shown.columns, strict=True)] for row in shown.rows
    ]
    numbers = [v for row in xlsx_rows[1:] for v in row[1:] if v is not None]
    assert numbers
    assert all(isinstance(v, int | float) for v in numbers)


def test_s6_an_unknown_dashboard_or_table_is_404(client, region, region_admin):
    client.force_login(region_admin)
    assert client.get(page_url(region, "onbekend")).status_code == 404
    assert client.get(export_url(region, "signalen", "attendance", "csv")).status_code == 404


def test_s6_a_formula_in_a_name_is_not_run_by_a_spreadsheet(client, region, region_admin, body):
    youth = f.ConstituencyFactory(region=region, name="=HYPERLINK(1)")
    rep = f.MembershipFactory(body=body, constituency=youth)
    from .dashboard_scene import at, meeting

    f.AttendanceFactory(
        meeting=meeting(body, at(2025, 2, 3, 14)), user=rep.user, membership=rep, presence="present"
    )
    client.force_login(region_admin)
    rows = read_csv(client.get(export_url(region, "aanwezigheid", "attendance", "csv"), PERIOD))
    assert rows[1][0] == "'=HYPERLINK(1)"


# --- Who may see them -----------------------------------------------------------------------------

ALLOWED = {"region_admin": 200, "staff": 200, "supporter": 200, "chair": 200, "member": 403}


@pytest.fixture
def users(region_admin, supporter, chair, member, outsider, region):
    return {
        "region_admin": region_admin,
        "staff": staff_user(region),
        "supporter": supporter,
        "chair": chair,
        "member": member,
        "outsider": outsider,
    }


@pytest.mark.parametrize("role", [*ALLOWED, "outsider", "anonymous"])
@pytest.mark.parametrize(
    "target",
    [
        lambda r: reverse("dashboard_index", args=[r.slug]),
        lambda r: page_url(r, "signalen"),
        lambda r: page_url(r, "antwoordtijd"),
        lambda r: page_url(r, "adviezen"),
        lambda r: page_url(r, "aanwezigheid"),
        lambda r: export_url(r, "signalen", "status", "csv"),
        lambda r: export_url(r, "aanwezigheid", "attendance", "xlsx"),
    ],
    ids=["index", "signals", "answer-time", "advice", "attendance", "csv", "xlsx"],
)
def test_s6_who_may_see_the_dashboards(client, region, users, role, target):
    if role != "anonymous":
        client.force_login(users[role])
    response = client.get(target(region))
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == ALLOWED.get(role, 404)


def test_s6_a_former_supporter_no_longer_sees_them(client, body):
    former = f.MembershipFactory(body=body, supporter=True, ended=True).user
    client.force_login(former)
    assert client.get(page_url(body.region, "signalen")).status_code == 403

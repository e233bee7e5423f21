"""The dashboards through the API (PRODUCT.md S6): the same tables as the pages and downloads,
and the same permission — anonymous 401, a user of another region 404, a member who may not
see the dashboards 403."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aantafel.regions.models import RegionRole
from aantafel.reports import api as reports_api
from aantafel.reports import dashboards
from aantafel.reports.dashboards import Period

from .. import factories as f
from ..reports.dashboard_scene import PERIOD, build_advice, build_attendance, build_signals
from .conftest import problem_fields
from .matrix import check, client_for, each_role, routes, rows

ROLES = ["anonymous", "region_admin", "staff", "supporter", "chair", "member", "outsider"]
VIEW = {"region_admin": 200, "staff": 200, "supporter": 200, "chair": 200, "member": 403}

# (url name, method, kwargs, expected per role)
ENDPOINTS = [("dashboard-detail", "get", {"name": name}, VIEW) for name in dashboards.DASHBOARDS]


@pytest.fixture
def users(region, region_admin, supporter, chair, member, outsider):
    return {
        "region_admin": region_admin,
        "staff": f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user,
        "supporter": supporter,
        "chair": chair,
        "member": member,
        "outsider": outsider,
    }


def url(region, name: str) -> str:
    return reverse("v1:dashboard-detail", kwargs={"region_slug": region.slug, "name": name})


@each_role(
    ROLES,
    ("name", "method", "kwargs", "expected"),
    ENDPOINTS,
    ids=[f"{e[1]}-{e[0]}-{e[2]['name']}" for e in ENDPOINTS],
)
def test_s6_every_dashboard_endpoint_answers_each_role_as_the_pages_do(
    region, users, role, name, method, kwargs, expected
):
    address = reverse(f"v1:{name}", kwargs={"region_slug": region.slug, **kwargs})
    check(users, role, method, address, None, expected)


def test_dashboards_endpoints_are_all_in_the_matrix():
    assert routes(reports_api.urlpatterns) == rows(ENDPOINTS)
    assert {e[2]["name"] for e in ENDPOINTS} == set(dashboards.DASHBOARDS)


def test_s6_the_api_gives_the_same_tables_as_the_page(
    client, region, other_region, body, region_admin
):
    build_signals(region, other_region)
    api = client_for(region_admin)
    response = api.get(url(region, "signals"), PERIOD)
    assert response.status_code == 200
    data = response.json()
    assert data["period"] == {"from_month": "2025-01", "to_month": "2025-06"}
    status = next(t for t in data["tables"] if t["key"] == "status")
    assert status["rows"][0] == {
        "month": "2025-01",
        "new": 2,
        "in_preparation": 0,
        "on_the_table": 0,
        "answered": 0,
        "follow_up": 0,
        "closed": 1,
        "total": 3,
    }
    client.force_login(region_admin)
    page = client.get(reverse("dashboard", args=[region.slug, "signalen"]), PERIOD)
    shown = page.context["sections"][0]["table"]
    assert [c["key"] for c in status["columns"]] == [c.key for c in shown.columns]
    assert len(status["rows"]) == len(shown.rows)
    assert [n for t in data["tables"] for n in t["notes"]]  # duplicates are said to be left out


def test_s6_the_api_gives_percentiles_advice_and_attendance(
    region, other_region, body, region_admin
):
    build_signals(region, other_region)
    scene = build_attendance(region, other_region, body)
    build_advice(region, other_region, body)
    api = client_for(region_admin)
    [answer] = api.get(url(region, "answer-time"), PERIOD).json()["tables"]
    march = answer["rows"][2]
    assert (march["month"], march["median_days"], march["p90_days"]) == ("2025-03", 30.0, 76.0)
    assert answer["rows"][0]["median_days"] is None
    [advice] = api.get(url(region, "advice"), PERIOD).json()["tables"]
    assert [(r["quarter"], r["given"], r["late"]) for r in advice["rows"]] == [
        ("2025-Q1", 1, 0),
        ("2025-Q2", 3, 2),
    ]
    [attendance] = api.get(url(region, "attendance"), {**PERIOD, "body": scene.body2.pk}).json()[
        "tables"
    ]
    assert attendance["rows"] == [
        {
            "constituency": "Ouders",
            "invited": 1,
            "present": 1,
            "excused": 0,
            "absent": 0,
            "not_recorded": 0,
            "present_percent": 100.0,
        }
    ]


def test_s6_the_api_defaults_to_the_last_twelve_months(region, region_admin):
    data = client_for(region_admin).get(url(region, "signals")).json()
    default = Period.default(region)
    assert data["period"]["to_month"] == f"{default.last:%Y-%m}"
    assert len(data["tables"][0]["rows"]) == 12


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"from_month": "2025-13"}, "from_month"),
        ({"from_month": "2025-06", "to_month": "2025-01"}, "to_month"),
        ({"from_month": "2015-01", "to_month": "2025-01"}, "to_month"),
    ],
)
def test_s6_a_wrong_period_is_a_400_naming_the_field(region, region_admin, query, field):
    response = client_for(region_admin).get(url(region, "signals"), query)
    assert response.status_code == 400
    assert problem_fields(response) == [field]


def test_b1_a_body_of_another_region_is_unknown(region, other_region, region_admin):
    elsewhere = f.BodyFactory(region=other_region)
    response = client_for(region_admin).get(url(region, "attendance"), {"body": elsewhere.pk})
    assert response.status_code == 400
    assert problem_fields(response) == ["body"]


def test_s6_an_unknown_dashboard_is_404(region, region_admin):
    response = client_for(region_admin).get(url(region, "onbekend"))
    assert response.status_code == 404
    problem_fields(response)


def test_s6_the_api_has_a_fixed_query_budget(region, other_region, body, supporter):
    """As many queries with no data as with the known data set and more on top."""
    api = client_for(supporter)
    counts = {}
    for name in dashboards.DASHBOARDS:
        with CaptureQueriesContext(connection) as before:
            api.get(url(region, name), PERIOD)
        counts[name] = len(before.captured_queries)
    build_signals(region, other_region)
    build_attendance(region, other_region, body)
    build_advice(region, other_region, body)
    for _ in range(20):
        f.SignalFactory(region=region)
    for name in dashboards.DASHBOARDS:
        with CaptureQueriesContext(connection) as after:
            assert api.get(url(region, name), PERIOD).status_code == 200
        assert len(after.captured_queries) == counts[name], name
    assert max(counts.values()) <= 10

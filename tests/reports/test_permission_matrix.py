"""Every page of the dashboards (S6) against every role (docs/authorization.md, "Dashboards"):
`reports.view_dashboards` is for the region administrator, policy staff and the supporters and
chairs of the region's bodies; other members 403, the other region 404, anonymous to login.

Exhaustive by construction: a new URL of reports/urls_dashboards.py without a row fails
`test_every_dashboard_url_is_in_the_matrix`.
"""

from types import SimpleNamespace

import pytest

from aantafel.regions.models import RegionRole

from .. import factories as f
from ..page_matrix import NOT_FOUND, answers, get, uncovered

ROLES = ["anonymous", "member", "chair", "supporter", "staff", "region_admin", "outsider"]
VIEW = {"chair", "supporter", "staff", "region_admin"}  # reports.view_dashboards
URL_MODULES = ["aantafel.reports.urls_dashboards"]
DASHBOARDS = {
    "signalen": ("status", "themes"),
    "antwoordtijd": ("answer-time",),
    "adviezen": ("advice",),
    "aanwezigheid": ("attendance",),
}

MATRIX = [
    get("dashboard_index", lambda w: [w.slug], VIEW),
    *(get("dashboard", lambda w, d=slug: [w.slug, d], VIEW, label=slug) for slug in DASHBOARDS),
    *(
        get(
            "dashboard_export",
            lambda w, d=slug, t=table, x=fmt: [w.slug, d, t, x],
            VIEW,
            label=f"{table}.{fmt}",
        )
        for slug, tables in DASHBOARDS.items()
        for table in tables
        for fmt in ("csv", "xlsx")
    ),
]


@pytest.fixture
def world(region, body, other_region):
    users = {
        "member": f.MembershipFactory(body=body).user,
        "chair": f.MembershipFactory(body=body, chair=True).user,
        "supporter": f.MembershipFactory(body=body, supporter=True).user,
        "staff": f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user,
        "region_admin": f.RegionMembershipFactory(region=region, role=RegionRole.ADMIN).user,
        "outsider": f.RegionMembershipFactory(region=other_region, role=RegionRole.ADMIN).user,
    }
    return SimpleNamespace(users=users, slug=region.slug)


@pytest.mark.parametrize("row", MATRIX, ids=[row.id for row in MATRIX])
def test_b1_every_dashboard_page_answers_each_role_as_documented(world, row):
    assert answers(world, row, ROLES) == {role: row.expected(role) for role in ROLES}


def test_every_dashboard_url_is_in_the_matrix():
    assert uncovered(MATRIX, URL_MODULES) == ([], [])


def test_s6_an_unknown_dashboard_or_table_is_404(client, world):
    client.force_login(world.users["supporter"])
    assert client.get(f"/regio/{world.slug}/dashboards/bestaat-niet/").status_code == NOT_FOUND
    url = f"/regio/{world.slug}/dashboards/signalen/answer-time.csv"
    assert client.get(url).status_code == NOT_FOUND

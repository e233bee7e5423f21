"""S6: the dashboards are fast by construction. Every page and download answers in a fixed
number of queries, with no data and with much more: the numbers are aggregated in the
database, never by walking the signals in Python."""

import datetime

import pytest
from django.urls import reverse

from aantafel.meetings.models import Presence
from aantafel.signals.models import Signal
from aantafel.signals.workflow import SignalStatus
from tests import factories as f

from .dashboard_scene import (
    PERIOD,
    at,
    build_advice,
    build_attendance,
    build_signals,
    meeting,
)

# What every page costs before the dashboard: session, user, two-factor check, region role,
# memberships (middleware), the region, and the supporter's permission check.
BASE = 7
# The dashboard's own queries (the attendance and advice pages also list the bodies to filter).
OWN = {"signalen": 2, "antwoordtijd": 1, "adviezen": 2, "aanwezigheid": 2}
EXPORTS = {
    ("signalen", "status"): 2,  # a download builds the dashboard's tables, then picks one
    ("signalen", "themes"): 2,
    ("antwoordtijd", "answer-time"): 1,
    ("adviezen", "advice"): 1,
    ("aanwezigheid", "attendance"): 1,
}


def more_data(region, other_region, body):
    """The known data set, and many more signals, meetings and advice on top."""
    build_signals(region, other_region)
    scene = build_attendance(region, other_region, body)
    build_advice(region, other_region, body)
    themes = [f.PlanThemeFactory(region=region) for _ in range(5)]
    for i in range(60):
        s = f.SignalFactory(region=region)
        s.themes.set(themes[: i % 4])
        created = at(2025, 1 + i % 6, 1 + i % 27, 10)
        Signal.objects.filter(pk=s.pk).update(
            created_at=created,
            status=SignalStatus.ANSWERED if i % 2 else SignalStatus.NEW,
            answered_at=created + datetime.timedelta(days=i) if i % 2 else None,
            answer="Antwoord." if i % 2 else "",
        )
    for month in range(1, 7):
        m = meeting(body, at(2025, month, 20, 14))
        for _ in range(4):
            rep = f.MembershipFactory(body=body, constituency=scene.youth)
            f.AttendanceFactory(meeting=m, user=rep.user, membership=rep, presence=Presence.PRESENT)


@pytest.mark.parametrize("slug", list(OWN))
def test_s6_each_dashboard_page_has_a_fixed_query_budget(
    client, django_assert_num_queries, region, other_region, body, supporter, slug
):
    client.force_login(supporter)
    url = reverse("dashboard", args=[region.slug, slug])
    with django_assert_num_queries(BASE + OWN[slug]):
        assert client.get(url, PERIOD).status_code == 200
    more_data(region, other_region, body)
    with django_assert_num_queries(BASE + OWN[slug]):
        response = client.get(url, PERIOD)
    assert response.status_code == 200
    assert any(row[1:] != [0] * (len(row) - 1) for row in response.context["sections"][0]["rows"])


@pytest.mark.parametrize(("slug", "key"), list(EXPORTS))
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_s6_each_download_has_a_fixed_query_budget(
    client, django_assert_num_queries, region, other_region, body, supporter, slug, key, fmt
):
    client.force_login(supporter)
    url = reverse("dashboard_export", args=[region.slug, slug, key, fmt])
    with django_assert_num_queries(BASE + EXPORTS[(slug, key)]):
        assert client.get(url, PERIOD).status_code == 200
    more_data(region, other_region, body)
    with django_assert_num_queries(BASE + EXPORTS[(slug, key)]):
        assert client.get(url, PERIOD).status_code == 200


def test_s6_a_longer_period_costs_no_more_queries(
    client, django_assert_num_queries, region, other_region, body, supporter
):
    more_data(region, other_region, body)
    client.force_login(supporter)
    url = reverse("dashboard", args=[region.slug, "signalen"])
    with django_assert_num_queries(BASE + OWN["signalen"]):
        client.get(url, {"from_month": "2021-01", "to_month": "2025-12"})


def test_s6_the_index_has_a_fixed_query_budget(
    client, django_assert_num_queries, region, supporter
):
    client.force_login(supporter)
    with django_assert_num_queries(BASE):
        assert client.get(reverse("dashboard_index", args=[region.slug])).status_code == 200

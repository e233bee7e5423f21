"""The dashboards also run on SQLite, the database of `make run`: it has no percentile_cont, so
the median and 90th percentile of the answer time come from the fallback, with the same
numbers as PostgreSQL gives."""

import datetime

import pytest
from django.urls import reverse

from .dashboard_scene import PERIOD, build_advice, build_attendance, build_signals


@pytest.mark.smoke
def test_s6_dashboards_work_on_the_embedded_database(
    client, region, other_region, body, region_admin
):
    build_signals(region, other_region)
    build_attendance(region, other_region, body)
    build_advice(region, other_region, body)
    client.force_login(region_admin)
    response = client.get(reverse("dashboard", args=[region.slug, "antwoordtijd"]), PERIOD)
    rows = {row["month"]: row for row in response.context["sections"][0]["table"].as_dicts()}
    march = rows[datetime.date(2025, 3, 1)]
    assert (march["answered"], march["median_days"], march["p90_days"]) == (5, 30.0, 76.0)
    assert (march["within_4_weeks"], march["over_12_weeks"]) == (2, 1)
    assert "<svg" in response.content.decode()
    status = client.get(reverse("dashboard", args=[region.slug, "signalen"]), PERIOD)
    january = status.context["sections"][0]["table"].as_dicts()[0]
    assert (january["new"], january["closed"], january["total"]) == (2, 1, 3)
    advice = client.get(reverse("dashboard", args=[region.slug, "adviezen"]), PERIOD)
    assert [r["late"] for r in advice.context["sections"][0]["table"].as_dicts()] == [0, 2]
    attendance = client.get(reverse("dashboard", args=[region.slug, "aanwezigheid"]), PERIOD)
    assert attendance.context["sections"][0]["table"].values("invited") == [2, 2]
    export = client.get(
        reverse("dashboard_export", args=[region.slug, "antwoordtijd", "answer-time", "xlsx"]),
        PERIOD,
    )
    assert export.status_code == 200

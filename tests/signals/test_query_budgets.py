"""Reads are budgeted: the signal list runs a fixed number of queries with ten thousand signals,
the signal's page the same with two events or two hundred."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aantafel.signals.models import Signal, SignalEvent, SignalSource
from aantafel.signals.workflow import SignalStatus

from .. import factories as f

# Session, user, two-factor check, region role, body roles, region; the triage and the
# "bring in" checks; the count, the page's rows, their themes; the filter form's themes.
LIST_BUDGET = 11
# The page: the auth queries above, the lookup, the signal with its themes, duplicates and
# timeline, similar signals, the theme checkboxes, and (in preparation) bodies and meetings.
DETAIL_BUDGET = 16


def _add_signals(region, count: int, themes) -> list[Signal]:
    constituency = f.ConstituencyFactory(region=region)
    signals = Signal.objects.bulk_create(
        Signal(
            region=region,
            text=f"Signaal {i}: ouders wachten lang op een eerste gesprek.",
            source=SignalSource.PUBLIC,
            status=SignalStatus.values[i % len(SignalStatus.values)],
            answer="We pakken het op.",
            constituency=constituency if i % 3 == 0 else None,
            safety_concern=i % 50 == 0,
        )
        for i in range(count)
    )
    Through = Signal.themes.through
    n = len(themes)
    rows = [Through(signal_id=s.pk, plantheme_id=themes[i % n].pk) for i, s in enumerate(signals)]
    if n > 1:  # every other signal has a second theme
        rows += [
            Through(signal_id=s.pk, plantheme_id=themes[(i + 1) % n].pk)
            for i, s in enumerate(signals)
            if i % 2 == 0
        ]
    Through.objects.bulk_create(rows)
    return signals


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "params",
    [{}, {"page": "7"}, {"status": "new", "safety": "no", "text": "Signaal"}],
    ids=["first page", "page 7", "filtered"],
)
def test_s2_the_list_runs_a_fixed_number_of_queries_with_ten_thousand_signals(
    client, region, region_admin, params
):
    themes = [f.PlanThemeFactory(region=region, name=n) for n in ("Wachtlijsten", "Inspraak")]
    _add_signals(region, 10_000, themes)
    client.force_login(region_admin)
    url = reverse("signal_list", args=[region.slug])
    assert _queries(client, url, params) == LIST_BUDGET
    params = {**params, "theme": str(themes[0].pk)}
    assert _queries(client, url, params) == LIST_BUDGET + 1  # the chosen theme is looked up


def test_s2_the_export_runs_in_chunks_not_per_signal(client, region, region_admin):
    themes = [f.PlanThemeFactory(region=region)]
    _add_signals(region, 5_000, themes)
    client.force_login(region_admin)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("signal_export", args=[region.slug]))
        body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200
    assert body.decode("utf-8-sig").count("\n") == 5_001
    assert len(queries) <= 20  # a handful per chunk of 2,000


def _with_events(signal, count: int, actor) -> None:
    SignalEvent.objects.bulk_create(
        SignalEvent(
            region_id=signal.region_id,
            signal=signal,
            kind=SignalEvent.Kind.NOTE,
            actor=actor,
            note=f"Notitie {i}",
        )
        for i in range(count)
    )


@pytest.mark.parametrize("status", [SignalStatus.NEW, SignalStatus.IN_PREPARATION])
def test_s2_the_signal_page_costs_the_same_however_long_its_timeline(
    client, region, body, supporter, status
):
    short = f.SignalFactory(region=region)
    long = f.SignalFactory(region=region)
    for duplicate_of in (short, long):
        f.SignalFactory(region=region, duplicate_of=duplicate_of)
    theme = f.PlanThemeFactory(region=region)
    for s in (short, long):
        s.themes.add(theme)
    Signal.objects.filter(pk__in=[short.pk, long.pk]).update(status=status)
    f.MeetingFactory(body=body)
    _with_events(short, 2, supporter)
    others = [f.UserFactory() for _ in range(5)]
    for actor in others:
        _with_events(long, 40, actor)
    client.force_login(supporter)
    few = _queries(client, reverse("signal_detail", args=[region.slug, short.pk]))
    many = _queries(client, reverse("signal_detail", args=[region.slug, long.pk]))
    assert few == many
    assert many <= DETAIL_BUDGET

"""The demo's year of meetings (M1–M10): dates counted back from the day it is loaded."""

import datetime

import pytest

from aantafel.demo.content import REGIONS
from aantafel.demo.meetings import SUMMER_BREAK, UPCOMING_FROM, meeting_days


@pytest.mark.parametrize("spec", [m for r in REGIONS for m in r.meetings], ids=lambda m: m.body)
def test_m1_monthly_rhythm_holds_whatever_day_the_demo_is_loaded(spec):
    first = datetime.date(2026, 1, 1)
    for offset in range(366):
        today = first + datetime.timedelta(days=offset)
        held, upcoming = meeting_days(spec, today)
        assert len(held) == len(spec.held) >= 10
        assert held == sorted(set(held))
        assert all(day < today and day.month != SUMMER_BREAK for day in held)
        assert all(day.weekday() == spec.weekday for day in held)
        # About a year back: one meeting a month but August.
        assert (today - held[0]).days <= 400
        # Within the next weeks, and late enough for members to bring in items (M2).
        assert UPCOMING_FROM <= (upcoming - today).days <= 35
        assert upcoming.weekday() == spec.weekday

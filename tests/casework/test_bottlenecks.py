"""C9: anonymous bottleneck tags of closed cases reach the policy level as system signals, only
when at least five cases of a region share a tag in a quarter (services/bottlenecks.py)."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from aantafel.casework.models import CaseBottleneck
from aantafel.casework.services import bottlenecks, follow_up
from aantafel.signals.models import Signal, SignalEvent, SignalSource
from aantafel.signals.workflow import SignalStatus

from .factories import CaseFactory, minor_of, parent_of

pytestmark = pytest.mark.django_db


def _close(region, *tags: str):
    case = CaseFactory(region=region, at_table=True)
    follow_up.case_close(
        actor=None,
        case=case,
        outcome="De hulp voor Lotte Peeters loopt nu via de school in Hasselt.",
        bottlenecks=list(tags),
    )
    return case


def _this_quarter(region) -> str:
    return bottlenecks.quarter_of(timezone.now(), region.timezone)


def test_c9_signal_only_from_five_cases(region):
    quarter = _this_quarter(region)
    for _ in range(4):
        _close(region, "waiting_list", "no_suitable_offer")
    assert bottlenecks.bottleneck_signals_publish(region=region, quarter=quarter) == []
    assert not Signal.objects.filter(region=region).exists()

    _close(region, "waiting_list")
    published = bottlenecks.bottleneck_signals_publish(region=region, quarter=quarter)
    assert len(published) == 1
    signal = Signal.objects.get(region=region)
    assert signal.source == SignalSource.SYSTEM
    assert signal.status == SignalStatus.NEW
    assert signal.system_key == f"casework:waiting_list:{quarter}"
    assert "5" in signal.text
    assert signal.events.filter(kind=SignalEvent.Kind.SUBMITTED).count() == 1

    # Run twice: still one signal, unchanged.
    assert bottlenecks.bottleneck_signals_publish(region=region, quarter=quarter) == []
    assert Signal.objects.filter(region=region).count() == 1

    # A sixth case: the same signal, its count updated.
    _close(region, "waiting_list")
    bottlenecks.bottleneck_signals_publish(region=region, quarter=quarter)
    assert Signal.objects.filter(region=region).count() == 1
    signal.refresh_from_db()
    assert "6" in signal.text
    assert "5" not in signal.text
    assert signal.events.filter(kind=SignalEvent.Kind.NOTE).count() == 1
    # "no suitable offer" stays below the threshold: no signal.
    assert not Signal.objects.filter(system_key__contains="no_suitable_offer").exists()


def test_c9_signal_text_holds_no_case_detail(region):
    cases = [_close(region, "no_capacity") for _ in range(bottlenecks.MIN_CASES)]
    quarter = _this_quarter(region)
    (signal,) = bottlenecks.bottleneck_signals_publish(region=region, quarter=quarter)
    assert quarter in signal.text
    assert str(bottlenecks.MIN_CASES) in signal.text
    forbidden = ["Lotte", "Peeters", "Sanne", "Hasselt", "school", "Voorbeeldstraat"]
    for case in cases:
        forbidden += [case.reference, minor_of(case).name, parent_of(case).name]
    for word in forbidden:
        assert word not in signal.text
    for event in signal.events.all():
        for word in forbidden:
            assert word not in event.note
    assert signal.contact_email == ""
    assert signal.raised_by is None


def test_c9_counted_per_region_and_quarter(region, other_region):
    quarter = _this_quarter(region)
    for _ in range(3):
        _close(region, "funding")
        _close(other_region, "funding")
    last_year = CaseFactory(region=region, closed=True)
    CaseBottleneck.objects.create(region=region, case=last_year, tag="funding", quarter="2020-Q1")
    assert bottlenecks.bottleneck_counts(region=region, quarter=quarter) == [("funding", 3)]
    assert bottlenecks.bottleneck_counts(region=region, quarter="2020-Q1") == [("funding", 1)]
    assert bottlenecks.bottleneck_signals_publish(region=region, quarter=quarter) == []
    assert not Signal.objects.exists()


def test_c9_quarter_of_the_closing_date_in_the_regions_time_zone(region):
    new_year_in_brussels = datetime.datetime(2025, 12, 31, 23, 30, tzinfo=datetime.UTC)
    assert bottlenecks.quarter_of(new_year_in_brussels, "Europe/Brussels") == "2026-Q1"
    assert bottlenecks.quarter_of(new_year_in_brussels, "UTC") == "2025-Q4"
    assert bottlenecks.previous_quarter(datetime.date(2026, 1, 2)) == "2025-Q4"
    assert bottlenecks.previous_quarter(datetime.date(2026, 8, 15)) == "2026-Q2"
    case = _close(region, "accessibility")
    assert case.bottlenecks.get().quarter == _this_quarter(region)


def test_c9_a_quarter_must_look_like_one(region):
    with pytest.raises(bottlenecks.DomainError) as wrong:
        bottlenecks.bottleneck_counts(region=region, quarter="Q4 2026")
    assert wrong.value.field == "quarter"
    with pytest.raises(CommandError):
        call_command("publish_bottleneck_signals", quarter="vorig jaar")


def test_c9_the_command_publishes_for_every_region_and_runs_twice(region, other_region):
    for _ in range(bottlenecks.MIN_CASES):
        _close(region, "transition_adult")
        _close(other_region, "transition_adult")
    quarter = _this_quarter(region)
    call_command("publish_bottleneck_signals", quarter=quarter, stdout=_Sink())
    call_command("publish_bottleneck_signals", quarter=quarter, stdout=_Sink())
    assert Signal.objects.filter(region=region, source=SignalSource.SYSTEM).count() == 1
    assert Signal.objects.filter(region=other_region, source=SignalSource.SYSTEM).count() == 1
    # Without --quarter: the last finished quarter, where nothing was closed.
    call_command("publish_bottleneck_signals", stdout=_Sink())
    assert Signal.objects.count() == 2


class _Sink:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass

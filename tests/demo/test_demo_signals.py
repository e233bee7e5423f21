"""The demo's signals (S1–S3): every status in each region, a public page with something on
it, nobody mailed about the demo's history, and nothing added by a second run.

Loading the demo takes a while, so the tests of this module share one load (`demo`,
conftest.py: module-scoped, rolled back at the end). The load runs under the loader's own QUIET
settings with its commit-time callbacks executed, as on a real commit at the end of
`load_demo`, so the feedback the signal services queue really runs."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from aantafel.meetings.models import AgendaItem
from aantafel.regions.models import Region
from aantafel.signals.models import Signal, SignalEvent, SignalMail, SignalSource
from aantafel.signals.workflow import SignalStatus

from .conftest import SLUGS, load

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", SLUGS)
def test_s2_every_status_of_the_flow_is_in_each_region(demo, slug):
    signals = Signal.objects.filter(region__slug=slug)
    assert 20 <= signals.count() <= 30
    assert set(signals.values_list("status", flat=True)) == set(SignalStatus.values)
    assert signals.filter(source=SignalSource.REPRESENTATIVE, constituency__isnull=False).exists()
    public = signals.filter(source=SignalSource.PUBLIC)
    assert public.filter(contact_email="").exists()
    assert public.filter(contact_email__endswith="@voorbeeld.example").exists()
    assert signals.filter(duplicate_of__isnull=False).count() == 1
    assert signals.filter(safety_concern=True, publishable=False).count() == 1
    assert not signals.filter(themes__isnull=True).exists()
    assert Region.objects.get(slug=slug).safeguarding_email


@pytest.mark.parametrize("slug", SLUGS)
def test_s2_a_signal_on_the_table_is_on_a_body_s_coming_agenda(demo, slug):
    on_table = Signal.objects.filter(region__slug=slug, status=SignalStatus.ON_THE_TABLE)
    assert on_table.exists()
    for signal in on_table:
        item = AgendaItem.objects.get(proposal=signal.proposal)
        assert item.meeting.starts_at > timezone.now()


@pytest.mark.parametrize("slug", SLUGS)
def test_s3_the_demo_history_lies_in_the_past_year_in_order(demo, slug):
    now = timezone.now()
    signals = Signal.objects.filter(region__slug=slug)
    oldest = min(s.created_at for s in signals)
    assert 300 <= (now - oldest).days <= 366
    for signal in signals.filter(status=SignalStatus.CLOSED):
        assert signal.created_at < signal.answered_at <= signal.closed_at < now
    for signal in signals:
        times = list(SignalEvent.objects.filter(signal=signal).values_list("created_at", flat=True))
        assert times[0] == signal.created_at
        assert times == sorted(times)
        assert times[-1] < now


@pytest.mark.parametrize("slug", SLUGS)
def test_s3_you_said_we_did_shows_anonymised_summaries(demo, client, slug):
    published = Signal.objects.filter(region__slug=slug, publishable=True)
    assert published.exists()
    assert not published.filter(safety_concern=True).exists()
    response = client.get(reverse("you_said_we_did", args=[slug]))
    assert response.status_code == 200
    page = response.content.decode()
    assert any(signal.public_summary in page for signal in published)
    hidden = Signal.objects.get(region__slug=slug, safety_concern=True)
    assert hidden.text not in page


def test_s3_nobody_is_mailed_about_the_demo_history(demo):
    assert demo == []
    assert not SignalMail.objects.exists()


def test_loading_the_signals_twice_adds_nothing(demo):
    before = (Signal.objects.count(), SignalEvent.objects.count(), AgendaItem.objects.count())
    mail.outbox = []
    load()
    assert (Signal.objects.count(), SignalEvent.objects.count(), AgendaItem.objects.count()) == (
        before
    )
    assert mail.outbox == []
    assert not SignalMail.objects.exists()

"""The demo's advice requests (S4): per region one in preparation with some views recorded,
and one answered (advice given, response recorded, a follow-up); nobody mailed, nothing added
by a second run. One load for the module, rolled back at the end (`demo`, conftest.py)."""

import pytest

from aantafel.advice.models import AdviceFollowUp, AdviceMail, AdviceRequest, ConstituencyView
from aantafel.advice.roles import seat_constituencies
from aantafel.advice.workflow import AdviceStatus

from .conftest import SLUGS, load

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", SLUGS)
def test_s4_each_region_has_a_request_in_preparation_with_some_views(demo, slug):
    request = AdviceRequest.objects.get(region__slug=slug, status=AdviceStatus.IN_PREPARATION)
    seats = len(seat_constituencies(request.body_id))
    views = ConstituencyView.objects.filter(advice_request=request).count()
    assert 1 <= views < seats or seats == 1


@pytest.mark.parametrize("slug", SLUGS)
def test_s4_each_region_has_an_answered_request_with_a_follow_up(demo, slug):
    request = AdviceRequest.objects.get(region__slug=slug, status=AdviceStatus.RESPONSE_RECEIVED)
    assert request.advice_text
    assert request.decision_rule
    assert request.response
    assert request.response_reason
    assert request.advice_given_at < request.response_recorded_at
    seats = {c.pk for c in seat_constituencies(request.body_id)}
    assert set(request.views.values_list("constituency_id", flat=True)) == seats
    assert AdviceFollowUp.objects.filter(advice_request=request).exists()


def test_s4_the_demo_mails_nobody_and_a_second_run_adds_nothing(demo):
    assert not AdviceMail.objects.exists()
    assert demo == [] or all("advies" not in m.subject.lower() for m in demo)
    before = AdviceRequest.objects.count()
    load()
    assert AdviceRequest.objects.count() == before == 4

"""The demo's client tests (S5): one open client test per region with answers across the target
groups, and a report that shows them. The demo is loaded once for the module (rolled back at
the end: `demo`, conftest.py)."""

import pytest
from django.test import Client
from django.urls import reverse

from aantafel.bodies.models import Membership, MembershipRole
from aantafel.clienttests.models import ClientTest, ClientTestAnswer
from aantafel.clienttests.queries import client_test_report
from aantafel.clienttests.workflow import ClientTestStatus

from .conftest import SLUGS, load

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", SLUGS)
def test_s5_the_demo_has_an_open_client_test_with_answers_across_groups(demo, slug):
    tests = ClientTest.objects.filter(region__slug=slug)
    assert tests.filter(status=ClientTestStatus.OPEN).count() == 1
    test = tests.get(status=ClientTestStatus.OPEN)
    groups = set(ClientTestAnswer.objects.filter(test=test).values_list("target_group", flat=True))
    assert groups == {"young_people", "young_adults", "parents", "foster_carers"}
    report = client_test_report(test)
    shown = {g.group for g in report.groups if g.shown}
    assert shown == {"young_people", "young_adults", "parents"}
    assert all(g.comments for g in report.groups if g.shown)
    assert test.links.filter(used_at__isnull=True).exists()  # links left to hand out


@pytest.mark.parametrize("slug", SLUGS)
def test_s5_the_demo_report_page_shows_the_groups_to_the_supporter(demo, slug):
    test = ClientTest.objects.get(region__slug=slug)
    supporter = (
        Membership.objects.current()
        .filter(body=test.body, role=MembershipRole.SUPPORTER)
        .first()
        .user
    )
    client = Client()
    client.force_login(supporter)
    response = client.get(reverse("client_test_report", args=[slug, test.pk]))
    assert response.status_code == 200
    assert response.context["report"].overall.answers == 23


def test_s5_loading_the_demo_twice_adds_no_client_test(demo):
    before = ClientTest.objects.count(), ClientTestAnswer.objects.count()
    load()
    assert (ClientTest.objects.count(), ClientTestAnswer.objects.count()) == before

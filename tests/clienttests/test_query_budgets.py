"""Reads are budgeted (S5): the list of client tests, a test's page, its links and its report
run a fixed number of queries, with one answer or three hundred."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aantafel.clienttests.models import ClientTestAnswer, ClientTestLink, TargetGroup

from .. import factories as f

pytestmark = pytest.mark.django_db


def _add_answers(test, count: int, start: int = 0) -> None:
    rng = random.Random(count)
    links = ClientTestLink.objects.bulk_create(
        ClientTestLink(
            region=test.region,
            test=test,
            key=f"q{test.pk:04d}{start + i:011d}",
            used_at=timezone.now(),
        )
        for i in range(count)
    )
    ClientTestAnswer.objects.bulk_create(
        ClientTestAnswer(
            region=test.region,
            test=test,
            link=link,
            target_group=rng.choice(test.target_groups),
            clarity=rng.randint(1, 5),
            accessibility=rng.randint(1, 5),
            participation=rng.randint(1, 5),
            impact=rng.randint(1, 5),
            clarity_comment=rng.choice(["", "Duidelijk.", "Te veel moeilijke woorden."]),
            remarks=rng.choice(["", "Fijn dat jullie het vragen."]),
        )
        for link in links
    )


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(queries)


@pytest.mark.parametrize(
    "page",
    ["client_test_list", "client_test_detail", "client_test_report", "client_test_report_csv"],
)
def test_s5_pages_run_a_fixed_number_of_queries(client, body, supporter, page):
    groups = [g for g in TargetGroup.values if g != "other"]
    tests = [f.ClientTestFactory(body=body, open=True, target_groups=groups) for _n in range(2)]
    _add_answers(tests[0], 2)
    client.force_login(supporter)
    slug = body.region.slug
    args = [slug] if page == "client_test_list" else [slug, tests[0].pk]
    url = reverse(page, args=args)
    client.get(url)  # warm up (sessions, content types)
    small = _queries(client, url)
    _add_answers(tests[0], 300, start=10)
    _add_answers(tests[1], 50, start=10)
    for _n in range(5):
        f.ClientTestFactory(body=body, target_groups=groups)
    assert _queries(client, url) == small
    assert small <= 12, small


def test_s5_the_links_page_runs_a_fixed_number_of_queries(client, body, supporter):
    test = f.ClientTestFactory(body=body, open=True)
    client.force_login(supporter)
    url = reverse("client_test_links", args=[body.region.slug, test.pk])
    f.ClientTestLinkFactory(test=test, created_by=supporter)
    client.get(url)
    small = _queries(client, url)
    for _n in range(100):
        f.ClientTestLinkFactory(test=test, created_by=supporter)
    assert _queries(client, url) == small

"""Reads are budgeted: the body list and body page run the same number of queries with 5 or
500 members."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aantafel.accounts.models import User
from aantafel.bodies.models import Membership

from .. import factories as f


def _add_members(body, count: int, seat) -> None:
    users = User.objects.bulk_create(
        User(email=f"lid{body.pk}-{i}@voorbeeld.example", full_name=f"Lid {i}")
        for i in range(count)
    )
    Membership.objects.bulk_create(
        Membership(
            region=body.region,
            body=body,
            user=user,
            role="member",
            start_date=datetime.date(2024, 1, 1),
            seat=seat if i < seat.places else None,
            seat_role="holder" if i < seat.places else "",
            end_date=datetime.date(2024, 6, 1) if i % 10 == 9 else None,
        )
        for i, user in enumerate(users)
    )


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["body_list", "body_detail"])
def test_page_query_count_does_not_grow_with_members(client, region, region_admin, page):
    small = f.BodyFactory(region=region, name="Klein")
    large = f.BodyFactory(region=region, name="Groot")
    for body, size in ((small, 5), (large, 500)):
        f.TermsFactory(body=body)
        _add_members(body, size, f.SeatFactory(body=body, places=3))
    client.force_login(region_admin)
    args = {"body_list": ([region.slug], [region.slug])}.get(
        page, ([region.slug, small.pk], [region.slug, large.pk])
    )
    client.get(reverse(page, args=args[0]))  # warm the session and permission caches
    assert _queries(client, reverse(page, args=args[0])) == _queries(
        client, reverse(page, args=args[1])
    )


def test_body_page_stays_within_its_budget(client, region, region_admin):
    body = f.BodyFactory(region=region)
    f.TermsFactory(body=body)
    _add_members(body, 50, f.SeatFactory(body=body, places=3))
    client.force_login(region_admin)
    assert _queries(client, reverse("body_detail", args=[region.slug, body.pk])) <= 12

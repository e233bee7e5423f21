"""Reads are budgeted: the API's lists and the body detail run the same number of queries with 5
or 500 members (and more seats, invitations, initiatives and bodies besides)."""

import datetime
import hashlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aantafel.accounts.models import User
from aantafel.bodies.models import Body, Initiative, Invitation, Membership

from .. import factories as f

ENDPOINTS = {
    "body list": "/api/v1/regions/{slug}/bodies/",
    "body detail": "/api/v1/regions/{slug}/bodies/{pk}/",
    "memberships": "/api/v1/regions/{slug}/bodies/{pk}/memberships/",
    "current memberships": "/api/v1/regions/{slug}/bodies/{pk}/memberships/?current=true",
    "seats": "/api/v1/regions/{slug}/bodies/{pk}/seats/",
    "terms": "/api/v1/regions/{slug}/bodies/{pk}/terms/",
    "initiatives": "/api/v1/regions/{slug}/bodies/{pk}/initiatives/",
    "invitations": "/api/v1/regions/{slug}/bodies/{pk}/invitations/",
}
# the ceiling of each read, whatever the data (session, two-factor check and region included)
BUDGET = 14


def _grow(body: Body, start: int, count: int) -> None:
    """`count` more members; the first of them fill the seats, as holders and substitutes."""
    seats = list(body.seats.all())
    users = User.objects.bulk_create(
        User(email=f"lid{body.pk}-{i}@voorbeeld.example", full_name=f"Lid {i}")
        for i in range(start, start + count)
    )
    memberships = []
    for i, user in enumerate(users, start=start):
        seat = seats[i % len(seats)] if i < 4 * len(seats) else None
        memberships.append(
            Membership(
                region=body.region,
                body=body,
                user=user,
                role="member",
                start_date=datetime.date(2024, 1, 1),
                seat=seat,
                seat_role=("holder" if i < 2 * len(seats) else "substitute") if seat else "",
                end_date=datetime.date(2024, 6, 1) if i % 10 == 9 else None,
            )
        )
    Membership.objects.bulk_create(memberships)
    Initiative.objects.bulk_create(
        Initiative(region=body.region, body=body, title=f"Initiatief {i}", taken_on="2024-02-01")
        for i in range(start, start + max(count // 10, 1))
    )
    Invitation.objects.bulk_create(
        Invitation(
            region=body.region,
            body=body,
            email=f"genodigde{body.pk}-{i}@voorbeeld.example",
            full_name=f"Genodigde {i}",
            role="member",
            start_date="2024-01-01",
            token_hash=hashlib.sha256(f"{body.pk}-{i}".encode()).hexdigest(),
            expires_at=timezone.now() + datetime.timedelta(days=14),
        )
        for i in range(start, start + max(count // 10, 1))
    )


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries)


CASES = [
    (endpoint, role)
    for endpoint in ENDPOINTS
    for role in ("region_admin", "supporter", "member")
    if not (endpoint == "invitations" and role == "member")  # 403 (see the permission matrix)
]


@pytest.mark.parametrize(("endpoint", "role"), CASES)
def test_read_query_count_does_not_grow_with_members(
    api, body, region_admin, supporter, member, role, endpoint
):
    for _ in range(3):
        f.SeatFactory(body=body, places=2)
    _grow(body, 0, 5)
    api.force_login({"region_admin": region_admin, "supporter": supporter, "member": member}[role])
    url = ENDPOINTS[endpoint].format(slug=body.region.slug, pk=body.pk)
    api.get(url)  # warm up the session
    small = _queries(api, url)

    _grow(body, 5, 495)
    for i in range(10):
        other = f.BodyFactory(region=body.region, name=f"Werkgroep {i}", parent=body)
        f.SeatFactory(body=other)
    f.TermsFactory(body=body, version=2)
    large = _queries(api, url)

    assert Membership.objects.filter(body=body).count() == 500 + 2  # and the supporter and member
    assert small == large, endpoint
    assert large <= BUDGET, (endpoint, large)


def test_body_detail_shows_seat_filling_of_many_members(api, body, region_admin):
    seat = f.SeatFactory(body=body, places=2)
    _grow(body, 0, 500)
    api.force_login(region_admin)
    detail = api.get(f"/api/v1/regions/{body.region.slug}/bodies/{body.pk}/").json()
    (filling,) = detail["seats"]
    assert filling["id"] == seat.pk
    assert filling["places"] == 2
    assert filling["filled"] == 2
    assert filling["vacant"] == 0
    assert len(filling["substitutes"]) == 2
    assert len(detail["current_members"]) == 450  # a tenth has ended

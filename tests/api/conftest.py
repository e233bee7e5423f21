"""The scene of the API tests: one body with a seat, an open invitation, an initiative and a
personal API token per user, and an API client per role."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from aantafel.accounts.services import api_token_create
from aantafel.bodies import services
from aantafel.bodies.models import Membership
from aantafel.bodies.services.memberships import MembershipTerms

from .. import factories as f

ROLES = ["anonymous", "member", "supporter", "chair", "region_admin", "outsider"]


def today() -> datetime.date:
    return timezone.localdate()


def problem_fields(response) -> list[str | None]:
    """The fields a problem-details response names, after checking it is one."""
    assert response["Content-Type"] == "application/problem+json", response.content
    body = response.json()
    assert body["status"] == response.status_code
    return [error["field"] for error in body.get("errors", [])]


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def world(body, region_admin, supporter, chair, member, outsider):
    seat = f.SeatFactory(body=body, places=2)
    invitation = services.invitation_create(
        actor=region_admin,
        body=body,
        email="genodigde@voorbeeld.example",
        full_name="Genodigde",
        terms=MembershipTerms(role="member", start_date=today()),
    )
    initiative = services.initiative_register(
        actor=region_admin, body=body, title="Themadag", taken_on=today()
    )
    users = {
        "member": member,
        "supporter": supporter,
        "chair": chair,
        "region_admin": region_admin,
        "outsider": outsider,
    }
    return SimpleNamespace(
        region=body.region,
        body=body,
        seat=seat,
        free_constituency=f.ConstituencyFactory(region=body.region),
        membership=Membership.objects.get(body=body, user=member),
        invitation=invitation,
        initiative=initiative,
        users=users,
        tokens={role: api_token_create(actor=user, name=role)[0] for role, user in users.items()},
    )


@pytest.fixture
def as_role(api, world):
    """as_role(role) → the API client logged in as that role (anonymous: not logged in)."""

    def login(role: str) -> APIClient:
        if role != "anonymous":
            api.force_login(world.users[role])
        return api

    return login

"""The scene of the client test tests: the body of tests/conftest.py with a representative of
a constituency, a member without one, a member of another body, policy staff, and an open
client test with its links."""

from types import SimpleNamespace

import pytest

from aantafel.regions.models import RegionRole

from .. import factories as f

ANSWER = {
    "target_group": "young_people",
    "clarity": 4,
    "accessibility": 3,
    "participation": 2,
    "impact": 5,
}


@pytest.fixture
def representative(body):
    parents = f.ConstituencyFactory(region=body.region, name="Ouders")
    return f.MembershipFactory(body=body, constituency=parents).user


@pytest.fixture
def other_member(body):
    """A member of the body who holds no place for a constituency (e.g. for an organisation)."""
    return f.MembershipFactory(body=body, role="guest").user


@pytest.fixture
def other_body_member(region):
    return f.MembershipFactory(body=f.BodyFactory(region=region, name="Werkgroep")).user


@pytest.fixture
def staff(region):
    return f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user


@pytest.fixture
def test_open(body):
    return f.ClientTestFactory(body=body, open=True, title="Een vaste begeleider")


@pytest.fixture
def scene(
    body,
    region_admin,
    supporter,
    chair,
    representative,
    other_member,
    other_body_member,
    staff,
    outsider,
):
    users = {
        "representative": representative,
        "other_member": other_member,
        "other_body_member": other_body_member,
        "supporter": supporter,
        "chair": chair,
        "region_admin": region_admin,
        "staff": staff,
        "outsider": outsider,
    }
    return SimpleNamespace(region=body.region, body=body, users=users)

import pytest

from aantafel.casework.models import CaseworkRoleKind, ParticipantKind

from .factories import CaseFactory, CaseworkRoleFactory, seat_participant


@pytest.fixture
def coordinator(region):
    return CaseworkRoleFactory(region=region, role=CaseworkRoleKind.COORDINATOR).user


@pytest.fixture
def privacy_officer(region):
    return CaseworkRoleFactory(region=region, role=CaseworkRoleKind.PRIVACY_OFFICER).user


@pytest.fixture
def pool_chair(region):
    """A chair of the region's pool, not (yet) at any table."""
    return CaseworkRoleFactory(region=region, role=CaseworkRoleKind.CHAIR).user


@pytest.fixture
def case(region):
    """At the table: a chair, a young person of 14 and a parent with logins."""
    return CaseFactory(region=region, at_table=True)


@pytest.fixture
def professional(case):
    return seat_participant(case, name="Jeroen Claes", help_coordinator=True)


@pytest.fixture
def neighbour(case):
    """A non-professional who has not yet accepted the duty of confidentiality (C5)."""
    return seat_participant(case, kind=ParticipantKind.NETWORK, name="Buur Els", accepted=False)

import pytest

from aantafel.regions.models import RegionRole
from tests import factories as f


@pytest.fixture
def staff(region):
    """Policy staff of the region: sets up trajectories and events (participation.manage)."""
    return f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user

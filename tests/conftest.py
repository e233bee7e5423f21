import pytest
from django.core.cache import cache

from aantafel.regions.models import RegionRole

from . import factories as f


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Login throttling counts live in the cache: each test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def region(db):
    return f.RegionFactory(name="IROJ Limburg", slug="iroj-limburg")


@pytest.fixture
def other_region(db):
    return f.RegionFactory(name="Jeugdhulp Zuid-Limburg", slug="zuid-limburg", dutch=True)


@pytest.fixture
def body(region):
    parent = f.BodyFactory(region=region, name="IROJ Limburg", body_type="steering")
    body = f.BodyFactory(region=region, name="Kerngroep RTJ", body_type="core_group", parent=parent)
    f.TermsFactory(body=body, version=1)
    return body


@pytest.fixture
def region_admin(region):
    return f.RegionMembershipFactory(region=region, role=RegionRole.ADMIN).user


@pytest.fixture
def supporter(body):
    return f.MembershipFactory(body=body, supporter=True).user


@pytest.fixture
def chair(body):
    return f.MembershipFactory(body=body, chair=True).user


@pytest.fixture
def member(body):
    return f.MembershipFactory(body=body).user


@pytest.fixture
def outsider(other_region):
    """A user of the other region: they must see nothing of `region`."""
    return f.RegionMembershipFactory(region=other_region, role=RegionRole.ADMIN).user


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of a test land in its own folder and vanish with it."""
    settings.MEDIA_ROOT = tmp_path / "media"

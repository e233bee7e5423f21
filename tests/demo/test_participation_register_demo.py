"""The demo's register of participation initiatives (P6) in Jeugdhulp Zuid-Limburg: the kinds
the trajectory connects with (client councils, advisory councils, a network of parents), one no
longer active and so off the public site, fictional contacts at example.org, an audit event per
entry, and nothing added by a second run. Loaded after the rest of the demo (module-scoped,
rolled back at the end; conftest.py) by calling the loader directly."""

from collections import Counter

import pytest
from django.test import override_settings
from django.urls import reverse

from aantafel.accounts.models import User
from aantafel.audit.models import AuditEvent
from aantafel.demo.participation import STAFF
from aantafel.demo.participation_register import REGISTER, load_register
from aantafel.participation.models import InitiativeKind, ParticipationInitiative, Trajectory
from aantafel.regions.models import Region

pytestmark = pytest.mark.django_db

SLUG = "zuid-limburg"


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    """The plan of approach is uploaded while the module's demo loads: into this folder."""
    root = tmp_path_factory.mktemp("demo-media")
    with override_settings(MEDIA_ROOT=root):
        yield root


@pytest.fixture(scope="module")
def demo(media, demo):
    return demo


def _load(created: Counter[str] | None = None) -> Counter[str]:
    created = Counter() if created is None else created
    region = Region.objects.get(slug=SLUG)
    load_register(
        region,
        Trajectory.objects.filter(region=region).first(),
        User.objects.get(email__iexact=STAFF),
        created,
    )
    return created


@pytest.mark.smoke
def test_p6_the_demo_register_has_the_kinds_of_initiatives_of_the_trajectory(demo):
    _load()
    register = ParticipationInitiative.objects.filter(region__slug=SLUG)
    assert set(register.values_list("name", flat=True)) == {spec.name for spec in REGISTER}
    assert 5 <= register.count() <= 6
    assert set(register.values_list("kind", flat=True)) == {
        InitiativeKind.CLIENT_COUNCIL,
        InitiativeKind.ADVISORY_COUNCIL,
        InitiativeKind.NETWORK_ORGANISATION,
    }
    assert register.filter(name="Ouderplatform Jeugd Zuid-Limburg").exists()
    assert register.filter(name__startswith="Jongerenadviesraad").exists()
    assert list(register.filter(active=False).values_list("name", flat=True)) == [
        "Cliëntenraad Jeugd-GGZ Mergelland"
    ]
    for initiative in register:
        assert initiative.scope
        assert not initiative.contact_email or initiative.contact_email.endswith(".example.org")
        assert not initiative.website or ".example.org" in initiative.website
    # Only Zuid-Limburg has a register in the demo.
    assert not ParticipationInitiative.objects.exclude(region__slug=SLUG).exists()


def test_p6_each_demo_entry_was_written_through_the_service(demo):
    _load()
    created = AuditEvent.objects.filter(region__slug=SLUG, action="participation_initiative.create")
    assert created.count() == len(REGISTER)
    assert {event.actor.email for event in created} == {STAFF}


def test_p7_the_public_register_shows_the_active_demo_entries(demo, client):
    _load()
    response = client.get(reverse("initiative_public_list", args=[SLUG]))
    names = [i.name for i in response.context["page"].object_list]
    assert len(names) == len(REGISTER) - 1
    assert "Cliëntenraad Jeugd-GGZ Mergelland" not in names


@pytest.mark.smoke
def test_p6_a_second_run_of_the_register_adds_nothing(demo):
    _load()
    before = ParticipationInitiative.objects.count()
    audited = AuditEvent.objects.count()
    created = _load()
    assert created == Counter()
    assert ParticipationInitiative.objects.count() == before
    assert AuditEvent.objects.count() == audited

"""manage.py load_demo: the demo data of both regions, written through the services, safe to
run twice."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from aantafel.accounts.models import User
from aantafel.audit.models import AuditEvent
from aantafel.bodies.models import (
    Body,
    Constituency,
    Initiative,
    Membership,
    MembershipRole,
    Organisation,
    Seat,
    SeatRole,
    TermsOfReference,
)
from aantafel.bodies.queries import seat_fillings
from aantafel.demo.content import DEMO_PASSWORD
from aantafel.regions.models import Region, RegionMembership, RegionRole

pytestmark = pytest.mark.django_db

MODELS = [
    Region,
    RegionMembership,
    User,
    Constituency,
    Organisation,
    Body,
    TermsOfReference,
    Seat,
    Membership,
    Initiative,
    AuditEvent,
]


def load(*args: str) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo():
    load("--quiet")


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.mark.smoke
def test_load_demo_twice_gives_the_same_data():
    load("--quiet")
    first = counts()
    ended = list(Membership.objects.filter(end_date__isnull=False).values_list("pk", "end_date"))
    load("--quiet")
    assert counts() == first
    assert (
        list(Membership.objects.filter(end_date__isnull=False).values_list("pk", "end_date"))
        == ended
    )
    assert first["Region"] == 2
    assert first["Body"] == 5
    assert first["TermsOfReference"] == 4


def test_b3_kerngroep_rtj_terms_approved_by_iroj_on_9_june_2021(demo):
    rtj = Body.objects.get(region__slug="iroj-limburg", name="Kerngroep RTJ")
    current = rtj.terms_versions.order_by("-version").first()
    assert current.approved_by == "IROJ Limburg"
    assert current.approved_on == datetime.date(2021, 6, 9)
    assert current.decision_rule == "consensus"
    assert "- Uitdragen visie 1G1P" in current.objectives.splitlines()
    assert rtj.parent.name == "IROJ Limburg"
    assert rtj.body_type == "core_group"


def test_b6_overleg_clientvertegenwoordigers_keeps_its_reservation_and_old_version(demo):
    overleg = Body.objects.get(region__slug="iroj-limburg", name="Overleg Cliëntvertegenwoordigers")
    versions = list(overleg.terms_versions.order_by("version"))
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].approved_on < versions[1].approved_on
    assert versions[1].decision_rule == "consensus_with_reservation"
    assert versions[1].approved_by == "IROJ Limburg"
    assert "etnisch culturele minderheden" in versions[1].composition
    assert overleg.body_type == "client_representatives"
    assert overleg.supporting_department == "departement WVG"


def test_b4_every_body_has_a_vacant_seat(demo):
    for body in Body.objects.all():
        fillings = seat_fillings(body)
        assert fillings, f"{body} has no seats"
        assert any(filling.vacant for filling in fillings), f"{body} has no vacant seat"
        assert any(filling.holders for filling in fillings), f"{body} has no seat holders"


def test_b5_roles_substitute_guest_and_history(demo):
    overleg = Body.objects.get(name="Overleg Cliëntvertegenwoordigers")
    members = Membership.objects.filter(body=overleg)
    roles = set(members.current().values_list("role", flat=True))
    assert roles == set(MembershipRole.values)
    substitute = members.get(seat_role=SeatRole.SUBSTITUTE)
    assert substitute.substitute_for.seat_id == substitute.seat_id
    assert substitute.substitute_for.seat_role == SeatRole.HOLDER
    ended = members.get(end_date__isnull=False)
    assert ended.end_reason
    assert not ended.is_current()


def test_b7_initiatives_with_and_without_parent_informed(demo):
    for name in ("Overleg Cliëntvertegenwoordigers", "Kerngroep RTJ"):
        initiatives = Initiative.objects.filter(body__name=name)
        assert initiatives.filter(parent_informed_on__isnull=False).exists()
        assert initiatives.filter(parent_informed_on__isnull=True).exists()


def test_zuid_limburg_kerngroep_and_its_parent(demo):
    region = Region.objects.get(slug="zuid-limburg")
    assert region.country == "NL"
    assert region.timezone == "Europe/Amsterdam"
    kerngroep = Body.objects.get(region=region, name="Kerngroep Cliënt- en Jongerenparticipatie")
    assert kerngroep.parent.name == "Bestuurlijk overleg Jeugdhulp Zuid-Limburg"
    terms = kerngroep.terms_versions.get()
    assert terms.decision_rule == "consensus"
    assert terms.approved_by == "Bestuurlijk overleg Jeugdhulp Zuid-Limburg"
    kinds = set(Seat.objects.filter(body=kerngroep).values_list("constituency__kind", flat=True))
    assert kinds == {"clients", "local_authority", "institution"}


def test_b1_each_region_has_an_admin_staff_and_one_person_in_both(demo):
    for slug in ("iroj-limburg", "zuid-limburg"):
        roles = set(
            RegionMembership.objects.filter(region__slug=slug).values_list("role", flat=True)
        )
        assert roles == set(RegionRole.values)
    in_both = User.objects.filter(region_memberships__region__slug="iroj-limburg").filter(
        region_memberships__region__slug="zuid-limburg"
    )
    assert in_both.count() == 1
    assert not User.objects.exclude(email__endswith=".example").exists()


def test_every_write_is_audited_by_the_region_admin(demo):
    for slug in ("iroj-limburg", "zuid-limburg"):
        admin = User.objects.get(
            region_memberships__region__slug=slug, region_memberships__role=RegionRole.ADMIN
        )
        events = AuditEvent.objects.filter(region__slug=slug)
        # The administrator's own role is the first record: no one gave it.
        first = events.get(actor=None)
        assert first.action == "region_membership.set_role"
        assert first.target_id == str(
            RegionMembership.objects.get(region__slug=slug, user=admin).pk
        )
        assert set(events.exclude(pk=first.pk).values_list("actor", flat=True)) == {admin.pk}
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "region_membership.set_role",
        "constituency.create",
        "organisation.create",
        "body.create",
        "terms.add_version",
        "seat.create",
        "membership.create",
        "membership.end",
        "initiative.register",
    } <= actions
    assert AuditEvent.objects.filter(action="membership.create").count() == (
        Membership.objects.count()
    )


def test_demo_admin_logs_in_with_the_demo_password(client, demo):
    assert client.login(email="beheerder@iroj-limburg.example", password=DEMO_PASSWORD)
    body = Body.objects.get(name="Kerngroep RTJ")
    response = client.get(reverse("body_detail", args=["iroj-limburg", body.pk]))
    assert response.status_code == 200
    assert "Uitdragen visie 1G1P" in response.text


def test_command_prints_the_logins_and_password_unless_quiet():
    output = load()
    assert DEMO_PASSWORD in output
    assert "beheerder@iroj-limburg.example" in output
    assert "beheerder@zuid-limburg.example" in output
    assert "voorzitter.rtj@iroj-limburg.example" in output
    assert "nothing to add" in load()
    assert load("--quiet") == ""

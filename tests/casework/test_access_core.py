"""C8: who has a seat at a case, read by every case page and endpoint (casework.permissions)."""

import pytest
from django.db import connection
from django.http import Http404
from django.utils import timezone

from aantafel.casework.permissions import case_get_for_user, case_seat, cases_visible_to
from aantafel.regions.models import RegionRole
from tests import factories as f

from .factories import CaseFactory, minor_of, parent_of, seat_participant

pytestmark = pytest.mark.django_db


def _fresh(user):
    """A new user object: seats are cached per request (per user object)."""
    return type(user).objects.get(pk=user.pk)


def test_c8_seats_at_the_table(case, coordinator, professional, privacy_officer):
    assert case_seat(_fresh(coordinator), case).sees_case
    assert case_seat(_fresh(case.chair), case).sees_case
    assert case_seat(_fresh(minor_of(case).user), case).sees_case
    assert case_seat(_fresh(parent_of(case).user), case).sees_case
    assert case_seat(_fresh(professional.user), case).sees_case
    officer = case_seat(_fresh(privacy_officer), case)
    assert officer.reads_log
    assert not officer.sees_case


def test_c8_everyone_else_gets_404(case, region, region_admin, supporter, outsider):
    other_case = CaseFactory(region=region, at_table=True)
    colleague = f.UserFactory()  # same organisation as a participant, but not at this table
    staff = f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user
    for user in (region_admin, supporter, outsider, other_case.chair, colleague, staff):
        with pytest.raises(Http404):
            case_get_for_user(_fresh(user), region, case.reference)
        assert not cases_visible_to(_fresh(user), region).filter(pk=case.pk).exists()


def test_c8_withdrawn_consent_ends_the_seat(case, region, professional):
    professional.consents.update(withdrawn_at=timezone.now())
    with pytest.raises(Http404):
        case_get_for_user(_fresh(professional.user), region, case.reference)


def test_c5_non_professional_sees_only_the_statement_until_accepted(case, neighbour):
    seat = case_seat(_fresh(neighbour.user), case)
    assert seat.at_table
    assert seat.must_accept_confidentiality
    assert not seat.sees_case


def test_c8_case_text_is_encrypted_in_the_database(case):
    seat_participant(case, name="Jeroen Claes")
    with connection.cursor() as cursor:
        cursor.execute("SELECT question, address, requester_name FROM casework_case")
        question, address, requester = cursor.fetchone()
        cursor.execute("SELECT name, birth_date FROM casework_caseclient")
        names = cursor.fetchall()
        cursor.execute("SELECT name, email FROM casework_participant")
        participants = cursor.fetchall()
    stored = [question, address, requester, *sum(names, ()), *sum(participants, ())]
    assert all(value and value.startswith("gAAAA") for value in stored if value)
    assert "school" not in question
    assert "Peeters" not in requester
    assert minor_of(case).name == "Lotte Peeters"  # and the application reads it back


def test_c8_a_case_outside_your_table_answers_the_site_404_page(client, case, region_admin):
    client.force_login(region_admin)
    response = client.get(f"/regio/{case.region.slug}/clientoverleg/{case.reference}/")
    assert response.status_code == 404
    assert "utrecht-heading-1" in response.content.decode()  # the site's page, not a bare one
    assert "Peeters" not in response.content.decode()

"""The case page and the pages of the table (C4, C5, C8): who gets what, the forms run the
services, and the case page reads a fixed number of queries whatever the size of the table."""

import datetime
import re

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aantafel.casework.models import (
    CaseLog,
    ConsentMethod,
    Consultation,
    ConsultationKind,
    Participant,
    ParticipantKind,
)
from aantafel.casework.workflow import ConsultationStatus

from .factories import CaseFactory, minor_of, parent_of, seat_participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(case):
    starts_at = timezone.now() + datetime.timedelta(days=7)
    return Consultation.objects.create(
        region=case.region,
        case=case,
        kind=ConsultationKind.FIRST,
        status=ConsultationStatus.SCHEDULED,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        location="Huis van het Kind, Hasselt",
    )


def _url(case, path=""):
    return f"/regio/{case.region.slug}/clientoverleg/{case.reference}/{path}"


def _manage_paths(case, professional, consultation):
    return [
        "deelnemers/nieuw/",
        f"deelnemers/{professional.pk}/verwijderen/",
        "overleggen/nieuw/",
        f"overleggen/{consultation.pk}/",
    ]


def _future_form(days=7, hours=2):
    starts_at = timezone.localtime(timezone.now() + datetime.timedelta(days=days))
    ends_at = starts_at + datetime.timedelta(hours=hours)
    return {
        "starts_at": starts_at.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": ends_at.strftime("%Y-%m-%dT%H:%M"),
        "location": "Online",
    }


# --- Who gets what ---------------------------------------------------------------------------------
def test_c8_chair_and_coordinator_manage_the_table(
    client, case, coordinator, professional, consultation
):
    for user in (case.chair, coordinator):
        client.force_login(user)
        assert client.get(_url(case)).status_code == 200
        for path in _manage_paths(case, professional, consultation):
            assert client.get(_url(case, path)).status_code == 200, path
        assert client.get(_url(case, f"overleggen/{consultation.pk}/agenda.ics")).status_code == 200


def test_c8_a_participant_sees_the_case_but_does_not_manage_it(
    client, case, professional, consultation
):
    client.force_login(professional.user)
    response = client.get(_url(case))
    assert response.status_code == 200
    assert response.context["perms"]["manage_table"] is False
    for path in _manage_paths(case, professional, consultation):
        assert client.get(_url(case, path)).status_code == 403, path
    assert (
        client.post(_url(case, f"deelnemers/{professional.pk}/hulpcoordinator/")).status_code == 403
    )
    assert client.post(_url(case, f"deelnemers/{professional.pk}/verwijderen/")).status_code == 403
    assert Participant.objects.get(pk=professional.pk).removed_at is None
    ics = client.get(_url(case, f"overleggen/{consultation.pk}/agenda.ics"))
    assert ics.status_code == 200
    assert ics["Content-Type"].startswith("text/calendar")
    event = next(iter(icalendar.Calendar.from_ical(ics.content).walk("VEVENT")))
    assert str(event["SUMMARY"]) == f"Cliëntoverleg {case.reference}"


def test_c8_the_clients_see_their_case(client, case, professional):
    for client_user in (minor_of(case).user, parent_of(case).user):
        client.force_login(client_user)
        response = client.get(_url(case))
        assert response.status_code == 200
        assert client.get(_url(case, "deelnemers/nieuw/")).status_code == 403


def test_c8_everyone_else_gets_404(
    client,
    case,
    region,
    region_admin,
    supporter,
    outsider,
    privacy_officer,
    professional,
    consultation,
):
    other_case = CaseFactory(region=region, at_table=True)
    paths = [
        "",
        "geheimhouding/",
        *_manage_paths(case, professional, consultation),
        f"overleggen/{consultation.pk}/agenda.ics",
    ]
    for user in (region_admin, supporter, outsider, other_case.chair):
        client.force_login(user)
        for path in paths:
            assert client.get(_url(case, path)).status_code == 404, (user, path)
        assert (
            client.post(_url(case, f"deelnemers/{professional.pk}/hulpcoordinator/")).status_code
            == 404
        )
    # The data protection officer reads the log, never the case.
    client.force_login(privacy_officer)
    for path in paths:
        assert client.get(_url(case, path)).status_code == 404, path


def test_c8_a_participant_whose_consent_was_withdrawn_gets_404(client, case, professional):
    professional.consents.update(withdrawn_at=timezone.now())
    client.force_login(professional.user)
    assert client.get(_url(case)).status_code == 404


def test_c8_the_case_page_is_logged_and_named_by_its_reference_only(client, case, professional):
    client.force_login(professional.user)
    response = client.get(_url(case))
    title = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)
    assert case.reference in title
    for word in ("Lotte", "Sanne", "Peeters", "Jeroen"):
        assert word not in title
    assert CaseLog.objects.filter(
        case=case, user=professional.user, action="view", what="case page"
    ).exists()


def test_c5_the_case_page_shows_the_regime(client, case, professional):
    client.force_login(case.chair)
    assert client.get(_url(case)).context["table"]["regime"] == "shared_professional_secrecy"
    seat_participant(case, kind=ParticipantKind.TRUSTED_PERSON, name="Juf Annelies")
    response = client.get(_url(case))
    assert response.context["table"]["regime"] == "duty_of_confidentiality"
    assert 'class="utrecht-alert utrecht-alert--info aantafel-regime"' in response.content.decode()


# --- The forms run the services -----------------------------------------------------------------------
def _invite_data(case, **overrides):
    data = {
        "kind": ParticipantKind.PROFESSIONAL,
        "name": "Tine Janssens",
        "email": "tine.janssens@cgg.example",
        "organisation": "CGG Limburg",
        "function": "psycholoog",
        "consent_given_by": minor_of(case).pk,
        "consent_method": ConsentMethod.IN_PERSON,
        "consent_given_at": timezone.localdate().isoformat(),
    }
    data.update(overrides)
    return data


def test_c4_the_invitation_form_refuses_the_police_saying_why(client, case):
    client.force_login(case.chair)
    response = client.post(
        _url(case, "deelnemers/nieuw/"), _invite_data(case, kind=ParticipantKind.POLICE)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert [e.code for e in errors["kind"]] == ["never_at_table"]
    assert not Participant.objects.filter(case=case).exists()


def test_c4_the_invitation_form_refuses_the_wrong_consent_giver(client, case):
    client.force_login(case.chair)
    response = client.post(
        _url(case, "deelnemers/nieuw/"), _invite_data(case, consent_given_by=parent_of(case).pk)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert [e.code for e in errors["consent_given_by"]] == ["wrong_consent_giver"]
    assert not Participant.objects.filter(case=case).exists()


def test_c4_the_chair_invites_a_participant(
    client, case, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(case.chair)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(case, "deelnemers/nieuw/"), _invite_data(case))
    assert response.status_code == 302
    assert response["Location"] == _url(case)
    participant = Participant.objects.get(case=case)
    assert participant.organisation == "CGG Limburg"
    assert participant.consents.get().given_by == minor_of(case)
    assert len(mailoutbox) == 1
    page = client.get(_url(case)).content.decode()
    assert "Tine Janssens" in page
    assert "CGG Limburg" in page


def test_c7_the_chair_changes_the_help_coordinator(client, case, professional):
    other = seat_participant(case, name="Tine Janssens")
    client.force_login(case.chair)
    response = client.post(_url(case, f"deelnemers/{other.pk}/hulpcoordinator/"))
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.is_help_coordinator
    assert client.get(_url(case, f"deelnemers/{other.pk}/hulpcoordinator/")).status_code == 405


def test_c8_the_chair_removes_a_participant(client, case, professional):
    client.force_login(case.chair)
    response = client.post(_url(case, f"deelnemers/{professional.pk}/verwijderen/"))
    assert response.status_code == 302
    professional.refresh_from_db()
    assert professional.removed_at is not None
    # Gone from the table: the page of their removal is gone too.
    assert client.get(_url(case, f"deelnemers/{professional.pk}/verwijderen/")).status_code == 404


def test_consultation_pages_plan_move_note_and_cancel(
    client, case, professional, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(case.chair)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(case, "overleggen/nieuw/"), _future_form())
    assert response.status_code == 302
    consultation = Consultation.objects.get(case=case)
    assert consultation.status == ConsultationStatus.SCHEDULED
    assert mailoutbox
    edit = _url(case, f"overleggen/{consultation.pk}/")
    # End before start: the refusal stands beside the field, nothing changes.
    refused = client.post(edit, {"action": "reschedule", **_future_form(hours=-1)})
    assert refused.status_code == 200
    assert [e.code for e in refused.context["times_form"].errors.as_data()["ends_at"]] == [
        "ends_before_start"
    ]
    assert Consultation.objects.get(pk=consultation.pk).sequence == 0
    assert client.post(edit, {"action": "reschedule", **_future_form(days=8)}).status_code == 302
    assert Consultation.objects.get(pk=consultation.pk).sequence == 1
    assert (
        client.post(edit, {"action": "notes", "notes": "Afspraken in het werkplan."}).status_code
        == 302
    )
    assert Consultation.objects.get(pk=consultation.pk).notes == "Afspraken in het werkplan."
    # The notes are for those at the table: the participant reads them on the case page.
    client.force_login(professional.user)
    assert "Afspraken in het werkplan." in client.get(_url(case)).content.decode()
    client.force_login(case.chair)
    assert client.post(edit, {"action": "cancel"}).status_code == 302
    assert Consultation.objects.get(pk=consultation.pk).status == ConsultationStatus.CANCELLED


def test_consultation_page_plans_a_requested_follow_up(client, case):
    requested = Consultation.objects.create(
        region=case.region,
        case=case,
        kind=ConsultationKind.FOLLOW_UP,
        status=ConsultationStatus.REQUESTED,
    )
    client.force_login(case.chair)
    assert client.get(_url(case, "overleggen/nieuw/")).context["waiting"] == requested
    response = client.post(
        _url(case, f"overleggen/{requested.pk}/"), {"action": "schedule", **_future_form()}
    )
    assert response.status_code == 302
    requested.refresh_from_db()
    assert requested.status == ConsultationStatus.SCHEDULED


# --- Reads are budgeted -------------------------------------------------------------------------------
def test_case_page_reads_a_fixed_number_of_queries(client, case, django_assert_num_queries):
    for n in range(2):
        seat_participant(case, name=f"Deelnemer {n}")
    Consultation.objects.create(
        region=case.region,
        case=case,
        kind=ConsultationKind.FIRST,
        status=ConsultationStatus.SCHEDULED,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        ends_at=timezone.now() + datetime.timedelta(days=3, hours=2),
    )
    client.force_login(case.chair)
    client.get(_url(case))  # warm caches that have nothing to do with the table
    with CaptureQueriesContext(connection) as with_two:
        assert client.get(_url(case)).status_code == 200
    for n in range(6):
        seat_participant(
            case,
            kind=ParticipantKind.NETWORK if n % 2 else ParticipantKind.PROFESSIONAL,
            name=f"Deelnemer {n + 2}",
        )
    Participant.objects.filter(case=case).first().consents.update(withdrawn_at=timezone.now())
    with django_assert_num_queries(len(with_two.captured_queries)):
        response = client.get(_url(case))
    assert response.status_code == 200
    assert len(response.context["table"]["seated"]) == 7

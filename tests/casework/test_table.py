"""C3, C4, C5 and C7: who sits at the family's table, the confidentiality regime, and the
consultations with their invitations (casework.services.table)."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from aantafel.accounts.models import User
from aantafel.casework.models import (
    CaseLog,
    CaseMail,
    Consent,
    ConsentMethod,
    Consultation,
    ConsultationKind,
    Participant,
    ParticipantKind,
)
from aantafel.casework.services import consultations, table
from aantafel.casework.workflow import CaseStatus, ConsultationStatus
from aantafel.core.errors import ConflictError, DomainError
from tests import factories as f

from .factories import CaseFactory, minor_of, parent_of, seat_participant

pytestmark = pytest.mark.django_db

FAMILY_WORDS = ("Lotte", "Sanne", "Peeters", "Voorbeeldstraat", "school")


def _fresh(user):
    """A new user object: seats are cached per user object (one request)."""
    return User.objects.get(pk=user.pk)


def _invite(case, **overrides):
    values = {
        "actor": _fresh(case.chair),
        "case": case,
        "kind": ParticipantKind.PROFESSIONAL,
        "name": "Jeroen Claes",
        "email": "jeroen.claes@caw.example",
        "organisation": "CAW Limburg",
        "function": "contextbegeleider",
        "consent_given_by": minor_of(case),
        "consent_method": ConsentMethod.IN_PERSON,
    }
    values.update(overrides)
    return table.participant_invite(**values)


def _nothing_saved(case, email="jeroen.claes@caw.example"):
    assert not Participant.objects.filter(case=case).exists()
    assert not Consent.objects.filter(case=case, participant__isnull=False).exists()
    assert not User.objects.filter(email=email).exists()
    assert not CaseLog.objects.filter(case=case, action="change").exists()
    assert not CaseMail.objects.filter(case=case).exists()


def _in_future(hours=24 * 7, length=2):
    starts_at = (timezone.now() + datetime.timedelta(hours=hours)).replace(second=0, microsecond=0)
    return starts_at, starts_at + datetime.timedelta(hours=length)


def _calendar(message) -> icalendar.Calendar:
    for content, mimetype in message.alternatives:
        if mimetype.startswith("text/calendar"):
            return icalendar.Calendar.from_ical(content)
    raise AssertionError("no calendar entry in the message")


def _event(calendar: icalendar.Calendar):
    return next(c for c in calendar.walk("VEVENT"))


# --- C4: who may take part ------------------------------------------------------------------------
def _refused(case, kind):
    with pytest.raises(DomainError) as refused:
        _invite(case, kind=kind, name="Agent", email="agent@politie.example")
    assert refused.value.field == "kind"
    assert refused.value.code == "never_at_table"
    assert str(refused.value.message)  # says why
    _nothing_saved(case, "agent@politie.example")


def test_c4_police_cannot_join(case):
    _refused(case, ParticipantKind.POLICE)


def test_c4_prosecutor_cannot_join(case):
    _refused(case, ParticipantKind.PROSECUTOR)


def test_c4_juvenile_judge_cannot_join(case):
    _refused(case, ParticipantKind.JUVENILE_JUDGE)


def test_c4_participant_needs_the_clients_consent(case, region):
    # The young person is 14: a parent's consent does not count (C1), nothing is saved.
    with pytest.raises(DomainError) as refused:
        _invite(case, consent_given_by=parent_of(case))
    assert refused.value.field == "consent_given_by"
    assert refused.value.code == "wrong_consent_giver"
    _nothing_saved(case)
    # Below 12 it is the other way round.
    young = CaseFactory(region=region, at_table=True, family__minor_age=9)
    with pytest.raises(DomainError) as refused:
        _invite(young, consent_given_by=minor_of(young))
    assert refused.value.field == "consent_given_by"
    _nothing_saved(young)
    participant = _invite(young, consent_given_by=parent_of(young))
    assert participant.consents.get().given_by == parent_of(young)


def test_c4_consent_of_another_case_does_not_count(case, region):
    other = CaseFactory(region=region, at_table=True)
    with pytest.raises(DomainError) as refused:
        _invite(case, consent_given_by=minor_of(other))
    assert refused.value.field == "consent_given_by"
    _nothing_saved(case)


def test_c4_consent_cannot_be_given_in_the_future(case):
    with pytest.raises(DomainError) as refused:
        _invite(case, consent_given_at=timezone.now() + datetime.timedelta(days=2))
    assert refused.value.field == "consent_given_at"
    _nothing_saved(case)


def test_c4_a_professional_names_organisation_and_function(case):
    for field in ("organisation", "function"):
        with pytest.raises(DomainError) as refused:
            _invite(case, **{field: " "})
        assert refused.value.field == field
        _nothing_saved(case)


def test_c4_participant_is_invited_with_the_consent_recorded(
    case, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        participant = _invite(case, consent_method=ConsentMethod.PHONE)
    consent = participant.consents.get()
    assert consent.given_by == minor_of(case)
    assert consent.method == ConsentMethod.PHONE
    assert consent.recorded_by == case.chair
    assert participant.user.email == "jeroen.claes@caw.example"
    assert participant.user.full_name == "Jeroen Claes"
    assert not participant.user.has_usable_password()
    assert participant.invited_by == case.chair
    whats = set(CaseLog.objects.filter(case=case, action="change").values_list("what", flat=True))
    assert {"participant invited", "consent given"} <= whats
    (message,) = mailoutbox
    assert message.to == ["jeroen.claes@caw.example"]
    assert case.reference in message.subject
    assert "/accounts/login/code/" in message.body
    for word in (*FAMILY_WORDS, "Jeroen"):
        assert word not in message.subject
        assert word not in message.body
    assert CaseMail.objects.get(case=case).kind == "table_invitation"


def test_c4_an_existing_account_is_reused(case, region):
    user = f.UserFactory(email="els.buur@voorbeeld.example")
    participant = _invite(
        case, kind=ParticipantKind.NETWORK, name="Els", email="Els.Buur@voorbeeld.example"
    )
    assert participant.user == user
    assert participant.organisation == ""
    assert CaseMail.objects.get(case=case).kind == "table_invitation_statement"


def test_c4_chair_cannot_be_a_participant(case):
    with pytest.raises(DomainError) as refused:
        _invite(case, email=case.chair.email.upper())
    assert refused.value.field == "email"
    assert refused.value.code == "chair_not_participant"
    assert not Participant.objects.filter(case=case).exists()


def test_c4_a_client_is_not_invited_as_participant(case):
    with pytest.raises(DomainError) as refused:
        _invite(case, email=parent_of(case).email)
    assert refused.value.field == "email"
    assert not Participant.objects.filter(case=case).exists()


def test_c4_someone_at_the_table_is_not_invited_twice(case, professional):
    with pytest.raises(ConflictError) as refused:
        _invite(case, email=professional.user.email)
    assert refused.value.status_code == 409
    assert refused.value.code == "already_at_table"
    assert Participant.objects.filter(case=case).count() == 1


def test_c4_after_withdrawn_consent_a_new_invitation_starts_anew(case, professional):
    professional.consents.update(withdrawn_at=timezone.now())
    again = _invite(case, email=professional.user.email)
    professional.refresh_from_db()
    assert professional.removed_at is not None
    assert again.user == professional.user
    assert again.consents.get().is_standing


def test_c4_nobody_joins_a_closed_case(region):
    closed = CaseFactory(region=region, closed=True)
    with pytest.raises(ConflictError) as refused:
        _invite(closed)
    assert refused.value.code == "case_not_open"
    assert closed.status == CaseStatus.CLOSED


def test_c8_a_removed_participant_leaves_the_table(case, professional):
    table.participant_remove(actor=_fresh(case.chair), case=case, participant=professional)
    professional.refresh_from_db()
    assert professional.removed_at is not None
    assert CaseLog.objects.filter(case=case, what="participant removed").exists()
    with pytest.raises(ConflictError):
        table.participant_remove(actor=_fresh(case.chair), case=case, participant=professional)


# --- C7: one help coordinator -----------------------------------------------------------------------
def test_c7_one_help_coordinator_per_case(case, professional):
    other = seat_participant(case, name="Tine Janssens")
    table.help_coordinator_set(actor=_fresh(case.chair), case=case, participant=other)
    professional.refresh_from_db()
    other.refresh_from_db()
    assert other.is_help_coordinator
    assert not professional.is_help_coordinator
    with pytest.raises(ConflictError):
        table.help_coordinator_set(actor=_fresh(case.chair), case=case, participant=other)


def test_c7_the_help_coordinator_is_seated(case, professional):
    other = seat_participant(case, name="Tine Janssens")
    other.consents.update(withdrawn_at=timezone.now())
    with pytest.raises(DomainError) as refused:
        table.help_coordinator_set(actor=_fresh(case.chair), case=case, participant=other)
    assert refused.value.code == "not_seated"


def test_c7_an_invited_help_coordinator_takes_over(case, professional):
    newcomer = _invite(case, is_help_coordinator=True)
    professional.refresh_from_db()
    assert newcomer.is_help_coordinator
    assert not professional.is_help_coordinator


# --- C5: the confidentiality regime -------------------------------------------------------------------
def test_c5_regime_is_shared_professional_secrecy_with_only_professionals(case, professional):
    seat_participant(case, kind=ParticipantKind.EXPERT, name="Dr. Wouters")
    assert table.confidentiality_regime(case) == "shared_professional_secrecy"


def test_c5_regime_becomes_duty_of_confidentiality_with_a_neighbour(case, professional):
    assert table.confidentiality_regime(case) == "shared_professional_secrecy"
    neighbour = _invite(
        case, kind=ParticipantKind.NETWORK, name="Els", email="els@voorbeeld.example"
    )
    assert table.confidentiality_regime(case) == "duty_of_confidentiality"
    # It follows who sits at the table: once the neighbour leaves, it is professional again.
    table.participant_remove(actor=_fresh(case.chair), case=case, participant=neighbour)
    assert table.confidentiality_regime(case) == "shared_professional_secrecy"


def test_c5_a_teacher_is_no_professional(case, professional):
    seat_participant(case, kind=ParticipantKind.TRUSTED_PERSON, name="Juf Annelies")
    assert table.confidentiality_regime(case) == "duty_of_confidentiality"


def test_c5_neighbour_accepts_for_themselves(case, neighbour):
    with pytest.raises(DomainError) as refused:
        table.confidentiality_accept(actor=_fresh(case.chair), participant=neighbour)
    assert refused.value.code == "not_own_statement"
    table.confidentiality_accept(actor=_fresh(neighbour.user), participant=neighbour)
    neighbour.refresh_from_db()
    assert neighbour.confidentiality_accepted_at is not None
    assert CaseLog.objects.filter(case=case, what="confidentiality accepted").exists()


def test_c5_accepting_twice_is_refused(case, neighbour):
    table.confidentiality_accept(actor=_fresh(neighbour.user), participant=neighbour)
    accepted_at = Participant.objects.get(pk=neighbour.pk).confidentiality_accepted_at
    with pytest.raises(ConflictError) as refused:
        table.confidentiality_accept(actor=_fresh(neighbour.user), participant=neighbour)
    assert refused.value.status_code == 409
    assert refused.value.code == "already_accepted"
    assert Participant.objects.get(pk=neighbour.pk).confidentiality_accepted_at == accepted_at


# --- Consultations ------------------------------------------------------------------------------------
def _schedule(case, **overrides):
    starts_at, ends_at = _in_future()
    values = {
        "actor": _fresh(case.chair),
        "case": case,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "location": "Huis van het Kind, Hasselt",
    }
    values.update(overrides)
    return consultations.consultation_schedule(**values)


def test_consultation_invitation_has_a_calendar_file(
    case, professional, neighbour, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        consultation = _schedule(case)
    assert consultation.status == ConsultationStatus.SCHEDULED
    assert consultation.kind == ConsultationKind.FIRST
    recipients = sorted(address for m in mailoutbox for address in m.to)
    expected = [
        case.chair.email,
        professional.email,
        neighbour.email,
        minor_of(case).email,
        parent_of(case).email,
    ]
    assert recipients == sorted(expected)
    for message in mailoutbox:
        assert case.reference in message.subject
        for word in FAMILY_WORDS:
            assert word not in message.subject
            assert word not in message.body
        calendar = _calendar(message)
        assert str(calendar["METHOD"]) == "REQUEST"
        event = _event(calendar)
        assert str(event["SUMMARY"]) == f"Cliëntoverleg {case.reference}"
        assert int(event["SEQUENCE"]) == 0
        assert str(event["LOCATION"]) == "Huis van het Kind, Hasselt"
        assert event.decoded("DTSTART") == consultation.starts_at
        assert event.decoded("DTEND") == consultation.ends_at
        raw = calendar.to_ical().decode()
        for word in FAMILY_WORDS[:3]:
            assert word.lower() not in raw.lower()
        assert any(name == "invite.ics" for name, _content, _type in message.attachments)
    uids = {str(_event(_calendar(m))["UID"]) for m in mailoutbox}
    assert len(uids) == 1
    assert CaseLog.objects.filter(case=case, what="consultation scheduled").exists()


def test_consultation_end_before_start_is_refused(case):
    starts_at, _ends_at = _in_future()
    with pytest.raises(DomainError) as refused:
        _schedule(case, starts_at=starts_at, ends_at=starts_at - datetime.timedelta(hours=1))
    assert refused.value.field == "ends_at"
    assert refused.value.code == "ends_before_start"
    with pytest.raises(DomainError) as refused:
        _schedule(
            case,
            starts_at=timezone.now() - datetime.timedelta(days=1),
            ends_at=timezone.now() - datetime.timedelta(days=1, hours=-2),
        )
    assert refused.value.field == "starts_at"
    assert refused.value.code == "in_past"
    assert not Consultation.objects.filter(case=case).exists()
    assert not CaseMail.objects.filter(case=case).exists()


def test_consultation_reschedule_bumps_the_sequence(
    case, professional, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        consultation = _schedule(case)
    first_uid = str(_event(_calendar(mailoutbox[0]))["UID"])
    mailoutbox.clear()
    starts_at, ends_at = _in_future(hours=24 * 9)
    with django_capture_on_commit_callbacks(execute=True):
        consultations.consultation_reschedule(
            actor=_fresh(case.chair),
            consultation=consultation,
            starts_at=starts_at,
            ends_at=ends_at,
            location="Online",
        )
    assert mailoutbox
    for message in mailoutbox:
        event = _event(_calendar(message))
        assert int(event["SEQUENCE"]) == 1
        assert str(event["UID"]) == first_uid
        assert event.decoded("DTSTART") == starts_at
        assert str(event["LOCATION"]) == "Online"


def test_consultation_cancel_cancels_the_calendar_entry(
    case, professional, django_capture_on_commit_callbacks, mailoutbox
):
    consultation = _schedule(case)
    with django_capture_on_commit_callbacks(execute=True):
        consultations.consultation_cancel(actor=_fresh(case.chair), consultation=consultation)
    assert mailoutbox
    for message in mailoutbox:
        calendar = _calendar(message)
        assert str(calendar["METHOD"]) == "CANCEL"
        assert str(_event(calendar)["STATUS"]) == "CANCELLED"
    with pytest.raises(ConflictError):
        consultations.consultation_cancel(actor=_fresh(case.chair), consultation=consultation)


def test_c7_a_requested_follow_up_is_the_one_planned(case):
    first = _schedule(case)
    requested = Consultation.objects.create(
        region=case.region,
        case=case,
        kind=ConsultationKind.FOLLOW_UP,
        status=ConsultationStatus.REQUESTED,
        request_reason="De hulp op school loopt vast.",
    )
    planned = _schedule(case)
    assert planned.pk == requested.pk
    assert planned.status == ConsultationStatus.SCHEDULED
    assert planned.pk != first.pk
    # Without a request, the next one is a follow-up too.
    assert _schedule(case).kind == ConsultationKind.FOLLOW_UP


def test_consultation_notes_only_by_the_chair_or_coordinator(case, professional, coordinator):
    consultation = _schedule(case)
    with pytest.raises(DomainError) as refused:
        consultations.consultation_notes_save(
            actor=_fresh(professional.user), consultation=consultation, notes="Mijn notities"
        )
    assert refused.value.code == "not_chair"
    consultations.consultation_notes_save(
        actor=_fresh(coordinator), consultation=consultation, notes="Afspraken: zie werkplan."
    )
    consultation.refresh_from_db()
    assert consultation.notes == "Afspraken: zie werkplan."
    assert CaseLog.objects.filter(case=case, what="consultation notes saved").exists()


def test_consultation_is_marked_held_once_started(case):
    future = _schedule(case)
    with pytest.raises(ConflictError) as refused:
        consultations.consultation_mark_held(actor=_fresh(case.chair), consultation=future)
    assert refused.value.code == "not_started"
    started = Consultation.objects.create(
        region=case.region,
        case=case,
        kind=ConsultationKind.FIRST,
        status=ConsultationStatus.SCHEDULED,
        starts_at=timezone.now() - datetime.timedelta(hours=2),
        ends_at=timezone.now() - datetime.timedelta(hours=1),
    )
    consultations.consultation_mark_held(actor=_fresh(case.chair), consultation=started)
    started.refresh_from_db()
    assert started.status == ConsultationStatus.HELD


# --- C5 on the pages ------------------------------------------------------------------------------------
def test_c5_neighbour_sees_only_the_statement_before_accepting(client, case, neighbour):
    consultation = _schedule(case)
    client.force_login(neighbour.user)
    slug, ref = case.region.slug, case.reference
    statement = f"/regio/{slug}/clientoverleg/{ref}/geheimhouding/"
    for path in (
        "",
        "deelnemers/nieuw/",
        f"deelnemers/{neighbour.pk}/verwijderen/",
        "overleggen/nieuw/",
        f"overleggen/{consultation.pk}/",
        f"overleggen/{consultation.pk}/agenda.ics",
    ):
        response = client.get(f"/regio/{slug}/clientoverleg/{ref}/{path}")
        assert response.status_code == 302, path
        assert response["Location"] == statement
    response = client.post(
        f"/regio/{slug}/clientoverleg/{ref}/deelnemers/{neighbour.pk}/hulpcoordinator/"
    )
    assert response["Location"] == statement
    page = client.get(statement)
    assert page.status_code == 200
    html = page.content.decode()
    for word in (*FAMILY_WORDS, "Hasselt", "Jeroen"):
        assert word not in html
    assert 'name="accept"' in html
    # Accepting without ticking the box changes nothing.
    assert client.post(statement, {}).status_code == 200
    assert Participant.objects.get(pk=neighbour.pk).confidentiality_accepted_at is None
    response = client.post(statement, {"accept": "on"})
    assert response.status_code == 302
    assert response["Location"] == f"/regio/{slug}/clientoverleg/{ref}/"
    assert client.get(response["Location"]).status_code == 200
    # Accepted: the statement still reads, without the form; posting again is refused.
    again = client.get(statement)
    assert again.status_code == 200
    assert 'name="accept"' not in again.content.decode()
    refused = client.post(statement, {"accept": "on"})
    assert refused.status_code == 200
    assert refused.context["form"].errors

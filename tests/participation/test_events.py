"""P2: events with registration, waiting list, cancellation and check-in, through the services.

Mail goes out after the commit: tests that read the mailbox run the commit callbacks
(django_capture_on_commit_callbacks(execute=True)); the task backend runs at once."""

import datetime
import io
import json
import smtplib
import uuid

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone
from icalendar import Calendar

from aantafel.audit.models import AuditEvent
from aantafel.core.errors import ConflictError, DomainError
from aantafel.meetings.calendar import site_host
from aantafel.participation import links, mail, tasks
from aantafel.participation.models import (
    AudienceType,
    Event,
    EventStatus,
    Registration,
    RegistrationMail,
    RegistrationStatus,
)
from aantafel.participation.services import events as services

from .factories_events import (
    EventFactory,
    PillarFactory,
    RegistrationFactory,
    TrajectoryFactory,
    in_days,
    registrations,
)

pytestmark = pytest.mark.django_db

YOUNG, PARENT, MUNICIPALITY = (
    AudienceType.YOUNG_PERSON,
    AudienceType.PARENT,
    AudienceType.MUNICIPALITY,
)


@pytest.fixture
def event(region):
    return EventFactory(region=region, capacity=2)


def register(event, email: str, audience: str = YOUNG, name: str = "Sam", needs: str = ""):
    return services.registration_submit(
        event=event, name=name, email=email, audience=audience, accessibility_needs=needs
    )


def calendar_of(message) -> Calendar:
    """The calendar entry attached to a mail (the text/calendar alternative)."""
    (ics,) = [content for content, mimetype in message.alternatives if "text/calendar" in mimetype]
    return Calendar.from_ical(ics)


def vevent(calendar: Calendar):
    (entry,) = calendar.walk("VEVENT")
    return entry


def create_kwargs(region, **changes) -> dict:
    starts_at = in_days(10)
    values = {
        "region": region,
        "title": "Startconferentie",
        "place": "Flexiforum, Kerkrade",
        "starts_at": starts_at,
        "ends_at": starts_at + datetime.timedelta(hours=4),
        "capacity": 200,
        "audiences": [YOUNG, PARENT],
    }
    return values | changes


# --- Events --------------------------------------------------------------------------------------
def test_p2_an_event_is_created_as_a_draft_and_audited(region, staff):
    event = services.event_create(actor=staff, **create_kwargs(region, audiences=[PARENT, YOUNG]))
    assert event.status == EventStatus.DRAFT
    assert event.audiences == [YOUNG, PARENT]  # in the order of AudienceType, each once
    audit = AuditEvent.objects.get(action="event.create", target_id=str(event.pk))
    assert audit.actor == staff
    assert audit.changes["capacity"] == [None, 200]


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"title": "  "}, "title", "required"),
        ({"place": ""}, "place", "required"),
        ({"starts_at": None}, "starts_at", "required"),
        ({"ends_at": in_days(9)}, "ends_at", "ends_before_start"),
        ({"capacity": 0}, "capacity", "capacity"),
        ({"capacity": None}, "capacity", "capacity"),
        ({"audiences": []}, "audiences", "required"),
        ({"audiences": ["pets"]}, "audiences", "invalid_choice"),
        ({"registration_closes_at": in_days(11)}, "registration_closes_at", "closes_after_start"),
    ],
)
def test_p2_an_event_needs_a_sound_time_capacity_and_audience(region, staff, changes, field, code):
    with pytest.raises(DomainError) as refused:
        services.event_create(actor=staff, **create_kwargs(region, **changes))
    assert (refused.value.field, refused.value.code) == (field, code)
    assert not Event.objects.exists()


def test_p2_an_event_takes_a_trajectory_and_pillar_of_its_region_only(region, other_region, staff):
    trajectory = TrajectoryFactory(region=region)
    pillar = PillarFactory(trajectory=trajectory)
    other_pillar = PillarFactory(trajectory=TrajectoryFactory(region=region))
    foreign = TrajectoryFactory(region=other_region)

    event = services.event_create(actor=staff, **create_kwargs(region, pillar=pillar))
    assert (event.trajectory, event.pillar) == (trajectory, pillar)  # the pillar's trajectory
    for changes, field, code in [
        ({"trajectory": foreign}, "trajectory", "other_region"),
        (
            {"trajectory": trajectory, "pillar": other_pillar},
            "pillar",
            "pillar_of_other_trajectory",
        ),
        ({"pillar": PillarFactory(trajectory=foreign)}, "pillar", "other_region"),
    ]:
        with pytest.raises(DomainError) as refused:
            services.event_create(actor=staff, **create_kwargs(region, **changes))
        assert (refused.value.field, refused.value.code) == (field, code)


def test_p2_publishing_opens_a_draft_once(region, staff):
    event = EventFactory(region=region, draft=True)
    services.event_publish(actor=staff, event=event)
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    assert AuditEvent.objects.filter(action="event.publish", actor=staff).count() == 1
    with pytest.raises(ConflictError) as refused:
        services.event_publish(actor=staff, event=event)
    assert refused.value.code == "not_draft"


def _update(staff, event, **changes):
    values = {
        name: getattr(event, name)
        for name in (
            "title",
            "description",
            "programme",
            "place",
            "address",
            "starts_at",
            "ends_at",
            "capacity",
            "audiences",
            "registration_closes_at",
            "trajectory",
            "pillar",
        )
    }
    return services.event_update(actor=staff, event=event, **(values | changes))


def test_p2_the_capacity_cannot_go_below_the_places_taken(event, staff):
    registrations(event, 2)
    with pytest.raises(DomainError) as refused:
        _update(staff, event, capacity=1)
    assert (refused.value.field, refused.value.code) == ("capacity", "capacity_below_registered")
    event.refresh_from_db()
    assert event.capacity == 2


def test_p2_more_room_goes_to_the_waiting_list_at_once(
    event, staff, mailoutbox, django_capture_on_commit_callbacks
):
    registrations(event, 2)
    first, second, third = (
        RegistrationFactory(event=event, waiting=True, email=f"w{i}@voorbeeld.example")
        for i in range(3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        _update(staff, event, capacity=4)
    statuses = {r.pk: r.status for r in Registration.objects.filter(event=event)}
    assert statuses[first.pk] == statuses[second.pk] == RegistrationStatus.CONFIRMED
    assert statuses[third.pk] == RegistrationStatus.WAITING
    assert sorted(m.to[0] for m in mailoutbox) == ["w0@voorbeeld.example", "w1@voorbeeld.example"]


def test_p2_a_new_time_updates_the_calendar_of_everyone_with_a_place(
    region, staff, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(region=region, capacity=1)
    confirmed = RegistrationFactory(event=event)
    RegistrationFactory(event=event, waiting=True)
    with django_capture_on_commit_callbacks(execute=True):
        _update(
            staff,
            event,
            starts_at=event.starts_at + datetime.timedelta(hours=1),
            ends_at=event.ends_at + datetime.timedelta(hours=1),
        )
    event.refresh_from_db()
    assert event.sequence == 1
    (message,) = mailoutbox
    assert message.to == [confirmed.email]
    calendar = calendar_of(message)
    assert calendar["METHOD"] == "REQUEST"
    assert vevent(calendar)["SEQUENCE"] == 1
    assert vevent(calendar)["UID"] == mail.ical_uid(confirmed)


def test_p2_a_cancelled_event_cannot_be_changed(region, staff):
    event = EventFactory(region=region, cancelled=True)
    with pytest.raises(ConflictError) as refused:
        _update(staff, event, title="Anders")
    assert refused.value.code == "event_cancelled"


def test_p2_cancelling_an_event_mails_everyone_a_calendar_cancellation(
    event, staff, mailoutbox, django_capture_on_commit_callbacks
):
    confirmed = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, waiting=True)
    RegistrationFactory(event=event, cancelled=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(actor=staff, event=event)
    event.refresh_from_db()
    assert (event.status, event.sequence) == (EventStatus.CANCELLED, 1)
    assert sorted(m.to[0] for m in mailoutbox) == sorted([confirmed.email, waiting.email])
    for message in mailoutbox:
        calendar = calendar_of(message)
        assert calendar["METHOD"] == "CANCEL"
        assert vevent(calendar)["STATUS"] == "CANCELLED"
        assert vevent(calendar)["SEQUENCE"] == 1
        assert event.title in message.subject
    with pytest.raises(ConflictError) as refused:
        services.event_cancel(actor=staff, event=event)
    assert refused.value.code == "already_cancelled"


def test_p2_the_after_movie_link_is_set_afterwards(region, staff):
    event = EventFactory(region=region, past=True)
    with pytest.raises(DomainError) as refused:
        services.event_set_media(actor=staff, event=event, media_url="javascript:alert(1)")
    assert (refused.value.field, refused.value.code) == ("media_url", "invalid_url")
    services.event_set_media(actor=staff, event=event, media_url="https://youtu.be/-adavpHGCrw")
    event.refresh_from_db()
    assert event.media_url == "https://youtu.be/-adavpHGCrw"
    assert AuditEvent.objects.filter(action="event.media", actor=staff).exists()


# --- Registration --------------------------------------------------------------------------------
def test_p2_you_are_confirmed_while_there_is_room(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, "sam@voorbeeld.example", needs="Een rolstoelplek")
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.accessibility_needs == "Een rolstoelplek"
    (message,) = mailoutbox
    assert message.to == ["sam@voorbeeld.example"]
    assert event.title in message.subject
    assert links.cancel_url(registration) in message.body
    calendar = calendar_of(message)
    entry = vevent(calendar)
    assert calendar["METHOD"] == "REQUEST"
    assert entry["UID"] == f"event-{event.pk}-registration-{registration.pk}@{site_host()}"
    assert entry["SEQUENCE"] == event.sequence
    assert entry.decoded("DTSTART") == event.starts_at
    assert str(entry["SUMMARY"]) == event.title
    assert any(name == "invite.ics" for name, *_ in message.attachments)
    record = RegistrationMail.objects.get(registration=registration)
    assert (record.kind, record.sent_at is not None) == (mail.CONFIRMATION, True)


def test_p2_full_event_puts_you_on_the_waiting_list(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    registrations(event, 2)
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, "kim@voorbeeld.example")
    assert registration.status == RegistrationStatus.WAITING
    assert Registration.objects.filter(event=event, status="confirmed").count() == 2
    (message,) = mailoutbox
    assert links.cancel_url(registration) in message.body
    assert not [m for _content, m in message.alternatives if "text/calendar" in m]


def test_p2_registering_twice_with_the_same_address_is_refused(event):
    register(event, "Sam@Voorbeeld.example")
    with pytest.raises(ConflictError) as refused:
        register(event, "sam@voorbeeld.EXAMPLE", audience=PARENT)
    assert refused.value.status_code == 409
    assert (refused.value.code, refused.value.field) == ("already_registered", "email")
    assert Registration.objects.filter(event=event).count() == 1
    assert RegistrationMail.objects.count() == 1


def test_p2_the_database_holds_one_registration_per_address(event):
    RegistrationFactory(event=event, email="sam@voorbeeld.example")
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(event=event, email="SAM@voorbeeld.example", waiting=True)


def test_p2_after_cancelling_you_may_register_again(event):
    first = register(event, "sam@voorbeeld.example")
    services.registration_cancel(key=links.token_for(first))
    again = register(event, "sam@voorbeeld.example")
    assert again.status == RegistrationStatus.CONFIRMED
    assert again.pk != first.pk


@pytest.mark.parametrize(
    ("traits", "code"),
    [
        ({"past": True}, "event_past"),
        ({"closed": True}, "registration_closed"),
        ({"draft": True}, "not_open"),
        ({"cancelled": True}, "event_cancelled"),
    ],
)
def test_p2_a_past_closed_draft_or_cancelled_event_refuses_registration(region, traits, code):
    event = EventFactory(region=region, **traits)
    with pytest.raises(ConflictError) as refused:
        register(event, "sam@voorbeeld.example")
    assert refused.value.code == code
    assert not Registration.objects.exists()
    assert not RegistrationMail.objects.exists()


def test_p2_an_audience_the_event_is_not_for_is_a_field_error(region):
    event = EventFactory(region=region, audiences=[YOUNG, PARENT])
    with pytest.raises(DomainError) as refused:
        register(event, "wethouder@gemeente.example", audience=MUNICIPALITY)
    assert refused.value.field == "audience"
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("name", "email", "field", "code"),
    [
        ("", "sam@voorbeeld.example", "name", "required"),
        ("Sam", "", "email", "required"),
        ("Sam", "geen-adres", "email", "invalid"),
        ("S" * 151, "sam@voorbeeld.example", "name", "too_long"),
    ],
)
def test_p2_a_registration_needs_a_name_and_an_address(event, name, email, field, code):
    with pytest.raises(DomainError) as refused:
        register(event, email, name=name)
    assert (refused.value.field, refused.value.code) == (field, code)
    assert not Registration.objects.exists()


# --- Cancellation --------------------------------------------------------------------------------
def test_p2_cancellation_moves_the_first_waiting_up_and_mails_them_an_invitation(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    leaving, _staying = registrations(event, 2)
    first = RegistrationFactory(event=event, waiting=True, email="eerst@voorbeeld.example")
    second = RegistrationFactory(event=event, waiting=True, email="later@voorbeeld.example")
    Registration.objects.filter(pk=second.pk).update(
        created_at=first.created_at + datetime.timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = services.registration_cancel(key=links.token_for(leaving))
    assert cancelled.status == RegistrationStatus.CANCELLED
    assert cancelled.cancelled_at is not None
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == RegistrationStatus.CONFIRMED
    assert first.promoted_at is not None
    assert second.status == RegistrationStatus.WAITING
    assert Registration.objects.filter(event=event, status="confirmed").count() == 2

    by_address = {m.to[0]: m for m in mailoutbox}
    assert set(by_address) == {leaving.email, first.email}
    promoted = calendar_of(by_address[first.email])
    assert promoted["METHOD"] == "REQUEST"
    assert vevent(promoted)["UID"] == mail.ical_uid(first)
    assert vevent(promoted).decoded("DTEND") == event.ends_at
    assert links.cancel_url(first) in by_address[first.email].body
    receipt = calendar_of(by_address[leaving.email])
    assert receipt["METHOD"] == "CANCEL"
    assert vevent(receipt)["SEQUENCE"] == event.sequence + 1  # overtakes the invitation
    assert AuditEvent.objects.filter(action="registration.promote").count() == 1


def test_p2_leaving_the_waiting_list_moves_nobody_up(event):
    registrations(event, 2)
    waiting = RegistrationFactory(event=event, waiting=True)
    behind = RegistrationFactory(event=event, waiting=True)
    services.registration_cancel(key=links.token_for(waiting))
    behind.refresh_from_db()
    assert behind.status == RegistrationStatus.WAITING
    assert Registration.objects.filter(event=event, status="confirmed").count() == 2


def test_p2_a_cancel_link_used_twice_is_refused(event):
    registration = register(event, "sam@voorbeeld.example")
    token = links.token_for(registration)
    services.registration_cancel(key=token)
    with pytest.raises(ConflictError) as refused:
        services.registration_cancel(key=token)
    assert (refused.value.status_code, refused.value.code) == (409, "already_cancelled")
    assert AuditEvent.objects.filter(action="registration.cancel").count() == 1


def test_p2_a_forged_cancel_link_is_refused(event):
    registration = register(event, "sam@voorbeeld.example")
    token = links.token_for(registration)
    forged = [
        str(registration.key),  # the key alone: guessed or read from a database copy
        token[:-1] + ("A" if token[-1] != "A" else "B"),  # an altered signature
        f"{uuid.uuid4()}:{token.split(':')[1]}",  # another key with this signature
        "niets",
    ]
    for key in forged:
        with pytest.raises(DomainError) as refused:
            services.registration_cancel(key=key)
        assert (refused.value.status_code, refused.value.code) == (404, "unknown_link")
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_p2_a_registration_of_a_deleted_event_has_a_link_that_no_longer_works(event):
    registration = register(event, "sam@voorbeeld.example")
    token = links.token_for(registration)
    event.delete()
    with pytest.raises(DomainError) as refused:
        services.registration_cancel(key=token)
    assert refused.value.code == "unknown_link"


def test_p2_no_cancelling_once_the_event_has_started(event):
    registration = register(event, "sam@voorbeeld.example")
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    with pytest.raises(ConflictError) as refused:
        services.registration_cancel(key=links.token_for(registration))
    assert refused.value.code == "event_past"


# --- Check-in and attendance ---------------------------------------------------------------------
def test_p2_check_in_twice_is_refused(event, staff):
    registration = RegistrationFactory(event=event)
    services.registration_check_in(actor=staff, registration=registration)
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    assert registration.checked_in_by == staff
    with pytest.raises(ConflictError) as refused:
        services.registration_check_in(actor=staff, registration=registration)
    assert (refused.value.status_code, refused.value.code) == (409, "already_checked_in")
    audit = AuditEvent.objects.get(action="registration.check_in")
    assert audit.actor == staff


@pytest.mark.parametrize("traits", [{"waiting": True}, {"cancelled": True}])
def test_p2_only_a_confirmed_registration_is_checked_in(event, staff, traits):
    registration = RegistrationFactory(event=event, **traits)
    with pytest.raises(ConflictError) as refused:
        services.registration_check_in(actor=staff, registration=registration)
    assert refused.value.code == "not_confirmed"


def test_p2_attendance_counts_per_audience(region, staff):
    event = EventFactory(region=region, capacity=10, audiences=[YOUNG, PARENT, MUNICIPALITY])
    for audience, status, checked_in in [
        (YOUNG, "confirmed", True),
        (YOUNG, "confirmed", True),
        (YOUNG, "confirmed", False),
        (YOUNG, "waiting", False),
        (PARENT, "confirmed", True),
        (PARENT, "cancelled", False),
        (PARENT, "cancelled", False),
        (AudienceType.INSTITUTION, "confirmed", False),  # offered before a change of the event
    ]:
        RegistrationFactory(
            event=event,
            audience=audience,
            status=status,
            checked_in_at=timezone.now() if checked_in else None,
        )
    figures = services.attendance(event)
    rows = {
        row.audience: (row.registered, row.waiting, row.cancelled, row.checked_in)
        for row in figures.rows
    }
    assert [row.audience for row in figures.rows] == [YOUNG, PARENT, MUNICIPALITY, "institution"]
    assert rows == {
        YOUNG: (3, 1, 0, 2),
        PARENT: (1, 0, 2, 1),
        MUNICIPALITY: (0, 0, 0, 0),
        "institution": (1, 0, 0, 0),
    }
    total = figures.total
    assert (total.registered, total.waiting, total.cancelled, total.checked_in) == (5, 1, 2, 3)
    assert figures.places_left == 5


# --- Privacy and mail ----------------------------------------------------------------------------
def test_p2_no_name_or_address_of_a_registrant_lands_in_the_audit_trail(event, staff):
    registrations(event, 2)
    registration = register(event, "geheim@voorbeeld.example", name="Geheime Naam", needs="Tolk")
    services.registration_cancel(key=links.token_for(registration))
    leaving = Registration.objects.filter(event=event, status="confirmed").first()
    services.registration_check_in(actor=staff, registration=leaving)
    trail = json.dumps(
        list(AuditEvent.objects.values("target_repr", "changes", "actor_repr")), default=str
    )
    for registrant in Registration.objects.filter(event=event):
        assert registrant.name not in trail
        assert registrant.email not in trail
    assert "Tolk" not in trail


def test_p2_a_registration_mail_is_sent_once(event, mailoutbox):
    registration = register(event, "sam@voorbeeld.example")  # no commit: the record waits
    record = RegistrationMail.objects.get(registration=registration)
    assert not mailoutbox
    assert mail.send(record.pk) is False
    assert mail.send(record.pk) is False
    assert len(mailoutbox) == 1


def test_p2_a_refused_mail_is_tried_again(event, mailoutbox, monkeypatch):
    registration = register(event, "sam@voorbeeld.example")
    record = RegistrationMail.objects.get(registration=registration)

    def refuse(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    assert tasks.send_registration_mail.call(record.pk) is True
    record.refresh_from_db()
    assert (record.sent_at, record.attempts) == (None, 1)
    monkeypatch.undo()
    RegistrationMail.objects.filter(pk=record.pk).update(
        updated_at=timezone.now() - datetime.timedelta(hours=1)
    )
    call_command("retry_registration_mail", stdout=io.StringIO())
    record.refresh_from_db()
    assert record.sent_at is not None
    assert len(mailoutbox) == 1


def test_p2_a_confirmation_overtaken_by_the_cancelled_event_cancels(event, staff, mailoutbox):
    registration = register(event, "sam@voorbeeld.example")
    confirmation = RegistrationMail.objects.get(registration=registration)
    services.event_cancel(actor=staff, event=event)
    mail.send(confirmation.pk)
    (message,) = mailoutbox
    assert calendar_of(message)["METHOD"] == "CANCEL"
    assert links.cancel_url(registration) not in message.body


# --- The check-in code (QR) --------------------------------------------------------------------


def _attachment(message, name):
    return next((content for n, content, _type in message.attachments if n == name), None)


def test_p2_a_confirmation_carries_the_check_in_code_and_a_waiting_notice_does_not(
    region, mailoutbox
):
    event = EventFactory(region=region, capacity=1)
    placed = register(event, "sam@voorbeeld.example")
    waiting = register(event, "kim@voorbeeld.example")
    for registration in (placed, waiting):
        mail.send(RegistrationMail.objects.get(registration=registration).pk)
    confirmation, notice = mailoutbox
    png = _attachment(confirmation, mail.CHECK_IN_CODE_NAME)
    assert png is not None
    assert png.startswith(b"\x89PNG")
    assert png == mail.check_in_png(placed)  # the code of this registration, not another's
    assert _attachment(notice, mail.CHECK_IN_CODE_NAME) is None


def test_p2_the_check_in_code_opens_the_person_and_checks_in_on_a_click(client, region, staff):
    event = EventFactory(region=region)
    registration = RegistrationFactory(event=event, name="Noor")
    client.force_login(staff)
    url = links.check_in_url(registration)
    page = client.get(url)
    assert page.status_code == 200
    assert "Noor" in page.content.decode()
    registration.refresh_from_db()
    assert registration.checked_in_at is None  # scanning alone changes nothing
    assert client.post(url).status_code == 302
    registration.refresh_from_db()
    assert registration.checked_in_by == staff


def test_p2_a_forged_check_in_code_or_the_cancel_token_opens_nothing(client, region, staff):
    event = EventFactory(region=region)
    registration = RegistrationFactory(event=event)
    client.force_login(staff)
    base = links.check_in_url(registration).rsplit("/code/", 1)[0] + "/code/"
    for token in (links.token_for(registration), f"{registration.key}:forged"):
        assert client.get(f"{base}{token}/").status_code == 404

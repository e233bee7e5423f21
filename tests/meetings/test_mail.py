"""M5 and B5: the invitation mail with its calendar entry, its updates and its cancellation."""

import datetime
import io

import pytest
from django.core.management import call_command

from aantafel.bodies.models import SeatRole
from aantafel.meetings import services
from aantafel.meetings.models import Attendance, Response
from aantafel.notifications.models import Delivery, DeliveryStatus, Kind
from aantafel.notifications.tasks import fan_out, send_delivery

from .. import factories as f
from ..notifications.scene import BRUSSELS, at, event_of, ics_of, plan, publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://aantafel.example.org"


@pytest.fixture
def invited(body, supporter, chair, member):
    return {supporter.email, chair.email, member.email}


def _attendee_params(event) -> dict[str, dict]:
    attendees = event.get("attendee")
    attendees = attendees if isinstance(attendees, list) else [attendees]
    return {str(a).removeprefix("mailto:"): dict(a.params) for a in attendees}


def test_m5_publishing_sends_one_invitation_per_invitee_with_a_calendar_entry(
    body, supporter, chair, member, invited, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = publish(body, supporter, django_capture_on_commit_callbacks)

    assert len(mailoutbox) == 3
    assert sorted(m.to[0] for m in mailoutbox) == sorted(invited)
    assert all(len(m.to) == 1 for m in mailoutbox)
    for message in mailoutbox:
        assert message.reply_to == [supporter.email]
        calendar, mimetype = ics_of(message)
        assert mimetype == "text/calendar; method=REQUEST"
        (part,) = [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]
        assert part.get_param("method") == "REQUEST"
        assert part.get_content_disposition() is None  # the part mail clients act on
        assert str(calendar["METHOD"]) == "REQUEST"
        event = event_of(calendar)
        assert str(event["UID"]) == f"{meeting.ical_uid}@aantafel.example.org"
        assert int(event["SEQUENCE"]) == 0
        assert str(event["ORGANIZER"]) == f"mailto:{supporter.email}"
        assert str(event["ORGANIZER"].params["CN"]) == supporter.full_name
        attendees = _attendee_params(event)
        assert set(attendees) == invited
        assert attendees[chair.email]["ROLE"] == "CHAIR"
        assert attendees[member.email]["PARTSTAT"] == "NEEDS-ACTION"
        assert attendees[member.email]["RSVP"] == "TRUE"
        # DTSTART/DTEND in the region's zone, with its VTIMEZONE.
        assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
        assert event["DTSTART"].dt == at(21, 14)
        assert event["DTSTART"].dt.utcoffset() == at(21, 14).utcoffset()
        assert event["DTEND"].dt == at(21, 16)
        assert event["DTEND"].params["TZID"] == "Europe/Brussels"
        assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
        assert "Provinciehuis Hasselt" in str(event["LOCATION"])
        assert "https://meet.example.org/kerngroep" in str(event["LOCATION"])
        assert str(event["URL"]).startswith("https://aantafel.example.org/")
        # The agenda travels, but not the title of a confidential item.
        assert "1. Wachtlijsten & RTJ" in str(event["DESCRIPTION"])
        assert "2." not in str(event["DESCRIPTION"])  # the confidential item
        assert "Janssens" not in str(event["DESCRIPTION"])
        # The mail itself: time in the region's zone, place, online link, agenda, a link.
        assert "14:00–16:00" in message.body
        assert "Provinciehuis Hasselt, zaal 2" in message.body
        assert "https://meet.example.org/kerngroep" in message.body
        assert "Wachtlijsten & RTJ" in message.body
        assert "Janssens" not in message.body
        html = next(c for c, t in message.alternatives if t == "text/html")
        assert "Wachtlijsten &amp; RTJ" in html
        assert "Janssens" not in html
    assert (
        Delivery.objects.filter(kind=Kind.MEETING_INVITATION, status=DeliveryStatus.SENT).count()
        == 3
    )


def test_m5_invitation_links_to_the_documents(
    body, supporter, member, mailoutbox, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    meeting = plan(body, supporter, confidential_item=False)
    item = meeting.items.get()
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    document = services.document_add(
        actor=supporter,
        upload=SimpleUploadedFile("nota.pdf", pdf, content_type="application/pdf"),
        title="Nota wachtlijsten",
        item=item,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_publish(actor=supporter, meeting=meeting)

    message = next(m for m in mailoutbox if m.to == [member.email])
    assert "Nota wachtlijsten" in message.body
    assert f"/{meeting.pk}/" in message.body
    assert document.title in next(c for c, t in message.alternatives if t == "text/html")


def test_m5_the_organizer_is_the_site_without_a_publisher(
    body, supporter, member, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.DEFAULT_FROM_EMAIL = "Aan Tafel <noreply@aantafel.example.org>"
    meeting = publish(body, supporter, django_capture_on_commit_callbacks)
    meeting.published_by = None
    meeting.save(update_fields=["published_by"])
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(
            actor=supporter,
            meeting=meeting,
            details=services.MeetingDetails(
                starts_at=at(22), ends_at=at(22, 16), location=meeting.location
            ),
        )
    event = event_of(ics_of(mailoutbox[0])[0])
    assert str(event["ORGANIZER"]) == "mailto:noreply@aantafel.example.org"
    assert str(event["ORGANIZER"].params["CN"]) == "Aan Tafel"


def test_m5_an_update_keeps_the_uid_and_raises_the_sequence(
    body, supporter, invited, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = publish(body, supporter, django_capture_on_commit_callbacks)
    first = event_of(ics_of(mailoutbox[0])[0])
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(
            actor=supporter,
            meeting=meeting,
            details=services.MeetingDetails(
                starts_at=at(22, 10),
                ends_at=at(22, 12),
                location="Huis van het Kind, Genk",
            ),
        )

    assert sorted(m.to[0] for m in mailoutbox) == sorted(invited)
    calendar, mimetype = ics_of(mailoutbox[0])
    assert mimetype == "text/calendar; method=REQUEST"
    event = event_of(calendar)
    assert event["UID"] == first["UID"]
    assert int(event["SEQUENCE"]) == 1 > int(first["SEQUENCE"])
    assert event["DTSTART"].dt == at(22, 10)
    assert str(event["LOCATION"]) == "Huis van het Kind, Genk"
    assert "10:00–12:00" in mailoutbox[0].body


def test_m5_a_change_that_is_not_about_time_or_place_sends_nothing(
    body, supporter, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = publish(body, supporter, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_item_add(
            actor=supporter,
            meeting=meeting,
            item=services.ItemFields(title="Rondvraag", item_type="information"),
        )
    assert mailoutbox == []


def test_m5_a_cancellation_sends_method_cancel_for_the_same_entry(
    body, supporter, invited, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = publish(body, supporter, django_capture_on_commit_callbacks)
    uid = event_of(ics_of(mailoutbox[0])[0])["UID"]
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(actor=supporter, meeting=meeting, reason="Te weinig leden")

    assert sorted(m.to[0] for m in mailoutbox) == sorted(invited)
    calendar, mimetype = ics_of(mailoutbox[0])
    assert mimetype == "text/calendar; method=CANCEL"
    assert str(calendar["METHOD"]) == "CANCEL"
    event = event_of(calendar)
    assert event["UID"] == uid
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1
    assert "Te weinig leden" in mailoutbox[0].body


def test_m5_a_planned_meeting_cancelled_before_publication_sends_nothing(
    body, supporter, member, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = plan(body, supporter)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(actor=supporter, meeting=meeting, reason="Dubbel gepland")
    assert mailoutbox == []


def test_m5_an_invitation_still_queued_when_the_meeting_is_cancelled_is_not_sent(
    body, supporter, invited, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "tests.notifications.failing_backend.FailingBackend"
    meeting = publish(body, supporter, django_capture_on_commit_callbacks)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(actor=supporter, meeting=meeting, reason="Zaal niet vrij")
    call_command("send_pending_mail", "--min-age", "0", stdout=io.StringIO())

    assert len(mailoutbox) == 3
    assert all(ics_of(m)[1] == "text/calendar; method=CANCEL" for m in mailoutbox)
    assert set(
        Delivery.objects.filter(kind=Kind.MEETING_INVITATION).values_list("status", flat=True)
    ) == {DeliveryStatus.SKIPPED}


def test_m5_running_the_tasks_twice_sends_nothing_twice(
    body, supporter, invited, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = publish(body, supporter, django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 3

    fan_out.enqueue("agenda_published", meeting.pk)
    for delivery in Delivery.objects.all():
        send_delivery.enqueue(delivery.pk)

    assert len(mailoutbox) == 3
    assert Delivery.objects.count() == 3


def test_m5_a_failing_mail_server_leaves_the_delivery_pending_and_a_retry_sends_it_once(
    body, supporter, invited, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "tests.notifications.failing_backend.FailingBackend"
    publish(body, supporter, django_capture_on_commit_callbacks)

    assert mailoutbox == []
    deliveries = Delivery.objects.all()
    assert deliveries.count() == 3
    for delivery in deliveries:
        assert delivery.status == DeliveryStatus.PENDING
        assert delivery.attempts == 1
        assert "SMTPServerDisconnected" in delivery.last_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_pending_mail", "--min-age", "0", stdout=io.StringIO())
    call_command("send_pending_mail", "--min-age", "0", stdout=io.StringIO())
    for delivery in Delivery.objects.all():
        send_delivery.enqueue(delivery.pk)

    assert len(mailoutbox) == 3
    assert set(Delivery.objects.values_list("status", "attempts")) == {(DeliveryStatus.SENT, 2)}


def test_m5_a_delivery_is_given_up_after_repeated_errors(
    body, supporter, invited, mailoutbox, django_capture_on_commit_callbacks, settings
):
    from aantafel.notifications.services import MAX_ATTEMPTS

    settings.EMAIL_BACKEND = "tests.notifications.failing_backend.FailingBackend"
    publish(body, supporter, django_capture_on_commit_callbacks)
    for _ in range(MAX_ATTEMPTS + 2):
        call_command("send_pending_mail", "--min-age", "0", stdout=io.StringIO())
    assert set(Delivery.objects.values_list("status", "attempts")) == {
        (DeliveryStatus.FAILED, MAX_ATTEMPTS)
    }


def test_b5_apologies_of_a_seat_holder_invite_the_substitute_with_a_calendar_entry(
    body, supporter, mailoutbox, django_capture_on_commit_callbacks
):
    seat = f.SeatFactory(body=body)
    holder = f.MembershipFactory(body=body, seat=seat, seat_role=SeatRole.HOLDER)
    substitute = f.MembershipFactory(
        body=body, seat=seat, seat_role=SeatRole.SUBSTITUTE, substitute_for=holder
    )
    meeting = publish(body, supporter, django_capture_on_commit_callbacks)
    assert substitute.user.email not in {m.to[0] for m in mailoutbox}
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.attendance_respond(actor=holder.user, meeting=meeting, response=Response.APOLOGIES)

    assert [m.to for m in mailoutbox] == [[substitute.user.email]]
    message = mailoutbox[0]
    assert holder.user.full_name in message.body
    calendar, mimetype = ics_of(message)
    assert mimetype == "text/calendar; method=REQUEST"
    event = event_of(calendar)
    assert str(event["UID"]) == f"{meeting.ical_uid}@aantafel.example.org"
    attendees = _attendee_params(event)
    assert attendees[holder.user.email]["PARTSTAT"] == "DECLINED"
    assert attendees[substitute.user.email]["PARTSTAT"] == "NEEDS-ACTION"
    assert Delivery.objects.get(recipient=substitute.user).kind == Kind.SUBSTITUTE_INVITATION
    assert Attendance.objects.get(meeting=meeting, user=substitute.user).substitute_for.user == (
        holder.user
    )


def test_m5_times_are_in_the_zone_of_the_region(
    other_region, mailoutbox, django_capture_on_commit_callbacks
):
    """A Dutch region's meeting is written in Europe/Amsterdam, whatever the server's zone."""
    body = f.BodyFactory(region=other_region, name="Cliëntenraad")
    supporter = f.MembershipFactory(body=body, supporter=True).user
    meeting = plan(body, supporter, confidential_item=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_publish(actor=supporter, meeting=meeting)
    event = event_of(ics_of(mailoutbox[0])[0])
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert event["DTSTART"].dt.astimezone(datetime.UTC) == at(21, 14).astimezone(datetime.UTC)
    assert BRUSSELS.key not in {
        str(tz["TZID"]) for tz in ics_of(mailoutbox[0])[0].walk("VTIMEZONE")
    }


def test_m5_two_quick_changes_send_one_update_with_the_latest_entry(
    body, supporter, invited, mailoutbox, django_capture_on_commit_callbacks, settings
):
    meeting = publish(body, supporter, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    settings.EMAIL_BACKEND = "tests.notifications.failing_backend.FailingBackend"
    for hour in (10, 11):
        with django_capture_on_commit_callbacks(execute=True):
            services.meeting_update(
                actor=supporter,
                meeting=meeting,
                details=services.MeetingDetails(
                    starts_at=at(22, hour), ends_at=at(22, hour + 1), location=meeting.location
                ),
            )
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_pending_mail", "--min-age", "0", stdout=io.StringIO())

    assert sorted(m.to[0] for m in mailoutbox) == sorted(invited)
    event = event_of(ics_of(mailoutbox[0])[0])
    assert int(event["SEQUENCE"]) == 2
    assert event["DTSTART"].dt == at(22, 11)

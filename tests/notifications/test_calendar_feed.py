"""M5: "Each member has a personal calendar feed of their meetings"."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from aantafel.audit.models import AuditEvent
from aantafel.meetings import services
from aantafel.notifications.models import CalendarFeed
from aantafel.notifications.services import calendar_feed_renew

from .. import factories as f
from .scene import publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://aantafel.example.org"


def _feed(client, token):
    return client.get(reverse("calendar_feed", args=[token]))


def _events(response) -> dict[str, object]:
    calendar = Calendar.from_ical(response.content)
    assert "METHOD" not in calendar
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_m5_the_feed_holds_the_meetings_one_is_invited_to(
    client, body, supporter, member, django_capture_on_commit_callbacks
):
    coming = publish(body, supporter, django_capture_on_commit_callbacks)
    cancelled = publish(body, supporter, django_capture_on_commit_callbacks, days=35)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(actor=supporter, meeting=cancelled, reason="Geen zaal")
    not_published = f.MeetingFactory(body=body)  # nobody is invited yet
    long_ago = f.AttendanceFactory(
        meeting=f.MeetingFactory(
            body=body,
            held=True,
            starts_at=timezone.now() - datetime.timedelta(days=120),
        ),
        user=member,
    ).meeting
    token = calendar_feed_renew(actor=member)

    response = _feed(client, token)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = _events(response)
    host = "aantafel.example.org"
    assert set(events) == {f"{coming.ical_uid}@{host}", f"{cancelled.ical_uid}@{host}"}
    assert f"{not_published.ical_uid}@{host}" not in events
    assert f"{long_ago.ical_uid}@{host}" not in events
    assert str(events[f"{cancelled.ical_uid}@{host}"]["STATUS"]) == "CANCELLED"
    assert str(events[f"{coming.ical_uid}@{host}"]["STATUS"]) == "CONFIRMED"
    event = events[f"{coming.ical_uid}@{host}"]
    assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert int(event["SEQUENCE"]) == coming.ical_sequence
    assert "ATTENDEE" not in event
    assert "Wachtlijsten & RTJ" in str(event["DESCRIPTION"])
    assert "Janssens" not in str(event["DESCRIPTION"])


def test_m5_the_feed_shows_no_meetings_of_another_person(
    client, body, supporter, member, django_capture_on_commit_callbacks
):
    publish(body, supporter, django_capture_on_commit_callbacks)
    stranger = f.UserFactory()
    other = f.MeetingFactory(published=True)  # another body: the member is not invited
    f.AttendanceFactory(meeting=other, user=stranger)

    events = _events(_feed(client, calendar_feed_renew(actor=member)))
    assert len(events) == 1
    assert not _events(_feed(client, calendar_feed_renew(actor=stranger))).keys() & events.keys()


def test_b1_the_feed_leaves_out_a_region_one_no_longer_belongs_to(
    client, body, supporter, member, django_capture_on_commit_callbacks
):
    publish(body, supporter, django_capture_on_commit_callbacks)
    member.region_memberships.all().delete()
    assert _events(_feed(client, calendar_feed_renew(actor=member))) == {}


def test_m5_a_wrong_token_is_404(client, member):
    calendar_feed_renew(actor=member)
    assert _feed(client, "not-the-token").status_code == 404
    assert _feed(client, "x" * 300).status_code == 404


def test_m5_a_renewed_or_stopped_address_no_longer_works(client, member):
    old = calendar_feed_renew(actor=member)
    new = calendar_feed_renew(actor=member)
    assert _feed(client, old).status_code == 404
    assert _feed(client, new).status_code == 200

    client.force_login(member)
    assert client.post(reverse("calendar_feed_stop")).status_code == 302
    client.logout()
    assert _feed(client, new).status_code == 404
    assert list(
        AuditEvent.objects.filter(actor=member).values_list("action", flat=True).order_by("pk")
    ) == ["calendar_feed.create", "calendar_feed.renew", "calendar_feed.stop"]


def test_m5_only_a_hash_of_the_token_is_stored(member):
    token = calendar_feed_renew(actor=member)
    feed = CalendarFeed.objects.get(user=member)
    assert token not in feed.token_hash
    assert len(feed.token_hash) == 64


def test_m5_the_feed_of_an_inactive_user_is_404(client, member):
    token = calendar_feed_renew(actor=member)
    member.is_active = False
    member.save(update_fields=["is_active"])
    assert _feed(client, token).status_code == 404


def test_m5_the_preferences_page_shows_a_new_feed_address_once(client, member):
    client.force_login(member)
    response = client.post(reverse("calendar_feed_renew"))
    assert response.status_code == 200
    url = response.context["feed_url"]
    assert url.startswith("https://aantafel.example.org/agenda/")
    assert url.endswith(".ics")
    assert response.context["webcal_url"] == "webcal://" + url.removeprefix("https://")
    # Shown once: the page afterwards does not hold it.
    again = client.get(reverse("notification_preferences"))
    assert again.context["feed_url"] is None
    assert url not in again.content.decode()
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    client.logout()
    assert _feed(client, token).status_code == 200


def test_m5_making_a_feed_address_needs_a_login_and_a_post(client, member):
    assert client.post(reverse("calendar_feed_renew")).status_code == 302
    assert not CalendarFeed.objects.exists()
    client.force_login(member)
    assert client.get(reverse("calendar_feed_renew")).status_code == 405


def test_m5_the_feed_reads_a_fixed_number_of_queries(
    client, body, supporter, member, django_capture_on_commit_callbacks, django_assert_num_queries
):
    token = calendar_feed_renew(actor=member)
    publish(body, supporter, django_capture_on_commit_callbacks)
    with django_assert_num_queries(3):
        _feed(client, token)
    for days in (28, 35, 42):
        publish(body, supporter, django_capture_on_commit_callbacks, days=days)
    with django_assert_num_queries(3):
        response = _feed(client, token)
    assert len(_events(response)) == 4

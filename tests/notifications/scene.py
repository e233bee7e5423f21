"""A published meeting, set up through the meeting services as a supporter would."""

import datetime
import zoneinfo

from django.utils import timezone
from icalendar import Calendar

from aantafel.meetings import services
from aantafel.meetings.models import ItemType

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def at(days: int, hour: int = 14) -> datetime.datetime:
    """A moment `days` from today at `hour` o'clock in Brussels."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=BRUSSELS)


def plan(body, supporter, *, days=21, hour=14, confidential_item=True, title=""):
    meeting = services.meeting_plan(
        actor=supporter,
        body=body,
        details=services.MeetingDetails(
            starts_at=at(days, hour),
            ends_at=at(days, hour + 2),
            location="Provinciehuis Hasselt, zaal 2",
            online_url="https://meet.example.org/kerngroep",
            title=title,
        ),
    )
    services.agenda_item_add(
        actor=supporter,
        meeting=meeting,
        item=services.ItemFields(title="Wachtlijsten & RTJ", item_type=ItemType.DISCUSSION),
    )
    if confidential_item:
        services.agenda_item_add(
            actor=supporter,
            meeting=meeting,
            item=services.ItemFields(
                title="Dossier familie Janssens", item_type=ItemType.DISCUSSION, confidential=True
            ),
        )
    return meeting


def publish(body, supporter, capture, **kwargs):
    meeting = plan(body, supporter, **kwargs)
    with capture(execute=True):
        services.meeting_publish(actor=supporter, meeting=meeting)
    meeting.refresh_from_db()
    return meeting


def ics_of(message) -> tuple[Calendar, str]:
    """The calendar object of a meeting mail, and the content type of its alternative part."""
    (content, mimetype), *_ = [a for a in message.alternatives if a[1].startswith("text/calendar")]
    attached = [a for a in message.attachments if a[0] == "invite.ics"]
    assert len(attached) == 1
    assert attached[0][1] == content
    return Calendar.from_ical(content), mimetype


def event_of(calendar: Calendar):
    (event,) = calendar.walk("VEVENT")
    return event

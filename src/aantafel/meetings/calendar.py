"""M5: meetings as iCalendar (RFC 5545) — the invitation attached to the mail, and each
person's calendar feed.

One meeting is one calendar entry for its whole life: its UID never changes and its SEQUENCE
goes up with each change (the services bump `ical_sequence`), so a mail client updates or
cancels the entry it already has instead of adding another.
"""

import datetime
import zoneinfo
from collections.abc import Iterable
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from aantafel.bodies.models import MembershipRole

from .models import AgendaItem, Attendance, Document, Meeting, MeetingStatus, Response

PRODID = "-//Aan Tafel//Aan Tafel//NL"
REQUEST, CANCEL = "REQUEST", "CANCEL"
# The personal feed shows meetings from this long ago on.
FEED_PAST = datetime.timedelta(days=92)

PARTSTAT: dict[str, str] = {
    Response.NO_ANSWER: "NEEDS-ACTION",
    Response.ATTENDING: "ACCEPTED",
    Response.APOLOGIES: "DECLINED",
}


# --- Links ---------------------------------------------------------------------------------------
def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def first_url(*candidates: tuple[str, tuple]) -> str:
    """The first of these named URLs that exists. Pages of the meeting cycle are built in
    parallel; until a page exists the link falls back to the next best one."""
    for name, args in candidates:
        try:
            return absolute(reverse(name, args=args))
        except NoReverseMatch:
            continue
    return settings.SITE_URL.rstrip("/") + "/"


def meeting_url(meeting: Meeting) -> str:
    slug = meeting.region.slug
    return first_url(
        ("meeting_detail", (slug, meeting.pk)), ("body_detail", (slug, meeting.body_id))
    )


def document_url(meeting: Meeting, document: Document) -> str:
    slug = meeting.region.slug
    return first_url(
        ("document_download", (slug, meeting.pk, document.pk)),
        ("meeting_detail", (slug, meeting.pk)),
        ("body_detail", (slug, meeting.body_id)),
    )


# --- What a meeting says -------------------------------------------------------------------------
def site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "aantafel.invalid"


def ical_uid(meeting: Meeting) -> str:
    return f"{meeting.ical_uid}@{site_host()}"


def meeting_name(meeting: Meeting) -> str:
    return meeting.title or meeting.body.name


def local_times(meeting: Meeting) -> tuple[datetime.datetime, datetime.datetime]:
    """Start and end in the region's time zone (Europe/Brussels, Europe/Amsterdam)."""
    zone = zoneinfo.ZoneInfo(meeting.region.timezone)
    return meeting.starts_at.astimezone(zone), meeting.ends_at.astimezone(zone)


def location_text(meeting: Meeting) -> str:
    return " – ".join(part for part in (meeting.location, meeting.online_url) if part)


def description(meeting: Meeting, items: Iterable[AgendaItem], link: str) -> str:
    lines = []
    if meeting.status == MeetingStatus.CANCELLED and meeting.cancelled_reason:
        lines += [_("Cancelled: %(reason)s") % {"reason": meeting.cancelled_reason}, ""]
    # Numbered as on the agenda itself; confidential items keep their number, not their title.
    numbered = [(n, item) for n, item in enumerate(items, start=1) if not item.confidential]
    if numbered:
        lines.append(_("Agenda"))
        lines += [f"{n}. {item.title}" for n, item in numbered]
        lines.append("")
    if meeting.online_url:
        lines += [_("Online: %(link)s") % {"link": meeting.online_url}, ""]
    lines.append(_("Documents and your answer: %(link)s") % {"link": link})
    return "\n".join(lines)


def _address(email: str, name: str, **params: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["CN"] = vText(name)
    for key, value in params.items():
        address.params[key.replace("_", "-").upper()] = vText(value)
    return address


def organizer(meeting: Meeting) -> vCalAddress:
    """The supporter who published the agenda; without one, the site's sender address."""
    if meeting.published_by is not None and meeting.published_by.email:
        return _address(meeting.published_by.email, meeting.published_by.full_name)
    name, email = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return _address(email, name)


def _role(attendance: Attendance) -> str:
    membership = attendance.membership
    if membership is not None and membership.role == MembershipRole.CHAIR:
        return "CHAIR"
    if membership is not None and membership.role == MembershipRole.GUEST:
        return "OPT-PARTICIPANT"
    return "REQ-PARTICIPANT"


def attendee(attendance: Attendance) -> vCalAddress:
    return _address(
        attendance.user.email,
        attendance.user.full_name,
        role=_role(attendance),
        partstat=PARTSTAT.get(attendance.response, "NEEDS-ACTION"),
        rsvp="TRUE",
    )


def meeting_event(
    meeting: Meeting,
    *,
    items: Iterable[AgendaItem],
    attendances: Iterable[Attendance] = (),
    with_organizer: bool = True,
) -> Event:
    """The VEVENT of a meeting; a cancelled meeting carries STATUS:CANCELLED."""
    starts_at, ends_at = local_times(meeting)
    link = meeting_url(meeting)
    event = Event()
    event.add("uid", ical_uid(meeting))
    event.add("sequence", meeting.ical_sequence)
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("last-modified", meeting.updated_at.astimezone(datetime.UTC))
    event.add("dtstart", starts_at)
    event.add("dtend", ends_at)
    event.add("summary", meeting_name(meeting))
    if location_text(meeting):
        event.add("location", location_text(meeting))
    event.add("url", link)
    event.add("description", description(meeting, items, link))
    cancelled = meeting.status == MeetingStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    if with_organizer:
        event.add("organizer", organizer(meeting))
    for attendance in attendances:
        event.add("attendee", attendee(attendance))
    return event


def _calendar(events: list[Event], method: str | None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    for event in events:
        calendar.add_component(event)
    return calendar


def _with_timezones(calendar: Calendar, meetings: list[Meeting]) -> Calendar:
    """Adds the VTIMEZONE of every zone used, with the transitions around these meetings only
    (the full history of a zone is long and no client needs it)."""
    if meetings:
        first = min(m.starts_at for m in meetings).date() - datetime.timedelta(days=366)
        last = max(m.ends_at for m in meetings).date() + datetime.timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def invitation_ics(meeting: Meeting) -> tuple[bytes, str]:
    """M5: the iCalendar object of the invitation mail and its METHOD: REQUEST for an
    invitation or update, CANCEL for a cancelled meeting. Every invited person is an ATTENDEE
    with their answer as PARTSTAT."""
    items = AgendaItem.objects.filter(meeting=meeting).order_by("position")
    attendances = (
        Attendance.objects.filter(meeting=meeting)
        .select_related("user", "membership")
        .order_by("user__full_name", "pk")
    )
    method = CANCEL if meeting.status == MeetingStatus.CANCELLED else REQUEST
    event = meeting_event(meeting, items=items, attendances=attendances)
    calendar = _with_timezones(_calendar([event], method), [meeting])
    return calendar.to_ical(), method


# --- The personal feed ---------------------------------------------------------------------------
def feed_meetings(user) -> list[Meeting]:
    """The meetings a person is invited to (Attendance), from three months back on, in the
    regions they still belong to (B1). Cancelled ones stay, so calendars drop the entry."""
    from django.db.models import Prefetch

    since = timezone.now() - FEED_PAST
    return list(
        Meeting.objects.filter(
            attendances__user=user,
            region__memberships__user=user,
            starts_at__gte=since,
        )
        .select_related("body", "region", "published_by")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=AgendaItem.objects.order_by("position").only(
                    "pk", "meeting_id", "position", "title", "confidential"
                ),
            )
        )
        .order_by("starts_at", "pk")
    )


def feed_ics(meetings: list[Meeting]) -> bytes:
    """M5: the personal calendar feed: no METHOD (it is published, not sent), the same UIDs as
    the invitations, and no list of attendees (a feed address can travel further than a mail)."""
    events = [meeting_event(m, items=m.items.all(), with_organizer=False) for m in meetings]
    calendar = _calendar(events, None)
    calendar.add("x-wr-calname", "Aan Tafel")
    calendar.add("name", "Aan Tafel")
    calendar.add("refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    return _with_timezones(calendar, meetings).to_ical()

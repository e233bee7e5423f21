"""P2: the mail of event registrations, each with the event's calendar entry (RFC 5545) where
it belongs, and the cancellation link.

One RegistrationMail record per message, written in the service's transaction; the task queued
after the commit sends it once (aantafel.core.outbox), and a refusal of the mail server is tried
again later (tasks.py, the command retry_registration_mail). A message is built when it is sent,
from the record and the current state: a confirmation overtaken by the event's cancellation is
sent as a cancellation.

Privacy: a message goes to one registrant and names the event, never other registrants; the
calendar entry lists no one but its own recipient.
"""

import datetime
import io
import zoneinfo
from collections.abc import Iterable
from email.utils import parseaddr

import qrcode
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, vCalAddress, vText
from icalendar import Event as CalendarEvent

from aantafel.core import outbox
from aantafel.meetings.calendar import CANCEL, PRODID, REQUEST, absolute, site_host

from . import links
from .models import Event, EventStatus, Registration, RegistrationMail, RegistrationStatus

RETRY_AFTER = outbox.RETRY_AFTER

# Kinds of RegistrationMail (at most 30 characters).
CONFIRMATION = "confirmation"  # a place: with the calendar invitation
WAITING = "waiting"  # on the waiting list
PROMOTED = "promoted"  # moved up from the waiting list: with the calendar invitation
EVENT_CHANGED = "event_changed"  # time or place changed: the updated calendar entry
CANCELLED = "cancelled"  # the registrant gave up their place: the entry leaves the calendar
LEFT_WAITING = "left_waiting"  # the registrant left the waiting list
EVENT_CANCELLED = "event_cancelled"  # the event does not take place
KINDS = [CONFIRMATION, WAITING, PROMOTED, EVENT_CHANGED, CANCELLED, LEFT_WAITING, EVENT_CANCELLED]
# Kinds whose message carries the check-in code (a place at the event).
WITH_CHECK_IN_CODE = {CONFIRMATION, PROMOTED, EVENT_CHANGED}
# Kinds whose message carries a working cancellation link.
WITH_CANCEL_LINK = {CONFIRMATION, WAITING, PROMOTED, EVENT_CHANGED}


# --- Records ---------------------------------------------------------------------------------------
def record(registration: Registration, kind: str) -> RegistrationMail:
    return RegistrationMail.objects.create(
        region_id=registration.region_id,
        registration=registration,
        email=registration.email,
        kind=kind,
    )


def queue(mails: Iterable[RegistrationMail]) -> None:
    """After the commit, one task per message (core.outbox.enqueue_on_commit)."""

    def task():
        from .tasks import send_registration_mail

        return send_registration_mail

    outbox.enqueue_on_commit(mails, task)


# --- Calendar --------------------------------------------------------------------------------------
def ical_uid(registration: Registration) -> str:
    """Stable for the registration's whole life, so an update or a cancellation replaces the
    entry it had; a new registration after a cancellation is a new entry."""
    return f"event-{registration.event_id}-registration-{registration.pk}@{site_host()}"


def event_url(event: Event) -> str:
    return absolute(reverse("event_public_detail", args=[event.region.slug, event.pk]))


def location_text(event: Event) -> str:
    return ", ".join(part for part in (event.place, event.address) if part)


def _organizer() -> vCalAddress:
    """The site's sender address."""
    name, email = parseaddr(settings.DEFAULT_FROM_EMAIL)
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["CN"] = vText(name)
    return address


def _attendee(registration: Registration) -> vCalAddress:
    """The recipient only: the entry is theirs, the other registrants stay out of it."""
    address = vCalAddress(f"mailto:{registration.email}")
    address.params["CN"] = vText(registration.name)
    address.params["ROLE"] = vText("REQ-PARTICIPANT")
    address.params["PARTSTAT"] = vText("ACCEPTED")
    address.params["RSVP"] = vText("FALSE")
    return address


def registration_ics(registration: Registration, *, method: str) -> bytes:
    """P2: the calendar entry of a registration: UID per event and registration, SEQUENCE from
    the event (one more for a personal cancellation, so it overtakes the invitation), the place
    and a link to the event's page. METHOD:REQUEST puts it in the calendar, CANCEL takes it out."""
    event = registration.event
    zone = zoneinfo.ZoneInfo(event.region.timezone)
    personal_cancel = method == CANCEL and event.status != EventStatus.CANCELLED
    link = event_url(event)
    entry = CalendarEvent()
    entry.add("uid", ical_uid(registration))
    entry.add("sequence", event.sequence + (1 if personal_cancel else 0))
    entry.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    entry.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    entry.add("dtstart", event.starts_at.astimezone(zone))
    entry.add("dtend", event.ends_at.astimezone(zone))
    entry.add("summary", event.title)
    if location_text(event):
        entry.add("location", location_text(event))
    entry.add("url", link)
    entry.add("description", _("About the event: %(link)s") % {"link": link})
    cancelled = method == CANCEL
    entry.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    entry.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    entry.add("organizer", _organizer())
    entry.add("attendee", _attendee(registration))
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add_component(entry)
    calendar.add_missing_timezones(
        first_date=event.starts_at.date() - datetime.timedelta(days=366),
        last_date=event.ends_at.date() + datetime.timedelta(days=366),
    )
    return calendar.to_ical()


# --- Messages --------------------------------------------------------------------------------------
def current_kind(mail: RegistrationMail) -> str:
    """What the message says, by what is true now: the event cancelled since it was queued
    makes it a cancellation; a registration cancelled since, a receipt."""
    registration, event = mail.registration, mail.registration.event
    if mail.kind in (CONFIRMATION, WAITING, PROMOTED, EVENT_CHANGED):
        if event.status == EventStatus.CANCELLED:
            return EVENT_CANCELLED
        if registration.status == RegistrationStatus.CANCELLED:
            return CANCELLED if mail.kind != WAITING else LEFT_WAITING
    return mail.kind


def _method(kind: str) -> str | None:
    """The calendar entry a kind carries: none for the waiting list."""
    if kind in (CONFIRMATION, PROMOTED, EVENT_CHANGED):
        return REQUEST
    if kind in (CANCELLED, EVENT_CANCELLED):
        return CANCEL
    return None


def _subject(kind: str, title: str) -> str:
    # Written out per kind so that makemessages finds every string.
    values = {"title": title}
    if kind == CONFIRMATION:
        return _("You are registered: %(title)s") % values
    if kind == WAITING:
        return _("On the waiting list: %(title)s") % values
    if kind == PROMOTED:
        return _("There is a place for you: %(title)s") % values
    if kind == EVENT_CHANGED:
        return _("Changed: %(title)s") % values
    if kind in (CANCELLED, LEFT_WAITING):
        return _("You have cancelled: %(title)s") % values
    return _("Cancelled: %(title)s") % values


CHECK_IN_CODE_NAME = "toegangscode.png"


def _has_check_in_code(kind: str, registration: Registration) -> bool:
    return kind in WITH_CHECK_IN_CODE and registration.status == RegistrationStatus.CONFIRMED


def check_in_png(registration: Registration) -> bytes:
    """P2: the QR code staff scan at the door (links.check_in_url): opens the person on the
    staff's phone; only staff of the region can open it, and checking in takes a click."""
    image = qrcode.make(links.check_in_url(registration), box_size=8, border=4)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue()


def build(mail: RegistrationMail) -> EmailMultiAlternatives:
    if mail.kind not in KINDS:  # a mistake of ours: fail loudly, do not retry
        raise ValueError(f"No message for registration mail of kind {mail.kind!r}.")
    registration = mail.registration
    event = registration.event
    zone = zoneinfo.ZoneInfo(event.region.timezone)
    with translation.override(settings.LANGUAGE_CODE), timezone.override(zone):
        kind = current_kind(mail)
        context = {
            "kind": kind,
            "registration": registration,
            "event": event,
            "region": event.region,
            "starts_at": event.starts_at.astimezone(zone),
            "ends_at": event.ends_at.astimezone(zone),
            "event_url": event_url(event),
            "cancel_url": links.cancel_url(registration) if kind in WITH_CANCEL_LINK else "",
            "check_in_code": _has_check_in_code(kind, registration),
        }
        subject = " ".join(_subject(kind, event.title).split())
        text = render_to_string("participation/events/email/registration.txt", context)
        message = EmailMultiAlternatives(subject, text, to=[mail.email])
        method = _method(kind)
        if method is not None:
            ics = registration_ics(registration, method=method).decode()
            message.attach_alternative(ics, f"text/calendar; method={method}")
            message.attach("invite.ics", ics, "application/ics")
        if context["check_in_code"]:
            message.attach(CHECK_IN_CODE_NAME, check_in_png(registration), "image/png")
    return message


def send(mail_id: int) -> bool:
    """Sends one RegistrationMail unless it was sent already. Returns whether a retry is due."""
    records = RegistrationMail.objects.select_related("registration__event__region")
    return outbox.send_once(records, mail_id, build)


def pending(older_than: datetime.timedelta = RETRY_AFTER):
    """Registration mails not yet sent after an error or a lost task, for the retry command."""
    return outbox.pending(RegistrationMail, older_than)

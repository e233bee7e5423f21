"""Mail of the cliëntoverleg's table (C4, C5): the invitation to take part, and the invitations
to consultations with their calendar entry (RFC 5545).

One CaseMail record per message and address, written in the service's transaction; the task
queued after the commit sends it once (aantafel.core.outbox). A message is built when it is
sent, from the record and the current state: a consultation moved or cancelled before its
invitation went out is sent as it stands now.

Privacy (ADR 0010): subjects name the case by its reference only; bodies and calendar entries
hold no name of the family and no case text — they say when and where, and "log in to see".
"""

import datetime
import zoneinfo
from collections.abc import Callable, Iterable
from email.utils import parseaddr
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from aantafel.core import outbox
from aantafel.meetings.calendar import CANCEL, PRODID, REQUEST, absolute, site_host

from .models import Case, CaseMail, Consultation, Participant
from .workflow import ConsultationStatus

RETRY_AFTER = outbox.RETRY_AFTER
PUBLISH = "PUBLISH"

# Kinds of CaseMail this module builds (at most 30 characters).
TABLE_INVITATION = "table_invitation"  # a professional invited to the table
TABLE_INVITATION_STATEMENT = "table_invitation_statement"  # a non-professional: C5 first
CONSULTATION_INVITATION = "consultation_invitation"
CONSULTATION_UPDATE = "consultation_update"
CONSULTATION_CANCELLED = "consultation_cancelled"


# --- Links ---------------------------------------------------------------------------------------
def case_url(case: Case) -> str:
    return absolute(reverse("case_detail", args=[case.region.slug, case.reference]))


def login_url(case: Case) -> str:
    """The login by an e-mailed code, coming back to the case page (C8: no password needed)."""
    path = reverse("case_detail", args=[case.region.slug, case.reference])
    return absolute(reverse("account_request_login_code") + "?" + urlencode({"next": path}))


# --- Records -------------------------------------------------------------------------------------
def _record(case: Case, email: str, kind: str, consultation: Consultation | None = None):
    return CaseMail.objects.create(
        region_id=case.region_id, case=case, email=email, kind=kind, consultation=consultation
    )


def participant_invitation(participant: Participant) -> CaseMail:
    """C4/C5: the invitation to the table; a non-professional hears that the duty of
    confidentiality comes first."""
    kind = TABLE_INVITATION if participant.is_professional else TABLE_INVITATION_STATEMENT
    return _record(participant.case, participant.email, kind)


def consultation_recipients(consultation: Consultation) -> list[str]:
    """Everyone at the table: the chair, the participants seated now and every client with an
    e-mail address; each address once."""
    from .permissions import seated_participants

    case = consultation.case
    addresses: list[str] = []
    if case.chair is not None:
        addresses.append(case.chair.email)
    addresses += [p.email for p in seated_participants().filter(case=case)]
    addresses += [c.email for c in case.clients.all() if c.email]
    seen: set[str] = set()
    unique = []
    for address in addresses:
        key = address.strip().lower()
        if key and key not in seen:
            seen.add(key)
            unique.append(address.strip())
    return unique


def consultation_mails(consultation: Consultation, kind: str) -> list[CaseMail]:
    """One invitation (or update, or cancellation) per person at the table."""
    return [
        _record(consultation.case, address, kind, consultation)
        for address in consultation_recipients(consultation)
    ]


def queue(mails: Iterable[CaseMail]) -> None:
    """After the commit, one task per message (core.outbox.enqueue_on_commit)."""

    def task():
        from .tasks import send_case_mail

        return send_case_mail

    outbox.enqueue_on_commit(mails, task)


# --- Calendar ------------------------------------------------------------------------------------
def ical_uid(consultation: Consultation) -> str:
    """Stable for the consultation's whole life, so an update replaces the entry it had."""
    return f"{consultation.case.reference.lower()}-{consultation.pk}@{site_host()}"


def summary(case: Case) -> str:
    return _("Cliëntoverleg %(reference)s") % {"reference": case.reference}


def _organizer() -> vCalAddress:
    """The site's sender address: a reply goes nowhere near the family."""
    name, email = parseaddr(settings.DEFAULT_FROM_EMAIL)
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["CN"] = vText(name)
    return address


def consultation_ics(consultation: Consultation, *, method: str) -> bytes:
    """The calendar entry of a consultation: its UID stable, its SEQUENCE from the consultation,
    summary "Cliëntoverleg CO-…", the place, a link to log in — and no name of the family. It
    lists no ATTENDEE: the addresses at the table (a young person's address may hold their name)
    stay out of a file that is easily forwarded."""
    case = consultation.case
    assert consultation.starts_at is not None
    assert consultation.ends_at is not None
    zone = zoneinfo.ZoneInfo(case.region.timezone)
    link = case_url(case)
    cancelled = consultation.status == ConsultationStatus.CANCELLED
    event = Event()
    event.add("uid", ical_uid(consultation))
    event.add("sequence", consultation.sequence)
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("last-modified", consultation.updated_at.astimezone(datetime.UTC))
    event.add("dtstart", consultation.starts_at.astimezone(zone))
    event.add("dtend", consultation.ends_at.astimezone(zone))
    event.add("summary", summary(case))
    if consultation.location:
        event.add("location", consultation.location)
    event.add("url", link)
    event.add(
        "description", _("Log in to Aan Tafel to see the cliëntoverleg: %(link)s") % {"link": link}
    )
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    event.add("class", "CONFIDENTIAL")
    if method != PUBLISH:
        event.add("organizer", _organizer())
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add_component(event)
    calendar.add_missing_timezones(
        first_date=consultation.starts_at.date() - datetime.timedelta(days=366),
        last_date=consultation.ends_at.date() + datetime.timedelta(days=366),
    )
    return calendar.to_ical()


def consultation_method(consultation: Consultation) -> str:
    return CANCEL if consultation.status == ConsultationStatus.CANCELLED else REQUEST


# --- Messages ------------------------------------------------------------------------------------
def _render(template: str, context: dict) -> str:
    return render_to_string(f"casework/table/email/{template}", context)


def _table_invitation(mail: CaseMail) -> EmailMultiAlternatives:
    case = mail.case
    context = {
        "reference": case.reference,
        "statement": mail.kind == TABLE_INVITATION_STATEMENT,
        "login_url": login_url(case),
    }
    subject = _("Invitation to cliëntoverleg %(reference)s") % {"reference": case.reference}
    return EmailMultiAlternatives(subject, _render("invitation.txt", context), to=[mail.email])


def _consultation(mail: CaseMail) -> EmailMultiAlternatives:
    consultation = mail.consultation
    if consultation is None:
        raise ValueError(f"Case mail {mail.pk} of kind {mail.kind} has no consultation.")
    case = mail.case
    consultation.case = case  # read once, with its region
    method = consultation_method(consultation)
    # The message says what is true now: an invitation overtaken by a cancellation cancels.
    kind = CONSULTATION_CANCELLED if method == CANCEL else mail.kind
    zone = zoneinfo.ZoneInfo(case.region.timezone)
    context = {
        "kind": kind,
        "reference": case.reference,
        "consultation": consultation,
        "starts_at": consultation.starts_at.astimezone(zone) if consultation.starts_at else None,
        "ends_at": consultation.ends_at.astimezone(zone) if consultation.ends_at else None,
        "login_url": login_url(case),
    }
    subjects = {
        CONSULTATION_INVITATION: _("Consultation planned: cliëntoverleg %(reference)s"),
        CONSULTATION_UPDATE: _("Consultation changed: cliëntoverleg %(reference)s"),
        CONSULTATION_CANCELLED: _("Consultation cancelled: cliëntoverleg %(reference)s"),
    }
    subject = subjects.get(kind, subjects[CONSULTATION_INVITATION]) % {"reference": case.reference}
    message = EmailMultiAlternatives(subject, _render("consultation.txt", context), to=[mail.email])
    ics = consultation_ics(consultation, method=method).decode()
    message.attach_alternative(ics, f"text/calendar; method={method}")
    message.attach("invite.ics", ics, "application/ics")
    return message


BUILDERS: dict[str, Callable[[CaseMail], EmailMultiAlternatives]] = {
    TABLE_INVITATION: _table_invitation,
    TABLE_INVITATION_STATEMENT: _table_invitation,
    CONSULTATION_INVITATION: _consultation,
    CONSULTATION_UPDATE: _consultation,
    CONSULTATION_CANCELLED: _consultation,
}


def register(kind: str, build: Callable[[CaseMail], EmailMultiAlternatives]) -> None:
    """Another part of the cliëntoverleg adds its kind of case mail (the agreed plan, a notice)."""
    BUILDERS[kind] = build


def build(mail: CaseMail) -> EmailMultiAlternatives:
    builder = BUILDERS.get(mail.kind)
    if builder is None:  # a mistake of ours: fail loudly, do not retry
        raise ValueError(f"No builder for case mail of kind {mail.kind!r}.")
    zone = zoneinfo.ZoneInfo(mail.case.region.timezone)
    with translation.override(settings.LANGUAGE_CODE), timezone.override(zone):
        return builder(mail)


def send(mail_id: int) -> bool:
    """Sends one CaseMail unless it was sent already. Returns whether a retry is due."""
    records = CaseMail.objects.select_related("case__region", "consultation", "plan")
    return outbox.send_once(records, mail_id, build)


def pending(older_than: datetime.timedelta = RETRY_AFTER):
    """Case mails not yet sent after an error or a lost task, of every registered kind."""
    return outbox.pending(CaseMail, older_than).filter(kind__in=sorted(BUILDERS))

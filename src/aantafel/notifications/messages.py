"""What each event of the meeting cycle tells whom, and the e-mail of each kind of message.

`outgoing(event, object_id)` answers, when the event is handled in the background, which
messages it makes: their kind, object, version and recipients. `build(delivery)` renders one
message when it is sent; it answers None when the message is no longer current (an invitation
to a meeting that has since been cancelled).
"""

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from aantafel.bodies.models import Membership
from aantafel.meetings import calendar
from aantafel.meetings.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    Document,
    ItemProposal,
    Meeting,
    MeetingStatus,
    Minutes,
    ProposalStatus,
)
from aantafel.meetings.permissions import SEATED_ROLES

from .models import Delivery, DigestItem, Kind

if TYPE_CHECKING:
    from aantafel.accounts.models import User
    from aantafel.regions.models import Region


class Event:
    """The events the meeting services report (aantafel.meetings.notify)."""

    AGENDA_PUBLISHED = "agenda_published"
    MEETING_CHANGED = "meeting_changed"
    MEETING_CANCELLED = "meeting_cancelled"
    ATTENDEE_INVITED = "attendee_invited"
    PROPOSAL_DECIDED = "proposal_decided"
    LATE_DOCUMENT = "late_document"
    MINUTES_CIRCULATED = "minutes_circulated"
    ACTION_ASSIGNED = "action_assigned"
    ACTION_OVERDUE = "action_overdue"


@dataclass
class Outgoing:
    """The messages one event makes: one per recipient, all of one kind and version."""

    kind: str
    object_id: int
    version: str
    region: "Region | None"
    recipients: list["User"]
    # One line and a link, for those who get this kind in their daily digest.
    summary: str = ""
    url: str = ""


# --- Formatting ------------------------------------------------------------------------------------
def when(meeting: Meeting) -> dict[str, str]:
    """Date and time of a meeting in its region's zone, written out in the active language."""
    starts_at, ends_at = calendar.local_times(meeting)
    return {
        "date": formats.date_format(starts_at, "l j F Y"),
        "short_date": formats.date_format(starts_at, "j F Y"),
        "time": f"{starts_at:%H:%M}–{ends_at:%H:%M}",
    }


def _date(day: datetime.date) -> str:
    return formats.date_format(day, "j F Y")


def _active(users) -> list["User"]:
    seen, result = set(), []
    for user in users:
        if user.is_active and user.email and user.pk not in seen:
            seen.add(user.pk)
            result.append(user)
    return result


def _meeting(object_id: int) -> Meeting | None:
    return (
        Meeting.objects.select_related("body", "region", "published_by")
        .filter(pk=object_id)
        .first()
    )


def _invited(meeting: Meeting) -> list["User"]:
    return _active(
        a.user
        for a in Attendance.objects.filter(meeting=meeting).select_related("user").order_by("pk")
    )


# --- Events → messages -----------------------------------------------------------------------------
def outgoing(event: str, object_id: int, *, on: datetime.date | None = None) -> list[Outgoing]:
    handler = _HANDLERS.get(event)
    if handler is None:
        raise ValueError(f"unknown event {event!r}")
    return handler(object_id, on or timezone.localdate())


def _meeting_event(kind: str):
    def handler(object_id: int, on: datetime.date) -> list[Outgoing]:
        meeting = _meeting(object_id)
        if meeting is None:
            return []
        return [
            Outgoing(
                kind, meeting.pk, str(meeting.ical_sequence), meeting.region, _invited(meeting)
            )
        ]

    return handler


def _attendee_invited(object_id: int, on: datetime.date) -> list[Outgoing]:
    attendance = (
        Attendance.objects.select_related("meeting__region", "user").filter(pk=object_id).first()
    )
    if attendance is None:
        return []
    meeting = attendance.meeting
    kind = Kind.SUBSTITUTE_INVITATION if attendance.substitute_for_id else Kind.MEETING_INVITATION
    return [
        Outgoing(
            kind,
            meeting.pk,
            str(meeting.ical_sequence),
            meeting.region,
            _active([attendance.user]),
        )
    ]


def _proposal_decided(object_id: int, on: datetime.date) -> list[Outgoing]:
    proposal = (
        ItemProposal.objects.select_related("submitted_by", "region", "body", "meeting__region")
        .filter(pk=object_id)
        .first()
    )
    if proposal is None or proposal.decided_at is None:
        return []
    stamp = int(proposal.decided_at.timestamp())
    return [
        Outgoing(
            Kind.PROPOSAL_DECIDED,
            proposal.pk,
            f"{proposal.status}-{stamp}",
            proposal.region,
            _active([proposal.submitted_by]),
            summary=_proposal_summary(proposal),
            url=_proposal_url(proposal),
        )
    ]


def _late_document(object_id: int, on: datetime.date) -> list[Outgoing]:
    document = (
        Document.objects.select_related("item__meeting__body", "item__meeting__region")
        .filter(pk=object_id, item__isnull=False)
        .first()
    )
    if document is None or document.item is None:
        return []
    item = document.item
    meeting = item.meeting
    recipients = [u for u in _invited(meeting) if u.pk != document.uploaded_by_id]
    if item.confidential:
        # A confidential item is for the body's seated members only (M4), as the permission
        # meetings.view_confidential says; asked once for everyone rather than per person.
        seated = set(
            Membership.objects.current(on)
            .filter(body=meeting.body, role__in=SEATED_ROLES)
            .values_list("user_id", flat=True)
        )
        recipients = [u for u in recipients if u.pk in seated]
    return [
        Outgoing(
            Kind.LATE_DOCUMENT,
            document.pk,
            "1",
            meeting.region,
            recipients,
            summary=_late_document_summary(document),
            url=calendar.meeting_url(meeting),
        )
    ]


def _minutes_circulated(object_id: int, on: datetime.date) -> list[Outgoing]:
    meeting = _meeting(object_id)
    if meeting is None:
        return []
    minutes = Minutes.objects.filter(meeting=meeting).first()
    stamp = minutes.circulated_at if minutes is not None else None
    version = str(int(stamp.timestamp())) if stamp else "1"
    # Draft minutes are for the body's seated members (not guests).
    memberships = (
        Membership.objects.current(on)
        .filter(body=meeting.body, role__in=SEATED_ROLES)
        .select_related("user")
        .order_by("user_id")
    )
    return [
        Outgoing(
            Kind.MINUTES_CIRCULATED,
            meeting.pk,
            version,
            meeting.region,
            _active(m.user for m in memberships),
            summary=_minutes_summary(meeting),
            url=calendar.first_url(
                ("minutes_detail", (meeting.region.slug, meeting.pk)),
                ("meeting_detail", (meeting.region.slug, meeting.pk)),
                ("body_detail", (meeting.region.slug, meeting.body_id)),
            ),
        )
    ]


def _action(object_id: int) -> Action | None:
    return (
        Action.objects.select_related("owner", "region", "body", "meeting__region")
        .filter(pk=object_id)
        .first()
    )


def _action_assigned(object_id: int, on: datetime.date) -> list[Outgoing]:
    action = _action(object_id)
    if action is None or action.status != ActionStatus.OPEN:
        return []
    return [
        Outgoing(
            Kind.ACTION_ASSIGNED,
            action.pk,
            f"owner-{action.owner_id}",
            action.region,
            _active([action.owner]),
            summary=_action_summary(action, overdue=False),
            url=_action_url(action),
        )
    ]


def _action_overdue(object_id: int, on: datetime.date) -> list[Outgoing]:
    action = _action(object_id)
    if action is None or action.status != ActionStatus.OPEN or action.due_date >= on:
        return []
    return [
        Outgoing(
            Kind.ACTION_OVERDUE,
            action.pk,
            on.isoformat(),
            action.region,
            _active([action.owner]),
            summary=_action_summary(action, overdue=True),
            url=_action_url(action),
        )
    ]


_HANDLERS = {
    Event.AGENDA_PUBLISHED: _meeting_event(Kind.MEETING_INVITATION),
    Event.MEETING_CHANGED: _meeting_event(Kind.MEETING_UPDATE),
    Event.MEETING_CANCELLED: _meeting_event(Kind.MEETING_CANCELLED),
    Event.ATTENDEE_INVITED: _attendee_invited,
    Event.PROPOSAL_DECIDED: _proposal_decided,
    Event.LATE_DOCUMENT: _late_document,
    Event.MINUTES_CIRCULATED: _minutes_circulated,
    Event.ACTION_ASSIGNED: _action_assigned,
    Event.ACTION_OVERDUE: _action_overdue,
}


# --- Summaries and links of the optional kinds -----------------------------------------------------
def _body_url(region_slug: str, body_id: int) -> str:
    return calendar.first_url(("body_detail", (region_slug, body_id)))


def _proposal_url(proposal: ItemProposal) -> str:
    if proposal.meeting is not None:
        return calendar.meeting_url(proposal.meeting)
    return _body_url(proposal.region.slug, proposal.body_id)


def _proposal_summary(proposal: ItemProposal) -> str:
    values = {"title": proposal.title, "body": proposal.body.name}
    if proposal.status == ProposalStatus.ACCEPTED and proposal.meeting is not None:
        values["date"] = when(proposal.meeting)["short_date"]
        return _("Your item “%(title)s” is on the agenda of %(body)s on %(date)s.") % values
    if proposal.status == ProposalStatus.DEFERRED:
        if proposal.meeting is not None:
            values["date"] = when(proposal.meeting)["short_date"]
            return (
                _("Your item “%(title)s” for %(body)s moves to the meeting of %(date)s.") % values
            )
        return _("Your item “%(title)s” for %(body)s moves to a later meeting.") % values
    if proposal.status == ProposalStatus.DECLINED:
        return _("Your item “%(title)s” for %(body)s was not put on the agenda.") % values
    return _("There is news about your item “%(title)s” for %(body)s.") % values


def _late_document_summary(document: Document) -> str:
    assert document.item is not None
    meeting = document.item.meeting
    values = {
        "document": document.title,
        "body": meeting.body.name,
        "date": when(meeting)["short_date"],
    }
    if document.item.confidential:
        return _("A new document for the meeting of %(body)s on %(date)s.") % values
    return _("New document “%(document)s” for the meeting of %(body)s on %(date)s.") % values


def _minutes_summary(meeting: Meeting) -> str:
    return _("The draft minutes of %(body)s of %(date)s are ready to read.") % {
        "body": meeting.body.name,
        "date": when(meeting)["short_date"],
    }


def _action_url(action: Action) -> str:
    slug = action.region.slug
    return calendar.first_url(
        ("action_list", (slug, action.body_id)), ("body_detail", (slug, action.body_id))
    )


def _action_summary(action: Action, *, overdue: bool) -> str:
    values = {"title": action.title, "body": action.body.name, "due": _date(action.due_date)}
    if overdue:
        return _("Your action “%(title)s” (%(body)s) was due on %(due)s.") % values
    return _("You have a new action for %(body)s: “%(title)s”, due %(due)s.") % values


# --- Rendering ---------------------------------------------------------------------------------------
def _message(
    subject: str, template: str, context: dict[str, Any], to: "User"
) -> EmailMultiAlternatives:
    context = {**context, "recipient": to, "site_url": settings.SITE_URL.rstrip("/")}
    text = render_to_string(f"{template}.txt", context)
    html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(" ".join(subject.split()), text, to=[to.email])
    message.attach_alternative(html, "text/html")
    return message


def _meeting_subject(kind: str, values: dict[str, str]) -> str:
    # Written out per kind so that makemessages finds every string.
    if kind == Kind.MEETING_INVITATION:
        return _("Invitation: %(name)s on %(date)s") % values
    if kind == Kind.SUBSTITUTE_INVITATION:
        return _("Invitation as a substitute: %(name)s on %(date)s") % values
    if kind == Kind.MEETING_UPDATE:
        return _("Changed: %(name)s on %(date)s") % values
    return _("Cancelled: %(name)s on %(date)s") % values


def _agenda(meeting: Meeting) -> list[dict[str, Any]]:
    items = (
        AgendaItem.objects.filter(meeting=meeting)
        .prefetch_related("documents")
        .order_by("position")
    )
    agenda = []
    for number, item in enumerate(items, start=1):
        documents = (
            []
            if item.confidential
            else [
                {"title": d.title, "url": calendar.document_url(meeting, d), "late": d.late}
                for d in item.documents.all()
            ]
        )
        agenda.append(
            {
                "number": number,
                "title": item.title,
                "type": item.get_item_type_display(),
                "confidential": item.confidential,
                "documents": documents,
            }
        )
    return agenda


def build_meeting_mail(delivery: Delivery) -> EmailMultiAlternatives | None:
    """M5: invitation, update or cancellation, with the calendar entry as `text/calendar;
    method=…` beside the text and HTML, and as an invite.ics attachment."""
    meeting = _meeting(delivery.object_id)
    if meeting is None:
        return None
    cancelled = meeting.status == MeetingStatus.CANCELLED
    if cancelled != (delivery.kind == Kind.MEETING_CANCELLED):
        return None  # cancelled since the invitation was queued, or (never) the other way round
    if delivery.version != str(meeting.ical_sequence) and (
        Delivery.objects.filter(
            kind=delivery.kind,
            object_id=meeting.pk,
            recipient=delivery.recipient,
            version=str(meeting.ical_sequence),
        ).exists()
    ):
        return None  # changed again since: the newer message carries the same, latest entry
    attendance = (
        Attendance.objects.filter(meeting=meeting, user=delivery.recipient)
        .select_related("substitute_for__user")
        .first()
    )
    if attendance is None:
        return None
    times = when(meeting)
    name = calendar.meeting_name(meeting)
    context = {
        "kind": delivery.kind,
        "meeting": meeting,
        "name": name,
        "body": meeting.body,
        "region": meeting.region,
        "when": times,
        "zone": meeting.region.timezone,
        "agenda": [] if cancelled else _agenda(meeting),
        "link": calendar.meeting_url(meeting),
        "substitute_for": attendance.substitute_for.user if attendance.substitute_for else None,
    }
    message = _message(
        _meeting_subject(delivery.kind, {"name": name, "date": times["short_date"]}),
        "meetings/email/meeting",
        context,
        delivery.recipient,
    )
    if meeting.published_by is not None and meeting.published_by.email:
        # Questions about the meeting go to the supporter who sent it, not to a no-reply box.
        message.reply_to = [meeting.published_by.email]
    ics, method = calendar.invitation_ics(meeting)
    text = ics.decode()
    message.attach_alternative(text, f"text/calendar; method={method}")
    message.attach("invite.ics", text, "application/ics")
    return message


def build_notice(delivery: Delivery) -> EmailMultiAlternatives | None:
    """The optional kinds: one short mail with what happened and a link."""
    outgoing_list = outgoing(
        _EVENT_OF_KIND[delivery.kind],
        delivery.object_id,
        on=_version_day(delivery),
    )
    current = next((o for o in outgoing_list if o.kind == delivery.kind), None)
    if current is None or delivery.recipient.pk not in {u.pk for u in current.recipients}:
        return None
    context = {"kind": delivery.kind, "summary": current.summary, "link": current.url}
    context.update(_notice_details(delivery))
    return _message(current.summary, "meetings/email/notice", context, delivery.recipient)


_EVENT_OF_KIND: dict[str, str] = {
    Kind.PROPOSAL_DECIDED: Event.PROPOSAL_DECIDED,
    Kind.LATE_DOCUMENT: Event.LATE_DOCUMENT,
    Kind.MINUTES_CIRCULATED: Event.MINUTES_CIRCULATED,
    Kind.ACTION_ASSIGNED: Event.ACTION_ASSIGNED,
    Kind.ACTION_OVERDUE: Event.ACTION_OVERDUE,
}


def _version_day(delivery: Delivery) -> datetime.date | None:
    if delivery.kind == Kind.ACTION_OVERDUE:
        return datetime.date.fromisoformat(delivery.version)
    return None


def _notice_details(delivery: Delivery) -> dict[str, Any]:
    """What the mail adds to the summary line: the reason of a decision, an action's text."""
    if delivery.kind == Kind.PROPOSAL_DECIDED:
        proposal = ItemProposal.objects.get(pk=delivery.object_id)
        return {"reason": proposal.decision_reason}
    if delivery.kind in (Kind.ACTION_ASSIGNED, Kind.ACTION_OVERDUE):
        action = Action.objects.get(pk=delivery.object_id)
        return {"details": action.description}
    return {}


def build_digest(delivery: Delivery) -> EmailMultiAlternatives | None:
    items = list(DigestItem.objects.filter(delivery=delivery).order_by("created_at", "pk"))
    if not items:
        return None
    day = datetime.date.fromisoformat(delivery.version)
    return _message(
        _("Aan Tafel: your news of %(date)s") % {"date": _date(day)},
        "notifications/email/digest",
        {"items": items, "date": day},
        delivery.recipient,
    )


def build(delivery: Delivery) -> EmailMultiAlternatives | None:
    if delivery.kind == Kind.DIGEST:
        return build_digest(delivery)
    if delivery.kind in (
        Kind.MEETING_INVITATION,
        Kind.SUBSTITUTE_INVITATION,
        Kind.MEETING_UPDATE,
        Kind.MEETING_CANCELLED,
    ):
        return build_meeting_mail(delivery)
    return build_notice(delivery)

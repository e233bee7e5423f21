"""M1 and M5: planning meetings, publishing the agenda, changing and cancelling them."""

import datetime
import uuid
import zoneinfo
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_created, audit_record, changes_between, snapshot
from aantafel.bodies.models import Body, Membership, SeatRole
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.typing import Actor

from .. import notify
from ..models import AgendaItem, Attendance, Meeting, MeetingStatus, Presence, Response
from ._common import has_started, lock_meeting, require_status
from .agenda import agenda_add_minutes_approval_if_due, next_meeting_of

AUDITED = ["title", "starts_at", "ends_at", "location", "online_url", "status"]
# What changes the calendar entry of the invited (M5).
CALENDAR_FIELDS = {"starts_at", "ends_at", "location", "online_url", "title"}
SERIES_MAX = 24


@dataclass(frozen=True)
class MeetingDetails:
    """What a meeting says about itself: when, where, under what name."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime
    location: str = ""
    online_url: str = ""
    title: str = ""

    def checked(self) -> "MeetingDetails":
        if self.starts_at is None or self.ends_at is None:
            raise DomainError(_("Give the start and end of the meeting."), field="starts_at")
        if self.starts_at <= timezone.now():
            raise DomainError(
                _("A meeting cannot be planned in the past."), field="starts_at", code="past"
            )
        if self.ends_at <= self.starts_at:
            raise DomainError(
                _("The meeting must end after it starts."), field="ends_at", code="ends_before"
            )
        location, online_url = (self.location or "").strip(), (self.online_url or "").strip()
        if not location and not online_url:
            raise DomainError(
                _("Give a place, an online link, or both."), field="location", code="no_place"
            )
        return MeetingDetails(
            self.starts_at, self.ends_at, location, online_url, (self.title or "").strip()
        )

    def as_fields(self) -> dict:
        return {
            "starts_at": self.starts_at,
            "ends_at": self.ends_at,
            "location": self.location,
            "online_url": self.online_url,
            "title": self.title,
        }


def _create(actor: Actor, body: Body, details: MeetingDetails, series: uuid.UUID | None) -> Meeting:
    meeting = Meeting.objects.create(
        region=body.region, body=body, series=series, **details.checked().as_fields()
    )
    audit_created(
        actor=actor, action="meeting.plan", target=meeting, region=body.region, fields=AUDITED
    )
    # M10: the first meeting after one with unapproved minutes carries their approval.
    agenda_add_minutes_approval_if_due(actor=actor, meeting=meeting)
    return meeting


@transaction.atomic
def meeting_plan(*, actor: Actor, body: Body, details: MeetingDetails) -> Meeting:
    """M1: plan a single meeting with a place and/or an online link."""
    return _create(actor, body, details, None)


class Frequency:
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"  # the same weekday of the same week of the month ("2nd Tuesday")
    CHOICES = (WEEKLY, FORTNIGHTLY, MONTHLY)


def series_dates(first: datetime.date, frequency: str, count: int) -> list[datetime.date]:
    """The dates of a series starting on `first`. A monthly series keeps the weekday and its
    week in the month; a month without a fifth such weekday takes the last one."""
    if frequency in (Frequency.WEEKLY, Frequency.FORTNIGHTLY):
        step = datetime.timedelta(weeks=1 if frequency == Frequency.WEEKLY else 2)
        return [first + step * n for n in range(count)]
    week = (first.day - 1) // 7
    dates = []
    for n in range(count):
        month_index = first.month - 1 + n
        year, month = first.year + month_index // 12, month_index % 12 + 1
        day = datetime.date(year, month, 1)
        day += datetime.timedelta(days=(first.weekday() - day.weekday()) % 7)
        candidate = day + datetime.timedelta(weeks=week)
        if candidate.month != month:
            candidate -= datetime.timedelta(weeks=1)
        dates.append(candidate)
    return dates


@transaction.atomic
def meeting_plan_series(
    *, actor: Actor, body: Body, details: MeetingDetails, frequency: str, count: int
) -> list[Meeting]:
    """M1: plan a series of meetings at the same time of day, in the region's time zone (so a
    monthly 14:00 stays 14:00 across daylight saving time)."""
    if frequency not in Frequency.CHOICES:
        raise DomainError(_("Choose how often the meeting returns."), field="frequency")
    if not count or not 2 <= count <= SERIES_MAX:
        raise DomainError(
            _("A series has between 2 and %(max)s meetings.") % {"max": SERIES_MAX},
            field="count",
        )
    details = details.checked()
    zone = zoneinfo.ZoneInfo(body.region.timezone)
    start, end = details.starts_at.astimezone(zone), details.ends_at.astimezone(zone)
    series = uuid.uuid4()
    meetings = []
    for date in series_dates(start.date(), frequency, count):
        starts_at = datetime.datetime.combine(date, start.time(), tzinfo=zone)
        ends_at = starts_at + (end - start)
        meetings.append(
            _create(
                actor,
                body,
                MeetingDetails(
                    starts_at, ends_at, details.location, details.online_url, details.title
                ),
                series,
            )
        )
    return meetings


@transaction.atomic
def meeting_update(*, actor: Actor, meeting: Meeting, details: MeetingDetails) -> Meeting:
    """M1/M5: change time or place. Once the agenda is out, the invited get the same calendar
    entry updated (same UID, next sequence)."""
    meeting = lock_meeting(meeting)
    require_status(
        meeting,
        MeetingStatus.PLANNED,
        MeetingStatus.PUBLISHED,
        message=_("A meeting that has been held or cancelled cannot be moved."),
    )
    before = snapshot(meeting, AUDITED)
    fields = details.checked().as_fields()
    changed = {name for name, value in fields.items() if getattr(meeting, name) != value}
    if not changed:
        return meeting
    for name, value in fields.items():
        setattr(meeting, name, value)
    update = [*fields, "updated_at"]
    tell = meeting.status == MeetingStatus.PUBLISHED and bool(changed & CALENDAR_FIELDS)
    if tell:
        meeting.ical_sequence += 1
        update.append("ical_sequence")
    meeting.save(update_fields=update)
    audit_record(
        actor=actor,
        action="meeting.update",
        target=meeting,
        region=meeting.region,
        changes=changes_between(before, snapshot(meeting, AUDITED)),
    )
    if tell:
        transaction.on_commit(lambda: notify.meeting_changed(meeting.pk))
    return meeting


@transaction.atomic
def meeting_cancel(*, actor: Actor, meeting: Meeting, reason: str) -> Meeting:
    """M5: cancelling a published meeting cancels the calendar entry of everyone invited."""
    meeting = lock_meeting(meeting)
    require_status(
        meeting,
        MeetingStatus.PLANNED,
        MeetingStatus.PUBLISHED,
        message=_("A meeting that has been held or cancelled cannot be cancelled."),
    )
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Say why the meeting is cancelled."), field="reason", code="required")
    was_published = meeting.status == MeetingStatus.PUBLISHED
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancelled_reason = reason
    meeting.ical_sequence += 1
    meeting.save(update_fields=["status", "cancelled_reason", "ical_sequence", "updated_at"])
    audit_record(
        actor=actor,
        action="meeting.cancel",
        target=meeting,
        region=meeting.region,
        changes={
            "status": ["published" if was_published else "planned", "cancelled"],
            "reason": [None, reason],
        },
    )
    if was_published:
        transaction.on_commit(lambda: notify.meeting_cancelled(meeting.pk))
    return meeting


def publish_deadline(meeting: Meeting) -> datetime.date:
    """M5: the last day the agenda goes out in time under the body's lead time."""
    zone = zoneinfo.ZoneInfo(meeting.region.timezone)
    return meeting.starts_at.astimezone(zone).date() - datetime.timedelta(
        days=meeting.body.agenda_lead_days
    )


def item_deadline(meeting: Meeting) -> datetime.date:
    """M2: the last day a proposal for this meeting is taken."""
    zone = zoneinfo.ZoneInfo(meeting.region.timezone)
    return meeting.starts_at.astimezone(zone).date() - datetime.timedelta(
        days=meeting.body.item_deadline_days
    )


def _invitees(meeting: Meeting) -> list[Membership]:
    """Everyone with a place in the body on the day of the meeting; substitutes are invited
    only when their holder sends apologies (B5)."""
    zone = zoneinfo.ZoneInfo(meeting.region.timezone)
    on = meeting.starts_at.astimezone(zone).date()
    memberships = (
        Membership.objects.current(on)
        .filter(body=meeting.body)
        .exclude(seat_role=SeatRole.SUBSTITUTE)
        .order_by("user_id", "pk")
    )
    seen, result = set(), []
    for membership in memberships:  # one invitation per person, whatever their roles
        if membership.user_id not in seen:
            seen.add(membership.user_id)
            result.append(membership)
    return result


@transaction.atomic
def meeting_publish(*, actor: Actor, meeting: Meeting) -> Meeting:
    """M5: publish the agenda and invite the body's members (e-mail with a calendar entry and
    links to the documents). Publishing after the lead time is allowed (better late than not
    at all), and the page says so beforehand."""
    meeting = lock_meeting(meeting)
    require_status(
        meeting,
        MeetingStatus.PLANNED,
        message=_("Only the agenda of a planned meeting can be published."),
    )
    if has_started(meeting):
        raise ConflictError(
            _("This meeting has already started; its agenda can no longer be sent out."),
            code="started",
        )
    if not AgendaItem.objects.filter(meeting=meeting).exists():
        raise DomainError(_("Put at least one item on the agenda first."), code="empty_agenda")
    Attendance.objects.bulk_create(
        [
            Attendance(region=meeting.region, meeting=meeting, user_id=m.user_id, membership=m)
            for m in _invitees(meeting)
        ],
        ignore_conflicts=True,
    )
    meeting.status = MeetingStatus.PUBLISHED
    meeting.published_at = timezone.now()
    meeting.published_by = actor
    meeting.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    audit_record(
        actor=actor,
        action="meeting.publish",
        target=meeting,
        region=meeting.region,
        changes={
            "status": ["planned", "published"],
            "late": [None, timezone.localdate() > publish_deadline(meeting)],
        },
    )
    transaction.on_commit(lambda: notify.agenda_published(meeting.pk))
    return meeting


@transaction.atomic
def meeting_mark_held(*, actor: Actor, meeting: Meeting) -> Meeting:
    """M1: the meeting took place. Presence not yet recorded follows the answers given:
    coming → present, apologies → excused, no answer → absent (M6); the supporter corrects."""
    meeting = lock_meeting(meeting)
    require_status(
        meeting,
        MeetingStatus.PUBLISHED,
        message=_("Only a meeting whose agenda was published can be recorded as held."),
    )
    if not has_started(meeting):
        raise ConflictError(_("This meeting has not started yet."), code="not_started")
    defaults = {
        Response.ATTENDING: Presence.PRESENT,
        Response.APOLOGIES: Presence.EXCUSED,
        Response.NO_ANSWER: Presence.ABSENT,
    }
    for response, presence in defaults.items():
        Attendance.objects.filter(meeting=meeting, presence="", response=response).update(
            presence=presence
        )
    meeting.status = MeetingStatus.HELD
    meeting.held_at = timezone.now()
    meeting.save(update_fields=["status", "held_at", "updated_at"])
    audit_record(
        actor=actor,
        action="meeting.held",
        target=meeting,
        region=meeting.region,
        changes={"status": ["published", "held"]},
    )
    following = next_meeting_of(meeting)
    if following is not None:
        agenda_add_minutes_approval_if_due(actor=actor, meeting=following)
    return meeting

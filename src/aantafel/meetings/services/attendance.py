"""M6 and B5: who comes, who sends apologies, who was there."""

from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_record
from aantafel.bodies.models import Membership, SeatRole
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.typing import Actor

from .. import notify
from ..models import Attendance, Meeting, MeetingStatus, Presence, Response
from ._common import has_started, lock_meeting, require_open


def _invite_substitutes(holder: Attendance) -> list[Attendance]:
    """B5: the substitutes of a seat holder who sends apologies are invited in their place."""
    if holder.membership is None or holder.membership.seat_role != SeatRole.HOLDER:
        return []
    on = timezone.localdate(holder.meeting.starts_at)
    substitutes = Membership.objects.current(on).filter(substitute_for=holder.membership)
    invited = []
    for membership in substitutes:
        attendance, created = Attendance.objects.get_or_create(
            meeting=holder.meeting,
            user_id=membership.user_id,
            defaults={
                "region": holder.region,
                "membership": membership,
                "substitute_for": holder,
            },
        )
        if created:
            invited.append(attendance)
    return invited


@transaction.atomic
def attendance_respond(*, actor: Actor, meeting: Meeting, response: str) -> Attendance:
    """M6: an invited member says whether they come, until the meeting starts. Apologies of a
    seat holder invite the seat's substitute (B5)."""
    meeting = lock_meeting(meeting)
    require_open(meeting)
    if response not in (Response.ATTENDING, Response.APOLOGIES):
        raise DomainError(_("Say whether you come."), field="response")
    if meeting.status != MeetingStatus.PUBLISHED or has_started(meeting):
        raise ConflictError(
            _("Answers are taken from publication of the agenda until the meeting starts."),
            code="not_open",
        )
    attendance = (
        Attendance.objects.select_for_update(of=("self",))
        .select_related("membership", "meeting")
        .filter(meeting=meeting, user=actor)
        .first()
    )
    if attendance is None:
        raise DomainError(_("You are not invited to this meeting."), code="not_invited")
    before = attendance.response
    attendance.response = response
    attendance.responded_at = timezone.now()
    attendance.save(update_fields=["response", "responded_at", "updated_at"])
    audit_record(
        actor=actor,
        action="attendance.respond",
        target=attendance,
        region=attendance.region,
        changes={"response": [before, response]},
    )
    if response == Response.APOLOGIES:
        for substitute in _invite_substitutes(attendance):
            audit_record(
                actor=actor,
                action="attendance.substitute_invited",
                target=substitute,
                region=substitute.region,
                changes={"substitute_for": [None, str(attendance.user)]},
            )
            transaction.on_commit(partial(notify.attendee_invited, substitute.pk))
    return attendance


@transaction.atomic
def attendance_record(
    *, actor: Actor, meeting: Meeting, presence: dict[int, str]
) -> list[Attendance]:
    """M6: the supporter records who was present, excused or absent, once the meeting has
    started. `presence` maps attendance ids of this meeting to a presence."""
    meeting = lock_meeting(meeting)
    require_open(meeting)
    if meeting.status == MeetingStatus.PLANNED or not has_started(meeting):
        raise ConflictError(
            _("Presence can be recorded once the meeting has started."), code="not_started"
        )
    attendances = {
        a.pk: a for a in Attendance.objects.select_for_update(of=("self",)).filter(meeting=meeting)
    }
    changed = []
    for pk, value in presence.items():
        if pk not in attendances:
            raise DomainError(_("This person was not invited to this meeting."), code="unknown")
        if value not in Presence.values:
            raise DomainError(_("Choose present, excused or absent."), field="presence")
        attendance = attendances[pk]
        if attendance.presence != value:
            audit_record(
                actor=actor,
                action="attendance.record",
                target=attendance,
                region=attendance.region,
                changes={"presence": [attendance.presence or None, value]},
            )
            attendance.presence = value
            changed.append(attendance)
    Attendance.objects.bulk_update(changed, ["presence"])
    return changed

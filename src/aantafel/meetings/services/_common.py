"""Checks the meeting services share."""

from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.core.errors import ConflictError
from aantafel.core.text import require_text

from ..models import Meeting, MeetingStatus

__all__ = ["has_started", "lock_meeting", "require_open", "require_status", "require_text"]

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise


def lock_meeting(meeting: Meeting) -> Meeting:
    """Reads the meeting again under a row lock: its status decides what may happen next."""
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("body", "region")
        .get(pk=meeting.pk)
    )


def require_status(meeting: Meeting, *allowed: str, message: "str | _StrPromise") -> None:
    if meeting.status not in allowed:
        raise ConflictError(message, code="wrong_status")


def require_open(meeting: Meeting) -> None:
    """A cancelled meeting, or one whose minutes are approved, takes no more changes."""
    if meeting.status == MeetingStatus.CANCELLED:
        raise ConflictError(_("This meeting has been cancelled."), code="cancelled")
    if meeting.status == MeetingStatus.MINUTES_APPROVED:
        raise ConflictError(
            _("The minutes of this meeting are approved; the meeting is closed."), code="closed"
        )


def has_started(meeting: Meeting) -> bool:
    return meeting.starts_at <= timezone.now()

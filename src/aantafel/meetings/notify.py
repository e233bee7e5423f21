"""What the meeting cycle tells people, called by the services after their transaction commits.

Each function takes ids (the records are read again in the background task) and only queues
work: one task per event, which makes a delivery per recipient and queues one task per
delivery (aantafel.notifications, ADR 0007). Only these events send mail.
"""

from aantafel.notifications.messages import Event
from aantafel.notifications.tasks import fan_out


def agenda_published(meeting_id: int) -> None:
    """M5: the invitation with its calendar entry to everyone invited."""
    fan_out.enqueue(Event.AGENDA_PUBLISHED, meeting_id)


def meeting_changed(meeting_id: int) -> None:
    """M5: time or place changed after publication: the same calendar entry, updated."""
    fan_out.enqueue(Event.MEETING_CHANGED, meeting_id)


def meeting_cancelled(meeting_id: int) -> None:
    """M5: the calendar entry cancelled."""
    fan_out.enqueue(Event.MEETING_CANCELLED, meeting_id)


def attendee_invited(attendance_id: int) -> None:
    """B5: one person invited after publication, e.g. the substitute of a holder who sent apologies."""
    fan_out.enqueue(Event.ATTENDEE_INVITED, attendance_id)


def proposal_decided(proposal_id: int) -> None:
    """M2: the submitter hears what became of their item."""
    fan_out.enqueue(Event.PROPOSAL_DECIDED, proposal_id)


def late_document(document_id: int) -> None:
    """M5: a document added after publication; the invited are told."""
    fan_out.enqueue(Event.LATE_DOCUMENT, document_id)


def minutes_circulated(meeting_id: int) -> None:
    """M10: the draft minutes went round."""
    fan_out.enqueue(Event.MINUTES_CIRCULATED, meeting_id)


def action_assigned(action_id: int) -> None:
    """M9: someone was given an action."""
    fan_out.enqueue(Event.ACTION_ASSIGNED, action_id)

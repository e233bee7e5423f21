"""What the meeting cycle tells people, called by the services after their transaction commits.

Each function takes ids (the records are read again in the background task) and only queues
work; the mail itself goes out from a task. INTERFACE — implemented by the notifications work.
"""


def agenda_published(meeting_id: int) -> None:
    """M5: the invitation with its calendar entry to everyone invited."""


def meeting_changed(meeting_id: int) -> None:
    """M5: time or place changed after publication: the same calendar entry, updated."""


def meeting_cancelled(meeting_id: int) -> None:
    """M5: the calendar entry cancelled."""


def attendee_invited(attendance_id: int) -> None:
    """B5: one person invited after publication, e.g. the substitute of a holder who sent apologies."""


def proposal_decided(proposal_id: int) -> None:
    """M2: the submitter hears what became of their item."""


def late_document(document_id: int) -> None:
    """M5: a document added after publication; the invited are told."""


def minutes_circulated(meeting_id: int) -> None:
    """M10: the draft minutes went round."""


def action_assigned(action_id: int) -> None:
    """M9: someone was given an action."""

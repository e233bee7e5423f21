"""Every write of the meeting cycle, one function per use case (see PRODUCT.md M1–M14)."""

from .agenda import (
    ItemFields,
    agenda_add_minutes_approval_if_due,
    agenda_item_add,
    agenda_item_add_at_meeting,
    agenda_item_from_action,
    agenda_item_move,
    agenda_item_update,
    next_meeting_of,
)
from .attendance import attendance_record, attendance_respond
from .documents import document_add
from .planning import (
    Frequency,
    MeetingDetails,
    item_deadline,
    meeting_cancel,
    meeting_mark_held,
    meeting_plan,
    meeting_plan_series,
    meeting_publish,
    meeting_update,
    publish_deadline,
    series_dates,
)
from .proposals import proposal_accept, proposal_decline, proposal_defer, proposal_submit

__all__ = [
    "Frequency",
    "ItemFields",
    "MeetingDetails",
    "agenda_add_minutes_approval_if_due",
    "agenda_item_add",
    "agenda_item_add_at_meeting",
    "agenda_item_from_action",
    "agenda_item_move",
    "agenda_item_update",
    "attendance_record",
    "attendance_respond",
    "document_add",
    "item_deadline",
    "meeting_cancel",
    "meeting_mark_held",
    "meeting_plan",
    "meeting_plan_series",
    "meeting_publish",
    "meeting_update",
    "next_meeting_of",
    "proposal_accept",
    "proposal_decline",
    "proposal_defer",
    "proposal_submit",
    "publish_deadline",
    "series_dates",
]

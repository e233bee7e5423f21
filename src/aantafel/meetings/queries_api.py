"""Reads of the meetings API. Each runs a fixed number of queries whatever the number of
meetings, items, documents, invited members, questions or answers
(tests/api/test_meetings_api.py counts them)."""

import datetime

from django.db.models import Count, Prefetch, QuerySet, Sum

from aantafel.advice.models import AdviceRequest
from aantafel.bodies.models import Body
from aantafel.core.typing import AnyUser

from .models import (
    AgendaItem,
    Attendance,
    ConstituencyQuestion,
    Document,
    ItemProposal,
    Meeting,
    QuestionAnswer,
)
from .services import mirrorable_advice_requests, mirrorable_items


def meetings_of_body(
    body: Body,
    *,
    status: str | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[Meeting]:
    """M1: a body's meetings, earliest first, with their number of agenda items. The dates are
    days in the current (the region's) time zone."""
    meetings = Meeting.objects.filter(body=body)
    if status:
        meetings = meetings.filter(status=status)
    if date_from:
        meetings = meetings.filter(starts_at__date__gte=date_from)
    if date_to:
        meetings = meetings.filter(starts_at__date__lte=date_to)
    return meetings.annotate(item_count=Count("items")).order_by("starts_at", "pk")


def _documents() -> QuerySet[Document]:
    return Document.objects.order_by("created_at", "pk")


def agenda_of(meeting: Meeting, *, with_confidential: bool) -> tuple[list[AgendaItem], int]:
    """M4: the agenda in order, each item with its time slot (`slot_starts`, `slot_ends`,
    following from the meeting's start and the items before it) and its documents. Confidential
    items are left out unless `with_confidential`; the number returned counts them too."""
    items = AgendaItem.objects.filter(meeting=meeting).select_related("presenter")
    # The slots count every item, also the confidential ones not shown.
    durations = list(
        AgendaItem.objects.filter(meeting=meeting)
        .order_by("position")
        .values_list("pk", "duration_minutes")
    )
    if not with_confidential:
        items = items.filter(confidential=False)
    shown = list(items.prefetch_related(Prefetch("documents", queryset=_documents())))
    slots, start = {}, meeting.starts_at
    for pk, minutes in durations:
        end = start + datetime.timedelta(minutes=minutes)
        slots[pk] = (start, end)
        start = end
    for item in shown:
        item.slot_starts, item.slot_ends = slots[item.pk]  # type: ignore[attr-defined]
    return shown, len(durations)


def item_with_slot(item: AgendaItem) -> AgendaItem:
    """One item, read again with its presenter, documents and time slot."""
    fresh = (
        AgendaItem.objects.select_related("presenter", "meeting")
        .prefetch_related(Prefetch("documents", queryset=_documents()))
        .get(pk=item.pk)
    )
    before = (
        AgendaItem.objects.filter(
            meeting_id=fresh.meeting_id, position__lt=fresh.position
        ).aggregate(minutes=Sum("duration_minutes"))["minutes"]
        or 0
    )
    starts = fresh.meeting.starts_at + datetime.timedelta(minutes=before)
    fresh.slot_starts = starts  # type: ignore[attr-defined]
    fresh.slot_ends = starts + datetime.timedelta(minutes=fresh.duration_minutes)  # type: ignore[attr-defined]
    return fresh


def meeting_attendances(meeting: Meeting) -> QuerySet[Attendance]:
    """M6: everyone invited, with their answer and presence."""
    return (
        Attendance.objects.filter(meeting=meeting)
        .select_related("user")
        .order_by("user__full_name", "pk")
    )


def meeting_detail(meeting: Meeting, user: AnyUser, *, with_confidential: bool) -> Meeting:
    """M1–M6: the meeting with `agenda`, `attendance_list`, `my_attendance` and `item_count`
    set on it."""
    agenda, count = agenda_of(meeting, with_confidential=with_confidential)
    attendances = list(meeting_attendances(meeting))
    meeting.agenda = agenda  # type: ignore[attr-defined]
    meeting.item_count = count  # type: ignore[attr-defined]
    meeting.attendance_list = attendances  # type: ignore[attr-defined]
    meeting.my_attendance = next(  # type: ignore[attr-defined]
        (a for a in attendances if a.user_id == user.pk), None
    )
    return meeting


def proposals_of_body(
    body: Body, *, submitted_by: "AnyUser | None" = None, status: str | None = None
) -> QuerySet[ItemProposal]:
    """M2: a body's item proposals, oldest first; only those of `submitted_by` if given."""
    proposals = ItemProposal.objects.filter(body=body)
    if submitted_by is not None:
        proposals = proposals.filter(submitted_by_id=submitted_by.pk)
    if status:
        proposals = proposals.filter(status=status)
    return (
        proposals.select_related("submitted_by", "decided_by", "item")
        .prefetch_related(Prefetch("documents", queryset=_documents()))
        .order_by("created_at", "pk")
    )


def item_questions(item: AgendaItem) -> QuerySet[ConstituencyQuestion]:
    """M12: the questions put to a constituency about an item, oldest first, each with its
    `answer_count`. The item and its meeting come along (whether a question is open depends on
    them). One query."""
    return (
        ConstituencyQuestion.objects.filter(item=item)
        .select_related("asked_by", "constituency", "item__meeting")
        .annotate(answer_count=Count("answers"))
        .order_by("created_at", "pk")
    )


def item_question(item: AgendaItem, pk: int) -> ConstituencyQuestion | None:
    """M12: one question of the item with its answers, oldest first. Two queries."""
    answers = QuestionAnswer.objects.order_by("created_at", "pk")
    return (
        item_questions(item)
        .prefetch_related(Prefetch("answers", queryset=answers))
        .filter(pk=pk)
        .first()
    )


def mirrorable_for(meeting: Meeting) -> QuerySet[AgendaItem]:
    """M14: the parent body's items this consultation's meeting may mirror, each with its
    meeting and body. One query."""
    return (
        mirrorable_items(meeting.body)
        .filter(region_id=meeting.region_id)
        .select_related("meeting__body")
    )


def mirrorable_advice_for(meeting: Meeting) -> QuerySet[AdviceRequest]:
    """M14/S4: the parent body's open advice requests this meeting may mirror. One query."""
    return (
        mirrorable_advice_requests(meeting.body)
        .filter(region_id=meeting.region_id)
        .select_related("body")
    )


def mirrored_advice(meeting: Meeting) -> dict[int, int]:
    """M14/S4: advice request id → this meeting's item that mirrors it."""
    return dict(
        AgendaItem.objects.filter(meeting=meeting, mirrors_advice__isnull=False).values_list(
            "mirrors_advice_id", "pk"
        )
    )


def mirrored_sources(meeting: Meeting) -> dict[int, int]:
    """M14: which parent items this meeting already mirrors: source item id → own item id."""
    return dict(
        AgendaItem.objects.filter(meeting=meeting, mirrors__isnull=False).values_list(
            "mirrors_id", "pk"
        )
    )


__all__ = [
    "agenda_of",
    "item_question",
    "item_questions",
    "item_with_slot",
    "meeting_attendances",
    "meeting_detail",
    "meetings_of_body",
    "mirrorable_advice_for",
    "mirrorable_for",
    "mirrored_advice",
    "mirrored_sources",
    "proposals_of_body",
]

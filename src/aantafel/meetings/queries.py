"""Reads of the meeting cycle shared by the pages and the API. Each runs a fixed number of
queries whatever the number of meetings, items or documents."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone

from aantafel.accounts.models import User
from aantafel.bodies.models import Body
from aantafel.core.typing import AnyUser

from .models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    ConstituencyPosition,
    ConstituencyQuestion,
    Decision,
    Document,
    ItemProposal,
    Meeting,
    MeetingStatus,
    Reaction,
)
from .services.proposals import OPEN_STATUSES


def body_meetings(body: Body) -> QuerySet[Meeting]:
    """A body's meetings with their number of agenda items, newest last."""
    return (
        Meeting.objects.filter(body=body).annotate(item_count=Count("items")).order_by("starts_at")
    )


def upcoming_meetings_for(user: User, limit: int = 10) -> QuerySet[Meeting]:
    """The meetings a person is invited to that are still to come, with their own answer."""
    mine = Attendance.objects.filter(user=user)
    return (
        Meeting.objects.filter(attendances__user=user, ends_at__gte=timezone.now())
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("body", "region")
        .prefetch_related(Prefetch("attendances", queryset=mine, to_attr="my_attendance"))
        .order_by("starts_at")[:limit]
    )


@dataclass
class AgendaRow:
    """An item with its computed time slot. A confidential item the viewer may not see keeps
    its place and time on the agenda (so every reader sees the same times and numbers), but
    `hidden` tells the page to show no more than that there is one."""

    item: AgendaItem
    starts: datetime.datetime
    ends: datetime.datetime
    hidden: bool = False


@dataclass
class MeetingDetail:
    meeting: Meeting
    agenda: list[AgendaRow]
    attendances: list[Attendance]
    my_attendance: Attendance | None
    proposals: list[ItemProposal] = field(default_factory=list)
    open_actions: list[Action] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        result: dict[str, int] = {}
        for a in self.attendances:
            result[a.response] = result.get(a.response, 0) + 1
            if a.presence:
                result[a.presence] = result.get(a.presence, 0) + 1
        return result


ITEM_PREFETCHES = (
    Prefetch("documents", queryset=Document.objects.order_by("created_at")),
    Prefetch(
        "decisions",
        queryset=Decision.objects.order_by("pk").prefetch_related(
            Prefetch(
                "positions",
                queryset=ConstituencyPosition.objects.select_related("constituency"),
            )
        ),
    ),
    Prefetch("actions", queryset=Action.objects.select_related("owner", "theme")),
    Prefetch("reactions", queryset=Reaction.objects.select_related("author", "constituency")),
    Prefetch(
        "questions",
        queryset=ConstituencyQuestion.objects.select_related("asked_by").annotate(
            answer_count=Count("answers")
        ),
    ),
)


def time_slots(
    meeting: Meeting, items: list[AgendaItem], *, can_view_confidential: bool = True
) -> list[AgendaRow]:
    """M4: each item's slot follows from the meeting's start and the items before it."""
    rows, start = [], meeting.starts_at
    for item in items:
        end = start + datetime.timedelta(minutes=item.duration_minutes)
        rows.append(AgendaRow(item, start, end, item.confidential and not can_view_confidential))
        start = end
    return rows


def meeting_detail(
    meeting: Meeting, user: AnyUser, *, can_view_confidential: bool, can_manage: bool
) -> MeetingDetail:
    """Everything of the meeting page in a fixed number of queries."""
    items = list(
        AgendaItem.objects.filter(meeting=meeting).select_related(
            "presenter", "mirrors__meeting__body", "minutes_of"
        )
    )
    rows = time_slots(meeting, items, can_view_confidential=can_view_confidential)
    # What hangs off an item is read only for the items this person may see.
    prefetch_related_objects([r.item for r in rows if not r.hidden], *ITEM_PREFETCHES)
    attendances = list(
        Attendance.objects.filter(meeting=meeting)
        .select_related("user", "membership__constituency", "substitute_for__user")
        .order_by("user__full_name")
    )
    mine = next((a for a in attendances if a.user_id == user.pk), None)
    detail = MeetingDetail(meeting, rows, attendances, mine)
    if can_manage and not meeting.is_held and not meeting.is_cancelled:
        detail.proposals = list(
            ItemProposal.objects.filter(body_id=meeting.body_id, status__in=OPEN_STATUSES)
            .filter(Q(meeting=meeting) | Q(meeting__isnull=True))
            .select_related("submitted_by")
            .annotate(document_count=Count("documents"))
        )
        on_agenda = {i.follows_up_action_id for i in items if i.follows_up_action_id}
        detail.open_actions = [
            a
            for a in Action.objects.filter(
                body_id=meeting.body_id,
                status=ActionStatus.OPEN,
                due_date__lte=timezone.localdate(meeting.starts_at),
            ).select_related("owner")
            if a.pk not in on_agenda
        ]
    return detail


def my_open_actions(user: User, limit: int = 20) -> QuerySet[Action]:
    """The actions a person still has to do, the most urgent first."""
    return (
        Action.objects.filter(owner=user, status=ActionStatus.OPEN)
        .select_related("body", "region", "meeting")
        .order_by("due_date", "pk")[:limit]
    )


def proposals_for_body(body: Body, *, open_only: bool = True) -> QuerySet[ItemProposal]:
    qs = ItemProposal.objects.filter(body=body).select_related(
        "submitted_by", "meeting", "decided_by"
    )
    if open_only:
        qs = qs.filter(status__in=OPEN_STATUSES)
    return qs.annotate(document_count=Count("documents")).order_by("created_at")


def my_proposals(user: User, body: Body) -> QuerySet[ItemProposal]:
    return (
        ItemProposal.objects.filter(body=body, submitted_by=user)
        .select_related("meeting")
        .order_by("-created_at")[:20]
    )


__all__ = [
    "MeetingDetail",
    "body_meetings",
    "meeting_detail",
    "my_open_actions",
    "my_proposals",
    "proposals_for_body",
    "time_slots",
    "upcoming_meetings_for",
]

"""M9, M10: reads for following up a body's work across meetings: actions, the decisions
register, items waiting for a meeting, and the versions of minutes. Each runs a fixed number of
queries whatever the number of rows."""

import datetime
from dataclasses import dataclass

from django.db.models import BooleanField, Case, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from aantafel.accounts.models import User
from aantafel.bodies.models import Body, Membership
from aantafel.regions.models import PlanTheme

from .models import (
    Action,
    ActionStatus,
    ConstituencyPosition,
    Decision,
    ItemProposal,
    Meeting,
    Minutes,
    MinutesVersion,
    ProposalStatus,
)

REMIND_EVERY = datetime.timedelta(days=7)


@dataclass(frozen=True)
class ActionFilters:
    owner: User | None = None
    status: str = ""
    theme: PlanTheme | None = None
    overdue: bool = False


@dataclass(frozen=True)
class DecisionFilters:
    year: int | None = None
    outcome: str = ""
    text: str = ""


def _visible_items(prefix: str, *, include_confidential: bool) -> Q:
    """Actions and decisions of a confidential item are for the body's seated members only."""
    if include_confidential:
        return Q()
    return Q(**{f"{prefix}__isnull": True}) | Q(**{f"{prefix}__confidential": False})


def body_actions(
    body: Body,
    filters: ActionFilters | None = None,
    *,
    include_confidential: bool,
    today: datetime.date | None = None,
) -> QuerySet[Action]:
    """M9: a body's actions across all its meetings, each flagged `is_overdue` (open and past
    its due date). One query."""
    today = today or timezone.localdate()
    filters = filters or ActionFilters()
    qs = Action.objects.filter(body=body).filter(
        _visible_items("item", include_confidential=include_confidential)
    )
    if filters.owner is not None:
        qs = qs.filter(owner=filters.owner)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.theme is not None:
        qs = qs.filter(theme=filters.theme)
    if filters.overdue:
        qs = qs.filter(status=ActionStatus.OPEN, due_date__lt=today)
    return (
        qs.select_related("owner", "theme", "meeting", "item")
        .annotate(
            is_overdue=Case(
                When(status=ActionStatus.OPEN, due_date__lt=today, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("due_date", "pk")
    )


def decisions_register(
    body: Body, filters: DecisionFilters | None = None, *, include_confidential: bool
) -> QuerySet[Decision]:
    """M8: every decision of a body with its meeting and the constituencies' positions, newest
    first. Two queries."""
    filters = filters or DecisionFilters()
    qs = Decision.objects.filter(item__meeting__body=body).filter(
        _visible_items("item", include_confidential=include_confidential)
    )
    if filters.year:
        qs = qs.filter(item__meeting__starts_at__year=filters.year)
    if filters.outcome:
        qs = qs.filter(outcome=filters.outcome)
    if filters.text:
        qs = qs.filter(Q(text__icontains=filters.text) | Q(item__title__icontains=filters.text))
    return (
        qs.select_related("item", "item__meeting")
        .prefetch_related(
            Prefetch(
                "positions",
                queryset=ConstituencyPosition.objects.select_related("constituency"),
            )
        )
        .order_by("-item__meeting__starts_at", "item__position", "pk")
    )


def decision_years(body: Body) -> list[int]:
    """The years in which the body took decisions, for the register's filter."""
    dates = (
        Meeting.objects.filter(body=body, items__decisions__isnull=False)
        .dates("starts_at", "year", order="DESC")
        .distinct()
    )
    return [d.year for d in dates]


def items_waiting(body: Body) -> QuerySet[ItemProposal]:
    """M2/M7: proposals brought in that wait for a meeting: submitted without a meeting yet,
    and those moved to a later meeting."""
    return (
        ItemProposal.objects.filter(body=body)
        .filter(
            Q(status=ProposalStatus.SUBMITTED, meeting__isnull=True)
            | Q(status=ProposalStatus.DEFERRED)
        )
        .select_related("submitted_by", "meeting", "source_meeting", "source_meeting__body")
        .order_by("created_at")
    )


def minutes_with_versions(meeting: Meeting) -> Minutes | None:
    """M10: a meeting's minutes with their frozen versions (oldest first). Two queries."""
    return (
        Minutes.objects.filter(meeting=meeting)
        .select_related("edited_by", "approved_in")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=MinutesVersion.objects.select_related("created_by").order_by("number"),
            )
        )
        .first()
    )


def member_choices(body: Body) -> QuerySet[User]:
    """The body's current members, to choose an action owner or a reporter from."""
    current = Membership.objects.current().filter(body=body).values("user_id")
    return User.objects.filter(pk__in=current).order_by("full_name", "email")


@dataclass
class FollowUp:
    """M9: what the chair and the supporter follow up across meetings."""

    actions: list[Action]
    overdue_count: int
    decisions: list[Decision]
    waiting: list[ItemProposal]


def follow_up(
    body: Body,
    filters: ActionFilters | None = None,
    *,
    include_confidential: bool,
    recent_decisions: int = 10,
    today: datetime.date | None = None,
) -> FollowUp:
    """The chair's view: open actions (overdue first), the latest decisions and the items
    waiting for a meeting. Four queries."""
    today = today or timezone.localdate()
    filters = filters or ActionFilters()
    if not filters.status and not filters.overdue:
        filters = ActionFilters(filters.owner, ActionStatus.OPEN, filters.theme, False)

    def overdue(action: Action) -> bool:
        return action.status == ActionStatus.OPEN and action.due_date < today

    actions = sorted(
        body_actions(body, filters, include_confidential=include_confidential, today=today),
        key=lambda a: (not overdue(a), a.due_date, a.pk),
    )
    decisions = list(
        decisions_register(body, include_confidential=include_confidential)[:recent_decisions]
    )
    return FollowUp(
        actions=actions,
        overdue_count=sum(1 for a in actions if overdue(a)),
        decisions=decisions,
        waiting=list(items_waiting(body)),
    )


def overdue_actions_to_remind(today: datetime.date) -> QuerySet[Action]:
    """M9: open actions past their due date whose owner has not been reminded in the last
    seven days (or never), for the reminder mail."""
    return (
        Action.objects.filter(status=ActionStatus.OPEN, due_date__lt=today)
        .filter(Q(last_reminded_on__isnull=True) | Q(last_reminded_on__lte=today - REMIND_EVERY))
        .select_related("owner", "body", "region", "meeting", "theme")
        .order_by("owner_id", "due_date", "pk")
    )

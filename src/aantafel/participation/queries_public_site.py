"""Reads of each region's public participation site (P7): the home page, a published
trajectory's page and the register. Only what is public: a published trajectory, updates with a
publication date, published events still to come, open campaigns, `Story.objects.public()` and
`Idea.objects.public()` (so a flagged, withdrawn or declined item never shows), active
initiatives.

Each function states its query count, which does not grow with the number of rows: the home
page costs the same with three stories or three hundred, a trajectory's page the same with two
plan actions or two hundred.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from aantafel.regions.models import Region

from .models import (
    Answer,
    Campaign,
    Event,
    EventStatus,
    Idea,
    ParticipationInitiative,
    Phase,
    Pillar,
    PlanAction,
    RegistrationStatus,
    Story,
    Theme,
    Trajectory,
    TrajectoryDocument,
    TrajectoryUpdate,
)
from .queries import PhaseLine, phase_lines
from .queries_campaigns import public_campaigns

HOME_UPDATES = 3
HOME_EVENTS = 3
HOME_CAMPAIGNS = 5
HOME_STORIES = 3
HOME_IDEAS = 5
UPDATES_PAGE_SIZE = 10
REGISTER_PAGE_SIZE = 25


# --- Building blocks -------------------------------------------------------------------------
def published_trajectories(region: Region) -> QuerySet[Trajectory]:
    """The region's trajectories on the public site, the latest first."""
    return Trajectory.objects.filter(region=region, published=True).order_by(
        "-starts_on", "title", "pk"
    )


def public_trajectory_get(region: Region, pk: int) -> Trajectory:
    """A published trajectory of the region, else 404: a draft, or another region's, is not
    there. One query."""
    return get_object_or_404(published_trajectories(region), pk=pk)


def public_updates(trajectory: Trajectory) -> QuerySet[TrajectoryUpdate]:
    """The trajectory's updates that have been published, newest first, with their pillar."""
    return (
        TrajectoryUpdate.objects.filter(
            trajectory=trajectory, published_at__isnull=False, published_at__lte=timezone.now()
        )
        .select_related("pillar")
        .order_by("-published_at", "-pk")
    )


def upcoming_events(region: Region) -> QuerySet[Event]:
    """Published events of the region that have not ended, the first one first, each with its
    number of confirmed places (`confirmed`)."""
    return (
        Event.objects.filter(
            region=region, status=EventStatus.PUBLISHED, ends_at__gte=timezone.now()
        )
        .annotate(
            confirmed=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
            )
        )
        .order_by("starts_at", "pk")
    )


def newest_stories(region: Region) -> QuerySet[Story]:
    """Published stories, never a withdrawn or flagged one, newest first."""
    return Story.objects.public().filter(region=region).order_by("-published_at", "-pk")


def most_supported_ideas(region: Region) -> QuerySet[Idea]:
    """Public ideas (checked, not flagged; never a declined one) with their number of
    supporters, the most supported first."""
    return (
        Idea.objects.public()
        .with_support()
        .filter(region=region)
        .order_by("-support_count", "-created_at", "-pk")
    )


def active_initiatives(region: Region, kind: str = "") -> QuerySet[ParticipationInitiative]:
    """The register as the public sees it: active initiatives only, by name."""
    initiatives = ParticipationInitiative.objects.filter(region=region, active=True)
    if kind:
        initiatives = initiatives.filter(kind=kind)
    return initiatives.order_by("name", "pk")


# --- The home page ---------------------------------------------------------------------------
@dataclass
class SiteHome:
    trajectory: Trajectory | None
    other_trajectories: list[Trajectory]
    pillars: list[Pillar]
    current_phase: PhaseLine | None
    updates: list[TrajectoryUpdate]
    events: list[Event]
    campaigns: list[Campaign]
    stories: list[Story]
    ideas: list[Idea]
    initiative_count: int


def _featured(trajectories: list[Trajectory], today: datetime.date) -> Trajectory | None:
    """The trajectory running today, else the latest one."""
    for trajectory in trajectories:
        if trajectory.starts_on <= today <= trajectory.ends_on:
            return trajectory
    return trajectories[0] if trajectories else None


def site_home(region: Region) -> SiteHome:
    """P7: what the region's public home shows. Nine queries (trajectories, pillars, phases,
    updates, events, campaigns, stories, ideas, the number of initiatives); six without a
    published trajectory."""
    trajectories = list(published_trajectories(region))
    trajectory = _featured(trajectories, timezone.localdate())
    pillars: list[Pillar] = []
    current: PhaseLine | None = None
    updates: list[TrajectoryUpdate] = []
    if trajectory is not None:
        pillars = list(Pillar.objects.filter(trajectory=trajectory).order_by("number"))
        phases = list(Phase.objects.filter(trajectory=trajectory).order_by("starts_on", "pk"))
        current = next(
            (line for line in phase_lines(trajectory, phases) if line.state == "current"), None
        )
        updates = list(public_updates(trajectory)[:HOME_UPDATES])
    return SiteHome(
        trajectory=trajectory,
        other_trajectories=[t for t in trajectories if t != trajectory],
        pillars=pillars,
        current_phase=current,
        updates=updates,
        events=list(upcoming_events(region)[:HOME_EVENTS]),
        campaigns=list(public_campaigns(region)[:HOME_CAMPAIGNS]),
        stories=list(newest_stories(region)[:HOME_STORIES]),
        ideas=list(most_supported_ideas(region)[:HOME_IDEAS]),
        initiative_count=active_initiatives(region).count(),
    )


# --- A trajectory's page ---------------------------------------------------------------------
@dataclass
class PillarActions:
    """The plan's actions under one pillar (`pillar` None: for the whole trajectory)."""

    pillar: Pillar | None
    actions: list[PlanAction] = field(default_factory=list)


@dataclass
class PublicTrajectory:
    trajectory: Trajectory
    pillars: list[Pillar]
    phases: list[PhaseLine]
    documents: list[TrajectoryDocument]
    plan: list[PillarActions]


def _coded_answers() -> Coalesce:
    """How many answers were coded with the theme, as a subquery (a join would multiply with
    the plan action's own join to its themes). An answer of a response flagged as a safety
    concern is out of every public view, its count included."""
    coded = (
        Answer.objects.filter(themes=OuterRef("pk"), response__safety_flagged=False)
        .order_by()
        .values("themes")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(coded, output_field=IntegerField()), 0)


def plan_actions(trajectory: Trajectory) -> list[PillarActions]:
    """P3 on the public site: the plan's actions grouped by pillar (in the pillars' order, the
    actions without a pillar last), each with the themes it came from, their campaign and the
    number of answers coded with them (`answer_count`). Two queries, however many actions and
    themes."""
    themes = Theme.objects.select_related("campaign").annotate(answer_count=_coded_answers())
    actions = (
        PlanAction.objects.filter(trajectory=trajectory)
        .select_related("pillar")
        .prefetch_related(Prefetch("themes", queryset=themes.order_by("name", "pk")))
        .order_by("pillar__number", "pk")
    )
    groups: dict[int | None, PillarActions] = {}
    for action in actions:
        groups.setdefault(action.pillar_id, PillarActions(action.pillar)).actions.append(action)
    return sorted(
        groups.values(),
        key=lambda g: (g.pillar is None, g.pillar.number if g.pillar is not None else 0),
    )


def public_trajectory(trajectory: Trajectory) -> PublicTrajectory:
    """P7: a published trajectory's pillars, phases as a timeline, documents with their
    decision status and the plan's actions with their source. Five queries (pillars, phases,
    documents, actions, their themes); the updates are paged apart (`public_updates`)."""
    phases = list(Phase.objects.filter(trajectory=trajectory).order_by("starts_on", "pk"))
    return PublicTrajectory(
        trajectory=trajectory,
        pillars=list(Pillar.objects.filter(trajectory=trajectory).order_by("number")),
        phases=phase_lines(trajectory, phases),
        documents=list(
            TrajectoryDocument.objects.filter(trajectory=trajectory).order_by("created_at", "pk")
        ),
        plan=plan_actions(trajectory),
    )

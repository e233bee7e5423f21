"""Reads of the trajectory pages (P1). Each function states its query count: the list costs the
same with two trajectories or twenty, a trajectory's page the same with two updates or two
hundred."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, Model, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from aantafel.regions.models import Region

from .models import Phase, Pillar, Trajectory, TrajectoryDocument, TrajectoryUpdate

PAGE_SIZE = 25


def trajectory_get(region: Region, pk: int) -> Trajectory:
    """The region's trajectory, else 404 (another region's is not there). One query."""
    return get_object_or_404(Trajectory.objects.select_related("region"), region=region, pk=pk)


def _part_count(model: type[Model]) -> Coalesce:
    """How many records of `model` a trajectory has, as a subquery: counting four kinds of
    parts through joins would multiply them with each other."""
    counted = (
        model._default_manager.filter(trajectory=OuterRef("pk"))
        .order_by()
        .values("trajectory")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def trajectory_list(region: Region, published: bool | None = None) -> QuerySet[Trajectory]:
    """P1: the region's trajectories, the latest first, with their number of pillars, phases,
    updates and documents; `published` narrows to those on (True) or off (False) the public
    site. One query per page (and one for the count)."""
    qs = Trajectory.objects.filter(region=region)
    if published is not None:
        qs = qs.filter(published=published)
    return qs.annotate(
        pillar_count=_part_count(Pillar),
        phase_count=_part_count(Phase),
        update_count=_part_count(TrajectoryUpdate),
        document_count=_part_count(TrajectoryDocument),
    ).order_by("-starts_on", "title", "pk")


@dataclass
class PhaseLine:
    """A phase on the timeline, with the day it ends (its own, else the day before the next
    phase starts, else the trajectory's end) and where it stands today."""

    phase: Phase
    ends_on: datetime.date
    state: str  # "past", "current", "upcoming"


@dataclass
class PillarLine:
    pillar: Pillar
    updates: list[TrajectoryUpdate] = field(default_factory=list)


@dataclass
class TrajectoryDetail:
    trajectory: Trajectory
    pillars: list[PillarLine]
    phases: list[PhaseLine]
    updates: list[TrajectoryUpdate]
    documents: list[TrajectoryDocument]


def phase_lines(trajectory: Trajectory, phases: list[Phase]) -> list[PhaseLine]:
    today = timezone.localdate()
    lines = []
    for i, phase in enumerate(phases):
        if phase.ends_on is not None:
            ends_on = phase.ends_on
        elif i + 1 < len(phases) and phases[i + 1].starts_on > phase.starts_on:
            ends_on = phases[i + 1].starts_on - datetime.timedelta(days=1)
        else:
            ends_on = trajectory.ends_on
        if ends_on < today:
            state = "past"
        elif phase.starts_on > today:
            state = "upcoming"
        else:
            state = "current"
        lines.append(PhaseLine(phase, ends_on, state))
    return lines


def trajectory_detail(trajectory: Trajectory) -> TrajectoryDetail:
    """P1: a trajectory with its pillars and each pillar's updates, its phases as a timeline,
    all its updates newest first and its documents with their decision status. Four queries
    (pillars, phases, updates with their pillar and author, documents), however many there
    are."""
    pillars = {p.pk: PillarLine(p) for p in Pillar.objects.filter(trajectory=trajectory)}
    phases = list(Phase.objects.filter(trajectory=trajectory).order_by("starts_on", "pk"))
    updates = list(
        TrajectoryUpdate.objects.filter(trajectory=trajectory)
        .select_related("pillar", "author")
        .order_by("-published_at", "-created_at", "-pk")
    )
    for update in updates:
        if update.pillar_id in pillars:
            pillars[update.pillar_id].updates.append(update)
    documents = list(
        TrajectoryDocument.objects.filter(trajectory=trajectory).order_by("created_at", "pk")
    )
    return TrajectoryDetail(
        trajectory=trajectory,
        pillars=sorted(pillars.values(), key=lambda line: line.pillar.number),
        phases=phase_lines(trajectory, phases),
        updates=updates,
        documents=documents,
    )


def trajectory_pillars(trajectory: Trajectory) -> QuerySet[Pillar]:
    """The trajectory's pillars, for the choice of an update's pillar."""
    return Pillar.objects.filter(trajectory=trajectory).order_by("number")

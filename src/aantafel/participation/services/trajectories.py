"""P1: a region's participation trajectory (e.g. 2023–2028) with its pillars, phases, updates
(process descriptions, results, news) and documents such as the plan of approach with its
decision status.

Who may call these (participation.manage: the region administrator and policy staff) is
checked by the caller. Every function writes its audit event in its own transaction; a refusal
leaves nothing behind. A record may only point at records of its own trajectory and region.
"""

import datetime
from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_record, changes_between, snapshot
from aantafel.core.errors import DomainError
from aantafel.core.text import limited_text
from aantafel.core.typing import Actor
from aantafel.core.uploads import check_upload
from aantafel.regions.models import Region

from ..models import (
    MAX_TEXT,
    DecisionStatus,
    Phase,
    Pillar,
    Trajectory,
    TrajectoryDocument,
    TrajectoryUpdate,
    UpdateKind,
)

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

TITLE_MAX = 200
NAME_MAX = 200
PILLAR_NUMBER_MAX = 99
DECIDED_STATUSES = frozenset({DecisionStatus.ADOPTED, DecisionStatus.REJECTED})

TRAJECTORY_AUDITED = ["title", "starts_on", "ends_on", "published"]
PILLAR_AUDITED = ["number", "name"]
PHASE_AUDITED = ["name", "starts_on", "ends_on"]
UPDATE_AUDITED = ["kind", "pillar", "title", "published_at"]
DOCUMENT_AUDITED = [
    "title",
    "decision_status",
    "decided_on",
    "decided_by",
    "original_name",
    "content_type",
    "size",
]
DECISION_AUDITED = ["decision_status", "decided_on", "decided_by"]
# Long texts are audited by their length: the trail says that they changed, not what they say.
LONG_TEXTS = ("summary", "description", "body")


# --- Checks ---------------------------------------------------------------------------------------


def _required(value: str, *, field: str, message: "str | _StrPromise", max_length: int) -> str:
    return limited_text(value, field=field, max_length=max_length, required=message)


def _optional(value: str, *, field: str, max_length: int = MAX_TEXT) -> str:
    return limited_text(value, field=field, max_length=max_length)


def _date(
    value: datetime.date | None, *, field: str, message: "str | _StrPromise"
) -> datetime.date:
    if value is None:
        raise DomainError(message, field=field, code="required")
    return value


def _period(
    starts_on: datetime.date | None, ends_on: datetime.date | None
) -> tuple[datetime.date, datetime.date]:
    """P1: a trajectory runs from its first to its last day; it cannot end before it starts."""
    starts_on = _date(
        starts_on, field="starts_on", message=_("Give the date the trajectory starts.")
    )
    ends_on = _date(ends_on, field="ends_on", message=_("Give the date the trajectory ends."))
    if ends_on < starts_on:
        raise DomainError(
            _("The trajectory cannot end before it starts."),
            field="ends_on",
            code="ends_before_start",
        )
    return starts_on, ends_on


def _phase_dates(
    trajectory: Trajectory, starts_on: datetime.date | None, ends_on: datetime.date | None
) -> tuple[datetime.date, datetime.date | None]:
    """P1: a phase lies inside the trajectory's period; its end is optional (it then runs until
    the next phase or the end of the trajectory)."""
    starts_on = _date(starts_on, field="starts_on", message=_("Give the date the phase starts."))
    if not trajectory.starts_on <= starts_on <= trajectory.ends_on:
        raise DomainError(
            _("The phase must start within the period of the trajectory (%(start)s – %(end)s).")
            % _period_labels(trajectory),
            field="starts_on",
            code="outside_trajectory",
        )
    if ends_on is not None:
        if ends_on < starts_on:
            raise DomainError(
                _("The phase cannot end before it starts."),
                field="ends_on",
                code="ends_before_start",
            )
        if ends_on > trajectory.ends_on:
            raise DomainError(
                _("The phase must end within the period of the trajectory (%(start)s – %(end)s).")
                % _period_labels(trajectory),
                field="ends_on",
                code="outside_trajectory",
            )
    return starts_on, ends_on


def _period_labels(trajectory: Trajectory) -> dict[str, str]:
    return {
        "start": trajectory.starts_on.strftime("%d-%m-%Y"),
        "end": trajectory.ends_on.strftime("%d-%m-%Y"),
    }


def _same_region(obj: models.Model, region_id: int, *, field: str) -> None:
    """B1: a record of another region does not exist here."""
    if obj.region_id != region_id:  # type: ignore[attr-defined]
        raise DomainError(
            _("This choice does not exist in this region."), field=field, code="unknown"
        )


def _checked_pillar(pillar: Pillar | None, trajectory: Trajectory) -> Pillar | None:
    """P1: an update belongs to a pillar of its own trajectory, or to none."""
    if pillar is None:
        return None
    _same_region(pillar, trajectory.region_id, field="pillar")
    if pillar.trajectory_id != trajectory.pk:
        raise DomainError(
            _("Choose a pillar of this trajectory."), field="pillar", code="other_trajectory"
        )
    return pillar


def _checked_number(trajectory: Trajectory, number: int | None, *, pillar: Pillar | None) -> int:
    """P1: pillars are numbered 1, 2, 3 … within their trajectory, each number once. Without a
    number, a new pillar takes the next one."""
    others = Pillar.objects.filter(trajectory=trajectory)
    if pillar is not None:
        others = others.exclude(pk=pillar.pk)
    if number is None:
        if pillar is not None:
            return pillar.number
        return (others.aggregate(highest=Max("number"))["highest"] or 0) + 1
    if not 1 <= number <= PILLAR_NUMBER_MAX:
        raise DomainError(
            _("Give a number from 1 to %(max)s.") % {"max": PILLAR_NUMBER_MAX},
            field="number",
            code="number_out_of_range",
        )
    if others.filter(number=number).exists():
        raise DomainError(
            _("This trajectory already has a pillar %(number)s.") % {"number": number},
            field="number",
            code="number_taken",
        )
    return number


def _checked_kind(kind: str) -> str:
    if kind not in UpdateKind.values:
        raise DomainError(_("Choose the kind of update."), field="kind", code="invalid_choice")
    return kind


def _checked_decision(
    status: str, decided_on: datetime.date | None, decided_by: str
) -> tuple[str, datetime.date | None, str]:
    """P1: an adopted or rejected document says when and by whom it was decided (not a date in
    the future); a draft or a submitted one has no decision yet, so any date or name given
    with it is dropped."""
    if status not in DecisionStatus.values:
        raise DomainError(
            _("Choose the decision status."), field="decision_status", code="invalid_choice"
        )
    if status not in DECIDED_STATUSES:
        return status, None, ""
    if decided_on is None:
        raise DomainError(_("Give the date of the decision."), field="decided_on", code="required")
    if decided_on > timezone.localdate():
        raise DomainError(
            _("The date of the decision cannot be in the future."),
            field="decided_on",
            code="decided_in_future",
        )
    decided_by = _required(
        decided_by,
        field="decided_by",
        message=_("Say who decided, e.g. the board of the municipalities."),
        max_length=NAME_MAX,
    )
    return status, decided_on, decided_by


# --- Locks and the trail ----------------------------------------------------------------------


def _lock(trajectory: Trajectory) -> Trajectory:
    """Reads the trajectory again under a row lock: its period and pillar numbers decide what
    its parts may be, so two writers take turns."""
    return (
        Trajectory.objects.select_for_update(of=("self",))
        .select_related("region")
        .get(pk=trajectory.pk)
    )


def _audit_values(instance: models.Model, fields: list[str]) -> dict[str, Any]:
    """The audited values, with the long texts in full (to see whether they changed)."""
    values = snapshot(instance, fields)
    for name in LONG_TEXTS:
        if hasattr(instance, name):
            values[name] = getattr(instance, name)
    return values


def _as_lengths(changes: dict[str, list[Any]]) -> dict[str, list[Any]]:
    return {
        name: [None if v is None else len(v) for v in pair] if name in LONG_TEXTS else pair
        for name, pair in changes.items()
    }


def _audit_created(
    actor: Actor, action: str, target: models.Model, region: Region, fields: list[str]
) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=target,
        region=region,
        changes=_as_lengths(changes_between({}, _audit_values(target, fields))),
    )


def _audit_changed(
    actor: Actor,
    action: str,
    target: models.Model,
    region: Region,
    before: dict[str, Any],
    fields: list[str],
) -> bool:
    """Records what changed (long texts by their length); False, and no event, when nothing
    did."""
    changes = changes_between(before, _audit_values(target, fields))
    if not changes:
        return False
    audit_record(
        actor=actor, action=action, target=target, region=region, changes=_as_lengths(changes)
    )
    return True


# --- The trajectory -------------------------------------------------------------------------


@transaction.atomic
def trajectory_create(
    *,
    actor: Actor,
    region: Region,
    title: str,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
    summary: str = "",
    published: bool = False,
) -> Trajectory:
    """P1: a trajectory of the region with a title, a summary and its period (it cannot end
    before it starts); `published` puts it on the region's public site."""
    starts_on, ends_on = _period(starts_on, ends_on)
    trajectory = Trajectory.objects.create(
        region=region,
        title=_required(
            title, field="title", message=_("Give the trajectory a title."), max_length=TITLE_MAX
        ),
        summary=_optional(summary, field="summary"),
        starts_on=starts_on,
        ends_on=ends_on,
        published=bool(published),
        created_by=actor,
    )
    _audit_created(actor, "trajectory.create", trajectory, region, TRAJECTORY_AUDITED)
    return trajectory


@transaction.atomic
def trajectory_update(
    *,
    actor: Actor,
    trajectory: Trajectory,
    title: str,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
    summary: str = "",
    published: bool = False,
) -> Trajectory:
    """P1: the title, summary, period and publication of a trajectory change. The period still
    ends after it starts and still holds every phase."""
    trajectory = _lock(trajectory)
    before = _audit_values(trajectory, TRAJECTORY_AUDITED)
    title = _required(
        title, field="title", message=_("Give the trajectory a title."), max_length=TITLE_MAX
    )
    summary = _optional(summary, field="summary")
    starts_on, ends_on = _period(starts_on, ends_on)
    phases = Phase.objects.filter(trajectory=trajectory)
    if phases.filter(starts_on__lt=starts_on).exists():
        raise DomainError(
            _("A phase starts before this date: change the phase first."),
            field="starts_on",
            code="phases_outside",
        )
    if phases.filter(Q(starts_on__gt=ends_on) | Q(ends_on__gt=ends_on)).exists():
        raise DomainError(
            _("A phase runs past this date: change the phase first."),
            field="ends_on",
            code="phases_outside",
        )
    trajectory.title, trajectory.summary = title, summary
    trajectory.starts_on, trajectory.ends_on = starts_on, ends_on
    trajectory.published = bool(published)
    if _audit_changed(
        actor, "trajectory.update", trajectory, trajectory.region, before, TRAJECTORY_AUDITED
    ):
        trajectory.save(
            update_fields=["title", "summary", "starts_on", "ends_on", "published", "updated_at"]
        )
    return trajectory


# --- Pillars ----------------------------------------------------------------------------------


@transaction.atomic
def pillar_add(
    *,
    actor: Actor,
    trajectory: Trajectory,
    name: str,
    description: str = "",
    number: int | None = None,
) -> Pillar:
    """P1: a pillar of the trajectory, numbered 1, 2, 3 … (each number once per trajectory;
    without a number it takes the next)."""
    trajectory = _lock(trajectory)
    pillar = Pillar(
        region_id=trajectory.region_id,
        trajectory=trajectory,
        name=_required(
            name, field="name", message=_("Give the pillar a name."), max_length=NAME_MAX
        ),
        description=_optional(description, field="description"),
    )
    pillar.number = _checked_number(trajectory, number, pillar=None)
    pillar.save()
    _audit_created(actor, "pillar.add", pillar, trajectory.region, PILLAR_AUDITED)
    return pillar


@transaction.atomic
def pillar_update(
    *,
    actor: Actor,
    pillar: Pillar,
    name: str,
    description: str = "",
    number: int | None = None,
) -> Pillar:
    """P1: a pillar's number, name and description change; its number stays unique within the
    trajectory."""
    trajectory = _lock(pillar.trajectory)
    pillar = Pillar.objects.select_for_update(of=("self",)).get(pk=pillar.pk)
    before = _audit_values(pillar, PILLAR_AUDITED)
    pillar.name = _required(
        name, field="name", message=_("Give the pillar a name."), max_length=NAME_MAX
    )
    pillar.description = _optional(description, field="description")
    pillar.number = _checked_number(trajectory, number, pillar=pillar)
    if _audit_changed(actor, "pillar.update", pillar, trajectory.region, before, PILLAR_AUDITED):
        pillar.save(update_fields=["number", "name", "description", "updated_at"])
    return pillar


# --- Phases -----------------------------------------------------------------------------------


@transaction.atomic
def phase_add(
    *,
    actor: Actor,
    trajectory: Trajectory,
    name: str,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None = None,
    description: str = "",
) -> Phase:
    """P1: a phase of the trajectory (collecting input, the plan, carrying it out), dated
    inside the trajectory's period."""
    trajectory = _lock(trajectory)
    name = _required(name, field="name", message=_("Give the phase a name."), max_length=NAME_MAX)
    description = _optional(description, field="description")
    starts_on, ends_on = _phase_dates(trajectory, starts_on, ends_on)
    phase = Phase.objects.create(
        region_id=trajectory.region_id,
        trajectory=trajectory,
        name=name,
        description=description,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    _audit_created(actor, "phase.add", phase, trajectory.region, PHASE_AUDITED)
    return phase


@transaction.atomic
def phase_update(
    *,
    actor: Actor,
    phase: Phase,
    name: str,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None = None,
    description: str = "",
) -> Phase:
    """P1: a phase's name, description and dates change; the dates stay inside the
    trajectory's period."""
    trajectory = _lock(phase.trajectory)
    phase = Phase.objects.select_for_update(of=("self",)).get(pk=phase.pk)
    before = _audit_values(phase, PHASE_AUDITED)
    phase.name = _required(
        name, field="name", message=_("Give the phase a name."), max_length=NAME_MAX
    )
    phase.description = _optional(description, field="description")
    phase.starts_on, phase.ends_on = _phase_dates(trajectory, starts_on, ends_on)
    if _audit_changed(actor, "phase.update", phase, trajectory.region, before, PHASE_AUDITED):
        phase.save(update_fields=["name", "description", "starts_on", "ends_on", "updated_at"])
    return phase


# --- Updates ----------------------------------------------------------------------------------


def _update_texts(title: str, body: str) -> tuple[str, str]:
    return (
        _required(
            title, field="title", message=_("Give the update a title."), max_length=TITLE_MAX
        ),
        _required(
            body, field="body", message=_("Write the text of the update."), max_length=MAX_TEXT
        ),
    )


@transaction.atomic
def update_post(
    *,
    actor: Actor,
    trajectory: Trajectory,
    kind: str,
    title: str,
    body: str,
    pillar: Pillar | None = None,
) -> TrajectoryUpdate:
    """P1: an update of the trajectory – how the process goes, what it brought, or news – with
    a title and a text, about one of its own pillars or the whole; published when posted."""
    trajectory = _lock(trajectory)
    kind = _checked_kind(kind)
    pillar = _checked_pillar(pillar, trajectory)
    title, body = _update_texts(title, body)
    update = TrajectoryUpdate.objects.create(
        region_id=trajectory.region_id,
        trajectory=trajectory,
        pillar=pillar,
        kind=kind,
        title=title,
        body=body,
        published_at=timezone.now(),
        author=actor,
    )
    _audit_created(actor, "trajectory_update.post", update, trajectory.region, UPDATE_AUDITED)
    return update


@transaction.atomic
def update_edit(
    *,
    actor: Actor,
    update: TrajectoryUpdate,
    kind: str,
    title: str,
    body: str,
    pillar: Pillar | None = None,
) -> TrajectoryUpdate:
    """P1: an update is corrected (kind, pillar of the same trajectory, title, text); it keeps
    the moment it was published."""
    trajectory = _lock(update.trajectory)
    update = TrajectoryUpdate.objects.select_for_update(of=("self",)).get(pk=update.pk)
    before = _audit_values(update, UPDATE_AUDITED)
    update.kind = _checked_kind(kind)
    update.pillar = _checked_pillar(pillar, trajectory)
    update.title, update.body = _update_texts(title, body)
    if _audit_changed(
        actor, "trajectory_update.edit", update, trajectory.region, before, UPDATE_AUDITED
    ):
        update.save(update_fields=["kind", "pillar", "title", "body", "updated_at"])
    return update


# --- Documents --------------------------------------------------------------------------------


@transaction.atomic
def document_add(
    *,
    actor: Actor,
    trajectory: Trajectory,
    upload: UploadedFile | None,
    title: str = "",
    decision_status: str = DecisionStatus.DRAFT,
    decided_on: datetime.date | None = None,
    decided_by: str = "",
) -> TrajectoryDocument:
    """P1: a document of the trajectory such as the plan of approach, through the upload check
    (size and type by its content; stored under a generated name), with its decision status:
    adopted or rejected needs the date (not in the future) and who decided."""
    trajectory = _lock(trajectory)
    status, decided_on, decided_by = _checked_decision(decision_status, decided_on, decided_by)
    title = _optional(title, field="title", max_length=TITLE_MAX)
    checked = check_upload(upload)
    document = TrajectoryDocument(
        region_id=trajectory.region_id,
        trajectory=trajectory,
        title=title or checked.original_name.rsplit(".", 1)[0][:TITLE_MAX],
        decision_status=status,
        decided_on=decided_on,
        decided_by=decided_by,
        original_name=checked.original_name,
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=actor,
    )
    # Every check is done: the file is written only for a record that will be saved.
    document.file.save(checked.original_name, checked.file, save=False)
    document.save()
    _audit_created(actor, "trajectory_document.add", document, trajectory.region, DOCUMENT_AUDITED)
    return document


@transaction.atomic
def document_status_set(
    *,
    actor: Actor,
    document: TrajectoryDocument,
    decision_status: str,
    decided_on: datetime.date | None = None,
    decided_by: str = "",
) -> TrajectoryDocument:
    """P1: where the document stands in the decision-making: a draft, submitted for decision
    (no decision yet), adopted or rejected (with the date, not in the future, and who
    decided)."""
    document = (
        TrajectoryDocument.objects.select_for_update(of=("self",))
        .select_related("trajectory__region")
        .get(pk=document.pk)
    )
    before = _audit_values(document, DECISION_AUDITED)
    status, decided_on, decided_by = _checked_decision(decision_status, decided_on, decided_by)
    document.decision_status, document.decided_on, document.decided_by = (
        status,
        decided_on,
        decided_by,
    )
    if _audit_changed(
        actor,
        "trajectory_document.status",
        document,
        document.trajectory.region,
        before,
        DECISION_AUDITED,
    ):
        document.save(update_fields=["decision_status", "decided_on", "decided_by", "updated_at"])
    return document

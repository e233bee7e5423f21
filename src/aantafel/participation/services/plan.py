"""P3: the actions of a trajectory's plan (plan van aanpak), per pillar, each linked to the
coded results (themes of its campaigns) it was built from, so the plan shows which input it came
from.

Who may call these (participation.manage) is checked by the caller.
"""

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_created, audit_record, changes_between, snapshot
from aantafel.core.errors import DomainError
from aantafel.core.text import limited_text
from aantafel.core.typing import Actor

from ..models import MAX_TEXT, Pillar, PlanAction, PlanActionStatus, Theme, Trajectory

TITLE_MAX = 200
OWNER_MAX = 200
AUDITED = ["title", "pillar", "owner", "due_on", "status"]


def _clean(
    trajectory: Trajectory,
    *,
    title: str,
    description: str,
    owner: str,
    status: str,
    pillar: Pillar | None,
    themes: Iterable[Theme],
) -> tuple[dict, list[Theme]]:
    """P3: a title; a pillar of the trajectory; themes of the trajectory's own campaigns (input
    gathered for another trajectory did not lead to this plan)."""
    if pillar is not None and pillar.trajectory_id != trajectory.pk:
        raise DomainError(
            _("This pillar belongs to another trajectory."),
            field="pillar",
            code="pillar_of_other_trajectory",
        )
    if status not in PlanActionStatus.values:
        raise DomainError(_("Choose the status."), field="status", code="invalid_status")
    chosen = list(dict.fromkeys(themes or ()))
    if chosen:
        ids = [t.pk for t in chosen]
        own = Theme.objects.filter(pk__in=ids, campaign__trajectory=trajectory).count()
        if own != len(ids):
            raise DomainError(
                _("Choose themes of this trajectory's campaigns."),
                field="themes",
                code="other_trajectory",
            )
    values = {
        "title": limited_text(
            title, field="title", max_length=TITLE_MAX, required=_("Say what the action is.")
        ),
        "description": limited_text(description, field="description", max_length=MAX_TEXT),
        "owner": limited_text(owner, field="owner", max_length=OWNER_MAX),
        "status": status,
        "pillar": pillar,
    }
    return values, chosen


@transaction.atomic
def plan_action_create(
    *,
    actor: Actor,
    trajectory: Trajectory,
    title: str,
    description: str = "",
    owner: str = "",
    due_on: datetime.date | None = None,
    status: str = PlanActionStatus.PLANNED,
    pillar: Pillar | None = None,
    themes: Iterable[Theme] = (),
) -> PlanAction:
    """P3: an action of the plan, linked to the themes it came from."""
    values, chosen = _clean(
        trajectory,
        title=title,
        description=description,
        owner=owner,
        status=status,
        pillar=pillar,
        themes=themes,
    )
    action = PlanAction.objects.create(
        region_id=trajectory.region_id, trajectory=trajectory, due_on=due_on, **values
    )
    action.themes.set(chosen)
    audit_created(
        actor=actor,
        action="plan_action.create",
        target=action,
        region=trajectory.region,
        fields=AUDITED,
    )
    return action


@transaction.atomic
def plan_action_update(
    *,
    actor: Actor,
    action: PlanAction,
    title: str,
    description: str = "",
    owner: str = "",
    due_on: datetime.date | None = None,
    status: str = PlanActionStatus.PLANNED,
    pillar: Pillar | None = None,
    themes: Iterable[Theme] = (),
) -> PlanAction:
    """P3: changes an action and the themes it came from, with the rules of
    plan_action_create."""
    action = (
        PlanAction.objects.select_for_update(of=("self",))
        .select_related("trajectory", "region")
        .get(pk=action.pk)
    )
    values, chosen = _clean(
        action.trajectory,
        title=title,
        description=description,
        owner=owner,
        status=status,
        pillar=pillar,
        themes=themes,
    )
    before = snapshot(action, AUDITED)
    before_themes = sorted(action.themes.values_list("pk", flat=True))
    for name, value in values.items():
        setattr(action, name, value)
    action.due_on = due_on
    action.save()
    action.themes.set(chosen)
    changes = changes_between(before, snapshot(action, AUDITED))
    after_themes = sorted(t.pk for t in chosen)
    if before_themes != after_themes:
        changes["themes"] = [before_themes, after_themes]
    audit_record(
        actor=actor,
        action="plan_action.update",
        target=action,
        region=action.region,
        changes=changes,
    )
    return action

"""C6, C7 and C9: the work plan of a case, its follow-up and the closing of the case.

A work plan is a series of versions. The one draft is edited: goals, and actions saying what
the client, the network or a professional takes on, by when, each with the client's agreement.
Agreeing the draft freezes it and replaces the previous agreed version; an adjustment starts the
next version with its reason (C7). Everything here happens on a case at the table
(in progress); anything else is a conflict (409).

Who: the chair and the coordinator (casework.edit_plan) draft and agree the plan, and so does
the help coordinator, who follows it up and adjusts it (casework.follow_up, C7). The views check
that permission; the services check what the rule itself says of the person (only the help
coordinator or the chair marks an action done; only someone at the table confirms the plan).
"""

import dataclasses
import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.text import limited_text
from aantafel.core.typing import Actor, AnyUser

if TYPE_CHECKING:
    pass

from ..log import log_change
from ..models import (
    MAX_TEXT,
    ActionOwner,
    Agreement,
    Case,
    Participant,
    PlanAction,
    PlanConfirmation,
    PlanGoal,
    WorkPlan,
)
from ..permissions import seated_participants
from ..workflow import PlanStatus
from ._common import case_text, lock_case, person, require_at_table


def may_edit_plan(user: AnyUser, case: Case) -> bool:
    """C6/C7: the chair and the coordinator (casework.edit_plan), and the help coordinator who
    adjusts the plan (casework.follow_up)."""
    return user.has_perm("casework.edit_plan", case) or user.has_perm("casework.follow_up", case)


def _lock_plan(plan: WorkPlan) -> WorkPlan:
    return (
        WorkPlan.objects.select_for_update(of=("self",))
        .select_related("case", "case__region")
        .get(pk=plan.pk)
    )


def _draft(plan: WorkPlan) -> WorkPlan:
    """The plan, locked, if it is the draft of a case at the table; 409 otherwise (C6: an
    agreed version is frozen, a change is a new version)."""
    plan = _lock_plan(plan)
    require_at_table(plan.case)
    if plan.status != PlanStatus.DRAFT:
        raise ConflictError(
            _("This version of the work plan has been agreed. Start a new version to change it."),
            code="plan_not_draft",
        )
    return plan


# --- Versions --------------------------------------------------------------------------------


def current_plan(case: Case) -> WorkPlan | None:
    """The agreed version in force, if any."""
    return WorkPlan.objects.filter(case=case, status=PlanStatus.AGREED).first()


def draft_plan(case: Case) -> WorkPlan | None:
    return WorkPlan.objects.filter(case=case, status=PlanStatus.DRAFT).first()


def _copy_into(source: WorkPlan, target: WorkPlan) -> None:
    """The goals and actions of `source` into `target`, as they were agreed: the client's say,
    its reason and what has been done stay with each action until the action is changed."""
    goals = {}
    for goal in source.goals.all():
        goals[goal.pk] = PlanGoal.objects.create(
            region_id=target.region_id, plan=target, text=goal.text, position=goal.position
        )
    PlanAction.objects.bulk_create(
        PlanAction(
            region_id=target.region_id,
            plan=target,
            goal=goals.get(action.goal_id) if action.goal_id else None,
            owner_kind=action.owner_kind,
            participant_id=action.participant_id,
            text=action.text,
            due_date=action.due_date,
            agreement=action.agreement,
            agreement_reason=action.agreement_reason,
            agreement_recorded_at=action.agreement_recorded_at,
            done_at=action.done_at,
            done_by_id=action.done_by_id,
        )
        for action in source.actions.all()
    )


@transaction.atomic
def plan_draft(*, actor: Actor, case: Case, reason: str = "") -> WorkPlan:
    """C6/C7: the draft of the work plan. The first is version 1; once a version is agreed, an
    adjustment is the next version, with its reason (required, field "reason"), starting from
    the agreed goals and actions as they stand. The agreed version stays in force until the new
    one is agreed. A draft that exists already is returned as it is."""
    case = lock_case(case)
    require_at_table(case)
    existing = draft_plan(case)
    if existing is not None:
        return existing
    latest = WorkPlan.objects.filter(case=case).order_by("-version").first()
    reason = limited_text(reason, field="reason", max_length=MAX_TEXT)
    if latest is not None and not reason:
        raise DomainError(
            _("Say why the work plan changes: each new version keeps its reason."),
            field="reason",
            code="required",
        )
    plan = WorkPlan.objects.create(
        region_id=case.region_id,
        case=case,
        version=(latest.version + 1) if latest else 1,
        reason=reason,
        created_by=person(actor),
    )
    agreed = current_plan(case)
    if agreed is not None:
        _copy_into(agreed, plan)
    log_change(case, actor=actor, what="work plan version started")
    return plan


# --- Goals -----------------------------------------------------------------------------------


@transaction.atomic
def goal_add(*, actor: Actor, plan: WorkPlan, text: str) -> PlanGoal:
    """C6: a goal of the draft, in the family's words."""
    plan = _draft(plan)
    text = case_text(text, field="text", required=_("Write the goal."))
    last = plan.goals.aggregate(last=Max("position"))["last"]
    goal = PlanGoal.objects.create(
        region_id=plan.region_id, plan=plan, text=text, position=(last or 0) + 1
    )
    log_change(plan.case, actor=actor, what="work plan goal added")
    return goal


@transaction.atomic
def goal_update(*, actor: Actor, goal: PlanGoal, text: str) -> PlanGoal:
    """C6: changes a goal of the draft."""
    plan = _draft(goal.plan)
    goal = PlanGoal.objects.get(pk=goal.pk, plan=plan)
    goal.text = case_text(text, field="text", required=_("Write the goal."))
    goal.save(update_fields=["text", "updated_at"])
    log_change(plan.case, actor=actor, what="work plan goal changed")
    return goal


@transaction.atomic
def goal_remove(*, actor: Actor, goal: PlanGoal) -> None:
    """C6: removes a goal of the draft; its actions stay, without a goal."""
    plan = _draft(goal.plan)
    PlanGoal.objects.filter(pk=goal.pk, plan=plan).delete()
    log_change(plan.case, actor=actor, what="work plan goal removed")


# --- Actions ---------------------------------------------------------------------------------


def _checked_owner(
    plan: WorkPlan, owner_kind: str, participant: Participant | None
) -> Participant | None:
    """C6: who takes the action on. The client (the young person or the parents) names no one;
    a professional or someone of the network is a participant seated at this table now."""
    if owner_kind not in ActionOwner.values:
        raise DomainError(_("Choose who does this."), field="owner_kind", code="required")
    if owner_kind == ActionOwner.CLIENT:
        if participant is not None:
            raise DomainError(
                _("An action of the young person or the parents names no participant."),
                field="participant",
                code="client_names_no_participant",
            )
        return None
    if participant is None:
        raise DomainError(
            _("Choose the person at the table who does this."),
            field="participant",
            code="required",
        )
    seated = seated_participants().filter(case_id=plan.case_id, pk=participant.pk).first()
    if seated is None:
        raise DomainError(
            _("This person is not at the table of this cliëntoverleg."),
            field="participant",
            code="not_at_table",
        )
    if (owner_kind == ActionOwner.PROFESSIONAL) != seated.is_professional:
        if owner_kind == ActionOwner.PROFESSIONAL:
            message = _("This person does not take part as a professional.")
        else:
            message = _("This person takes part as a professional, not as the network.")
        raise DomainError(message, field="participant", code="owner_mismatch")
    return seated


def _checked_goal(plan: WorkPlan, goal: PlanGoal | None) -> PlanGoal | None:
    if goal is not None and goal.plan_id != plan.pk:
        raise DomainError(
            _("Choose a goal of this version of the work plan."), field="goal", code="unknown"
        )
    return goal


def _checked_due_date(
    due_date: datetime.date | None, *, unchanged: datetime.date | None = None
) -> datetime.date | None:
    if due_date is not None and due_date != unchanged and due_date < timezone.localdate():
        raise DomainError(_("The date is in the past."), field="due_date", code="in_the_past")
    return due_date


@transaction.atomic
def action_add(
    *,
    actor: Actor,
    plan: WorkPlan,
    text: str,
    owner_kind: str,
    participant: Participant | None = None,
    goal: PlanGoal | None = None,
    due_date: datetime.date | None = None,
) -> PlanAction:
    """C6: an action of the draft: what the client, the network or a professional (a seated
    participant) takes on, by when. It waits for the client's agreement."""
    plan = _draft(plan)
    action = PlanAction.objects.create(
        region_id=plan.region_id,
        plan=plan,
        goal=_checked_goal(plan, goal),
        owner_kind=owner_kind,
        participant=_checked_owner(plan, owner_kind, participant),
        text=case_text(text, field="text", required=_("Write what will be done.")),
        due_date=_checked_due_date(due_date),
    )
    log_change(plan.case, actor=actor, what="work plan action added")
    return action


@transaction.atomic
def action_update(
    *,
    actor: Actor,
    action: PlanAction,
    text: str,
    owner_kind: str,
    participant: Participant | None = None,
    goal: PlanGoal | None = None,
    due_date: datetime.date | None = None,
) -> PlanAction:
    """C6: changes an action of the draft. The client agreed to what the action said: when
    what, who or by when changes, their agreement is asked again (back to pending)."""
    plan = _draft(action.plan)
    action = PlanAction.objects.select_for_update(of=("self",)).get(pk=action.pk, plan=plan)
    text = case_text(text, field="text", required=_("Write what will be done."))
    participant = _checked_owner(plan, owner_kind, participant)
    due_date = _checked_due_date(due_date, unchanged=action.due_date)
    changed = (
        text != action.text
        or owner_kind != action.owner_kind
        or (participant.pk if participant else None) != action.participant_id
        or due_date != action.due_date
    )
    action.goal = _checked_goal(plan, goal)
    action.text = text
    action.owner_kind = owner_kind
    action.participant = participant
    action.due_date = due_date
    if changed and action.agreement != Agreement.PENDING:
        action.agreement = Agreement.PENDING
        action.agreement_reason = ""
        action.agreement_recorded_at = None
    action.save()
    log_change(plan.case, actor=actor, what="work plan action changed")
    return action


@transaction.atomic
def action_remove(*, actor: Actor, action: PlanAction) -> None:
    """C6: removes an action of the draft."""
    plan = _draft(action.plan)
    PlanAction.objects.filter(pk=action.pk, plan=plan).delete()
    log_change(plan.case, actor=actor, what="work plan action removed")


@transaction.atomic
def action_agreement_record(
    *, actor: Actor, action: PlanAction, agreement: str, reason: str = ""
) -> PlanAction:
    """C6: the client's say on one action of the draft: agreed, or not agreed with their reason
    if they want to give one. A plan never imposes help the client does not agree to. Given by
    the client themselves (casework.give_say: the young person from 12, a parent below) or
    recorded at the table by whoever runs the plan."""
    plan = _draft(action.plan)
    if actor is not None and not actor.has_perm("casework.record_agreement", plan.case):
        raise DomainError(
            _("Only the client, or whoever runs the table with them, gives the client's say."),
            field="agreement",
            code="not_the_client",
        )
    action = PlanAction.objects.select_for_update(of=("self",)).get(pk=action.pk, plan=plan)
    if agreement not in (Agreement.AGREED, Agreement.REFUSED):
        raise DomainError(
            _("Choose whether the client agrees."), field="agreement", code="required"
        )
    reason = limited_text(reason, field="reason", max_length=MAX_TEXT)
    action.agreement = agreement
    action.agreement_reason = reason if agreement == Agreement.REFUSED else ""
    action.agreement_recorded_at = timezone.now()
    action.save(
        update_fields=["agreement", "agreement_reason", "agreement_recorded_at", "updated_at"]
    )
    log_change(
        plan.case,
        actor=actor,
        what="client agreed to an action"
        if agreement == Agreement.AGREED
        else "client did not agree to an action",
    )
    return action


# --- Agreeing and confirming -----------------------------------------------------------------


@transaction.atomic
def plan_agree(*, actor: Actor, plan: WorkPlan) -> WorkPlan:
    """C6: the draft becomes the agreed plan. Every action must carry the client's say: one
    still pending refuses the plan (field "actions", code "action_without_agreement"). Actions
    the client did not agree to stay, visibly outside the agreed plan, with their reason; a plan
    without a single agreed action is refused. The previous agreed version is replaced
    (superseded). After the commit everyone at the table gets an e-mail to read and confirm it;
    the family gets the plan in plain words as a PDF."""
    plan = _draft(plan)
    agreements = set(plan.actions.values_list("agreement", flat=True))
    if Agreement.PENDING in agreements:
        raise DomainError(
            _(
                "Not every action has the client's say yet. Ask the client about each action: agreed or not."
            ),
            field="actions",
            code="action_without_agreement",
        )
    if Agreement.AGREED not in agreements:
        raise DomainError(
            _("The plan needs at least one action the client agrees to."),
            field="actions",
            code="no_agreed_action",
        )
    previous = list(
        WorkPlan.objects.select_for_update(of=("self",)).filter(
            case_id=plan.case_id, status=PlanStatus.AGREED
        )
    )
    for old in previous:
        old.status = PlanStatus.SUPERSEDED
        old.save(update_fields=["status", "updated_at"])
    plan.status = PlanStatus.AGREED
    plan.agreed_at = timezone.now()
    plan.agreed_by = person(actor)
    plan.save(update_fields=["status", "agreed_at", "agreed_by", "updated_at"])
    log_change(plan.case, actor=actor, what="work plan agreed")

    from .. import plan_mail

    plan_id = plan.pk
    transaction.on_commit(lambda: plan_mail.plan_agreed(plan_id))
    return plan


@transaction.atomic
def plan_confirm(*, actor: Actor, plan: WorkPlan) -> PlanConfirmation:
    """C6: someone at the table confirms they received the agreed plan in force; once."""
    plan = _lock_plan(plan)
    require_at_table(plan.case)
    if actor is None or not actor.has_perm("casework.confirm_plan", plan.case):
        raise DomainError(
            _("Only someone at the table confirms the work plan."), code="not_at_table"
        )
    if plan.status != PlanStatus.AGREED:
        raise ConflictError(
            _("Only the agreed work plan in force can be confirmed."), code="plan_not_agreed"
        )
    if PlanConfirmation.objects.filter(plan=plan, user=actor).exists():
        raise ConflictError(_("You already confirmed this work plan."), code="already_confirmed")
    confirmation = PlanConfirmation.objects.create(region_id=plan.region_id, plan=plan, user=actor)
    log_change(plan.case, actor=actor, what="work plan confirmed")
    return confirmation


# --- Reading ---------------------------------------------------------------------------------


@dataclasses.dataclass
class GoalLine:
    goal: PlanGoal | None  # None: the actions that serve no one goal
    actions: list[PlanAction]


@dataclasses.dataclass
class PlanLayout:
    """One version as the page and the PDF show it: the goals with the actions of the plan, and
    apart from them the actions the client did not agree to, each with the client's reason."""

    plan: WorkPlan
    goals: list[GoalLine]
    refused: list[PlanAction]
    actions: list[PlanAction]

    @property
    def agreed_count(self) -> int:
        return sum(1 for a in self.actions if a.agreement == Agreement.AGREED)

    @property
    def pending_count(self) -> int:
        return sum(1 for a in self.actions if a.agreement == Agreement.PENDING)

    @property
    def done_count(self) -> int:
        return sum(1 for a in self.actions if a.done_at is not None)


def plan_layout(plan: WorkPlan) -> PlanLayout:
    """Two queries, whatever the number of goals and actions."""
    goals = list(PlanGoal.objects.filter(plan=plan))
    actions = list(
        PlanAction.objects.filter(plan=plan)
        .select_related("participant", "done_by")
        .order_by("due_date", "pk")
    )
    refused = [a for a in actions if a.agreement == Agreement.REFUSED]
    in_plan = [a for a in actions if a.agreement != Agreement.REFUSED]
    lines = [GoalLine(g, [a for a in in_plan if a.goal_id == g.pk]) for g in goals]
    loose = [a for a in in_plan if a.goal_id is None]
    if loose:
        lines.append(GoalLine(None, loose))
    return PlanLayout(plan=plan, goals=lines, refused=refused, actions=actions)

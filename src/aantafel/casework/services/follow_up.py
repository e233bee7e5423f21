"""C7 and C9: following up the agreed work plan — actions done, a follow-up consultation when
needed — and closing the case with its outcome and anonymous bottleneck tags.

Who: the help coordinator and the chair follow up (casework.follow_up); the chair and the
coordinator close (casework.close). The views check the permission; the services check what the
rule says of the person (only the help coordinator or the chair marks an action done).
"""

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.text import plain
from aantafel.core.typing import Actor

if TYPE_CHECKING:
    pass

from .. import notices
from ..log import log_change
from ..models import (
    Agreement,
    Bottleneck,
    Case,
    CaseBottleneck,
    Consultation,
    ConsultationKind,
    PlanAction,
)
from ..workflow import CaseStatus, ConsultationStatus, PlanStatus
from ._common import case_text, lock_case, move, person, require_at_table
from .bottlenecks import quarter_of

# --- Follow-up (C7) --------------------------------------------------------------------------


@transaction.atomic
def action_mark_done(*, actor: Actor, action: PlanAction) -> PlanAction:
    """C7: the help coordinator (or the chair) marks an action of the agreed plan done; not an
    action the client did not agree to, and once."""
    action = (
        PlanAction.objects.select_for_update(of=("self",))
        .select_related("plan", "plan__case")
        .get(pk=action.pk)
    )
    case = action.plan.case
    require_at_table(case)
    if actor is not None and not actor.has_perm("casework.follow_up", case):
        raise DomainError(
            _("The help coordinator or the chair marks an action done."),
            code="not_help_coordinator",
        )
    if action.plan.status != PlanStatus.AGREED:
        raise ConflictError(
            _("Only actions of the agreed work plan in force are marked done."),
            code="plan_not_agreed",
        )
    if action.agreement != Agreement.AGREED:
        raise ConflictError(
            _("The client did not agree to this action: it is not part of the plan."),
            code="action_not_agreed",
        )
    if action.done_at is not None:
        raise ConflictError(_("This action is already marked done."), code="already_done")
    action.done_at = timezone.now()
    action.done_by = person(actor)
    action.save(update_fields=["done_at", "done_by", "updated_at"])
    log_change(case, actor=actor, what="work plan action done")
    return action


@transaction.atomic
def follow_up_request(*, actor: Actor, case: Case, reason: str) -> Consultation:
    """C7: the help coordinator asks for a follow-up consultation, saying why. Not on a closed
    case (409, code "case_closed"), and one waiting request at a time (409)."""
    case = lock_case(case)
    require_at_table(case)
    reason = case_text(
        reason, field="reason", required=_("Say why a follow-up consultation is needed.")
    )
    waiting = Consultation.objects.filter(
        case=case, kind=ConsultationKind.FOLLOW_UP, status=ConsultationStatus.REQUESTED
    )
    if waiting.exists():
        raise ConflictError(
            _("A follow-up consultation has already been requested and is waiting."),
            code="follow_up_waiting",
        )
    consultation = Consultation.objects.create(
        region_id=case.region_id,
        case=case,
        kind=ConsultationKind.FOLLOW_UP,
        status=ConsultationStatus.REQUESTED,
        requested_by=person(actor),
        request_reason=reason,
    )
    log_change(case, actor=actor, what="follow-up consultation requested")
    if case.chair is not None:  # the chair plans it (C3): a notice with the reference only
        notices.notice_add(case, notices.FOLLOW_UP_REQUESTED, case.chair.email)
    return consultation


# --- Closing (C7, C9) ------------------------------------------------------------------------


@transaction.atomic
def case_close(*, actor: Actor, case: Case, outcome: str, bottlenecks: list[str]) -> Case:
    """C7/C9: closes the case with its outcome (required). The chair may tag anonymous
    bottlenecks; each is kept with the quarter of the closing date in the region's time zone,
    and only counts of them ever leave the case (services/bottlenecks.py). A follow-up request
    still waiting is cancelled: the table does not meet again."""
    case = lock_case(case)
    move(case, CaseStatus.CLOSED)
    outcome = case_text(
        outcome, field="outcome", required=_("Write the outcome of the cliëntoverleg.")
    )
    tags = list(dict.fromkeys(plain(tag) for tag in bottlenecks or []))
    unknown = [tag for tag in tags if tag not in Bottleneck.values]
    if unknown:
        raise DomainError(
            _("Choose bottlenecks from the list."), field="bottlenecks", code="unknown"
        )
    case.closed_at = timezone.now()
    case.outcome = outcome
    case.save(update_fields=["status", "closed_at", "outcome", "updated_at"])
    quarter = quarter_of(case.closed_at, case.region.timezone)
    CaseBottleneck.objects.bulk_create(
        CaseBottleneck(region_id=case.region_id, case=case, tag=tag, quarter=quarter)
        for tag in tags
    )
    Consultation.objects.filter(
        case=case, kind=ConsultationKind.FOLLOW_UP, status=ConsultationStatus.REQUESTED
    ).update(status=ConsultationStatus.CANCELLED, updated_at=timezone.now())
    log_change(case, actor=actor, what="case closed")
    return case

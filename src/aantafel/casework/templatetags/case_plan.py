"""C6/C7 on the case page: the work plan in short (templates/casework/plan/_summary.html)."""

from dataclasses import dataclass

from django import template
from django.db.models import Count, Q

from ..models import Agreement, Case, Consultation, ConsultationKind, WorkPlan
from ..permissions import Seat
from ..workflow import CaseStatus, ConsultationStatus, PlanStatus

register = template.Library()


@dataclass
class PlanSummary:
    agreed: WorkPlan | None
    draft: WorkPlan | None
    follow_up_waiting: bool
    may_edit: bool
    may_follow_up: bool


@register.simple_tag(takes_context=True)
def case_plan_summary(context, case: Case, seat: Seat) -> PlanSummary:
    """The agreed version in force with its counts of agreed, not agreed and done actions, the
    draft (for whoever may edit the plan), and whether a follow-up request waits. Two queries."""
    from ..services.plan import may_edit_plan

    user = context["request"].user
    at_table = case.status == CaseStatus.IN_PROGRESS
    plans = {
        plan.status: plan
        for plan in WorkPlan.objects.filter(
            case=case, status__in=[PlanStatus.AGREED, PlanStatus.DRAFT]
        ).annotate(
            agreed_actions=Count("actions", filter=Q(actions__agreement=Agreement.AGREED)),
            refused_actions=Count("actions", filter=Q(actions__agreement=Agreement.REFUSED)),
            done_actions=Count("actions", filter=Q(actions__done_at__isnull=False)),
        )
    }
    may_edit = at_table and may_edit_plan(user, case)
    waiting = Consultation.objects.filter(
        case=case, kind=ConsultationKind.FOLLOW_UP, status=ConsultationStatus.REQUESTED
    ).exists()
    return PlanSummary(
        agreed=plans.get(PlanStatus.AGREED),
        draft=plans.get(PlanStatus.DRAFT) if may_edit else None,
        follow_up_waiting=waiting,
        may_edit=may_edit,
        may_follow_up=at_table and user.has_perm("casework.follow_up", case),
    )

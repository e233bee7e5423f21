"""The work plan through the API (C6, C7)."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.core.errors import ConflictError
from aantafel.meetings.api._common import delete_schema, read_schema, write_schema

from ..models import PlanAction, PlanConfirmation, PlanGoal, WorkPlan
from ..serializers import (
    PlanActionInputSerializer,
    PlanAgreementInputSerializer,
    PlanDraftInputSerializer,
    PlanGoalInputSerializer,
    PlanSerializer,
)
from ..services import follow_up, plan
from ..workflow import CaseStatus, PlanStatus
from ._base import EDIT_PLAN, FOLLOW_UP, VIEW, CaseApiViewSet


@extend_schema(tags=["casework"])
class PlanViewSet(CaseApiViewSet):
    """The work plan: the agreed version, its draft with goals and actions and the client's say
    on each, agreeing, confirming and marking actions done (C6, C7).

    Permissions: retrieve — casework.view_case (the draft only for whoever may edit the plan and
    the client whose say counts); draft, goals, actions, agree — casework.edit_plan (the chair,
    the coordinator) or casework.follow_up (the help coordinator, C7); agreement —
    casework.record_agreement (those, and the client whose say counts: the young person from
    12, a parent below 12); done — casework.follow_up (the help
    coordinator, the chair); confirm — casework.confirm_plan (everyone who sees the case).
    Others at the table 403, without a seat 404.
    """

    queryset = WorkPlan.objects.none()
    serializer_class = PlanSerializer
    input_serializers = {
        "draft": PlanDraftInputSerializer,
        "goal_create": PlanGoalInputSerializer,
        "goal_update": PlanGoalInputSerializer,
        "action_create": PlanActionInputSerializer,
        "action_update": PlanActionInputSerializer,
        "agreement": PlanAgreementInputSerializer,
    }
    rules = {
        "retrieve": VIEW,
        "draft": EDIT_PLAN,
        "goal_create": EDIT_PLAN,
        "goal_update": EDIT_PLAN,
        "goal_destroy": EDIT_PLAN,
        "action_create": EDIT_PLAN,
        "action_update": EDIT_PLAN,
        "action_destroy": EDIT_PLAN,
        "agreement": "casework.record_agreement",  # the client too (casework.give_say)
        "agree": EDIT_PLAN,
        "done": FOLLOW_UP,
        "confirm": "casework.confirm_plan",
    }

    def check_rules(self) -> None:
        editing = self.rules.get(self.current_action() or "") == EDIT_PLAN
        if editing and self.case is not None and plan.may_edit_plan(self.request.user, self.case):
            return
        super().check_rules()

    def _plan(self, *, status_code: int = 200) -> Response:
        """The agreed version in force and, for whoever may edit the plan or answers for the
        client (casework.give_say), the draft."""
        versions = WorkPlan.objects.filter(case=self._case).prefetch_related(
            "goals",
            Prefetch("actions", queryset=PlanAction.objects.order_by("due_date", "pk")),
            Prefetch("confirmations", queryset=PlanConfirmation.objects.select_related("user")),
        )
        agreed = versions.filter(status=PlanStatus.AGREED).first()
        user = self.request.user
        sees_draft = self._case.status == CaseStatus.IN_PROGRESS and (
            plan.may_edit_plan(user, self._case) or user.has_perm("casework.give_say", self._case)
        )
        draft = versions.filter(status=PlanStatus.DRAFT).first() if sees_draft else None
        return self.output({"agreed": agreed, "draft": draft}, status_code=status_code)

    def _draft(self) -> WorkPlan:
        draft = plan.draft_plan(self._case)
        if draft is None:
            raise ConflictError(_("Start a draft of the work plan first."), code="no_draft")
        return draft

    def _goal(self, pk: int) -> PlanGoal:
        return self._of_case(PlanGoal.objects.select_related("plan"), pk, plan__case=self._case)

    def _action(self, pk: int) -> PlanAction:
        return self._of_case(PlanAction.objects.select_related("plan"), pk, plan__case=self._case)

    @extend_schema(summary=_("The work plan (C6)."), **read_schema(PlanSerializer))
    def retrieve(self, request: Request, region_slug: str, reference: str) -> Response:
        return self._plan()

    @extend_schema(
        summary=_("Start the draft: version 1, or the next version with its reason (C7)."),
        **write_schema(PlanDraftInputSerializer, PlanSerializer, created=True),
    )
    def draft(self, request: Request, region_slug: str, reference: str) -> Response:
        data = self.parse(PlanDraftInputSerializer)
        plan.plan_draft(actor=self.actor, case=self._case, reason=data["reason"])
        return self._plan(status_code=201)

    @extend_schema(
        summary=_("Add a goal to the draft."),
        **write_schema(PlanGoalInputSerializer, PlanSerializer, created=True),
    )
    def goal_create(self, request: Request, region_slug: str, reference: str) -> Response:
        data = self.parse(PlanGoalInputSerializer)
        plan.goal_add(actor=self.actor, plan=self._draft(), text=data["text"])
        return self._plan(status_code=201)

    @extend_schema(
        summary=_("Change a goal of the draft."),
        **write_schema(PlanGoalInputSerializer, PlanSerializer),
    )
    def goal_update(self, request: Request, region_slug: str, reference: str, pk: int) -> Response:
        data = self.parse(PlanGoalInputSerializer)
        plan.goal_update(actor=self.actor, goal=self._goal(pk), text=data["text"])
        return self._plan()

    @extend_schema(summary=_("Remove a goal of the draft."), **delete_schema())
    def goal_destroy(self, request: Request, region_slug: str, reference: str, pk: int) -> Response:
        plan.goal_remove(actor=self.actor, goal=self._goal(pk))
        return Response(status=204)

    @extend_schema(
        summary=_("Add an action to the draft: who does what, by when (C6)."),
        **write_schema(PlanActionInputSerializer, PlanSerializer, created=True),
    )
    def action_create(self, request: Request, region_slug: str, reference: str) -> Response:
        data = self.parse(PlanActionInputSerializer)
        plan.action_add(actor=self.actor, plan=self._draft(), **data)
        return self._plan(status_code=201)

    @extend_schema(
        summary=_("Change an action of the draft; a change asks the client's say again (C6)."),
        **write_schema(PlanActionInputSerializer, PlanSerializer),
    )
    def action_update(
        self, request: Request, region_slug: str, reference: str, pk: int
    ) -> Response:
        action = self._action(pk)
        current = {
            "text": action.text,
            "owner_kind": action.owner_kind,
            "participant": action.participant,
            "goal": action.goal,
            "due_date": action.due_date,
        }
        data = {**current, **self.parse(PlanActionInputSerializer, partial=True)}
        plan.action_update(actor=self.actor, action=action, **data)
        return self._plan()

    @extend_schema(summary=_("Remove an action of the draft."), **delete_schema())
    def action_destroy(
        self, request: Request, region_slug: str, reference: str, pk: int
    ) -> Response:
        plan.action_remove(actor=self.actor, action=self._action(pk))
        return Response(status=204)

    @extend_schema(
        summary=_("Record the client's say on an action of the draft (C6)."),
        **write_schema(PlanAgreementInputSerializer, PlanSerializer),
    )
    def agreement(self, request: Request, region_slug: str, reference: str, pk: int) -> Response:
        data = self.parse(PlanAgreementInputSerializer)
        plan.action_agreement_record(actor=self.actor, action=self._action(pk), **data)
        return self._plan()

    @extend_schema(
        summary=_("Mark an agreed action of the agreed plan done (C7)."),
        **write_schema(None, PlanSerializer),
    )
    def done(self, request: Request, region_slug: str, reference: str, pk: int) -> Response:
        follow_up.action_mark_done(actor=self.actor, action=self._action(pk))
        return self._plan()

    @extend_schema(
        summary=_("Agree the draft: every action needs the client's say first (C6)."),
        **write_schema(None, PlanSerializer),
    )
    def agree(self, request: Request, region_slug: str, reference: str) -> Response:
        plan.plan_agree(actor=self.actor, plan=self._draft())
        return self._plan()

    @extend_schema(
        summary=_("Confirm you received the agreed work plan (C6)."),
        **write_schema(None, PlanSerializer),
    )
    def confirm(self, request: Request, region_slug: str, reference: str) -> Response:
        agreed = plan.current_plan(self._case)
        if agreed is None:
            raise ConflictError(_("There is no agreed work plan yet."), code="plan_not_agreed")
        plan.plan_confirm(actor=self.actor, plan=agreed)
        return self._plan()

"""API of the cliëntoverleg (issue 5, C1–C9) under /api/v1/regions/{region_slug}/cases/.

The same services as the pages, with the same permissions (casework.permissions). Like the
pages, the API does not go by region membership: a family, a teacher or a neighbour at the table
is no member of the region, and a region administrator who is one sees no case. So:

- 401 without a login; 404 for a region that does not exist, a case that does not, and a case the
  user has no seat at — alike, so nobody learns that a case exists;
- the data protection officer reaches the case log only (404 elsewhere);
- a non-professional who has not accepted the duty of confidentiality gets 403 with the code
  `confidentiality_not_accepted` everywhere but the endpoint that accepts it (C5);
- 403 for someone at the table who may not do this step;
- every request that reaches a case writes a line to the case log (C8): `view`, or `export` for
  the family's data. Case addresses are kept out of error reports (casework/reporting.py).
"""

from typing import Any

from django.db.models import Model, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.core.api import problem
from aantafel.core.errors import ConflictError
from aantafel.meetings.api._common import delete_schema, read_schema, write_schema
from aantafel.regions.api import ApiViewSet, problems
from aantafel.regions.models import Region

from . import queries
from .log import case_log
from .models import (
    Case,
    CaseLog,
    CaseLogAction,
    Consent,
    Consultation,
    Participant,
    PlanAction,
    PlanConfirmation,
    PlanGoal,
    WorkPlan,
)
from .permissions import Seat, case_get_for_user, case_seat, cases_visible_to, in_service
from .serializers import (
    CaseDetailSerializer,
    CaseFilterSerializer,
    CaseLogSerializer,
    CaseSerializer,
    ChairInputSerializer,
    CloseInputSerializer,
    ConsultationNotesInputSerializer,
    ConsultationSerializer,
    ConsultationTimesInputSerializer,
    DeclineInputSerializer,
    FollowUpInputSerializer,
    ParticipantInviteInputSerializer,
    PlanActionInputSerializer,
    PlanAgreementInputSerializer,
    PlanDraftInputSerializer,
    PlanGoalInputSerializer,
    PlanSerializer,
)
from .services import intake, plan, table
from .services.consent import consent_withdraw
from .services.privacy import case_export_data
from .templatetags.case_plan import case_plan_summary
from .workflow import CaseStatus, PlanStatus

CASES = "regions/<slug:region_slug>/cases/"
CASE = CASES + "<str:reference>/"

VIEW = "casework.view_case"
MANAGE = "casework.manage_table"
INTAKE = "casework.intake"
# C6/C7: the chair and the coordinator (casework.edit_plan), and the help coordinator who
# adjusts the plan (casework.follow_up): services.plan.may_edit_plan.
EDIT_PLAN = "casework.edit_plan"
FOLLOW_UP = "casework.follow_up"


class ConfidentialityNotAccepted(exceptions.PermissionDenied):
    default_code = "confidentiality_not_accepted"


class CaseApiViewSet(ApiViewSet):
    """Base of the endpoints under /cases/: the region by its slug, the case by its reference
    and the user's seat at it (module docstring). Permissions are checked on the case."""

    #: actions the data protection officer reaches without a seat at the table (C8)
    officer_actions: frozenset[str] = frozenset()
    #: actions a non-professional reaches before accepting confidentiality (C5)
    statement_actions: frozenset[str] = frozenset()
    #: actions whose log line is an `export` rather than a `view` (C8)
    export_actions: frozenset[str] = frozenset()

    case: Case | None = None
    seat: Seat = Seat()

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        # Not ApiViewSet.initial, which looks the region up among the user's own regions.
        super(ApiViewSet, self).initial(request, *args, **kwargs)  # authentication: 401
        self.region = get_object_or_404(Region, slug=kwargs["region_slug"])
        timezone.activate(self.region.timezone)
        action = self.current_action() or ""
        if "reference" in kwargs:
            self.case, self.seat = case_get_for_user(request.user, self.region, kwargs["reference"])
            if not self.seat.at_table and action not in self.officer_actions:
                raise Http404  # the data protection officer: the log only
            if self.seat.must_accept_confidentiality and action not in self.statement_actions:
                raise ConfidentialityNotAccepted(self._statement_first())
        elif not in_service(request.user, self.region):
            raise Http404
        self._resolved = True
        self.check_rules()  # 403
        if self.case is not None and self.action != "metadata":  # OPTIONS shows no case data
            self._log_read(request, action)

    def _log_read(self, request: Request, action: str) -> None:
        """C8: every request that reaches the case is a line of its log: an `export` for the
        family's data, else a `view` (the log's words are the catalog's, casework.log.WHAT)."""
        assert self.case is not None
        export = action in self.export_actions
        case_log(
            self.case,
            actor=self.actor,
            action=CaseLogAction.EXPORT if export else CaseLogAction.VIEW,
            what="data export (JSON)" if export else "read through the API",
            request=request,
        )

    def _statement_first(self) -> str:
        assert self.case is not None
        address = reverse(
            "v1:case-confidentiality",
            kwargs={"region_slug": self.region.slug, "reference": self.case.reference},
        )
        return str(
            _(
                "You have not accepted the duty of confidentiality of this table yet. Read the "
                "confidentiality statement and accept it (POST %(address)s) before you see the "
                "case."
            )
            % {"address": address}
        )

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, ConfidentialityNotAccepted):
            detail = str(exc.detail)
            response = problem(
                self.request,
                status_code=403,
                title=str(_("Accept the duty of confidentiality first.")),
                detail=detail,
                errors=[{"field": None, "detail": detail, "code": exc.default_code}],
            )
            response.exception = True
            return response
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    def permission_object(self) -> Model | None:
        return self.case if self.case is not None else self.region

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "case": self.case, "seat": self.seat}

    @property
    def _case(self) -> Case:
        assert self.case is not None
        return self.case

    def _of_case(self, queryset: QuerySet[Any], pk: int, **lookup: Any) -> Any:
        """A record of this case (404 otherwise)."""
        return get_object_or_404(queryset, pk=pk, **(lookup or {"case": self._case}))

    def _detail(self, *, status_code: int = 200) -> Response:
        """The case as it stands after a service: what the case page shows this user."""
        case = Case.objects.select_related("region", "chair").get(pk=self._case.pk)
        self.case, self.seat = case, case_seat(self.actor, case)
        overview = queries.case_table(case, self.seat)
        detail = {
            "case": case,
            "clients": list(case.clients.all()),
            "participants": overview["seated"] + overview["former"],
            "regime": overview["regime"],
            "consultations": list(table.open_consultations(case)),
            "plan": case_plan_summary({"request": self.request}, case, self.seat),
        }
        return self.output(detail, serializer_class=CaseDetailSerializer, status_code=status_code)


# --- The case: intake, confidentiality, consent, follow-up, closing, log, export ----------------


@extend_schema(tags=["casework"])
class CaseViewSet(CaseApiViewSet):
    """Cases of a cliëntoverleg (issue 5): the list, the case, taking it in, the duty of
    confidentiality, withdrawing consent, a follow-up request, closing it, its log and the
    family's data.

    Permissions: list — anyone with a role in the region's cliëntoverleg service or a seat at
    one of its cases (everyone else 404), the cases they see (the coordinator all); retrieve —
    casework.view_case (the coordinator, the chair, the clients, the participants at the table);
    accept, decline, chair — casework.intake (the region's coordinator); confidentiality — the
    participant themselves (C5; anyone else at the table 403); withdraw_consent —
    casework.withdraw_consent (the clients, the chair, the coordinator); follow_up —
    casework.follow_up (the help coordinator, the chair); close — casework.close (the chair, the
    coordinator); log — casework.read_log (the clients, the coordinator, the data protection
    officer); export — casework.export (the clients, the coordinator). Without a seat 404.
    """

    queryset = Case.objects.none()
    serializer_class = CaseDetailSerializer
    input_serializers = {
        "decline": DeclineInputSerializer,
        "chair": ChairInputSerializer,
        "follow_up": FollowUpInputSerializer,
        "close": CloseInputSerializer,
    }
    rules = {
        "list": None,  # in the service: others 404
        "retrieve": VIEW,
        "accept": INTAKE,
        "decline": INTAKE,
        "chair": INTAKE,
        "confidentiality": None,  # the participant themselves: checked below
        "withdraw_consent": "casework.withdraw_consent",
        "follow_up": FOLLOW_UP,
        "close": "casework.close",
        "log": "casework.read_log",
        "export": "casework.export",
    }
    officer_actions = frozenset({"log"})
    statement_actions = frozenset({"confidentiality"})
    export_actions = frozenset({"export"})

    @extend_schema(
        summary=_("The cases you see, by reference: no names (C8)."),
        parameters=[CaseFilterSerializer],
        responses={200: CaseSerializer, **problems(400, 401, 404)},
    )
    def list(self, request: Request, region_slug: str) -> Response:
        status = self.parse_query(CaseFilterSerializer).get("status")
        cases = cases_visible_to(request.user, self.region)
        if status:
            cases = cases.filter(status=status)
        cases = cases.only("pk", "region_id", *CaseSerializer.Meta.fields)
        return self.paginated(cases.order_by("-created_at", "-pk"), serializer_class=CaseSerializer)

    @extend_schema(
        summary=_("The case, as its page shows it to you."), **read_schema(CaseDetailSerializer)
    )
    def retrieve(self, request: Request, region_slug: str, reference: str) -> Response:
        return self._detail()

    @extend_schema(
        summary=_("Take the request in (C1–C3)."), **write_schema(None, CaseDetailSerializer)
    )
    def accept(self, request: Request, region_slug: str, reference: str) -> Response:
        intake.case_accept(actor=self.actor, case=self._case)
        return self._detail()

    @extend_schema(
        summary=_("Decline the request, with the reason (C1)."),
        **write_schema(DeclineInputSerializer, CaseDetailSerializer),
    )
    def decline(self, request: Request, region_slug: str, reference: str) -> Response:
        data = self.parse(DeclineInputSerializer)
        intake.case_decline(actor=self.actor, case=self._case, reason=data["reason"])
        return self._detail()

    @extend_schema(
        summary=_("Appoint the independent chair from the region's pool (C3)."),
        **write_schema(ChairInputSerializer, CaseDetailSerializer),
    )
    def chair(self, request: Request, region_slug: str, reference: str) -> Response:
        data = self.parse(ChairInputSerializer)
        intake.case_chair_appoint(actor=self.actor, case=self._case, chair=data["chair"])
        return self._detail()

    @extend_schema(
        summary=_("Accept the duty of confidentiality yourself (C5)."),
        **write_schema(None, CaseDetailSerializer),
    )
    def confidentiality(self, request: Request, region_slug: str, reference: str) -> Response:
        if self.seat.participant is None:  # the coordinator, the chair, the clients
            self.permission_denied(request)
        table.confidentiality_accept(actor=self.actor, participant=self.seat.participant)
        return self._detail()

    @extend_schema(
        summary=_("Withdraw the consent for a participant: their access ends at once (C8)."),
        **write_schema(None, CaseDetailSerializer),
    )
    def withdraw_consent(
        self, request: Request, region_slug: str, reference: str, pk: int
    ) -> Response:
        consent = self._of_case(
            Consent.objects.all(), pk, case=self._case, participant__isnull=False
        )
        consent_withdraw(actor=self.actor, consent=consent)
        return self._detail()

    @extend_schema(
        summary=_("Ask for a follow-up consultation, saying why (C7)."),
        **write_schema(FollowUpInputSerializer, CaseDetailSerializer, created=True),
    )
    def follow_up(self, request: Request, region_slug: str, reference: str) -> Response:
        data = self.parse(FollowUpInputSerializer)
        plan.follow_up_request(actor=self.actor, case=self._case, reason=data["reason"])
        return self._detail(status_code=201)

    @extend_schema(
        summary=_("Close the case with its outcome and anonymous bottlenecks (C7, C9)."),
        **write_schema(CloseInputSerializer, CaseDetailSerializer),
    )
    def close(self, request: Request, region_slug: str, reference: str) -> Response:
        data = self.parse(CloseInputSerializer)
        plan.case_close(actor=self.actor, case=self._case, **data)
        return self._detail()

    @extend_schema(
        summary=_("Who looked at or changed what, and when, newest first (C8)."),
        responses={200: CaseLogSerializer(many=True), **problems(401, 403, 404)},
    )
    def log(self, request: Request, region_slug: str, reference: str) -> Response:
        lines = CaseLog.objects.filter(case=self._case).only(
            "at", "user_repr", "action", "what", "ip_address"
        )
        return self.paginated(lines, serializer_class=CaseLogSerializer)

    @extend_schema(
        summary=_("All data of the family in the case (GDPR right of access, C8)."),
        responses={200: OpenApiTypes.OBJECT, **problems(401, 403, 404)},
    )
    def export(self, request: Request, region_slug: str, reference: str) -> Response:
        return Response(case_export_data(self._case))


# --- Participants (C3, C4, C7) -------------------------------------------------------------------


@extend_schema(tags=["casework"])
class ParticipantViewSet(CaseApiViewSet):
    """Who sits at the family's table (C4): invite with the clients' consent, remove, and the
    help coordinator (C7).

    Permissions: create, destroy, help_coordinator — casework.manage_table (the chair and the
    coordinator); others at the table 403, without a seat 404.
    """

    queryset = Participant.objects.none()
    serializer_class = CaseDetailSerializer
    input_serializers = {"create": ParticipantInviteInputSerializer}
    rules = {"create": MANAGE, "destroy": MANAGE, "help_coordinator": MANAGE}

    @extend_schema(
        summary=_("Invite a participant, with the clients' consent for them (C4)."),
        **write_schema(ParticipantInviteInputSerializer, CaseDetailSerializer, created=True),
    )
    def create(self, request: Request, region_slug: str, reference: str) -> Response:
        data = self.parse(ParticipantInviteInputSerializer)
        table.participant_invite(actor=self.actor, case=self._case, **data)
        return self._detail(status_code=201)

    @extend_schema(summary=_("The participant leaves the table (C8)."), **delete_schema())
    def destroy(self, request: Request, region_slug: str, reference: str, pk: int) -> Response:
        participant = self._of_case(Participant.objects.all(), pk)
        table.participant_remove(actor=self.actor, case=self._case, participant=participant)
        return Response(status=204)

    @extend_schema(
        summary=_("Make this participant the help coordinator (C7)."),
        **write_schema(None, CaseDetailSerializer),
    )
    def help_coordinator(
        self, request: Request, region_slug: str, reference: str, pk: int
    ) -> Response:
        participant = self._of_case(Participant.objects.all(), pk)
        table.help_coordinator_set(actor=self.actor, case=self._case, participant=participant)
        return self._detail()


# --- Consultations (C3, C7) ----------------------------------------------------------------------


@extend_schema(tags=["casework"])
class ConsultationViewSet(CaseApiViewSet):
    """The consultations of the table: planned, moved, cancelled, held, and the chair's notes.

    Permissions: list — casework.view_case (everyone who sees the case); create, reschedule,
    cancel, held, notes — casework.manage_table (the chair and the coordinator); others at the
    table 403, without a seat 404.
    """

    queryset = Consultation.objects.none()
    serializer_class = ConsultationSerializer
    input_serializers = {
        "create": ConsultationTimesInputSerializer,
        "reschedule": ConsultationTimesInputSerializer,
        "notes": ConsultationNotesInputSerializer,
    }
    rules = {
        "list": VIEW,
        "create": MANAGE,
        "reschedule": MANAGE,
        "cancel": MANAGE,
        "held": MANAGE,
        "notes": MANAGE,
    }

    def _consultation(self, pk: int) -> Consultation:
        consultation = self._of_case(Consultation.objects.all(), pk)
        consultation.case = self._case
        return consultation

    @extend_schema(
        summary=_("Requested, planned and held consultations."),
        responses={200: ConsultationSerializer, **problems(401, 403, 404)},
    )
    def list(self, request: Request, region_slug: str, reference: str) -> Response:
        return self.paginated(table.open_consultations(self._case))

    @extend_schema(
        summary=_(
            "Plan a consultation (a requested follow-up consultation is the one planned); "
            "everyone at the table gets an invitation."
        ),
        **write_schema(ConsultationTimesInputSerializer, ConsultationSerializer, created=True),
    )
    def create(self, request: Request, region_slug: str, reference: str) -> Response:
        data = self.parse(ConsultationTimesInputSerializer)
        consultation = table.consultation_schedule(actor=self.actor, case=self._case, **data)
        return self.output(consultation, status_code=201)

    @extend_schema(
        summary=_("Move a planned consultation."),
        **write_schema(ConsultationTimesInputSerializer, ConsultationSerializer),
    )
    def reschedule(self, request: Request, region_slug: str, reference: str, pk: int) -> Response:
        data = self.parse(ConsultationTimesInputSerializer)
        consultation = table.consultation_reschedule(
            actor=self.actor, consultation=self._consultation(pk), **data
        )
        return self.output(consultation)

    @extend_schema(
        summary=_("Cancel a planned or requested consultation."),
        **write_schema(None, ConsultationSerializer),
    )
    def cancel(self, request: Request, region_slug: str, reference: str, pk: int) -> Response:
        consultation = self._consultation(pk)
        return self.output(table.consultation_cancel(actor=self.actor, consultation=consultation))

    @extend_schema(
        summary=_("Mark a planned consultation as held, once it has started."),
        **write_schema(None, ConsultationSerializer),
    )
    def held(self, request: Request, region_slug: str, reference: str, pk: int) -> Response:
        consultation = self._consultation(pk)
        return self.output(
            table.consultation_mark_held(actor=self.actor, consultation=consultation)
        )

    @extend_schema(
        summary=_("Save the chair's notes of a consultation (C3)."),
        **write_schema(ConsultationNotesInputSerializer, ConsultationSerializer),
    )
    def notes(self, request: Request, region_slug: str, reference: str, pk: int) -> Response:
        data = self.parse(ConsultationNotesInputSerializer)
        consultation = table.consultation_notes_save(
            actor=self.actor, consultation=self._consultation(pk), notes=data["notes"]
        )
        return self.output(consultation)


# --- The work plan (C6, C7) ----------------------------------------------------------------------


@extend_schema(tags=["casework"])
class PlanViewSet(CaseApiViewSet):
    """The work plan: the agreed version, its draft with goals and actions and the client's say
    on each, agreeing, confirming and marking actions done (C6, C7).

    Permissions: retrieve — casework.view_case (the draft only for whoever may edit the plan);
    draft, goals, actions, agreement, agree — casework.edit_plan (the chair, the coordinator) or
    casework.follow_up (the help coordinator, C7); done — casework.follow_up (the help
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
        "agreement": EDIT_PLAN,
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
        """The agreed version in force and, for whoever may edit the plan, the draft."""
        versions = WorkPlan.objects.filter(case=self._case).prefetch_related(
            "goals",
            Prefetch("actions", queryset=PlanAction.objects.order_by("due_date", "pk")),
            Prefetch("confirmations", queryset=PlanConfirmation.objects.select_related("user")),
        )
        agreed = versions.filter(status=PlanStatus.AGREED).first()
        may_edit = self._case.status == CaseStatus.IN_PROGRESS and plan.may_edit_plan(
            self.request.user, self._case
        )
        draft = versions.filter(status=PlanStatus.DRAFT).first() if may_edit else None
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
        plan.action_mark_done(actor=self.actor, action=self._action(pk))
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


def _route(view: type[CaseApiViewSet], suffix: str, name: str, **actions: Any) -> Any:
    """A case address (CASE + suffix) served by `view`, its methods mapped to its actions."""
    return path(CASE + suffix, view.as_view(actions), name=name)


urlpatterns = [
    path(CASES, CaseViewSet.as_view({"get": "list"}), name="case-list"),
    _route(CaseViewSet, "", "case-detail", get="retrieve"),
    _route(CaseViewSet, "accept/", "case-accept", post="accept"),
    _route(CaseViewSet, "decline/", "case-decline", post="decline"),
    _route(CaseViewSet, "chair/", "case-chair", post="chair"),
    _route(CaseViewSet, "confidentiality/", "case-confidentiality", post="confidentiality"),
    _route(
        CaseViewSet,
        "consents/<int:pk>/withdraw/",
        "case-consent-withdraw",
        post="withdraw_consent",
    ),
    _route(CaseViewSet, "follow-up/", "case-follow-up", post="follow_up"),
    _route(CaseViewSet, "close/", "case-close", post="close"),
    _route(CaseViewSet, "log/", "case-log", get="log"),
    _route(CaseViewSet, "export/", "case-export", get="export"),
    _route(ParticipantViewSet, "participants/", "case-participant-list", post="create"),
    _route(
        ParticipantViewSet, "participants/<int:pk>/", "case-participant-detail", delete="destroy"
    ),
    _route(
        ParticipantViewSet,
        "participants/<int:pk>/help-coordinator/",
        "case-participant-help-coordinator",
        post="help_coordinator",
    ),
    _route(
        ConsultationViewSet, "consultations/", "case-consultation-list", get="list", post="create"
    ),
    *(
        _route(
            ConsultationViewSet,
            f"consultations/<int:pk>/{step}/",
            f"case-consultation-{step}",
            post=step,
        )
        for step in ("reschedule", "cancel", "held", "notes")
    ),
    _route(PlanViewSet, "plan/", "case-plan", get="retrieve"),
    _route(PlanViewSet, "plan/draft/", "case-plan-draft", post="draft"),
    _route(PlanViewSet, "plan/goals/", "case-plan-goal-list", post="goal_create"),
    _route(
        PlanViewSet,
        "plan/goals/<int:pk>/",
        "case-plan-goal-detail",
        patch="goal_update",
        delete="goal_destroy",
    ),
    _route(PlanViewSet, "plan/actions/", "case-plan-action-list", post="action_create"),
    _route(
        PlanViewSet,
        "plan/actions/<int:pk>/",
        "case-plan-action-detail",
        patch="action_update",
        delete="action_destroy",
    ),
    _route(
        PlanViewSet,
        "plan/actions/<int:pk>/agreement/",
        "case-plan-action-agreement",
        post="agreement",
    ),
    _route(PlanViewSet, "plan/actions/<int:pk>/done/", "case-plan-action-done", post="done"),
    _route(PlanViewSet, "plan/agree/", "case-plan-agree", post="agree"),
    _route(PlanViewSet, "plan/confirm/", "case-plan-confirm", post="confirm"),
]

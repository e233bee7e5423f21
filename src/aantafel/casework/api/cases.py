"""The case itself through the API: list, detail, intake (C1–C3), confidentiality (C5),
consent (C8), follow-up and closing (C7, C9), the log and the family's data (C8)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.meetings.api._common import read_schema, write_schema
from aantafel.regions.api import problems

from ..models import Case, CaseLog, Consent
from ..permissions import cases_visible_to
from ..serializers import (
    CaseDetailSerializer,
    CaseFilterSerializer,
    CaseLogSerializer,
    CaseSerializer,
    ChairInputSerializer,
    CloseInputSerializer,
    DeclineInputSerializer,
    FollowUpInputSerializer,
)
from ..services import follow_up, intake, table
from ..services.consent import consent_withdraw
from ..services.privacy import case_export_data
from ._base import FOLLOW_UP, INTAKE, VIEW, CaseApiViewSet


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
        follow_up.follow_up_request(actor=self.actor, case=self._case, reason=data["reason"])
        return self._detail(status_code=201)

    @extend_schema(
        summary=_("Close the case with its outcome and anonymous bottlenecks (C7, C9)."),
        **write_schema(CloseInputSerializer, CaseDetailSerializer),
    )
    def close(self, request: Request, region_slug: str, reference: str) -> Response:
        data = self.parse(CloseInputSerializer)
        follow_up.case_close(actor=self.actor, case=self._case, **data)
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

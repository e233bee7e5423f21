"""The table through the API: participants (C4) and consultations."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.meetings.api._common import delete_schema, write_schema
from aantafel.regions.api import problems

from ..models import Consultation, Participant
from ..serializers import (
    CaseDetailSerializer,
    ConsultationNotesInputSerializer,
    ConsultationSerializer,
    ConsultationTimesInputSerializer,
    ParticipantInviteInputSerializer,
)
from ..services import consultations, table
from ._base import MANAGE, VIEW, CaseApiViewSet


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
        return self.paginated(consultations.open_consultations(self._case))

    @extend_schema(
        summary=_(
            "Plan a consultation (a requested follow-up consultation is the one planned); "
            "everyone at the table gets an invitation."
        ),
        **write_schema(ConsultationTimesInputSerializer, ConsultationSerializer, created=True),
    )
    def create(self, request: Request, region_slug: str, reference: str) -> Response:
        data = self.parse(ConsultationTimesInputSerializer)
        consultation = consultations.consultation_schedule(
            actor=self.actor, case=self._case, **data
        )
        return self.output(consultation, status_code=201)

    @extend_schema(
        summary=_("Move a planned consultation."),
        **write_schema(ConsultationTimesInputSerializer, ConsultationSerializer),
    )
    def reschedule(self, request: Request, region_slug: str, reference: str, pk: int) -> Response:
        data = self.parse(ConsultationTimesInputSerializer)
        consultation = consultations.consultation_reschedule(
            actor=self.actor, consultation=self._consultation(pk), **data
        )
        return self.output(consultation)

    @extend_schema(
        summary=_("Cancel a planned or requested consultation."),
        **write_schema(None, ConsultationSerializer),
    )
    def cancel(self, request: Request, region_slug: str, reference: str, pk: int) -> Response:
        consultation = self._consultation(pk)
        return self.output(
            consultations.consultation_cancel(actor=self.actor, consultation=consultation)
        )

    @extend_schema(
        summary=_("Mark a planned consultation as held, once it has started."),
        **write_schema(None, ConsultationSerializer),
    )
    def held(self, request: Request, region_slug: str, reference: str, pk: int) -> Response:
        consultation = self._consultation(pk)
        return self.output(
            consultations.consultation_mark_held(actor=self.actor, consultation=consultation)
        )

    @extend_schema(
        summary=_("Save the chair's notes of a consultation (C3)."),
        **write_schema(ConsultationNotesInputSerializer, ConsultationSerializer),
    )
    def notes(self, request: Request, region_slug: str, reference: str, pk: int) -> Response:
        data = self.parse(ConsultationNotesInputSerializer)
        consultation = consultations.consultation_notes_save(
            actor=self.actor, consultation=self._consultation(pk), notes=data["notes"]
        )
        return self.output(consultation)


# --- The work plan (C6, C7) ----------------------------------------------------------------------

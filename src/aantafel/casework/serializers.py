"""Input and output of the cliëntoverleg API (issue 5, C1–C9). Input is parsed here; the services
decide whether it is allowed. Output shows what the case page shows to the same person: no more
(birth dates only to the coordinator and the chair, former participants only to whoever runs the
table, the draft plan only to whoever may edit it)."""

import datetime
from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from aantafel.accounts.models import User
from aantafel.meetings.serializers._common import choice

from .models import (
    MAX_TEXT,
    ActionOwner,
    Agreement,
    Bottleneck,
    Case,
    CaseClient,
    CaseLog,
    CaseLogAction,
    ClientRole,
    ConsentMethod,
    Consultation,
    ConsultationKind,
    Participant,
    ParticipantKind,
    PlanAction,
    PlanGoal,
    Purpose,
    WorkPlan,
)
from .services.intake import chair_pool
from .services.table import ConfidentialityRegime
from .workflow import CaseStatus, ConsultationStatus, PlanStatus


def _text(**kwargs: Any) -> serializers.CharField:
    return serializers.CharField(max_length=MAX_TEXT, **kwargs)


def _optional_text(**kwargs: Any) -> serializers.CharField:
    return _text(required=False, allow_blank=True, default="", **kwargs)


class CaseRecordField(serializers.PrimaryKeyRelatedField):
    """The id of a record of the URL's case (its clients, participants, goals). Any other id,
    one of another case too, is 'unknown': nobody learns what exists elsewhere."""

    default_error_messages = {"does_not_exist": _("This choice does not exist in this case.")}

    def __init__(self, *, case_lookup: str = "case", **kwargs: Any) -> None:
        self.case_lookup = case_lookup
        super().__init__(**kwargs)

    def get_queryset(self) -> Any:
        queryset = super().get_queryset()
        assert queryset is not None  # every use names its model's queryset
        return queryset.filter(**{self.case_lookup: self.context["case"]})


class ChairPoolField(serializers.PrimaryKeyRelatedField):
    """C3: the id of a chair of the region's pool of independent chairs."""

    default_error_messages = {
        "does_not_exist": _("Choose a chair from the region's pool of independent chairs.")
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(queryset=User.objects.all(), **kwargs)

    def get_queryset(self) -> Any:
        return chair_pool(self.context["region"])


# --- Output --------------------------------------------------------------------------------------


class CaseSerializer(serializers.ModelSerializer):
    """A case as the list shows it: reference, status, purpose and dates, never a name."""

    status = choice(CaseStatus.choices, enum_name="CaseStatusEnum", read_only=True)
    purpose = choice(Purpose.choices, enum_name="CasePurposeEnum", read_only=True)

    class Meta:
        model = Case
        fields = ["reference", "status", "purpose", "created_at", "decided_at", "closed_at"]
        read_only_fields = fields


class CaseClientSerializer(serializers.ModelSerializer):
    role = choice(ClientRole.choices, enum_name="CaseClientRoleEnum", read_only=True)
    birth_date = serializers.SerializerMethodField(
        help_text=_("Only for the coordinator and the chair; null for everyone else.")
    )

    class Meta:
        model = CaseClient
        fields = ["id", "role", "name", "birth_date"]
        read_only_fields = fields

    def get_birth_date(self, client: CaseClient) -> datetime.date | None:
        return client.birth_date if self.context["seat"].leads else None


class ParticipantConsentSerializer(serializers.Serializer):
    """The clients' consent for a participant's place at the table (C4); its id is what
    consents/{id}/withdraw/ takes."""

    id = serializers.IntegerField(read_only=True)
    given_by_role = choice(
        ClientRole.choices, enum_name="CaseClientRoleEnum", source="given_by.role", read_only=True
    )
    given_at = serializers.DateTimeField(read_only=True)
    method = choice(ConsentMethod.choices, enum_name="ConsentMethodEnum", read_only=True)
    withdrawn_at = serializers.DateTimeField(read_only=True, allow_null=True)


class ParticipantSerializer(serializers.ModelSerializer):
    kind = choice(ParticipantKind.choices, enum_name="ParticipantKindEnum", read_only=True)
    seated = serializers.BooleanField(
        source="consent_stands", read_only=True, help_text=_("At the table now.")
    )
    consent = ParticipantConsentSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Participant
        fields = [
            "id",
            "kind",
            "name",
            "organisation",
            "function",
            "is_help_coordinator",
            "confidentiality_accepted_at",
            "seated",
            "removed_at",
            "consent",
        ]
        read_only_fields = fields


class ConsultationSerializer(serializers.ModelSerializer):
    kind = choice(ConsultationKind.choices, enum_name="ConsultationKindEnum", read_only=True)
    status = choice(ConsultationStatus.choices, enum_name="ConsultationStatusEnum", read_only=True)

    class Meta:
        model = Consultation
        fields = [
            "id",
            "kind",
            "status",
            "starts_at",
            "ends_at",
            "location",
            "request_reason",
            "notes",
        ]
        read_only_fields = fields


class PlanSummarySerializer(serializers.Serializer):
    """The work plan in short, as on the case page (templatetags/case_plan.py)."""

    agreed_version = serializers.IntegerField(source="agreed.version", allow_null=True)
    agreed_at = serializers.DateTimeField(source="agreed.agreed_at", allow_null=True)
    agreed_actions = serializers.IntegerField(source="agreed.agreed_actions", allow_null=True)
    refused_actions = serializers.IntegerField(source="agreed.refused_actions", allow_null=True)
    done_actions = serializers.IntegerField(source="agreed.done_actions", allow_null=True)
    draft_version = serializers.IntegerField(
        source="draft.version",
        allow_null=True,
        help_text=_("Only for whoever may edit the plan."),
    )
    follow_up_waiting = serializers.BooleanField()


class CaseDetailSerializer(serializers.Serializer):
    """A case for someone at its table (views_table.case_detail, in data)."""

    reference = serializers.CharField(source="case.reference")
    status = choice(CaseStatus.choices, enum_name="CaseStatusEnum", source="case.status")
    purpose = choice(Purpose.choices, enum_name="CasePurposeEnum", source="case.purpose")
    question = serializers.CharField(source="case.question")
    chair = serializers.CharField(source="case.chair.full_name", allow_null=True)
    created_at = serializers.DateTimeField(source="case.created_at")
    decided_at = serializers.DateTimeField(source="case.decided_at", allow_null=True)
    chair_appointed_at = serializers.DateTimeField(
        source="case.chair_appointed_at", allow_null=True
    )
    closed_at = serializers.DateTimeField(source="case.closed_at", allow_null=True)
    clients = CaseClientSerializer(many=True)
    participants = ParticipantSerializer(
        many=True,
        help_text=_(
            "Who sits at the table; those who left or whose consent was withdrawn only for the "
            "coordinator and the chair."
        ),
    )
    regime = choice(ConfidentialityRegime.choices, enum_name="ConfidentialityRegimeEnum")
    consultations = ConsultationSerializer(many=True)
    plan = PlanSummarySerializer()


class PlanGoalSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanGoal
        fields = ["id", "text", "position"]
        read_only_fields = fields


class PlanActionSerializer(serializers.ModelSerializer):
    owner_kind = choice(ActionOwner.choices, enum_name="PlanActionOwnerEnum", read_only=True)
    agreement = choice(Agreement.choices, enum_name="PlanAgreementEnum", read_only=True)

    class Meta:
        model = PlanAction
        fields = [
            "id",
            "goal",
            "owner_kind",
            "participant",
            "text",
            "due_date",
            "agreement",
            "agreement_reason",
            "done_at",
        ]
        read_only_fields = fields


class PlanConfirmationSerializer(serializers.Serializer):
    name = serializers.CharField(source="user.full_name", read_only=True)
    confirmed_at = serializers.DateTimeField(read_only=True)


class PlanVersionSerializer(serializers.ModelSerializer):
    status = choice(PlanStatus.choices, enum_name="PlanStatusEnum", read_only=True)
    goals = PlanGoalSerializer(many=True, read_only=True)
    actions = PlanActionSerializer(many=True, read_only=True)
    confirmations = PlanConfirmationSerializer(many=True, read_only=True)

    class Meta:
        model = WorkPlan
        fields = [
            "id",
            "version",
            "status",
            "reason",
            "created_at",
            "agreed_at",
            "goals",
            "actions",
            "confirmations",
        ]
        read_only_fields = fields


class PlanSerializer(serializers.Serializer):
    """The agreed version in force and, for whoever may edit the plan, the draft (C6)."""

    agreed = PlanVersionSerializer(allow_null=True)
    draft = PlanVersionSerializer(allow_null=True)


class CaseLogSerializer(serializers.ModelSerializer):
    who = serializers.CharField(source="user_repr", read_only=True)
    action = choice(CaseLogAction.choices, enum_name="CaseLogActionEnum", read_only=True)
    ip_address = serializers.SerializerMethodField(
        help_text=_("Only for the coordinator and the data protection officer.")
    )

    class Meta:
        model = CaseLog
        fields = ["at", "who", "action", "what", "ip_address"]
        read_only_fields = fields

    def get_ip_address(self, line: CaseLog) -> str | None:
        seat = self.context["seat"]
        return line.ip_address if seat.coordinator or seat.privacy_officer else None


# --- Input ---------------------------------------------------------------------------------------


class CaseFilterSerializer(serializers.Serializer):
    status = choice(CaseStatus.choices, enum_name="CaseStatusEnum", required=False)


class DeclineInputSerializer(serializers.Serializer):
    reason = _text()


class ChairInputSerializer(serializers.Serializer):
    chair = ChairPoolField(help_text=_("The user id of a chair of the region's pool."))


class ParticipantInviteInputSerializer(serializers.Serializer):
    """C4: who joins the table, with the clients' consent for them."""

    kind = choice(ParticipantKind.choices, enum_name="ParticipantKindEnum")
    name = serializers.CharField(max_length=150)
    email = serializers.EmailField()
    organisation = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    function = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    is_help_coordinator = serializers.BooleanField(required=False, default=False)
    consent_given_by = CaseRecordField(
        queryset=CaseClient.objects.all(),
        help_text=_("The client who gave consent: from 12 the young person, below 12 a parent."),
    )
    consent_method = choice(ConsentMethod.choices, enum_name="ConsentMethodEnum")
    consent_given_at = serializers.DateTimeField(required=False, allow_null=True, default=None)


class ConsultationTimesInputSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    location = serializers.CharField(max_length=300)


class ConsultationNotesInputSerializer(serializers.Serializer):
    notes = _optional_text()


class PlanDraftInputSerializer(serializers.Serializer):
    reason = _optional_text(help_text=_("Why the plan changes: required from version 2 on."))


class PlanGoalInputSerializer(serializers.Serializer):
    text = _text()


class PlanActionInputSerializer(serializers.Serializer):
    text = _text()
    owner_kind = choice(ActionOwner.choices, enum_name="PlanActionOwnerEnum")
    participant = CaseRecordField(
        queryset=Participant.objects.all(), required=False, allow_null=True, default=None
    )
    goal = CaseRecordField(
        queryset=PlanGoal.objects.all(),
        case_lookup="plan__case",
        required=False,
        allow_null=True,
        default=None,
    )
    due_date = serializers.DateField(required=False, allow_null=True, default=None)


class PlanAgreementInputSerializer(serializers.Serializer):
    agreement = choice(
        [(Agreement.AGREED, Agreement.AGREED.label), (Agreement.REFUSED, Agreement.REFUSED.label)],
        enum_name="PlanAgreementInputEnum",
    )
    reason = _optional_text()


class FollowUpInputSerializer(serializers.Serializer):
    reason = _text()


class CloseInputSerializer(serializers.Serializer):
    outcome = _text()
    bottlenecks = serializers.ListField(
        child=choice(Bottleneck.choices, enum_name="BottleneckEnum"),
        required=False,
        default=list,
    )

"""Section 4 of PRODUCT.md: the cliëntoverleg (C1–C9). The most sensitive data Aan Tafel holds.

Identifying and free-text fields are encrypted at rest (Fernet, keys from the environment,
ADR 0010); what the process must query — status, kinds, process dates — is not. `__str__` of
every model gives the case's opaque reference only: it may land in logs and error reports.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aantafel.core.models import RegionOwned
from aantafel.core.outbox import OutgoingMail

from .fields import (
    EncryptedCharField,
    EncryptedDateField,
    EncryptedEmailField,
    EncryptedTextField,
)
from .workflow import CaseStatus, ConsultationStatus, PlanStatus

MAX_TEXT = 5000
# No 0/O, 1/I/L: the reference is read aloud on the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_reference() -> str:
    """An opaque, unguessable reference such as CO-7KQ3-M9XD: the only name of a case outside it."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"CO-{code[:4]}-{code[4:]}"


class CaseworkRoleKind(models.TextChoices):
    COORDINATOR = "coordinator", _("coordinator (contact point)")
    CHAIR = "chair", _("independent chair")
    PRIVACY_OFFICER = "privacy_officer", _("data protection officer")


class CaseworkRole(RegionOwned):
    """The region's cliëntoverleg service: its coordinators, its pool of independent chairs and
    its data protection officer. Separate from region roles: a region administrator sees no case."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="casework_roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=CaseworkRoleKind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["region", "user", "role"], name="casework_role_unique")
        ]
        verbose_name = _("cliëntoverleg role")
        verbose_name_plural = _("cliëntoverleg roles")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class Purpose(models.TextChoices):
    """C2."""

    COORDINATION = "coordination", _("coordination of youth care")
    CONTINUITY = "continuity", _("continuity of youth care")
    TERMINATION = "termination", _("ending youth care")


class RequesterKind(models.TextChoices):
    """C1: who asks. The last two are on the form so that the refusal can say why."""

    MINOR = "minor", _("a young person (client)")
    PARENT = "parent", _("a parent (client)")
    TRUSTED_PERSON = "trusted_person", _("a trusted person of the young person")
    PROFESSIONAL = "professional", _("a professional involved with the family")
    SPECIAL_SERVICE = "special_service", _("a professional of SDJ, VK, OCJ or an MDT")
    CARE_DIRECTOR = "care_director", _("a youth care director")
    JUSTICE = "justice", _("police, public prosecutor or juvenile judge")
    OTHER = "other", _("someone else")


CLIENT_REQUESTERS = frozenset({RequesterKind.MINOR, RequesterKind.PARENT})
ENTITLED_REQUESTERS = CLIENT_REQUESTERS | {
    RequesterKind.TRUSTED_PERSON,
    RequesterKind.PROFESSIONAL,
    RequesterKind.SPECIAL_SERVICE,
    RequesterKind.CARE_DIRECTOR,
}


class Case(RegionOwned):
    """A cliëntoverleg: a family's request, its table, its work plan and its outcome."""

    reference = models.CharField(
        _("reference"), max_length=16, unique=True, default=new_reference, editable=False
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.REQUESTED
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    question = EncryptedTextField(_("question"))
    address = EncryptedTextField(_("address of the family"), blank=True)
    requester_kind = models.CharField(_("who asks"), max_length=20, choices=RequesterKind.choices)
    requester_name = EncryptedCharField(_("name of the requester"), max_length=150)
    requester_email = EncryptedEmailField(_("e-mail address of the requester"), blank=True)
    requester_phone = EncryptedCharField(
        _("phone number of the requester"), max_length=40, blank=True
    )
    requester_organisation = EncryptedCharField(_("organisation"), max_length=200, blank=True)
    requester_relation = EncryptedCharField(_("relation to the family"), max_length=200, blank=True)
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("taken in by"),
    )
    decided_at = models.DateTimeField(_("taken in at"), null=True, blank=True)
    decline_reason = EncryptedTextField(_("reason for declining"), blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chaired_cases",
        verbose_name=_("chair"),
    )
    chair_appointed_at = models.DateTimeField(_("chair appointed at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    outcome = EncryptedTextField(_("outcome"), blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["region", "status", "created_at"], name="case_region_status"),
            models.Index(fields=["region", "closed_at"], name="case_region_closed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=CaseStatus.IN_PROGRESS) | Q(chair__isnull=False),
                name="case_at_table_has_chair",
            ),
        ]
        verbose_name = _("cliëntoverleg")
        verbose_name_plural = _("cliëntoverleggen")

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status in (CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS)


class ClientRole(models.TextChoices):
    MINOR = "minor", _("young person")
    PARENT = "parent", _("parent")


class CaseClient(RegionOwned):
    """A client of the case: the young person (one per case) or a parent. With an e-mail
    address they can log in by an e-mailed code to see their case (C8)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="clients")
    role = models.CharField(_("role"), max_length=10, choices=ClientRole.choices)
    name = EncryptedCharField(_("name"), max_length=150)
    birth_date = EncryptedDateField(_("date of birth"), null=True, blank=True)
    email = EncryptedEmailField(_("e-mail address"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_clients",
    )

    class Meta:
        ordering = ["role", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"], condition=Q(role=ClientRole.MINOR), name="case_one_minor"
            ),
        ]
        verbose_name = _("client")
        verbose_name_plural = _("clients")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.get_role_display()}"


class ParticipantKind(models.TextChoices):
    """C4: who may sit at the table with the clients' consent, and who may never."""

    PROFESSIONAL = "professional", _("involved professional")
    EXPERT = "expert", _("other expert")
    TRUSTED_PERSON = "trusted_person", _("trusted person")
    NETWORK = "network", _("someone from the social network")
    POLICE = "police", _("police")
    PROSECUTOR = "prosecutor", _("public prosecutor")
    JUVENILE_JUDGE = "juvenile_judge", _("juvenile judge")


PROFESSIONAL_KINDS = frozenset({ParticipantKind.PROFESSIONAL, ParticipantKind.EXPERT})
REFUSED_KINDS = frozenset(
    {ParticipantKind.POLICE, ParticipantKind.PROSECUTOR, ParticipantKind.JUVENILE_JUDGE}
)


class Participant(RegionOwned):
    """Someone at the family's table (C4). Their access stands while the clients' consent for
    them stands; a non-professional sees nothing until they accepted confidentiality (C5)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="participants")
    kind = models.CharField(_("taking part as"), max_length=20, choices=ParticipantKind.choices)
    name = EncryptedCharField(_("name"), max_length=150)
    email = EncryptedEmailField(_("e-mail address"))
    organisation = EncryptedCharField(_("organisation"), max_length=200, blank=True)
    function = EncryptedCharField(_("function"), max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_participations"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    is_help_coordinator = models.BooleanField(_("help coordinator"), default=False)
    confidentiality_accepted_at = models.DateTimeField(
        _("confidentiality accepted at"), null=True, blank=True
    )
    removed_at = models.DateTimeField(_("left the table at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "user"],
                condition=Q(removed_at__isnull=True),
                name="participant_once_per_case",
            ),
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(is_help_coordinator=True, removed_at__isnull=True),
                name="case_one_help_coordinator",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=sorted(k.value for k in REFUSED_KINDS)),
                name="participant_never_justice",
            ),
        ]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.get_kind_display()}"

    @property
    def is_professional(self) -> bool:
        return self.kind in PROFESSIONAL_KINDS


class ConsentMethod(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    PHONE = "phone", _("by phone")
    WRITTEN = "written", _("in writing (letter or e-mail)")
    ONLINE = "online", _("online, in Aan Tafel")


class Consent(RegionOwned):
    """C1/C4: a client's consent — for the request itself, or for one participant's place at
    the table. A record, never a flag: withdrawing sets `withdrawn_at` and ends the access."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    given_by = models.ForeignKey(
        CaseClient, on_delete=models.PROTECT, related_name="consents", verbose_name=_("given by")
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, null=True, blank=True, related_name="consents"
    )
    given_at = models.DateTimeField(_("given at"))
    method = models.CharField(_("how"), max_length=20, choices=ConsentMethod.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["given_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant"],
                condition=Q(withdrawn_at__isnull=True, participant__isnull=False),
                name="consent_one_standing_per_participant",
            ),
        ]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.case_id}: consent {self.pk}"

    @property
    def is_standing(self) -> bool:
        return self.withdrawn_at is None


class ConsultationKind(models.TextChoices):
    FIRST = "first", _("consultation")
    FOLLOW_UP = "follow_up", _("follow-up consultation")


class Consultation(RegionOwned):
    """A meeting of the table (C3, C7). The chair's notes are for those at the table only."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consultations")
    kind = models.CharField(_("kind"), max_length=20, choices=ConsultationKind.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.SCHEDULED,
    )
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    location = EncryptedCharField(_("place"), max_length=300, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    request_reason = EncryptedTextField(_("why a follow-up consultation"), blank=True)
    notes = EncryptedTextField(_("notes of the chair"), blank=True)
    sequence = models.PositiveIntegerField(default=0)  # iCalendar SEQUENCE of its invitation

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=ConsultationStatus.SCHEDULED)
                | Q(starts_at__isnull=False, ends_at__isnull=False),
                name="consultation_scheduled_has_time",
            ),
        ]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.get_kind_display()} {self.pk}"


class WorkPlan(RegionOwned):
    """C6/C7: one version of the case's work plan. A draft is edited; agreeing freezes it; an
    adjustment starts the next version with its reason."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="plans")
    version = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    reason = EncryptedTextField(_("reason for this version"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    agreed_at = models.DateTimeField(_("agreed at"), null=True, blank=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["case", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["case", "version"], name="work_plan_unique_version"),
            models.UniqueConstraint(
                fields=["case"], condition=Q(status=PlanStatus.DRAFT), name="work_plan_one_draft"
            ),
        ]
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")

    def __str__(self) -> str:
        return f"{self.case_id}: v{self.version}"


class PlanGoal(RegionOwned):
    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="goals")
    text = EncryptedTextField(_("goal"))
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return f"goal {self.pk}"


class ActionOwner(models.TextChoices):
    CLIENT = "client", _("the young person or the parents")
    NETWORK = "network", _("the network")
    PROFESSIONAL = "professional", _("a professional")


class Agreement(models.TextChoices):
    """C6: the client's say on one action."""

    PENDING = "pending", _("not asked yet")
    AGREED = "agreed", _("agreed")
    REFUSED = "refused", _("not agreed")


class PlanAction(RegionOwned):
    """C6: what someone takes on, by when, and whether the client agrees to it."""

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="actions")
    goal = models.ForeignKey(
        PlanGoal, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    owner_kind = models.CharField(_("who"), max_length=20, choices=ActionOwner.choices)
    participant = models.ForeignKey(
        Participant,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("participant"),
    )
    text = EncryptedTextField(_("what"))
    due_date = models.DateField(_("by when"), null=True, blank=True)
    agreement = models.CharField(
        _("agreement of the client"),
        max_length=10,
        choices=Agreement.choices,
        default=Agreement.PENDING,
    )
    agreement_reason = EncryptedTextField(_("reason of the client"), blank=True)
    agreement_recorded_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("work plan action")
        verbose_name_plural = _("work plan actions")

    def __str__(self) -> str:
        return f"action {self.pk}"


class PlanConfirmation(RegionOwned):
    """C6: someone at the table confirmed they received the agreed plan."""

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="confirmations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    confirmed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "user"], name="plan_confirmed_once"),
        ]
        verbose_name = _("confirmation of the plan")
        verbose_name_plural = _("confirmations of the plan")

    def __str__(self) -> str:
        return f"plan {self.plan_id} confirmed"


class Bottleneck(models.TextChoices):
    """C9: anonymous tags of what stood in the way, counted at policy level."""

    WAITING_LIST = "waiting_list", _("waiting list")
    NO_SUITABLE_OFFER = "no_suitable_offer", _("no suitable offer")
    NO_CAPACITY = "no_capacity", _("no place available")
    TRANSITION_ADULT = "transition_adult", _("transition to adult care")
    COORDINATION = "coordination", _("services did not work together")
    ACCESSIBILITY = "accessibility", _("help too far away or hard to reach")
    FUNDING = "funding", _("funding or referral got stuck")


class CaseBottleneck(RegionOwned):
    """C9: one tag on a closed case. No link to anything identifying but the case row, which is
    anonymised with the rest; the count is what reaches the policy table."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="bottlenecks")
    tag = models.CharField(_("bottleneck"), max_length=30, choices=Bottleneck.choices)
    quarter = models.CharField(_("quarter"), max_length=7)  # "2026-Q4", of the closing date

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "tag"], name="case_bottleneck_once"),
        ]
        indexes = [models.Index(fields=["region", "quarter", "tag"], name="bottleneck_count")]
        verbose_name = _("bottleneck")
        verbose_name_plural = _("bottlenecks")

    def __str__(self) -> str:
        return f"{self.quarter} {self.tag}"


class CaseLogAction(models.TextChoices):
    VIEW = "view", _("looked at")
    CHANGE = "change", _("changed")
    EXPORT = "export", _("downloaded")
    SYSTEM = "system", _("done by the system")


class CaseLog(models.Model):
    """C8: every view and every change of case data — who, what, when, from where. Written by
    the case views and the services; never changed or deleted by the application."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="log")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    user_repr = models.CharField(_("who"), max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=10, choices=CaseLogAction.choices)
    what = models.CharField(_("what"), max_length=100)
    ip_address = models.GenericIPAddressField(_("from"), null=True, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["case", "-at"], name="case_log_recent")]
        verbose_name = _("case log entry")
        verbose_name_plural = _("case log")

    def __str__(self) -> str:
        return f"{self.case_id} {self.action} {self.what}"

    def save(self, *args, **kwargs) -> None:
        # The log is append-only: an existing row is never written again.
        if self.pk is not None:
            raise ValueError("The case log cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("The case log cannot be deleted.")


class CaseMail(OutgoingMail):
    """One message about a case to one address: an invitation with its calendar file, the
    agreed plan, a login notice. Subjects and bodies name the case by its reference only."""

    email = EncryptedEmailField()  # the address is identifying too: encrypted like the rest
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="mails")
    kind = models.CharField(max_length=30)
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, null=True, blank=True, related_name="mails"
    )
    plan = models.ForeignKey(
        WorkPlan, on_delete=models.CASCADE, null=True, blank=True, related_name="mails"
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("case mail")
        verbose_name_plural = _("case mails")

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind}"

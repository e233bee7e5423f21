"""The life of a case (C1–C8): requested, taken in (accepted or declined), at the table once a
chair is appointed, closed with its outcome. Anonymisation after the retention period is a
moment (`anonymised_at`), not a status: a closed case stays closed."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    REQUESTED = "requested", _("requested")
    DECLINED = "declined", _("declined")
    ACCEPTED = "accepted", _("accepted, waiting for a chair")
    IN_PROGRESS = "in_progress", _("at the table")
    CLOSED = "closed", _("closed")


TRANSITIONS: dict[str, set[str]] = {
    CaseStatus.REQUESTED: {CaseStatus.ACCEPTED, CaseStatus.DECLINED},
    CaseStatus.ACCEPTED: {CaseStatus.IN_PROGRESS},
    CaseStatus.IN_PROGRESS: {CaseStatus.CLOSED},
    CaseStatus.DECLINED: set(),
    CaseStatus.CLOSED: set(),
}

# A case whose table is open: participants, consultations and the plan can change.
OPEN_STATUSES = (CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS)


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, set())


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    AGREED = "agreed", _("agreed")
    SUPERSEDED = "superseded", _("replaced by a newer version")


class ConsultationStatus(models.TextChoices):
    REQUESTED = "requested", _("requested")
    SCHEDULED = "scheduled", _("scheduled")
    HELD = "held", _("held")
    CANCELLED = "cancelled", _("cancelled")

"""C3 and C7: the consultations of the family's table — scheduled, moved, cancelled, held, with
the chair's notes — and their invitations with a calendar entry for everyone at the table.

Every service locks the row whose state decides what may happen, writes a `change` line to the
case log in the same transaction, and leaves mail to a task queued after the commit.
"""

import datetime

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.text import limited_text
from aantafel.core.typing import Actor

from .. import mail
from ..log import log_change
from ..models import MAX_TEXT, Case, Consultation, ConsultationKind
from ..permissions import case_seat
from ..workflow import ConsultationStatus
from ._common import lock_case, require_open

LOCATION_MAX = 300


def _checked_times(
    starts_at: datetime.datetime | None, ends_at: datetime.datetime | None
) -> tuple[datetime.datetime, datetime.datetime]:
    if starts_at is None:
        raise DomainError(
            _("When does the consultation start?"), field="starts_at", code="required"
        )
    if ends_at is None:
        raise DomainError(_("When does the consultation end?"), field="ends_at", code="required")
    if starts_at <= timezone.now():
        raise DomainError(
            _("A consultation is planned in the future."), field="starts_at", code="in_past"
        )
    if ends_at <= starts_at:
        raise DomainError(
            _("The consultation ends after it starts."), field="ends_at", code="ends_before_start"
        )
    return starts_at, ends_at


def _checked_location(location: str) -> str:
    return limited_text(
        location,
        field="location",
        max_length=LOCATION_MAX,
        required=_("Where does the consultation take place? An address or a link."),
    )


def _lock_consultation(consultation: Consultation) -> Consultation:
    return (
        Consultation.objects.select_for_update(of=("self",))
        .select_related("case")
        .get(pk=consultation.pk)
    )


@transaction.atomic
def consultation_schedule(
    *,
    actor: Actor,
    case: Case,
    starts_at: datetime.datetime | None,
    ends_at: datetime.datetime | None,
    location: str,
    consultation: Consultation | None = None,
) -> Consultation:
    """C3/C7: plans a consultation of the table, in the future, ending after it starts. A
    requested follow-up consultation (C7) is the one planned, when one is waiting; otherwise a new
    one. Everyone at the table and every client with an e-mail address gets an invitation with
    the calendar entry."""
    case = lock_case(case)
    require_open(case)
    starts_at, ends_at = _checked_times(starts_at, ends_at)
    location = _checked_location(location)
    waiting = Consultation.objects.select_for_update(of=("self",)).filter(
        case=case, status=ConsultationStatus.REQUESTED
    )
    if consultation is not None:
        consultation = waiting.filter(pk=consultation.pk).first()
        if consultation is None:
            raise ConflictError(
                _("This consultation is not waiting to be planned."), code="not_requested"
            )
    else:
        consultation = waiting.filter(kind=ConsultationKind.FOLLOW_UP).order_by("pk").first()
    if consultation is None:
        had_first = (
            Consultation.objects.filter(case=case, kind=ConsultationKind.FIRST)
            .exclude(status=ConsultationStatus.CANCELLED)
            .exists()
        )
        consultation = Consultation(
            region_id=case.region_id,
            case=case,
            kind=ConsultationKind.FOLLOW_UP if had_first else ConsultationKind.FIRST,
        )
    consultation.case = case
    consultation.status = ConsultationStatus.SCHEDULED
    consultation.starts_at = starts_at
    consultation.ends_at = ends_at
    consultation.location = location
    consultation.save()
    log_change(case, actor=actor, what="consultation scheduled")
    mail.queue(mail.consultation_mails(consultation, mail.CONSULTATION_INVITATION))
    return consultation


@transaction.atomic
def consultation_reschedule(
    *,
    actor: Actor,
    consultation: Consultation,
    starts_at: datetime.datetime | None,
    ends_at: datetime.datetime | None,
    location: str,
) -> Consultation:
    """A planned consultation moves: the same calendar entry, its SEQUENCE one higher, mailed
    again to everyone at the table."""
    consultation = _lock_consultation(consultation)
    require_open(consultation.case)
    if consultation.status != ConsultationStatus.SCHEDULED:
        raise ConflictError(_("Only a planned consultation can be moved."), code="not_scheduled")
    starts_at, ends_at = _checked_times(starts_at, ends_at)
    consultation.starts_at = starts_at
    consultation.ends_at = ends_at
    consultation.location = _checked_location(location)
    consultation.sequence += 1
    consultation.save(update_fields=["starts_at", "ends_at", "location", "sequence", "updated_at"])
    log_change(consultation.case, actor=actor, what="consultation rescheduled")
    mail.queue(mail.consultation_mails(consultation, mail.CONSULTATION_UPDATE))
    return consultation


@transaction.atomic
def consultation_cancel(*, actor: Actor, consultation: Consultation) -> Consultation:
    """A planned or requested consultation is called off; a planned one's calendar entry is
    cancelled (METHOD:CANCEL) for everyone who was invited."""
    consultation = _lock_consultation(consultation)
    if consultation.status not in (ConsultationStatus.SCHEDULED, ConsultationStatus.REQUESTED):
        raise ConflictError(
            _("Only a planned or requested consultation can be cancelled."), code="not_open"
        )
    was_scheduled = consultation.status == ConsultationStatus.SCHEDULED
    consultation.status = ConsultationStatus.CANCELLED
    consultation.sequence += 1
    consultation.save(update_fields=["status", "sequence", "updated_at"])
    log_change(consultation.case, actor=actor, what="consultation cancelled")
    if was_scheduled:
        mail.queue(mail.consultation_mails(consultation, mail.CONSULTATION_CANCELLED))
    return consultation


@transaction.atomic
def consultation_notes_save(
    *, actor: Actor, consultation: Consultation, notes: str
) -> Consultation:
    """C3: the chair's notes of a consultation, for those at the table only; written by the
    chair or the coordinator."""
    consultation = _lock_consultation(consultation)
    if actor is None or not case_seat(actor, consultation.case).leads:
        raise DomainError(_("Only the chair or the coordinator keeps the notes."), code="not_chair")
    if consultation.status == ConsultationStatus.CANCELLED:
        raise ConflictError(_("A cancelled consultation has no notes."), code="cancelled")
    consultation.notes = limited_text(notes, field="notes", max_length=MAX_TEXT)
    consultation.save(update_fields=["notes", "updated_at"])
    log_change(consultation.case, actor=actor, what="consultation notes saved")
    return consultation


@transaction.atomic
def consultation_mark_held(*, actor: Actor, consultation: Consultation) -> Consultation:
    """A planned consultation took place, once it has started."""
    consultation = _lock_consultation(consultation)
    if consultation.status != ConsultationStatus.SCHEDULED:
        raise ConflictError(
            _("Only a planned consultation can be marked as held."), code="not_scheduled"
        )
    assert consultation.starts_at is not None  # a scheduled consultation has its time
    if consultation.starts_at > timezone.now():
        raise ConflictError(_("The consultation has not started yet."), code="not_started")
    consultation.status = ConsultationStatus.HELD
    consultation.save(update_fields=["status", "updated_at"])
    log_change(consultation.case, actor=actor, what="consultation held")
    return consultation


def open_consultations(case: Case) -> models.QuerySet[Consultation]:
    """What the case page lists: requested, planned and held consultations."""
    return Consultation.objects.filter(case=case).filter(
        Q(status=ConsultationStatus.REQUESTED)
        | Q(status=ConsultationStatus.SCHEDULED)
        | Q(status=ConsultationStatus.HELD)
    )

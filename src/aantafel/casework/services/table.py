"""C3, C4, C5 and C7: who sits at the family's table, with the clients' consent, their
confidentiality and the help coordinator (the consultations are in `consultations`).

Every service locks the row whose state decides what may happen, writes a `change` line to the
case log in the same transaction, and leaves mail to a task queued after the commit (the
CaseMail records are written in the transaction, so a crash after the commit loses no mail).
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.accounts.models import User
from aantafel.accounts.services import account_for_address
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.text import limited_text
from aantafel.core.typing import Actor

from .. import mail
from ..log import log_change
from ..models import (
    PROFESSIONAL_KINDS,
    REFUSED_KINDS,
    Case,
    CaseClient,
    ConsentMethod,
    Participant,
    ParticipantKind,
)
from ..permissions import forget_seats, seated_participants
from ._common import lock_case, person, require_open
from .consent import consent_give, require_consent_giver

NAME_MAX = 150
ORGANISATION_MAX = 200


class ConfidentialityRegime(models.TextChoices):
    """C5: derived from who sits at the table, never stored."""

    SHARED_PROFESSIONAL_SECRECY = "shared_professional_secrecy", _("shared professional secrecy")
    DUTY_OF_CONFIDENTIALITY = "duty_of_confidentiality", _("duty of confidentiality")


REGIME_EXPLANATIONS = {
    ConfidentialityRegime.SHARED_PROFESSIONAL_SECRECY: _(
        "Only professionals take part, so everything said at this table falls under their "
        "shared professional secrecy."
    ),
    ConfidentialityRegime.DUTY_OF_CONFIDENTIALITY: _(
        "Someone who is not a professional takes part, so everyone at this table is bound by a "
        "duty of confidentiality, which each non-professional accepts before they see the case."
    ),
}


# --- Shared checks ------------------------------------------------------------------------------
def regime_of(participants: Iterable[Participant]) -> str:
    """C5 for participants already read (the case page): only professionals seated → shared
    professional secrecy; anyone else → a duty of confidentiality."""
    if all(p.is_professional for p in participants):
        return ConfidentialityRegime.SHARED_PROFESSIONAL_SECRECY
    return ConfidentialityRegime.DUTY_OF_CONFIDENTIALITY


def confidentiality_regime(case: Case) -> str:
    """C5: "shared_professional_secrecy" while every seated participant is a professional,
    "duty_of_confidentiality" as soon as one is not (a trusted person, the network) — whether or
    not they have accepted it yet."""
    others = (
        seated_participants()
        .filter(case=case)
        .exclude(kind__in=sorted(k.value for k in PROFESSIONAL_KINDS))
    )
    if others.exists():
        return ConfidentialityRegime.DUTY_OF_CONFIDENTIALITY
    return ConfidentialityRegime.SHARED_PROFESSIONAL_SECRECY


def _refusal_for(kind: str) -> DomainError:
    label = ParticipantKind(kind).label
    return DomainError(
        _(
            "The %(kind)s may never take part in a cliëntoverleg. Police, the public prosecutor "
            "and the juvenile judge stay away from the table, so that the family and the people "
            "around them can speak freely about the help they need."
        )
        % {"kind": label},
        field="kind",
        code="never_at_table",
    )


def _checked_email(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise DomainError(
            _("Enter a valid e-mail address: the invitation is sent there."),
            field="email",
            code="invalid_email",
        ) from None
    return email


def _is_client(case: Case, email: str) -> bool:
    return any(
        (client.email or "").lower() == email
        or (client.user is not None and client.user.email.lower() == email)
        for client in CaseClient.objects.filter(case=case).select_related("user")
    )


# --- Participants (C3, C4, C7) ------------------------------------------------------------------
@transaction.atomic
def participant_invite(
    *,
    actor: Actor,
    case: Case,
    kind: str,
    name: str,
    email: str,
    organisation: str = "",
    function: str = "",
    is_help_coordinator: bool = False,
    consent_given_by: CaseClient,
    consent_method: str,
    consent_given_at: datetime.datetime | None = None,
) -> Participant:
    """C4: a participant joins the table only with the clients' explicit consent, recorded
    (C1: from 12 the young person's own, below 12 a parent's). Police, the public prosecutor and
    the juvenile judge are refused, saying why. A professional names their organisation and
    function. C3: the chair cannot also be a participant. Someone already at the table is not
    invited twice (409). The invitation mail holds nothing of the case."""
    case = lock_case(case)
    require_open(case)
    if kind in REFUSED_KINDS:
        raise _refusal_for(kind)
    if kind not in ParticipantKind.values:
        raise DomainError(_("Choose how this person takes part."), field="kind", code="invalid")
    name = limited_text(
        name, field="name", max_length=NAME_MAX, required=_("Write the name of this person.")
    )
    email = _checked_email(email)
    professional = kind in PROFESSIONAL_KINDS
    if professional:
        organisation = limited_text(
            organisation,
            field="organisation",
            max_length=ORGANISATION_MAX,
            required=_("A professional names their organisation."),
        )
        function = limited_text(
            function,
            field="function",
            max_length=ORGANISATION_MAX,
            required=_("A professional names their function."),
        )
    else:  # a neighbour or an aunt has no organisation to record: keep no more than needed
        organisation = function = ""
    if is_help_coordinator and not professional:
        raise _not_a_professional("is_help_coordinator")
    if consent_method not in ConsentMethod.values:
        raise DomainError(
            _("Choose how the consent was given."), field="consent_method", code="invalid"
        )
    now = timezone.now()
    given_at = consent_given_at or now
    if given_at > now:
        raise DomainError(
            _("Consent cannot be given in the future."),
            field="consent_given_at",
            code="in_future",
        )
    try:  # C1: checked before anything is written, so the error stands beside the right field
        require_consent_giver(case, consent_given_by, day=timezone.localdate(given_at))
    except DomainError as error:
        raise DomainError(error.message, field="consent_given_by", code=error.code) from error

    user = User.objects.filter(email__iexact=email).first()
    if user is not None and case.chair_id == user.pk:
        raise DomainError(
            _("The chair of this cliëntoverleg leads the table and cannot also be a participant."),
            field="email",
            code="chair_not_participant",
        )
    if _is_client(case, email):
        raise DomainError(
            _("This is the e-mail address of a client: the clients are at the table already."),
            field="email",
            code="client_not_participant",
        )
    if user is not None:
        current = (
            Participant.objects.select_for_update(of=("self",))
            .filter(case=case, user=user, removed_at__isnull=True)
            .first()
        )
        if current is not None:
            if seated_participants().filter(pk=current.pk).exists():
                raise ConflictError(
                    _("This person is already at the table."), code="already_at_table"
                )
            # Their consent was withdrawn, which ended their place: invited again, they start anew.
            current.removed_at = now
            current.is_help_coordinator = False
            current.save(update_fields=["removed_at", "is_help_coordinator", "updated_at"])
    else:
        user = account_for_address(email=email, full_name=name)

    if is_help_coordinator:  # C7: one per case; the new one takes over
        Participant.objects.filter(
            case=case, is_help_coordinator=True, removed_at__isnull=True
        ).update(is_help_coordinator=False, updated_at=now)

    participant = Participant.objects.create(
        region_id=case.region_id,
        case=case,
        kind=kind,
        name=name,
        email=email,
        organisation=organisation,
        function=function,
        user=user,
        invited_by=person(actor) or case.chair or user,
        is_help_coordinator=is_help_coordinator,
    )
    consent_give(
        actor=actor,
        case=case,
        given_by=consent_given_by,
        method=consent_method,
        participant=participant,
        given_at=given_at,
    )
    log_change(case, actor=actor, what="participant invited")
    if is_help_coordinator:
        log_change(case, actor=actor, what="help coordinator set")
    mail.queue([mail.participant_invitation(participant)])
    return participant


def _lock_participant(case: Case, participant: Participant) -> Participant:
    locked = (
        Participant.objects.select_for_update(of=("self",))
        .filter(pk=participant.pk, case=case)
        .first()
    )
    if locked is None:
        raise DomainError(_("This person is not at the table of this case."), field="participant")
    return locked


@transaction.atomic
def participant_remove(*, actor: Actor, case: Case, participant: Participant) -> Participant:
    """C8: the participant leaves the table and loses access on their next request. The
    clients' consent stays on record as it was given."""
    case = lock_case(case)
    require_open(case)
    participant = _lock_participant(case, participant)
    if participant.removed_at is not None:
        raise ConflictError(_("This person has left the table already."), code="already_removed")
    participant.removed_at = timezone.now()
    participant.is_help_coordinator = False  # C7: the plan's follow-up passes to someone seated
    participant.save(update_fields=["removed_at", "is_help_coordinator", "updated_at"])
    log_change(case, actor=actor, what="participant removed")
    return participant


def _not_a_professional(field: str) -> DomainError:
    """C7: the help coordinator follows up the plan for the table, with access to all of it
    (and two-factor authentication): a professional's task, not a neighbour's."""
    return DomainError(
        _("The help coordinator is one of the professionals at the table."),
        field=field,
        code="help_coordinator_not_professional",
    )


@transaction.atomic
def help_coordinator_set(*, actor: Actor, case: Case, participant: Participant) -> Participant:
    """C7: one help coordinator per case, chosen from the participants seated now."""
    case = lock_case(case)
    require_open(case)
    participant = _lock_participant(case, participant)
    if not seated_participants().filter(pk=participant.pk).exists():
        raise DomainError(
            _("Only someone at the table now can be the help coordinator."),
            field="participant",
            code="not_seated",
        )
    if not participant.is_professional:
        raise _not_a_professional("participant")
    if participant.is_help_coordinator:
        raise ConflictError(
            _("This person is the help coordinator already."), code="already_help_coordinator"
        )
    Participant.objects.filter(case=case, is_help_coordinator=True, removed_at__isnull=True).update(
        is_help_coordinator=False, updated_at=timezone.now()
    )
    participant.is_help_coordinator = True
    participant.save(update_fields=["is_help_coordinator", "updated_at"])
    log_change(case, actor=actor, what="help coordinator set")
    return participant


@transaction.atomic
def confidentiality_accept(*, actor: Actor, participant: Participant) -> Participant:
    """C5: a non-professional accepts the duty of confidentiality themselves, before they see
    anything of the case. Accepting twice is refused (409)."""
    participant = (
        Participant.objects.select_for_update(of=("self",))
        .select_related("case")
        .get(pk=participant.pk)
    )
    if actor is None or actor.pk != participant.user_id:
        raise DomainError(
            _("Only the participant can accept the duty of confidentiality themselves."),
            code="not_own_statement",
        )
    if participant.removed_at is not None:
        raise DomainError(_("You are no longer at this table."), code="not_seated")
    if participant.is_professional:
        raise ConflictError(
            _("Professionals share their professional secrecy: there is nothing to accept."),
            code="professional_secrecy",
        )
    if participant.confidentiality_accepted_at is not None:
        raise ConflictError(
            _("You have accepted the duty of confidentiality already."),
            code="already_accepted",
        )
    participant.confidentiality_accepted_at = timezone.now()
    participant.save(update_fields=["confidentiality_accepted_at", "updated_at"])
    log_change(participant.case, actor=actor, what="confidentiality accepted")
    forget_seats(actor)  # the seat read earlier in this request still says "must accept"
    return participant

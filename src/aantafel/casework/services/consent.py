"""C1, C4 and C8: whose consent counts, and consent given and withdrawn as records."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.typing import Actor

from ..log import log_change
from ..models import Case, CaseClient, ClientRole, Consent, Participant
from ..permissions import forget_seats

# C1: from this age a minor is presumed able to judge for themselves.
OWN_CONSENT_AGE = 12


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - int(before_birthday)


def consent_role_for(birth_date: datetime.date | None, day: datetime.date) -> str:
    """C1: the young person consents from 12; below 12 (or with no known age) a parent does."""
    if birth_date is not None and age_on(birth_date, day) >= OWN_CONSENT_AGE:
        return ClientRole.MINOR
    return ClientRole.PARENT


def require_consent_giver(case: Case, given_by: CaseClient, *, day: datetime.date) -> None:
    """C1/C4: refuses consent from the wrong client, saying whose consent counts."""
    if given_by.case_id != case.pk:
        raise DomainError(_("Choose one of the clients of this case."), field="given_by")
    minor = case.clients.filter(role=ClientRole.MINOR).first()
    needed = consent_role_for(minor.birth_date if minor else None, day)
    if given_by.role != needed:
        if needed == ClientRole.MINOR:
            message = _(
                "The young person is 12 or older: their own consent is needed, not a parent's."
            )
        else:
            message = _("The young person is under 12: a parent gives consent.")
        raise DomainError(message, field="given_by", code="wrong_consent_giver")


@transaction.atomic
def consent_give(
    *,
    actor: Actor,
    case: Case,
    given_by: CaseClient,
    method: str,
    participant: Participant | None = None,
    given_at: datetime.datetime | None = None,
) -> Consent:
    """C1/C4: records a client's consent, for the request or for one participant."""
    now = timezone.now()
    given_at = given_at or now
    if given_at > now:
        raise DomainError(_("Consent cannot be given in the future."), field="given_at")
    require_consent_giver(case, given_by, day=timezone.localdate(given_at))
    if participant is not None:
        if participant.case_id != case.pk or participant.removed_at is not None:
            raise DomainError(_("This person is not at the table."), field="participant")
        if participant.consents.filter(withdrawn_at__isnull=True).exists():
            raise ConflictError(_("Consent for this person was already given."))
    consent = Consent.objects.create(
        region_id=case.region_id,
        case=case,
        given_by=given_by,
        participant=participant,
        given_at=given_at,
        method=method,
        recorded_by=actor if actor is not None and actor.is_authenticated else None,
    )
    log_change(case, actor=actor, what="consent given")
    return consent


@transaction.atomic
def consent_withdraw(*, actor: Actor, consent: Consent) -> Consent:
    """C8: withdrawing takes effect at once: the participant loses access on their next
    request. A second withdrawal is refused (409), nothing changes."""
    locked = Consent.objects.select_for_update(of=("self",)).get(pk=consent.pk)
    if locked.withdrawn_at is not None:
        raise ConflictError(
            _("This consent was already withdrawn."), code="consent_already_withdrawn"
        )
    locked.withdrawn_at = timezone.now()
    locked.withdrawn_by = actor if actor is not None and actor.is_authenticated else None
    locked.save(update_fields=["withdrawn_at", "withdrawn_by", "updated_at"])
    log_change(locked.case, actor=actor, what="consent withdrawn")
    if actor is not None:
        forget_seats(actor)
    return locked

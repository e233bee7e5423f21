"""C1–C3: the coordinator takes a request in (accepted or declined) and appoints an independent
chair from the region's pool."""

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.accounts.models import User
from aantafel.accounts.services import account_for_address
from aantafel.core.errors import DomainError
from aantafel.core.text import limited_text
from aantafel.core.typing import Actor
from aantafel.regions.models import Region

from .. import notices
from ..log import log_change
from ..models import MAX_TEXT, Case, CaseClient, CaseworkRole, CaseworkRoleKind, Participant
from ..workflow import CaseStatus
from ._common import lock_case, move

# --- Taking the request in -----------------------------------------------------------------


def _account_for(client: CaseClient) -> User:
    """The login of a client (C8): they log in with a code sent to the case's address."""
    return account_for_address(email=client.email, full_name=client.name)


@transaction.atomic
def case_accept(*, actor: Actor, case: Case) -> Case:
    """C1–C3: the region's coordinator takes the request in (requested → accepted, then a
    chair is appointed). Each client with an e-mail address gets a login, so that they can see
    their own case by an e-mailed code; the coordinator checked those addresses with the
    request. Who may: the region's coordinator (casework.intake, checked by the caller)."""
    case = lock_case(case)
    move(case, CaseStatus.ACCEPTED)
    case.coordinator = actor
    case.decided_at = timezone.now()
    case.save(update_fields=["status", "coordinator", "decided_at", "updated_at"])
    for client in case.clients.filter(user__isnull=True):
        if client.email:
            client.user = _account_for(client)
            client.save(update_fields=["user", "updated_at"])
    log_change(case, actor=actor, what="accepted")
    return case


@transaction.atomic
def case_decline(*, actor: Actor, case: Case, reason: str) -> Case:
    """C1: the coordinator declines a request (requested → declined), always with the reason.
    Who may: the region's coordinator (casework.intake, checked by the caller)."""
    reason = limited_text(
        reason, field="reason", max_length=MAX_TEXT, required=_("Say why the request is declined.")
    )
    case = lock_case(case)
    move(case, CaseStatus.DECLINED)
    case.coordinator = actor
    case.decided_at = timezone.now()
    case.decline_reason = reason
    case.save(update_fields=["status", "coordinator", "decided_at", "decline_reason", "updated_at"])
    log_change(case, actor=actor, what="declined")
    return case


# --- C3: the independent chair -------------------------------------------------------------


def chair_pool(region: Region) -> QuerySet[User]:
    """C3: the region's pool of independent chairs."""
    return User.objects.filter(
        is_active=True,
        pk__in=CaseworkRole.objects.filter(region=region, role=CaseworkRoleKind.CHAIR).values(
            "user_id"
        ),
    ).order_by("full_name", "pk")


def _has_other_role(case: Case, chair: User) -> bool:
    """C3: the chair has any other role in this family's care: at the table (now or before),
    a client, the requester, or the coordinator who took the request in. Names and addresses
    are encrypted, so the few of this case are compared here."""
    email = chair.email.lower()
    if case.coordinator_id == chair.pk or (case.requester_email or "").lower() == email:
        return True
    for client in CaseClient.objects.filter(case=case):
        if client.user_id == chair.pk or (client.email or "").lower() == email:
            return True
    for participant in Participant.objects.filter(case=case):
        if participant.user_id == chair.pk or (participant.email or "").lower() == email:
            return True
    return False


@transaction.atomic
def case_chair_appoint(*, actor: Actor, case: Case, chair: User) -> Case:
    """C3: the region's contact point appoints an independent chair from the region's pool, who
    has no other role in the family's care (accepted → at the table). Another chair can be
    appointed while the case is at the table, with the same check. The chair hears of it by
    mail, with the reference only. Who may: the region's coordinator (casework.intake, checked
    by the caller)."""
    case = lock_case(case)
    if not chair_pool(case.region).filter(pk=chair.pk).exists():
        raise DomainError(
            _("Choose a chair from the region's pool of independent chairs."),
            field="chair",
            code="not_in_pool",
        )
    if case.status != CaseStatus.IN_PROGRESS:
        move(case, CaseStatus.IN_PROGRESS)
    elif case.chair_id == chair.pk:
        raise DomainError(
            _("This person already chairs this cliëntoverleg."), field="chair", code="same_chair"
        )
    if _has_other_role(case, chair):
        raise DomainError(
            _(
                "This chair already has another role in the care of this family. A chair "
                "must be independent: choose someone else."
            ),
            field="chair",
            code="chair_has_role",
        )
    replaced = case.chair_id is not None
    case.chair = chair
    case.chair_appointed_at = timezone.now()
    case.save(update_fields=["status", "chair", "chair_appointed_at", "updated_at"])
    log_change(case, actor=actor, what="chair replaced" if replaced else "chair appointed")
    notices.notice_add(case, notices.CHAIR_APPOINTED, chair.email)
    return case

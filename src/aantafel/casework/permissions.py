"""Who may see a cliëntoverleg (C8): only those at the family's table. docs/authorization.md.

- The region's coordinators (the service's contact point) see every case of the region.
- The case's chair sees it.
- A client (the young person or a parent) with a login sees their own case.
- A participant sees it while the clients' consent for them stands and they have not left the
  table; a non-professional only after accepting the duty of confidentiality (C5) — before
  that, every case address shows them the statement and nothing else.
- The region's data protection officer reads the case log, never the case.
- Everyone else — region administrators, policy staff, supporters and chairs of bodies, a
  professional of the same organisation who is not at this table, the chair of another case,
  a participant whose consent was withdrawn, users of other regions — gets 404, as if the
  case did not exist.
"""

from dataclasses import dataclass

import rules
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from aantafel.core.request_cache import per_request
from aantafel.core.typing import AnyUser
from aantafel.regions.models import Region

from .models import (
    Case,
    CaseClient,
    CaseworkRole,
    CaseworkRoleKind,
    ClientRole,
    Consent,
    Participant,
)


def casework_roles(user: AnyUser, region_id: int) -> frozenset[str]:
    """The user's roles in the region's cliëntoverleg service, read once per request."""
    if not user.is_authenticated:
        return frozenset()
    cache = per_request(user, "casework_roles")
    if region_id not in cache:
        cache[region_id] = frozenset(
            CaseworkRole.objects.filter(user=user, region_id=region_id).values_list(
                "role", flat=True
            )
        )
    return cache[region_id]


def standing_consent() -> Exists:
    """For a Participant queryset: the clients' consent for them stands now."""
    return Exists(Consent.objects.filter(participant=OuterRef("pk"), withdrawn_at__isnull=True))


def seated_participants() -> QuerySet[Participant]:
    """Participants who are at the table now: not left, and with standing consent (C4, C8)."""
    return Participant.objects.filter(standing_consent(), removed_at__isnull=True)


@dataclass(frozen=True)
class Seat:
    """What the user is at one case's table. Every case permission reads from it."""

    coordinator: bool = False
    chair: bool = False
    privacy_officer: bool = False
    client: CaseClient | None = None
    participant: Participant | None = None

    @property
    def at_table(self) -> bool:
        return bool(self.coordinator or self.chair or self.client or self.participant)

    @property
    def must_accept_confidentiality(self) -> bool:
        """C5: a non-professional who has not yet accepted, and holds no other seat."""
        p = self.participant
        return (
            p is not None
            and not p.is_professional
            and p.confidentiality_accepted_at is None
            and not (self.coordinator or self.chair or self.client)
        )

    @property
    def sees_case(self) -> bool:
        return self.at_table and not self.must_accept_confidentiality

    @property
    def leads(self) -> bool:
        """The chair and the coordinator run the table: participants, consultations, the plan."""
        return self.coordinator or self.chair

    @property
    def is_help_coordinator(self) -> bool:
        return self.participant is not None and self.participant.is_help_coordinator

    @property
    def reads_log(self) -> bool:
        """C8: the coordinator, the data protection officer, and the family themselves."""
        return self.coordinator or self.privacy_officer or self.client is not None


def case_seat(user: AnyUser, case: Case) -> Seat:
    """The user's seat at this case's table, once per request and case."""
    if not user.is_authenticated:
        return Seat()
    cache = per_request(user, "case_seats")
    if case.pk not in cache:
        roles = casework_roles(user, case.region_id)
        cache[case.pk] = Seat(
            coordinator=CaseworkRoleKind.COORDINATOR in roles,
            chair=case.chair_id == user.pk,
            privacy_officer=CaseworkRoleKind.PRIVACY_OFFICER in roles,
            client=CaseClient.objects.filter(case=case, user=user).first(),
            participant=seated_participants().filter(case=case, user=user).first(),
        )
    return cache[case.pk]


def forget_seats(user: AnyUser) -> None:
    """After a change of who sits where (a withdrawal), the next check reads afresh."""
    if user.is_authenticated:
        per_request(user, "case_seats").clear()


def cases_visible_to(user: AnyUser, region: Region) -> QuerySet[Case]:
    """The cases whose page the user may open (or, for a non-professional who has not yet
    accepted confidentiality, whose statement they must read first)."""
    if not user.is_authenticated:
        return Case.objects.none()
    in_region = Case.objects.filter(region=region)
    if CaseworkRoleKind.COORDINATOR in casework_roles(user, region.pk):
        return in_region
    seated = seated_participants().filter(case=OuterRef("pk"), user=user)
    return in_region.filter(
        Q(chair=user)
        | Q(Exists(CaseClient.objects.filter(case=OuterRef("pk"), user=user)))
        | Q(Exists(seated))
    )


def case_get_for_user(user: AnyUser, region: Region, reference: str) -> tuple[Case, Seat]:
    """The case and the user's seat at it; 404 when the case does not exist, is of another
    region, or the user has no seat at it — alike, so nobody learns that a case exists."""
    case = (
        Case.objects.filter(region=region, reference=reference)
        .select_related("region", "chair")
        .first()
    )
    if case is None:
        raise Http404
    seat = case_seat(user, case)
    if not (seat.at_table or seat.privacy_officer):
        raise Http404
    return case, seat


def in_service(user: AnyUser, region: Region) -> bool:
    """Has any role in the region's cliëntoverleg service, or a seat at one of its cases."""
    return bool(casework_roles(user, region.pk)) or cases_visible_to(user, region).exists()


@rules.predicate
def sees_case(user: AnyUser, case: Case) -> bool:
    return case_seat(user, case).sees_case


@rules.predicate
def leads_case(user: AnyUser, case: Case) -> bool:
    return case_seat(user, case).leads


@rules.predicate
def is_coordinator(user: AnyUser, case: Case) -> bool:
    return case_seat(user, case).coordinator


@rules.predicate
def is_chair(user: AnyUser, case: Case) -> bool:
    return case_seat(user, case).chair


@rules.predicate
def follows_up(user: AnyUser, case: Case) -> bool:
    """C7: the help coordinator, and the chair."""
    seat = case_seat(user, case)
    return seat.chair or (seat.is_help_coordinator and seat.sees_case)


@rules.predicate
def gives_say(user: AnyUser, case: Case) -> bool:
    """C6 with C1's rule: the client whose say on the work plan counts — the young person from
    12, a parent below 12 — gives it themselves, online, as well as at the table."""
    client = case_seat(user, case).client
    if client is None:
        return False
    from .services.consent import consent_role_for  # services import this module

    minor = CaseClient.objects.filter(case=case, role=ClientRole.MINOR).first()
    return client.role == consent_role_for(
        minor.birth_date if minor else None, timezone.localdate()
    )


@rules.predicate
def is_client(user: AnyUser, case: Case) -> bool:
    return case_seat(user, case).client is not None


@rules.predicate
def reads_log(user: AnyUser, case: Case) -> bool:
    return case_seat(user, case).reads_log


@rules.predicate
def is_region_coordinator(user: AnyUser, region: Region) -> bool:
    return CaseworkRoleKind.COORDINATOR in casework_roles(user, region.pk)


@rules.predicate
def is_region_privacy_officer(user: AnyUser, region: Region) -> bool:
    return CaseworkRoleKind.PRIVACY_OFFICER in casework_roles(user, region.pk)


# Object: the Case.
rules.add_perm("casework.view_case", sees_case)
rules.add_perm("casework.manage_table", leads_case)  # participants, consent, consultations
rules.add_perm("casework.intake", is_coordinator)  # accept, decline, appoint the chair
rules.add_perm("casework.edit_plan", leads_case)  # draft the work plan, agree it
rules.add_perm("casework.follow_up", follows_up)  # mark done, adjust, ask a follow-up
rules.add_perm("casework.close", leads_case)
rules.add_perm("casework.confirm_plan", sees_case)
rules.add_perm("casework.give_say", gives_say)  # the client's own say on an action (C6)
# The client's say on an action: recorded by whoever runs the plan, or given by the client.
rules.add_perm("casework.record_agreement", leads_case | follows_up | gives_say)
rules.add_perm("casework.withdraw_consent", is_client | leads_case)
rules.add_perm("casework.read_log", reads_log)
rules.add_perm("casework.export", is_client | is_coordinator)
# Object: the Region.
rules.add_perm("casework.take_in", is_region_coordinator)
rules.add_perm("casework.read_region_log", is_region_coordinator | is_region_privacy_officer)

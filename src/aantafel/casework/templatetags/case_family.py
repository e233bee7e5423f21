"""C8 on the case page: "who can see this case" (templates/casework/family/_access.html)."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django import template
from django.db.models import Prefetch

from aantafel.regions.models import Region

from ..models import Case, CaseworkRole, CaseworkRoleKind, Consent, Participant
from ..permissions import Seat, seated_participants
from ..views_family import my_cases_queryset

register = template.Library()


@dataclass
class Access:
    chair: object | None
    coordinators: list = field(default_factory=list)
    participants: Sequence[Participant] = field(default_factory=list)
    withdraw: bool = False
    read_log: bool = False
    export: bool = False


@register.simple_tag(takes_context=True)
def case_access(context, case: Case, seat: Seat) -> Access:
    """Who can see the case now — the chair, the service's coordinators, each participant at the
    table with the consent their place rests on — and what the user may do about it.
    Three queries, whatever the size of the table."""
    user = context["request"].user
    coordinators = [
        role.user
        for role in CaseworkRole.objects.filter(
            region_id=case.region_id, role=CaseworkRoleKind.COORDINATOR
        )
        .select_related("user")
        .order_by("user__full_name")
    ]
    participants = list(
        seated_participants()
        .filter(case=case)
        .prefetch_related(
            Prefetch(
                "consents",
                queryset=Consent.objects.filter(withdrawn_at__isnull=True).select_related(
                    "given_by"
                ),
                to_attr="standing_consents",
            )
        )
    )
    return Access(
        chair=case.chair,
        coordinators=coordinators,
        participants=participants,
        withdraw=user.has_perm("casework.withdraw_consent", case),
        read_log=user.has_perm("casework.read_log", case),
        export=user.has_perm("casework.export", case),
    )


@dataclass
class StartLinks:
    has_cases: bool = False
    service_regions: list[Region] = field(default_factory=list)  # any role in the service
    log_regions: list[Region] = field(default_factory=list)  # coordinator, data protection officer

    def __bool__(self) -> bool:
        return self.has_cases or bool(self.service_regions)


@register.simple_tag
def casework_start(user) -> StartLinks:
    """For the start page: whether "my cliëntoverleg" has anything for this user, the regions
    whose service they work in (the list of cases) and those whose case log they read
    (coordinators, the data protection officer). Two queries."""
    if not user.is_authenticated:
        return StartLinks()
    service: dict[int, Region] = {}
    log: dict[int, Region] = {}
    roles = CaseworkRole.objects.filter(user=user).select_related("region")
    for role in roles.order_by("region__name"):
        service[role.region_id] = role.region
        if role.role in (CaseworkRoleKind.COORDINATOR, CaseworkRoleKind.PRIVACY_OFFICER):
            log[role.region_id] = role.region
    return StartLinks(
        has_cases=my_cases_queryset(user).exists(),
        service_regions=list(service.values()),
        log_regions=list(log.values()),
    )

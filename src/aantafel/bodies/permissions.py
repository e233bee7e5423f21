"""Who may see and change bodies (B1, B5). docs/authorization.md lists every view against these.

Anyone who belongs to a region sees its bodies, their terms of reference, seats and members.
The region administrator manages everything; a body's supporter manages that body's terms,
seats, members and initiatives; its chair registers initiatives too.
"""

from dataclasses import dataclass

import rules
from django.db.models import QuerySet
from django.http import Http404

from aantafel.core.request_cache import per_request
from aantafel.core.typing import AnyUser
from aantafel.regions.models import Region
from aantafel.regions.permissions import is_region_admin, is_region_member

from .models import Body, Membership, MembershipRole


def body_roles(user: AnyUser, body: Body) -> set[str]:
    """The user's current roles in this body, read once per request and body."""
    if not user.is_authenticated:
        return set()
    cache = per_request(user, "body_roles")
    if body.pk not in cache:
        cache[body.pk] = set(
            Membership.objects.current().filter(user=user, body=body).values_list("role", flat=True)
        )
    return cache[body.pk]


# Who leads a body: they run its meetings, advice requests and client tests.
LEAD_ROLES = frozenset({MembershipRole.CHAIR, MembershipRole.SUPPORTER})


@dataclass(frozen=True)
class Place:
    """A user's current place in one body: their roles there and the constituencies they
    represent (B4, B5)."""

    roles: frozenset[str]
    constituencies: frozenset[int]

    @property
    def leads(self) -> bool:
        return bool(self.roles & LEAD_ROLES)

    @property
    def represents(self) -> bool:
        return bool(self.constituencies)


def current_places(user: AnyUser, region_id: int) -> dict[int, Place]:
    """The user's current places per body of the region (body id → Place), read in one query
    once per request and region; the permissions of several apps ask it."""
    if not user.is_authenticated:
        return {}
    cache = per_request(user, "current_places")
    if region_id not in cache:
        found: dict[int, tuple[set[str], set[int]]] = {}
        for body_id, role, constituency_id in (
            Membership.objects.current()
            .filter(user_id=user.pk, region_id=region_id)
            .values_list("body_id", "role", "constituency_id")
        ):
            roles, constituencies = found.setdefault(body_id, (set(), set()))
            roles.add(role)
            if constituency_id is not None:
                constituencies.add(constituency_id)
        cache[region_id] = {
            body_id: Place(frozenset(roles), frozenset(constituencies))
            for body_id, (roles, constituencies) in found.items()
        }
    return cache[region_id]


def place_in(user: AnyUser, body: Body) -> Place | None:
    """The user's current place in this body, if they have one."""
    return current_places(user, body.region_id).get(body.pk)


@rules.predicate
def can_view_body(user: AnyUser, body: Body) -> bool:
    return is_region_member(user, body.region)


@rules.predicate
def is_body_supporter(user: AnyUser, body: Body) -> bool:
    return MembershipRole.SUPPORTER in body_roles(user, body)


@rules.predicate
def is_body_chair(user: AnyUser, body: Body) -> bool:
    return MembershipRole.CHAIR in body_roles(user, body)


@rules.predicate
def is_body_region_admin(user: AnyUser, body: Body) -> bool:
    return is_region_admin(user, body.region)


can_manage_body = is_body_region_admin | is_body_supporter
can_register_initiative = can_manage_body | is_body_chair

rules.add_perm("bodies.add_body", is_region_admin)  # object: the Region
rules.add_perm("bodies.view_body", can_view_body)
rules.add_perm("bodies.change_body", is_body_region_admin)
rules.add_perm("bodies.manage_body", can_manage_body)
rules.add_perm("bodies.add_initiative", can_register_initiative)
rules.add_perm("bodies.manage_register", is_region_admin)  # constituencies, organisations


def bodies_visible_to(user: AnyUser, region: Region) -> QuerySet[Body]:
    if not is_region_member(user, region):
        return Body.objects.none()
    return Body.objects.filter(region=region)


def body_get_for_user(user: AnyUser, region: Region, pk: int) -> Body:
    """404 for a body that does not exist and for one of another region alike."""
    body = bodies_visible_to(user, region).select_related("region", "parent").filter(pk=pk).first()
    if body is None:
        raise Http404
    return body

"""Who may see and handle client tests (S5). docs/authorization.md lists every view.

- Manage a test (create, edit, open, close): the region administrator, policy staff, and the
  supporter or chair of the body that runs it.
- Make links to hand out: those, and the body's current representatives (members who hold a
  place for a constituency).
- See a test, its figures and its report: the body's current members (any role) and the
  region's administrator and policy staff. Anyone else gets 404: a test of a body one is not in
  does not exist for them.
- Answering needs no account: the personal link is the permission (views_public.py).
"""

from dataclasses import dataclass

import rules
from django.db.models import QuerySet
from django.http import Http404

from aantafel.bodies.models import Body, Membership, MembershipRole
from aantafel.core.request_cache import per_request
from aantafel.core.typing import AnyUser
from aantafel.regions.models import Region
from aantafel.regions.permissions import is_region_member, is_region_staff

from .models import ClientTest

RUNNING_ROLES = {MembershipRole.SUPPORTER, MembershipRole.CHAIR}


@dataclass(frozen=True)
class Place:
    """The user's current places in one body: their roles, and whether one of them is for a
    constituency (a representative)."""

    roles: frozenset[str]
    represents: bool


def _places(user: AnyUser, region: Region) -> dict[int, Place]:
    """The user's current places per body of the region, read once per request and region."""
    if not user.is_authenticated:
        return {}
    cache = per_request(user, "clienttest_places")
    if region.pk not in cache:
        rows = (
            Membership.objects.current()
            .filter(user=user, region=region)
            .values_list("body_id", "role", "constituency_id")
        )
        found: dict[int, tuple[set[str], bool]] = {}
        for body_id, role, constituency_id in rows:
            roles, represents = found.setdefault(body_id, (set(), False))
            roles.add(role)
            found[body_id] = (roles, represents or constituency_id is not None)
        cache[region.pk] = {
            body_id: Place(frozenset(roles), represents)
            for body_id, (roles, represents) in found.items()
        }
    return cache[region.pk]


def _place(user: AnyUser, body: Body) -> Place | None:
    return _places(user, body.region).get(body.pk)


def _body(obj: ClientTest | Body) -> Body:
    return obj.body if isinstance(obj, ClientTest) else obj


@rules.predicate
def can_manage(user: AnyUser, obj: ClientTest | Body) -> bool:
    """Object: a client test, or the body that would run a new one."""
    body = _body(obj)
    if is_region_staff(user, body.region):  # administrator or policy staff
        return True
    place = _place(user, body)
    return place is not None and bool(place.roles & RUNNING_ROLES)


@rules.predicate
def can_make_links(user: AnyUser, test: ClientTest) -> bool:
    if can_manage(user, test):
        return True
    place = _place(user, test.body)
    return place is not None and place.represents


@rules.predicate
def can_view(user: AnyUser, test: ClientTest) -> bool:
    return bool(is_region_staff(user, test.region)) or _place(user, test.body) is not None


@rules.predicate
def can_add(user: AnyUser, region: Region) -> bool:
    """Object: the region. Policy staff, or the supporter or chair of one of its bodies."""
    if is_region_staff(user, region):
        return True
    return any(place.roles & RUNNING_ROLES for place in _places(user, region).values())


rules.add_perm("clienttests.add_test", can_add)  # object: the Region
rules.add_perm("clienttests.manage_test", can_manage)  # a ClientTest, or the Body
rules.add_perm("clienttests.make_links", can_make_links)
rules.add_perm("clienttests.view_test", can_view)


def client_tests_visible_to(user: AnyUser, region: Region) -> QuerySet[ClientTest]:
    if not is_region_member(user, region):
        return ClientTest.objects.none()
    if is_region_staff(user, region):
        return ClientTest.objects.filter(region=region)
    return ClientTest.objects.filter(region=region, body_id__in=list(_places(user, region)))


def client_test_get_for_user(user: AnyUser, region: Region, pk: int) -> ClientTest:
    """404 for a test that does not exist, of another region, or not theirs to see."""
    test = (
        client_tests_visible_to(user, region)
        .select_related("region", "body", "created_by")
        .filter(pk=pk)
        .first()
    )
    if test is None:
        raise Http404
    return test


def manageable_bodies(user: AnyUser, region: Region) -> QuerySet[Body]:
    """The bodies a new client test may be made for by this user."""
    bodies = Body.objects.filter(region=region).order_by("name")
    if is_region_staff(user, region):
        return bodies
    running = [pk for pk, place in _places(user, region).items() if place.roles & RUNNING_ROLES]
    return bodies.filter(pk__in=running)

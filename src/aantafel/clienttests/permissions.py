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

import rules
from django.db.models import QuerySet
from django.http import Http404

from aantafel.bodies.models import Body
from aantafel.bodies.permissions import current_places, place_in
from aantafel.core.typing import AnyUser
from aantafel.regions.models import Region
from aantafel.regions.permissions import is_region_member, is_region_staff

from .models import ClientTest


def _body(obj: ClientTest | Body) -> Body:
    return obj.body if isinstance(obj, ClientTest) else obj


@rules.predicate
def can_manage(user: AnyUser, obj: ClientTest | Body) -> bool:
    """Object: a client test, or the body that would run a new one."""
    body = _body(obj)
    if is_region_staff(user, body.region):  # administrator or policy staff
        return True
    place = place_in(user, body)
    return place is not None and place.leads


@rules.predicate
def can_make_links(user: AnyUser, test: ClientTest) -> bool:
    if can_manage(user, test):
        return True
    place = place_in(user, test.body)
    return place is not None and place.represents


@rules.predicate
def can_view(user: AnyUser, test: ClientTest) -> bool:
    return bool(is_region_staff(user, test.region)) or place_in(user, test.body) is not None


@rules.predicate
def can_add(user: AnyUser, region: Region) -> bool:
    """Object: the region. Policy staff, or the supporter or chair of one of its bodies."""
    if is_region_staff(user, region):
        return True
    return any(place.leads for place in current_places(user, region.pk).values())


rules.add_perm("clienttests.add_test", can_add)  # object: the Region
rules.add_perm("clienttests.manage_test", can_manage)  # a ClientTest, or the Body
rules.add_perm("clienttests.make_links", can_make_links)
rules.add_perm("clienttests.view_test", can_view)


def client_tests_visible_to(user: AnyUser, region: Region) -> QuerySet[ClientTest]:
    if not is_region_member(user, region):
        return ClientTest.objects.none()
    if is_region_staff(user, region):
        return ClientTest.objects.filter(region=region)
    return ClientTest.objects.filter(
        region=region, body_id__in=list(current_places(user, region.pk))
    )


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
    running = [pk for pk, place in current_places(user, region.pk).items() if place.leads]
    return bodies.filter(pk__in=running)

"""Who may see and handle advice requests (S4). docs/authorization.md lists every view.

- The region's administrator and policy staff see every advice request of the region, create
  them and record the requester's response and follow-up.
- The current members of a body (any role) see that body's requests. The supporter and the
  chair manage them (create, edit, documents, agenda, response, follow-up, close) and give the
  advice; a member who represents a constituency records that constituency's view (the
  supporter and chair may do so on its behalf).
- Anyone else: the list is 403 for a region member who is in no body, and a request they
  may not see is 404, so its existence does not leak.
"""

import rules
from django.db.models import QuerySet
from django.http import Http404

from aantafel.bodies.models import Body
from aantafel.bodies.permissions import current_places, place_in
from aantafel.core.typing import AnyUser
from aantafel.regions.models import Region
from aantafel.regions.permissions import is_region_member, is_region_staff

from .models import AdviceRequest


def _leads(user: AnyUser, body: Body) -> bool:
    place = place_in(user, body)
    return place is not None and place.leads


def own_constituency_ids(user: AnyUser, body: Body) -> frozenset[int]:
    """The constituencies (ids) the user represents now in the body, from the request's cache."""
    place = place_in(user, body)
    return place.constituencies if place is not None else frozenset()


def _staff(user: AnyUser, region: Region) -> bool:
    return bool(is_region_staff(user, region))


@rules.predicate
def can_see_list(user: AnyUser, region: Region) -> bool:
    """The region's administrator and policy staff, and any current member of a body."""
    return _staff(user, region) or bool(current_places(user, region.pk))


@rules.predicate
def can_create(user: AnyUser, region: Region) -> bool:
    """The region's administrator and policy staff, and the supporter or chair of a body."""
    return _staff(user, region) or any(p.leads for p in current_places(user, region.pk).values())


@rules.predicate
def can_manage(user: AnyUser, body: Body) -> bool:
    return _staff(user, body.region) or _leads(user, body)


@rules.predicate
def can_record_view(user: AnyUser, body: Body) -> bool:
    """A current member who represents a constituency in the body, or its supporter or chair.
    Which constituency each may speak for is the service's rule (advice_view_record)."""
    return _leads(user, body) or bool(own_constituency_ids(user, body))


@rules.predicate
def can_give(user: AnyUser, body: Body) -> bool:
    return _leads(user, body)


rules.add_perm("advice.view_list", can_see_list)  # object: the Region
rules.add_perm("advice.create", can_create)  # object: the Region
rules.add_perm("advice.manage", can_manage)  # object: the Body
rules.add_perm("advice.respond", can_manage)  # object: the Body (response, follow-up, close)
rules.add_perm("advice.record_view", can_record_view)  # object: the Body
rules.add_perm("advice.give", can_give)  # object: the Body


def advice_requests_visible_to(user: AnyUser, region: Region) -> QuerySet[AdviceRequest]:
    if not is_region_member(user, region):
        return AdviceRequest.objects.none()
    if _staff(user, region):
        return AdviceRequest.objects.filter(region=region)
    return AdviceRequest.objects.filter(
        region=region, body_id__in=list(current_places(user, region.pk))
    )


def advice_request_get_for_user(user: AnyUser, region: Region, pk: int) -> AdviceRequest:
    """404 for a request that does not exist, of another region, or not theirs to see."""
    found = (
        advice_requests_visible_to(user, region)
        .select_related("region", "body", "body__region")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found

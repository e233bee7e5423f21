"""Who may see and manage a region (B1).

`region_get_for_user` answers 404 for a region that does not exist and for one the user does not
belong to alike, so nobody learns which regions exist.
"""

import rules
from django.db.models import F, QuerySet
from django.http import Http404

from aantafel.core.request_cache import per_request
from aantafel.core.typing import AnyUser

from .models import Region, RegionMembership, RegionRole


def regions_visible_to(user: AnyUser) -> QuerySet[Region]:
    if not user.is_authenticated:
        return Region.objects.none()
    return Region.objects.filter(memberships__user=user)


def region_role(user: AnyUser, region: Region) -> str | None:
    """The user's region role, read once per request and region."""
    if not user.is_authenticated:
        return None
    cache = per_request(user, "region_roles")
    if region.pk not in cache:
        cache[region.pk] = (
            RegionMembership.objects.filter(user=user, region=region)
            .values_list("role", flat=True)
            .first()
        )
    return cache[region.pk]


@rules.predicate
def is_region_member(user: AnyUser, region: Region) -> bool:
    return region_role(user, region) is not None


@rules.predicate
def is_region_admin(user: AnyUser, region: Region) -> bool:
    return region_role(user, region) == RegionRole.ADMIN


@rules.predicate
def is_region_staff(user: AnyUser, region: Region) -> bool:
    return region_role(user, region) in (RegionRole.ADMIN, RegionRole.STAFF)


rules.add_perm("regions.view_region", is_region_member)
rules.add_perm("regions.manage_region", is_region_admin)
rules.add_perm("regions.view_audit_log", is_region_admin)


def region_get_for_user(user: AnyUser, slug: str) -> Region:
    """The region with this slug if the user belongs to it, else 404 (whether or not it exists)."""
    region = (
        regions_visible_to(user).filter(slug=slug).annotate(_role=F("memberships__role")).first()
    )
    if region is None:
        raise Http404
    per_request(user, "region_roles")[region.pk] = region._role
    return region

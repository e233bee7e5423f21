"""Who may see the dashboards of the feedback loop (S6). docs/authorization.md lists every view.

`reports.view_dashboards` on the region: its administrator and policy staff, and the supporters
and chairs of the region's bodies (a current membership). Other members of the region get 403,
users of another region 404 (the usual region lookup), anonymous users the login page.
The dashboards show counts only, never the text of a signal, so safety concerns are counted
like any other signal.
"""

import rules

from aantafel.bodies.models import Membership, MembershipRole
from aantafel.core.request_cache import per_request
from aantafel.core.typing import AnyUser
from aantafel.regions.models import Region
from aantafel.regions.permissions import is_region_staff


def _supports_or_chairs_a_body(user: AnyUser, region: Region) -> bool:
    if not user.is_authenticated:
        return False
    cache = per_request(user, "supports_or_chairs_a_body")
    if region.pk not in cache:
        cache[region.pk] = (
            Membership.objects.current()
            .filter(
                user=user,
                region=region,
                role__in=(MembershipRole.SUPPORTER, MembershipRole.CHAIR),
            )
            .exists()
        )
    return bool(cache[region.pk])


@rules.predicate
def can_view_dashboards(user: AnyUser, region: Region) -> bool:
    # is_region_staff covers the region administrator too.
    return bool(is_region_staff(user, region)) or _supports_or_chairs_a_body(user, region)


rules.add_perm("reports.view_dashboards", can_view_dashboards)  # object: the Region

"""Who may see the dashboards of the feedback loop (S6). docs/authorization.md lists every view.

`reports.view_dashboards` on the region: its administrator and policy staff, and the supporters
and chairs of the region's bodies (a current membership). Other members of the region get 403,
users of another region 404 (the usual region lookup), anonymous users the login page.
The dashboards show counts only, never the text of a signal, so safety concerns are counted
like any other signal.
"""

import rules

from aantafel.bodies.permissions import current_places
from aantafel.core.typing import AnyUser
from aantafel.regions.models import Region
from aantafel.regions.permissions import is_region_staff


@rules.predicate
def can_view_dashboards(user: AnyUser, region: Region) -> bool:
    # is_region_staff covers the region administrator too.
    return bool(is_region_staff(user, region)) or any(
        place.leads for place in current_places(user, region.pk).values()
    )


rules.add_perm("reports.view_dashboards", can_view_dashboards)  # object: the Region

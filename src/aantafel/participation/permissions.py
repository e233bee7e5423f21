"""Who may see and run participation trajectories and events (P1, P2). docs/authorization.md.

- The region's administrator and policy staff set up and run trajectories and events: they
  create and change them, post updates and documents, see registrations and check people in.
- Any member of the region reads the trajectory pages (staff side).
- The public (no login) sees only what is published, on the public pages (views_public):
  registration for a published event, and cancellation with the link from the mail.
- Users of another region: 404 on everything under /regio/<slug>/.
"""

import rules

from aantafel.core.typing import AnyUser
from aantafel.regions.models import Region
from aantafel.regions.permissions import is_region_member, is_region_staff


@rules.predicate
def can_view(user: AnyUser, region: Region) -> bool:
    return bool(is_region_member(user, region))


@rules.predicate
def can_manage(user: AnyUser, region: Region) -> bool:
    return bool(is_region_staff(user, region))


# Object: the Region.
rules.add_perm("participation.view", can_view)
rules.add_perm("participation.manage", can_manage)  # trajectories, events, registrations

"""Who may see and handle signals (S1–S3). docs/authorization.md lists every view.

- The region's administrator and policy staff and the supporters of the region's bodies triage
  signals: they see every signal of the region, safety concerns included.
- A representative brings in signals for a constituency they represent now, and sees the
  signals they brought in; nobody else sees a signal (404, so its existence does not leak).
- Young people and parents use the public form and the public "you said, we did" page, which
  shows only closed, publishable signals that are not a safety concern, anonymised.
"""

import rules
from django.db.models import QuerySet
from django.http import Http404

from aantafel.bodies.models import Membership, MembershipRole
from aantafel.core.request_cache import per_request
from aantafel.core.typing import AnyUser
from aantafel.regions.models import Region
from aantafel.regions.permissions import is_region_admin, is_region_member, is_region_staff

from .models import Signal


def _supports_a_body(user: AnyUser, region: Region) -> bool:
    if not user.is_authenticated:
        return False
    cache = per_request(user, "supports_a_body")
    if region.pk not in cache:
        cache[region.pk] = (
            Membership.objects.current()
            .filter(user=user, region=region, role=MembershipRole.SUPPORTER)
            .exists()
        )
    return bool(cache[region.pk])


def _represents(user: AnyUser, region: Region) -> bool:
    if not user.is_authenticated:
        return False
    cache = per_request(user, "represents_in_region")
    if region.pk not in cache:
        cache[region.pk] = (
            Membership.objects.current()
            .filter(user=user, region=region, constituency__isnull=False)
            .exists()
        )
    return bool(cache[region.pk])


@rules.predicate
def can_triage(user: AnyUser, region: Region) -> bool:
    return bool(is_region_admin(user, region) or is_region_staff(user, region)) or _supports_a_body(
        user, region
    )


@rules.predicate
def can_raise_for_constituency(user: AnyUser, region: Region) -> bool:
    return _represents(user, region)


rules.add_perm("signals.triage", can_triage)  # object: the Region
rules.add_perm("signals.raise_for_constituency", can_raise_for_constituency)  # the Region


def signals_visible_to(user: AnyUser, region: Region) -> QuerySet[Signal]:
    if not is_region_member(user, region):
        return Signal.objects.none()
    if user.has_perm("signals.triage", region):
        return Signal.objects.filter(region=region)
    return Signal.objects.filter(region=region, raised_by_id=user.pk)


def signal_get_for_user(user: AnyUser, region: Region, pk: int) -> Signal:
    """404 for a signal that does not exist, of another region, or not theirs to see."""
    signal = signals_visible_to(user, region).select_related("region").filter(pk=pk).first()
    if signal is None:
        raise Http404
    return signal

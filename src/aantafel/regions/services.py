from django.db import transaction
from django.utils.translation import gettext_lazy as _

from aantafel.accounts.models import User
from aantafel.audit.services import audit_record
from aantafel.core.errors import DomainError
from aantafel.core.typing import Actor

from .models import Region, RegionMembership, RegionRole

# Every role a person can hold in a region: their region role and the roles within bodies (B5).
ALL_ROLES = [*RegionRole.values, "chair", "supporter", "member", "guest"]


@transaction.atomic
def region_require_mfa(*, actor: Actor, region: Region, roles: list[str]) -> Region:
    """Administrators choose which roles must use two-factor authentication."""
    unknown = set(roles) - set(ALL_ROLES)
    if unknown:
        raise DomainError(
            _("Unknown role: %(roles)s.") % {"roles": ", ".join(sorted(unknown))}, field="roles"
        )
    region = Region.objects.select_for_update().get(pk=region.pk)
    before = sorted(region.mfa_required_roles)
    region.mfa_required_roles = sorted(set(roles))
    region.save(update_fields=["mfa_required_roles", "updated_at"])
    if before != region.mfa_required_roles:
        audit_record(
            actor=actor,
            action="region.require_mfa",
            target=region,
            region=region,
            changes={"mfa_required_roles": [before, region.mfa_required_roles]},
        )
    return region


@transaction.atomic
def region_member_set_role(
    *, actor: Actor, region: Region, user: User, role: str
) -> RegionMembership:
    """B1: give a person a role in the region (and so access to it)."""
    if role not in RegionRole.values:
        raise DomainError(_("Choose a role."), field="role")
    membership, created = RegionMembership.objects.get_or_create(
        region=region, user=user, defaults={"role": role}
    )
    before = None if created else membership.role
    if not created and membership.role != role:
        membership.role = role
        membership.save(update_fields=["role", "updated_at"])
    if before != role:
        audit_record(
            actor=actor,
            action="region_membership.set_role",
            target=membership,
            region=region,
            changes={"role": [before, role]},
        )
    return membership

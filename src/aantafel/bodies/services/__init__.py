"""Every write on bodies goes through these functions (one per use case). Views, the API, the
demo loader and tests all call them, so each rule of section 1 of PRODUCT.md lives here once."""

from .bodies import body_create, body_update
from .initiatives import initiative_mark_parent_informed, initiative_register
from .invitations import invitation_accept, invitation_create, invitation_resend, invitation_revoke
from .memberships import membership_add, membership_end
from .registers import constituency_create, organisation_create
from .seats import seat_create, seat_update
from .terms import terms_add_version

__all__ = [
    "body_create",
    "body_update",
    "constituency_create",
    "initiative_mark_parent_informed",
    "initiative_register",
    "invitation_accept",
    "invitation_create",
    "invitation_resend",
    "invitation_revoke",
    "membership_add",
    "membership_end",
    "organisation_create",
    "seat_create",
    "seat_update",
    "terms_add_version",
]

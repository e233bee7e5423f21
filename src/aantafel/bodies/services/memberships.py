import datetime
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.accounts.models import User
from aantafel.audit.services import audit_created, audit_record, changes_between, snapshot
from aantafel.core.errors import DomainError
from aantafel.core.typing import Actor
from aantafel.regions.models import Region, RegionMembership, RegionRole

from ..models import (
    Body,
    Constituency,
    Membership,
    MembershipRole,
    MembershipTermsFields,
    Organisation,
    Seat,
    SeatRole,
)
from ._checks import require_same_region

AUDITED = [
    "user",
    "role",
    "constituency",
    "organisation",
    "seat",
    "seat_role",
    "substitute_for",
    "start_date",
    "end_date",
    "end_reason",
]


@dataclass(frozen=True)
class MembershipTerms:
    """What a membership or an invitation to one says: role, what is represented, seat and term."""

    role: str
    start_date: datetime.date
    end_date: datetime.date | None = None
    constituency: Constituency | None = None
    organisation: Organisation | None = None
    seat: Seat | None = None
    seat_role: str = ""
    substitute_for: Membership | None = None

    @classmethod
    def of(cls, record: MembershipTermsFields, **changes: Any) -> "MembershipTerms":
        """The terms a membership or invitation carries, with `changes` applied."""
        values = {name: getattr(record, name) for name in cls.__dataclass_fields__}
        return cls(**{**values, **changes})


def check_membership_terms(
    body: Body, terms: MembershipTerms, *, user: User | None = None
) -> MembershipTerms:
    """B5: the rules a membership must meet, checked for a new membership and for an invitation.

    Returns the terms with what follows from them filled in (a seat's constituency)."""
    region = body.region
    if terms.role not in MembershipRole.values:
        raise DomainError(_("Choose a role."), field="role")
    if terms.start_date is None:
        raise DomainError(_("Give the start of the term."), field="start_date")
    if terms.end_date is not None and terms.end_date < terms.start_date:
        raise DomainError(_("The term cannot end before it starts."), field="end_date")
    for name in ("constituency", "organisation", "seat", "substitute_for"):
        require_same_region(getattr(terms, name), region, field=name)
    constituency = terms.constituency
    if terms.seat is None:
        if terms.seat_role or terms.substitute_for:
            raise DomainError(_("Choose the seat first."), field="seat")
    else:
        constituency = _check_seat(body, terms)
    if user is not None:
        _check_not_member_already(body, terms, user)
    return MembershipTerms(**{**terms.__dict__, "constituency": constituency})


def _check_seat(body: Body, terms: MembershipTerms) -> Constituency:
    seat = terms.seat
    assert seat is not None
    if seat.body_id != body.pk:
        raise DomainError(_("This seat belongs to another body."), field="seat")
    if terms.role == MembershipRole.GUEST:
        raise DomainError(_("A guest does not hold a seat."), field="seat")
    if terms.seat_role not in SeatRole.values:
        raise DomainError(
            _("Say whether this person holds the seat or substitutes."), field="seat_role"
        )
    if terms.constituency is not None and terms.constituency.pk != seat.constituency_id:
        raise DomainError(
            _("A seat holder represents the seat's own constituency (%(name)s).")
            % {"name": seat.constituency.name},
            field="constituency",
        )
    same_term = Membership.objects.filter(seat=seat).overlapping(terms.start_date, terms.end_date)
    if terms.seat_role == SeatRole.HOLDER:
        if terms.substitute_for is not None:
            raise DomainError(_("Only a substitute stands in for someone."), field="substitute_for")
        holders = same_term.filter(seat_role=SeatRole.HOLDER).count()
        if holders >= seat.places:
            raise DomainError(
                _("All %(places)s places of this seat are taken in this term.")
                % {"places": seat.places},
                field="seat",
            )
    else:
        holder = terms.substitute_for
        if holder is None:
            raise DomainError(
                _("Choose the holder this person substitutes for."), field="substitute_for"
            )
        if holder.seat_id != seat.pk or holder.seat_role != SeatRole.HOLDER:
            raise DomainError(
                _("A substitute stands in for a holder of the same seat."), field="substitute_for"
            )
    return seat.constituency


def _check_not_member_already(body: Body, terms: MembershipTerms, user: User) -> None:
    clash = (
        Membership.objects.filter(body=body, user=user)
        .overlapping(terms.start_date, terms.end_date)
        .select_related("seat")
        .first()
    )
    if clash is None:
        return
    if terms.seat is not None and clash.seat_id == terms.seat.pk:
        raise DomainError(
            _("This person already has a place in this seat in this term."), field="seat"
        )
    raise DomainError(
        _("This person is already a member of this body in this term."), field="email"
    )


def ensure_region_member(region: Region, user: User) -> None:
    """B1: a member of a body belongs to its region."""
    RegionMembership.objects.get_or_create(
        region=region, user=user, defaults={"role": RegionRole.PARTICIPANT}
    )


def create_membership(
    *, actor: Actor, body: Body, user: User, terms: MembershipTerms
) -> Membership:
    """Checks and saves; callers hold the transaction and the body lock."""
    terms = check_membership_terms(body, terms, user=user)
    ensure_region_member(body.region, user)
    membership = Membership.objects.create(
        region=body.region, body=body, user=user, **terms.__dict__
    )
    audit_created(
        actor=actor,
        action="membership.create",
        target=membership,
        region=body.region,
        fields=AUDITED,
    )
    return membership


@transaction.atomic
def membership_add(*, actor: Actor, body: Body, user: User, terms: MembershipTerms) -> Membership:
    """B5: a person joins a body in a role, for a term, optionally in a seat."""
    # Seat capacity is counted: lock the body so two additions cannot both take the last place.
    Body.objects.select_for_update().filter(pk=body.pk).first()
    return create_membership(actor=actor, body=body, user=user, terms=terms)


@transaction.atomic
def membership_end(
    *, actor: Actor, membership: Membership, end_date: datetime.date | None = None, reason: str = ""
) -> Membership:
    """B5: a membership ends; it stays in the body's history."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    end_date = end_date or timezone.localdate()
    if membership.end_date is not None and membership.end_date < timezone.localdate():
        raise DomainError(_("This membership has already ended."), field="end_date")
    if end_date < membership.start_date:
        raise DomainError(_("The term cannot end before it starts."), field="end_date")
    before = snapshot(membership, AUDITED)
    membership.end_date = end_date
    membership.end_reason = reason.strip()
    membership.save(update_fields=["end_date", "end_reason", "updated_at"])
    audit_record(
        actor=actor,
        action="membership.end",
        target=membership,
        region=membership.region,
        changes=changes_between(before, snapshot(membership, AUDITED)),
    )
    return membership

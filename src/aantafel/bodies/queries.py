"""Reads shared by the pages and the API. Each runs a fixed number of queries whatever the size."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from aantafel.accounts.models import User
from aantafel.regions.models import Region, RegionMembership

from .models import Body, Initiative, Invitation, Membership, Seat, SeatRole, TermsOfReference


def _count(qs: QuerySet) -> Coalesce:
    return Coalesce(
        Subquery(
            qs.order_by().values("body").annotate(n=Count("pk")).values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def body_list(region: Region, today: datetime.date | None = None) -> QuerySet[Body]:
    """The region's bodies with their parent, number of current members and seat filling."""
    today = today or timezone.localdate()
    current = Membership.objects.filter(body=OuterRef("pk")).current(today)
    places = (
        Seat.objects.filter(body=OuterRef("pk"))
        .order_by()
        .values("body")
        .annotate(n=Sum("places"))
        .values("n")
    )
    return (
        Body.objects.filter(region=region)
        .select_related("parent")
        .annotate(
            member_count=_count(current),
            seat_places=Coalesce(Subquery(places, output_field=IntegerField()), Value(0)),
            seats_filled=_count(current.filter(seat__isnull=False, seat_role=SeatRole.HOLDER)),
        )
        .order_by("name")
    )


@dataclass
class SeatFilling:
    """B4: one seat with its current holders and substitutes."""

    seat: Seat
    holders: list[Membership] = field(default_factory=list)
    substitutes: list[Membership] = field(default_factory=list)

    @property
    def vacant(self) -> int:
        return max(self.seat.places - len(self.holders), 0)

    @property
    def vacant_range(self) -> range:
        return range(self.vacant)


@dataclass
class BodyDetail:
    body: Body
    terms: list[TermsOfReference]
    seats: list[SeatFilling]
    current_members: list[Membership]
    future_members: list[Membership]
    former_members: list[Membership]
    initiatives: list[Initiative]
    open_invitations: list[Invitation]

    @property
    def current_terms(self) -> TermsOfReference | None:
        return self.terms[0] if self.terms else None

    @property
    def places_total(self) -> int:
        return sum(s.seat.places for s in self.seats)

    @property
    def places_vacant(self) -> int:
        return sum(s.vacant for s in self.seats)


def body_detail(
    body: Body, *, with_invitations: bool, today: datetime.date | None = None
) -> BodyDetail:
    """Everything a body's page shows, in five or six queries."""
    today = today or timezone.localdate()
    terms = list(
        TermsOfReference.objects.filter(body=body)
        .select_related("recorded_by")
        .order_by("-version")
    )
    seats = [
        SeatFilling(seat) for seat in Seat.objects.filter(body=body).select_related("constituency")
    ]
    memberships = list(
        Membership.objects.filter(body=body)
        .select_related(
            "user", "constituency", "organisation", "seat__constituency", "substitute_for__user"
        )
        .order_by("role", "user__full_name", "-start_date")
    )
    by_seat = {filling.seat.pk: filling for filling in seats}
    current, future, former = [], [], []
    for membership in memberships:
        if membership.is_current(today):
            current.append(membership)
            filling = by_seat.get(membership.seat_id) if membership.seat_id else None
            if filling is not None:
                bucket = (
                    filling.holders
                    if membership.seat_role == SeatRole.HOLDER
                    else filling.substitutes
                )
                bucket.append(membership)
        elif membership.start_date > today:
            future.append(membership)
        else:
            former.append(membership)
    former.sort(key=lambda m: m.end_date or today, reverse=True)
    invitations = []
    if with_invitations:
        invitations = list(
            Invitation.objects.filter(body=body, accepted_at__isnull=True, revoked_at__isnull=True)
            .select_related("seat__constituency")
            .order_by("-created_at")
        )
    return BodyDetail(
        body=body,
        terms=terms,
        seats=seats,
        current_members=current,
        future_members=future,
        former_members=former,
        initiatives=list(Initiative.objects.filter(body=body)),
        open_invitations=invitations,
    )


def my_memberships(user: User, today: datetime.date | None = None) -> QuerySet[Membership]:
    """The bodies a user sits in now, with their region, for the start page."""
    return (
        Membership.objects.current(today)
        .filter(user=user)
        .select_related("body__region", "body__parent", "seat__constituency", "constituency")
        .order_by("body__region__name", "body__name")
    )


def roles_by_region(user: User) -> list[tuple[Region, set[str]]]:
    """Every role a user holds, per region: their region role and their current body roles."""
    roles: dict[int, tuple[Region, set[str]]] = {}
    for rm in RegionMembership.objects.filter(user=user).select_related("region"):
        roles[rm.region_id] = (rm.region, {rm.role})
    body_roles = Membership.objects.current().filter(user=user).values_list("region_id", "role")
    for region_id, role in body_roles:
        if region_id in roles:
            roles[region_id][1].add(role)
    return list(roles.values())


def memberships_for_choice(body: Body) -> QuerySet[Membership]:
    """Current seat holders of a body, to choose whom a substitute stands in for."""
    return (
        Membership.objects.current()
        .filter(body=body, seat__isnull=False, seat_role=SeatRole.HOLDER)
        .select_related("user", "seat__constituency")
    )


def parent_choices(region: Region, exclude: Body | None = None) -> QuerySet[Body]:
    qs = Body.objects.filter(region=region)
    return qs.exclude(Q(pk=exclude.pk)) if exclude else qs


# --- Reads of the API (added; the functions above stay as the pages use them) -----------------

MEMBERSHIP_RELATED = (
    "user",
    "constituency",
    "organisation",
    "seat__constituency",
    "substitute_for__user",
)


def body_memberships(
    body: Body, *, current: bool | None = None, today: datetime.date | None = None
) -> QuerySet[Membership]:
    """B5: a body's memberships, history included; `current=True` keeps those running now,
    `current=False` those that ended or start later."""
    qs = Membership.objects.filter(body=body)
    if current is not None:
        running = Membership.objects.filter(body=body).current(today).values("pk")
        qs = qs.filter(pk__in=running) if current else qs.exclude(pk__in=running)
    return qs.select_related(*MEMBERSHIP_RELATED).order_by("role", "user__full_name", "-start_date")


def seat_fillings(body: Body, today: datetime.date | None = None) -> list[SeatFilling]:
    """B4: a body's seats with their current holders and substitutes, in two queries."""
    seats = [
        SeatFilling(seat) for seat in Seat.objects.filter(body=body).select_related("constituency")
    ]
    by_seat = {filling.seat.pk: filling for filling in seats}
    seated = (
        Membership.objects.current(today)
        .filter(body=body, seat__isnull=False)
        .select_related(*MEMBERSHIP_RELATED)
        .order_by("user__full_name")
    )
    for membership in seated:
        filling = by_seat[membership.seat_id]
        if membership.seat_role == SeatRole.HOLDER:
            filling.holders.append(membership)
        else:
            filling.substitutes.append(membership)
    return seats


def body_terms(body: Body) -> QuerySet[TermsOfReference]:
    """B3: every version of a body's terms of reference, newest first."""
    return (
        TermsOfReference.objects.filter(body=body)
        .select_related("recorded_by")
        .order_by("-version")
    )


def pending_invitations(body: Body) -> QuerySet[Invitation]:
    """Invitations not yet accepted or withdrawn, expired ones included (they can be resent)."""
    return Invitation.objects.filter(
        body=body, accepted_at__isnull=True, revoked_at__isnull=True
    ).order_by("-created_at")

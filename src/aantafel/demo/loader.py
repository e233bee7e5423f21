"""Loads the demo data of `content.py` through the services, so every rule of section 1 of
PRODUCT.md is checked and every new record gets its audit event.

Safe to run again: each record is looked up by its natural key (a region's slug, a user's
e-mail address, a body's name, a membership's body, person and start date, a trajectory's
title …) and written only when it is missing; a body's meetings (`meetings.py`) are written
only while it has none, a region's signals (`signals.py`) likewise, and so are a region's
cliëntoverleg cases (`casework.py`) and its events (`participation.py`). Records that already
exist are left as they are, so a demo someone has been clicking through keeps their changes.
Everything happens in one transaction: a run that fails leaves nothing half-loaded.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.test.utils import override_settings
from django.utils import translation

from aantafel.accounts.models import User
from aantafel.accounts.services import user_create
from aantafel.bodies.models import (
    Body,
    Constituency,
    Initiative,
    Membership,
    Organisation,
    Seat,
    SeatRole,
    TermsOfReference,
)
from aantafel.bodies.services import (
    body_create,
    constituency_create,
    initiative_register,
    membership_add,
    membership_end,
    organisation_create,
    seat_create,
    terms_add_version,
)
from aantafel.bodies.services.memberships import MembershipTerms
from aantafel.core.typing import Actor
from aantafel.regions.models import Region, RegionMembership, RegionRole
from aantafel.regions.services import region_member_set_role

from .advice import load_advice
from .casework import load_casework, login_rows
from .clienttests import load_client_tests
from .content import DEMO_PASSWORD, PEOPLE, REGIONS, BodySpec, Member, Person, RegionSpec
from .meetings import load_meetings
from .participation import load_participation
from .signals import load_signals

# The meeting services tell people what happens (invitations, draft minutes, actions …): after
# their transaction commits they queue a task per event (aantafel.meetings.notify, ADR 0007),
# which with the ImmediateBackend of `make run` would write a Delivery per recipient and mail
# hundreds of messages about a year of meetings that never took place. The bodies part sends
# nothing here (memberships are added directly, without invitations), so while loading the
# tasks go to django-tasks' DummyBackend, which keeps them in memory and runs none, and any
# mail sent directly goes to the in-memory backend: no one is told about the demo's history,
# and nothing is left waiting for `send_pending_mail`.
QUIET = {
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}


@dataclass(frozen=True)
class Login:
    """One row of the table of demo logins the command prints."""

    email: str
    role: str
    regions: str


@dataclass
class LoadResult:
    password: str
    # What was new in this run, per kind of record; empty when everything was there already.
    created: Counter[str] = field(default_factory=Counter)
    logins: list[Login] = field(default_factory=list)


def load_demo(
    *,
    regions: tuple[RegionSpec, ...] = REGIONS,
    people: tuple[Person, ...] = PEOPLE,
    password: str = DEMO_PASSWORD,
) -> LoadResult:
    """Writes whatever of the demo data is missing and returns what it did and the logins."""
    validate_password(password)
    # The texts the services write themselves ("approval of the minutes of …", the first draft
    # of the minutes) come out in the site's language, like the rest of the demo.
    with (
        override_settings(**QUIET),
        translation.override(settings.LANGUAGE_CODE),
        transaction.atomic(),
    ):
        loader = _Loader(people=people, password=password)
        for spec in regions:
            loader.load_region(spec)
    logins = _logins(people) + [Login(*row) for row in login_rows()]
    return LoadResult(password=password, created=loader.created, logins=logins)


def _logins(people: tuple[Person, ...]) -> list[Login]:
    users = {
        user.email: user
        for user in User.objects.filter(
            email__in=[p.email for p in people if p.login_role]
        ).prefetch_related("region_memberships__region")
    }
    rows = []
    for person in people:
        user = users.get(person.email)
        if person.login_role and user is not None:
            names = sorted(m.region.name for m in user.region_memberships.all())
            rows.append(Login(email=person.email, role=person.login_role, regions=", ".join(names)))
    return rows


class _Loader:
    def __init__(self, *, people: tuple[Person, ...], password: str) -> None:
        self.people = {person.email: person for person in people}
        self.password = password
        # One hash serves every demo account: they share the password, and hashing is slow.
        self.password_hash = make_password(password)
        self.created: Counter[str] = Counter()

    # --- people -------------------------------------------------------------------------------

    def user(self, email: str) -> User:
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            person = self.people[email]
            # The same check a person choosing this password would get (similarity to their
            # own name and address included).
            validate_password(self.password, user=User(email=email, full_name=person.full_name))
            user = user_create(
                email=email,
                full_name=person.full_name,
                password=self.password_hash,
                password_hashed=True,
            )
            self.created["users"] += 1
        return user

    def region_role(self, region: Region, user: User, role: str, *, actor: Actor) -> None:
        """B1: a person belongs to the region; an existing role is left as it is."""
        if not RegionMembership.objects.filter(region=region, user=user).exists():
            region_member_set_role(actor=actor, region=region, user=user, role=role)
            self.created["region roles"] += 1

    # --- regions ------------------------------------------------------------------------------

    def load_region(self, spec: RegionSpec) -> None:
        # There is no region service: regions are set up by whoever installs Aan Tafel.
        region, created = Region.objects.update_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "country": spec.country,
                "timezone": spec.timezone,
                "theme": spec.theme,
                "department_name": spec.department_name,
                "safety_contact_line": spec.safety_contact_line,
                "safeguarding_email": spec.safeguarding_email,
            },
        )
        if created:
            self.created["regions"] += 1
        # The administrator's own role is the region's first record: nobody gave it yet.
        admin = self.user(spec.admin)
        self.region_role(region, admin, RegionRole.ADMIN, actor=None)
        for email, role in spec.region_roles:
            self.region_role(region, self.user(email), role, actor=admin)

        constituencies = {
            name: self.constituency(region, name, kind, description, actor=admin)
            for name, kind, description in spec.constituencies
        }
        organisations = {
            name: self.organisation(region, name, website, actor=admin)
            for name, website in spec.organisations
        }
        bodies: dict[str, Body] = {}
        for body_spec in spec.bodies:
            bodies[body_spec.name] = self.body(
                region,
                body_spec,
                parent=bodies[body_spec.parent] if body_spec.parent else None,
                constituencies=constituencies,
                organisations=organisations,
                actor=admin,
            )
        load_meetings(region, spec, created=self.created)
        load_signals(region, spec, created=self.created)
        load_advice(region, spec, created=self.created)
        load_client_tests(region, spec, created=self.created)
        load_casework(
            region,
            spec,
            created=self.created,
            password=self.password,
            password_hash=self.password_hash,
        )
        load_participation(region, spec, created=self.created)

    def constituency(
        self, region: Region, name: str, kind: str, description: str, *, actor: Actor
    ) -> Constituency:
        existing = Constituency.objects.filter(region=region, name__iexact=name).first()
        if existing is not None:
            return existing
        self.created["constituencies"] += 1
        return constituency_create(
            actor=actor, region=region, name=name, kind=kind, description=description
        )

    def organisation(
        self, region: Region, name: str, website: str, *, actor: Actor
    ) -> Organisation:
        existing = Organisation.objects.filter(region=region, name__iexact=name).first()
        if existing is not None:
            return existing
        self.created["organisations"] += 1
        return organisation_create(actor=actor, region=region, name=name, website=website)

    # --- bodies -------------------------------------------------------------------------------

    def body(
        self,
        region: Region,
        spec: BodySpec,
        *,
        parent: Body | None,
        constituencies: dict[str, Constituency],
        organisations: dict[str, Organisation],
        actor: Actor,
    ) -> Body:
        body = Body.objects.filter(region=region, name__iexact=spec.name).first()
        if body is None:
            body = body_create(
                actor=actor,
                region=region,
                name=spec.name,
                body_type=spec.body_type,
                parent=parent,
                supporting_department=spec.supporting_department,
                description=spec.description,
            )
            self.created["bodies"] += 1
        self.terms(body, spec, actor=actor)
        seats = self.seats(body, spec, constituencies, actor=actor)
        for member in spec.members:
            self.membership(body, member, seats, constituencies, organisations, actor=actor)
        self.initiatives(body, spec, actor=actor)
        return body

    def terms(self, body: Body, spec: BodySpec, *, actor: Actor) -> None:
        """B3: versions are numbered from 1 in the order of the content, oldest first."""
        have = set(TermsOfReference.objects.filter(body=body).values_list("version", flat=True))
        for number, terms in enumerate(spec.terms, start=1):
            if number in have:
                continue
            terms_add_version(
                actor=actor,
                body=body,
                decision_rule=terms.decision_rule,
                approved_by=terms.approved_by,
                approved_on=terms.approved_on,
                objectives=terms.objectives,
                tasks=terms.tasks,
                other_themes=terms.other_themes,
                composition=terms.composition,
                cooperation=terms.cooperation,
                mandate=terms.mandate,
            )
            self.created["terms versions"] += 1

    def seats(
        self,
        body: Body,
        spec: BodySpec,
        constituencies: dict[str, Constituency],
        *,
        actor: Actor,
    ) -> dict[tuple[str, str], Seat]:
        seats = {}
        for seat_spec in spec.seats:
            constituency = constituencies[seat_spec.constituency]
            seat = Seat.objects.filter(
                body=body, constituency=constituency, label=seat_spec.label
            ).first()
            if seat is None:
                seat = seat_create(
                    actor=actor,
                    body=body,
                    constituency=constituency,
                    places=seat_spec.places,
                    label=seat_spec.label,
                )
                self.created["seats"] += 1
            seats[(seat_spec.constituency, seat_spec.label)] = seat
        return seats

    def membership(
        self,
        body: Body,
        member: Member,
        seats: dict[tuple[str, str], Seat],
        constituencies: dict[str, Constituency],
        organisations: dict[str, Organisation],
        *,
        actor: Actor,
    ) -> Membership:
        user = self.user(member.email)
        self.region_role(body.region, user, RegionRole.PARTICIPANT, actor=actor)
        membership = Membership.objects.filter(
            body=body, user=user, start_date=member.start
        ).first()
        if membership is None:
            seat = seats[member.seat] if member.seat else None
            terms = MembershipTerms(
                role=member.role,
                start_date=member.start,
                constituency=constituencies[member.constituency] if member.constituency else None,
                organisation=organisations[member.organisation] if member.organisation else None,
                seat=seat,
                seat_role=member.seat_role,
                substitute_for=(
                    self.holder(body, seat, member.substitute_for)
                    if member.substitute_for
                    else None
                ),
            )
            membership = membership_add(actor=actor, body=body, user=user, terms=terms)
            self.created["memberships"] += 1
        if member.ended_on is not None and membership.end_date is None:
            # B5: an ended membership stays as history; it is ended the way a supporter would.
            membership = membership_end(
                actor=actor,
                membership=membership,
                end_date=member.ended_on,
                reason=member.end_reason,
            )
            self.created["ended memberships"] += 1
        return membership

    def holder(self, body: Body, seat: Seat | None, email: str) -> Membership:
        """The holder a substitute stands in for: their latest holding of the same seat."""
        holder = (
            Membership.objects.filter(
                body=body, seat=seat, seat_role=SeatRole.HOLDER, user__email__iexact=email
            )
            .order_by("-start_date")
            .first()
        )
        if holder is None:
            # A mistake in content.py, not a rule a user broke.
            raise LookupError(f"{email} holds no seat in {body} for a substitute to stand in for")
        return holder

    def initiatives(self, body: Body, spec: BodySpec, *, actor: Actor) -> None:
        for initiative in spec.initiatives:
            if Initiative.objects.filter(body=body, title=initiative.title).exists():
                continue
            initiative_register(
                actor=actor,
                body=body,
                title=initiative.title,
                taken_on=initiative.taken_on,
                description=initiative.description,
                parent_informed_on=initiative.parent_informed_on,
            )
            self.created["initiatives"] += 1

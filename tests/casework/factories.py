"""Factories of the cliëntoverleg. Fictional families only.

A case is built in the state a test needs: `CaseFactory()` is a request just in,
`CaseFactory(at_table=True)` has a chair, a young person of 14 and a parent (with logins).
`seat_participant(case, ...)` puts someone at the table with the clients' standing consent."""

import datetime

import factory
from allauth.mfa.models import Authenticator
from django.utils import timezone

from aantafel.casework import models as cw
from aantafel.casework.workflow import CaseStatus
from tests.factories import RegionFactory, UserFactory


def with_totp(user):
    """Two-factor authentication set up, as every account with case access needs (ADR 0010)."""
    Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "JBSWY3DPEHPK3PXP"}}
    )
    return user


class CaseworkRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = cw.CaseworkRole
        skip_postgeneration_save = True

    region = factory.SubFactory(RegionFactory)
    user = factory.SubFactory(UserFactory)
    role = cw.CaseworkRoleKind.COORDINATOR

    @factory.post_generation
    def mfa(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            with_totp(obj.user)


def years_ago(years: int, days: int = 30) -> datetime.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - datetime.timedelta(days=days)


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = cw.Case
        skip_postgeneration_save = True

    region = factory.SubFactory(RegionFactory)
    purpose = cw.Purpose.COORDINATION
    question = "Wij willen dat school, thuisbegeleiding en de psycholoog samen één plan maken."
    address = "Voorbeeldstraat 1, 3500 Hasselt"
    requester_kind = cw.RequesterKind.PARENT
    requester_name = "Sanne Peeters"
    requester_email = "sanne.peeters@voorbeeld.example"

    class Params:
        at_table = factory.Trait(
            status=CaseStatus.IN_PROGRESS,
            chair=factory.SubFactory(UserFactory, full_name="Voorzitter Onafhankelijk"),
            chair_appointed_at=factory.LazyFunction(timezone.now),
            decided_at=factory.LazyFunction(timezone.now),
        )
        closed = factory.Trait(
            at_table=True,
            status=CaseStatus.CLOSED,
            closed_at=factory.LazyFunction(timezone.now),
            outcome="Het werkplan loopt; de hulp is op elkaar afgestemd.",
        )

    @factory.post_generation
    def family(obj, create, extracted, **kwargs):
        """A young person of 14 and a parent, both with a login, unless `family=False`."""
        if not create or extracted is False:
            return
        minor_age = kwargs.get("minor_age", 14)
        cw.CaseClient.objects.create(
            region=obj.region,
            case=obj,
            role=cw.ClientRole.MINOR,
            name="Lotte Peeters",
            birth_date=years_ago(minor_age),
            email=f"lotte.{obj.reference.lower()}@voorbeeld.example",
            user=UserFactory(full_name="Lotte Peeters"),
        )
        cw.CaseClient.objects.create(
            region=obj.region,
            case=obj,
            role=cw.ClientRole.PARENT,
            name="Sanne Peeters",
            email=f"sanne.{obj.reference.lower()}@voorbeeld.example",
            user=UserFactory(full_name="Sanne Peeters"),
        )
        if obj.chair_id:
            with_totp(obj.chair)
            cw.CaseworkRole.objects.get_or_create(
                region=obj.region, user=obj.chair, role=cw.CaseworkRoleKind.CHAIR
            )


def minor_of(case: cw.Case) -> cw.CaseClient:
    return case.clients.get(role=cw.ClientRole.MINOR)


def parent_of(case: cw.Case) -> cw.CaseClient:
    return case.clients.filter(role=cw.ClientRole.PARENT).first()


def seat_participant(
    case: cw.Case,
    *,
    kind: str = cw.ParticipantKind.PROFESSIONAL,
    user=None,
    accepted: bool = True,
    help_coordinator: bool = False,
    name: str = "Deelnemer",
    organisation: str = "CAW Limburg",
) -> cw.Participant:
    """Someone at the table with the clients' standing consent (the young person's, from 12)."""
    user = user or UserFactory(full_name=name)
    is_professional = kind in cw.PROFESSIONAL_KINDS
    if is_professional:
        with_totp(user)
    participant = cw.Participant.objects.create(
        region=case.region,
        case=case,
        kind=kind,
        name=name,
        email=user.email,
        organisation=organisation if is_professional else "",
        function="begeleider" if is_professional else "",
        user=user,
        invited_by=case.chair or user,
        is_help_coordinator=help_coordinator,
        confidentiality_accepted_at=None if is_professional or not accepted else timezone.now(),
    )
    minor = case.clients.filter(role=cw.ClientRole.MINOR).first()
    cw.Consent.objects.create(
        region=case.region,
        case=case,
        given_by=minor or case.clients.first(),
        participant=participant,
        given_at=timezone.now(),
        method=cw.ConsentMethod.IN_PERSON,
    )
    return participant

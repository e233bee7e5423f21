"""Factories of events (P2), with a trait per lifecycle state. Rules are tested through the
services; these only set the scene. An event is published, in two weeks, unless a trait says
otherwise."""

import datetime

import factory
from django.utils import timezone

from aantafel.participation.models import (
    AudienceType,
    Event,
    EventStatus,
    Pillar,
    Registration,
    RegistrationStatus,
    Trajectory,
)

from .. import factories as f

KICK_OFF_AUDIENCES = [
    AudienceType.YOUNG_PERSON,
    AudienceType.PARENT,
    AudienceType.MUNICIPALITY,
    AudienceType.INSTITUTION,
]


def in_days(days: float, hour: int = 13) -> datetime.datetime:
    moment = timezone.now() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class TrajectoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trajectory

    region = factory.SubFactory(f.RegionFactory)
    title = factory.Sequence(lambda n: f"Cliënt- en jongerenparticipatie {n}")
    starts_on = datetime.date(2023, 1, 1)
    ends_on = datetime.date(2028, 12, 31)


class PillarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pillar

    trajectory = factory.SubFactory(TrajectoryFactory)
    region = factory.SelfAttribute("trajectory.region")
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Pijler {n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    region = factory.SubFactory(f.RegionFactory)
    title = factory.Sequence(lambda n: f"Startconferentie {n}")
    description = "We starten samen. Kom luisteren, praten en meedoen."
    programme = "13:00 Welkom\n13:30 Ervaringsverhalen\n15:00 Aan de slag in groepen"
    place = "Flexiforum, Kerkrade"
    address = "Markt 1, 6461 EC Kerkrade"
    starts_at = factory.LazyFunction(lambda: in_days(14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=4))
    capacity = 200
    audiences = factory.LazyFunction(lambda: [str(a) for a in KICK_OFF_AUDIENCES])
    status = EventStatus.PUBLISHED

    class Params:
        draft = factory.Trait(status=EventStatus.DRAFT)
        cancelled = factory.Trait(status=EventStatus.CANCELLED)
        past = factory.Trait(starts_at=factory.LazyFunction(lambda: in_days(-30)))
        closed = factory.Trait(
            registration_closes_at=factory.LazyFunction(
                lambda: timezone.now() - datetime.timedelta(hours=1)
            )
        )


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    region = factory.SelfAttribute("event.region")
    name = factory.Sequence(lambda n: f"Deelnemer {n}")
    email = factory.Sequence(lambda n: f"deelnemer{n}@voorbeeld.example")
    audience = AudienceType.YOUNG_PERSON
    status = RegistrationStatus.CONFIRMED

    class Params:
        waiting = factory.Trait(status=RegistrationStatus.WAITING)
        cancelled = factory.Trait(
            status=RegistrationStatus.CANCELLED, cancelled_at=factory.LazyFunction(timezone.now)
        )
        checked_in = factory.Trait(checked_in_at=factory.LazyFunction(timezone.now))


def registrations(event: Event, count: int, *, status=RegistrationStatus.CONFIRMED, start=0):
    """`count` registrations at once (bulk_create), for the figures and budgets."""
    audiences = event.audiences or [AudienceType.OTHER]
    return Registration.objects.bulk_create(
        Registration(
            region_id=event.region_id,
            event=event,
            name=f"Deelnemer {i:04d}",
            email=f"deelnemer{i}@voorbeeld.example",
            audience=audiences[i % len(audiences)],
            status=status,
        )
        for i in range(start, start + count)
    )

"""Factories of experience stories (P5). Rules are tested through the services; these only set
the scene. A story is waiting for moderation unless a trait says otherwise."""

import factory
from django.utils import timezone

from aantafel.participation.models import AudienceType, Story, StoryStatus

from .. import factories as f


class StoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Story

    region = factory.SubFactory(f.RegionFactory)
    title = factory.Sequence(lambda n: f"Mijn verhaal {n}")
    text = "Ik moest lang wachten op hulp. Niemand belde me in die tijd."
    teller_name = factory.Sequence(lambda n: f"Verteller{n} de Vries")
    teller_email = factory.Sequence(lambda n: f"verteller{n}@voorbeeld.example")
    teller_audience = AudienceType.YOUNG_PERSON
    consent_given_at = factory.LazyFunction(timezone.now)

    class Params:
        published = factory.Trait(
            status=StoryStatus.PUBLISHED,
            published_at=factory.LazyFunction(timezone.now),
            public_title=factory.LazyAttribute(lambda o: f"Op de site: {o.title}"),
            public_text="Ik moest lang wachten op hulp.",
            public_name="Sam",
        )
        rejected = factory.Trait(status=StoryStatus.REJECTED, reject_reason="Te herkenbaar.")


def published_stories(region, count: int) -> list[Story]:
    """`count` published stories at once (bulk_create), for the query budgets."""
    now = timezone.now()
    return Story.objects.bulk_create(
        Story(
            region=region,
            title=f"Verhaal {i}",
            text="Een verhaal.",
            teller_name=f"Verteller {i}",
            teller_email=f"verteller{i}@voorbeeld.example",
            consent_given_at=now,
            status=StoryStatus.PUBLISHED,
            published_at=now,
            public_title=f"Verhaal {i} op de site",
            public_text="Een verhaal op de site.",
            public_name="" if i % 2 else f"Naam{i}",
        )
        for i in range(count)
    )

"""Factories of ideas (P4), with a trait per lifecycle state. Rules are tested through the
services; these only set the scene. An idea is published unless a trait says otherwise."""

import factory
from django.utils import timezone

from aantafel.participation.models import AudienceType, Idea, IdeaStatus, IdeaSupport
from aantafel.participation.services.ideas import supporter_key_of

from .. import factories as f


class IdeaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Idea

    region = factory.SubFactory(f.RegionFactory)
    title = factory.Sequence(lambda n: f"Een vaste hulpverlener {n}")
    text = "Ik wil niet steeds mijn verhaal opnieuw vertellen aan iemand nieuw."
    author_name = "Noor"
    author_email = factory.Sequence(lambda n: f"noor{n}@voorbeeld.example")
    author_audience = AudienceType.YOUNG_PERSON
    status = IdeaStatus.PUBLISHED

    class Params:
        submitted = factory.Trait(status=IdeaStatus.SUBMITTED)
        declined = factory.Trait(status=IdeaStatus.DECLINED, decline_reason="Er staan namen in.")
        responded = factory.Trait(
            status=IdeaStatus.RESPONDED,
            response="Goed idee. We nemen het mee in het plan.",
            responded_at=factory.LazyFunction(timezone.now),
        )
        flagged = factory.Trait(safety_flagged=True)


def supports(idea: Idea, count: int, *, start: int = 0) -> list[IdeaSupport]:
    """`count` supporters at once (bulk_create), for the counts and budgets."""
    return IdeaSupport.objects.bulk_create(
        IdeaSupport(idea=idea, supporter_key=supporter_key_of(f"session:test-{idea.pk}-{i}"))
        for i in range(start, start + count)
    )

"""Factories of input campaigns (P3). Rules are tested through the services; these only set the
scene. A campaign is open, for young people and parents, anonymous, unless a trait says
otherwise; `questions(campaign)` gives it the three kinds of question."""

import datetime

import factory
from django.utils import timezone

from aantafel.participation.models import (
    Answer,
    Campaign,
    CampaignResponse,
    CampaignStatus,
    Question,
    QuestionKind,
    ResponseChannel,
    Theme,
)

from .factories_trajectories import TrajectoryFactory


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    trajectory = factory.SubFactory(TrajectoryFactory)
    region = factory.SelfAttribute("trajectory.region")
    title = factory.Sequence(lambda n: f"Wat vind jij van de jeugdhulp? {n}")
    introduction = "We willen weten wat jij vindt. Het duurt twee minuten."
    audiences = factory.LazyFunction(lambda: ["young_person", "parent", "other"])
    anonymous = True
    status = CampaignStatus.OPEN
    opened_at = factory.LazyFunction(timezone.now)

    class Params:
        draft = factory.Trait(status=CampaignStatus.DRAFT, opened_at=None)
        closed = factory.Trait(
            status=CampaignStatus.CLOSED, closed_at=factory.LazyFunction(timezone.now)
        )
        expired = factory.Trait(
            closes_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
        )
        named = factory.Trait(anonymous=False)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    campaign = factory.SubFactory(CampaignFactory)
    region = factory.SelfAttribute("campaign.region")
    position = factory.Sequence(lambda n: n)
    kind = QuestionKind.OPEN
    text = factory.Sequence(lambda n: f"Vraag {n}: wat kan beter?")


def questions(campaign: Campaign) -> tuple[Question, Question, Question]:
    """A choice, a rating and an open question, in that order."""
    choice = QuestionFactory(
        campaign=campaign,
        position=0,
        kind=QuestionKind.CHOICE,
        text="Hoe vond je de hulp?",
        choices=["Goed", "Gaat wel", "Slecht"],
        required=True,
    )
    rating = QuestionFactory(
        campaign=campaign, position=1, kind=QuestionKind.RATING, text="Welk cijfer geef je?"
    )
    open_ = QuestionFactory(
        campaign=campaign, position=2, kind=QuestionKind.OPEN, text="Wat moet anders?"
    )
    return choice, rating, open_


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    campaign = factory.SubFactory(CampaignFactory)
    region = factory.SelfAttribute("campaign.region")
    name = factory.Sequence(lambda n: f"Thema {n}")


def responses(campaign: Campaign, count: int, *, channel=ResponseChannel.ONLINE):
    """`count` responses with an answer to every question (bulk), for figures and budgets."""
    qs = list(campaign.questions.order_by("position"))
    made = CampaignResponse.objects.bulk_create(
        CampaignResponse(
            region_id=campaign.region_id,
            campaign=campaign,
            channel=channel,
            audience=["young_person", "parent", "other"][i % 3],
        )
        for i in range(count)
    )
    answers = []
    for i, response in enumerate(made):
        for q in qs:
            value: dict = {}
            if q.kind == QuestionKind.CHOICE:
                value = {"choice": q.choices[i % len(q.choices)]}
            elif q.kind == QuestionKind.RATING:
                value = {"rating": 1 + i % 5}
            else:
                value = {"text": f"Antwoord {i}: sneller hulp"}
            answers.append(
                Answer(region_id=campaign.region_id, response=response, question=q, **value)
            )
    Answer.objects.bulk_create(answers)
    return made

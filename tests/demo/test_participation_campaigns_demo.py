"""The demo's input campaigns (P3) in Jeugdhulp Zuid-Limburg: a closed campaign for pillar 1
with five questions and about 60 responses online, on paper and from a focus group, its open
answers coded with four themes and three plan actions that show where they came from; an open
campaign young people can answer; nothing added by a second run. The module's demo (`demo`,
conftest.py) loads them through load_participation; it is rolled back at the end."""

import datetime
from collections import Counter

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from aantafel.accounts.models import User
from aantafel.demo.participation import STAFF, TITLE
from aantafel.demo.participation_campaigns import CLOSED_TITLE, OPEN_TITLE, load_campaigns
from aantafel.participation import queries_campaigns as queries
from aantafel.participation.models import (
    Answer,
    Campaign,
    CampaignResponse,
    CampaignStatus,
    PlanAction,
    QuestionKind,
    ResponseChannel,
    Trajectory,
)
from aantafel.participation.services.campaigns import is_open_now

pytestmark = pytest.mark.django_db

SLUG = "zuid-limburg"


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    """The plan of approach is uploaded while the module's demo loads: into this folder."""
    root = tmp_path_factory.mktemp("demo-media")
    with override_settings(MEDIA_ROOT=root):
        yield root


@pytest.fixture(scope="module")
def loaded(media, demo):
    """The demo, with its campaigns loaded by load_participation."""
    return demo


def test_p3_the_closed_campaign_has_five_questions_and_about_60_responses(loaded):
    campaign = Campaign.objects.get(region__slug=SLUG, title=CLOSED_TITLE)
    assert campaign.status == CampaignStatus.CLOSED
    assert campaign.pillar.number == 1
    assert campaign.anonymous
    assert campaign.opened_at.date() < campaign.closed_at.date() <= datetime.date(2023, 6, 7)
    assert campaign.questions.count() == 5
    kinds = set(campaign.questions.values_list("kind", flat=True))
    assert kinds == {QuestionKind.CHOICE, QuestionKind.RATING, QuestionKind.OPEN}
    channels = Counter(
        CampaignResponse.objects.filter(campaign=campaign).values_list("channel", flat=True)
    )
    assert 55 <= sum(channels.values()) <= 65
    assert set(channels) == {
        ResponseChannel.ONLINE,
        ResponseChannel.PAPER,
        ResponseChannel.FOCUS_GROUP,
    }
    assert (
        not CampaignResponse.objects.filter(campaign=campaign).exclude(respondent_name="").exists()
    )
    # Entered while it ran: nothing shows as entered after closing.
    assert not CampaignResponse.objects.filter(
        campaign=campaign, created_at__gt=campaign.closed_at
    ).exists()
    results = queries.campaign_results(campaign)
    assert results.responses == sum(channels.values())


def test_p3_the_open_answers_are_coded_and_three_actions_come_from_them(loaded):
    campaign = Campaign.objects.get(region__slug=SLUG, title=CLOSED_TITLE)
    themes = {t.name: t.answer_count for t in queries.themes_of(campaign)}
    assert 3 <= len(themes) <= 4
    assert all(count > 0 for count in themes.values())
    coded = Answer.objects.filter(response__campaign=campaign, themes__isnull=False).distinct()
    assert coded.count() > 20
    actions = queries.plan_actions(campaign.trajectory)
    assert len(actions) == 3
    for action in actions:
        sources = list(action.themes.all())
        assert sources
        assert all(t.campaign_id == campaign.pk and t.answer_count > 0 for t in sources)


def test_p3_a_visitor_can_answer_the_open_campaign(loaded):
    campaign = Campaign.objects.get(region__slug=SLUG, title=OPEN_TITLE)
    assert is_open_now(campaign)
    client = Client()
    listed = client.get(reverse("campaign_public_list", args=[SLUG]))
    assert campaign in list(listed.context["campaigns"])
    page = client.get(reverse("campaign_answer", args=[SLUG, campaign.pk]))
    assert page.status_code == 200


def test_p3_a_second_run_adds_nothing(loaded):
    trajectory = Trajectory.objects.get(region__slug=SLUG, title=TITLE)
    before = (
        Campaign.objects.count(),
        CampaignResponse.objects.count(),
        PlanAction.objects.count(),
    )
    again: Counter[str] = Counter()
    load_campaigns(trajectory.region, trajectory, User.objects.get(email__iexact=STAFF), again)
    assert not again
    after = (Campaign.objects.count(), CampaignResponse.objects.count(), PlanAction.objects.count())
    assert after == before
    assert Campaign.objects.filter(region__slug=SLUG).count() == 2
    assert PlanAction.objects.filter(region__slug=SLUG).count() == 3

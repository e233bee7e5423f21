"""The demo's experience stories in Jeugdhulp Zuid-Limburg (P5): three on the public site — a
young person about waiting for help, a parent about being heard at the table, a young person
about turning 18, published without a name — and one waiting for moderation; nobody mailed,
and nothing added by a second run. Loaded after the module's demo (`demo`, conftest.py), with
its commit-time callbacks executed, as the lead's wiring in load_participation will do."""

from collections import Counter

import pytest
from django.core import mail
from django.test import TestCase, override_settings
from django.urls import reverse

from aantafel.accounts.models import User
from aantafel.demo.loader import QUIET
from aantafel.demo.participation import STAFF
from aantafel.demo.participation_stories import (
    HEARD_AT_THE_TABLE,
    PUBLISHED,
    TURNING_18,
    WAITING_FOR_HELP,
    WAITING_FOR_MODERATION,
    load_stories,
)
from aantafel.participation.models import Story, StoryMail, StoryStatus, Trajectory
from aantafel.regions.models import Region

pytestmark = pytest.mark.django_db

SLUG = "zuid-limburg"


@pytest.fixture(scope="module")
def stories(demo, django_db_blocker):
    """The stories, loaded once into the module's demo (rolled back with it). The demo's
    load_participation loads them already; loading them again here adds nothing, and keeps
    this test independent of that wiring. Returns the mails the demo's commit sent."""
    with django_db_blocker.unblock():
        region = Region.objects.get(slug=SLUG)
        created: Counter[str] = Counter()
        mail.outbox = []
        with override_settings(**QUIET), TestCase.captureOnCommitCallbacks(execute=True):
            load_stories(
                region,
                Trajectory.objects.filter(region=region).first(),
                User.objects.get(email__iexact=STAFF),
                created,
            )
        assert not mail.outbox
        return demo


@pytest.mark.smoke
def test_p5_three_stories_are_published_one_without_a_name(stories):
    public = Story.objects.public().filter(region__slug=SLUG)
    assert {s.public_title for s in public} == {s.public_title for s in PUBLISHED}
    assert Story.objects.filter(region__slug=SLUG).count() == 4
    anonymous = public.get(public_title=TURNING_18.public_title)
    assert anonymous.anonymous
    assert anonymous.public_name == ""
    assert TURNING_18.teller_name.split()[0] not in anonymous.public_text
    named = public.get(public_title=HEARD_AT_THE_TABLE.public_title)
    assert named.public_name == "Marion, moeder"
    assert named.teller_audience == "parent"
    assert public.get(public_title=WAITING_FOR_HELP.public_title).teller_audience == (
        "young_person"
    )
    for story in public:
        assert story.trajectory is not None
        assert story.moderated_by is not None
        assert story.consent_given_at < story.published_at
        # Places and schools taken out of the public version.
        for place in ("Heerlen", "Sittard", "Maastricht", "Sintermeertencollege"):
            assert place not in story.public_text


def test_p5_one_story_waits_for_moderation(stories):
    waiting = Story.objects.get(region__slug=SLUG, status=StoryStatus.SUBMITTED)
    assert waiting.title == WAITING_FOR_MODERATION.title
    assert waiting.anonymous
    assert waiting.public_text == ""


def test_p5_the_demo_mails_no_teller_and_the_stories_are_on_the_public_site(stories, client):
    assert not StoryMail.objects.filter(region__slug=SLUG).exists()
    tellers = {story.teller_email for story in (*PUBLISHED, WAITING_FOR_MODERATION)}
    assert not [m for m in stories if set(m.to) & tellers]
    response = client.get(reverse("story_public_list", args=[SLUG]))
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 3
    for story in PUBLISHED:
        assert story.teller_email.split("@")[0] not in response.content.decode()


def test_p5_a_second_run_adds_nothing(stories):
    region = Region.objects.get(slug=SLUG)
    created: Counter[str] = Counter()
    load_stories(region, None, User.objects.get(email__iexact=STAFF), created)
    assert not created
    assert Story.objects.filter(region=region).count() == 4

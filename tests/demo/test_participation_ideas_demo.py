"""The demo's ideas (P4) in Jeugdhulp Zuid-Limburg: most on the public site with several dozen
supports, three with the region's response, one waiting for a check, one declined; nobody
mailed, and nothing added by a second run. One load of the demo for the module, rolled back at
the end (`demo`, conftest.py); the ideas are loaded on top of it by their own loader (the lead
wires it into load_participation; then this call adds nothing)."""

from collections import Counter

import pytest
from django.core import mail
from django.test import TestCase, override_settings

from aantafel.accounts.models import User
from aantafel.demo.loader import QUIET
from aantafel.demo.participation import STAFF
from aantafel.demo.participation_ideas import DECLINED_TITLE, IDEAS, WAITING_TITLE, load_ideas
from aantafel.participation.models import Idea, IdeaMail, IdeaStatus, IdeaSupport, Trajectory
from aantafel.participation.services.ideas import public_ideas
from aantafel.regions.models import Region

pytestmark = pytest.mark.django_db

SLUG = "zuid-limburg"


def load_ideas_once() -> Counter:
    region = Region.objects.get(slug=SLUG)
    trajectory = Trajectory.objects.get(region=region)
    staff = User.objects.get(email__iexact=STAFF)
    created: Counter = Counter()
    with override_settings(**QUIET), TestCase.captureOnCommitCallbacks(execute=True):
        load_ideas(region, trajectory, staff, created)
    return created


@pytest.fixture(scope="module")
def ideas_demo(demo, django_db_blocker):
    """The ideas on top of the module's demo; the mails their commit sent."""
    with django_db_blocker.unblock():
        mail.outbox = []
        created = load_ideas_once()
        return {"created": created, "mails": list(mail.outbox)}


@pytest.mark.smoke
def test_p4_the_demo_has_public_ideas_with_support_and_responses(ideas_demo):
    region = Region.objects.get(slug=SLUG)
    ideas = Idea.objects.filter(region=region)
    assert ideas.count() == len(IDEAS)
    public = list(public_ideas(region))
    assert len(public) == 5
    assert public[0].support_count >= public[-1].support_count
    assert 30 <= IdeaSupport.objects.filter(idea__region=region).count() <= 100
    answered = ideas.filter(status=IdeaStatus.RESPONDED)
    assert answered.count() == 3
    for idea in answered:
        assert idea.response
        assert idea.responded_at > idea.created_at
        assert idea.created_at.year in (2023, 2024)
    assert ideas.get(title=WAITING_TITLE).status == IdeaStatus.SUBMITTED
    declined = ideas.get(title=DECLINED_TITLE)
    assert declined.status == IdeaStatus.DECLINED
    assert declined.decline_reason
    assert declined not in public
    # Authors are fictional: addresses at voorbeeld.example, or none.
    assert all(not i.author_email or i.author_email.endswith("@voorbeeld.example") for i in ideas)
    assert ideas.filter(author_name="").exists()  # someone who stays anonymous


@pytest.mark.smoke
def test_p4_the_demo_mails_nobody_and_a_second_run_adds_nothing(ideas_demo):
    assert not IdeaMail.objects.exists()
    assert all("@voorbeeld.example" not in " ".join(m.to) for m in ideas_demo["mails"])
    before = (Idea.objects.count(), IdeaSupport.objects.count())
    assert load_ideas_once() == Counter()
    assert (Idea.objects.count(), IdeaSupport.objects.count()) == before

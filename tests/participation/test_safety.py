"""Safety concerns (P5): staff flag a story, idea or campaign answer; the region's safeguarding
contact is mailed at once, with a link and never the text, and the item leaves every public view.
The pages against every role; the matrix walks aantafel.participation.urls_safety, so a new URL
without an entry here fails it."""

from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from aantafel.audit.models import AuditEvent
from aantafel.core.errors import DomainError
from aantafel.participation import models as p
from aantafel.participation.services.safety import flag_concern

from ..page_matrix import REDIRECT, answers, get, post, uncovered
from .factories_trajectories import TrajectoryFactory

ROLES = ["anonymous", "member", "supporter", "staff", "region_admin", "outsider"]
VIEW = {"member", "supporter", "staff", "region_admin"}
MANAGE = {"staff", "region_admin"}
URL_MODULES = ["aantafel.participation.urls_safety"]
SECRET = "Mijn stiefvader slaat me als mijn moeder weg is."


def make_story(region, **kw):
    now = timezone.now()
    return p.Story.objects.create(
        region=region,
        title="Wachten op hulp",
        text=SECRET,
        teller_name="Sanne",
        teller_email="sanne@voorbeeld.example",
        consent_given_at=now,
        status=p.StoryStatus.PUBLISHED,
        public_title="Wachten op hulp",
        public_text=SECRET,
        published_at=now,
        **kw,
    )


def make_idea(region):
    return p.Idea.objects.create(
        region=region, title="Een jongerenraad", text=SECRET, status=p.IdeaStatus.PUBLISHED
    )


def make_response(region):
    trajectory = TrajectoryFactory(region=region)
    campaign = p.Campaign.objects.create(
        region=region, trajectory=trajectory, title="Wat vind jij?", status=p.CampaignStatus.OPEN
    )
    question = p.Question.objects.create(
        region=region, campaign=campaign, kind=p.QuestionKind.OPEN, text="Wat kan beter?"
    )
    response = p.CampaignResponse.objects.create(region=region, campaign=campaign)
    p.Answer.objects.create(region=region, response=response, question=question, text=SECRET)
    return response


@pytest.fixture
def safeguarded(region):
    region.safeguarding_email = "veiligheid@voorbeeld.example"
    region.save(update_fields=["safeguarding_email"])
    return region


# --- The service -------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [make_story, make_idea, make_response], ids=lambda m: m.__name__)
def test_p5_a_flag_mails_the_safeguarding_contact_a_link_and_never_the_text(
    safeguarded, staff, make, mailoutbox, django_capture_on_commit_callbacks
):
    subject = make(safeguarded)
    with django_capture_on_commit_callbacks(execute=True):
        concern = flag_concern(actor=staff, subject=subject, reason="Zij noemt geweld thuis.")
    subject.refresh_from_db()
    assert subject.safety_flagged
    (message,) = mailoutbox
    assert message.to == ["veiligheid@voorbeeld.example"]
    assert SECRET not in message.body
    assert "Zij noemt geweld thuis." not in message.body
    assert "/regio/" in message.body  # the staff page, behind the login
    assert concern.mails.get().sent_at is not None
    assert AuditEvent.objects.filter(action="participation.safety_concern").count() == 1


def test_p5_a_flagged_story_and_idea_leave_the_public_site(region, staff):
    story, idea = make_story(region), make_idea(region)
    assert list(p.Story.objects.public()) == [story]
    assert list(p.Idea.objects.public()) == [idea]
    flag_concern(actor=staff, subject=story, reason="Zorgen")
    flag_concern(actor=staff, subject=idea, reason="Zorgen")
    assert not p.Story.objects.public().exists()
    assert not p.Idea.objects.public().exists()


def test_p5_a_flag_without_a_reason_is_refused_and_nothing_is_saved(safeguarded, staff):
    story = make_story(safeguarded)
    with pytest.raises(DomainError) as refused:
        flag_concern(actor=staff, subject=story, reason="   ")
    assert refused.value.field == "reason"
    story.refresh_from_db()
    assert not story.safety_flagged
    assert not p.SafetyConcern.objects.exists()
    assert not p.SafetyConcernMail.objects.exists()


def test_p5_without_a_safeguarding_address_the_concern_is_still_recorded(region, staff):
    assert region.safeguarding_email == ""
    story = make_story(region)
    concern = flag_concern(actor=staff, subject=story, reason="Zorgen")
    assert concern.story == story
    assert not p.SafetyConcernMail.objects.exists()


# --- The pages ---------------------------------------------------------------------------------


def region_(w):
    return [w.slug]


def own(kind):
    return lambda w: [w.slug, kind, getattr(w, kind).pk]


def foreign(w):
    return [w.slug, "verhaal", w.foreign.pk]


MATRIX = [
    get("safety_concern_list", region_, MANAGE),
    post("safety_concern_flag", own("verhaal"), MANAGE, ok=400, label="empty-reason"),
    post("safety_concern_flag", own("idee"), MANAGE, ok=400, label="idea"),
    post("safety_concern_flag", own("antwoord"), MANAGE, ok=400, label="answer"),
    post("safety_concern_flag", foreign, set(), hidden=VIEW, label="other-region"),
]


@pytest.fixture
def world(region, other_region, member, supporter, staff, region_admin, outsider):
    story = make_story(region)
    flag_concern(actor=staff, subject=make_story(region), reason="Eerder gemeld")
    return SimpleNamespace(
        users={
            "member": member,
            "supporter": supporter,
            "staff": staff,
            "region_admin": region_admin,
            "outsider": outsider,
        },
        slug=region.slug,
        verhaal=story,
        idee=make_idea(region),
        antwoord=make_response(region),
        foreign=make_story(other_region),
    )


@pytest.mark.parametrize("row", MATRIX, ids=[row.method_id for row in MATRIX])
def test_p5_every_safety_page_answers_each_role_as_documented(world, row):
    assert answers(world, row, ROLES) == {role: row.expected(role) for role in ROLES}


def test_every_url_of_safety_concerns_is_in_the_matrix():
    assert uncovered(MATRIX, URL_MODULES) == ([], [])


def test_p5_staff_flag_a_story_from_its_page_and_go_back_to_it(client, region, staff):
    story = make_story(region)
    client.force_login(staff)
    back = reverse("safety_concern_list", args=[region.slug]) + "?page=1"
    response = client.post(
        reverse("safety_concern_flag", args=[region.slug, "verhaal", story.pk]),
        {"reason": "Zij noemt geweld thuis.", "next": back},
    )
    assert (response.status_code, response["Location"]) == (REDIRECT, back)
    story.refresh_from_db()
    assert story.safety_flagged


def test_p5_the_flag_form_never_sends_staff_to_another_site(client, region, staff):
    story = make_story(region)
    client.force_login(staff)
    response = client.post(
        reverse("safety_concern_flag", args=[region.slug, "verhaal", story.pk]),
        {"reason": "Zorgen", "next": "https://elders.example/"},
    )
    assert response["Location"] == reverse("safety_concern_list", args=[region.slug])


def test_p5_an_unknown_kind_of_item_is_404(client, region, staff):
    client.force_login(staff)
    url = reverse("safety_concern_flag", args=[region.slug, "signaal", 1])
    assert client.post(url, {"reason": "x"}).status_code == 404


def test_p5_the_list_of_concerns_takes_a_fixed_number_of_queries(
    client, region, staff, django_assert_max_num_queries
):
    for _ in range(3):
        flag_concern(actor=staff, subject=make_story(region), reason="Zorgen")
    client.force_login(staff)
    url = reverse("safety_concern_list", args=[region.slug])
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for _ in range(20):
        flag_concern(actor=staff, subject=make_idea(region), reason="Zorgen")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)

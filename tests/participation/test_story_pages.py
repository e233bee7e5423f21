"""The pages of experience stories (P5): every page against every role, the public form and the
withdrawal link as a visitor meets them, the staff's moderation pages, and the query budgets.

The matrix is exhaustive by construction: `test_every_url_of_stories_is_in_the_matrix` walks
urls_stories and urls_public_stories, and a new URL without an entry here fails it. Public pages
(region_page=False) answer anyone, anonymous visitors and users of another region included."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from aantafel.participation import links_stories
from aantafel.participation.models import Story, StoryStatus
from aantafel.participation.services import stories as services
from aantafel.participation.views_public_stories import SUBMIT_LIMIT

from ..page_matrix import NOT_FOUND, OK, REDIRECT, answers, get, post, uncovered
from .factories_events import TrajectoryFactory
from .factories_stories import StoryFactory, published_stories

pytestmark = pytest.mark.django_db

URL_MODULES = ["aantafel.participation.urls_stories", "aantafel.participation.urls_public_stories"]
ROLES = ["anonymous", "member", "supporter", "staff", "region_admin", "outsider"]
MANAGE = {"staff", "region_admin"}  # participation.manage
EVERYONE = set(ROLES)

# The region; the count and the page of stories (one query, whatever the number).
PUBLIC_LIST_BUDGET = 3
# Session, user, two-factor check, region membership, body memberships, the region (the page's
# permission); the filter's trajectories, the count, the page, the number waiting.
STAFF_LIST_BUDGET = 10


def region_(w):
    return [w.slug]


def waiting(w):
    return [w.slug, w.story.pk]


def published(w):
    return [w.slug, w.published.pk]


def token(w):
    return [links_stories.token_for(w.published)]


MATRIX = [
    get("story_list", region_, MANAGE),
    get("story_detail", waiting, MANAGE),
    post("story_publish", waiting, MANAGE, ok=OK),  # empty: the page again with the errors
    post("story_reject", waiting, MANAGE, ok=OK),
    post("story_withdraw_staff", waiting, MANAGE, ok=OK),
    get("story_public_list", region_, EVERYONE, region_page=False),
    get("story_public_detail", published, EVERYONE, region_page=False),
    get("story_submit", region_, EVERYONE, region_page=False),
    post("story_submit", region_, EVERYONE, region_page=False, ok=OK),
    get("story_submit_thanks", region_, EVERYONE, region_page=False),
    get("story_withdraw", token, EVERYONE, region_page=False),
    post("story_withdraw", token, EVERYONE, region_page=False),
]


@pytest.fixture
def world(region, member, supporter, staff, region_admin, outsider):
    return SimpleNamespace(
        users={
            "member": member,
            "supporter": supporter,
            "staff": staff,
            "region_admin": region_admin,
            "outsider": outsider,
        },
        slug=region.slug,
        story=StoryFactory(region=region),
        published=StoryFactory(region=region, published=True),
    )


@pytest.mark.parametrize("row", MATRIX, ids=[row.method_id for row in MATRIX])
def test_p5_every_page_of_stories_answers_each_role_as_documented(world, row):
    """Each role's request runs in a savepoint that is rolled back, so every role meets the
    same scene."""
    assert answers(world, row, ROLES) == {role: row.expected(role) for role in ROLES}


def test_every_url_of_stories_is_in_the_matrix():
    """A new URL without an entry in the matrix fails the test."""
    assert uncovered(MATRIX, URL_MODULES) == ([], [])


def test_p5_a_story_of_another_region_is_404(client, staff, region, other_region):
    foreign = StoryFactory(region=other_region, published=True)
    client.force_login(staff)
    assert client.get(reverse("story_detail", args=[region.slug, foreign.pk])).status_code == 404
    for name in ("story_publish", "story_reject", "story_withdraw_staff"):
        url = reverse(name, args=[region.slug, foreign.pk])
        assert client.post(url, {"reason": "x"}).status_code == NOT_FOUND
    url = reverse("story_public_detail", args=[region.slug, foreign.pk])
    assert client.get(url).status_code == NOT_FOUND
    foreign.refresh_from_db()
    assert foreign.status == StoryStatus.PUBLISHED


@pytest.mark.parametrize("trait", [{}, {"rejected": True}, {"published": True}])
def test_p5_only_published_unflagged_stories_are_on_the_public_site(client, region, trait):
    story = StoryFactory(region=region, **trait)
    url = reverse("story_public_detail", args=[region.slug, story.pk])
    expected = 200 if trait.get("published") else 404
    assert client.get(url).status_code == expected
    Story.objects.filter(pk=story.pk).update(safety_flagged=True)
    assert client.get(url).status_code == NOT_FOUND
    listed = client.get(reverse("story_public_list", args=[region.slug]))
    assert list(listed.context["page"].object_list) == []


# --- Telling a story on the public site ----------------------------------------------------------
def _tell(client, region, **extra):
    data = {
        "title": "Wachten",
        "text": "Ik wachtte lang.",
        "teller_name": "Sam",
        "teller_email": "sam@voorbeeld.example",
        "teller_audience": "young_person",
        "consent": "on",
    } | extra
    return client.post(reverse("story_submit", args=[region.slug]), data)


def test_p5_the_form_asks_consent_unticked_and_shows_the_safety_line(client, region):
    response = client.get(reverse("story_submit", args=[region.slug]))
    html = response.content.decode()
    assert region.safety_contact_line in html
    assert 'name="consent"' in html
    assert 'name="consent" checked' not in html
    assert not response.context["form"]["consent"].value()
    assert 'name="anonymous"' in html


def test_p5_without_the_consent_box_the_form_says_so_beside_it(client, region):
    data = {"consent": ""}
    response = _tell(client, region, **data)
    assert response.status_code == OK
    assert "consent" in response.context["form"].errors
    assert not Story.objects.exists()


def test_p5_telling_a_story_leads_to_the_thanks_page_with_nothing_in_the_url(client, region):
    trajectory = TrajectoryFactory(region=region, published=True)
    response = _tell(client, region, anonymous="on")
    thanks = reverse("story_submit_thanks", args=[region.slug])
    assert (response.status_code, response["Location"]) == (REDIRECT, thanks)
    story = Story.objects.get()
    assert (story.anonymous, story.trajectory, story.status) == (
        True,
        trajectory,
        StoryStatus.SUBMITTED,
    )
    page = client.get(thanks)
    assert page.context["submitted"] is True
    assert region.safety_contact_line in page.content.decode()


def test_p5_the_honeypot_keeps_robots_out(client, region):
    response = _tell(client, region, website="http://spam.example")
    assert response.status_code == REDIRECT
    assert not Story.objects.exists()


def test_p5_stories_are_limited_per_client(client, region):
    for i in range(SUBMIT_LIMIT.limit):
        assert _tell(client, region, title=f"Verhaal {i}").status_code == REDIRECT
    response = _tell(client, region, title="Een te veel")
    assert response.status_code == 429
    assert region.safety_contact_line in response.content.decode()
    assert Story.objects.count() == SUBMIT_LIMIT.limit
    page = client.get(reverse("story_submit", args=[region.slug]))
    assert page.context["too_many"] is True
    assert 'name="text"' not in page.content.decode()


# --- The withdrawal link -------------------------------------------------------------------------
def test_p5_withdrawing_by_the_link_asks_first_then_takes_it_offline(client, region):
    story = StoryFactory(region=region, published=True)
    url = reverse("story_withdraw", args=[links_stories.token_for(story)])
    public = reverse("story_public_detail", args=[region.slug, story.pk])

    response = client.get(url)
    assert (response.status_code, response.context["state"]) == (OK, "confirm")
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert 'method="post" class="aantafel-form"' in response.content.decode()
    assert client.get(public).status_code == OK  # a GET changes nothing

    response = client.post(url)
    assert (response.status_code, response["Location"]) == (REDIRECT, url)
    assert client.get(public).status_code == NOT_FOUND
    response = client.get(url)
    assert (response.status_code, response.context["state"]) == (OK, "done")
    assert region.safety_contact_line in response.content.decode()

    # The link again, in another browser: used already, said plainly, nothing to press.
    again = client.__class__()
    response = again.get(url)
    assert (response.status_code, response.context["state"]) == (409, "already_withdrawn")
    assert 'method="post" class="aantafel-form"' not in response.content.decode()
    response = again.post(url)
    assert (response.status_code, response.context["state"]) == (409, "already_withdrawn")


def test_p5_a_forged_withdrawal_link_shows_a_friendly_page_and_changes_nothing(client, region):
    story = StoryFactory(region=region, published=True)
    token = links_stories.token_for(story)
    for forged in (str(story.key), token[:-2] + "xx", "onzin"):
        url = reverse("story_withdraw", args=[forged])
        response = client.get(url)
        assert (response.status_code, response.context["state"]) == (NOT_FOUND, "unknown_link")
        assert client.post(url).status_code == NOT_FOUND
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED


# --- Moderation on the staff pages ---------------------------------------------------------------
def test_p5_staff_see_the_original_and_the_teller_and_publish_anonymised(client, region, staff):
    story = StoryFactory(region=region, anonymous=True, teller_name="Kim Jansen")
    client.force_login(staff)
    detail = reverse("story_detail", args=[region.slug, story.pk])
    response = client.get(detail)
    html = response.content.decode()
    assert story.text in html
    assert story.teller_email in html
    assert response.context["publish_form"].initial["public_name"] == ""
    assert 'hx-post="' in html  # the readability indicator on the public text
    url = reverse("story_publish", args=[region.slug, story.pk])
    data = {"public_title": "Wachten", "public_text": "Ik wachtte lang.", "public_name": "Kim"}
    response = client.post(url, data)
    assert response.status_code == OK
    assert "public_name" in response.context["publish_form"].errors
    response = client.post(url, data | {"public_name": ""})
    assert (response.status_code, response["Location"]) == (REDIRECT, detail)
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED
    public = client.get(reverse("story_public_list", args=[region.slug])).content.decode()
    assert "Ik wachtte lang." in public
    assert "Kim" not in public


def test_p5_staff_turn_down_and_withdraw_from_the_story_page(client, region, staff):
    story = StoryFactory(region=region, published=True)
    client.force_login(staff)
    reject = reverse("story_reject", args=[region.slug, story.pk])
    assert client.post(reject, {"reject-reason": "Te herkenbaar."}).status_code == REDIRECT
    assert Story.objects.get(pk=story.pk).status == StoryStatus.REJECTED
    withdraw = reverse("story_withdraw_staff", args=[region.slug, story.pk])
    response = client.post(withdraw, {"withdraw-reason": ""})
    assert "reason" in response.context["withdraw_form"].errors
    assert client.post(withdraw, {"withdraw-reason": "Belde."}).status_code == REDIRECT
    story.refresh_from_db()
    assert (story.status, story.text) == (StoryStatus.WITHDRAWN, "")
    page = client.get(reverse("story_detail", args=[region.slug, story.pk]))
    assert page.status_code == OK
    assert 'name="reject-reason"' not in page.content.decode()


def test_p5_the_staff_list_filters_by_status_and_trajectory(client, region, staff):
    trajectory = TrajectoryFactory(region=region)
    waiting_story = StoryFactory(region=region, trajectory=trajectory)
    StoryFactory(region=region, published=True)
    client.force_login(staff)
    url = reverse("story_list", args=[region.slug])
    response = client.get(url, {"status": "submitted"})
    assert list(response.context["page"].object_list) == [waiting_story]
    response = client.get(url, {"trajectory": trajectory.pk})
    assert list(response.context["page"].object_list) == [waiting_story]
    assert response.context["waiting"] == 1
    # A filter that makes no sense shows everything, never an error.
    assert len(client.get(url, {"status": "nonsense"}).context["page"].object_list) == 2


# --- Query budgets -------------------------------------------------------------------------------
@pytest.mark.parametrize("count", [2, 50])
def test_p5_the_public_list_has_a_fixed_query_budget(
    client, region, count, django_assert_num_queries
):
    published_stories(region, count)
    url = reverse("story_public_list", args=[region.slug])
    with django_assert_num_queries(PUBLIC_LIST_BUDGET):
        response = client.get(url)
    assert response.context["page"].paginator.count == count


@pytest.mark.parametrize("count", [2, 50])
def test_p5_the_staff_list_has_a_fixed_query_budget(
    client, region, staff, count, django_assert_num_queries
):
    trajectory = TrajectoryFactory(region=region)
    for story in published_stories(region, count):
        story.trajectory = trajectory
    Story.objects.filter(region=region).update(trajectory=trajectory)
    client.force_login(staff)
    url = reverse("story_list", args=[region.slug])
    client.get(url)  # the session and the login settle first
    with django_assert_num_queries(STAFF_LIST_BUDGET):
        response = client.get(url, {"page": 2} if count > 25 else {})
    assert response.status_code == OK


def test_p5_withdrawn_story_is_gone_from_the_list_on_the_next_request(client, region):
    story = StoryFactory(region=region, published=True)
    url = reverse("story_public_list", args=[region.slug])
    assert list(client.get(url).context["page"].object_list) == [story]
    services.story_withdraw(story=story)
    assert list(client.get(url).context["page"].object_list) == []

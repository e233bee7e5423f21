"""The pages of ideas (P4): every page against every role, the public pages as a visitor meets
them (submit, support once, read the response), the staff's check and response, the export,
and the query budgets.

The matrix is exhaustive by construction: `test_every_url_of_ideas_is_in_the_matrix` walks
urls_ideas and urls_public_ideas, and a new URL without an entry here fails it. Public pages
(region_page=False) answer anyone, anonymous visitors and users of another region included.
"""

import csv
import io
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils.translation import gettext
from openpyxl import load_workbook

from aantafel.participation.models import Idea, IdeaMail, IdeaStatus, IdeaSupport
from aantafel.participation.views_public_ideas import SUBMIT_LIMIT

from ..page_matrix import NOT_FOUND, OK, REDIRECT, answers, form, get, post, uncovered
from .factories_ideas import IdeaFactory, supports
from .factories_trajectories import PillarFactory, TrajectoryFactory

pytestmark = pytest.mark.django_db

URL_MODULES = ["aantafel.participation.urls_ideas", "aantafel.participation.urls_public_ideas"]
ROLES = ["anonymous", "member", "supporter", "staff", "region_admin", "outsider"]
MANAGE = {"staff", "region_admin"}  # participation.manage
EVERYONE = set(ROLES)
EMAIL = "verborgen@voorbeeld.example"

# Session, user, two-factor check, region membership, body memberships, the region; the count
# waiting for a check, the filter's trajectories and pillars; the count and the page's rows.
STAFF_LIST_BUDGET = 11
# The region; the count and the page of ideas with their support (one query, whatever the number).
PUBLIC_LIST_BUDGET = 3


def region_(w):
    return [w.slug]


def published(w):
    return [w.slug, w.published.pk]


def submitted(w):
    return [w.slug, w.submitted.pk]


MATRIX = [
    get("idea_list", region_, MANAGE),
    get("idea_export", lambda w: [w.slug, "csv"], MANAGE, label="csv"),
    get("idea_export", lambda w: [w.slug, "xlsx"], MANAGE, label="xlsx"),
    get("idea_detail", submitted, MANAGE),
    post("idea_publish", submitted, MANAGE),
    post("idea_decline", submitted, MANAGE, ok=OK),  # no reason: the form with its error
    post("idea_respond", published, MANAGE, ok=OK),  # no text: the form with its error
    get("idea_public_list", region_, EVERYONE, region_page=False),
    get("idea_public_detail", published, EVERYONE, region_page=False),
    *form("idea_submit", region_, EVERYONE, region_page=False),
    get("idea_submit_thanks", region_, EVERYONE, region_page=False),
    post("idea_support", published, EVERYONE, region_page=False),
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
        published=IdeaFactory(region=region),
        submitted=IdeaFactory(region=region, submitted=True),
    )


@pytest.mark.parametrize("row", MATRIX, ids=[row.method_id for row in MATRIX])
def test_p4_every_page_of_ideas_answers_each_role_as_documented(world, row):
    """Each role's request runs in a savepoint that is rolled back, so every role meets the
    same scene."""
    assert answers(world, row, ROLES) == {role: row.expected(role) for role in ROLES}


def test_every_url_of_ideas_is_in_the_matrix():
    """A new URL without an entry in the matrix fails the test."""
    assert uncovered(MATRIX, URL_MODULES) == ([], [])


def test_p4_an_idea_of_another_region_is_404_for_staff(client, staff, region, other_region):
    foreign = IdeaFactory(region=other_region, submitted=True)
    client.force_login(staff)
    assert client.get(reverse("idea_detail", args=[region.slug, foreign.pk])).status_code == 404
    for name in ("idea_publish", "idea_decline", "idea_respond"):
        url = reverse(name, args=[region.slug, foreign.pk])
        assert client.post(url, {"reason": "x", "response": "x"}).status_code == NOT_FOUND
    foreign.refresh_from_db()
    assert foreign.status == IdeaStatus.SUBMITTED
    assert client.get(reverse("idea_export", args=[region.slug, "pdf"])).status_code == NOT_FOUND


def test_p4_non_public_ideas_are_404_on_the_public_site(client, region, other_region):
    hidden = [
        IdeaFactory(region=region, submitted=True),
        IdeaFactory(region=region, declined=True),
        IdeaFactory(region=region, flagged=True),
        IdeaFactory(region=other_region),
    ]
    for idea in hidden:
        assert (
            client.get(reverse("idea_public_detail", args=[region.slug, idea.pk])).status_code
            == 404
        )
        assert client.post(reverse("idea_support", args=[region.slug, idea.pk])).status_code == 404
    shown = IdeaFactory(region=region)
    response = client.get(reverse("idea_public_list", args=[region.slug]))
    assert list(response.context["page"].object_list) == [shown]
    assert not IdeaSupport.objects.exists()


def test_p4_the_public_pages_never_show_the_authors_address(client, region):
    named = IdeaFactory(region=region, author_email=EMAIL, author_name="Sam", responded=True)
    anonymous = IdeaFactory(region=region, author_email=EMAIL, author_name="")
    listing = client.get(reverse("idea_public_list", args=[region.slug])).content.decode()
    assert EMAIL not in listing
    assert "Sam" in listing
    for idea in (named, anonymous):
        page = client.get(reverse("idea_public_detail", args=[region.slug, idea.pk]))
        assert EMAIL not in page.content.decode()
    page = client.get(reverse("idea_public_detail", args=[region.slug, anonymous.pk]))
    assert gettext("By someone who stays anonymous") in page.content.decode()
    assert region.safety_contact_line in page.content.decode()


# --- Support ---------------------------------------------------------------------------------------
def test_p4_a_visitor_supports_once_without_an_account(client, region):
    idea = IdeaFactory(region=region)
    detail = reverse("idea_public_detail", args=[region.slug, idea.pk])
    url = reverse("idea_support", args=[region.slug, idea.pk])
    assert client.get(detail).context["supported"] is False
    response = client.post(url)
    assert (response.status_code, response["Location"]) == (REDIRECT, detail + "#support")
    page = client.get(detail)
    assert page.context["supported"] is True
    assert page.context["idea"].support_count == 1
    response = client.post(url, follow=True)  # twice: a plain message, counted once
    assert [str(m) for m in response.context["messages"]] == [
        gettext("You already support this idea.")
    ]
    assert idea.supports.count() == 1
    client.__class__().post(url)  # another browser: another person
    assert idea.supports.count() == 2


def test_p4_a_logged_in_user_supports_once_in_any_browser(client, region, member):
    idea = IdeaFactory(region=region)
    url = reverse("idea_support", args=[region.slug, idea.pk])
    client.force_login(member)
    client.post(url)
    other = client.__class__()
    other.force_login(member)
    other.post(url)
    assert idea.supports.count() == 1


# --- Submitting ------------------------------------------------------------------------------------
def _submit(client, region, **data):
    values = {"title": "Meer jongerenwerk", "text": "Een plek om te praten na school."} | data
    return client.post(reverse("idea_submit", args=[region.slug]), values)


def test_p4_a_visitor_submits_an_idea_and_reads_what_happens_next(client, region, mailoutbox):
    trajectory = TrajectoryFactory(region=region, public=True)
    pillar = PillarFactory(trajectory=trajectory)
    page = client.get(reverse("idea_submit", args=[region.slug]))
    assert region.safety_contact_line in page.content.decode()
    assert list(page.context["form"].fields["pillar"].queryset) == [pillar]
    response = _submit(
        client, region, author_email=EMAIL, pillar=pillar.pk, author_audience="parent"
    )
    thanks = reverse("idea_submit_thanks", args=[region.slug])
    assert (response.status_code, response["Location"]) == (REDIRECT, thanks)
    idea = Idea.objects.get()
    assert (idea.status, idea.pillar, idea.trajectory) == (IdeaStatus.SUBMITTED, pillar, trajectory)
    assert list(IdeaMail.objects.values_list("kind", flat=True)) == ["receipt"]
    page = client.get(thanks)
    assert page.context["with_email"] is True
    assert region.safety_contact_line in page.content.decode()
    # Not public until staff checked it.
    detail = reverse("idea_public_detail", args=[region.slug, idea.pk])
    assert client.get(detail).status_code == NOT_FOUND


def test_p4_an_empty_idea_on_the_public_form_is_refused_beside_its_field(client, region):
    response = _submit(client, region, text="   ", author_email="geen-adres")
    assert response.status_code == OK
    assert set(response.context["form"].errors) == {"text", "author_email"}
    assert not Idea.objects.exists()


def test_p4_the_public_form_has_no_pillar_question_without_a_public_trajectory(client, region):
    PillarFactory(trajectory=TrajectoryFactory(region=region))  # not on the public site
    page = client.get(reverse("idea_submit", args=[region.slug]))
    assert "pillar" not in page.context["form"].fields


def test_p4_the_honeypot_keeps_robots_out(client, region):
    response = _submit(client, region, website="http://spam.example")
    assert response.status_code == REDIRECT
    assert not Idea.objects.exists()


def test_p4_ideas_are_limited_per_client(client, region):
    for i in range(SUBMIT_LIMIT.limit):
        assert _submit(client, region, title=f"Idee {i}").status_code == REDIRECT
    response = _submit(client, region, title="Een te veel")
    assert response.status_code == 429
    assert region.safety_contact_line in response.content.decode()
    assert Idea.objects.count() == SUBMIT_LIMIT.limit
    page = client.get(reverse("idea_submit", args=[region.slug]))
    assert page.context["too_many"] is True
    assert 'name="text"' not in page.content.decode()


# --- Staff -----------------------------------------------------------------------------------------
def test_p4_staff_publish_decline_and_respond_from_the_idea_page(client, region, staff):
    idea = IdeaFactory(region=region, submitted=True, author_email=EMAIL)
    client.force_login(staff)
    detail = reverse("idea_detail", args=[region.slug, idea.pk])
    page = client.get(detail)
    assert EMAIL in page.content.decode()  # staff see the address, the public never
    assert (
        reverse("safety_concern_flag", args=[region.slug, "idee", idea.pk]) in page.content.decode()
    )
    response = client.post(reverse("idea_publish", args=[region.slug, idea.pk]))
    assert (response.status_code, response["Location"]) == (REDIRECT, detail)
    response = client.post(reverse("idea_respond", args=[region.slug, idea.pk]), {"response": ""})
    assert response.status_code == OK
    assert "response" in response.context["response_form"].errors
    response = client.post(
        reverse("idea_respond", args=[region.slug, idea.pk]), {"response": "We doen het."}
    )
    assert response.status_code == REDIRECT
    idea.refresh_from_db()
    assert (idea.status, idea.response) == (IdeaStatus.RESPONDED, "We doen het.")
    public = client.get(reverse("idea_public_detail", args=[region.slug, idea.pk]))
    assert "We doen het." in public.content.decode()
    # A publish of an answered idea: refused with a message, nothing changes.
    response = client.post(reverse("idea_publish", args=[region.slug, idea.pk]), follow=True)
    assert [m.level_tag for m in response.context["messages"]][-1] == "error"


def test_p4_a_decline_without_a_reason_comes_back_beside_its_field(client, region, staff):
    idea = IdeaFactory(region=region, submitted=True)
    client.force_login(staff)
    url = reverse("idea_decline", args=[region.slug, idea.pk])
    response = client.post(url, {"reason": " "})
    assert response.status_code == OK
    assert "reason" in response.context["decline_form"].errors
    assert client.post(url, {"reason": "Er staan namen in."}).status_code == REDIRECT
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.DECLINED


def test_p4_the_staff_list_filters_and_sorts_by_support(client, region, staff):
    quiet = IdeaFactory(region=region, title="Stil idee")
    popular = IdeaFactory(region=region, title="Populair idee", responded=True)
    supports(popular, 4)
    waiting = IdeaFactory(region=region, submitted=True, title="Nog te bekijken")
    client.force_login(staff)
    url = reverse("idea_list", args=[region.slug])

    def titles(**query):
        return [i.title for i in client.get(url, query).context["page"].object_list]

    assert titles(sort="support")[0] == popular.title
    assert titles(status="submitted") == [waiting.title]
    assert set(titles(responded="no")) == {quiet.title, waiting.title}
    assert titles(q="populair") == [popular.title]
    assert client.get(url).context["waiting"] == 1


def test_p4_the_export_holds_the_support_and_no_addresses(client, region, staff):
    idea = IdeaFactory(region=region, title="=HYPERLINK(1)", author_email=EMAIL, responded=True)
    supports(idea, 3)
    IdeaFactory(region=region, submitted=True)
    client.force_login(staff)
    response = client.get(reverse("idea_export", args=[region.slug, "csv"]), {"responded": "yes"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[1][0] == "'=HYPERLINK(1)"  # a formula stays text
    assert rows[1][3] == "3"
    assert EMAIL not in response.content.decode()
    response = client.get(reverse("idea_export", args=[region.slug, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(values) == 3
    assert 3 in [row[3] for row in values]
    assert EMAIL not in str(values)


# --- Query budgets ---------------------------------------------------------------------------------
@pytest.mark.parametrize("count", [3, 100])
def test_p4_the_public_list_has_a_fixed_query_budget(
    client, region, count, django_assert_num_queries
):
    for i in range(count):
        supports(IdeaFactory(region=region, responded=i % 3 == 0), i % 4)
    url = reverse("idea_public_list", args=[region.slug])
    with django_assert_num_queries(PUBLIC_LIST_BUDGET):
        response = client.get(url, {"page": 2} if count > 20 else {})
    assert response.context["page"].paginator.count == count


def test_p4_the_public_idea_page_has_a_fixed_query_budget(
    client, region, django_assert_max_num_queries
):
    idea = IdeaFactory(region=region, responded=True)
    supports(idea, 50)
    with django_assert_max_num_queries(3):
        response = client.get(reverse("idea_public_detail", args=[region.slug, idea.pk]))
    assert response.context["idea"].support_count == 50


@pytest.mark.parametrize("count", [3, 100])
def test_p4_the_staff_list_has_a_fixed_query_budget(
    client, region, staff, count, django_assert_num_queries
):
    pillar = PillarFactory(trajectory=TrajectoryFactory(region=region))
    for i in range(count):
        supports(IdeaFactory(region=region, pillar=pillar, trajectory=pillar.trajectory), i % 3)
    client.force_login(staff)
    url = reverse("idea_list", args=[region.slug])
    client.get(url)  # the session and the login settle first
    with django_assert_num_queries(STAFF_LIST_BUDGET):
        response = client.get(url, {"sort": "support", "page": 2} if count > 25 else {})
    assert response.status_code == OK
    assert response.context["page"].paginator.count == count

"""The pages of input campaigns and the plan (P3): every page against every role, the public
answer page as a young person meets it, staff entry, coding, the export, and the query budgets.

The matrix is exhaustive by construction: `test_every_url_of_campaigns_is_in_the_matrix` walks
urls_campaigns, urls_plan and urls_public_campaigns, and a new URL without an entry fails it.
Public pages (region_page=False) answer anyone, anonymous visitors and users of another region
included.
"""

import csv
import io
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext

from aantafel.participation.models import (
    Answer,
    CampaignResponse,
    CampaignStatus,
    QuestionKind,
    ResponseChannel,
)
from aantafel.participation.services import coding, plan
from aantafel.participation.views_public_campaigns import ANSWER_LIMIT
from aantafel.reports.exports import XLSX_TYPE

from ..page_matrix import NOT_FOUND, OK, REDIRECT, answers, form, get, post, uncovered
from .factories_campaigns import CampaignFactory, QuestionFactory, questions, responses
from .factories_trajectories import PillarFactory, TrajectoryFactory

pytestmark = pytest.mark.django_db

URL_MODULES = [
    "aantafel.participation.urls_campaigns",
    "aantafel.participation.urls_plan",
    "aantafel.participation.urls_public_campaigns",
]
ROLES = ["anonymous", "member", "supporter", "staff", "region_admin", "outsider"]
VIEW = {"member", "supporter", "staff", "region_admin"}  # participation.view
MANAGE = {"staff", "region_admin"}  # participation.manage
EVERYONE = set(ROLES)

# Session, user, two-factor check, region membership, body memberships, the region; the
# campaign; the results' seven (questions, answers grouped, uncoded, themes, themes per
# question, per channel, per group); the permission check for the export link is cached.
RESULTS_BUDGET = 14
# The region; the campaign; its questions.
PUBLIC_ANSWER_BUDGET = 3


def region_(w):
    return [w.slug]


def open_(w):
    return [w.slug, w.campaign.pk]


def draft(w):
    return [w.slug, w.draft.pk]


def draft_question(w):
    return [w.slug, w.draft.pk, w.draft_question.pk]


def open_question(w):
    return [w.slug, w.campaign.pk, w.open_question.pk]


def csv_(w):
    return [w.slug, w.campaign.pk, "csv"]


def response(w):
    return [w.slug, w.campaign.pk, w.response.pk]


def theme(w):
    return [w.slug, w.campaign.pk, w.theme.pk]


def trajectory(w):
    return [w.slug, w.trajectory.pk]


def action(w):
    return [w.slug, w.trajectory.pk, w.action.pk]


MATRIX = [
    get("campaign_list", region_, VIEW),
    *form("campaign_create", region_, MANAGE),
    get("campaign_detail", open_, VIEW),
    *form("campaign_edit", open_, MANAGE),
    post("campaign_open", draft, MANAGE),
    post("campaign_close", open_, MANAGE),
    *form("campaign_question_add", draft, MANAGE),
    *form("campaign_question_edit", draft_question, MANAGE),
    post("campaign_question_move", draft_question, MANAGE),
    post("campaign_question_remove", draft_question, MANAGE),
    get("campaign_coding", open_question, MANAGE),
    post("campaign_coding", open_question, MANAGE),
    get("campaign_results", open_, VIEW),
    get("campaign_export", csv_, MANAGE),
    get("campaign_responses", open_, MANAGE),
    *form("campaign_response_enter", open_, MANAGE),
    get("campaign_response_detail", response, MANAGE),
    *form("campaign_themes", open_, MANAGE),
    *form("campaign_theme_edit", theme, MANAGE),
    get("plan_index", region_, VIEW),
    get("plan_detail", trajectory, VIEW),
    *form("plan_action_create", trajectory, MANAGE),
    *form("plan_action_edit", action, MANAGE),
    get("campaign_public_list", region_, EVERYONE, region_page=False),
    *form("campaign_answer", open_, EVERYONE, region_page=False),
    get("campaign_answer_thanks", open_, EVERYONE, region_page=False),
]


@pytest.fixture
def world(region, member, supporter, staff, region_admin, outsider):
    trajectory = TrajectoryFactory(region=region)
    campaign = CampaignFactory(trajectory=trajectory)
    _choice, _rating, open_question = questions(campaign)
    made = responses(campaign, 3)
    theme = coding.theme_create(actor=staff, campaign=campaign, name="Wachtlijsten")
    drafted = CampaignFactory(trajectory=trajectory, draft=True)
    return SimpleNamespace(
        users={
            "member": member,
            "supporter": supporter,
            "staff": staff,
            "region_admin": region_admin,
            "outsider": outsider,
        },
        slug=region.slug,
        trajectory=trajectory,
        campaign=campaign,
        open_question=open_question,
        response=made[0],
        theme=theme,
        draft=drafted,
        draft_question=QuestionFactory(campaign=drafted),
        action=plan.plan_action_create(
            actor=staff, trajectory=trajectory, title="Wachttijd zichtbaar", themes=[theme]
        ),
    )


@pytest.mark.parametrize("row", MATRIX, ids=[row.method_id for row in MATRIX])
def test_p3_every_page_of_campaigns_answers_each_role_as_documented(world, row):
    """Each role's request runs in a savepoint that is rolled back, so every role meets the
    same scene."""
    assert answers(world, row, ROLES) == {role: row.expected(role) for role in ROLES}


def test_every_url_of_campaigns_is_in_the_matrix():
    """A new URL without an entry in the matrix fails the test."""
    assert uncovered(MATRIX, URL_MODULES) == ([], [])


def test_p3_a_campaign_of_another_region_is_404(client, staff, region, other_region):
    foreign = CampaignFactory(trajectory=TrajectoryFactory(region=other_region))
    _c, _r, question = questions(foreign)
    [made] = responses(foreign, 1)
    client.force_login(staff)
    for name in ("campaign_detail", "campaign_results", "campaign_responses", "campaign_edit"):
        assert client.get(reverse(name, args=[region.slug, foreign.pk])).status_code == NOT_FOUND
    url = reverse("campaign_response_detail", args=[region.slug, foreign.pk, made.pk])
    assert client.get(url).status_code == NOT_FOUND
    url = reverse("campaign_coding", args=[region.slug, foreign.pk, question.pk])
    assert client.post(url).status_code == NOT_FOUND
    assert client.post(reverse("campaign_close", args=[region.slug, foreign.pk])).status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == CampaignStatus.OPEN


# --- The public answer page ----------------------------------------------------------------------
def _answer(client, campaign, data):
    return client.post(reverse("campaign_answer", args=[campaign.region.slug, campaign.pk]), data)


def test_p3_a_young_person_answers_on_one_page_and_is_thanked(client, region):
    campaign = CampaignFactory(trajectory=TrajectoryFactory(region=region))
    choice, rating, open_ = questions(campaign)
    url = reverse("campaign_answer", args=[region.slug, campaign.pk])
    page = client.get(url)
    body = page.content.decode()
    assert region.safety_contact_line in body
    assert (
        gettext(
            "This is anonymous. We do not ask your name and nobody can see who gave which answer."
        )
        in body
    )
    assert "respondent_name" not in page.context["form"].fields
    assert [v for v, _l in page.context["form"].fields[f"question_{rating.pk}"].choices] == [
        1,
        2,
        3,
        4,
        5,
    ]
    assert f'type="radio" name="question_{choice.pk}"' in body
    response = _answer(
        client,
        campaign,
        {
            f"question_{choice.pk}": "Goed",
            f"question_{rating.pk}": "4",
            f"question_{open_.pk}": "Sneller hulp",
            "audience": "young_person",
            "respondent_name": "Sam",
        },
    )
    thanks = reverse("campaign_answer_thanks", args=[region.slug, campaign.pk])
    assert (response.status_code, response["Location"]) == (REDIRECT, thanks)
    saved = CampaignResponse.objects.get(campaign=campaign)
    assert (saved.channel, saved.audience, saved.respondent_name) == ("online", "young_person", "")
    assert client.get(thanks).context["answered"] is True


def test_p3_a_named_campaign_asks_the_name_and_says_it_is_not_anonymous(client, region):
    campaign = CampaignFactory(trajectory=TrajectoryFactory(region=region), named=True)
    question = QuestionFactory(campaign=campaign, kind=QuestionKind.OPEN)
    page = client.get(reverse("campaign_answer", args=[region.slug, campaign.pk]))
    assert "respondent_name" in page.context["form"].fields
    _answer(
        client,
        campaign,
        {f"question_{question.pk}": "Meer tijd", "audience": "parent", "respondent_name": "Kim"},
    )
    assert CampaignResponse.objects.get().respondent_name == "Kim"


def test_p3_a_bad_answer_shows_beside_its_question_and_saves_nothing(client, region):
    campaign = CampaignFactory(trajectory=TrajectoryFactory(region=region))
    choice, rating, _open = questions(campaign)
    response = _answer(
        client,
        campaign,
        {f"question_{choice.pk}": "Super", f"question_{rating.pk}": "6", "audience": "parent"},
    )
    assert response.status_code == OK
    errors = response.context["form"].errors
    assert f"question_{choice.pk}" in errors
    assert f"question_{rating.pk}" in errors
    assert not CampaignResponse.objects.exists()


def test_p3_a_draft_is_404_and_a_closed_campaign_says_so_and_saves_nothing(
    client, region, other_region
):
    trajectory = TrajectoryFactory(region=region)
    drafted = CampaignFactory(trajectory=trajectory, draft=True)
    foreign = CampaignFactory(trajectory=TrajectoryFactory(region=other_region))
    for campaign in (drafted, foreign):
        for name in ("campaign_answer", "campaign_answer_thanks"):
            url = reverse(name, args=[region.slug, campaign.pk])
            assert client.get(url).status_code == NOT_FOUND
    for closed in (
        CampaignFactory(trajectory=trajectory, closed=True),
        CampaignFactory(trajectory=trajectory, expired=True),
    ):
        choice, *_ = questions(closed)
        url = reverse("campaign_answer", args=[region.slug, closed.pk])
        page = client.get(url)
        assert page.status_code == OK
        assert 'id="campaign-closed"' in page.content.decode()
        assert 'name="audience"' not in page.content.decode()
        response = _answer(client, closed, {f"question_{choice.pk}": "Goed", "audience": "parent"})
        assert response.status_code == OK
        assert 'id="campaign-closed"' in response.content.decode()
    assert not CampaignResponse.objects.exists()
    listed = client.get(reverse("campaign_public_list", args=[region.slug]))
    assert list(listed.context["campaigns"]) == []


def test_p3_answers_are_limited_per_client_and_robots_are_kept_out(client, region):
    campaign = CampaignFactory(trajectory=TrajectoryFactory(region=region))
    question = QuestionFactory(campaign=campaign, kind=QuestionKind.OPEN)
    data = {f"question_{question.pk}": "Meer tijd", "audience": "parent"}
    assert _answer(client, campaign, data | {"website": "spam"}).status_code == REDIRECT
    assert not CampaignResponse.objects.exists()
    for _ in range(ANSWER_LIMIT.limit - 1):
        assert _answer(client, campaign, data).status_code == REDIRECT
    response = _answer(client, campaign, data)
    assert response.status_code == 429
    assert region.safety_contact_line in response.content.decode()
    assert CampaignResponse.objects.count() == ANSWER_LIMIT.limit - 1


# --- Staff work ----------------------------------------------------------------------------------
def test_p3_staff_enter_a_paper_response_marked_as_such(client, region, staff):
    campaign = CampaignFactory(trajectory=TrajectoryFactory(region=region), closed=True)
    choice, rating, _open = questions(campaign)
    client.force_login(staff)
    url = reverse("campaign_response_enter", args=[region.slug, campaign.pk])
    response = client.post(
        url,
        {
            "channel": "paper",
            "source_note": "Inloopavond Sittard",
            f"question_{choice.pk}": "Slecht",
            f"question_{rating.pk}": "2",
        },
    )
    assert (response.status_code, response["Location"]) == (REDIRECT, url)
    saved = CampaignResponse.objects.get()
    assert (saved.channel, saved.entered_by, saved.source_note) == (
        ResponseChannel.PAPER,
        staff,
        "Inloopavond Sittard",
    )
    page = client.get(reverse("campaign_responses", args=[region.slug, campaign.pk]))
    assert page.context["page"].object_list[0].after_closing is True
    detail = client.get(
        reverse("campaign_response_detail", args=[region.slug, campaign.pk, saved.pk])
    )
    assert 'name="reason"' in detail.content.decode()  # the safety flag form


def test_p3_coding_a_page_of_answers_assigns_and_unassigns_themes(client, region, staff):
    campaign = CampaignFactory(trajectory=TrajectoryFactory(region=region))
    _c, _r, question = questions(campaign)
    responses(campaign, 3)
    waiting = coding.theme_create(actor=staff, campaign=campaign, name="Wachtlijsten")
    heard = coding.theme_create(actor=staff, campaign=campaign, name="Gehoord worden")
    first, second, third = Answer.objects.filter(question=question).order_by("pk")
    first.themes.add(heard)
    client.force_login(staff)
    url = reverse("campaign_coding", args=[region.slug, campaign.pk, question.pk])
    page = client.get(url)
    assert len(page.context["rows"]) == 3
    response = client.post(
        url,
        {
            "answer": [first.pk, second.pk, third.pk],
            f"themes_{first.pk}": [waiting.pk],
            f"themes_{second.pk}": [waiting.pk, heard.pk],
            "back": "theme=none",
        },
    )
    assert (response.status_code, response["Location"]) == (REDIRECT, f"{url}?theme=none")
    assert set(first.themes.all()) == {waiting}
    assert set(second.themes.all()) == {waiting, heard}
    assert not third.themes.exists()
    uncoded = client.get(url, {"theme": "none"})
    assert [r["answer"] for r in uncoded.context["rows"]] == [third]


def test_p3_the_export_has_every_answer_in_csv_and_xlsx(client, region, staff):
    campaign = CampaignFactory(trajectory=TrajectoryFactory(region=region))
    choice, *_ = questions(campaign)
    responses(campaign, 4)
    CampaignResponse.objects.filter(campaign=campaign).update(source_note="=HYPERLINK(1)")
    client.force_login(staff)
    url = reverse("campaign_export", args=[region.slug, campaign.pk, "csv"])
    response = client.get(url)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 5
    assert choice.text in rows[0]
    assert "'=HYPERLINK(1)" in response.content.decode()
    xlsx = client.get(reverse("campaign_export", args=[region.slug, campaign.pk, "xlsx"]))
    assert xlsx["Content-Type"] == XLSX_TYPE
    assert (
        client.get(reverse("campaign_export", args=[region.slug, campaign.pk, "pdf"])).status_code
        == 404
    )


def test_p3_results_show_charts_with_tables(client, region, member):
    campaign = CampaignFactory(trajectory=TrajectoryFactory(region=region))
    questions(campaign)
    responses(campaign, 5)
    client.force_login(member)
    page = client.get(reverse("campaign_results", args=[region.slug, campaign.pk]))
    body = page.content.decode()
    assert body.count("<svg") == 4  # channels, groups, the choice and the rating
    assert body.count("<table") >= 4
    assert "<script" not in body.split("<main", 1)[1].split("</main>")[0]
    assert page.context["results"].responses == 5
    assert "export" not in body  # a member sees counts, not the answers


def test_p3_the_plan_and_the_trajectory_page_show_where_an_action_came_from(
    client, region, member, staff
):
    trajectory = TrajectoryFactory(region=region)
    pillar = PillarFactory(trajectory=trajectory, number=1)
    campaign = CampaignFactory(trajectory=trajectory, title="Jouw stem over wachttijden")
    _c, _r, question = questions(campaign)
    responses(campaign, 2)
    theme = coding.theme_create(actor=staff, campaign=campaign, name="Wachtlijsten")
    coding.coding_save(
        actor=staff,
        question=question,
        codes={a.pk: [theme] for a in Answer.objects.filter(question=question)},
    )
    plan.plan_action_create(
        actor=staff,
        trajectory=trajectory,
        pillar=pillar,
        title="Wachttijd zichtbaar",
        themes=[theme],
    )
    client.force_login(member)
    for url in (
        reverse("plan_detail", args=[region.slug, trajectory.pk]),
        reverse("trajectory_detail", args=[region.slug, trajectory.pk]),
    ):
        body = client.get(url).content.decode()
        assert "Wachttijd zichtbaar" in body
        assert "Wachtlijsten" in body
        assert "Jouw stem over wachttijden" in body


def test_p3_the_plan_action_form_offers_only_the_trajectorys_themes(client, region, staff):
    trajectory = TrajectoryFactory(region=region)
    own = coding.theme_create(
        actor=staff, campaign=CampaignFactory(trajectory=trajectory), name="Eigen"
    )
    coding.theme_create(
        actor=staff,
        campaign=CampaignFactory(trajectory=TrajectoryFactory(region=region)),
        name="Ander",
    )
    client.force_login(staff)
    url = reverse("plan_action_create", args=[region.slug, trajectory.pk])
    assert list(client.get(url).context["form"].fields["themes"].queryset) == [own]
    response = client.post(url, {"title": "Actie", "status": "planned", "themes": [own.pk]})
    assert response.status_code == REDIRECT
    assert list(trajectory.plan_actions.get().themes.all()) == [own]


# --- Query budgets -------------------------------------------------------------------------------
@pytest.mark.parametrize("count", [10, 300])
def test_p3_the_results_page_has_a_fixed_query_budget(
    client, region, staff, count, django_assert_num_queries
):
    campaign = CampaignFactory(trajectory=TrajectoryFactory(region=region))
    _c, _r, question = questions(campaign)
    responses(campaign, count)
    theme = coding.theme_create(actor=staff, campaign=campaign, name="Wachtlijsten")
    theme.answers.set(Answer.objects.filter(question=question)[:5])
    client.force_login(staff)
    url = reverse("campaign_results", args=[region.slug, campaign.pk])
    client.get(url)  # the session and the login settle first
    with django_assert_num_queries(RESULTS_BUDGET):
        response = client.get(url)
    assert response.context["results"].responses == count


def test_p3_the_responses_list_costs_the_same_with_10_or_300(client, region, staff):
    client.force_login(staff)
    counts = []
    for size in (10, 300):
        campaign = CampaignFactory(trajectory=TrajectoryFactory(region=region))
        questions(campaign)
        responses(campaign, size)
        url = reverse("campaign_responses", args=[region.slug, campaign.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            client.get(url, {"channel": "online"})
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_p3_the_campaign_list_costs_the_same_with_2_or_20(client, region, staff):
    client.force_login(staff)
    url = reverse("campaign_list", args=[region.slug])
    client.get(url)
    counts = []
    for size in (2, 18):
        for _ in range(size):
            campaign = CampaignFactory(trajectory=TrajectoryFactory(region=region))
            QuestionFactory(campaign=campaign)
            responses(campaign, 2)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, {"status": "open"})
        counts.append(len(captured))
    assert response.context["page"].paginator.count == 20
    assert counts[0] == counts[1]


def test_p3_the_public_answer_page_has_a_fixed_query_budget(
    client, region, django_assert_num_queries
):
    campaign = CampaignFactory(trajectory=TrajectoryFactory(region=region))
    questions(campaign)
    QuestionFactory(campaign=campaign, kind=QuestionKind.OPEN)
    url = reverse("campaign_answer", args=[region.slug, campaign.pk])
    with django_assert_num_queries(PUBLIC_ANSWER_BUDGET):
        response = client.get(url)
    assert response.status_code == OK

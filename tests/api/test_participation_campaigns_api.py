"""Input campaigns and the plan's actions through the API (P3): the same services, so the same
rules as the pages, and the same permissions: anonymous 401, a user of the other region 404, a
member who may read but not manage 403."""

from types import SimpleNamespace

import pytest

from aantafel.participation.api import campaigns as campaigns_api
from aantafel.participation.models import (
    Answer,
    CampaignResponse,
    CampaignStatus,
    ResponseChannel,
)
from aantafel.participation.services import coding, plan
from aantafel.regions.models import RegionRole

from .. import factories as f
from ..participation.factories_campaigns import (
    CampaignFactory,
    QuestionFactory,
    questions,
    responses,
)
from ..participation.factories_trajectories import TrajectoryFactory
from .conftest import problem_fields
from .matrix import check, client_for, each_role, routes, rows, url

ROLES = ["anonymous", "member", "staff", "region_admin", "outsider"]
READ = {"member": 200, "staff": 200, "region_admin": 200}
MANAGE = {"member": 403, "staff": 200, "region_admin": 200}
CREATED = {"member": 403, "staff": 201, "region_admin": 201}
GONE = {"member": 403, "staff": 204, "region_admin": 204}

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(body, region_admin, member, outsider):
    region = body.region
    staff = f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user
    trajectory = TrajectoryFactory(region=region)
    campaign = CampaignFactory(trajectory=trajectory)
    choice, rating, open_question = questions(campaign)
    made = responses(campaign, 3)
    theme = coding.theme_create(actor=staff, campaign=campaign, name="Wachtlijsten")
    drafted = CampaignFactory(trajectory=trajectory, draft=True)
    return SimpleNamespace(
        region=region,
        trajectory=trajectory,
        campaign=campaign,
        choice=choice,
        rating=rating,
        open_question=open_question,
        answer=Answer.objects.filter(question=open_question, response=made[0]).get(),
        theme=theme,
        draft=drafted,
        draft_question=QuestionFactory(campaign=drafted),
        action=plan.plan_action_create(
            actor=staff, trajectory=trajectory, title="Wachttijd zichtbaar", themes=[theme]
        ),
        users={
            "member": member,
            "staff": staff,
            "region_admin": region_admin,
            "outsider": outsider,
        },
    )


def open_(s):
    return {"pk": s.campaign.pk}


def draft(s):
    return {"pk": s.draft.pk}


def draft_question(s):
    return {"pk": s.draft.pk, "question_pk": s.draft_question.pk}


def answer(s):
    return {"pk": s.campaign.pk, "answer_pk": s.answer.pk}


def action(s):
    return {"pk": s.action.pk}


def none(s):
    return {}


def _new_campaign(s):
    return {"trajectory": s.trajectory.pk, "title": "Jouw stem", "audiences": ["young_person"]}


# (url name, method, URL kwargs, payload, expected per role)
ENDPOINTS = [
    ("campaign-list", "get", none, lambda s: None, READ),
    ("campaign-list", "post", none, _new_campaign, CREATED),
    ("campaign-detail", "get", open_, lambda s: None, READ),
    ("campaign-detail", "patch", open_, lambda s: {"title": "Nieuwe titel"}, MANAGE),
    ("campaign-open", "post", draft, lambda s: None, MANAGE),
    ("campaign-close", "post", open_, lambda s: None, MANAGE),
    ("campaign-questions", "get", open_, lambda s: None, READ),
    (
        "campaign-questions",
        "post",
        draft,
        lambda s: {"kind": "choice", "text": "Klopt dit?", "choices": ["Ja", "Nee"]},
        CREATED,
    ),
    (
        "campaign-question-detail",
        "patch",
        draft_question,
        lambda s: {"kind": "open", "text": "Wat kan beter?"},
        MANAGE,
    ),
    ("campaign-question-detail", "delete", draft_question, lambda s: None, GONE),
    (
        "campaign-question-move",
        "post",
        draft_question,
        lambda s: {"direction": "down"},
        MANAGE,
    ),
    ("campaign-results", "get", open_, lambda s: None, READ),
    ("campaign-responses", "get", open_, lambda s: None, MANAGE),
    (
        "campaign-responses",
        "post",
        open_,
        lambda s: {"channel": "paper", "answers": {str(s.choice.pk): "Goed"}},
        CREATED,
    ),
    ("campaign-themes", "get", open_, lambda s: None, MANAGE),
    ("campaign-themes", "post", open_, lambda s: {"name": "Gehoord worden"}, CREATED),
    ("campaign-answer-themes", "put", answer, lambda s: {"themes": [s.theme.pk]}, MANAGE),
    ("plan-action-list", "get", none, lambda s: None, READ),
    (
        "plan-action-list",
        "post",
        none,
        lambda s: {"trajectory": s.trajectory.pk, "title": "Actie", "themes": [s.theme.pk]},
        CREATED,
    ),
    ("plan-action-detail", "get", action, lambda s: None, READ),
    ("plan-action-detail", "patch", action, lambda s: {"status": "underway"}, MANAGE),
]


@each_role(ROLES, ("name", "method", "kwargs", "payload", "expected"), ENDPOINTS)
def test_p3_every_campaign_endpoint_answers_each_role_as_the_pages_do(
    scene, role, name, method, kwargs, payload, expected
):
    check(scene.users, role, method, url(name, scene, **kwargs(scene)), payload(scene), expected)


def test_campaign_endpoints_are_all_in_the_matrix():
    assert routes(campaigns_api.urlpatterns) == rows(ENDPOINTS)


def test_p3_the_api_refuses_an_answer_after_closing_and_bad_answers(scene):
    staff = client_for(scene.users["staff"])
    address = url("campaign-responses", scene, pk=scene.campaign.pk)
    bad = staff.post(
        address,
        {"channel": "paper", "answers": {str(scene.choice.pk): "Goed", str(scene.rating.pk): 6}},
        format="json",
    )
    assert bad.status_code == 400
    assert problem_fields(bad) == [f"answers.{scene.rating.pk}"]
    online = staff.post(
        address, {"channel": "online", "answers": {str(scene.choice.pk): "Goed"}}, format="json"
    )
    assert online.status_code == 400
    assert "channel" in problem_fields(online)
    before = CampaignResponse.objects.count()
    closed = staff.post(url("campaign-close", scene, pk=scene.campaign.pk), format="json")
    assert closed.json()["status"] == CampaignStatus.CLOSED
    # Staff may still enter answers gathered before closing, marked with their channel.
    late = staff.post(
        address,
        {"channel": "focus_group", "answers": {str(scene.choice.pk): "Slecht"}},
        format="json",
    )
    assert late.status_code == 201
    assert late.json()["channel"] == ResponseChannel.FOCUS_GROUP
    assert CampaignResponse.objects.count() == before + 1


def test_p3_the_api_refuses_changing_questions_once_answered(scene):
    staff = client_for(scene.users["staff"])
    response = staff.post(
        url("campaign-questions", scene, pk=scene.campaign.pk),
        {"kind": "open", "text": "Nog iets?"},
        format="json",
    )
    assert response.status_code == 409


def test_p3_results_and_plan_sources_through_the_api(scene):
    member = client_for(scene.users["member"])
    results = member.get(url("campaign-results", scene, pk=scene.campaign.pk)).json()
    assert results["responses"] == 3
    by_id = {q["id"]: q for q in results["questions"]}
    assert sum(c["count"] for c in by_id[scene.choice.pk]["counts"]) == 3
    assert by_id[scene.rating.pk]["average"] == 2.0
    online = member.get(
        url("campaign-results", scene, pk=scene.campaign.pk), {"channel": "paper"}
    ).json()
    assert online["responses"] == 0
    staff = client_for(scene.users["staff"])
    coded = staff.put(
        url("campaign-answer-themes", scene, pk=scene.campaign.pk, answer_pk=scene.answer.pk),
        {"themes": [scene.theme.pk]},
        format="json",
    )
    assert coded.json()["themes"] == [scene.theme.pk]
    action = member.get(url("plan-action-detail", scene, pk=scene.action.pk)).json()
    [source] = action["themes"]
    assert source["name"] == "Wachtlijsten"
    assert source["campaign"] == scene.campaign.pk
    assert source["answer_count"] == 1


def test_p3_a_campaign_of_another_region_is_404(scene, other_region):
    foreign = CampaignFactory(trajectory=TrajectoryFactory(region=other_region))
    staff = client_for(scene.users["staff"])
    assert staff.get(url("campaign-detail", scene, pk=foreign.pk)).status_code == 404
    response = staff.post(
        url("plan-action-list", scene),
        {"trajectory": foreign.trajectory.pk, "title": "Actie"},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["trajectory"]

"""Experience stories through the API (P5): the staff's moderation with the same services, so
the same rules as the pages, and the same permission (participation.manage): anonymous 401,
another member of the region 403, anyone outside it 404. The list names no teller."""

from types import SimpleNamespace

import pytest

from aantafel.participation.api import stories as stories_api
from aantafel.participation.models import Story, StoryStatus
from aantafel.regions.models import RegionRole
from tests import factories as f
from tests.participation.factories_events import TrajectoryFactory
from tests.participation.factories_stories import StoryFactory

from .conftest import problem_fields
from .matrix import check, client_for, each_role, routes, rows, url

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "supporter", "staff", "region_admin", "outsider"]
MANAGE = ("staff", "region_admin")


@pytest.fixture
def staff(region):
    """Policy staff of the region (participation.manage)."""
    return f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user


@pytest.fixture
def scene(region, member, supporter, staff, region_admin, outsider):
    return SimpleNamespace(
        region=region,
        story=StoryFactory(region=region, teller_email="kim@voorbeeld.example"),
        users={
            "member": member,
            "supporter": supporter,
            "staff": staff,
            "region_admin": region_admin,
            "outsider": outsider,
        },
    )


def allowed(status: int = 200) -> dict[str, int]:
    """Staff get `status`; other members of the region 403; anyone else 404."""
    return {"member": 403, "supporter": 403, **dict.fromkeys(MANAGE, status)}


def nothing(s) -> dict:
    return {}


ENDPOINTS = [
    ("story-list", "get", False, nothing, allowed()),
    ("story-detail", "get", True, nothing, allowed()),
    (
        "story-publish",
        "post",
        True,
        lambda s: {"public_title": "Wachten", "public_text": "Ik wachtte lang."},
        allowed(),
    ),
    ("story-reject", "post", True, lambda s: {"reason": "Te herkenbaar."}, allowed()),
    ("story-withdraw", "post", True, lambda s: {"reason": "Belde."}, allowed()),
]


@each_role(ROLES, ("name", "method", "with_pk", "payload", "expected"), ENDPOINTS)
def test_p5_every_story_endpoint_answers_each_role_as_the_pages_do(
    scene, role, name, method, with_pk, payload, expected
):
    kwargs = {"pk": scene.story.pk} if with_pk else {}
    check(scene.users, role, method, url(name, scene, **kwargs), payload(scene), expected)


def test_story_endpoints_are_all_in_the_matrix():
    """A new endpoint or method without a row in ENDPOINTS fails the test."""
    assert routes(stories_api.urlpatterns) == rows(ENDPOINTS)


def _staff(scene):
    return client_for(scene.users["staff"])


def test_p5_the_list_names_no_teller_and_filters(scene):
    trajectory = TrajectoryFactory(region=scene.region)
    StoryFactory(region=scene.region, published=True, trajectory=trajectory)
    api = _staff(scene)
    body = api.get(url("story-list", scene)).json()
    assert body["count"] == 2
    for item in body["results"]:
        assert not {"teller_name", "teller_email", "text", "title"} & set(item)
    assert "kim@voorbeeld.example" not in str(body)
    only = api.get(url("story-list", scene), {"status": "submitted"}).json()
    assert [r["id"] for r in only["results"]] == [scene.story.pk]
    by_trajectory = api.get(url("story-list", scene), {"trajectory": trajectory.pk}).json()
    assert by_trajectory["count"] == 1
    bad = api.get(url("story-list", scene), {"status": "nonsense"})
    assert bad.status_code == 400
    assert problem_fields(bad) == ["status"]
    detail = api.get(url("story-detail", scene, pk=scene.story.pk)).json()
    assert detail["teller_email"] == "kim@voorbeeld.example"


def test_p5_an_anonymous_story_is_refused_under_a_name_naming_the_field(scene):
    Story.objects.filter(pk=scene.story.pk).update(anonymous=True)
    response = _staff(scene).post(
        url("story-publish", scene, pk=scene.story.pk),
        {"public_title": "Wachten", "public_text": "Ik wachtte.", "public_name": "Kim"},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["public_name"]
    assert Story.objects.get(pk=scene.story.pk).status == StoryStatus.SUBMITTED


def test_p5_a_withdrawal_through_the_api_clears_the_story_and_twice_is_a_conflict(scene):
    api = _staff(scene)
    address = url("story-withdraw", scene, pk=scene.story.pk)
    refused = api.post(address, {"reason": ""}, format="json")
    assert (refused.status_code, problem_fields(refused)) == (400, ["reason"])
    response = api.post(address, {"reason": "Belde op 3 mei."}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["text"], body["teller_email"]) == ("withdrawn", "", "")
    again = api.post(address, {"reason": "Nog eens."}, format="json")
    assert again.status_code == 409
    publish = api.post(
        url("story-publish", scene, pk=scene.story.pk),
        {"public_title": "x", "public_text": "y"},
        format="json",
    )
    assert publish.status_code == 409


def test_p5_a_story_of_another_region_is_404(scene, other_region):
    foreign = StoryFactory(region=other_region)
    response = _staff(scene).get(url("story-detail", scene, pk=foreign.pk))
    assert response.status_code == 404
    problem_fields(response)

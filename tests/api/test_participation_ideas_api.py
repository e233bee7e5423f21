"""Ideas (P4) through the API: the same services, so the same rules as the staff pages, and the
same permission (participation.manage): anonymous 401, a user of the other region 404, a member
who may not manage 403, an idea of another region 404. Submitting and supporting are public
forms and not in the API."""

from types import SimpleNamespace

import pytest

from aantafel.participation.api import ideas as ideas_api
from aantafel.participation.models import Idea, IdeaMail, IdeaStatus
from aantafel.regions.models import RegionRole

from .. import factories as f
from ..participation.factories_ideas import IdeaFactory, supports
from ..participation.factories_trajectories import PillarFactory, TrajectoryFactory
from .conftest import problem_fields
from .matrix import check, client_for, each_role, routes, rows, url

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "region_admin", "staff", "supporter", "member", "outsider"]
EMAIL = "auteur@voorbeeld.example"


@pytest.fixture
def scene(region, region_admin, supporter, member, outsider):
    staff = f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user
    published = IdeaFactory(region=region, author_email=EMAIL)
    supports(published, 2)
    return SimpleNamespace(
        region=region,
        published=published,
        submitted=IdeaFactory(region=region, submitted=True, author_email=EMAIL),
        users={
            "region_admin": region_admin,
            "staff": staff,
            "supporter": supporter,
            "member": member,
            "outsider": outsider,
        },
    )


def published(s):
    return s.published


def submitted(s):
    return s.submitted


MANAGE = {"region_admin": 200, "staff": 200, "supporter": 403, "member": 403}

# (url name, method, idea the URL names (None: the list), payload, expected per role)
ENDPOINTS = [
    ("idea-list", "get", None, lambda s: None, MANAGE),
    ("idea-detail", "get", published, lambda s: None, MANAGE),
    ("idea-publish", "post", submitted, lambda s: {}, MANAGE),
    ("idea-decline", "post", submitted, lambda s: {"reason": "Er staan namen in."}, MANAGE),
    ("idea-respond", "post", published, lambda s: {"response": "We doen het."}, MANAGE),
]


@each_role(ROLES, ("name", "method", "target", "payload", "expected"), ENDPOINTS)
def test_p4_every_ideas_endpoint_answers_each_role_as_the_pages_do(
    scene, role, name, method, target, payload, expected
):
    kwargs = {} if target is None else {"pk": target(scene).pk}
    check(scene.users, role, method, url(name, scene, **kwargs), payload(scene), expected)


def test_ideas_endpoints_are_all_in_the_matrix():
    assert routes(ideas_api.urlpatterns) == rows(ENDPOINTS)


def test_p4_the_list_shows_support_and_filters(scene):
    api = client_for(scene.users["staff"])
    pillar = PillarFactory(trajectory=TrajectoryFactory(region=scene.region))
    IdeaFactory(region=scene.region, pillar=pillar, trajectory=pillar.trajectory, title="Pijler")
    listed = {r["id"]: r for r in api.get(url("idea-list", scene)).json()["results"]}
    assert listed[scene.published.pk]["support_count"] == 2
    assert listed[scene.published.pk]["is_public"] is True
    assert listed[scene.submitted.pk]["is_public"] is False

    def ids(**query):
        return [r["id"] for r in api.get(url("idea-list", scene), query).json()["results"]]

    assert ids(status="submitted") == [scene.submitted.pk]
    assert ids(sort="support")[0] == scene.published.pk
    assert len(ids(pillar=pillar.pk)) == 1
    other = PillarFactory()  # another region's pillar: unknown here
    response = api.get(url("idea-list", scene), {"pillar": other.pk})
    assert response.status_code == 400
    assert problem_fields(response) == ["pillar"]


def test_p4_the_check_and_the_response_go_through_the_services(
    scene, django_capture_on_commit_callbacks, mailoutbox
):
    api = client_for(scene.users["staff"])
    pk = scene.submitted.pk
    response = api.post(url("idea-decline", scene, pk=pk), {"reason": " "})
    assert response.status_code == 400
    assert problem_fields(response) == ["reason"]
    response = api.post(url("idea-publish", scene, pk=pk))
    assert (response.status_code, response.json()["status"]) == (200, IdeaStatus.PUBLISHED)
    assert api.post(url("idea-publish", scene, pk=pk)).status_code == 409
    response = api.post(url("idea-respond", scene, pk=pk), {"response": ""})
    assert problem_fields(response) == ["response"]
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(url("idea-respond", scene, pk=pk), {"response": "We doen het."})
    assert response.status_code == 200
    assert response.json()["status"] == IdeaStatus.RESPONDED
    assert response.json()["responded_at"]
    assert [m.to for m in mailoutbox] == [[EMAIL]]
    assert IdeaMail.objects.filter(idea_id=pk, kind="response").exists()


def test_p4_an_idea_of_another_region_is_a_404(scene, other_region):
    elsewhere = IdeaFactory(region=other_region, submitted=True)
    api = client_for(scene.users["staff"])
    assert api.get(url("idea-detail", scene, pk=elsewhere.pk)).status_code == 404
    assert api.post(url("idea-publish", scene, pk=elsewhere.pk)).status_code == 404
    assert Idea.objects.get(pk=elsewhere.pk).status == IdeaStatus.SUBMITTED

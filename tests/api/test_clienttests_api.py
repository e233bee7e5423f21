"""Client tests through the API (PRODUCT.md S5): the same services, so the same rules as the
pages, and the same permissions: anonymous 401, a user of the other region 404, a member who
may see but not do this 403, a test of a body one is not in 404."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from aantafel.audit.models import AuditEvent
from aantafel.clienttests import api as clienttests_api
from aantafel.clienttests import services
from aantafel.clienttests.models import ClientTest, ClientTestLink
from aantafel.regions.models import RegionRole

from .. import factories as f
from .conftest import problem_fields
from .matrix import check, client_for, each_role, routes, rows, url

ROLES = [
    "anonymous",
    "representative",
    "other_member",
    "other_body_member",
    "supporter",
    "chair",
    "region_admin",
    "staff",
    "outsider",
]
ANSWER = {
    "target_group": "parents",
    "clarity": 4,
    "accessibility": 4,
    "participation": 3,
    "impact": 5,
}


def in_days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def scene(body, region_admin, supporter, chair, outsider):
    region = body.region
    parents = f.ConstituencyFactory(region=region, name="Ouders")
    users = {
        "representative": f.MembershipFactory(body=body, constituency=parents).user,
        "other_member": f.MembershipFactory(body=body, role="guest").user,
        "other_body_member": f.MembershipFactory(body=f.BodyFactory(region=region)).user,
        "supporter": supporter,
        "chair": chair,
        "region_admin": region_admin,
        "staff": f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user,
        "outsider": outsider,
    }
    test = f.ClientTestFactory(body=body, open=True)
    for link in services.client_test_links_create(actor=None, test=test, count=3):
        services.client_test_answer_submit(link=link, **ANSWER)
    return SimpleNamespace(
        region=region, body=body, test=test, draft=f.ClientTestFactory(body=body), users=users
    )


MANAGE = {"supporter", "chair", "region_admin", "staff"}
LINKS = MANAGE | {"representative"}
VIEW = LINKS | {"other_member"}
MEMBERS = VIEW | {"other_body_member"}


def per_role(allowed: set[str], ok: int, *, hidden: bool = True) -> dict[str, int]:
    """`ok` for the allowed roles; 404 for members outside the body (hidden) or 403; 403 for the
    body's other members."""
    return {
        role: ok if role in allowed else (404 if hidden and role not in VIEW else 403)
        for role in MEMBERS
    }


def the_test(s):
    return s.test


def the_draft(s):
    return s.draft


ENDPOINTS = [
    ("client-test-list", "get", None, lambda s: None, per_role(MEMBERS, 200)),
    (
        "client-test-list",
        "post",
        None,
        lambda s: {
            "body": s.body.pk,
            "title": "Een vaste begeleider",
            "proposal": "Elke jongere krijgt één vaste begeleider.",
            "target_groups": ["young_people"],
            "closes_on": in_days(14).isoformat(),
        },
        per_role(MANAGE, 201, hidden=False),
    ),
    ("client-test-detail", "get", the_test, lambda s: None, per_role(VIEW, 200)),
    ("client-test-detail", "patch", the_draft, lambda s: {"title": "Nieuw"}, per_role(MANAGE, 200)),
    ("client-test-open", "post", the_draft, lambda s: None, per_role(MANAGE, 200)),
    ("client-test-close", "post", the_test, lambda s: None, per_role(MANAGE, 200)),
    ("client-test-links", "get", the_test, lambda s: None, per_role(LINKS, 200)),
    ("client-test-links", "post", the_test, lambda s: {"count": 2}, per_role(LINKS, 201)),
    ("client-test-report", "get", the_test, lambda s: None, per_role(VIEW, 200)),
]


@each_role(ROLES, ("name", "method", "target", "payload", "expected"), ENDPOINTS)
def test_s5_every_client_tests_endpoint_answers_each_role_as_the_pages_do(
    scene, role, name, method, target, payload, expected
):
    kwargs = {} if target is None else {"pk": target(scene).pk}
    check(scene.users, role, method, url(name, scene, **kwargs), payload(scene), expected)


def test_client_tests_endpoints_are_all_in_the_matrix():
    assert routes(clienttests_api.urlpatterns) == rows(ENDPOINTS)


def test_s5_answering_is_not_in_the_api(scene):
    names = {p.name for p in clienttests_api.urlpatterns}
    assert not any("answer" in (name or "") for name in names)


def test_b1_a_client_test_of_another_region_is_a_404(scene, other_region):
    elsewhere = f.ClientTestFactory(body=f.BodyFactory(region=other_region))
    response = client_for(scene.users["region_admin"]).get(
        url("client-test-detail", scene, pk=elsewhere.pk)
    )
    assert response.status_code == 404


def test_s5_a_supporter_cannot_make_a_test_for_a_body_they_do_not_run(scene):
    other = f.BodyFactory(region=scene.region, name="Andere tafel")
    response = client_for(scene.users["supporter"]).post(
        url("client-test-list", scene),
        {
            "body": other.pk,
            "title": "Plan",
            "proposal": "Tekst",
            "target_groups": ["parents"],
            "closes_on": in_days(7).isoformat(),
        },
        format="json",
    )
    assert response.status_code == 403
    assert not ClientTest.objects.filter(body=other).exists()


def test_s5_create_refuses_bad_input_naming_the_field(scene):
    response = client_for(scene.users["supporter"]).post(
        url("client-test-list", scene),
        {
            "body": scene.body.pk,
            "title": "Plan",
            "proposal": "Tekst",
            "target_groups": [],
            "closes_on": in_days(7).isoformat(),
        },
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["target_groups"]


def test_s5_an_open_test_keeps_its_proposal_conflict(scene):
    response = client_for(scene.users["supporter"]).patch(
        url("client-test-detail", scene, pk=scene.test.pk), {"proposal": "Anders."}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "frozen_when_open"


def test_s5_links_come_back_as_urls_and_only_ones_own_are_listed(scene):
    rep = client_for(scene.users["representative"])
    made = rep.post(
        url("client-test-links", scene, pk=scene.test.pk),
        {"count": 3, "label": "achterban ouders"},
        format="json",
    )
    assert made.status_code == 201
    urls = [row["url"] for row in made.json()]
    assert len(urls) == 3
    assert all("/toets/" in u for u in urls)
    listed = rep.get(url("client-test-links", scene, pk=scene.test.pk)).json()["results"]
    assert sorted(row["url"] for row in listed) == sorted(urls)
    assert AuditEvent.objects.filter(action="client_test.links_create").count() == 2
    # The supporter's list holds only the supporter's links.
    theirs = client_for(scene.users["supporter"]).get(
        url("client-test-links", scene, pk=scene.test.pk)
    )
    assert theirs.json()["results"] == []


def test_s5_a_link_after_the_test_closes_is_refused(scene):
    response = client_for(scene.users["supporter"]).post(
        url("client-test-links", scene, pk=scene.test.pk),
        {"count": 1, "expires_on": (scene.test.closes_on + datetime.timedelta(days=1)).isoformat()},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["expires_on"]
    assert ClientTestLink.objects.filter(test=scene.test).count() == 3


def test_s5_the_report_in_json(scene):
    body = (
        client_for(scene.users["other_member"])
        .get(url("client-test-report", scene, pk=scene.test.pk))
        .json()
    )
    assert body["overall"]["answers"] == 3
    parents = next(g for g in body["groups"] if g["group"] == "parents")
    assert parents["shown"] is True
    assert parents["dimensions"][0]["dimension"] == "clarity"
    assert parents["dimensions"][0]["average"] == 4.0
    assert [s["count"] for s in parents["dimensions"][0]["distribution"]] == [0, 0, 0, 3, 0]

"""Every page of advice requests against every role (docs/authorization.md, "Pages of advice
requests"): anonymous, a representative of a constituency of the body, another member of the
body (no constituency), a member of another body of the region, the supporter, the chair,
policy staff, the region administrator, and a user of the other region (B1: 404 on everything
under /regio/<slug>/).

The matrix is exhaustive by construction: `test_every_url_of_advice_requests_is_in_the_matrix`
walks aantafel.advice.urls, and a new URL without an entry here fails it.
"""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from aantafel.advice import services
from aantafel.advice.workflow import AdviceResponse

from ..page_matrix import NOT_FOUND, REDIRECT, answers, form, get, post, uncovered
from .conftest import ROLES, pdf_upload, record_views, users_by_role

URL_MODULES = ["aantafel.advice.urls"]
VIEWERS = {"representative", "member", "supporter", "chair", "staff", "region_admin"}
LIST = VIEWERS | {"other_body_member"}  # advice.view_list: staff, and members of any body
MANAGE = {"supporter", "chair", "staff", "region_admin"}  # advice.manage / advice.respond
RECORD = {"representative", "supporter", "chair"}  # advice.record_view
GIVE = {"supporter", "chair"}  # advice.give
HIDDEN = frozenset({"other_body_member"})  # a request of a body they are not in: 404


def region_(w):
    return [w.slug]


def open_(w):
    return [w.slug, w.open.pk]


def given(w):
    return [w.slug, w.given.pk]


def answered(w):
    return [w.slug, w.answered.pk]


def document(w):
    return [w.slug, w.open.pk, w.document.pk]


# `form`: the page and an empty POST to it, which shows the form again with its errors (200).
MATRIX = [
    get("advice_list", region_, LIST),
    *form("advice_create", region_, MANAGE),
    get("advice_detail", open_, VIEWERS, hidden=HIDDEN),
    get("advice_detail", answered, VIEWERS, hidden=HIDDEN, label="answered"),
    *form("advice_edit", open_, MANAGE, hidden=HIDDEN),
    *form("advice_view_record", open_, RECORD, hidden=HIDDEN),
    *form("advice_give", open_, GIVE, hidden=HIDDEN),
    *form("advice_response", given, MANAGE, hidden=HIDDEN),
    *form("advice_follow_up", answered, MANAGE, hidden=HIDDEN),
    get("advice_close", answered, MANAGE, hidden=HIDDEN),
    # The note is optional: an empty post closes the request and goes back to its page.
    post("advice_close", answered, MANAGE, hidden=HIDDEN),
    *form("advice_agenda", open_, MANAGE, hidden=HIDDEN),
    *form("advice_document_upload", open_, MANAGE, hidden=HIDDEN),
    get("advice_document_download", document, VIEWERS, hidden=HIDDEN),
    get("advice_pdf", given, VIEWERS, hidden=HIDDEN),
]


@pytest.fixture
def world(scene):
    u = scene.users

    def new(title: str):
        return services.advice_request_create(
            actor=u.staff,
            body=scene.body,
            requester_kind="department",
            requester_name="Departement WVG",
            title=title,
            question="Wat vinden jullie ervan?",
            deadline=scene.request.deadline,
        )

    def give(request):
        record_views(scene, request)
        return services.advice_give(actor=u.chair, advice_request=request, advice_text="Doen.")

    document = services.advice_document_add(
        actor=u.supporter, advice_request=scene.request, upload=pdf_upload()
    )
    given_ = give(new("Gegeven"))
    answered_ = services.advice_response_record(
        actor=u.staff,
        advice_request=give(new("Beantwoord")),
        response=AdviceResponse.ADOPTED,
        reason="Overgenomen.",
    )
    return SimpleNamespace(
        users=users_by_role(scene),
        slug=scene.region.slug,
        open=scene.request,
        given=given_,
        answered=answered_,
        document=document,
    )


@pytest.mark.parametrize("row", MATRIX, ids=[row.method_id for row in MATRIX])
def test_s4_every_page_of_advice_requests_answers_each_role_as_documented(world, row):
    """Each role's request runs in a savepoint that is rolled back, so every role meets the
    same scene."""
    assert answers(world, row, ROLES) == {role: row.expected(role) for role in ROLES}


def test_every_url_of_advice_requests_is_in_the_matrix():
    """A new URL without an entry in the matrix fails the test."""
    assert uncovered(MATRIX, URL_MODULES) == ([], [])


def test_s4_a_step_the_flow_does_not_allow_now_goes_back_to_the_request(world, client):
    client.force_login(world.users["chair"])
    url = reverse("advice_give", args=given(world))
    response = client.get(url)
    assert response.status_code == REDIRECT
    assert response["Location"] == reverse("advice_detail", args=given(world))


def test_s4_the_pdf_is_404_before_the_advice_is_given(world, client):
    client.force_login(world.users["chair"])
    assert client.get(reverse("advice_pdf", args=open_(world))).status_code == NOT_FOUND

"""Every page of client tests (S5) against every role (docs/authorization.md, "Client tests"):
anonymous, a representative of the body (a member holding a place for a constituency), another
member of the body (no constituency), a member of another body of the region, the supporter,
the chair, the region administrator, and a user of the other region (B1: 404 on everything
under /regio/<slug>/).

The matrix is exhaustive by construction: `test_every_url_of_client_tests_is_in_the_matrix`
walks the URL modules of the app, and a new URL without an entry here fails it.
"""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from aantafel.clienttests import links, services

from .. import factories as f
from ..page_matrix import NOT_FOUND, answers, answers_to_get, get, post, uncovered
from .conftest import ANSWER

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "representative",
    "other_member",
    "other_body_member",
    "supporter",
    "chair",
    "region_admin",
    "outsider",
]
URL_MODULES = ["aantafel.clienttests.urls", "aantafel.clienttests.urls_public"]

READERS = set(ROLES) - {"anonymous", "outsider"}  # every member of the region
MANAGE = {"supporter", "chair", "region_admin"}  # clienttests.manage_test / add_test
LINKS = MANAGE | {"representative"}  # clienttests.make_links
VIEW = LINKS | {"other_member"}  # clienttests.view_test
EVERYONE = set(ROLES)
HIDDEN = frozenset(READERS - VIEW)  # a test of a body one is not in does not exist for them


def open_test(w):
    return [w.slug, w.test.pk]


def draft(w):
    return [w.slug, w.draft.pk]


MATRIX = [
    get("client_test_list", lambda w: [w.slug], READERS),
    get("client_test_create", lambda w: [w.slug], MANAGE),
    get("client_test_detail", open_test, VIEW, hidden=HIDDEN),
    get("client_test_edit", open_test, MANAGE, hidden=HIDDEN),
    post("client_test_open", draft, MANAGE, hidden=HIDDEN),
    post("client_test_close", open_test, MANAGE, hidden=HIDDEN),
    get("client_test_links", open_test, LINKS, hidden=HIDDEN),
    get("client_test_links_export", open_test, LINKS, hidden=HIDDEN),
    get("client_test_report", open_test, VIEW, hidden=HIDDEN),
    get("client_test_report_pdf", open_test, VIEW, hidden=HIDDEN),
    get("client_test_report_csv", open_test, VIEW, hidden=HIDDEN),
    # The personal link is the permission: anyone holding it, with or without an account.
    get("client_test_answer", lambda w: [w.token], EVERYONE, region_page=False),
    # A used link: a clear page, for everyone.
    get(
        "client_test_answer",
        lambda w: [w.used_token],
        EVERYONE,
        ok=409,
        region_page=False,
        label="used",
    ),
    get("client_test_thanks", lambda w: [w.used_token], EVERYONE, region_page=False),
]


@pytest.fixture
def world(scene):
    test = f.ClientTestFactory(body=scene.body, open=True)
    link, used = services.client_test_links_create(actor=None, test=test, count=2)
    services.client_test_answer_submit(link=used, **ANSWER)
    return SimpleNamespace(
        slug=scene.region.slug,
        test=test,
        draft=f.ClientTestFactory(body=scene.body),
        token=links.token_for(link),
        used_token=links.token_for(used),
        users=scene.users,
    )


@pytest.mark.parametrize("row", MATRIX, ids=[row.id for row in MATRIX])
def test_s5_every_page_of_client_tests_answers_each_role_as_documented(world, row):
    """Each role's request runs in a savepoint that is rolled back: every role meets the same
    scene."""
    assert answers(world, row, ROLES) == {role: row.expected(role) for role in ROLES}


def test_every_url_of_client_tests_is_in_the_matrix():
    """A new URL without an entry in the matrix fails the test."""
    assert uncovered(MATRIX, URL_MODULES) == ([], [])


def test_b1_the_other_region_gets_404_even_through_its_own_region(client, world, other_region):
    client.force_login(world.users["outsider"])
    for name in ("client_test_detail", "client_test_report", "client_test_links"):
        url = reverse(name, args=[other_region.slug, world.test.pk])
        assert client.get(url).status_code == NOT_FOUND, name


def test_post_only_pages_answer_get_with_405(world):
    got = answers_to_get(world, [row for row in MATRIX if row.method == "POST"], "supporter")
    assert got == dict.fromkeys(got, 405)

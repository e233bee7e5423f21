"""Every page of the signal loop against every role (docs/authorization.md, "Pages of the signal
loop"): anonymous, a representative of a constituency, a member without a constituency, the
chair, the supporter, policy staff, the region administrator, and a user of the other region.

The matrix is exhaustive by construction: `test_every_url_of_the_signal_loop_is_in_the_matrix`
walks the URL modules of the loop (staff pages, public pages and the reading-level indicator),
and a new URL without an entry here fails it.
"""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from aantafel.regions.models import RegionRole
from aantafel.signals import services

from .. import factories as f
from ..page_matrix import NOT_FOUND, OK, answers, get, post, uncovered

ROLES = [
    "anonymous",
    "representative",
    "member",
    "chair",
    "supporter",
    "staff",
    "region_admin",
    "outsider",
]
MEMBERS = {"representative", "member", "chair", "supporter", "staff", "region_admin"}
TRIAGE = {"supporter", "staff", "region_admin"}  # signals.triage
LOGGED_IN = MEMBERS | {"outsider"}
EVERYONE = set(ROLES)
URL_MODULES = [
    "aantafel.signals.urls",
    "aantafel.signals.urls_public",
    "aantafel.core.urls_readability",
]


def region_(w):
    return [w.slug]


def anonymous_signal(w):
    return [w.slug, w.public_signal.pk]


def own_signal(w):
    return [w.slug, w.raised.pk]


def nothing(w):
    return []


MATRIX = [
    # --- signals/views.py (S1, S2): the triagers, and a representative for their own ----------
    get("signal_list", region_, TRIAGE | {"representative"}),
    get("signal_export", region_, TRIAGE),
    get("signal_raise", region_, {"representative"}),
    post("signal_raise", region_, {"representative"}, ok=OK),  # the form with its errors
    get("signal_detail", anonymous_signal, TRIAGE, hidden=frozenset(MEMBERS - TRIAGE)),
    get(
        "signal_detail",
        own_signal,
        TRIAGE | {"representative"},
        hidden=frozenset(MEMBERS - TRIAGE - {"representative"}),
        label="own",
    ),
    # An empty triage post: "choose what to do", back to the page. The representative who
    # raised it sees the signal but may not triage it (403).
    post(
        "signal_detail",
        own_signal,
        TRIAGE,
        hidden=frozenset(MEMBERS - TRIAGE - {"representative"}),
        label="own",
    ),
    get("signal_flag_safety", anonymous_signal, TRIAGE, hidden=frozenset(MEMBERS - TRIAGE)),
    get(
        "signal_flag_safety",
        own_signal,
        TRIAGE,
        hidden=frozenset(MEMBERS - TRIAGE - {"representative"}),
        label="own",
    ),
    # A post without the form's fields shows the confirmation again.
    post("signal_flag_safety", anonymous_signal, TRIAGE, ok=OK, hidden=frozenset(MEMBERS - TRIAGE)),
    # --- signals/views_public.py (S1, S3): anyone, without an account -------------------------
    get("signal_public_form", region_, EVERYONE, region_page=False),
    post("signal_public_form", region_, EVERYONE, ok=OK, region_page=False),
    get("signal_public_thanks", region_, EVERYONE, region_page=False),
    get("you_said_we_did", region_, EVERYONE, region_page=False),
    # --- core/readability_views.py: any logged-in user ----------------------------------------
    get("readability", nothing, LOGGED_IN, region_page=False),
    post("readability", nothing, LOGGED_IN, ok=OK, region_page=False),
]


@pytest.fixture
def world(region, body, other_region):
    constituency = f.ConstituencyFactory(region=region, name="Ouders")
    representative = f.MembershipFactory(body=body, constituency=constituency).user
    users = {
        "representative": representative,
        "member": f.MembershipFactory(body=body).user,
        "chair": f.MembershipFactory(body=body, chair=True).user,
        "supporter": f.MembershipFactory(body=body, supporter=True).user,
        "staff": f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user,
        "region_admin": f.RegionMembershipFactory(region=region, role=RegionRole.ADMIN).user,
        "outsider": f.RegionMembershipFactory(region=other_region, role=RegionRole.ADMIN).user,
    }
    public_signal = services.signal_submit_public(
        region=region, text="Ik wacht al maanden op een eerste gesprek."
    )
    raised = services.signal_submit_for_constituency(
        actor=representative,
        region=region,
        text="Ouders horen niet wanneer hun kind aan de beurt is.",
        constituency=constituency,
    )
    return SimpleNamespace(
        users=users, slug=region.slug, public_signal=public_signal, raised=raised
    )


@pytest.mark.parametrize("row", MATRIX, ids=[row.id for row in MATRIX])
def test_b1_every_page_of_the_signal_loop_answers_each_role_as_documented(world, row):
    assert answers(world, row, ROLES) == {role: row.expected(role) for role in ROLES}


def test_every_url_of_the_signal_loop_is_in_the_matrix():
    """A new URL without an entry in the matrix fails the test."""
    assert uncovered(MATRIX, URL_MODULES) == ([], [])


def test_b1_public_pages_of_an_unknown_region_are_404(client, db):
    for name in ("signal_public_form", "signal_public_thanks", "you_said_we_did"):
        assert client.get(reverse(name, args=["bestaat-niet"])).status_code == NOT_FOUND

"""Every page of the foundation against every role: anonymous, member, supporter, chair,
region administrator and a user of the other region (B1: that one gets 404 everywhere)."""

import pytest
from django.urls import reverse

from aantafel.bodies.models import Initiative, Invitation, Membership
from aantafel.bodies.services.memberships import MembershipTerms

from .. import factories as f

ROLES = ["anonymous", "member", "supporter", "chair", "region_admin", "outsider"]
OK, FORBIDDEN, LOGIN, NOT_FOUND, REDIRECT = 200, 403, "login", 404, 302

# Who may do what: region members read; administrators and the body's supporter manage; the
# chair also registers initiatives; the region administrator alone edits bodies and settings.
READ = {"member": OK, "supporter": OK, "chair": OK, "region_admin": OK}
MANAGE = {"member": FORBIDDEN, "supporter": OK, "chair": FORBIDDEN, "region_admin": OK}
INITIATIVE = {"member": FORBIDDEN, "supporter": OK, "chair": OK, "region_admin": OK}
ADMIN = {"member": FORBIDDEN, "supporter": FORBIDDEN, "chair": FORBIDDEN, "region_admin": OK}
POST_MANAGE = {
    "member": FORBIDDEN,
    "supporter": REDIRECT,
    "chair": FORBIDDEN,
    "region_admin": REDIRECT,
}

PAGES = [
    ("body_list", "GET", READ),
    ("body_create", "GET", ADMIN),
    ("body_detail", "GET", READ),
    ("body_edit", "GET", ADMIN),
    ("terms_add", "GET", MANAGE),
    ("terms_version", "GET", READ),
    ("seat_add", "GET", MANAGE),
    ("seat_edit", "GET", MANAGE),
    ("member_invite", "GET", MANAGE),
    ("membership_end", "GET", MANAGE),
    ("invitation_revoke", "POST", POST_MANAGE),
    ("invitation_resend", "POST", POST_MANAGE),
    ("initiative_add", "GET", INITIATIVE),
    ("initiative_informed", "GET", INITIATIVE),
    ("registers", "GET", READ),
    ("region_settings", "GET", ADMIN),
    ("audit_log", "GET", ADMIN),
]


@pytest.fixture
def world(body, region_admin, supporter, chair, member, outsider):
    from aantafel.bodies import services

    seat = f.SeatFactory(body=body)
    invitation = services.invitation_create(
        actor=region_admin,
        body=body,
        email="genodigde@voorbeeld.example",
        full_name="Genodigde",
        terms=MembershipTerms(role="member", start_date=body.created_at.date()),
    )
    initiative = Initiative.objects.create(
        region=body.region, body=body, title="Themadag", taken_on="2024-01-01"
    )
    users = {
        "member": member,
        "supporter": supporter,
        "chair": chair,
        "region_admin": region_admin,
        "outsider": outsider,
    }
    slug = body.region.slug
    args = {
        "body_list": [slug],
        "body_create": [slug],
        "registers": [slug],
        "region_settings": [slug],
        "audit_log": [slug],
        "body_detail": [slug, body.pk],
        "body_edit": [slug, body.pk],
        "terms_add": [slug, body.pk],
        "terms_version": [slug, body.pk, 1],
        "seat_add": [slug, body.pk],
        "seat_edit": [slug, body.pk, seat.pk],
        "member_invite": [slug, body.pk],
        "membership_end": [slug, body.pk, Membership.objects.get(user=member).pk],
        "invitation_revoke": [slug, body.pk, invitation.pk],
        "invitation_resend": [slug, body.pk, invitation.pk],
        "initiative_add": [slug, body.pk],
        "initiative_informed": [slug, body.pk, initiative.pk],
    }
    return users, args


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "expected"), PAGES, ids=[p[0] for p in PAGES])
def test_b1_every_page_answers_each_role_as_documented(client, world, role, name, method, expected):
    users, args = world
    if role != "anonymous":
        client.force_login(users[role])
    url = reverse(name, args=args[name])
    response = client.post(url) if method == "POST" else client.get(url)
    if role == "anonymous":
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    elif role == "outsider":
        assert response.status_code == NOT_FOUND
    else:
        assert response.status_code == expected[role], (name, role)


@pytest.mark.parametrize("role", ["member", "supporter", "chair", "region_admin", "outsider"])
def test_account_pages_are_for_any_logged_in_user(client, world, role):
    users, _ = world
    client.force_login(users[role])
    for name in ("home", "account_settings", "api_tokens", "mfa_required"):
        assert client.get(reverse(name)).status_code == OK, name


def test_account_pages_send_anonymous_visitors_to_login(client, db):
    for name in ("home", "account_settings", "api_tokens"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_b1_body_of_another_region_is_404_even_through_ones_own_region(
    client, body, outsider, other_region
):
    client.force_login(outsider)
    assert (
        client.get(reverse("body_detail", args=[other_region.slug, body.pk])).status_code
        == NOT_FOUND
    )
    assert client.get(reverse("body_list", args=["bestaat-niet"])).status_code == NOT_FOUND


def test_b1_withdrawing_an_invitation_of_another_body_is_404(client, body, region_admin, region):
    other_body = f.BodyFactory(region=region)
    invitation = Invitation.objects.create(
        region=region,
        body=other_body,
        email="x@voorbeeld.example",
        full_name="X",
        role="member",
        start_date="2024-01-01",
        token_hash="h" * 64,
        expires_at="2099-01-01T00:00Z",
    )
    client.force_login(region_admin)
    url = reverse("invitation_revoke", args=[region.slug, body.pk, invitation.pk])
    assert client.post(url).status_code == NOT_FOUND

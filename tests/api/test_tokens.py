"""Personal API tokens: `Authorization: Bearer <key>` works; a wrong, revoked or expired token
gets 401; the key is shown once and only its hash is stored."""

import datetime

import pytest
from django.utils import timezone

from aantafel.accounts.models import ApiToken, hash_token
from aantafel.accounts.services import api_token_create, api_token_revoke
from aantafel.regions.services import region_require_mfa

from .conftest import problem_fields


def bearer(key: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_token_authenticates_with_bearer_header(api, world):
    _, key = api_token_create(actor=world.users["member"], name="Rapportage")
    response = api.get(f"/api/v1/regions/{world.region.slug}/bodies/", **bearer(key))
    assert response.status_code == 200
    assert "Kerngroep RTJ" in [b["name"] for b in response.json()["results"]]


def test_token_use_is_recorded(api, world):
    token, key = api_token_create(actor=world.users["member"], name="Rapportage")
    api.get("/api/v1/regions/", **bearer(key))
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_token_carries_its_users_permissions(api, world):
    _, key = api_token_create(actor=world.users["member"], name="Rapportage")
    url = f"/api/v1/regions/{world.region.slug}/bodies/"
    response = api.post(url, {"name": "X", "body_type": "steering"}, format="json", **bearer(key))
    assert response.status_code == 403


@pytest.mark.parametrize("state", ["revoked", "expired", "wrong", "inactive user"])
def test_revoked_or_expired_token_gets_401(api, world, state):
    member = world.users["member"]
    token, key = api_token_create(actor=member, name="Rapportage")
    if state == "revoked":
        api_token_revoke(actor=member, token=token)
    elif state == "expired":
        ApiToken.objects.filter(pk=token.pk).update(
            expires_at=timezone.now() - datetime.timedelta(seconds=1)
        )
    elif state == "wrong":
        key = key[:-2] + "xx"
    else:
        member.is_active = False
        member.save()
    response = api.get("/api/v1/regions/", **bearer(key))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    problem_fields(response)


def test_token_is_created_once_with_its_key_and_listed_without_it(api, world):
    member = world.users["member"]
    api.force_login(member)
    response = api.post("/api/v1/me/tokens/", {"name": "Koppeling"}, format="json")
    assert response.status_code == 201
    key = response.json()["key"]
    token = ApiToken.objects.get(pk=response.json()["id"])
    assert token.key_hash == hash_token(key)
    assert key not in token.key_hash
    assert response.json()["prefix"] == key[:8]

    listing = api.get("/api/v1/me/tokens/")
    assert key not in listing.text
    assert token.key_hash not in listing.text
    assert "key" not in listing.json()["results"][0]
    api.logout()
    assert api.get("/api/v1/regions/", **bearer(key)).status_code == 200


def test_revoked_token_stops_working_and_leaves_the_list(api, world):
    member = world.users["member"]
    token, key = api_token_create(actor=member, name="Koppeling")
    response = api.post(f"/api/v1/me/tokens/{token.pk}/revoke/", **bearer(key))
    assert response.status_code == 200
    assert response.json()["revoked_at"]
    assert api.get("/api/v1/regions/", **bearer(key)).status_code == 401
    api.force_login(member)
    names = [t["name"] for t in api.get("/api/v1/me/tokens/").json()["results"]]
    assert "Koppeling" not in names


def test_someone_elses_token_cannot_be_revoked_404(api, world):
    token = world.tokens["chair"]
    api.force_login(world.users["member"])
    response = api.post(f"/api/v1/me/tokens/{token.pk}/revoke/")
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_token_lists_only_ones_own_tokens(api, world):
    api.force_login(world.users["member"])
    ids = [t["id"] for t in api.get("/api/v1/me/tokens/").json()["results"]]
    assert ids == [world.tokens["member"].pk]


def test_mfa_required_role_cannot_bypass_it_with_a_token(api, world):
    """A token is made on an account page that stays open without two-factor authentication;
    the API still refuses the role the region requires it for, as the pages do."""
    region_require_mfa(actor=world.users["region_admin"], region=world.region, roles=["supporter"])
    _, key = api_token_create(actor=world.users["supporter"], name="Omweg")
    response = api.get("/api/v1/regions/", **bearer(key))
    assert response.status_code == 403
    problem_fields(response)
    _, member_key = api_token_create(actor=world.users["member"], name="Gewoon")
    assert api.get("/api/v1/regions/", **bearer(member_key)).status_code == 200


def test_mfa_required_role_is_refused_with_a_session_too(api, world):
    region_require_mfa(actor=world.users["region_admin"], region=world.region, roles=["chair"])
    api.force_login(world.users["chair"])
    response = api.get(f"/api/v1/regions/{world.region.slug}/bodies/")
    assert response.status_code == 403

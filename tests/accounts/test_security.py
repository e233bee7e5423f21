"""Two-factor authentication required per role, throttled wrong passwords, API tokens."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from aantafel.accounts.services import api_token_create, api_token_revoke
from aantafel.audit.models import AuditEvent
from aantafel.core.errors import DomainError
from aantafel.regions.services import region_require_mfa


def test_mfa_required_for_a_role_sends_that_role_to_set_it_up(
    client, body, region_admin, supporter, member
):
    region_require_mfa(actor=region_admin, region=body.region, roles=["supporter"])
    client.force_login(supporter)
    response = client.get(reverse("body_list", args=[body.region.slug]))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_required")
    way_out = client.get(
        reverse("mfa_activate_totp")
    )  # stays open (allauth may ask the password again)
    assert way_out.status_code == 200 or way_out["Location"].startswith("/accounts/")
    api = client.get("/api/v1/regions/")
    assert api.status_code == 403
    assert api["Content-Type"] == "application/problem+json"

    client.force_login(member)  # a role the region did not name goes on as before
    assert client.get(reverse("body_list", args=[body.region.slug])).status_code == 200


def test_mfa_requirement_is_met_once_an_authenticator_is_active(
    client, body, region_admin, supporter
):
    region_require_mfa(actor=region_admin, region=body.region, roles=["supporter"])
    Authenticator.objects.create(user=supporter, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(supporter)
    assert client.get(reverse("body_list", args=[body.region.slug])).status_code == 200


def test_mfa_roles_setting_is_audited_and_checked(body, region_admin):
    region_require_mfa(actor=region_admin, region=body.region, roles=["admin", "chair"])
    event = AuditEvent.objects.get(action="region.require_mfa")
    assert event.changes == {"mfa_required_roles": [[], ["admin", "chair"]]}
    with pytest.raises(DomainError):
        region_require_mfa(actor=region_admin, region=body.region, roles=["koning"])


def test_region_settings_page_sets_required_roles(client, body, region_admin):
    client.force_login(region_admin)
    response = client.post(
        reverse("region_settings", args=[body.region.slug]), {"roles": ["chair"]}
    )
    assert response.status_code == 302
    body.region.refresh_from_db()
    assert body.region.mfa_required_roles == ["chair"]


def test_repeated_wrong_passwords_are_throttled(client, member):
    url = reverse("account_login")
    for attempt in range(5):
        response = client.post(url, {"login": member.email, "password": f"fout-{attempt}"})
        assert "_auth_user_id" not in client.session
    messages = " ".join(response.context["form"].non_field_errors())
    assert "Te veel" not in messages
    assert "Too many" not in messages
    blocked = client.post(url, {"login": member.email, "password": "een-goed-wachtwoord-42"})
    messages = " ".join(blocked.context["form"].non_field_errors())
    assert "Te veel inlogpogingen" in messages or "Too many failed login attempts" in messages
    assert "_auth_user_id" not in client.session  # even the right password waits


def test_wrong_password_shows_an_error_and_right_one_logs_in(client, member):
    url = reverse("account_login")
    response = client.post(url, {"login": member.email, "password": "verkeerd"})
    assert response.status_code == 200
    assert response.context["form"].errors
    response = client.post(url, {"login": member.email, "password": "een-goed-wachtwoord-42"})
    assert response.status_code == 302


def test_signup_is_closed_accounts_come_by_invitation(client, db):
    response = client.get(reverse("account_signup"))
    assert "closed" in response.text.lower() or "gesloten" in response.text.lower()


def test_api_token_is_shown_once_and_stored_as_hash(member):
    token, key = api_token_create(actor=member, name="Rapportage")
    assert key.startswith("at_")
    assert key not in token.key_hash
    assert token.prefix == key[:8]
    api_token_revoke(actor=member, token=token)
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEvent.objects.filter(action__startswith="api_token.").count() == 2


def test_api_token_page_makes_and_revokes_tokens(client, member):
    client.force_login(member)
    response = client.post(reverse("api_tokens"), {"name": "Koppeling"})
    assert response.status_code == 200
    key = response.context["new_key"]
    assert key in response.text
    token = member.api_tokens.get()
    assert client.post(reverse("api_token_revoke", args=[token.pk])).status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_someone_elses_token_cannot_be_revoked(client, member, chair):
    token, _ = api_token_create(actor=chair, name="Van de voorzitter")
    client.force_login(member)
    assert client.post(reverse("api_token_revoke", args=[token.pk])).status_code == 404


def test_mfa_required_role_cannot_make_api_tokens_before_setting_it_up(
    client, body, region_admin, supporter
):
    region_require_mfa(actor=region_admin, region=body.region, roles=["supporter"])
    client.force_login(supporter)
    response = client.post(reverse("api_tokens"), {"name": "Omweg"})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_required")
    assert not supporter.api_tokens.exists()

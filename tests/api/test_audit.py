"""Every write through the API leaves an audit event, written by the service in the same
transaction, naming the user and carrying the request's id."""

import pytest

from aantafel.audit.models import AuditEvent

from .conftest import today
from .test_permission_matrix import ENDPOINTS

# the audit action each write causes
ACTIONS = {
    ("region-detail", "put"): "region.require_mfa",
    ("region-detail", "patch"): None,  # sets [] where it was []: nothing changed, nothing logged
    ("body-list", "post"): "body.create",
    ("body-detail", "put"): "body.update",
    ("body-detail", "patch"): "body.update",
    ("terms-list", "post"): "terms.add_version",
    ("seat-list", "post"): "seat.create",
    ("seat-detail", "put"): "seat.update",
    ("seat-detail", "patch"): "seat.update",
    ("membership-end", "post"): "membership.end",
    ("invitation-list", "post"): "invitation.create",
    ("invitation-revoke", "post"): "invitation.revoke",
    ("invitation-resend", "post"): "invitation.resend",
    ("initiative-list", "post"): "initiative.register",
    ("initiative-parent-informed", "post"): "initiative.parent_informed",
    ("constituency-list", "post"): "constituency.create",
    ("organisation-list", "post"): "organisation.create",
    ("token-list", "post"): "api_token.create",
    ("token-revoke", "post"): "api_token.revoke",
}
WRITES = [e for e in ENDPOINTS if e[1] != "get"]


def test_every_write_endpoint_is_listed_here():
    assert {(e[0], e[1]) for e in WRITES} == set(ACTIONS)


@pytest.mark.parametrize(
    ("name", "method", "kwargs", "payload", "expected"),
    [w for w in WRITES if ACTIONS[(w[0], w[1])]],
    ids=[f"{w[1]}-{w[0]}" for w in WRITES if ACTIONS[(w[0], w[1])]],
)
def test_every_api_write_is_audited(world, as_role, name, method, kwargs, payload, expected):
    from django.urls import reverse

    role = "region_admin"
    action = ACTIONS[(name, method)]
    before = set(AuditEvent.objects.values_list("pk", flat=True))
    response = getattr(as_role(role), method)(
        reverse(f"v1:{name}", kwargs=kwargs(world, role)), payload(world), format="json"
    )
    assert response.status_code in (200, 201), response.content
    events = AuditEvent.objects.exclude(pk__in=before)
    assert [e.action for e in events] == [action]
    event = events.get()
    assert event.actor == world.users[role]
    assert event.request_id == response["X-Request-ID"]
    assert event.region == (None if action.startswith("api_token.") else world.region)


def test_refused_write_leaves_no_audit_event(world, as_role):
    before = AuditEvent.objects.count()
    response = as_role("region_admin").post(
        f"/api/v1/regions/{world.region.slug}/bodies/{world.body.pk}/seats/",
        {"constituency": world.free_constituency.pk, "places": 0},
        format="json",
    )
    assert response.status_code == 400
    assert AuditEvent.objects.count() == before


def test_audit_events_are_listed_newest_first_and_filtered(world, as_role):
    client = as_role("region_admin")
    url = f"/api/v1/regions/{world.region.slug}/audit-events/"
    client.patch(
        f"/api/v1/regions/{world.region.slug}/bodies/{world.body.pk}/",
        {"description": "Nieuwe omschrijving"},
        format="json",
    )
    newest = client.get(url).json()["results"][0]
    assert newest["action"] == "body.update"
    assert newest["actor"] == world.users["region_admin"].pk
    assert newest["changes"]["description"] == ["", "Nieuwe omschrijving"]
    only = client.get(url, {"action": "initiative.register"}).json()
    assert only["count"] == 1
    assert only["results"][0]["target_repr"] == "Themadag"


def test_b1_audit_events_of_another_region_are_not_listed(world, as_role, other_region):
    from aantafel.bodies import services

    services.constituency_create(
        actor=world.users["outsider"], region=other_region, name="Elders", kind="clients"
    )
    response = as_role("region_admin").get(f"/api/v1/regions/{world.region.slug}/audit-events/")
    assert "Elders" not in response.text


def test_audit_events_are_paginated(world, as_role):
    from aantafel.bodies import services

    for day in range(3):
        services.initiative_register(
            actor=world.users["region_admin"], body=world.body, title=f"I{day}", taken_on=today()
        )
    page = as_role("region_admin").get(
        f"/api/v1/regions/{world.region.slug}/audit-events/", {"limit": 2}
    )
    data = page.json()
    assert len(data["results"]) == 2
    assert data["count"] > 2
    assert data["next"]

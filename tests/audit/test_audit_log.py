"""Audit: region administrators read who changed what and when, for their own region only."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aantafel.audit.models import AuditEvent
from aantafel.bodies import services

from .. import factories as f


def test_admin_reads_changes_with_who_and_what(client, body, region_admin):
    services.body_update(actor=region_admin, body=body, description="Nieuwe omschrijving")
    client.force_login(region_admin)
    response = client.get(reverse("audit_log", args=[body.region.slug]))
    assert response.status_code == 200
    assert "body.update" in response.text
    assert "Nieuwe omschrijving" in response.text
    assert region_admin.full_name in response.text


def test_log_can_be_filtered_by_action(client, body, region_admin):
    services.body_update(actor=region_admin, body=body, description="x")
    services.seat_create(
        actor=region_admin, body=body, constituency=f.ConstituencyFactory(region=body.region)
    )
    client.force_login(region_admin)
    page = client.get(
        reverse("audit_log", args=[body.region.slug]), {"action": "seat.create"}
    ).context["page"]
    assert {event.action for event in page} == {"seat.create"}


def test_log_shows_nothing_of_another_region(client, body, region_admin, other_region):
    foreign = f.BodyFactory(region=other_region)
    services.body_update(actor=None, body=foreign, description="elders")
    client.force_login(region_admin)
    response = client.get(reverse("audit_log", args=[body.region.slug]))
    assert "elders" not in response.text


def test_log_page_query_count_is_fixed(client, body, region_admin):
    client.force_login(region_admin)
    url = reverse("audit_log", args=[body.region.slug])
    counts = []
    for total in (5, 120):
        AuditEvent.objects.bulk_create(
            AuditEvent(
                region=body.region,
                action="body.update",
                target_type="bodies.body",
                target_id="1",
                target_repr="x",
                changes={"name": ["a", "b"]},
            )
            for _ in range(total)
        )
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_htmx_filter_gets_only_the_list(client, body, region_admin):
    services.body_update(actor=region_admin, body=body, description="x")
    client.force_login(region_admin)
    response = client.get(
        reverse("audit_log", args=[body.region.slug]),
        {"action": "body.update"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert 'id="audit-events"' in response.text
    assert "<html" not in response.text
    assert "body.update" in response.text

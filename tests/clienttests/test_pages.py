"""S5: the staff pages of client tests do what they say: make a test, edit it, open and close
it, make links and download them. Forbidden and cross-region answers are in
test_permission_matrix.py; here the behaviour behind the buttons."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from aantafel.audit.models import AuditEvent
from aantafel.clienttests import links, services
from aantafel.clienttests.models import ClientTest, ClientTestAnswer, ClientTestLink
from aantafel.clienttests.workflow import ClientTestStatus

from .. import factories as f
from .conftest import ANSWER

pytestmark = pytest.mark.django_db


def in_days(n: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=n)).isoformat()


FORM = {
    "title": "Een vaste begeleider",
    "proposal": "Elke jongere krijgt één vaste begeleider.",
    "target_groups": ["young_people", "parents"],
    "closes_on": in_days(14),
}


def test_s5_the_supporter_makes_a_test_through_the_page(client, body, supporter):
    client.force_login(supporter)
    response = client.post(
        reverse("client_test_create", args=[body.region.slug]), {**FORM, "body": body.pk}
    )
    test = ClientTest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("client_test_detail", args=[body.region.slug, test.pk])
    assert (test.status, test.body, test.created_by) == (ClientTestStatus.DRAFT, body, supporter)


def test_s5_a_supporter_cannot_choose_a_body_they_do_not_run(client, body, supporter):
    other = f.BodyFactory(region=body.region, name="Andere tafel")
    client.force_login(supporter)
    response = client.post(
        reverse("client_test_create", args=[body.region.slug]), {**FORM, "body": other.pk}
    )
    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert not ClientTest.objects.exists()


def test_s5_a_refusal_of_the_service_lands_beside_the_field(client, body, supporter):
    client.force_login(supporter)
    response = client.post(
        reverse("client_test_create", args=[body.region.slug]),
        {**FORM, "body": body.pk, "closes_on": "2000-01-01"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["closes_on"][0]
    assert not ClientTest.objects.exists()


def test_s5_edit_open_and_close_through_the_pages(client, body, chair):
    test = f.ClientTestFactory(body=body)
    slug = body.region.slug
    client.force_login(chair)
    response = client.post(
        reverse("client_test_edit", args=[slug, test.pk]), {**FORM, "title": "Nieuwe titel"}
    )
    assert response.status_code == 302
    client.post(reverse("client_test_open", args=[slug, test.pk]))
    test.refresh_from_db()
    assert (test.title, test.status) == ("Nieuwe titel", ClientTestStatus.OPEN)
    # Open: the proposal is frozen; the page says why and nothing changes.
    response = client.post(
        reverse("client_test_edit", args=[slug, test.pk]), {**FORM, "proposal": "Anders."}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    client.post(reverse("client_test_close", args=[slug, test.pk]))
    test.refresh_from_db()
    assert test.status == ClientTestStatus.CLOSED
    assert AuditEvent.objects.filter(action="client_test.status", actor=chair).count() == 2


def test_s5_a_representative_makes_links_and_downloads_them(client, body, representative):
    test = f.ClientTestFactory(body=body, open=True)
    slug = body.region.slug
    client.force_login(representative)
    response = client.post(
        reverse("client_test_links", args=[slug, test.pk]),
        {"count": "5", "label": "achterban ouders", "expires_on": ""},
    )
    assert response.status_code == 302
    assert ClientTestLink.objects.filter(created_by=representative).count() == 5
    page = client.get(reverse("client_test_links", args=[slug, test.pk]))
    assert len(page.context["links"]) == 5
    export = client.get(reverse("client_test_links_export", args=[slug, test.pk]))
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert len(rows) == 6
    urls = [row[0] for row in rows[1:]]
    tokens = {links.token_for(link) for link in ClientTestLink.objects.all()}
    assert {u.rstrip("/").rsplit("/", 1)[-1] for u in urls} == tokens
    assert all(row[1] == "achterban ouders" for row in rows[1:])


def test_s5_links_after_the_closing_date_are_refused_on_the_page(client, body, supporter):
    test = f.ClientTestFactory(body=body, open=True)
    client.force_login(supporter)
    response = client.post(
        reverse("client_test_links", args=[body.region.slug, test.pk]),
        {"count": "3", "label": "", "expires_on": in_days(60)},
    )
    assert response.status_code == 200
    assert "expires_on" in response.context["form"].errors
    assert not ClientTestLink.objects.exists()


def test_s5_each_sees_only_the_links_they_made(client, body, supporter, representative):
    test = f.ClientTestFactory(body=body, open=True)
    services.client_test_links_create(actor=supporter, test=test, count=2)
    client.force_login(representative)
    page = client.get(reverse("client_test_links", args=[body.region.slug, test.pk]))
    assert page.context["links"] == []


@pytest.mark.smoke
def test_s5_client_tests_work_on_the_embedded_database(client, body, supporter):
    """`make run` uses SQLite: the whole loop, from making a test to its report."""
    test = services.client_test_create(
        actor=supporter,
        body=body,
        title="Plan",
        proposal="Tekst",
        target_groups=["young_people"],
        closes_on=timezone.localdate() + datetime.timedelta(days=3),
    )
    services.client_test_open(actor=supporter, test=test)
    made = services.client_test_links_create(actor=supporter, test=test, count=3)
    for link in made:
        response = client.post(
            reverse("client_test_answer", args=[links.token_for(link)]),
            {**ANSWER, "remarks": "Goed."},
        )
        assert response.status_code == 302
    again = client.post(reverse("client_test_answer", args=[links.token_for(made[0])]), ANSWER)
    assert again.status_code == 409
    assert ClientTestAnswer.objects.count() == 3
    client.force_login(supporter)
    report = client.get(reverse("client_test_report", args=[body.region.slug, test.pk]))
    assert report.context["report"].overall.answers == 3

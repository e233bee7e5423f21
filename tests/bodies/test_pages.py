"""The pages call the same services: a refused write shows its message beside the field that
caused it, and nothing is saved."""

import datetime

from django.urls import reverse
from django.utils import timezone

from aantafel.bodies.models import Body, Initiative, Membership, Seat, TermsOfReference

from .. import factories as f


def _field_error(response, field: str) -> str:
    form = response.context["form"]
    return " ".join(form.errors.get(field, []))


def test_terms_form_refuses_a_date_before_the_previous_version(client, body, supporter):
    client.force_login(supporter)
    url = reverse("terms_add", args=[body.region.slug, body.pk])
    form = client.get(url).context["form"]
    assert form.initial["approved_by"] == "IROJ Limburg"  # starts as a copy of the current version
    response = client.post(
        url,
        {
            "objectives": "x",
            "decision_rule": "consensus",
            "approved_by": "IROJ",
            "approved_on": "2019-01-01",
        },
    )
    assert response.status_code == 200
    assert "vorige versie" in _field_error(
        response, "approved_on"
    ) or "previous version" in _field_error(response, "approved_on")
    assert 'id="id_approved_on_error"' in response.text
    assert 'aria-describedby="id_approved_on_error' in response.text
    assert TermsOfReference.objects.filter(body=body).count() == 1


def test_seat_form_refuses_negative_places(client, body, supporter):
    client.force_login(supporter)
    constituency = f.ConstituencyFactory(region=body.region)
    response = client.post(
        reverse("seat_add", args=[body.region.slug, body.pk]),
        {"constituency": constituency.pk, "places": -2},
    )
    assert response.status_code == 200
    assert _field_error(response, "places")
    assert not Seat.objects.exists()


def test_invite_form_refuses_a_term_ending_before_it_starts(client, body, region_admin):
    client.force_login(region_admin)
    response = client.post(
        reverse("member_invite", args=[body.region.slug, body.pk]),
        {
            "full_name": "A",
            "email": "a@voorbeeld.example",
            "role": "member",
            "start_date": "2025-05-01",
            "end_date": "2025-04-01",
        },
    )
    assert response.status_code == 200
    assert _field_error(response, "end_date")


def test_invite_form_refuses_an_address_already_invited(client, body, region_admin):
    client.force_login(region_admin)
    url = reverse("member_invite", args=[body.region.slug, body.pk])
    data = {
        "full_name": "A",
        "email": "a@voorbeeld.example",
        "role": "member",
        "start_date": "2025-05-01",
    }
    assert client.post(url, data).status_code == 302
    response = client.post(url, data)
    assert response.status_code == 200
    assert _field_error(response, "email")


LEAD_TIMES = {"agenda_lead_days": 8, "item_deadline_days": 10}


def test_admin_creates_a_body_and_edits_it(client, region, region_admin):
    client.force_login(region_admin)
    response = client.post(
        reverse("body_create", args=[region.slug]),
        {"name": "Werkgroep Jongeren", "body_type": "working_group", **LEAD_TIMES},
    )
    body = Body.objects.get(name="Werkgroep Jongeren")
    assert response["Location"] == reverse("body_detail", args=[region.slug, body.pk])
    response = client.post(
        reverse("body_create", args=[region.slug]),
        {"name": "werkgroep jongeren", "body_type": "working_group", **LEAD_TIMES},
    )
    assert _field_error(response, "name")
    client.post(
        reverse("body_edit", args=[region.slug, body.pk]),
        {"name": "Werkgroep Jeugd", "body_type": "working_group", **LEAD_TIMES},
    )
    body.refresh_from_db()
    assert body.name == "Werkgroep Jeugd"


def test_supporter_ends_a_membership_and_it_stays_as_history(client, body, supporter, member):
    client.force_login(supporter)
    membership = Membership.objects.get(user=member)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    client.post(
        reverse("membership_end", args=[body.region.slug, body.pk, membership.pk]),
        {"end_date": yesterday, "reason": "Termijn voorbij"},
    )
    response = client.get(reverse("body_detail", args=[body.region.slug, body.pk]))
    assert membership in response.context["detail"].former_members
    assert "Termijn voorbij" in response.text


def test_chair_registers_an_initiative_and_the_informed_date(client, body, chair):
    client.force_login(chair)
    client.post(
        reverse("initiative_add", args=[body.region.slug, body.pk]),
        {"title": "Themadag", "taken_on": "2024-02-01"},
    )
    initiative = Initiative.objects.get()
    response = client.post(
        reverse("initiative_informed", args=[body.region.slug, body.pk, initiative.pk]),
        {"parent_informed_on": (timezone.localdate() + datetime.timedelta(days=2)).isoformat()},
    )
    assert _field_error(response, "parent_informed_on")
    client.post(
        reverse("initiative_informed", args=[body.region.slug, body.pk, initiative.pk]),
        {"parent_informed_on": "2024-02-10"},
    )
    initiative.refresh_from_db()
    assert initiative.parent_informed_on == datetime.date(2024, 2, 10)


def test_terms_version_page_marks_an_earlier_version(client, body, member):
    f.TermsFactory(body=body, version=2, approved_on=datetime.date(2023, 1, 1))
    client.force_login(member)
    old = client.get(reverse("terms_version", args=[body.region.slug, body.pk, 1]))
    assert old.context["is_current"] is False
    assert (
        client.get(reverse("terms_version", args=[body.region.slug, body.pk, 2])).context[
            "is_current"
        ]
        is True
    )
    assert (
        client.get(reverse("terms_version", args=[body.region.slug, body.pk, 9])).status_code == 404
    )


def test_admin_adds_constituencies_and_organisations(client, region, region_admin):
    client.force_login(region_admin)
    url = reverse("registers", args=[region.slug])
    client.post(url, {"c-name": "ouders", "c-kind": "clients"})
    response = client.post(url, {"c-name": "Ouders", "c-kind": "clients"})
    assert response.context["constituency_form"].errors["name"]
    client.post(url, {"o-name": "Ouderplatform"})
    page = client.get(url)
    assert "ouders" in page.text
    assert "Ouderplatform" in page.text

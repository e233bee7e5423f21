"""Bad input gets 400 (or 409) problem details whose `errors[].field` names the input that caused
it, and nothing is saved. The rules themselves live in the services; these tests prove the API
goes through them and names the same fields."""

import datetime

import pytest

from aantafel.accounts.models import User
from aantafel.bodies.models import Body, Initiative, Invitation, Membership, Seat, TermsOfReference

from .. import factories as f
from .conftest import problem_fields, today


@pytest.fixture
def admin_api(api, world):
    api.force_login(world.users["region_admin"])
    return api


def base(world) -> str:
    return f"/api/v1/regions/{world.region.slug}/bodies/{world.body.pk}"


def invite(admin_api, world, **data):
    payload = {
        "email": "nieuw@voorbeeld.example",
        "full_name": "Nieuw Lid",
        "role": "member",
        "start_date": today().isoformat(),
        **data,
    }
    return admin_api.post(f"{base(world)}/invitations/", payload, format="json")


def assert_problem(response, status: int, field: str | None, code: str | None = None):
    assert response.status_code == status, response.content
    assert problem_fields(response) == [field]
    if code is not None:
        assert response.json()["errors"][0]["code"] == code


# --- B1: ids are looked up within the region ------------------------------------------------------


def test_b1_unknown_constituency_id_from_another_region_is_400_naming_field(
    admin_api, world, other_region
):
    foreign = f.ConstituencyFactory(region=other_region)
    response = admin_api.post(
        f"{base(world)}/seats/", {"constituency": foreign.pk, "places": 1}, format="json"
    )
    assert_problem(response, 400, "constituency", "unknown")
    assert response.json()["errors"][0]["detail"] in (
        "Deze keuze bestaat niet in deze regio.",
        "This choice does not exist in this region.",
    )
    assert not Seat.objects.filter(constituency=foreign).exists()


def test_b1_unknown_id_that_exists_nowhere_is_400_unknown_alike(admin_api, world):
    response = admin_api.post(
        f"{base(world)}/seats/", {"constituency": 999999, "places": 1}, format="json"
    )
    assert_problem(response, 400, "constituency", "unknown")


@pytest.mark.parametrize("field", ["seat", "constituency", "organisation", "substitute_for"])
def test_b1_invitation_naming_a_record_of_another_region_is_400_naming_field(
    admin_api, world, other_region, field
):
    other_body = f.BodyFactory(region=other_region)
    foreign = {
        "seat": lambda: f.SeatFactory(body=other_body),
        "constituency": lambda: f.ConstituencyFactory(region=other_region),
        "organisation": lambda: f.OrganisationFactory(region=other_region),
        "substitute_for": lambda: f.MembershipFactory(body=other_body),
    }[field]()
    response = invite(admin_api, world, **{field: foreign.pk})
    assert_problem(response, 400, field, "unknown")
    assert not Invitation.objects.filter(email="nieuw@voorbeeld.example").exists()


def test_b1_body_reporting_to_a_body_of_another_region_is_400_naming_field(
    admin_api, world, other_region
):
    foreign = f.BodyFactory(region=other_region)
    response = admin_api.post(
        f"/api/v1/regions/{world.region.slug}/bodies/",
        {"name": "Werkgroep", "body_type": "working_group", "parent": foreign.pk},
        format="json",
    )
    assert_problem(response, 400, "parent", "unknown")
    assert not Body.objects.filter(name="Werkgroep").exists()


def test_b1_other_region_body_is_404(admin_api, world, other_region):
    foreign = f.BodyFactory(region=other_region)
    slug = world.region.slug
    assert admin_api.get(f"/api/v1/regions/{slug}/bodies/{foreign.pk}/").status_code == 404
    assert admin_api.get(f"/api/v1/regions/{slug}/bodies/{foreign.pk}/seats/").status_code == 404
    # and through the other region's own address: the admin does not belong to it
    response = admin_api.get(f"/api/v1/regions/{other_region.slug}/bodies/{foreign.pk}/")
    assert response.status_code == 404
    problem_fields(response)


def test_b1_record_of_another_body_in_the_url_is_404(admin_api, world):
    other_body = f.BodyFactory(region=world.region)
    seat = f.SeatFactory(body=other_body)
    membership = f.MembershipFactory(body=other_body)
    initiative = Initiative.objects.create(
        region=world.region, body=other_body, title="Elders", taken_on=today()
    )
    b = base(world)
    assert admin_api.patch(f"{b}/seats/{seat.pk}/", {"places": 5}, format="json").status_code == 404
    assert admin_api.post(f"{b}/memberships/{membership.pk}/end/", {}).status_code == 404
    assert admin_api.get(f"{b}/initiatives/{initiative.pk}/").status_code == 404
    assert admin_api.get(f"{b}/terms/99/").status_code == 404
    seat.refresh_from_db()
    assert seat.places == 1


# --- B2 -------------------------------------------------------------------------------------------


def test_b2_body_cannot_report_to_itself_is_400_naming_field(admin_api, world):
    response = admin_api.patch(f"{base(world)}/", {"parent": world.body.pk}, format="json")
    assert_problem(response, 400, "parent")


def test_b2_body_without_name_is_400_naming_field(admin_api, world):
    response = admin_api.post(
        f"/api/v1/regions/{world.region.slug}/bodies/", {"body_type": "steering"}, format="json"
    )
    assert_problem(response, 400, "name", "required")


def test_b2_unknown_body_type_is_400_naming_field(admin_api, world):
    response = admin_api.post(
        f"/api/v1/regions/{world.region.slug}/bodies/",
        {"name": "X", "body_type": "koninkrijk"},
        format="json",
    )
    assert_problem(response, 400, "body_type")


# --- B3 -------------------------------------------------------------------------------------------


def test_b3_terms_dated_before_previous_version_is_400_naming_field(admin_api, world):
    response = admin_api.post(
        f"{base(world)}/terms/",
        {
            "decision_rule": "consensus",
            "approved_by": "IROJ Limburg",
            "approved_on": "2020-01-01",  # version 1 was approved on 9 June 2021
            "mandate": "Nieuw mandaat",
        },
        format="json",
    )
    assert_problem(response, 400, "approved_on")
    assert TermsOfReference.objects.filter(body=world.body).count() == 1


def test_b3_terms_approved_in_the_future_is_400_naming_field(admin_api, world):
    response = admin_api.post(
        f"{base(world)}/terms/",
        {
            "decision_rule": "consensus",
            "approved_by": "IROJ Limburg",
            "approved_on": (today() + datetime.timedelta(days=1)).isoformat(),
            "mandate": "Nieuw mandaat",
        },
        format="json",
    )
    assert_problem(response, 400, "approved_on")


def test_b3_terms_with_a_malformed_date_is_400_naming_field(admin_api, world):
    response = admin_api.post(
        f"{base(world)}/terms/",
        {"decision_rule": "consensus", "approved_by": "IROJ", "approved_on": "9 juni"},
        format="json",
    )
    assert_problem(response, 400, "approved_on", "invalid")


# --- B4 -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("places", [0, -1])
def test_b4_seat_with_fewer_than_one_place_is_400_naming_field(admin_api, world, places):
    response = admin_api.post(
        f"{base(world)}/seats/",
        {"constituency": world.free_constituency.pk, "places": places},
        format="json",
    )
    assert_problem(response, 400, "places")
    assert not Seat.objects.filter(constituency=world.free_constituency).exists()


def test_b4_seat_update_below_one_place_is_400_naming_field(admin_api, world):
    response = admin_api.put(f"{base(world)}/seats/{world.seat.pk}/", {"places": 0}, format="json")
    assert_problem(response, 400, "places")
    world.seat.refresh_from_db()
    assert world.seat.places == 2


def test_b4_seat_cannot_shrink_below_its_current_holders(admin_api, world):
    for _ in range(2):
        f.MembershipFactory(body=world.body, seat=world.seat, seat_role="holder")
    response = admin_api.patch(
        f"{base(world)}/seats/{world.seat.pk}/", {"places": 1}, format="json"
    )
    assert_problem(response, 400, "places")


# --- B5 -------------------------------------------------------------------------------------------


def test_b5_membership_end_before_start_is_400_naming_field(admin_api, world):
    before_start = world.membership.start_date - datetime.timedelta(days=1)
    response = admin_api.post(
        f"{base(world)}/memberships/{world.membership.pk}/end/",
        {"end_date": before_start.isoformat()},
        format="json",
    )
    assert_problem(response, 400, "end_date")
    world.membership.refresh_from_db()
    assert world.membership.end_date is None


def test_b5_member_twice_in_same_seat_is_400_naming_field(admin_api, world):
    holder = f.MembershipFactory(body=world.body, seat=world.seat, seat_role="holder")
    response = invite(
        admin_api,
        world,
        email=holder.user.email,
        seat=world.seat.pk,
        seat_role="holder",
    )
    assert_problem(response, 400, "seat")
    assert not Invitation.objects.filter(email=holder.user.email).exists()


def test_b5_already_invited_email_is_400_naming_field(admin_api, world):
    response = invite(admin_api, world, email="GENODIGDE@voorbeeld.example")
    assert_problem(response, 400, "email")
    assert Invitation.objects.filter(email="genodigde@voorbeeld.example").count() == 1


def test_b5_current_member_cannot_be_invited_again(admin_api, world):
    response = invite(admin_api, world, email=world.users["member"].email)
    assert_problem(response, 400, "email")


def test_b5_invitation_term_ending_before_it_starts_is_400_naming_field(admin_api, world):
    response = invite(admin_api, world, end_date=(today() - datetime.timedelta(days=1)).isoformat())
    assert_problem(response, 400, "end_date")


def test_b5_substitute_without_holder_is_400_naming_field(admin_api, world):
    response = invite(admin_api, world, seat=world.seat.pk, seat_role="substitute")
    assert_problem(response, 400, "substitute_for")


def test_b5_guest_does_not_hold_a_seat(admin_api, world):
    response = invite(admin_api, world, role="guest", seat=world.seat.pk, seat_role="holder")
    assert_problem(response, 400, "seat")


def test_b5_withdrawn_invitation_cannot_be_resent_409(admin_api, world):
    b = base(world)
    assert admin_api.post(f"{b}/invitations/{world.invitation.pk}/revoke/").status_code == 200
    response = admin_api.post(f"{b}/invitations/{world.invitation.pk}/resend/")
    assert_problem(response, 409, None, "conflict")


def test_b5_ended_membership_cannot_end_again(admin_api, world):
    ended = f.MembershipFactory(body=world.body, ended=True)
    response = admin_api.post(f"{base(world)}/memberships/{ended.pk}/end/", {}, format="json")
    assert_problem(response, 400, "end_date")
    assert Membership.objects.get(pk=ended.pk).end_reason == "Termijn voorbij"


# --- B7 -------------------------------------------------------------------------------------------


def test_b7_parent_informed_in_the_future_is_400_naming_field(admin_api, world):
    response = admin_api.post(
        f"{base(world)}/initiatives/{world.initiative.pk}/parent-informed/",
        {"parent_informed_on": (today() + datetime.timedelta(days=3)).isoformat()},
        format="json",
    )
    assert_problem(response, 400, "parent_informed_on")
    world.initiative.refresh_from_db()
    assert world.initiative.parent_informed_on is None


def test_b7_initiative_without_mandate_is_400(admin_api, world):
    bare = f.BodyFactory(region=world.region, parent=world.body)
    response = admin_api.post(
        f"/api/v1/regions/{world.region.slug}/bodies/{bare.pk}/initiatives/",
        {"title": "Iets", "taken_on": today().isoformat()},
        format="json",
    )
    assert_problem(response, 400, None)


# --- Registers and region settings ----------------------------------------------------------------


def test_b4_constituency_name_used_twice_is_400_naming_field(admin_api, world):
    url = f"/api/v1/regions/{world.region.slug}/constituencies/"
    response = admin_api.post(
        url, {"name": world.free_constituency.name.upper(), "kind": "clients"}, format="json"
    )
    assert_problem(response, 400, "name")


def test_unknown_mfa_role_is_400_naming_field(admin_api, world):
    response = admin_api.put(
        f"/api/v1/regions/{world.region.slug}/",
        {"mfa_required_roles": ["koning"]},
        format="json",
    )
    assert_problem(response, 400, "mfa_required_roles")


def test_token_expiring_in_the_past_is_400_naming_field(admin_api, world):
    response = admin_api.post(
        "/api/v1/me/tokens/", {"name": "Oud", "expires_at": "2020-01-01T00:00:00Z"}, format="json"
    )
    assert_problem(response, 400, "expires_at")
    assert (
        not User.objects.get(pk=world.users["region_admin"].pk)
        .api_tokens.filter(name="Oud")
        .exists()
    )

"""What the endpoints return and do, rule by rule (section 1 of PRODUCT.md), through the services."""

import datetime

import pytest

from aantafel.bodies.models import Invitation, Membership, TermsOfReference

from .. import factories as f
from .conftest import problem_fields, today


@pytest.fixture
def admin_api(api, world):
    api.force_login(world.users["region_admin"])
    return api


def base(world) -> str:
    return f"/api/v1/regions/{world.region.slug}/bodies/{world.body.pk}"


# --- B1: regions ------------------------------------------------------------------------------


def test_b1_region_shows_its_settings_and_the_callers_role(admin_api, world):
    data = admin_api.get(f"/api/v1/regions/{world.region.slug}/").json()
    assert data["slug"] == "iroj-limburg"
    assert data["country"] == "BE"
    assert data["safety_contact_line"] == "1712"
    assert data["my_role"] == "admin"


def test_region_admin_sets_the_roles_that_need_two_factor_authentication(admin_api, world):
    url = f"/api/v1/regions/{world.region.slug}/"
    response = admin_api.put(url, {"mfa_required_roles": ["supporter", "chair"]}, format="json")
    assert response.status_code == 200
    assert response.json()["mfa_required_roles"] == ["chair", "supporter"]
    assert response.json()["my_role"] == "admin"
    assert admin_api.patch(url, {}, format="json").json()["mfa_required_roles"] == [
        "chair",
        "supporter",
    ]
    world.region.refresh_from_db()
    assert world.region.mfa_required_roles == ["chair", "supporter"]


def test_b1_anonymous_gets_401_before_anything_is_looked_up(api, db):
    response = api.get("/api/v1/regions/bestaat-niet/bodies/")
    assert response.status_code == 401
    problem_fields(response)


# --- B2, B4: bodies ---------------------------------------------------------------------------


def test_b4_body_list_shows_members_and_seat_filling(admin_api, world):
    f.MembershipFactory(body=world.body, seat=world.seat, seat_role="holder")
    data = admin_api.get(f"/api/v1/regions/{world.region.slug}/bodies/").json()
    body = next(b for b in data["results"] if b["id"] == world.body.pk)
    assert body["parent"] == {"id": world.body.parent_id, "name": "IROJ Limburg"}
    assert body["member_count"] == 4  # supporter, chair, member and the seat holder
    assert (body["seat_places"], body["seats_filled"], body["seats_vacant"]) == (2, 1, 1)


def test_b2_body_list_can_be_filtered_by_type(admin_api, world):
    url = f"/api/v1/regions/{world.region.slug}/bodies/"
    names = [b["name"] for b in admin_api.get(url, {"body_type": "steering"}).json()["results"]]
    assert names == ["IROJ Limburg"]
    assert problem_fields(admin_api.get(url, {"body_type": "koninkrijk"})) == ["body_type"]


def test_b2_body_is_created_with_type_parent_and_department(admin_api, world):
    response = admin_api.post(
        f"/api/v1/regions/{world.region.slug}/bodies/",
        {
            "name": "Overleg Cliëntvertegenwoordigers",
            "body_type": "client_representatives",
            "parent": world.body.parent_id,
        },
        format="json",
    )
    assert response.status_code == 201
    data = response.json()
    assert data["parent"]["name"] == "IROJ Limburg"
    assert data["supporting_department"] == "departement WVG"  # the region's default
    assert data["current_terms"] is None
    assert data["seats"] == []


def test_b2_patch_changes_only_what_it_names(admin_api, world):
    response = admin_api.patch(f"{base(world)}/", {"description": "RTJ"}, format="json")
    assert response.status_code == 200
    world.body.refresh_from_db()
    assert world.body.description == "RTJ"
    assert world.body.parent_id is not None


def test_b2_put_replaces_the_body(admin_api, world):
    response = admin_api.put(
        f"{base(world)}/", {"name": "Kerngroep", "body_type": "working_group"}, format="json"
    )
    assert response.status_code == 200
    world.body.refresh_from_db()
    assert (world.body.name, world.body.body_type, world.body.parent) == (
        "Kerngroep",
        "working_group",
        None,
    )


def test_b3_b4_b5_body_detail_shows_terms_seats_and_members(api, world):
    holder = f.MembershipFactory(body=world.body, seat=world.seat, seat_role="holder")
    f.MembershipFactory(body=world.body, ended=True)
    api.force_login(world.users["member"])
    data = api.get(f"{base(world)}/").json()
    assert data["current_terms"]["version"] == 1
    assert data["current_terms"]["approved_by"] == "IROJ Limburg"
    assert data["current_terms"]["approved_on"] == "2021-06-09"
    (seat,) = data["seats"]
    assert (seat["places"], seat["filled"], seat["vacant"]) == (2, 1, 1)
    assert seat["holders"][0]["user"]["name"] == holder.user.full_name
    assert (data["places_total"], data["places_vacant"]) == (2, 1)
    roles = sorted(m["role"] for m in data["current_members"])
    assert roles == ["chair", "member", "member", "supporter"]  # the ended one is history
    assert data["permissions"] == {"manage": False, "change": False, "add_initiative": False}
    assert data["open_invitations"] == []  # only for whoever manages the body
    assert "@" not in str(data["current_members"])  # members' addresses are not shown


def test_body_detail_shows_managers_the_open_invitations_without_their_token(admin_api, world):
    data = admin_api.get(f"{base(world)}/").json()
    assert data["permissions"] == {"manage": True, "change": True, "add_initiative": True}
    assert [i["email"] for i in data["open_invitations"]] == ["genodigde@voorbeeld.example"]
    assert "token" not in str(data["open_invitations"][0])


# --- B3: terms of reference -------------------------------------------------------------------


def test_b3_new_version_keeps_the_old_one_readable(admin_api, world):
    response = admin_api.post(
        f"{base(world)}/terms/",
        {
            "decision_rule": "consensus_with_reservation",
            "approved_by": "IROJ Limburg",
            "approved_on": today().isoformat(),
            "objectives": "Participatie bevorderen",
        },
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["version"] == 2
    assert response.json()["recorded_by"]["id"] == world.users["region_admin"].pk
    versions = admin_api.get(f"{base(world)}/terms/").json()["results"]
    assert [v["version"] for v in versions] == [2, 1]
    old = admin_api.get(f"{base(world)}/terms/1/").json()
    assert old["decision_rule"] == "consensus"
    assert old["approved_on"] == "2021-06-09"
    assert TermsOfReference.objects.get(body=world.body, version=1).decision_rule == "consensus"


# --- B4: seats --------------------------------------------------------------------------------


def test_b4_seat_is_added_and_its_places_changed(admin_api, world):
    response = admin_api.post(
        f"{base(world)}/seats/",
        {"constituency": world.free_constituency.pk, "places": 3, "label": "Ouders"},
        format="json",
    )
    assert response.status_code == 201
    seat = response.json()
    assert seat["constituency"]["id"] == world.free_constituency.pk
    assert (seat["places"], seat["filled"], seat["vacant"]) == (3, 0, 3)
    changed = admin_api.patch(f"{base(world)}/seats/{seat['id']}/", {"places": 1}, format="json")
    assert changed.status_code == 200
    assert changed.json()["places"] == 1
    assert changed.json()["label"] == "Ouders"


# --- B5: memberships and invitations ----------------------------------------------------------


def test_b5_ended_membership_stays_in_the_history(admin_api, world):
    url = f"{base(world)}/memberships/"
    response = admin_api.post(
        f"{url}{world.membership.pk}/end/",
        {"end_date": today().isoformat(), "reason": "Verhuisd"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["end_date"] == today().isoformat()
    assert response.json()["end_reason"] == "Verhuisd"
    everyone = {m["id"] for m in admin_api.get(url).json()["results"]}
    assert world.membership.pk in everyone


def test_b5_memberships_can_be_filtered_to_the_current_ones(admin_api, world):
    ended = f.MembershipFactory(body=world.body, ended=True)
    later = f.MembershipFactory(body=world.body, start_date=today() + datetime.timedelta(days=7))
    url = f"{base(world)}/memberships/"
    current = {m["id"] for m in admin_api.get(url, {"current": "true"}).json()["results"]}
    others = {m["id"] for m in admin_api.get(url, {"current": "false"}).json()["results"]}
    everyone = {m["id"] for m in admin_api.get(url).json()["results"]}
    assert ended.pk not in current
    assert later.pk not in current
    assert others == {ended.pk, later.pk}
    assert everyone == current | others
    assert problem_fields(admin_api.get(url, {"current": "misschien"})) == ["current"]


def test_b5_invitation_names_seat_and_is_never_shown_with_its_token(admin_api, world):
    response = admin_api.post(
        f"{base(world)}/invitations/",
        {
            "email": "Ouder@Voorbeeld.example",
            "full_name": "Een Ouder",
            "role": "member",
            "seat": world.seat.pk,
            "seat_role": "holder",
            "start_date": today().isoformat(),
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    data = response.json()
    invitation = Invitation.objects.get(pk=data["id"])
    assert data["email"] == "ouder@voorbeeld.example"
    assert data["is_open"] is True
    assert data["constituency"] == world.seat.constituency_id  # a holder represents the seat's
    assert "token_hash" not in data
    assert invitation.token_hash not in response.text

    listing = admin_api.get(f"{base(world)}/invitations/")
    assert {i["id"] for i in listing.json()["results"]} == {invitation.pk, world.invitation.pk}
    assert invitation.token_hash not in listing.text


def test_b5_invitation_is_resent_with_a_new_link_and_withdrawn(admin_api, world):
    url = f"{base(world)}/invitations/{world.invitation.pk}"
    old_hash = world.invitation.token_hash
    resent = admin_api.post(f"{url}/resend/")
    assert resent.status_code == 200
    world.invitation.refresh_from_db()
    assert world.invitation.token_hash != old_hash  # the old link stops working
    assert world.invitation.token_hash not in resent.text
    revoked = admin_api.post(f"{url}/revoke/")
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"]
    assert admin_api.get(f"{base(world)}/invitations/").json()["results"] == []


def test_b5_invitation_for_a_substitute_names_the_holder(admin_api, world):
    holder = f.MembershipFactory(body=world.body, seat=world.seat, seat_role="holder")
    response = admin_api.post(
        f"{base(world)}/invitations/",
        {
            "email": "vervanger@voorbeeld.example",
            "full_name": "Vervanger",
            "role": "member",
            "seat": world.seat.pk,
            "seat_role": "substitute",
            "substitute_for": holder.pk,
            "start_date": today().isoformat(),
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["substitute_for"] == holder.pk


# --- B7: initiatives --------------------------------------------------------------------------


def test_b7_chair_registers_an_initiative_and_marks_the_parent_informed(api, world):
    api.force_login(world.users["chair"])
    url = f"{base(world)}/initiatives/"
    response = api.post(
        url, {"title": "Themadag jongeren", "taken_on": today().isoformat()}, format="json"
    )
    assert response.status_code == 201
    initiative = response.json()
    assert initiative["parent_informed_on"] is None
    assert initiative["registered_by"] == world.users["chair"].pk
    informed = api.post(
        f"{url}{initiative['id']}/parent-informed/",
        {"parent_informed_on": today().isoformat()},
        format="json",
    )
    assert informed.status_code == 200
    assert informed.json()["parent_informed_on"] == today().isoformat()
    titles = [i["title"] for i in api.get(url).json()["results"]]
    assert "Themadag jongeren" in titles


# --- Registers --------------------------------------------------------------------------------


def test_b1_b4_registers_list_only_the_regions_own_records(admin_api, world, other_region):
    f.ConstituencyFactory(region=other_region, name="Elders")
    f.OrganisationFactory(region=other_region, name="Elders BV")
    slug = world.region.slug
    created = admin_api.post(
        f"/api/v1/regions/{slug}/constituencies/",
        {"name": "Ouders", "kind": "clients", "description": "Ouders van minderjarigen"},
        format="json",
    )
    assert created.status_code == 201
    assert created.json()["kind"] == "clients"
    organisation = admin_api.post(
        f"/api/v1/regions/{slug}/organisations/",
        {"name": "Cliëntenraad", "website": "https://voorbeeld.example"},
        format="json",
    )
    assert organisation.status_code == 201
    constituencies = admin_api.get(f"/api/v1/regions/{slug}/constituencies/").text
    organisations = admin_api.get(f"/api/v1/regions/{slug}/organisations/").text
    assert "Ouders" in constituencies
    assert "Elders" not in constituencies
    assert "Cliëntenraad" in organisations
    assert "Elders" not in organisations


# --- Plumbing ---------------------------------------------------------------------------------


def test_browsable_api_renders_for_a_logged_in_user(admin_api, world):
    for url in (f"{base(world)}/seats/", f"{base(world)}/", "/api/v1/me/tokens/"):
        response = admin_api.get(url, HTTP_ACCEPT="text/html")
        assert response.status_code == 200, url
        assert "generic-content-form" in response.text  # the forms of what they may do


def test_browsable_api_shows_no_forms_for_what_the_user_may_not_do(api, world):
    api.force_login(world.users["member"])
    for url in (f"{base(world)}/seats/", f"{base(world)}/"):
        response = api.get(url, HTTP_ACCEPT="text/html")
        assert response.status_code == 200, url
        assert "generic-content-form" not in response.text, url


def test_writes_leave_nothing_half_saved_when_the_service_refuses(admin_api, world):
    before = Membership.objects.count(), Invitation.objects.count()
    admin_api.post(
        f"{base(world)}/invitations/",
        {
            "email": "x@voorbeeld.example",
            "full_name": "X",
            "role": "member",
            "seat": world.seat.pk,
            "seat_role": "substitute",
            "start_date": today().isoformat(),
        },
        format="json",
    )
    assert (Membership.objects.count(), Invitation.objects.count()) == before


def test_options_describes_only_the_writes_the_user_may_do(api, world):
    url = f"{base(world)}/seats/"
    assert api.options(url).status_code == 401
    api.force_login(world.users["member"])
    assert "actions" not in api.options(url).json()
    api.force_login(world.users["supporter"])
    post = api.options(url).json()["actions"]["POST"]
    assert set(post) == {"constituency", "label", "places"}  # the input, not the output
    api.force_login(world.users["outsider"])
    assert api.options(url).status_code == 404

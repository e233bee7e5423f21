"""Section 1 of PRODUCT.md, rule by rule, through the services on PostgreSQL."""

import datetime

import pytest
from django.utils import timezone

from aantafel.audit.models import AuditEvent
from aantafel.bodies import services
from aantafel.bodies.models import Body, Invitation, Membership, TermsOfReference
from aantafel.bodies.queries import body_detail
from aantafel.bodies.services.memberships import MembershipTerms
from aantafel.core.errors import DomainError
from aantafel.regions.models import RegionMembership

from .. import factories as f

TODAY = timezone.localdate


def terms(**kw):
    defaults = {"role": "member", "start_date": TODAY() - datetime.timedelta(days=10)}
    return MembershipTerms(**{**defaults, **kw})


# --- B1: every record belongs to a region ----------------------------------------------------


def test_b1_body_cannot_report_to_a_body_of_another_region(region, other_region, region_admin):
    foreign = f.BodyFactory(region=other_region)
    with pytest.raises(DomainError) as error:
        services.body_create(
            actor=region_admin,
            region=region,
            name="Werkgroep",
            body_type="working_group",
            parent=foreign,
        )
    assert error.value.field == "parent"
    assert not Body.objects.filter(name="Werkgroep").exists()


def test_b1_seat_cannot_use_a_constituency_of_another_region(body, other_region, region_admin):
    foreign = f.ConstituencyFactory(region=other_region)
    with pytest.raises(DomainError) as error:
        services.seat_create(actor=region_admin, body=body, constituency=foreign, places=1)
    assert error.value.field == "constituency"


def test_b1_membership_makes_the_person_a_member_of_the_region(body, region_admin):
    person = f.UserFactory()
    services.membership_add(actor=region_admin, body=body, user=person, terms=terms())
    assert RegionMembership.objects.filter(region=body.region, user=person).exists()


# --- B2: type, parent body, supporting department ---------------------------------------------


def test_b2_body_records_type_parent_and_department(region, region_admin):
    iroj = services.body_create(
        actor=region_admin, region=region, name="IROJ", body_type="steering"
    )
    body = services.body_create(
        actor=region_admin,
        region=region,
        name="Overleg Cliëntvertegenwoordigers",
        body_type="client_representatives",
        parent=iroj,
    )
    assert body.parent == iroj
    assert body.supporting_department == region.department_name  # the region's default


def test_b2_body_cannot_report_to_itself_or_below_it(region, region_admin):
    top = services.body_create(actor=region_admin, region=region, name="Top", body_type="steering")
    below = services.body_create(
        actor=region_admin, region=region, name="Onder", body_type="core_group", parent=top
    )
    with pytest.raises(DomainError) as error:
        services.body_update(actor=region_admin, body=top, parent=below)
    assert error.value.code == "cycle"
    top.refresh_from_db()
    assert top.parent is None


def test_b2_body_names_are_unique_within_a_region(region, region_admin):
    services.body_create(
        actor=region_admin, region=region, name="Kerngroep", body_type="core_group"
    )
    with pytest.raises(DomainError) as error:
        services.body_create(
            actor=region_admin, region=region, name="kerngroep", body_type="core_group"
        )
    assert error.value.field == "name"


def test_b2_unknown_body_type_is_refused(region, region_admin):
    with pytest.raises(DomainError) as error:
        services.body_create(actor=region_admin, region=region, name="X", body_type="club")
    assert error.value.field == "body_type"


# --- B3: versioned terms of reference -----------------------------------------------------------


def test_b3_new_version_keeps_the_old_one_readable(body, region_admin):
    first = body.terms_versions.get()
    second = services.terms_add_version(
        actor=region_admin,
        body=body,
        decision_rule="consensus",
        approved_by="IROJ Limburg",
        approved_on=datetime.date(2023, 1, 10),
        objectives="- Nieuwe doelstelling",
        mandate="Elk initiatief inzake RTJ.",
    )
    assert second.version == first.version + 1
    first.refresh_from_db()
    assert first.objectives == "- Inventarisatie en informatie-uitwisseling"
    assert body_detail(body, with_invitations=False).current_terms == second


def test_b3_version_dated_before_the_previous_one_is_refused(body, region_admin):
    with pytest.raises(DomainError) as error:
        services.terms_add_version(
            actor=region_admin,
            body=body,
            decision_rule="consensus",
            approved_by="IROJ",
            approved_on=datetime.date(2020, 1, 1),
            objectives="x",
        )
    assert error.value.field == "approved_on"
    assert "9 juni 2021" in str(error.value.message) or "9 June 2021" in str(error.value.message)
    assert body.terms_versions.count() == 1


def test_b3_approval_date_in_the_future_is_refused(body, region_admin):
    with pytest.raises(DomainError) as error:
        services.terms_add_version(
            actor=region_admin,
            body=body,
            decision_rule="consensus",
            approved_by="IROJ",
            approved_on=TODAY() + datetime.timedelta(days=1),
            objectives="x",
        )
    assert error.value.field == "approved_on"


def test_b3_approver_is_required(body, region_admin):
    with pytest.raises(DomainError) as error:
        services.terms_add_version(
            actor=region_admin,
            body=body,
            decision_rule="consensus",
            approved_by="  ",
            approved_on=TODAY(),
            objectives="x",
        )
    assert error.value.field == "approved_by"


# --- B4: seats per constituency, filled and vacant ----------------------------------------------


def test_b4_body_page_data_shows_filled_and_vacant_places(body, region_admin):
    parents = f.ConstituencyFactory(region=body.region, name="ouders")
    minors = f.ConstituencyFactory(region=body.region, name="minderjarigen")
    parents_seat = services.seat_create(
        actor=region_admin, body=body, constituency=parents, places=2
    )
    services.seat_create(actor=region_admin, body=body, constituency=minors, places=1)
    services.membership_add(
        actor=region_admin,
        body=body,
        user=f.UserFactory(),
        terms=terms(seat=parents_seat, seat_role="holder"),
    )
    detail = body_detail(body, with_invitations=False)
    vacant = {filling.seat.constituency.name: filling.vacant for filling in detail.seats}
    assert vacant == {"ouders": 1, "minderjarigen": 1}
    assert (detail.places_total, detail.places_vacant) == (3, 2)


@pytest.mark.parametrize("places", [-1, 0])
def test_b4_seat_needs_at_least_one_place(body, region_admin, places):
    with pytest.raises(DomainError) as error:
        services.seat_create(
            actor=region_admin,
            body=body,
            constituency=f.ConstituencyFactory(region=body.region),
            places=places,
        )
    assert error.value.field == "places"


def test_b4_seat_cannot_shrink_below_its_holders(body, region_admin):
    seat = f.SeatFactory(body=body, places=2)
    for _ in range(2):
        services.membership_add(
            actor=region_admin,
            body=body,
            user=f.UserFactory(),
            terms=terms(seat=seat, seat_role="holder"),
        )
    with pytest.raises(DomainError) as error:
        services.seat_update(actor=region_admin, seat=seat, places=1)
    assert error.value.field == "places"
    seat.refresh_from_db()
    assert seat.places == 2


# --- B5: role, representation, term, holder or substitute, history -----------------------------


def test_b5_full_seat_refuses_another_holder(body, region_admin):
    seat = f.SeatFactory(body=body, places=1)
    services.membership_add(
        actor=region_admin,
        body=body,
        user=f.UserFactory(),
        terms=terms(seat=seat, seat_role="holder"),
    )
    with pytest.raises(DomainError) as error:
        services.membership_add(
            actor=region_admin,
            body=body,
            user=f.UserFactory(),
            terms=terms(seat=seat, seat_role="holder"),
        )
    assert error.value.field == "seat"


def test_b5_a_seat_is_free_again_after_its_holder_left(body, region_admin):
    seat = f.SeatFactory(body=body, places=1)
    old = services.membership_add(
        actor=region_admin,
        body=body,
        user=f.UserFactory(),
        terms=terms(
            seat=seat, seat_role="holder", start_date=TODAY() - datetime.timedelta(days=400)
        ),
    )
    services.membership_end(
        actor=region_admin, membership=old, end_date=TODAY() - datetime.timedelta(days=1)
    )
    new = services.membership_add(
        actor=region_admin,
        body=body,
        user=f.UserFactory(),
        terms=terms(seat=seat, seat_role="holder", start_date=TODAY()),
    )
    assert new.seat == seat


def test_b5_member_cannot_hold_the_same_seat_twice(body, region_admin):
    seat = f.SeatFactory(body=body, places=2)
    person = f.UserFactory()
    services.membership_add(
        actor=region_admin, body=body, user=person, terms=terms(seat=seat, seat_role="holder")
    )
    with pytest.raises(DomainError) as error:
        services.membership_add(
            actor=region_admin, body=body, user=person, terms=terms(seat=seat, seat_role="holder")
        )
    assert error.value.field == "seat"
    assert Membership.objects.filter(user=person).count() == 1


def test_b5_membership_cannot_end_before_it_starts(body, region_admin):
    with pytest.raises(DomainError) as error:
        services.membership_add(
            actor=region_admin,
            body=body,
            user=f.UserFactory(),
            terms=terms(start_date=TODAY(), end_date=TODAY() - datetime.timedelta(days=1)),
        )
    assert error.value.field == "end_date"


def test_b5_substitute_stands_in_for_a_holder_of_the_same_seat(body, region_admin):
    seat = f.SeatFactory(body=body)
    other_seat = f.SeatFactory(body=body)
    holder = services.membership_add(
        actor=region_admin,
        body=body,
        user=f.UserFactory(),
        terms=terms(seat=seat, seat_role="holder"),
    )
    substitute = services.membership_add(
        actor=region_admin,
        body=body,
        user=f.UserFactory(),
        terms=terms(seat=seat, seat_role="substitute", substitute_for=holder),
    )
    assert substitute.substitute_for == holder
    assert substitute.constituency == seat.constituency
    with pytest.raises(DomainError) as error:
        services.membership_add(
            actor=region_admin,
            body=body,
            user=f.UserFactory(),
            terms=terms(seat=other_seat, seat_role="substitute", substitute_for=holder),
        )
    assert error.value.field == "substitute_for"


def test_b5_a_guest_holds_no_seat(body, region_admin):
    with pytest.raises(DomainError) as error:
        services.membership_add(
            actor=region_admin,
            body=body,
            user=f.UserFactory(),
            terms=terms(role="guest", seat=f.SeatFactory(body=body), seat_role="holder"),
        )
    assert error.value.field == "seat"


def test_b5_ended_membership_stays_in_the_history(body, region_admin, member):
    membership = Membership.objects.get(user=member, body=body)
    services.membership_end(
        actor=region_admin,
        membership=membership,
        end_date=TODAY() - datetime.timedelta(days=1),
        reason="Verhuisd",
    )
    detail = body_detail(body, with_invitations=False)
    assert membership not in detail.current_members
    assert [m.end_reason for m in detail.former_members] == ["Verhuisd"]


def test_b5_same_address_cannot_be_invited_twice(body, region_admin):
    services.invitation_create(
        actor=region_admin, body=body, email="a@voorbeeld.example", full_name="A", terms=terms()
    )
    with pytest.raises(DomainError) as error:
        services.invitation_create(
            actor=region_admin, body=body, email="A@voorbeeld.example", full_name="A", terms=terms()
        )
    assert error.value.field == "email"
    assert Invitation.objects.count() == 1


def test_b5_invitation_checks_the_seat_before_it_is_sent(body, region_admin):
    seat = f.SeatFactory(body=body, places=1)
    services.membership_add(
        actor=region_admin,
        body=body,
        user=f.UserFactory(),
        terms=terms(seat=seat, seat_role="holder"),
    )
    with pytest.raises(DomainError) as error:
        services.invitation_create(
            actor=region_admin,
            body=body,
            email="b@voorbeeld.example",
            full_name="B",
            terms=terms(seat=seat, seat_role="holder"),
        )
    assert error.value.field == "seat"
    assert Invitation.objects.count() == 0


def test_b5_invitation_of_a_current_member_is_refused(body, region_admin, member):
    with pytest.raises(DomainError) as error:
        services.invitation_create(
            actor=region_admin, body=body, email=member.email, full_name="X", terms=terms()
        )
    assert error.value.field == "email"


# --- B6: decision rules ---------------------------------------------------------------------------


@pytest.mark.parametrize("rule", ["consensus", "consensus_with_reservation", "majority"])
def test_b6_each_decision_rule_can_be_recorded(body, region_admin, rule):
    version = services.terms_add_version(
        actor=region_admin,
        body=body,
        decision_rule=rule,
        approved_by="IROJ",
        approved_on=TODAY(),
        mandate="m",
    )
    assert TermsOfReference.objects.get(pk=version.pk).decision_rule == rule


def test_b6_unknown_decision_rule_is_refused(body, region_admin):
    with pytest.raises(DomainError) as error:
        services.terms_add_version(
            actor=region_admin,
            body=body,
            decision_rule="loting",
            approved_by="IROJ",
            approved_on=TODAY(),
            mandate="m",
        )
    assert error.value.field == "decision_rule"


# --- B7: initiatives and informing the parent body ----------------------------------------------


def test_b7_initiative_records_when_the_parent_body_was_informed(body, region_admin):
    initiative = services.initiative_register(
        actor=region_admin, body=body, title="Themadag RTJ", taken_on=datetime.date(2024, 3, 1)
    )
    assert initiative.parent_informed_on is None
    services.initiative_mark_parent_informed(
        actor=region_admin, initiative=initiative, informed_on=datetime.date(2024, 3, 20)
    )
    initiative.refresh_from_db()
    assert initiative.parent_informed_on == datetime.date(2024, 3, 20)


def test_b7_informed_date_cannot_lie_in_the_future(body, region_admin):
    with pytest.raises(DomainError) as error:
        services.initiative_register(
            actor=region_admin,
            body=body,
            title="X",
            taken_on=TODAY(),
            parent_informed_on=TODAY() + datetime.timedelta(days=3),
        )
    assert error.value.field == "parent_informed_on"


def test_b7_body_without_parent_has_nobody_to_inform(region, region_admin):
    top = f.BodyFactory(region=region, body_type="steering")
    f.TermsFactory(body=top)
    with pytest.raises(DomainError) as error:
        services.initiative_register(
            actor=region_admin, body=top, title="X", taken_on=TODAY(), parent_informed_on=TODAY()
        )
    assert error.value.field == "parent_informed_on"


def test_b7_initiative_needs_a_mandate(region, region_admin):
    without_terms = f.BodyFactory(region=region)
    with pytest.raises(DomainError) as error:
        services.initiative_register(
            actor=region_admin, body=without_terms, title="X", taken_on=TODAY()
        )
    assert error.value.code == "no_mandate"


# --- Audit: every write is logged in its own transaction ------------------------------------------


def test_every_write_leaves_an_audit_event_with_actor_and_changes(body, region_admin):
    seat = services.seat_create(
        actor=region_admin,
        body=body,
        constituency=f.ConstituencyFactory(region=body.region),
        places=2,
    )
    services.seat_update(actor=region_admin, seat=seat, places=3)
    event = AuditEvent.objects.filter(action="seat.update").get()
    assert event.actor == region_admin
    assert event.region == body.region
    assert event.changes == {"places": [2, 3]}
    assert AuditEvent.objects.filter(action="seat.create", target_id=str(seat.pk)).exists()


def test_refused_write_leaves_no_audit_event(body, region_admin):
    before = AuditEvent.objects.count()
    with pytest.raises(DomainError):
        services.seat_create(
            actor=region_admin,
            body=body,
            constituency=f.ConstituencyFactory(region=body.region),
            places=0,
        )
    assert AuditEvent.objects.count() == before

"""M7, M8, M9 (and the notes of M10), rule by rule, through the services on PostgreSQL."""

import datetime

import pytest
from django.utils import timezone

from aantafel.audit.models import AuditEvent
from aantafel.core.errors import ConflictError, DomainError
from aantafel.meetings import services
from aantafel.meetings.models import (
    Action,
    ConstituencyPosition,
    Decision,
    ItemProposal,
    MeetingStatus,
)
from aantafel.meetings.services import PositionInput

from .. import factories as f

TODAY = timezone.localdate


def _rule(body, rule: str) -> None:
    f.TermsFactory(body=body, version=body.terms_versions.count() + 1, decision_rule=rule)


@pytest.fixture
def held(body):
    return f.MeetingFactory(body=body, held=True)


@pytest.fixture
def item(held):
    return f.AgendaItemFactory(meeting=held, item_type="decision")


@pytest.fixture
def parents(region):
    return f.ConstituencyFactory(region=region, name="Ouders")


@pytest.fixture
def minors(region):
    return f.ConstituencyFactory(region=region, name="Minderjarigen")


# --- M8: decisions under the body's decision rule (B6) ---------------------------------------


def test_m8_decision_keeps_the_rule_of_the_latest_terms_and_is_audited(item, chair):
    decision = services.decision_record(
        actor=chair, item=item, text="We stemmen in.", outcome="agreed"
    )
    assert decision.decision_rule == "consensus"
    assert decision.recorded_by == chair
    assert AuditEvent.objects.filter(action="decision.record", target_id=str(decision.pk)).exists()


def test_m8_a_later_rule_change_leaves_earlier_decisions_as_taken(body, item, chair):
    decision = services.decision_record(actor=chair, item=item, text="Ja.", outcome="agreed")
    _rule(body, "majority")
    decision.refresh_from_db()
    assert decision.decision_rule == "consensus"
    later = services.decision_record(
        actor=chair, item=item, text="Stemming.", outcome="adopted", votes_for=5, votes_against=1
    )
    assert later.decision_rule == "majority"


@pytest.mark.parametrize("outcome", ["adopted", "rejected", "agreed_with_reservations"])
def test_m8_consensus_refuses_outcomes_of_other_rules(item, chair, outcome):
    with pytest.raises(DomainError) as error:
        services.decision_record(actor=chair, item=item, text="x", outcome=outcome)
    assert (error.value.field, error.value.code) == ("outcome", "outcome_not_allowed")
    assert not Decision.objects.exists()


def test_m8_consensus_refuses_constituency_positions(item, chair, parents):
    with pytest.raises(DomainError) as error:
        services.decision_record(
            actor=chair,
            item=item,
            text="x",
            outcome="agreed",
            positions=[PositionInput(parents, "reservation")],
        )
    assert error.value.code == "positions_not_allowed"
    assert not Decision.objects.exists()


def test_m8_consensus_refuses_vote_counts(item, chair):
    with pytest.raises(DomainError) as error:
        services.decision_record(actor=chair, item=item, text="x", outcome="agreed", votes_for=3)
    assert error.value.code == "votes_not_allowed"


def test_m8_consensus_with_reservation_records_each_constituency(
    body, item, chair, parents, minors
):
    _rule(body, "consensus_with_reservation")
    decision = services.decision_record(
        actor=chair,
        item=item,
        text="Akkoord met het voorstel.",
        outcome="agreed_with_reservations",
        positions=[
            PositionInput(parents, "agrees"),
            PositionInput(minors, "reservation", "Eerst de jongeren horen."),
        ],
    )
    assert decision.decision_rule == "consensus_with_reservation"
    positions = {p.constituency.name: p for p in decision.positions.all()}
    assert positions["Minderjarigen"].stance == "reservation"
    assert positions["Minderjarigen"].statement == "Eerst de jongeren horen."
    assert AuditEvent.objects.filter(action="position.record").count() == 2


def test_m8_agreed_with_reservations_needs_a_reservation(body, item, chair, parents):
    _rule(body, "consensus_with_reservation")
    with pytest.raises(DomainError) as error:
        services.decision_record(
            actor=chair,
            item=item,
            text="x",
            outcome="agreed_with_reservations",
            positions=[PositionInput(parents, "agrees")],
        )
    assert (error.value.field, error.value.code) == ("positions", "reservation_required")
    assert not Decision.objects.exists()


def test_m8_one_position_per_constituency(body, item, chair, parents):
    _rule(body, "consensus_with_reservation")
    with pytest.raises(DomainError) as error:
        services.decision_record(
            actor=chair,
            item=item,
            text="x",
            outcome="agreed",
            positions=[PositionInput(parents, "agrees"), PositionInput(parents, "disagrees")],
        )
    assert error.value.code == "duplicate"


def test_m8_constituency_of_another_region_is_refused(body, item, chair, other_region):
    _rule(body, "consensus_with_reservation")
    foreign = f.ConstituencyFactory(region=other_region)
    with pytest.raises(DomainError) as error:
        services.decision_record(
            actor=chair,
            item=item,
            text="x",
            outcome="agreed",
            positions=[PositionInput(foreign, "agrees")],
        )
    assert error.value.code == "unknown"
    assert not Decision.objects.exists()


def test_m8_majority_needs_the_vote_counts(body, item, chair):
    _rule(body, "majority")
    with pytest.raises(DomainError) as error:
        services.decision_record(actor=chair, item=item, text="x", outcome="adopted", votes_for=4)
    assert (error.value.field, error.value.code) == ("votes_against", "votes_required")


@pytest.mark.parametrize(
    ("outcome", "votes_for", "votes_against", "ok"),
    [
        ("adopted", 5, 2, True),
        ("adopted", 3, 3, False),
        ("rejected", 3, 3, True),
        ("rejected", 5, 2, False),
    ],
)
def test_m8_majority_adopts_only_with_more_votes_for_than_against(
    body, item, chair, outcome, votes_for, votes_against, ok
):
    _rule(body, "majority")

    def record():
        return services.decision_record(
            actor=chair,
            item=item,
            text="Stemming.",
            outcome=outcome,
            votes_for=votes_for,
            votes_against=votes_against,
            votes_abstained=1,
        )

    if ok:
        assert record().votes_abstained == 1
    else:
        with pytest.raises(DomainError) as error:
            record()
        assert error.value.code == "votes_do_not_match"
        assert not Decision.objects.exists()


def test_m8_majority_may_postpone_without_votes(body, item, chair):
    _rule(body, "majority")
    assert services.decision_record(actor=chair, item=item, text="x", outcome="postponed")


def test_m8_a_meeting_that_has_not_started_takes_no_decisions(body, chair):
    planned = f.AgendaItemFactory(meeting=f.MeetingFactory(body=body, published=True))
    with pytest.raises(ConflictError) as error:
        services.decision_record(actor=chair, item=planned, text="x", outcome="agreed")
    assert error.value.code == "not_started"


def test_m8_a_closed_meeting_takes_no_decisions(item, chair):
    item.meeting.status = MeetingStatus.MINUTES_APPROVED
    item.meeting.save()
    with pytest.raises(ConflictError) as error:
        services.decision_record(actor=chair, item=item, text="x", outcome="agreed")
    assert error.value.code == "closed"


def test_m8_a_body_without_terms_has_no_rule_to_decide_under(region, chair):
    bare = f.BodyFactory(region=region)
    loose = f.AgendaItemFactory(meeting=f.MeetingFactory(body=bare, held=True))
    with pytest.raises(DomainError) as error:
        services.decision_record(actor=chair, item=loose, text="x", outcome="agreed")
    assert error.value.code == "no_decision_rule"


def test_m8_decision_needs_a_text(item, chair):
    with pytest.raises(DomainError) as error:
        services.decision_record(actor=chair, item=item, text="  ", outcome="agreed")
    assert error.value.field == "text"


def test_m8_position_added_and_changed_afterwards(body, item, chair, parents):
    _rule(body, "consensus_with_reservation")
    decision = services.decision_record(actor=chair, item=item, text="x", outcome="agreed")
    services.position_record(
        actor=chair, decision=decision, constituency=parents, stance="agrees", statement=""
    )
    services.position_record(
        actor=chair, decision=decision, constituency=parents, stance="reservation", statement="Z"
    )
    position = ConstituencyPosition.objects.get(decision=decision)
    assert (position.stance, position.statement) == ("reservation", "Z")
    assert AuditEvent.objects.filter(action="position.update").exists()


def test_m8_position_refused_under_plain_consensus(item, chair, parents):
    decision = services.decision_record(actor=chair, item=item, text="x", outcome="agreed")
    with pytest.raises(DomainError) as error:
        services.position_record(
            actor=chair, decision=decision, constituency=parents, stance="agrees", statement=""
        )
    assert error.value.code == "positions_not_allowed"


def test_m8_last_reservation_cannot_be_withdrawn_from_agreed_with_reservations(
    body, item, chair, parents
):
    _rule(body, "consensus_with_reservation")
    decision = services.decision_record(
        actor=chair,
        item=item,
        text="x",
        outcome="agreed_with_reservations",
        positions=[PositionInput(parents, "reservation")],
    )
    with pytest.raises(DomainError) as error:
        services.position_record(
            actor=chair, decision=decision, constituency=parents, stance="agrees", statement=""
        )
    assert error.value.code == "reservation_required"
    assert ConstituencyPosition.objects.get().stance == "reservation"


# --- M10: notes taken at the meeting ---------------------------------------------------------


def test_m10_notes_are_saved_for_a_held_meeting_and_audited(item, supporter):
    services.item_notes_save(actor=supporter, item=item, notes="  Iedereen akkoord.  ")
    item.refresh_from_db()
    assert item.notes == "Iedereen akkoord."
    assert AuditEvent.objects.filter(action="agenda_item.notes").exists()


def test_m10_notes_wait_until_the_meeting_starts(body, supporter):
    planned = f.AgendaItemFactory(meeting=f.MeetingFactory(body=body, published=True))
    with pytest.raises(ConflictError) as error:
        services.item_notes_save(actor=supporter, item=planned, notes="x")
    assert error.value.code == "not_started"


# --- M9: actions ------------------------------------------------------------------------------


def test_m9_action_without_owner_is_refused(body, held, chair):
    with pytest.raises(DomainError) as error:
        services.action_create(
            actor=chair, body=body, title="Brief", owner=None, due_date=TODAY(), meeting=held
        )
    assert (error.value.field, error.value.code) == ("owner", "required")
    assert not Action.objects.exists()


def test_m9_action_due_before_the_meeting_is_refused(body, held, chair, member):
    before = timezone.localtime(held.starts_at).date() - datetime.timedelta(days=1)
    with pytest.raises(DomainError) as error:
        services.action_create(
            actor=chair, body=body, title="Brief", owner=member, due_date=before, meeting=held
        )
    assert (error.value.field, error.value.code) == ("due_date", "due_before_meeting")
    assert not Action.objects.exists()


def test_m9_action_owner_must_be_a_current_member(body, held, chair, region):
    stranger = f.RegionMembershipFactory(region=region).user
    former = f.MembershipFactory(body=body, ended=True).user
    for person in (stranger, former):
        with pytest.raises(DomainError) as error:
            services.action_create(
                actor=chair, body=body, title="x", owner=person, due_date=TODAY(), meeting=held
            )
        assert (error.value.field, error.value.code) == ("owner", "unknown")


def test_m9_action_theme_must_be_of_the_region(body, chair, member, other_region):
    with pytest.raises(DomainError) as error:
        services.action_create(
            actor=chair,
            body=body,
            title="x",
            owner=member,
            due_date=TODAY(),
            theme=f.PlanThemeFactory(region=other_region),
        )
    assert (error.value.field, error.value.code) == ("theme", "unknown")


def test_m9_action_from_a_decision_links_item_and_meeting_and_tells_the_owner(
    body, item, chair, member, django_capture_on_commit_callbacks, mailoutbox
):
    decision = services.decision_record(actor=chair, item=item, text="x", outcome="agreed")
    theme = f.PlanThemeFactory(region=body.region)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        action = services.action_create(
            actor=chair,
            body=body,
            title="Voorstel uitwerken",
            owner=member,
            due_date=TODAY() + datetime.timedelta(days=30),
            decision=decision,
            theme=theme,
        )
    assert (action.item, action.meeting, action.theme) == (item, item.meeting, theme)
    assert callbacks  # the owner is told after commit
    assert member.email in {address for m in mailoutbox for address in m.to}
    assert AuditEvent.objects.filter(action="action.create", target_id=str(action.pk)).exists()


def test_m9_action_of_a_plan_theme_needs_no_meeting(body, chair, member):
    action = services.action_create(
        actor=chair,
        body=body,
        title="Regioplan: wachtlijsten",
        owner=member,
        due_date=TODAY() - datetime.timedelta(days=3),
        theme=f.PlanThemeFactory(region=body.region),
    )
    assert action.meeting is None


def test_m9_action_status_done_and_back_is_audited(body, chair, member):
    action = f.ActionFactory(body=body, owner=member)
    services.action_update_status(actor=member, action=action, status="done", note="Verstuurd.")
    action.refresh_from_db()
    assert (action.status, action.status_note) == ("done", "Verstuurd.")
    assert action.completed_at is not None
    services.action_update_status(actor=chair, action=action, status="open")
    action.refresh_from_db()
    assert action.completed_at is None
    assert AuditEvent.objects.filter(action="action.status").count() == 2


def test_m9_action_status_must_be_known(body, member):
    action = f.ActionFactory(body=body, owner=member)
    with pytest.raises(DomainError) as error:
        services.action_update_status(actor=member, action=action, status="half")
    assert error.value.field == "status"


# --- M7: reporting back to the parent body --------------------------------------------------


def test_m7_reporter_is_a_current_member_of_the_body(held, chair, member, region):
    services.meeting_assign_reporter(actor=chair, meeting=held, reporter=member)
    held.refresh_from_db()
    assert held.reporter == member
    assert AuditEvent.objects.filter(action="meeting.reporter").exists()
    with pytest.raises(DomainError) as error:
        services.meeting_assign_reporter(
            actor=chair, meeting=held, reporter=f.RegionMembershipFactory(region=region).user
        )
    assert (error.value.field, error.value.code) == ("reporter", "unknown")


def test_m7_a_body_without_parent_has_nobody_to_report_to(region, region_admin):
    top = f.BodyFactory(region=region)
    person = f.MembershipFactory(body=top).user
    meeting = f.MeetingFactory(body=top, held=True)
    with pytest.raises(DomainError) as error:
        services.meeting_assign_reporter(actor=region_admin, meeting=meeting, reporter=person)
    assert error.value.code == "no_parent_body"


def test_m7_report_back_becomes_a_proposal_for_the_parents_next_meeting(body, held, chair, member):
    parent = body.parent
    f.MeetingFactory(body=parent, held=True)
    later = f.MeetingFactory(body=parent, starts_at=timezone.now() + datetime.timedelta(days=60))
    following = f.MeetingFactory(body=parent, starts_at=timezone.now() + datetime.timedelta(days=9))
    services.meeting_assign_reporter(actor=chair, meeting=held, reporter=member)
    proposal = services.report_back_submit(
        actor=member, meeting=held, title="Terugkoppeling kerngroep", text="Wat we bespraken."
    )
    assert proposal.body == parent
    assert (proposal.source, proposal.desired_type) == ("report_back", "report_back")
    assert proposal.source_meeting == held
    assert proposal.meeting == following != later
    assert proposal.status == "submitted"
    assert AuditEvent.objects.filter(action="proposal.report_back").exists()


def test_m7_report_back_without_a_planned_parent_meeting_waits_for_one(body, held, chair, member):
    services.meeting_assign_reporter(actor=chair, meeting=held, reporter=member)
    proposal = services.report_back_submit(actor=member, meeting=held, title="T", text="Tekst")
    assert proposal.meeting is None


def test_m7_only_the_assigned_reporter_reports_back(held, chair, member):
    services.meeting_assign_reporter(actor=chair, meeting=held, reporter=member)
    with pytest.raises(DomainError) as error:
        services.report_back_submit(actor=chair, meeting=held, title="T", text="Tekst")
    assert error.value.code == "not_reporter"
    assert not ItemProposal.objects.exists()


def test_m7_report_back_once_per_meeting(held, chair, member):
    services.meeting_assign_reporter(actor=chair, meeting=held, reporter=member)
    services.report_back_submit(actor=member, meeting=held, title="T", text="Tekst")
    with pytest.raises(ConflictError) as error:
        services.report_back_submit(actor=member, meeting=held, title="T2", text="Tekst")
    assert error.value.code == "already_submitted"


def test_m7_report_back_of_a_meeting_still_to_come_is_refused(body, chair, member):
    future = f.MeetingFactory(body=body, published=True)
    services.meeting_assign_reporter(actor=chair, meeting=future, reporter=member)
    with pytest.raises(ConflictError) as error:
        services.report_back_submit(actor=member, meeting=future, title="T", text="Tekst")
    assert error.value.code == "not_started"

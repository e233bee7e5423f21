"""C6 and C7: the work plan — every action carries the client's agreement, everyone at the table
receives and confirms the agreed plan, the help coordinator follows it up, each adjustment is a
new version with its reason — and closing the case (services/plan.py)."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from aantafel.casework.models import (
    ActionOwner,
    Agreement,
    CaseLog,
    CaseMail,
    Consultation,
    ConsultationKind,
    ParticipantKind,
    PlanConfirmation,
)
from aantafel.casework.plan_pdf import plan_pdf_bytes
from aantafel.casework.services import follow_up
from aantafel.casework.services import plan as services
from aantafel.casework.workflow import CaseStatus, ConsultationStatus, PlanStatus
from aantafel.core.errors import ConflictError, DomainError
from tests.pdf_text import text as pdf_text

from .factories import CaseFactory, minor_of, parent_of, seat_participant

pytestmark = pytest.mark.django_db

IN_A_MONTH = timezone.localdate() + datetime.timedelta(days=30)


def _fresh(user):
    """A new user object: seats are cached per request (per user object)."""
    return type(user).objects.get(pk=user.pk)


def _changes(case) -> list[str]:
    return list(CaseLog.objects.filter(case=case, action="change").values_list("what", flat=True))


def _draft_with_actions(case, professional, *, agreements=(Agreement.AGREED, Agreement.REFUSED)):
    """A draft with one goal and an action per agreement given (pending: none recorded)."""
    chair = _fresh(case.chair)
    plan = services.plan_draft(actor=chair, case=case)
    goal = services.goal_add(actor=chair, plan=plan, text="Lotte gaat weer graag naar school.")
    actions = []
    for number, agreement in enumerate(agreements):
        if number % 2:
            action = services.action_add(
                actor=chair,
                plan=plan,
                text=f"Gesprekken met de psycholoog {number}",
                owner_kind=ActionOwner.PROFESSIONAL,
                participant=professional,
                goal=goal,
                due_date=IN_A_MONTH,
            )
        else:
            action = services.action_add(
                actor=chair,
                plan=plan,
                text=f"Lotte houdt een dagboek bij {number}",
                owner_kind=ActionOwner.CLIENT,
                goal=goal,
            )
        if agreement != Agreement.PENDING:
            reason = (
                "Ik wil liever met mijn mentor praten." if agreement == Agreement.REFUSED else ""
            )
            services.action_agreement_record(
                actor=chair, action=action, agreement=agreement, reason=reason
            )
        actions.append(action)
    return plan, actions


def test_c6_plan_cannot_be_agreed_with_an_action_pending(case, professional):
    plan, (_agreed, _pending) = _draft_with_actions(
        case, professional, agreements=(Agreement.AGREED, Agreement.PENDING)
    )
    with pytest.raises(DomainError) as refused:
        services.plan_agree(actor=_fresh(case.chair), plan=plan)
    assert refused.value.field == "actions"
    assert refused.value.code == "action_without_agreement"
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    assert plan.agreed_at is None
    assert "work plan agreed" not in _changes(case)


def test_c6_a_plan_without_an_agreed_action_is_refused(case, professional):
    plan, _actions = _draft_with_actions(case, professional, agreements=(Agreement.REFUSED,))
    with pytest.raises(DomainError) as refused:
        services.plan_agree(actor=_fresh(case.chair), plan=plan)
    assert refused.value.code == "no_agreed_action"
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_c6_refused_action_stays_outside_the_agreed_plan(
    case, professional, django_capture_on_commit_callbacks
):
    plan, (agreed, refused) = _draft_with_actions(case, professional)
    with django_capture_on_commit_callbacks(execute=True):
        services.plan_agree(actor=_fresh(case.chair), plan=plan)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED
    refused.refresh_from_db()
    # Kept, visibly apart, with the client's reason.
    assert refused.plan_id == plan.pk
    assert refused.agreement == Agreement.REFUSED
    assert refused.agreement_reason == "Ik wil liever met mijn mentor praten."
    layout = services.plan_layout(plan)
    in_plan = [a.pk for line in layout.goals for a in line.actions]
    assert in_plan == [agreed.pk]
    assert [a.pk for a in layout.refused] == [refused.pk]
    # The family's PDF shows it under its own heading, with the reason.
    text = pdf_text(plan_pdf_bytes(plan))
    assert case.reference in text
    assert "mentor" in text
    assert "work plan agreed" in _changes(case)


def test_c6_an_agreed_client_action_keeps_no_refusal_reason(case, professional):
    _plan, (action,) = _draft_with_actions(case, professional, agreements=(Agreement.PENDING,))
    services.action_agreement_record(
        actor=_fresh(case.chair), action=action, agreement=Agreement.AGREED, reason="zomaar"
    )
    action.refresh_from_db()
    assert action.agreement == Agreement.AGREED
    assert action.agreement_reason == ""
    assert action.agreement_recorded_at is not None
    with pytest.raises(DomainError) as wrong:
        services.action_agreement_record(
            actor=_fresh(case.chair), action=action, agreement=Agreement.PENDING
        )
    assert wrong.value.field == "agreement"


def test_c6_everyone_at_the_table_receives_the_agreed_plan(
    case, professional, neighbour, django_capture_on_commit_callbacks
):
    plan, _actions = _draft_with_actions(case, professional)
    with django_capture_on_commit_callbacks(execute=True):
        services.plan_agree(actor=_fresh(case.chair), plan=plan)
    family = {minor_of(case).email, parent_of(case).email}
    table = {case.chair.email, professional.email, neighbour.email}
    assert {m.to[0] for m in mail.outbox} == family | table
    assert len(mail.outbox) == 5
    for message in mail.outbox:
        assert case.reference in message.subject
        assert "(" in message.subject  # the version, and nothing of the case
        for secret in ("Lotte", "Peeters", "school", "psycholoog"):
            assert secret not in message.subject
            assert secret not in message.body
        assert "/werkplan/" in message.body
        pdfs = [a for a in message.attachments if a[2] == "application/pdf"]
        if message.to[0] in family:
            assert len(pdfs) == 1
            assert pdfs[0][1].startswith(b"%PDF")
        else:
            assert pdfs == []
    assert CaseMail.objects.filter(plan=plan, sent_at__isnull=False).count() == 5
    # Queued again (a retry, a task run twice): nothing goes out twice.
    from aantafel.casework import plan_mail

    plan_mail.plan_agreed(plan.pk)
    assert len(mail.outbox) == 5


def test_c6_no_mail_before_the_commit_and_none_for_a_refused_plan(
    case, professional, django_capture_on_commit_callbacks
):
    plan, _actions = _draft_with_actions(
        case, professional, agreements=(Agreement.AGREED, Agreement.PENDING)
    )
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError):
        services.plan_agree(actor=_fresh(case.chair), plan=plan)
    assert mail.outbox == []
    assert not CaseMail.objects.filter(plan=plan).exists()


def test_c6_confirm_twice_refused(case, professional):
    plan, _actions = _draft_with_actions(case, professional)
    young_person = _fresh(minor_of(case).user)
    with pytest.raises(ConflictError) as not_yet:
        services.plan_confirm(actor=young_person, plan=plan)  # still a draft
    assert not_yet.value.code == "plan_not_agreed"
    services.plan_agree(actor=_fresh(case.chair), plan=plan)
    services.plan_confirm(actor=young_person, plan=plan)
    services.plan_confirm(actor=_fresh(professional.user), plan=plan)
    with pytest.raises(ConflictError) as twice:
        services.plan_confirm(actor=_fresh(minor_of(case).user), plan=plan)
    assert twice.value.code == "already_confirmed"
    assert PlanConfirmation.objects.filter(plan=plan).count() == 2
    assert _changes(case).count("work plan confirmed") == 2


def test_c6_only_someone_at_the_table_confirms(case, professional, neighbour):
    plan, _actions = _draft_with_actions(case, professional)
    services.plan_agree(actor=_fresh(case.chair), plan=plan)
    other = CaseFactory(region=case.region, at_table=True)
    for user in (other.chair, neighbour.user):  # another table; not yet bound to confidentiality
        with pytest.raises(DomainError) as refused:
            services.plan_confirm(actor=_fresh(user), plan=plan)
        assert refused.value.code == "not_at_table"
    assert not PlanConfirmation.objects.filter(plan=plan).exists()


def test_c6_an_agreed_version_is_frozen(case, professional):
    plan, (action, _refused) = _draft_with_actions(case, professional)
    chair = _fresh(case.chair)
    services.plan_agree(actor=chair, plan=plan)
    for change in (
        lambda: services.goal_add(actor=chair, plan=plan, text="Nog een doel"),
        lambda: services.action_add(
            actor=chair, plan=plan, text="Nog iets", owner_kind=ActionOwner.CLIENT
        ),
        lambda: services.action_agreement_record(
            actor=chair, action=action, agreement=Agreement.REFUSED
        ),
        lambda: services.action_remove(actor=chair, action=action),
    ):
        with pytest.raises(ConflictError) as frozen:
            change()
        assert frozen.value.code == "plan_not_draft"
    assert plan.actions.count() == 2


def test_c6_who_does_an_action_sits_at_the_table(case, professional, neighbour):
    chair = _fresh(case.chair)
    plan = services.plan_draft(actor=chair, case=case)
    leaver = seat_participant(case, name="Vertrokken Hulpverlener")
    leaver.consents.update(withdrawn_at=timezone.now())
    other_table = seat_participant(CaseFactory(region=case.region, at_table=True))
    attempts = [
        (ActionOwner.PROFESSIONAL, None, "required"),
        (ActionOwner.PROFESSIONAL, leaver, "not_at_table"),
        (ActionOwner.PROFESSIONAL, other_table, "not_at_table"),
        (ActionOwner.NETWORK, professional, "owner_mismatch"),
        (ActionOwner.PROFESSIONAL, neighbour, "owner_mismatch"),
        (ActionOwner.CLIENT, professional, "client_names_no_participant"),
    ]
    for owner_kind, participant, code in attempts:
        with pytest.raises(DomainError) as refused:
            services.action_add(
                actor=chair, plan=plan, text="Iets", owner_kind=owner_kind, participant=participant
            )
        assert (refused.value.field, refused.value.code) == ("participant", code)
    with pytest.raises(DomainError) as empty:
        services.action_add(actor=chair, plan=plan, text="  ", owner_kind=ActionOwner.CLIENT)
    assert empty.value.field == "text"
    with pytest.raises(DomainError) as past:
        services.action_add(
            actor=chair,
            plan=plan,
            text="Iets",
            owner_kind=ActionOwner.CLIENT,
            due_date=timezone.localdate() - datetime.timedelta(days=1),
        )
    assert past.value.field == "due_date"
    assert not plan.actions.exists()
    network = services.action_add(
        actor=chair,
        plan=plan,
        text="Buur haalt Lotte op",
        owner_kind=ActionOwner.NETWORK,
        participant=neighbour,
    )
    assert network.participant_id == neighbour.pk


def test_c7_adjustment_is_a_new_version_with_its_reason(case, professional):
    plan, (action, refused) = _draft_with_actions(case, professional)
    chair = _fresh(case.chair)
    services.plan_agree(actor=chair, plan=plan)
    helper = _fresh(professional.user)
    with pytest.raises(DomainError) as no_reason:
        services.plan_draft(actor=helper, case=case, reason="  ")
    assert (no_reason.value.field, no_reason.value.code) == ("reason", "required")
    assert case.plans.count() == 1

    second = services.plan_draft(
        actor=helper, case=case, reason="De psycholoog stopt; er komt een andere begeleider."
    )
    assert second.version == 2
    assert second.status == PlanStatus.DRAFT
    assert second.reason.startswith("De psycholoog stopt")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED  # in force until the new version is agreed
    # The agreed goals and actions, as agreed.
    copied = {a.text: a for a in second.actions.all()}
    assert copied[action.text].agreement == Agreement.AGREED
    assert copied[refused.text].agreement == Agreement.REFUSED
    assert copied[refused.text].agreement_reason == "Ik wil liever met mijn mentor praten."
    assert second.goals.count() == 1
    assert copied[action.text].goal.plan_id == second.pk
    # Asking again returns the same draft.
    assert services.plan_draft(actor=helper, case=case, reason="nog eens").pk == second.pk

    # Changing what an action says asks the client again.
    changed = services.action_update(
        actor=helper,
        action=copied[action.text],
        text="Lotte schrijft drie keer per week in haar dagboek",
        owner_kind=ActionOwner.CLIENT,
        goal=copied[action.text].goal,
    )
    assert changed.agreement == Agreement.PENDING
    with pytest.raises(DomainError):
        services.plan_agree(actor=helper, plan=second)
    services.action_agreement_record(actor=helper, action=changed, agreement=Agreement.AGREED)
    services.plan_agree(actor=helper, plan=second)

    plan.refresh_from_db()
    second.refresh_from_db()
    assert plan.status == PlanStatus.SUPERSEDED
    assert second.status == PlanStatus.AGREED
    assert services.current_plan(case).pk == second.pk
    changes = _changes(case)
    assert "work plan version started" in changes
    assert "work plan agreed" in changes


def test_c7_help_coordinator_marks_done(case, professional):
    plan, (action, refused) = _draft_with_actions(case, professional)
    with pytest.raises(ConflictError) as draft:
        follow_up.action_mark_done(actor=_fresh(professional.user), action=action)
    assert draft.value.code == "plan_not_agreed"
    services.plan_agree(actor=_fresh(case.chair), plan=plan)

    other = seat_participant(case, name="Andere Hulpverlener")  # not the help coordinator
    with pytest.raises(DomainError) as not_theirs:
        follow_up.action_mark_done(actor=_fresh(other.user), action=action)
    assert not_theirs.value.code == "not_help_coordinator"
    with pytest.raises(DomainError):
        follow_up.action_mark_done(actor=_fresh(minor_of(case).user), action=action)

    follow_up.action_mark_done(actor=_fresh(professional.user), action=action)
    action.refresh_from_db()
    assert action.done_at is not None
    assert action.done_by == professional.user
    with pytest.raises(ConflictError) as twice:
        follow_up.action_mark_done(actor=_fresh(case.chair), action=action)
    assert twice.value.code == "already_done"
    with pytest.raises(ConflictError) as outside:
        follow_up.action_mark_done(actor=_fresh(professional.user), action=refused)
    assert outside.value.code == "action_not_agreed"
    assert _changes(case).count("work plan action done") == 1


def test_c7_follow_up_request_on_a_closed_case_is_refused(region, professional):
    closed = CaseFactory(region=region, closed=True)
    with pytest.raises(ConflictError) as refused:
        follow_up.follow_up_request(
            actor=_fresh(closed.chair), case=closed, reason="Het loopt vast."
        )
    assert refused.value.code == "case_closed"
    assert not Consultation.objects.filter(case=closed).exists()


def test_c7_follow_up_request_needs_a_reason_and_waits_alone(case, professional):
    helper = _fresh(professional.user)
    with pytest.raises(DomainError) as no_reason:
        follow_up.follow_up_request(actor=helper, case=case, reason="")
    assert no_reason.value.field == "reason"
    request = follow_up.follow_up_request(
        actor=helper, case=case, reason="De school meldt dat het weer moeilijk gaat."
    )
    assert (request.kind, request.status) == (
        ConsultationKind.FOLLOW_UP,
        ConsultationStatus.REQUESTED,
    )
    assert request.requested_by == professional.user
    with pytest.raises(ConflictError) as twice:
        follow_up.follow_up_request(actor=helper, case=case, reason="Nog een keer")
    assert twice.value.code == "follow_up_waiting"
    assert Consultation.objects.filter(case=case).count() == 1
    assert "follow-up consultation requested" in _changes(case)


def test_c7_the_chair_hears_of_a_follow_up_request_by_reference_only(
    case, professional, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        follow_up.follow_up_request(
            actor=_fresh(professional.user), case=case, reason="Lotte gaat niet meer naar school."
        )
    (notice,) = mail.outbox
    assert notice.to == [case.chair.email]
    assert case.reference in notice.subject
    for secret in ("Lotte", "Peeters", "school"):
        assert secret not in notice.subject
        assert secret not in notice.body


def test_c7_case_closes_with_its_outcome(case, professional):
    chair = _fresh(case.chair)
    follow_up.follow_up_request(actor=chair, case=case, reason="Nog één keer samen.")
    with pytest.raises(DomainError) as no_outcome:
        follow_up.case_close(actor=chair, case=case, outcome=" ", bottlenecks=[])
    assert no_outcome.value.field == "outcome"
    with pytest.raises(DomainError) as unknown:
        follow_up.case_close(
            actor=chair, case=case, outcome="Klaar.", bottlenecks=["naam van de school"]
        )
    assert unknown.value.field == "bottlenecks"
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS

    follow_up.case_close(
        actor=chair,
        case=case,
        outcome="De hulp is op elkaar afgestemd.",
        bottlenecks=["waiting_list", "waiting_list", "no_suitable_offer"],
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert case.closed_at is not None
    assert sorted(case.bottlenecks.values_list("tag", flat=True)) == [
        "no_suitable_offer",
        "waiting_list",
    ]
    # The waiting follow-up request does not outlive the case.
    assert case.consultations.get().status == ConsultationStatus.CANCELLED
    assert "case closed" in _changes(case)
    with pytest.raises(ConflictError) as twice:
        follow_up.case_close(actor=chair, case=case, outcome="Nog eens", bottlenecks=[])
    assert twice.value.code == "transition_not_allowed"
    with pytest.raises(ConflictError) as closed:
        services.plan_draft(actor=chair, case=case)
    assert closed.value.code == "case_closed"


def test_c6_the_plan_waits_for_the_table(region):
    accepted = CaseFactory(region=region, status=CaseStatus.ACCEPTED)
    with pytest.raises(ConflictError) as refused:
        services.plan_draft(actor=None, case=accepted)
    assert refused.value.code == "case_not_at_table"


def test_c6_goals_are_edited_on_the_draft(case, professional):
    chair = _fresh(case.chair)
    plan, (action, _refused) = _draft_with_actions(case, professional)
    goal = plan.goals.get()
    services.goal_update(actor=chair, goal=goal, text="Lotte voelt zich goed op school.")
    goal.refresh_from_db()
    assert goal.text == "Lotte voelt zich goed op school."
    services.goal_remove(actor=chair, goal=goal)
    action.refresh_from_db()
    assert action.goal_id is None  # the action stays, without a goal
    assert not plan.goals.exists()
    changes = _changes(case)
    assert "work plan goal changed" in changes
    assert "work plan goal removed" in changes


def test_c6_trusted_person_takes_part_as_network(case):
    teacher = seat_participant(case, kind=ParticipantKind.TRUSTED_PERSON, name="Juf Ann")
    chair = _fresh(case.chair)
    plan = services.plan_draft(actor=chair, case=case)
    action = services.action_add(
        actor=chair,
        plan=plan,
        text="Juf Ann spreekt elke week met Lotte af.",
        owner_kind=ActionOwner.NETWORK,
        participant=teacher,
    )
    assert action.owner_kind == ActionOwner.NETWORK

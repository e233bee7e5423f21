"""The pages of the work plan (C6, C7) and of closing a case (C9): who gets what, the journey
through the forms, and a fixed number of queries for the plan page."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aantafel.casework.models import (
    ActionOwner,
    Agreement,
    CaseLog,
    CaseLogAction,
    PlanAction,
    PlanConfirmation,
    WorkPlan,
)
from aantafel.casework.services import follow_up
from aantafel.casework.services import plan as services
from aantafel.casework.workflow import CaseStatus, ConsultationStatus, PlanStatus

from .factories import CaseFactory, minor_of, seat_participant

pytestmark = pytest.mark.django_db


def _url(case, name, *args):
    return reverse(name, args=[case.region.slug, case.reference, *args])


def _client(client, user):
    client.force_login(user)
    return client


def _fresh(user):
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def scene(case, professional):
    """A draft with a goal, an agreed action of the client and a refused one of the help
    coordinator; and an agreed version 1 before it, so every page has something to show."""
    chair = _fresh(case.chair)
    first = services.plan_draft(actor=chair, case=case)
    action = services.action_add(
        actor=chair, plan=first, text="Lotte gaat naar de sportclub.", owner_kind=ActionOwner.CLIENT
    )
    services.action_agreement_record(actor=chair, action=action, agreement=Agreement.AGREED)
    services.plan_agree(actor=chair, plan=first)
    draft = services.plan_draft(actor=chair, case=case, reason="De sportclub is te ver.")
    goal = services.goal_add(actor=chair, plan=draft, text="Lotte heeft een hobby.")
    refused = services.action_add(
        actor=chair,
        plan=draft,
        text="Gesprekken met de psycholoog.",
        owner_kind=ActionOwner.PROFESSIONAL,
        participant=professional,
        goal=goal,
    )
    return {
        "agreed": first,
        "draft": draft,
        "goal": goal,
        "action": first.actions.get(),
        "draft_action": refused,
    }


def _get_pages(case, scene):
    return [
        _url(case, "case_plan"),
        _url(case, "case_plan_versions"),
        _url(case, "case_plan_draft"),
        _url(case, "case_plan_goal_add"),
        _url(case, "case_plan_goal_edit", scene["goal"].pk),
        _url(case, "case_plan_action_add"),
        _url(case, "case_plan_action_edit", scene["draft_action"].pk),
        _url(case, "case_plan_action_agreement", scene["draft_action"].pk),
        _url(case, "case_plan_agree"),
        _url(case, "case_plan_pdf"),
        _url(case, "case_follow_up_request"),
        _url(case, "case_close"),
    ]


def _post_pages(case, scene):
    return [
        _url(case, "case_plan_goal_remove", scene["goal"].pk),
        _url(case, "case_plan_action_remove", scene["draft_action"].pk),
        _url(case, "case_plan_action_done", scene["action"].pk),
        _url(case, "case_plan_confirm"),
    ]


EDIT_PAGES = [
    "case_plan_goal_add",
    "case_plan_action_add",
    "case_plan_agree",
    "case_follow_up_request",
    "case_close",
]


def test_c6_chair_opens_every_plan_page(client, case, scene):
    _client(client, case.chair)
    for url in _get_pages(case, scene):
        response = client.get(url)
        if url.endswith("/werkplan/nieuw/"):  # a draft exists: back to the plan, with a message
            assert response.status_code == 302
            continue
        assert response.status_code == 200, url
    pdf = client.get(_url(case, "case_plan_pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_c6_professional_at_the_table_reads_but_does_not_edit(client, case, scene):
    colleague = seat_participant(case, name="Andere Hulpverlener")  # not the help coordinator
    _client(client, colleague.user)
    for name in ("case_plan", "case_plan_versions", "case_plan_pdf"):
        assert client.get(_url(case, name)).status_code == 200
    for name in (*EDIT_PAGES, "case_plan_draft"):
        assert client.get(_url(case, name)).status_code == 403, name
    for name in ("case_plan_action_edit", "case_plan_action_agreement"):
        assert client.get(_url(case, name, scene["draft_action"].pk)).status_code == 403
    assert client.post(_url(case, "case_plan_action_done", scene["action"].pk)).status_code == 403
    assert (
        client.post(_url(case, "case_plan_action_remove", scene["draft_action"].pk)).status_code
        == 403
    )
    # The draft is not theirs to see.
    page = client.get(_url(case, "case_plan")).content.decode()
    assert "psycholoog" not in page
    assert "sportclub" in page


def test_c7_help_coordinator_adjusts_and_follows_up_but_does_not_close(client, case, scene):
    _client(client, scene["draft_action"].participant.user)
    for name in ("case_plan_goal_add", "case_plan_action_add", "case_plan_agree"):
        assert client.get(_url(case, name)).status_code == 200
    assert client.get(_url(case, "case_follow_up_request")).status_code == 200
    assert client.get(_url(case, "case_close")).status_code == 403


def test_c8_nobody_else_finds_the_plan(
    client, case, scene, region_admin, supporter, outsider, region
):
    other_chair = CaseFactory(region=region, at_table=True).chair
    for user in (region_admin, supporter, outsider, other_chair):
        client.force_login(user)
        for url in _get_pages(case, scene):
            assert client.get(url).status_code == 404, (user, url)
        for url in _post_pages(case, scene):
            assert client.post(url).status_code == 404, (user, url)
    client.logout()
    assert client.get(_url(case, "case_plan")).status_code == 302  # to the login


def test_c6_an_action_of_another_case_is_not_found(client, case, scene, region):
    other = CaseFactory(region=region, at_table=True)
    other_plan = services.plan_draft(actor=_fresh(other.chair), case=other)
    other_action = services.action_add(
        actor=_fresh(other.chair), plan=other_plan, text="x", owner_kind=ActionOwner.CLIENT
    )
    _client(client, case.chair)
    assert client.get(_url(case, "case_plan_action_edit", other_action.pk)).status_code == 404
    assert client.post(_url(case, "case_plan_action_done", other_action.pk)).status_code == 404


def test_c6_journey_from_draft_to_confirmation(
    client, case, professional, django_capture_on_commit_callbacks
):
    chair = _client(client, case.chair)
    assert chair.post(_url(case, "case_plan_draft")).status_code == 302
    plan = WorkPlan.objects.get(case=case)
    assert plan.version == 1
    response = chair.post(_url(case, "case_plan_goal_add"), {"text": "Lotte slaapt beter."})
    assert response.status_code == 302
    goal = plan.goals.get()
    chair.post(
        _url(case, "case_plan_action_add"),
        {"goal": goal.pk, "text": "Lotte gaat om tien uur slapen.", "owner_kind": "client"},
    )
    response = chair.post(
        _url(case, "case_plan_action_add"),
        {"goal": goal.pk, "text": "Slaaptraining.", "owner_kind": "professional"},
    )
    assert response.status_code == 200
    assert "participant" in response.context["form"].errors  # who does it: required
    chair.post(
        _url(case, "case_plan_action_add"),
        {
            "text": "Slaaptraining bij het CAW.",
            "owner_kind": "professional",
            "participant": professional.pk,
        },
    )
    own, training = plan.actions.order_by("pk")
    # Agreeing with an action pending: the form again, with the error.
    response = chair.post(_url(case, "case_plan_agree"))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    chair.post(_url(case, "case_plan_action_agreement", own.pk), {"agreement": "agreed"})
    chair.post(
        _url(case, "case_plan_action_agreement", training.pk),
        {"agreement": "refused", "reason": "Ik wil eerst zelf proberen."},
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert chair.post(_url(case, "case_plan_agree")).status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED
    assert len(mail.outbox) == 4  # two clients, the chair, the professional

    page = chair.get(_url(case, "case_plan")).content.decode()
    assert "Ik wil eerst zelf proberen." in page  # the refusal, visibly, with its reason

    young_person = _client(client, minor_of(case).user)
    assert young_person.post(_url(case, "case_plan_confirm")).status_code == 302
    assert young_person.post(_url(case, "case_plan_confirm")).status_code == 302  # refused
    assert PlanConfirmation.objects.filter(plan=plan).count() == 1
    page = young_person.get(_url(case, "case_plan")).content.decode()
    assert "Lotte Peeters" in page  # who confirmed
    pdf = young_person.get(_url(case, "case_plan_pdf"))
    assert pdf.content.startswith(b"%PDF")
    assert CaseLog.objects.filter(
        case=case, action=CaseLogAction.EXPORT, what="work plan PDF"
    ).exists()

    helper = _client(client, professional.user)
    assert helper.post(_url(case, "case_plan_action_done", own.pk)).status_code == 302
    own.refresh_from_db()
    assert own.done_at is not None
    assert helper.post(_url(case, "case_plan_action_done", training.pk)).status_code == 302
    training.refresh_from_db()
    assert training.done_at is None  # not agreed: not part of the plan

    # C7: a new version needs its reason.
    response = helper.post(_url(case, "case_plan_draft"), {"reason": ""})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    helper.post(_url(case, "case_plan_draft"), {"reason": "Het slapen gaat al beter."})
    assert WorkPlan.objects.get(case=case, status=PlanStatus.DRAFT).version == 2


def test_c7_follow_up_and_close_through_the_pages(client, case, professional):
    helper = _client(client, professional.user)
    response = helper.post(_url(case, "case_follow_up_request"), {"reason": "Het gaat minder."})
    assert response.status_code == 302
    assert case.consultations.get().status == ConsultationStatus.REQUESTED

    chair = _client(client, case.chair)
    response = chair.get(_url(case, "case_close"))
    assert response.status_code == 200
    assert "waiting_list" in response.content.decode()  # the tags as checkboxes
    response = chair.post(
        _url(case, "case_close"),
        {"outcome": "De hulp loopt.", "bottlenecks": ["waiting_list", "funding"]},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert case.bottlenecks.count() == 2
    # Closed: the edit pages send back to the plan, with a message.
    assert chair.get(_url(case, "case_close")).status_code == 302
    assert helper.get(_url(case, "case_follow_up_request")).status_code == 302
    assert chair.get(_url(case, "case_plan")).status_code == 200


def _plan_page_queries(client, case, professional, actions: int) -> int:
    chair = _fresh(case.chair)
    plan = services.plan_draft(actor=chair, case=case)
    goals = [services.goal_add(actor=chair, plan=plan, text=f"Doel {n}") for n in range(2)]
    for n in range(actions):
        PlanAction.objects.create(
            region=case.region,
            plan=plan,
            goal=goals[n % 2] if n % 3 else None,
            owner_kind=ActionOwner.PROFESSIONAL if n % 2 else ActionOwner.CLIENT,
            participant=professional if n % 2 else None,
            text=f"Actie {n}",
            agreement=Agreement.REFUSED if n == 1 else Agreement.AGREED,
            agreement_reason="Liever niet." if n == 1 else "",
        )
    services.plan_agree(actor=chair, plan=plan)
    follow_up.action_mark_done(actor=chair, action=plan.actions.filter(agreement="agreed").first())
    services.plan_confirm(actor=_fresh(minor_of(case).user), plan=plan)
    services.plan_draft(actor=chair, case=case, reason="Bijsturen.")  # a draft, copied in full
    client.force_login(case.chair)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(_url(case, "case_plan"))
    assert response.status_code == 200
    return len(queries)


def test_c6_plan_page_reads_a_fixed_number_of_queries(client, region):
    small = CaseFactory(region=region, at_table=True)
    large = CaseFactory(region=region, at_table=True)
    few = _plan_page_queries(
        client, small, seat_participant(small, help_coordinator=True), actions=2
    )
    many = _plan_page_queries(
        client, large, seat_participant(large, help_coordinator=True), actions=10
    )
    assert few == many


def test_c6_case_page_summary_counts_the_plan(rf, case, scene, professional):
    from django.template.loader import render_to_string

    from aantafel.casework.permissions import case_seat
    from aantafel.casework.templatetags.case_plan import case_plan_summary

    follow_up.action_mark_done(actor=_fresh(case.chair), action=scene["action"])
    request = rf.get("/")
    for user, helps in ((_fresh(professional.user), True), (_fresh(minor_of(case).user), False)):
        request.user = user
        context = {"case": case, "seat": case_seat(user, case), "region": case.region}
        summary = case_plan_summary({"request": request}, case, context["seat"])
        assert summary.agreed.pk == scene["agreed"].pk
        assert (summary.agreed.agreed_actions, summary.agreed.refused_actions) == (1, 0)
        assert summary.agreed.done_actions == 1
        # The draft only for whoever edits the plan; the follow-up link for the help coordinator.
        assert (summary.draft is not None) is helps
        html = render_to_string("casework/plan/_summary.html", context, request=request)
        assert _url(case, "case_plan") in html
        assert (_url(case, "case_follow_up_request") in html) is helps

"""The cliëntoverleg in the browser (C1–C8), the journeys of issue 5, each on its own starting
state (casework_steps: services and factories, never an earlier journey), axe on every page:

a. a teacher asks for a cliëntoverleg with the parents' consent (on a phone, 375 px wide);
b. the coordinator takes the request in and appoints a chair;
c. the chair invites participants: the police is refused, saying why; a professional and a
   neighbour are invited;
d. the neighbour logs in, sees only the confidentiality statement, accepts it, then the case;
e. a work plan is agreed with one action the young person refuses, which stays outside it;
f. the help coordinator marks an action done and requests a follow-up consultation;
g. a parent logs in with a code by e-mail, sees who has access and withdraws consent for one
   participant, whose next page load is a 404.

Everyone with access to case data logs in with two-factor authentication; the family and the
neighbour with a code sent by e-mail (read from the live server's mailbox: the same process).
"""

import datetime
import re

from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from aantafel.casework.models import (
    ActionOwner,
    Agreement,
    Case,
    CaseworkRoleKind,
    ClientRole,
    ConsentMethod,
    Consultation,
    ConsultationKind,
    Participant,
    ParticipantKind,
    PlanAction,
)
from aantafel.casework.services import case_request, table
from aantafel.casework.services.case_request import CaseRequest, ConsentGiver
from aantafel.casework.workflow import CaseStatus, ConsultationStatus, PlanStatus
from tests.casework.factories import (
    CaseFactory,
    minor_of,
    parent_of,
    seat_participant,
    years_ago,
)

from . import casework_steps as steps
from .casework_steps import nl

PHONE_375 = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}


def _submit(journey, form_selector: str = "form.aantafel-form") -> None:
    journey.click(journey.page.locator(f"main {form_selector} button[type=submit]").first)


# --- a. The request (C1) -----------------------------------------------------------------------


def test_c1_a_teacher_asks_for_a_clientoverleg_with_the_parents_consent_on_a_phone(journey):
    region = steps.region()
    coordinator = steps.coordinator(region)
    page = journey.page
    today = timezone.localdate()
    birth = years_ago(10, days=60)

    # The teacher, on her phone, no account.
    page.set_viewport_size(PHONE_375)
    journey.visit(f"/clientoverleg/{region.slug}/aanvragen/")
    page.locator("input[name=requester_kind][value=trusted_person]").check()
    page.locator("#id_requester_name").fill("An Cuppens")
    page.locator("#id_requester_relation").fill("juf van Mila in het vierde leerjaar")
    page.locator("#id_requester_email").fill("an.cuppens@school.example")
    page.locator("#id_minor_name").fill("Mila Vrolix")
    page.locator("#id_minor_birth_date").fill(birth.isoformat())
    page.locator("#id_parent_name").fill("Sarah Vrolix")
    page.locator("#id_parent_email").fill("sarah.vrolix@voorbeeld.example")
    page.locator("input[name=purpose][value=coordination]").check()
    page.locator("#id_question").fill(
        "Mila zit vaak alleen op de speelplaats. Thuis helpt een gezinsbegeleider, op school "
        "ik. We willen samen één plan maken."
    )
    # First she records Mila's own yes: Mila is 10, so a parent's yes is needed (C1).
    page.locator("input[name=consent_given_by][value=minor]").check()
    page.locator("#id_consent_date").fill((today - datetime.timedelta(days=2)).isoformat())
    page.locator("input[name=consent_method][value=in_person]").check()
    expected = steps.refusal(
        lambda: case_request.case_request_submit(
            region=region,
            data=CaseRequest(
                requester_kind="trusted_person",
                requester_name="An Cuppens",
                requester_email="an.cuppens@school.example",
                requester_relation="juf",
                minor_name="Mila Vrolix",
                minor_birth_date=birth,
                parent_name="Sarah Vrolix",
                purpose="coordination",
                question="?",
                consent_given_by=ConsentGiver.MINOR,
                consent_date=today,
                consent_method=ConsentMethod.IN_PERSON,
            ),
        )
    )
    assert expected.field == "consent_given_by"
    _submit(journey)
    assert not Case.objects.exists()
    expect(page.locator("#id_consent_given_by_error")).to_have_text(expected.message)
    yes_of_mila = page.locator("input[name=consent_given_by][value=minor]")
    expect(yes_of_mila).to_have_attribute("aria-invalid", "true")
    expect(yes_of_mila).to_have_accessible_description(re.compile(re.escape(expected.message)))

    # Her mother said yes: the request goes in, with the consent on record.
    page.locator("input[name=consent_given_by][value=parent]").check()
    mail.outbox.clear()
    _submit(journey)
    case = Case.objects.get()
    assert case.status == CaseStatus.REQUESTED
    assert case.requester_kind == "trusted_person"
    consent = case.consents.get(participant=None)
    assert consent.given_by.role == ClientRole.PARENT
    assert consent.method == ConsentMethod.IN_PERSON
    assert timezone.localdate(consent.given_at) == today - datetime.timedelta(days=2)
    expect(page.get_by_role("status")).to_contain_text(case.reference)
    expect(page.locator("main")).not_to_contain_text("Mila")
    # The teacher gets the reference; the coordinator hears of a request. Nothing else in mail.
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"an.cuppens@school.example", coordinator.email}
    for message in by_address.values():
        assert case.reference in message.subject
        assert "Mila" not in message.subject + message.body
        assert "Vrolix" not in message.subject + message.body


# --- b. Intake and the chair (C3) --------------------------------------------------------------


def test_c3_the_coordinator_takes_the_request_in_and_appoints_a_chair(journey):
    region = steps.region()
    coordinator = steps.coordinator(region)
    chair = steps.service_role(region, CaseworkRoleKind.CHAIR, "Guy Vanbrabant")
    steps.service_role(region, CaseworkRoleKind.CHAIR, "Mieke Claesen")
    case = steps.teacher_request(region)
    page = journey.page

    steps.login_with_two_factor(journey, coordinator)
    journey.visit(f"/regio/{region.slug}/clientoverleg/")
    journey.click(page.get_by_role("link", name=case.reference))
    expect(page.locator("main")).to_contain_text("Mila Vrolix")
    expect(page.locator("main")).to_contain_text("An Cuppens")
    journey.click(page.locator("main form:has(input[name=action][value=accept]) button"))
    case.refresh_from_db()
    assert case.status == CaseStatus.ACCEPTED
    assert case.coordinator == coordinator

    # Accepting leads on to the chair: only the region's pool is offered (C3).
    expect(page.locator("#id_chair option:not([value=''])")).to_have_count(2)
    page.locator("#id_chair").select_option(str(chair.pk))
    mail.outbox.clear()
    _submit(journey)
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS
    assert case.chair == chair
    (message,) = mail.outbox
    assert message.to == [chair.email]
    assert case.reference in message.subject
    assert "Mila" not in message.subject + message.body

    journey.click(page.get_by_role("link", name=nl("To the case page")))
    expect(page.locator("main")).to_contain_text("Guy Vanbrabant")


# --- c. Inviting participants (C4, C5) ---------------------------------------------------------


def _fill_invitation(page, *, kind: str, name: str, email: str, **extra: str) -> None:
    page.locator("#id_kind").select_option(kind)
    page.locator("#id_name").fill(name)
    page.locator("#id_email").fill(email)
    page.locator("#id_organisation").fill(extra.get("organisation", ""))
    page.locator("#id_function").fill(extra.get("function", ""))


def test_c4_the_chair_invites_participants_and_the_police_is_refused_with_the_reason(journey):
    region = steps.region()
    case = CaseFactory(region=region, at_table=True)
    page = journey.page

    steps.login_with_two_factor(journey, case.chair)
    journey.visit(steps.case_url(case))
    expect(page.locator(".aantafel-regime")).to_be_visible()
    journey.click(page.get_by_role("link", name=nl("Invite a participant")))
    # The young person is 14: her own consent is the one offered (C1).
    expect(page.locator("#id_consent_given_by")).to_have_value(str(minor_of(case).pk))

    # The police: refused, saying why, beside the field.
    expected = steps.refusal(
        lambda: table.participant_invite(
            actor=case.chair,
            case=case,
            kind=ParticipantKind.POLICE,
            name="Inspecteur Claes",
            email="inspecteur@politie.example",
            consent_given_by=minor_of(case),
            consent_method=ConsentMethod.IN_PERSON,
        )
    )
    assert expected.field == "kind"
    _fill_invitation(
        page, kind="police", name="Inspecteur Claes", email="inspecteur@politie.example"
    )
    _submit(journey)
    assert not Participant.objects.exists()
    expect(page.locator("#id_kind")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_kind")).to_have_accessible_description(
        re.compile(re.escape(expected.message))
    )
    expect(page.locator("#id_kind_error")).to_contain_text(expected.message)

    # A professional, the help coordinator; then a neighbour.
    _fill_invitation(
        page,
        kind="professional",
        name="Lore Vandersmissen",
        email="lore@caw.example",
        organisation="CAW Limburg",
        function="contextbegeleider",
    )
    page.locator("#id_is_help_coordinator").check()
    _submit(journey)
    expect(page.get_by_role("status")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Lore Vandersmissen")

    journey.click(page.get_by_role("link", name=nl("Invite a participant")))
    _fill_invitation(page, kind="network", name="Marleen Huybrechts", email="marleen@buren.example")
    page.locator("#id_consent_method").select_option(ConsentMethod.PHONE)
    _submit(journey)
    expect(page.locator("main")).to_contain_text("Marleen Huybrechts")

    participants = {p.name: p for p in Participant.objects.filter(case=case)}
    assert set(participants) == {"Lore Vandersmissen", "Marleen Huybrechts"}
    lore, marleen = participants["Lore Vandersmissen"], participants["Marleen Huybrechts"]
    assert lore.is_help_coordinator
    assert (lore.organisation, lore.function) == ("CAW Limburg", "contextbegeleider")
    assert marleen.organisation == ""
    assert marleen.confidentiality_accepted_at is None
    for participant in (lore, marleen):
        consent = participant.consents.get()
        assert consent.given_by == minor_of(case)
        assert consent.recorded_by == case.chair
    assert marleen.consents.get().method == ConsentMethod.PHONE
    # C5: with a neighbour at the table, a duty of confidentiality applies.
    assert table.confidentiality_regime(case) == table.ConfidentialityRegime.DUTY_OF_CONFIDENTIALITY
    expect(page.locator(".aantafel-regime")).to_contain_text(
        nl(table.ConfidentialityRegime.DUTY_OF_CONFIDENTIALITY.label)
    )


# --- d. Confidentiality first (C5) -------------------------------------------------------------


def test_c5_the_neighbour_sees_only_the_confidentiality_statement_until_she_accepts(journey):
    region = steps.region()
    case = CaseFactory(region=region, at_table=True)
    neighbour = seat_participant(
        case, kind=ParticipantKind.NETWORK, name="Marleen Huybrechts", accepted=False
    )
    page = journey.page

    # Invited, she logs in with the code the invitation's link leads to, to the case page…
    steps.login_by_code(journey, neighbour.user.email, steps.case_url(case))
    # …and gets the statement instead, with nothing of the case on it.
    assert page.url == journey.url(steps.case_url(case, "geheimhouding/"))
    main = page.locator("main")
    expect(main).to_contain_text(case.reference)
    for secret in ("Lotte", "Peeters", case.question[:30], "Voorbeeldstraat"):
        expect(main).not_to_contain_text(secret)
    # Every other page of the case says the same.
    journey.visit(steps.case_url(case, "werkplan/"))
    assert page.url == journey.url(steps.case_url(case, "geheimhouding/"))

    # Accepting without ticking the box is refused; with it, she is in.
    _submit(journey)
    expect(page.locator("#id_accept")).to_have_attribute("aria-invalid", "true")
    neighbour.refresh_from_db()
    assert neighbour.confidentiality_accepted_at is None
    page.locator("#id_accept").check()
    _submit(journey)
    assert page.url == journey.url(steps.case_url(case))
    expect(page.locator("main")).to_contain_text(case.question[:30])
    neighbour.refresh_from_db()
    assert neighbour.confidentiality_accepted_at is not None
    assert case.log.filter(user=neighbour.user, what="confidentiality accepted").exists()


# --- e. The work plan (C6) ---------------------------------------------------------------------


def test_c6_a_work_plan_is_agreed_with_one_action_the_young_person_refuses(journey):
    region = steps.region()
    case = CaseFactory(region=region, at_table=True)
    helper = seat_participant(case, name="Jeroen Claes", help_coordinator=True)
    draft = steps.draft_with_actions(
        case, helper, ("Jeroen belt elke week met de school.", ActionOwner.PROFESSIONAL)
    )
    page = journey.page

    steps.login_with_two_factor(journey, case.chair)
    journey.visit(steps.case_url(case))
    journey.click(page.get_by_role("link", name=nl("Open the work plan")))

    # The chair adds an action with the family at the table…
    journey.click(page.get_by_role("link", name=nl("Add an action")))
    page.locator("#id_goal").select_option(index=1)
    page.locator("#id_text").fill("Lotte gaat drie weken naar een time-outklas.")
    page.locator("input[name=owner_kind][value=professional]").check()
    page.locator("#id_participant").select_option(str(helper.pk))
    _submit(journey)
    refused_text = "Lotte gaat drie weken naar een time-outklas."
    actions = {a.text: a for a in PlanAction.objects.filter(plan=draft)}
    assert set(actions) == {"Jeroen belt elke week met de school.", refused_text}

    # …and records Lotte's say on each: no to the time-out class, with her reason; yes to the other.
    reason = "Ik wil bij mijn vriendinnen in de klas blijven."
    journey.click(page.locator(f"a[href$='/acties/{actions[refused_text].pk}/akkoord/']"))
    page.locator("input[name=agreement][value=refused]").check()
    page.locator("#id_reason").fill(reason)
    _submit(journey)
    agreed_text = "Jeroen belt elke week met de school."
    journey.click(page.locator(f"a[href$='/acties/{actions[agreed_text].pk}/akkoord/']"))
    page.locator("input[name=agreement][value=agreed]").check()
    _submit(journey)

    journey.click(page.get_by_role("link", name=nl("Agree the plan")))
    _submit(journey)
    draft.refresh_from_db()
    assert draft.status == PlanStatus.AGREED
    refused = PlanAction.objects.get(pk=actions[refused_text].pk)
    assert (refused.agreement, refused.agreement_reason) == (Agreement.REFUSED, reason)

    # The agreed plan holds the agreed action; the refused one stands outside it, with the reason.
    agreed_tables = page.locator("main .aantafel-table-wrap table")
    expect(agreed_tables).to_have_count(1)
    expect(agreed_tables).to_contain_text(agreed_text)
    expect(agreed_tables).not_to_contain_text(refused_text)
    outside = page.locator("main .aantafel-section").filter(has_text=refused_text)
    expect(outside).to_contain_text(reason)
    expect(outside.get_by_role("heading", level=3)).to_have_count(1)


# --- f. Follow-up (C7) -------------------------------------------------------------------------


def test_c7_the_help_coordinator_marks_an_action_done_and_requests_a_follow_up(journey):
    region = steps.region()
    case = CaseFactory(region=region, at_table=True)
    helper = seat_participant(case, name="Jeroen Claes", help_coordinator=True)
    agreed = steps.agreed_plan(case, helper)
    action = PlanAction.objects.get(plan=agreed, owner_kind=ActionOwner.PROFESSIONAL)
    page = journey.page

    steps.login_with_two_factor(journey, helper.user)
    journey.visit(steps.case_url(case))
    journey.click(page.get_by_role("link", name=nl("Open the work plan")))
    journey.click(page.get_by_role("button", name=re.compile(re.escape(action.text[:20]))))
    action.refresh_from_db()
    assert action.done_at is not None
    assert action.done_by == helper.user
    expect(page.get_by_role("row").filter(has_text=action.text)).not_to_contain_text(
        nl("Mark done")
    )

    journey.click(page.get_by_role("link", name=nl("Request a follow-up consultation")).first)
    reason = "De school belt niet terug. We moeten samen kijken wat nu."
    page.locator("#id_reason").fill(reason)
    _submit(journey)
    assert page.url == journey.url(steps.case_url(case))
    follow_up = Consultation.objects.get(case=case)
    assert (follow_up.kind, follow_up.status) == (
        ConsultationKind.FOLLOW_UP,
        ConsultationStatus.REQUESTED,
    )
    assert (follow_up.requested_by, follow_up.request_reason) == (helper.user, reason)
    expect(page.locator("main")).to_contain_text(reason)


# --- g. The family withdraws consent (C8) ------------------------------------------------------


def test_c8_a_parent_logs_in_with_a_code_and_withdraws_consent_and_access_ends_at_once(
    journey, second_journey
):
    region = steps.region()
    case = CaseFactory(region=region, at_table=True)
    professional = seat_participant(case, name="Jeroen Claes", organisation="CAW Limburg")
    seat_participant(case, kind=ParticipantKind.TRUSTED_PERSON, name="Wouter Moens")
    parent = parent_of(case).user
    page = journey.page

    # The professional has the case open.
    steps.login_with_two_factor(second_journey, professional.user)
    second_journey.visit(steps.case_url(case))
    expect(second_journey.page.locator("main")).to_contain_text(case.question[:30])

    # The mother logs in with a code by e-mail: her cases, then this one.
    steps.login_by_code(journey, parent.email, "/clientoverleg/mijn/")
    assert page.url == journey.url("/clientoverleg/mijn/")
    journey.click(page.get_by_role("link", name=re.compile(re.escape(case.reference))))
    access = page.locator("section[aria-labelledby=case-access-heading]")
    expect(access).to_contain_text("Jeroen Claes")
    expect(access).to_contain_text("Wouter Moens")
    expect(access).to_contain_text(case.chair.full_name)

    # Who looked at the case: the professional, a moment ago.
    journey.click(page.get_by_role("link", name=nl("See who looked at this case")))
    expect(page.locator("main")).to_contain_text(str(professional.user))
    journey.visit(steps.case_url(case))

    journey.click(access.get_by_role("link", name=re.compile("Jeroen Claes")))
    _submit(journey)
    assert page.url == journey.url(steps.case_url(case))
    expect(page.get_by_role("status")).to_be_visible()
    expect(access).not_to_contain_text("Jeroen Claes")
    expect(access).to_contain_text("Wouter Moens")
    consent = professional.consents.get()
    assert consent.withdrawn_at is not None
    assert consent.withdrawn_by == parent

    # The professional's next page load: as if the case did not exist.
    steps.expect_not_found(second_journey, steps.case_url(case))
    steps.expect_not_found(second_journey, steps.case_url(case, "werkplan/"))

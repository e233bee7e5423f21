"""Steps the cliëntoverleg journeys share: logging in with two-factor authentication (everyone
with access to case data), logging in with a code by e-mail (the family, a neighbour), and the
starting state of a journey built through the services and the factories — never through an
earlier journey, so each journey stands alone."""

import datetime
import re
from collections.abc import Callable
from urllib.parse import quote

from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from aantafel.casework.models import (
    ActionOwner,
    Agreement,
    Case,
    CaseworkRoleKind,
    ConsentMethod,
    Participant,
    PlanAction,
    Purpose,
    RequesterKind,
    WorkPlan,
)
from aantafel.casework.services import case_request, plan
from aantafel.casework.services.case_request import CaseRequest, ConsentGiver
from aantafel.core.errors import DomainError
from tests import factories as f
from tests.casework.factories import CaseworkRoleFactory, years_ago

from .conftest import LOG_IN, PASSWORD, Journey, axe_check, either, fresh_totp

# The key tests/casework/factories.py `with_totp` gives every account with case access.
TOTP_SECRET = "JBSWY3DPEHPK3PXP"
CODE_LABEL = either("Authenticator code", "Code")


def nl(text) -> str:
    """A text as the Dutch page shows it: its translation, or the English source string while the
    catalog has none yet (the journeys do not guess at words the lead has yet to translate)."""
    with translation.override("nl"):
        return gettext(text) if isinstance(text, str) else str(text)


def refusal(call: Callable[[], object]) -> DomainError:
    """The refusal a service gives, in the words the Dutch page shows (the translation, or the
    English source string while the catalog has none): a journey checks the very text beside
    the field. The service refuses before it writes anything."""
    with translation.override("nl"):
        try:
            call()
        except DomainError as error:
            return DomainError(str(error.message), field=error.field, code=error.code)
    raise AssertionError("the service did not refuse")


def region():
    return f.RegionFactory(name="IROJ Limburg", slug="iroj-limburg")


def service_role(region, role: str, full_name: str):
    """A coordinator, pool chair or data protection officer, with two-factor authentication."""
    return CaseworkRoleFactory(region=region, role=role, user__full_name=full_name).user


def coordinator(region):
    return service_role(region, CaseworkRoleKind.COORDINATOR, "Lies Vermeulen")


def case_url(case: Case, rest: str = "") -> str:
    return f"/regio/{case.region.slug}/clientoverleg/{case.reference}/{rest}"


def teacher_request(region) -> Case:
    """C1: a teacher's request with a parent's consent for a girl of 10, as the form sends it."""
    today = timezone.localdate()
    return case_request.case_request_submit(
        region=region,
        data=CaseRequest(
            requester_kind=RequesterKind.TRUSTED_PERSON,
            requester_name="An Cuppens",
            requester_email="an.cuppens@school.example",
            requester_relation="juf van Mila",
            minor_name="Mila Vrolix",
            minor_birth_date=years_ago(10, days=60),
            parent_name="Sarah Vrolix",
            parent_email="sarah.vrolix@voorbeeld.example",
            purpose=Purpose.COORDINATION,
            question="Mila is vaak verdrietig op school. Iedereen helpt apart; we willen één plan.",
            consent_given_by=ConsentGiver.PARENT,
            consent_date=today - datetime.timedelta(days=2),
            consent_method=ConsentMethod.IN_PERSON,
        ),
    )


def draft_with_actions(case: Case, helper: Participant, *actions: tuple[str, str]) -> WorkPlan:
    """A draft with one goal and the actions (text, owner kind) of a professional at the table
    or the client, each still waiting for the young person's say."""
    draft = plan.plan_draft(actor=case.chair, case=case)
    goal = plan.goal_add(actor=case.chair, plan=draft, text="Lotte voelt zich goed op school.")
    for text, owner in actions:
        plan.action_add(
            actor=case.chair,
            plan=draft,
            goal=goal,
            text=text,
            owner_kind=owner,
            participant=helper if owner == ActionOwner.PROFESSIONAL else None,
            due_date=timezone.localdate() + datetime.timedelta(days=30),
        )
    return draft


def agreed_plan(case: Case, helper: Participant) -> WorkPlan:
    """C6: an agreed plan with two actions the young person agreed to."""
    draft = draft_with_actions(
        case,
        helper,
        ("Jeroen belt elke week met de school.", ActionOwner.PROFESSIONAL),
        ("Lotte zegt het aan Jeroen als iets niet lukt.", ActionOwner.CLIENT),
    )
    for action in PlanAction.objects.filter(plan=draft):
        plan.action_agreement_record(actor=case.chair, action=action, agreement=Agreement.AGREED)
    return plan.plan_agree(actor=case.chair, plan=draft)


# --- logging in --------------------------------------------------------------------------------


def login_with_two_factor(journey: Journey, user) -> None:
    """The password, then the authenticator app's code (ADR 0010: every account with access to
    case data)."""
    page = journey.page
    # The login page also offers the code by e-mail, in a region whose name says "password":
    # the fields are found by their names here, not by a label pattern that matches both.
    journey.visit("/accounts/login/")
    page.locator("input[name=login]").fill(user.email)
    page.locator("input[name=password]").fill(PASSWORD)
    journey.click(page.get_by_role("button", name=LOG_IN))
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        either("Twee-factor-authenticatie", "Two-Factor Authentication")
    )
    page.get_by_label(CODE_LABEL).fill(fresh_totp(TOTP_SECRET))
    journey.click(page.get_by_role("button", name=either("Aanmelden", "Sign In")))


def _code_from_mail(email: str) -> str:
    sent = [m for m in mail.outbox if m.to == [email]]
    assert sent, f"no mail to {email}"
    match = re.search(r"^\s*([A-Z0-9]{4,}(?:-[A-Z0-9]+)*)\s*$", sent[-1].body, re.MULTILINE)
    assert match, "no code in the mail"
    return match.group(1)


def login_by_code(journey: Journey, email: str, next_path: str) -> None:
    """C8: no password — a code sent to the address the case knows, typed in on the next page."""
    page = journey.page
    journey.visit(f"/accounts/login/code/?next={quote(next_path)}")
    page.get_by_label(either("E-mailadres", "E-mail", "Email")).fill(email)
    mail.outbox.clear()
    journey.click(page.locator("main form button[type=submit]"))
    code = _code_from_mail(email)
    page.locator("input[name=code]").fill(code)
    journey.click(page.get_by_role("button", name=either("Bevestigen", "Confirm")))


def expect_not_found(journey: Journey, path: str) -> None:
    """The page answers 404, as if the case did not exist. Django's own 404 page has no site
    layout (the project has no 404 template), so axe is all that applies to it."""
    response = journey.page.goto(journey.url(path))
    assert response is not None
    assert response.status == 404, f"{path}: HTTP {response.status}"
    axe_check(journey.page)
    journey.checked.add(len(journey.visited))

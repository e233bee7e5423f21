"""Every page of the cliëntoverleg against every role (docs/authorization.md, "Pages of the
cliëntoverleg"; C5, C8, ADR 0010).

The roles: the region's coordinator, the case's chair, the chair of another case of the region
(in the pool too), the help coordinator (a seated professional), a colleague of the same
organisation who sits at another table, a participant whose consent was withdrawn, a network
participant who has not accepted confidentiality yet and one who has, the young person and the
parent (with logins), the region's data protection officer, a supporter of a body of the
region, the region administrator, policy staff, a coordinator of the other region, and an
anonymous visitor.

What they get: a seat decides, never a role elsewhere. Without a seat at the case: 404, as if
it did not exist. At the table without the permission: 403. A non-professional who has not
accepted confidentiality is sent to the statement from every page of the case (C5). The data
protection officer reads the case log, nothing of the case itself.

The matrix is exhaustive by construction: `test_every_url_of_the_clientoverleg_is_in_the_matrix`
walks the URL modules, and a new URL without an entry here fails it.
"""

import datetime
from dataclasses import dataclass, fields
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from aantafel.casework.models import (
    ActionOwner,
    Agreement,
    CaseClient,
    CaseworkRoleKind,
    ParticipantKind,
)
from aantafel.casework.services import consultations, plan
from aantafel.casework.services.consent import consent_withdraw
from aantafel.regions.models import RegionRole
from tests import factories as f

from ..page_matrix import REDIRECT, Row, answers, answers_to_get, form, get, post, uncovered
from .factories import CaseFactory, CaseworkRoleFactory, minor_of, parent_of, seat_participant

pytestmark = pytest.mark.django_db

URL_MODULES = [
    "aantafel.casework.urls_intake",
    "aantafel.casework.urls_table",
    "aantafel.casework.urls_plan",
    "aantafel.casework.urls_family",
    "aantafel.casework.urls_request",
    "aantafel.casework.urls_mine",
]

ROLES = [
    "anonymous",
    "coordinator",
    "chair",
    "other_chair",
    "professional",
    "colleague",
    "withdrawn",
    "neighbour_pending",
    "neighbour",
    "minor",
    "parent",
    "privacy_officer",
    "supporter",
    "region_admin",
    "staff",
    "outsider",
]
LOGGED_IN = set(ROLES) - {"anonymous"}

CLIENTS = {"minor", "parent"}
LEADS = {"coordinator", "chair"}  # casework.manage_table, edit_plan, close
SEES = LEADS | CLIENTS | {"professional", "neighbour"}  # casework.view_case, confirm_plan
AT_TABLE = SEES | {"neighbour_pending"}  # the confidentiality statement
EDIT = LEADS | {"professional"}  # casework.edit_plan or casework.follow_up (services.may_edit_plan)
# casework.record_agreement: those, and the client whose say counts (the young person of 14).
RECORD_AGREEMENT = EDIT | {"minor"}
FOLLOW_UP = {"chair", "professional"}  # casework.follow_up: the chair and the help coordinator
WITHDRAW = CLIENTS | LEADS  # casework.withdraw_consent
EXPORT = CLIENTS | {"coordinator"}  # casework.export
READ_LOG = CLIENTS | {"coordinator", "privacy_officer"}  # casework.read_log
INTAKE = {"coordinator"}  # casework.intake
# A seat at no case of the region and no role in its service (permissions.in_service).
NOT_IN_SERVICE = {"withdrawn", "supporter", "region_admin", "staff"}
IN_SERVICE = AT_TABLE | {"other_chair", "colleague", "privacy_officer"}
REGION_LOG = {"coordinator", "privacy_officer"}  # casework.read_region_log
# No seat at this case: 404 on each of its pages (the outsider too, by Row).
NO_SEAT = NOT_IN_SERVICE | {"other_chair", "colleague"}
# Pages of the case itself: the data protection officer reads the log only.
CONTENT_HIDDEN = NO_SEAT | {"privacy_officer"}
# The case log: 404 without a seat; at the table without casework.read_log, 403 (the pending
# neighbour too: the log is no page of the case they must first accept confidentiality for).
LOG_HIDDEN = CONTENT_HIDDEN - READ_LOG


@dataclass(frozen=True)
class CaseRow(Row):
    """A page of one case. `to_statement` roles are sent to the confidentiality statement (C5)
    whatever the page: a non-professional who has not accepted it yet."""

    to_statement: frozenset[str] = frozenset()

    def expected(self, role: str) -> int | str:
        return REDIRECT if role in self.to_statement else super().expected(role)


def content(*rows: Row | list[Row]) -> list[Row]:
    """Pages of the case itself: 404 for everyone without a seat and for the data protection
    officer; the neighbour who has not accepted confidentiality is sent to the statement."""
    flat = [r for row in rows for r in (row if isinstance(row, list) else [row])]
    return [
        CaseRow(
            **{
                field.name: getattr(row, field.name)
                for field in fields(Row)
                if field.name != "hidden"
            },
            hidden=frozenset(CONTENT_HIDDEN),
            to_statement=frozenset({"neighbour_pending"}),
        )
        for row in flat
    ]


def region_(w):
    return [w.slug]


def nothing(w):
    return []


def case_(w):
    return [w.slug, w.case.reference]


def requested(w):
    return [w.slug, w.requested.reference]


def closed(w):
    return [w.slug, w.closed.reference]


def neighbour_seat(w):
    return [*case_(w), w.neighbour.pk]


def consultation(w):
    return [*case_(w), w.consultation.pk]


def consent(w):
    return [*case_(w), w.consent.pk]


def goal(w):
    return [*case_(w), w.goal.pk]


def draft_action(w):
    return [*case_(w), w.draft_action.pk]


def agreed_action(w):
    return [*case_(w), w.agreed_action.pk]


EVERYONE = set(ROLES)
# A request just in: nobody sits at its table yet; only the coordinator takes it in.
REQUEST_HIDDEN = LOGGED_IN - INTAKE

# `form`: the page and an empty POST to it, which shows the form again with its errors (200).
# `post`: a POST-only step; an empty POST does it (or refuses it with a message) and goes back
# to a page (302).
MATRIX: list[Row] = [
    # --- The public request form (C1): no account needed -----------------------------------
    *form("case_request", region_, EVERYONE, region_page=False),
    get("case_request_thanks", region_, EVERYONE, region_page=False),
    # --- My cliëntoverleg: every logged-in user, for their own cases -----------------------
    get("my_cases", nothing, LOGGED_IN, region_page=False),
    # --- The service's pages of the region (permissions.in_service) ------------------------
    get("case_list", region_, IN_SERVICE, hidden=NOT_IN_SERVICE),
    get("casework_region_log", region_, REGION_LOG, hidden=NOT_IN_SERVICE),
    # --- Intake (C2, C3): a request just in, and the case at the table ---------------------
    *form("case_intake", requested, INTAKE, hidden=REQUEST_HIDDEN),
    *form("case_chair_appoint", requested, INTAKE, hidden=REQUEST_HIDDEN),
    *content(
        form("case_intake", case_, INTAKE, label="at_table"),
        form("case_chair_appoint", case_, INTAKE, label="at_table"),
    ),
    # --- The table (C4, C5) and its consultations ------------------------------------------
    *content(
        get("case_detail", case_, SEES),
        form("case_participant_invite", case_, LEADS),
        get("case_participant_remove", neighbour_seat, LEADS),
        post("case_participant_remove", neighbour_seat, LEADS),  # removes, back to the case
        post("case_help_coordinator", neighbour_seat, LEADS),
        form("case_consultation_schedule", case_, LEADS),
        form("case_consultation_edit", consultation, LEADS),  # no action chosen: 200
        get("case_consultation_ics", consultation, SEES),
    ),
    # The statement: anyone at the table; the form shown again for an empty POST.
    *form("case_confidentiality", case_, AT_TABLE, hidden=CONTENT_HIDDEN),
    # --- The work plan (C6), its follow-up (C7), closing (C9) ------------------------------
    *content(
        get("case_plan", case_, SEES),
        get("case_plan_versions", case_, SEES),
        # A draft exists already: back to the plan with a message.
        get("case_plan_draft", case_, EDIT, ok=REDIRECT),
        post("case_plan_draft", case_, EDIT),
        form("case_plan_goal_add", case_, EDIT),
        form("case_plan_goal_edit", goal, EDIT),
        post("case_plan_goal_remove", goal, EDIT),
        form("case_plan_action_add", case_, EDIT),
        form("case_plan_action_edit", draft_action, EDIT),
        post("case_plan_action_remove", draft_action, EDIT),
        form("case_plan_action_agreement", draft_action, RECORD_AGREEMENT),
        post("case_plan_action_done", agreed_action, FOLLOW_UP),
        # Agreeing has nothing to fill in: refused while an action waits for the client's say.
        form("case_plan_agree", case_, EDIT),
        post("case_plan_confirm", case_, SEES),
        get("case_plan_pdf", case_, SEES),
        form("case_follow_up_request", case_, FOLLOW_UP),
        form("case_close", case_, LEADS),
    ),
    # --- A closed case: the table still reads it, the family keeps its log and its data; a
    # step of the open table goes back to the case with a message --------------------------
    *content(
        get("case_detail", closed, SEES, label="closed"),
        get("case_plan", closed, SEES, label="closed"),
        get("case_participant_invite", closed, LEADS, ok=REDIRECT, label="closed"),
        get("case_close", closed, LEADS, ok=REDIRECT, label="closed"),
        get("case_export_json", closed, EXPORT, label="closed"),
    ),
    get("case_confidentiality", closed, AT_TABLE, hidden=CONTENT_HIDDEN, label="closed"),
    get("case_log", closed, READ_LOG, hidden=LOG_HIDDEN, label="closed"),
    # --- The family's pages (C8) -----------------------------------------------------------
    get("case_log", case_, READ_LOG, hidden=LOG_HIDDEN),
    *content(
        get("case_consent_withdraw", consent, WITHDRAW),
        post("case_consent_withdraw", consent, WITHDRAW),  # the button is the form: withdrawn
        get("case_export_json", case_, EXPORT),
        get("case_export_pdf", case_, EXPORT),
    ),
]


def _at_the_table(case, *, family, professional, pending, neighbour, withdrawn) -> None:
    """The same family and the same people at another case's table."""
    for client in family.clients.all():
        CaseClient.objects.create(
            region=case.region,
            case=case,
            role=client.role,
            name=client.name,
            birth_date=client.birth_date,
            email=client.email,
            user=client.user,
        )
    seat_participant(case, user=professional.user, help_coordinator=True)
    seat_participant(case, kind=ParticipantKind.NETWORK, user=pending.user, accepted=False)
    seat_participant(case, kind=ParticipantKind.NETWORK, user=neighbour.user)
    gone = seat_participant(case, user=withdrawn.user)
    consent_withdraw(actor=case.chair, consent=gone.consents.get())


@pytest.fixture
def world(region, other_region, supporter, region_admin):
    """One case at the table with everyone on it, a draft plan after an agreed version, a
    planned consultation; a closed case of the same family and table; a request just in;
    another case of the region with its own chair and a colleague of the help coordinator at
    its table."""
    case = CaseFactory(region=region, at_table=True)
    chair = case.chair
    other_case = CaseFactory(region=region, at_table=True)
    professional = seat_participant(
        case, name="Jeroen Claes", organisation="CAW Limburg", help_coordinator=True
    )
    colleague = seat_participant(other_case, name="Collega Claes", organisation="CAW Limburg")
    pending = seat_participant(case, kind=ParticipantKind.NETWORK, name="Buur Els", accepted=False)
    neighbour = seat_participant(case, kind=ParticipantKind.NETWORK, name="Buur Jan")
    withdrawn = seat_participant(case, name="Vroegere Begeleider")
    consent_withdraw(actor=chair, consent=withdrawn.consents.get())

    agreed = plan.plan_draft(actor=chair, case=case)
    agreed_action = plan.action_add(
        actor=chair,
        plan=agreed,
        text="Lotte gaat naar de sportclub.",
        owner_kind=ActionOwner.CLIENT,
    )
    plan.action_agreement_record(actor=chair, action=agreed_action, agreement=Agreement.AGREED)
    plan.plan_agree(actor=chair, plan=agreed)
    draft = plan.plan_draft(actor=chair, case=case, reason="De sportclub is te ver.")
    goal_ = plan.goal_add(actor=chair, plan=draft, text="Lotte heeft een hobby.")
    draft_action_ = plan.action_add(
        actor=chair,
        plan=draft,
        text="Gesprekken met de psycholoog.",
        owner_kind=ActionOwner.PROFESSIONAL,
        participant=professional,
        goal=goal_,
    )
    starts_at = timezone.now() + datetime.timedelta(days=7)
    consultation_ = consultations.consultation_schedule(
        actor=chair,
        case=case,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        location="Huis van het Kind, Hasselt",
    )
    closed_case = CaseFactory(region=region, closed=True, chair=chair, family=False)
    _at_the_table(
        closed_case,
        family=case,
        professional=professional,
        pending=pending,
        neighbour=neighbour,
        withdrawn=withdrawn,
    )
    role = CaseworkRoleKind
    users = {
        "coordinator": CaseworkRoleFactory(region=region, role=role.COORDINATOR).user,
        "chair": chair,
        "other_chair": other_case.chair,
        "professional": professional.user,
        "colleague": colleague.user,
        "withdrawn": withdrawn.user,
        "neighbour_pending": pending.user,
        "neighbour": neighbour.user,
        "minor": minor_of(case).user,
        "parent": parent_of(case).user,
        "privacy_officer": CaseworkRoleFactory(region=region, role=role.PRIVACY_OFFICER).user,
        "supporter": supporter,
        "region_admin": region_admin,
        "staff": f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user,
        "outsider": CaseworkRoleFactory(region=other_region, role=role.COORDINATOR).user,
    }
    return SimpleNamespace(
        users=users,
        slug=region.slug,
        case=case,
        closed=closed_case,
        requested=CaseFactory(region=region),
        neighbour=neighbour,
        consultation=consultation_,
        consent=neighbour.consents.get(),
        goal=goal_,
        draft_action=draft_action_,
        agreed_action=agreed_action,
    )


@pytest.mark.parametrize("row", MATRIX, ids=[row.method_id for row in MATRIX])
def test_c8_every_page_of_the_clientoverleg_answers_each_role_as_documented(world, row):
    """Each role's request runs in a savepoint that is rolled back, so every role meets the
    same case."""
    assert answers(world, row, ROLES) == {role: row.expected(role) for role in ROLES}


def test_every_url_of_the_clientoverleg_is_in_the_matrix():
    """A new URL without an entry in the matrix fails the test."""
    assert uncovered(MATRIX, URL_MODULES) == ([], [])


def test_c5_every_page_of_the_case_sends_the_pending_neighbour_to_the_statement(world):
    """The 302 of the matrix goes to the confidentiality statement, and nowhere else."""
    client = Client()
    client.force_login(world.users["neighbour_pending"])
    pages = [row for row in MATRIX if row.expected("neighbour_pending") == REDIRECT]
    assert pages
    went_to, statements = {}, {}
    for row in pages:
        region_slug, reference, *_ = row.args(world)
        url = reverse(row.name, args=row.args(world))
        response = client.post(url) if row.method == "POST" else client.get(url)
        went_to[row.method_id] = response["Location"]
        statements[row.method_id] = reverse("case_confidentiality", args=[region_slug, reference])
    assert went_to == statements


def test_a_step_that_is_only_posted_answers_a_get_with_405(world):
    """A link or a prefetch never removes, agrees or confirms anything."""
    post_only = [
        row
        for row in MATRIX
        if row.method == "POST"
        and not any(r.name == row.name and r.method == "GET" for r in MATRIX)
    ]
    assert answers_to_get(world, post_only, "chair") == {row.id: 405 for row in post_only}

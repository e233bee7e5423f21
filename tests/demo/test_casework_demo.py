"""The demo's cliëntoverleg (C1–C9) in IROJ Limburg: a case in every status, the table with its
participants, plans and a follow-up, closed cases whose waiting-list tag became a system signal,
fictional families only, case text encrypted in the database, two-factor authentication for
every account with case access, and nothing added by a second run. One load for the module,
rolled back at the end (`demo`, conftest.py)."""

import datetime
import re
import zoneinfo
from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from aantafel.accounts.middleware import mfa_required_but_missing
from aantafel.accounts.models import User
from aantafel.casework.mfa import needs_two_factor
from aantafel.casework.models import (
    Agreement,
    Case,
    CaseBottleneck,
    CaseClient,
    CaseLog,
    CaseMail,
    CaseworkRole,
    CaseworkRoleKind,
    ClientRole,
    Consent,
    Consultation,
    ConsultationKind,
    Participant,
    ParticipantKind,
    PlanAction,
    PlanConfirmation,
    RequesterKind,
    WorkPlan,
)
from aantafel.casework.permissions import case_seat, seated_participants
from aantafel.casework.services.bottlenecks import MIN_CASES, previous_quarter, system_key
from aantafel.casework.services.consent import age_on
from aantafel.casework.workflow import CaseStatus, ConsultationStatus, PlanStatus
from aantafel.demo.casework import (
    DEMO_TOTP_SECRET,
    FAMILY_NAMES,
    LORE,
    NEIGHBOUR,
    PARENT,
    SERVICE,
    TEACHER,
)
from aantafel.demo.content import DEMO_PASSWORD
from aantafel.regions.models import Region
from aantafel.signals.models import Signal, SignalSource

from .conftest import load

pytestmark = pytest.mark.django_db

SLUG = "iroj-limburg"


def _fresh(user: User) -> User:
    return User.objects.get(pk=user.pk)


def _region_today() -> datetime.date:
    region = Region.objects.get(slug=SLUG)
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(region.timezone))


def _the_table() -> Case:
    """The case at the table whose mother logs in (the journeys by hand start here)."""
    return Case.objects.get(clients__user__email=PARENT.email)


@pytest.mark.smoke
def test_c1_c8_the_demo_has_a_case_in_every_status(demo):
    cases = Case.objects.filter(region__slug=SLUG)
    assert set(cases.values_list("status", flat=True)) == set(CaseStatus.values)
    assert cases.get(status=CaseStatus.DECLINED).decline_reason
    waiting = cases.get(status=CaseStatus.ACCEPTED)
    assert waiting.chair_id is None
    assert waiting.coordinator.casework_roles.filter(role=CaseworkRoleKind.COORDINATOR).exists()
    # Only IROJ Limburg has a cliëntoverleg in the demo.
    assert not Case.objects.exclude(region__slug=SLUG).exists()


def test_c1_the_fresh_request_is_a_teachers_with_a_parents_consent_for_a_child_of_10(demo):
    request = Case.objects.get(region__slug=SLUG, status=CaseStatus.REQUESTED)
    assert request.requester_kind == RequesterKind.TRUSTED_PERSON
    minor = request.clients.get(role=ClientRole.MINOR)
    assert age_on(minor.birth_date, _region_today()) == 10
    consent = Consent.objects.get(case=request, participant=None)
    assert consent.given_by.role == ClientRole.PARENT
    assert consent.given_at < timezone.now()


def test_c3_the_service_has_a_coordinator_three_chairs_and_a_data_protection_officer(demo):
    roles = CaseworkRole.objects.filter(region__slug=SLUG)
    assert roles.filter(role=CaseworkRoleKind.COORDINATOR).count() == 1
    assert roles.filter(role=CaseworkRoleKind.CHAIR).count() == 3
    assert roles.filter(role=CaseworkRoleKind.PRIVACY_OFFICER).count() == 1
    # Every chair at a demo table comes from the pool.
    pool = set(roles.filter(role=CaseworkRoleKind.CHAIR).values_list("user_id", flat=True))
    chairs = set(Case.objects.filter(chair__isnull=False).values_list("chair_id", flat=True))
    assert chairs <= pool
    assert len(chairs) == 3


def test_c4_c5_the_table_has_a_help_coordinator_a_teacher_who_accepted_and_a_neighbour_who_did_not(
    demo,
):
    case = _the_table()
    assert case.status == CaseStatus.IN_PROGRESS
    seated = {p.user.email: p for p in seated_participants().filter(case=case)}
    assert set(seated) == {LORE.email, TEACHER.email, NEIGHBOUR.email}
    lore, teacher, neighbour = seated[LORE.email], seated[TEACHER.email], seated[NEIGHBOUR.email]
    assert lore.is_help_coordinator
    assert lore.kind == ParticipantKind.PROFESSIONAL
    assert lore.organisation
    assert teacher.kind == ParticipantKind.TRUSTED_PERSON
    assert teacher.confidentiality_accepted_at is not None
    assert neighbour.kind == ParticipantKind.NETWORK
    assert neighbour.confidentiality_accepted_at is None
    assert case_seat(_fresh(neighbour.user), case).must_accept_confidentiality
    # C1/C4: Lena is 14, so her own consent stands for each of them.
    for participant in seated.values():
        assert participant.consents.get(withdrawn_at=None).given_by.role == ClientRole.MINOR
    assert not Participant.objects.filter(kind__in=["police", "prosecutor", "juvenile_judge"])


def test_c3_a_consultation_is_planned_for_next_week(demo):
    consultation = Consultation.objects.get(case=_the_table(), status=ConsultationStatus.SCHEDULED)
    days = (consultation.starts_at - timezone.now()).days
    assert 5 <= days <= 7
    assert consultation.ends_at > consultation.starts_at
    assert consultation.location


def test_c6_the_table_has_a_draft_with_an_action_the_young_person_refused_with_her_reason(demo):
    draft = WorkPlan.objects.get(case=_the_table(), status=PlanStatus.DRAFT)
    actions = PlanAction.objects.filter(plan=draft)
    refused = actions.get(agreement=Agreement.REFUSED)
    assert refused.agreement_reason
    # Every action has her say, so the chair can agree the plan by hand.
    assert not actions.filter(agreement=Agreement.PENDING).exists()
    assert actions.filter(agreement=Agreement.AGREED).count() >= 2


def test_c6_an_agreed_plan_with_confirmations_a_refused_action_outside_it_and_one_done(demo):
    agreed = WorkPlan.objects.filter(status=PlanStatus.AGREED, version=1)
    plan = next(p for p in agreed if PlanAction.objects.filter(plan=p, done_at__isnull=False))
    confirmed = set(PlanConfirmation.objects.filter(plan=plan).values_list("user_id", flat=True))
    at_table = {plan.case.chair_id}
    at_table |= set(plan.case.clients.exclude(user=None).values_list("user_id", flat=True))
    at_table |= set(seated_participants().filter(case=plan.case).values_list("user_id", flat=True))
    assert confirmed == at_table
    refused = PlanAction.objects.get(plan=plan, agreement=Agreement.REFUSED)
    assert refused.agreement_reason
    assert refused.done_at is None
    assert plan.agreed_at < timezone.now()
    held = Consultation.objects.get(case=plan.case, status=ConsultationStatus.HELD)
    assert held.starts_at < plan.agreed_at
    assert held.notes


def test_c7_a_plan_adjusted_with_its_reason_and_a_follow_up_requested(demo):
    waiting = Consultation.objects.get(
        kind=ConsultationKind.FOLLOW_UP, status=ConsultationStatus.REQUESTED
    )
    assert waiting.request_reason
    helper = seated_participants().get(case=waiting.case, is_help_coordinator=True)
    assert waiting.requested_by == helper.user
    versions = WorkPlan.objects.filter(case=waiting.case).order_by("version")
    assert [(p.version, p.status) for p in versions] == [
        (1, PlanStatus.SUPERSEDED),
        (2, PlanStatus.AGREED),
    ]
    assert versions[1].reason


@pytest.mark.smoke
def test_c9_seven_cases_closed_last_quarter_name_the_waiting_list_and_make_a_system_signal(demo):
    quarter = previous_quarter(_region_today())
    tags = CaseBottleneck.objects.filter(region__slug=SLUG, quarter=quarter)
    waiting = tags.filter(tag="waiting_list")
    assert waiting.count() >= 6
    closed = Case.objects.filter(pk__in=waiting.values("case_id"))
    assert set(closed.values_list("status", flat=True)) == {CaseStatus.CLOSED}
    for case in closed:
        assert case.created_at < case.decided_at < case.chair_appointed_at < case.closed_at
        assert case.outcome
    signal = Signal.objects.get(region__slug=SLUG, system_key=system_key("waiting_list", quarter))
    assert signal.source == SignalSource.SYSTEM
    assert signal.themes.exists()
    # The other tags stay under the threshold: no signal for them.
    for tag in set(tags.exclude(tag="waiting_list").values_list("tag", flat=True)):
        assert tags.filter(tag=tag).count() < MIN_CASES
        assert not Signal.objects.filter(system_key=system_key(tag, quarter)).exists()
    assert Signal.objects.filter(source=SignalSource.SYSTEM).count() == 1


def test_c8_the_mother_logs_in_by_code_and_may_withdraw_consent(demo):
    case = _the_table()
    mother = User.objects.get(email=PARENT.email)
    assert not mother.has_usable_password()  # a code by e-mail, no password
    seat = case_seat(mother, case)
    assert seat.client is not None
    assert seat.client.role == ClientRole.PARENT
    assert seat.sees_case
    assert _fresh(mother).has_perm("casework.withdraw_consent", case)
    assert not needs_two_factor(mother)


def test_every_family_name_is_one_of_the_fictional_families(demo):
    names = [client.name for client in CaseClient.objects.all()]
    assert len(names) >= 20
    for name in names:
        assert name.split()[-1] in FAMILY_NAMES, name
    for case in Case.objects.filter(requester_kind__in=[RequesterKind.MINOR, RequesterKind.PARENT]):
        assert case.requester_name.split()[-1] in FAMILY_NAMES, case.requester_name
    emails = list(User.objects.filter(case_clients__isnull=False).values_list("email", flat=True))
    assert emails
    assert all(email.endswith(".example") for email in emails)


def _raw(table: str, column: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE {column} <> ''")  # noqa: S608
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("casework_case", "question"),
        ("casework_case", "address"),
        ("casework_case", "requester_name"),
        ("casework_caseclient", "name"),
        ("casework_caseclient", "email"),
        ("casework_caseclient", "birth_date"),
        ("casework_participant", "name"),
        ("casework_participant", "email"),
        ("casework_plangoal", "text"),
        ("casework_planaction", "text"),
        ("casework_planaction", "agreement_reason"),
        ("casework_consultation", "notes"),
    ],
)
def test_adr_0010_case_text_of_the_demo_is_encrypted_in_the_database(demo, table, column):
    values = _raw(table, column)
    assert values, f"the demo fills {table}.{column}"
    for value in values:
        assert value.startswith("gAAAAA"), (table, column)  # a Fernet token
        assert not any(name in value for name in FAMILY_NAMES)
        assert not re.search(r"\d{4}-\d{2}-\d{2}", value)


def test_adr_0010_every_account_with_case_access_has_two_factor_with_the_documented_key(demo):
    users = [User.objects.get(email=account.email) for account, _ in SERVICE]
    users += [p.user for p in seated_participants().filter(kind=ParticipantKind.PROFESSIONAL)]
    for user in users:
        user = _fresh(user)
        assert needs_two_factor(user), user.email
        assert not mfa_required_but_missing(user), user.email
        assert user.check_password(DEMO_PASSWORD)
        totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
        assert decrypt(totp.data["secret"]) == DEMO_TOTP_SECRET


def test_the_command_prints_the_case_logins_with_the_two_factor_key(demo):
    out = StringIO()
    call_command("load_demo", stdout=out)
    printed = out.getvalue()
    for account, _ in SERVICE:
        assert account.email in printed
    assert DEMO_TOTP_SECRET in printed
    assert PARENT.email in printed
    assert _the_table().reference in printed


def test_the_demo_mails_nobody_about_its_cases_and_a_second_run_adds_nothing(demo):
    assert not CaseMail.objects.exists()
    assert not any(m for m in demo if "CO-" in m.subject)
    before = (
        Case.objects.count(),
        CaseLog.objects.count(),
        Participant.objects.count(),
        Signal.objects.count(),
        CaseworkRole.objects.count(),
        Authenticator.objects.count(),
    )
    load()
    assert (
        Case.objects.count(),
        CaseLog.objects.count(),
        Participant.objects.count(),
        Signal.objects.count(),
        CaseworkRole.objects.count(),
        Authenticator.objects.count(),
    ) == before

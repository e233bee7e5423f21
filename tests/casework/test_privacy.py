"""C8: every view and change is logged and the family reads it; consent is withdrawn at once and
once; the family gets all its data; closed cases are anonymised after the retention period."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from aantafel.accounts.models import User
from aantafel.casework.models import (
    ActionOwner,
    Agreement,
    Bottleneck,
    Case,
    CaseBottleneck,
    CaseClient,
    CaseLog,
    CaseLogAction,
    CaseMail,
    Consent,
    Consultation,
    ConsultationKind,
    Participant,
    ParticipantKind,
    PlanAction,
    PlanConfirmation,
    PlanGoal,
    WorkPlan,
)
from aantafel.casework.services.consent import consent_withdraw
from aantafel.casework.services.privacy import (
    REMOVED_CLIENT,
    add_months,
    case_anonymise,
    case_export_data,
    cases_due_for_anonymisation,
)
from aantafel.casework.workflow import ConsultationStatus, PlanStatus
from aantafel.core.errors import ConflictError
from tests import factories as f

from .factories import CaseFactory, minor_of, parent_of, seat_participant

pytestmark = pytest.mark.django_db


def as_user(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _url(name, case, *args):
    return reverse(name, args=[case.region.slug, case.reference, *args])


def furnish(case: Case, professional: Participant, version: int = 1) -> None:
    """Everything a case can hold: a consultation with notes, an agreed plan with a goal, an
    action the young person refused with a reason, a confirmation, a bottleneck and a mail."""
    now = timezone.now()
    Consultation.objects.create(
        region=case.region,
        case=case,
        kind=ConsultationKind.FIRST,
        status=ConsultationStatus.HELD,
        starts_at=now - datetime.timedelta(days=7),
        ends_at=now - datetime.timedelta(days=7, hours=-1),
        location="Stadhuis Hasselt, zaal 2",
        notes="Lotte vertelt dat school zwaar valt.",
        request_reason="Opvolging na de zomer.",
    )
    plan = WorkPlan.objects.create(
        region=case.region,
        case=case,
        version=version,
        status=PlanStatus.AGREED,
        reason="Eerste werkplan.",
        agreed_at=now,
    )
    goal = PlanGoal.objects.create(
        region=case.region, plan=plan, text="Lotte gaat weer graag naar school."
    )
    PlanAction.objects.create(
        region=case.region,
        plan=plan,
        goal=goal,
        owner_kind=ActionOwner.PROFESSIONAL,
        participant=professional,
        text="Een gesprek met de zorgcoördinator van school.",
        agreement=Agreement.REFUSED,
        agreement_reason="Niet voor de examens.",
        agreement_recorded_at=now,
    )
    PlanConfirmation.objects.create(region=case.region, plan=plan, user=professional.user)
    CaseBottleneck.objects.get_or_create(
        region=case.region, case=case, tag=Bottleneck.WAITING_LIST, quarter="2026-Q1"
    )
    CaseMail.objects.create(
        region=case.region, case=case, plan=plan, email="lotte@voorbeeld.example", kind="plan"
    )


# --- The log ------------------------------------------------------------------------------------


def test_c8_audit_log_records_views_as_well_as_changes(case, professional):
    response = as_user(professional.user).get(_url("case_detail", case), REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    view = CaseLog.objects.filter(case=case, action=CaseLogAction.VIEW).get()
    assert view.user == professional.user
    assert view.user_repr == "Jeroen Claes"
    assert view.ip_address == "10.1.2.3"
    assert view.region_id == case.region_id

    parent = parent_of(case).user
    consent_withdraw(actor=parent, consent=professional.consents.get())
    change = CaseLog.objects.filter(case=case, action=CaseLogAction.CHANGE).get()
    assert change.user == parent
    assert change.what == "consent withdrawn"
    assert "Jeroen" not in change.what  # never case content in a log line


def test_c8_log_cannot_be_changed(case, professional):
    as_user(professional.user).get(_url("case_detail", case))
    line = CaseLog.objects.get(case=case)
    line.what = "nothing happened"
    with pytest.raises(ValueError, match="cannot be changed"):
        line.save()
    with pytest.raises(ValueError, match="cannot be deleted"):
        line.delete()
    assert CaseLog.objects.get(pk=line.pk).what != "nothing happened"


def test_c8_family_reads_who_saw_what(case, professional, coordinator):
    as_user(professional.user).get(_url("case_detail", case), REMOTE_ADDR="10.9.8.7")
    for client_row in (minor_of(case), parent_of(case)):
        response = as_user(client_row.user).get(_url("case_log", case))
        assert response.status_code == 200
        content = response.content.decode()
        assert "Jeroen Claes" in content  # who
        assert "10.9.8.7" not in content  # not from where: that is for the service
        assert not response.context["show_address"]
    # Reading the log is itself in the log.
    assert CaseLog.objects.filter(case=case, what="case log", user=parent_of(case).user).exists()

    response = as_user(coordinator).get(_url("case_log", case))
    assert "10.9.8.7" in response.content.decode()


def test_c8_log_is_newest_first_and_paginated(case, coordinator):
    for number in range(55):
        CaseLog.objects.create(
            region=case.region, case=case, action=CaseLogAction.VIEW, what=f"page {number}"
        )
    client = as_user(coordinator)
    first = client.get(_url("case_log", case)).context["page"]
    assert first.paginator.count == 56  # and the coordinator's own view of the log
    assert first.object_list[0].what == "case log"
    assert first.object_list[1].what == "page 54"
    assert len(first.object_list) == 50
    assert client.get(_url("case_log", case), {"page": 2}).context["page"].number == 2


def test_c8_case_log_reads_a_fixed_number_of_queries(
    case, coordinator, professional, django_assert_num_queries
):
    client = as_user(coordinator)
    client.get(_url("case_log", case))
    # The session, the user, the two-factor check, the region, the case, the seat (3), the
    # log line of this view, the count, the page and (for the menu) the region membership.
    with django_assert_num_queries(12):
        client.get(_url("case_log", case))
    for _ in range(40):
        as_user(professional.user).get(_url("case_detail", case))
    with django_assert_num_queries(12):
        client.get(_url("case_log", case))


def test_c8_region_log_lists_every_case_by_reference(
    case, region, other_region, coordinator, privacy_officer, professional
):
    other_case = CaseFactory(region=region, at_table=True)
    elsewhere = CaseFactory(region=other_region, at_table=True)
    for c in (case, other_case, elsewhere):
        CaseLog.objects.create(region=c.region, case=c, action=CaseLogAction.VIEW, what="case page")
    as_user(professional.user).get(_url("case_detail", case), REMOTE_ADDR="10.4.4.4")
    url = reverse("casework_region_log", args=[region.slug])

    for user in (coordinator, privacy_officer):
        response = as_user(user).get(url)
        content = response.content.decode()
        assert response.status_code == 200
        assert case.reference in content
        assert other_case.reference in content
        assert elsewhere.reference not in content  # another region's cases are not there
        assert "10.4.4.4" in content
        assert "Peeters" not in content  # the case's text is nowhere on it

    by_reference = as_user(coordinator).get(url, {"reference": other_case.reference.lower()})
    assert {line.reference for line in by_reference.context["page"]} == {other_case.reference}
    by_person = as_user(coordinator).get(url, {"user": "jeroen"})
    assert [line.user_id for line in by_person.context["page"]] == [professional.user.pk]


def test_c8_region_log_reads_a_fixed_number_of_queries(
    case, region, coordinator, professional, django_assert_num_queries
):
    client = as_user(coordinator)
    url = reverse("casework_region_log", args=[region.slug])
    as_user(professional.user).get(_url("case_detail", case))
    client.get(url)
    # The session, the user, the two-factor check, the region, the service roles, the count
    # and the page.
    with django_assert_num_queries(8) as few:
        client.get(url)
    for _ in range(5):
        other = CaseFactory(region=region, at_table=True)
        for _ in range(5):
            CaseLog.objects.create(region=region, case=other, action=CaseLogAction.VIEW, what="x")
    with django_assert_num_queries(len(few)):
        client.get(url)


# --- Withdrawing consent -----------------------------------------------------------------------


def test_c8_withdrawal_takes_effect_at_once(case, professional):
    participant_client = as_user(professional.user)
    assert participant_client.get(_url("case_detail", case)).status_code == 200
    consent = professional.consents.get()
    parent = as_user(parent_of(case).user)

    confirm = parent.get(_url("case_consent_withdraw", case, consent.pk))
    assert confirm.status_code == 200
    assert "Jeroen Claes" in confirm.content.decode()
    response = parent.post(_url("case_consent_withdraw", case, consent.pk))
    assert response.status_code == 302
    assert response["Location"] == _url("case_detail", case)

    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert consent.withdrawn_by == parent_of(case).user
    assert participant_client.get(_url("case_detail", case)).status_code == 404
    assert CaseLog.objects.filter(case=case, what="consent withdrawn").exists()


def test_c8_withdrawing_twice_is_refused(case, professional):
    consent = professional.consents.get()
    parent = parent_of(case).user
    consent_withdraw(actor=parent, consent=consent)
    with pytest.raises(ConflictError) as refused:
        consent_withdraw(actor=parent, consent=consent)
    assert refused.value.status_code == 409
    assert refused.value.code == "consent_already_withdrawn"

    response = as_user(parent).post(_url("case_consent_withdraw", case, consent.pk))
    assert response.status_code == 409
    errors = response.context["form"].non_field_errors().as_data()
    assert [e.code for e in errors] == ["consent_already_withdrawn"]
    assert 'role="alert"' in response.content.decode()  # the refusal is on the page
    assert CaseLog.objects.filter(case=case, what="consent withdrawn").count() == 1


def test_c8_withdrawing_a_consent_of_another_case_is_404(case, region, professional):
    other = CaseFactory(region=region, at_table=True)
    theirs = seat_participant(other, name="Elders").consents.get()
    request_consent = Consent.objects.create(
        region=region,
        case=case,
        given_by=parent_of(case),
        given_at=timezone.now(),
        method="in_person",
    )
    parent = as_user(parent_of(case).user)
    assert parent.get(_url("case_consent_withdraw", case, theirs.pk)).status_code == 404
    assert parent.post(_url("case_consent_withdraw", case, theirs.pk)).status_code == 404
    # The consent for the request itself is no one's place at the table.
    assert parent.get(_url("case_consent_withdraw", case, request_consent.pk)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.withdrawn_at is None


def test_c8_a_participant_may_not_withdraw(case, professional):
    other = seat_participant(case, name="Andere hulpverlener")
    response = as_user(professional.user).post(
        _url("case_consent_withdraw", case, other.consents.get().pk)
    )
    assert response.status_code == 403
    assert other.consents.get().withdrawn_at is None


# --- The family's data -------------------------------------------------------------------------


def test_c8_export_holds_all_family_data(case, professional):
    furnish(case, professional)
    consent_withdraw(actor=parent_of(case).user, consent=professional.consents.get())
    parent = as_user(parent_of(case).user)

    response = parent.get(_url("case_export_json", case))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    data = json.loads(response.content)
    assert set(data) >= {
        "reference",
        "request",
        "clients",
        "consents",
        "participants",
        "consultations",
        "work_plans",
        "bottlenecks",
        "log",
    }
    assert data["request"]["question"].startswith("Wij willen")
    assert data["request"]["address"] == "Voorbeeldstraat 1, 3500 Hasselt"
    assert {c["name"] for c in data["clients"]} == {"Lotte Peeters", "Sanne Peeters"}
    assert data["clients"][0]["birth_date"] == minor_of(case).birth_date.isoformat()
    assert data["consents"][0]["for_participant"] == "Jeroen Claes"
    assert data["consents"][0]["withdrawn_at"] is not None
    assert data["participants"][0]["organisation"] == "CAW Limburg"
    assert data["consultations"][0]["notes"] == "Lotte vertelt dat school zwaar valt."
    assert data["consultations"][0]["location"] == "Stadhuis Hasselt, zaal 2"
    plan = data["work_plans"][0]
    assert plan["reason"] == "Eerste werkplan."
    action = plan["goals"][0]["actions"][0]
    assert action["agreement"] == "refused"
    assert action["agreement_reason"] == "Niet voor de examens."
    assert plan["confirmations"][0]["by"] == "Jeroen Claes"
    assert data["bottlenecks"] == [
        {
            "tag": "waiting_list",
            "tag_display": data["bottlenecks"][0]["tag_display"],
            "quarter": "2026-Q1",
        }
    ]
    assert any(line["what"] == "consent withdrawn" for line in data["log"])
    assert all("ip_address" not in line for line in data["log"])

    pdf = parent.get(_url("case_export_pdf", case))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")

    exports = CaseLog.objects.filter(case=case, action=CaseLogAction.EXPORT)
    assert exports.count() == 2
    assert {line.user_id for line in exports} == {parent_of(case).user.pk}


def test_c8_a_refused_export_is_no_download_in_the_log(case, professional):
    for user in (case.chair, professional.user):
        assert as_user(user).get(_url("case_export_json", case)).status_code == 403
    assert not CaseLog.objects.filter(case=case, action=CaseLogAction.EXPORT).exists()


def test_c8_export_data_reads_a_fixed_number_of_queries(
    case, professional, django_assert_num_queries
):
    furnish(case, professional)
    with django_assert_num_queries(11) as few:
        case_export_data(case)
    WorkPlan.objects.filter(case=case, version=1).update(status=PlanStatus.SUPERSEDED)
    furnish(case, seat_participant(case, name="Tweede"), version=2)
    with django_assert_num_queries(len(few)):
        case_export_data(case)


# --- Retention and anonymisation ---------------------------------------------------------------


def _closed_case(region, months_ago: int, days: int = 1) -> Case:
    closed_at = add_months(timezone.now(), -months_ago) - datetime.timedelta(days=days)
    return CaseFactory(region=region, closed=True, closed_at=closed_at)


@pytest.fixture
def old_case(region):
    """Closed 25 months ago, in a region that keeps cases 24 months: due."""
    case = _closed_case(region, 25)
    professional = seat_participant(case, name="Jeroen Claes")
    seat_participant(case, kind=ParticipantKind.NETWORK, name="Buur Els")
    furnish(case, professional)
    as_user(parent_of(case).user).get(_url("case_log", case), REMOTE_ADDR="10.7.7.7")
    return case


RAW = {
    "casework_case": (
        "id",
        [
            "question",
            "address",
            "requester_name",
            "requester_email",
            "requester_phone",
            "requester_organisation",
            "requester_relation",
            "decline_reason",
            "outcome",
        ],
    ),
    "casework_caseclient": ("case_id", ["name", "birth_date", "email"]),
    "casework_participant": ("case_id", ["name", "email", "organisation", "function"]),
    "casework_consultation": ("case_id", ["location", "notes", "request_reason"]),
    "casework_workplan": ("case_id", ["reason"]),
}


def _raw_values(case: Case) -> list:
    values = []
    with connection.cursor() as cursor:
        for table, (key, columns) in RAW.items():
            cursor.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE {key} = %s", [case.pk])  # noqa: S608
            values += [v for row in cursor.fetchall() for v in row]
        plans = "SELECT id FROM casework_workplan WHERE case_id = %s"
        cursor.execute(f"SELECT text FROM casework_plangoal WHERE plan_id IN ({plans})", [case.pk])  # noqa: S608
        values += [v for (v,) in cursor.fetchall()]
        cursor.execute(
            f"SELECT text, agreement_reason FROM casework_planaction WHERE plan_id IN ({plans})",  # noqa: S608
            [case.pk],
        )
        values += [v for row in cursor.fetchall() for v in row]
    return values


def test_c8_anonymisation_leaves_no_name_birth_date_address_or_free_text(region, old_case):
    kept = CaseFactory(region=region, closed=True)  # closed today: kept
    family_accounts = list(
        CaseClient.objects.filter(case=old_case, user__isnull=False).values_list("user", flat=True)
    )
    assert family_accounts
    for account in User.objects.filter(pk__in=family_accounts):
        account.set_unusable_password()  # as the intake makes them: they log in by code
        account.save()
    before = _raw_values(old_case)
    assert any(v for v in before)  # there was something to remove

    call_command("anonymise_closed_cases", stdout=io.StringIO())

    # In the database: nothing left, not even encrypted.
    assert all(v in ("", None) for v in _raw_values(old_case))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT user_repr, ip_address FROM casework_caselog WHERE case_id = %s", [old_case.pk]
        )
        log = cursor.fetchall()
    assert all("Peeters" not in who and "Buur" not in who for who, _ in log)
    assert REMOVED_CLIENT in {who for who, _ in log}  # the line stays, without the name
    assert "10.7.7.7" not in {str(ip) for _, ip in log}
    assert not CaseMail.objects.filter(case=old_case).exists()

    # Through the application: the same.
    case = Case.objects.get(pk=old_case.pk)
    assert case.anonymised_at is not None
    for field in ("question", "address", "requester_name", "requester_email", "outcome"):
        assert getattr(case, field) == ""
    for client_row in CaseClient.objects.filter(case=case):
        assert (client_row.name, client_row.birth_date, client_row.email) == ("", None, "")
        assert client_row.user_id is None
    for participant in Participant.objects.filter(case=case):
        assert (participant.name, participant.email, participant.organisation) == ("", "", "")
        assert participant.removed_at is not None
    assert not Consent.objects.filter(case=case, withdrawn_at__isnull=True).exists()
    assert {c.notes for c in Consultation.objects.filter(case=case)} == {""}
    assert {g.text for g in PlanGoal.objects.filter(plan__case=case)} == {""}
    assert {(a.text, a.agreement_reason) for a in PlanAction.objects.filter(plan__case=case)} == {
        ("", "")
    }
    # The logins that existed only for this case lose their name and address, and close.
    for account in User.objects.filter(pk__in=family_accounts):
        assert account.full_name == ""
        assert "Peeters" not in account.email
        assert not account.is_active
    # What the process and the policy level need stays.
    assert case.status == "closed"
    assert CaseBottleneck.objects.filter(case=case).count() == 1
    assert PlanAction.objects.get(plan__case=case).agreement == Agreement.REFUSED

    # The other case is untouched.
    kept = Case.objects.get(pk=kept.pk)
    assert kept.anonymised_at is None
    assert kept.question.startswith("Wij willen")
    assert minor_of(kept).name == "Lotte Peeters"


def test_c8_anonymisation_is_in_the_case_log(old_case, capsys):
    call_command("anonymise_closed_cases")
    assert "1" in capsys.readouterr().out
    line = CaseLog.objects.filter(case=old_case).order_by("-at", "-pk").first()
    assert (line.action, line.what, line.user_id) == (CaseLogAction.SYSTEM, "anonymised", None)

    call_command("anonymise_closed_cases")  # safe to run twice: nothing more happens
    assert "0" in capsys.readouterr().out
    assert CaseLog.objects.filter(case=old_case, what="anonymised").count() == 1


def test_c8_the_family_loses_access_after_anonymisation(old_case):
    parent = parent_of(old_case).user
    professional = Participant.objects.filter(case=old_case).first()
    case_anonymise(case=old_case)
    for user in (parent, professional.user):
        assert as_user(user).get(_url("case_detail", old_case)).status_code == 404


def test_c8_no_anonymisation_before_the_retention_period(region):
    young = _closed_case(region, 23)
    at_table = CaseFactory(region=region, at_table=True)
    now = timezone.now()
    assert not cases_due_for_anonymisation(now).exists()
    call_command("anonymise_closed_cases", stdout=io.StringIO())
    young.refresh_from_db()
    assert young.anonymised_at is None
    assert young.question.startswith("Wij willen")

    with pytest.raises(ConflictError) as too_soon:
        case_anonymise(case=young)
    assert too_soon.value.code == "retention_not_over"
    with pytest.raises(ConflictError) as still_open:
        case_anonymise(case=at_table)
    assert still_open.value.code == "case_not_closed"
    assert not CaseLog.objects.filter(what="anonymised").exists()


def test_c8_retention_period_is_the_regions(region, other_region):
    other_region.case_retention_months = 6
    other_region.save()
    short = _closed_case(other_region, 7)
    long_ = _closed_case(region, 7)
    due = set(cases_due_for_anonymisation(timezone.now()))
    assert short in due
    assert long_ not in due


def test_c8_anonymisation_keeps_an_account_that_is_used_elsewhere(region, old_case):
    """A parent who is also a member of the region keeps their login (only the link goes)."""
    parent = parent_of(old_case).user
    parent.set_unusable_password()  # logs in by code, like any client
    parent.save()
    f.RegionMembershipFactory(region=region, user=parent)
    call_command("anonymise_closed_cases", stdout=io.StringIO())
    parent.refresh_from_db()
    assert parent.is_active
    assert parent.full_name == "Sanne Peeters"

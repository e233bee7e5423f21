"""C8 for the family: logging in with an e-mailed code, two-factor authentication for everyone
else with access to case data, "my cliëntoverleg", and who may open the family's pages."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from aantafel.accounts.middleware import mfa_required_but_missing
from aantafel.casework.mfa import needs_two_factor
from aantafel.casework.models import CaseworkRoleKind, ParticipantKind
from aantafel.regions.models import RegionRole
from tests import factories as f

from .factories import (
    CaseFactory,
    CaseworkRoleFactory,
    minor_of,
    parent_of,
    seat_participant,
    with_totp,
)

pytestmark = pytest.mark.django_db


def _fresh(user):
    """A new user object: seats are cached per request (per user object)."""
    return type(user).objects.get(pk=user.pk)


def as_user(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _url(name, case, *args):
    return reverse(name, args=[case.region.slug, case.reference, *args])


# --- Logging in with a code (B1, C8) -----------------------------------------------------------


def test_c8_login_page_offers_a_code_by_email(client):
    response = client.get(reverse("account_login"))
    assert response.status_code == 200
    # Without a destination, a code login leads to "my cliëntoverleg".
    code_url = reverse("account_request_login_code") + "?next=" + reverse("my_cases")
    assert code_url in response.content.decode()


def test_c8_login_page_keeps_the_destination_for_the_code(client, case):
    case_url = _url("case_detail", case)
    response = client.get(reverse("account_login"), {"next": case_url})
    assert "next=" + case_url.replace("/", "%2F") in response.content.decode()


def _code_from_mail() -> str:
    body = mail.outbox[-1].body
    match = re.search(r"^\s*([A-Z0-9]{4,}(?:-[A-Z0-9]+)*)\s*$", body, re.MULTILINE)
    assert match, "no code in the mail"
    return match.group(1)


def test_c8_client_logs_in_with_a_code_and_sees_their_case(client, case):
    """A parent without a password: the code by e-mail is the way in (C8, ADR 0010)."""
    parent = parent_of(case).user
    parent.set_unusable_password()
    parent.save()

    start = client.get(reverse("account_request_login_code"), {"next": reverse("my_cases")})
    assert start.status_code == 200
    asked = client.post(
        reverse("account_request_login_code") + "?next=" + reverse("my_cases"),
        {"email": parent.email},
    )
    assert asked.status_code == 302
    assert asked["Location"].startswith(reverse("account_confirm_login_code"))
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [parent.email]
    assert case.reference not in mail.outbox[0].subject  # nothing of the case in the mail

    confirmed = client.post(asked["Location"], {"code": _code_from_mail()})
    assert confirmed.status_code == 302
    assert confirmed["Location"] == reverse("my_cases")

    mine = client.get(reverse("my_cases"))
    assert mine.status_code == 200  # no two-factor authentication asked of a client
    assert case.reference in mine.content.decode()
    assert _url("case_detail", case) in mine.content.decode()
    assert client.get(_url("case_detail", case)).status_code == 200


def test_c8_a_wrong_code_does_not_log_in(client, case):
    parent = parent_of(case).user
    asked = client.post(reverse("account_request_login_code"), {"email": parent.email})
    wrong = client.post(asked["Location"], {"code": "XXXXXX"})
    assert wrong.status_code == 200
    assert "code" in wrong.context["form"].errors
    assert client.get(reverse("my_cases"))["Location"].startswith(reverse("account_login"))


# --- Two-factor authentication for case roles --------------------------------------------------


def test_c8_two_factor_is_needed_by_everyone_with_access_to_case_data(
    case, coordinator, privacy_officer, pool_chair, professional, neighbour, region_admin
):
    expert = seat_participant(case, kind=ParticipantKind.EXPERT, name="Expert")
    trusted = seat_participant(case, kind=ParticipantKind.TRUSTED_PERSON, name="Juf Anja")
    for user in (coordinator, privacy_officer, pool_chair, case.chair, professional.user):
        assert needs_two_factor(_fresh(user))
    assert needs_two_factor(_fresh(expert.user))
    for user in (
        minor_of(case).user,
        parent_of(case).user,
        neighbour.user,
        trusted.user,
        region_admin,
    ):
        assert not needs_two_factor(_fresh(user))


def test_c8_a_professional_who_left_the_table_needs_no_two_factor_for_it(case):
    professional = seat_participant(case, name="Ex-begeleider")
    professional.consents.update(withdrawn_at=timezone.now())
    assert not needs_two_factor(_fresh(professional.user))


def test_c8_chair_of_an_open_case_needs_two_factor_without_a_pool_role(region):
    chair = f.UserFactory()
    CaseFactory(region=region, at_table=True, chair=chair, family=False)
    assert needs_two_factor(_fresh(chair))


def test_c8_coordinator_without_totp_is_sent_to_set_it_up(case, region):
    coordinator = CaseworkRoleFactory(
        region=region, role=CaseworkRoleKind.COORDINATOR, mfa=False
    ).user
    client = as_user(coordinator)
    response = client.get(_url("case_log", case))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_required")
    assert client.get(reverse("mfa_required")).status_code == 200  # the way out stays open

    with_totp(coordinator)
    assert client.get(_url("case_log", case)).status_code == 200


def test_c8_parent_without_totp_is_not_sent_to_set_it_up(case):
    parent = parent_of(case).user
    assert not parent.authenticator_set.exists()
    assert as_user(parent).get(_url("case_log", case)).status_code == 200


def test_c8_professional_without_totp_is_sent_to_set_it_up(case):
    user = f.UserFactory()
    seat_participant(case, user=user, name="Zonder app")
    user.authenticator_set.all().delete()
    response = as_user(user).get(_url("case_detail", case))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_required")


def test_c8_two_factor_check_costs_no_extra_query(
    case, coordinator, region_admin, django_assert_num_queries
):
    coordinator, region_admin = _fresh(coordinator), _fresh(region_admin)
    with django_assert_num_queries(1):  # with TOTP: one query answers everything
        assert not mfa_required_but_missing(coordinator)
    with django_assert_num_queries(3):  # without: the same one, then the region roles as before
        assert not mfa_required_but_missing(region_admin)


# --- My cliëntoverleg ---------------------------------------------------------------------------


def test_c8_my_cases_lists_cases_across_regions(case, other_region, professional, neighbour):
    elsewhere = CaseFactory(region=other_region, at_table=True)
    seat_participant(elsewhere, user=professional.user, name="Jeroen Claes")
    content = as_user(professional.user).get(reverse("my_cases")).content.decode()
    assert case.reference in content
    assert elsewhere.reference in content

    for user in (minor_of(case).user, parent_of(case).user, case.chair, neighbour.user):
        response = as_user(user).get(reverse("my_cases"))
        assert response.status_code == 200
        assert case.reference in response.content.decode()
        assert elsewhere.reference not in response.content.decode()


def test_c8_my_cases_is_empty_for_others(case, region_admin, supporter, outsider, coordinator):
    withdrawn = seat_participant(case, name="Weg")
    withdrawn.consents.update(withdrawn_at=timezone.now())
    for user in (region_admin, supporter, outsider, withdrawn.user, f.UserFactory()):
        response = as_user(user).get(reverse("my_cases"))
        assert response.status_code == 200
        assert response.context["cases"] == []
        assert case.reference not in response.content.decode()


def test_c8_start_page_leads_to_my_cases_and_the_region_log(
    case, region, region_admin, privacy_officer
):
    content = as_user(parent_of(case).user).get(reverse("home")).content.decode()
    assert reverse("my_cases") in content
    region_log = reverse("casework_region_log", args=[region.slug])
    assert region_log not in content
    assert region_log in as_user(privacy_officer).get(reverse("home")).content.decode()
    for_admin = as_user(region_admin).get(reverse("home")).content.decode()
    assert reverse("my_cases") not in for_admin
    assert region_log not in for_admin


def test_c8_my_cases_needs_a_login(client):
    response = client.get(reverse("my_cases"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_c8_my_cases_reads_no_case_text(case, django_assert_num_queries):
    """The list reads the reference and status only: one query for the cases, whatever their
    number (besides the session, the user and the two-factor check)."""
    parent = parent_of(case).user
    client = as_user(parent)
    client.get(reverse("my_cases"))
    with django_assert_num_queries(6) as few:
        client.get(reverse("my_cases"))
    for _ in range(3):
        other = CaseFactory(region=case.region, at_table=True)
        seat_participant(other, user=parent, kind=ParticipantKind.NETWORK, name="Ouder")
    with django_assert_num_queries(len(few)):
        client.get(reverse("my_cases"))
    assert not any("question" in q["sql"] for q in few.captured_queries)


# --- Who may open the family's pages -----------------------------------------------------------


@pytest.fixture
def roles(case, region, coordinator, privacy_officer, professional, neighbour):
    """Everyone of issue 5's list, by name."""
    other_case = CaseFactory(region=region, at_table=True)
    withdrawn = seat_participant(case, name="Ingetrokken")
    withdrawn.consents.update(withdrawn_at=timezone.now())
    colleague = f.UserFactory()  # same organisation as the professional, not at this table
    with_totp(colleague)
    admin = f.RegionMembershipFactory(region=region, role=RegionRole.ADMIN).user
    body = f.BodyFactory(region=region)
    supporter = f.MembershipFactory(body=body, supporter=True).user
    outsider = f.RegionMembershipFactory(region=f.RegionFactory(), role=RegionRole.ADMIN).user
    return {
        "minor": minor_of(case).user,
        "parent": parent_of(case).user,
        "coordinator": coordinator,
        "privacy_officer": privacy_officer,
        "chair": case.chair,
        "professional": professional.user,
        "neighbour": neighbour.user,
        "withdrawn": withdrawn.user,
        "colleague": colleague,
        "other_chair": other_case.chair,
        "region_admin": admin,
        "supporter": supporter,
        "outsider": outsider,
    }


NOBODY = {"withdrawn", "colleague", "other_chair", "region_admin", "supporter", "outsider"}


def _walk(roles, url, expected: dict[str, int], method="get"):
    for name, user in roles.items():
        response = getattr(as_user(user), method)(url)
        status = response.status_code
        want = expected.get(name, 404 if name in NOBODY else None)
        assert want is not None, f"{name} not in the matrix"
        assert status == want, f"{name}: {status} (expected {want}) on {url}"


def test_c8_access_case_log(case, roles):
    _walk(
        roles,
        _url("case_log", case),
        {
            "minor": 200,
            "parent": 200,
            "coordinator": 200,
            "privacy_officer": 200,
            "chair": 403,  # the chair runs the table; the log is the family's and the service's
            "professional": 403,
            "neighbour": 403,
        },
    )


def test_c8_access_consent_withdraw(case, roles, professional):
    consent = professional.consents.get()
    _walk(
        roles,
        _url("case_consent_withdraw", case, consent.pk),
        {
            "minor": 200,
            "parent": 200,
            "coordinator": 200,
            "chair": 200,
            "privacy_officer": 404,
            "professional": 403,
            "neighbour": 302,  # the confidentiality statement first (C5)
        },
    )


@pytest.mark.parametrize("name", ["case_export_json", "case_export_pdf"])
def test_c8_access_export(case, roles, name):
    _walk(
        roles,
        _url(name, case),
        {
            "minor": 200,
            "parent": 200,
            "coordinator": 200,
            "privacy_officer": 404,
            "chair": 403,
            "professional": 403,
            "neighbour": 302,
        },
    )


def test_c8_access_region_log(case, region, roles, pool_chair):
    url = reverse("casework_region_log", args=[region.slug])
    roles = {**roles, "pool_chair": pool_chair}
    _walk(
        roles,
        url,
        {
            "coordinator": 200,
            "privacy_officer": 200,
            "minor": 403,
            "parent": 403,
            "chair": 403,
            "pool_chair": 403,
            "other_chair": 403,  # in the service (a chair of another case): no 404 to hide
            "professional": 403,
            "neighbour": 403,
        },
    )
    assert (
        as_user(roles["coordinator"])
        .get(reverse("casework_region_log", args=[f.RegionFactory().slug]))
        .status_code
        == 404
    )


def test_c8_family_pages_need_a_login(client, case, region):
    for url in (
        _url("case_log", case),
        _url("case_export_json", case),
        _url("case_export_pdf", case),
        reverse("casework_region_log", args=[region.slug]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_c8_case_page_shows_who_can_see_the_case(case, coordinator, professional):
    parent = parent_of(case).user
    response = as_user(parent).get(_url("case_detail", case))
    content = response.content.decode()
    assert response.status_code == 200
    assert str(coordinator) in content
    assert str(case.chair) in content
    assert "Jeroen Claes" in content
    consent = professional.consents.get()
    assert _url("case_consent_withdraw", case, consent.pk) in content
    assert _url("case_log", case) in content
    assert _url("case_export_pdf", case) in content

    as_professional = as_user(professional.user).get(_url("case_detail", case)).content.decode()
    assert _url("case_consent_withdraw", case, consent.pk) not in as_professional
    assert _url("case_log", case) not in as_professional
    assert _url("case_export_json", case) not in as_professional

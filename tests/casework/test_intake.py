"""C1–C3: the request of a cliëntoverleg, taking it in, and appointing its independent chair
(casework.services.intake), with the public request form and the coordinator's pages."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aantafel.accounts.models import User
from aantafel.casework.models import (
    Case,
    CaseClient,
    CaseLog,
    CaseMail,
    CaseworkRoleKind,
    ClientRole,
    Consent,
    ConsentMethod,
    Purpose,
    RequesterKind,
)
from aantafel.casework.services.case_request import CaseRequest, case_request_submit
from aantafel.casework.services.intake import case_accept, case_chair_appoint, case_decline
from aantafel.casework.views_intake import REQUEST_LIMIT
from aantafel.casework.workflow import CaseStatus
from aantafel.core.errors import ConflictError, DomainError
from tests import factories as f

from .factories import (
    CaseFactory,
    CaseworkRoleFactory,
    minor_of,
    parent_of,
    seat_participant,
    with_totp,
    years_ago,
)

pytestmark = pytest.mark.django_db

QUESTION = "School, de thuisbegeleiding en de psycholoog werken elk apart. Lotte wil één plan."
NAMES = ("Lotte", "Peeters", "Janssens", "Sanne")


def request_data(**overrides) -> dict:
    """A teacher, a trusted person of a young person of 14, asks with her own consent."""
    today = timezone.localdate()
    data = {
        "requester_kind": RequesterKind.TRUSTED_PERSON,
        "requester_name": "Tom Janssens",
        "requester_email": "tom.janssens@school.example",
        "requester_phone": "",
        "requester_organisation": "",
        "requester_relation": "leerkracht van de jongere",
        "minor_name": "Lotte Peeters",
        "minor_birth_date": years_ago(14),
        "minor_email": "lotte.peeters@voorbeeld.example",
        "parent_name": "Sanne Peeters",
        "parent_email": "sanne.peeters@voorbeeld.example",
        "second_parent_name": "",
        "second_parent_email": "",
        "address": "Voorbeeldstraat 1, 3500 Hasselt",
        "purpose": Purpose.COORDINATION,
        "question": QUESTION,
        "consent_given_by": "minor",
        "consent_date": today - datetime.timedelta(days=2),
        "consent_method": ConsentMethod.IN_PERSON,
    }
    data.update(overrides)
    return data


def submit(region, **overrides) -> Case:
    return case_request_submit(region=region, data=CaseRequest(**request_data(**overrides)))


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count() for model in (Case, CaseClient, Consent, CaseLog, CaseMail, User)
    )


def refused(region, field: str, code: str | None = None, **overrides) -> DomainError:
    """Submits, expects a refusal on `field` (with `code`), and that nothing was saved."""
    before = counts()
    with pytest.raises(DomainError) as caught:
        submit(region, **overrides)
    assert caught.value.field == field
    if code is not None:
        assert caught.value.code == code
    assert counts() == before
    return caught.value


def log_lines(case: Case) -> list[str]:
    return list(case.log.order_by("pk").values_list("what", flat=True))


# --- C1, C2: the request -------------------------------------------------------------------


def test_c1_trusted_person_with_the_young_persons_consent_is_taken(region, coordinator):
    case = submit(region)
    assert case.status == CaseStatus.REQUESTED
    assert case.reference.startswith("CO-")
    assert case.requester_kind == RequesterKind.TRUSTED_PERSON
    assert case.requester_relation == "leerkracht van de jongere"
    minor = minor_of(case)
    assert minor.name == "Lotte Peeters"
    assert minor.birth_date == years_ago(14)
    assert minor.user is None  # a login only once the coordinator accepts
    assert parent_of(case).name == "Sanne Peeters"
    consent = case.consents.get()
    assert consent.participant is None  # consent for the request itself
    assert consent.given_by == minor
    assert consent.method == ConsentMethod.IN_PERSON
    assert timezone.localdate(consent.given_at) == timezone.localdate() - datetime.timedelta(2)
    assert log_lines(case) == ["requested", "consent given"]
    assert all(line.user_id is None for line in case.log.all())
    assert sorted(case.mails.values_list("kind", flat=True)) == [
        "request_confirmation",
        "request_received",
    ]


@pytest.mark.parametrize("kind", [RequesterKind.JUSTICE, RequesterKind.OTHER])
def test_c1_police_and_others_cannot_ask_and_hear_who_may(region, kind):
    refused(region, "requester_kind", "not_entitled", requester_kind=kind)


def test_c1_an_unknown_kind_of_requester_is_refused(region):
    refused(region, "requester_kind", requester_kind="neighbour_of_the_judge")


def test_c1_a_young_person_at_the_age_limit_is_refused(region):
    today = timezone.localdate()
    eighteen_today = today.replace(year=today.year - region.minor_age_limit)
    refused(region, "minor_birth_date", "too_old", minor_birth_date=eighteen_today)
    # one day younger: still a minor
    assert submit(region, minor_birth_date=eighteen_today + datetime.timedelta(days=1))


def test_c1_the_age_limit_is_the_regions_setting(region):
    region.minor_age_limit = 24
    region.save()
    case = submit(region, minor_birth_date=years_ago(21))
    assert minor_of(case).birth_date == years_ago(21)


def test_c1_a_birth_date_in_the_future_is_refused(region):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    refused(region, "minor_birth_date", "in_future", minor_birth_date=tomorrow)


def test_c1_a_birth_date_is_needed(region):
    refused(region, "minor_birth_date", "required", minor_birth_date=None)


def test_c1_a_request_by_someone_else_without_consent_is_refused(region):
    refused(region, "consent_given_by", "consent_missing", consent_given_by="")


@pytest.mark.parametrize(
    "kind",
    [
        RequesterKind.PROFESSIONAL,
        RequesterKind.SPECIAL_SERVICE,
        RequesterKind.CARE_DIRECTOR,
        RequesterKind.TRUSTED_PERSON,
    ],
)
def test_c1_every_non_client_needs_the_clients_consent(region, kind):
    refused(
        region,
        "consent_given_by",
        "consent_missing",
        requester_kind=kind,
        requester_organisation="CLB Hasselt",
        consent_given_by="",
    )


def test_c1_from_12_a_parents_consent_is_not_enough(region):
    refused(region, "consent_given_by", "wrong_consent_giver", consent_given_by="parent")


def test_c1_below_12_the_young_persons_own_consent_does_not_count(region):
    refused(
        region,
        "consent_given_by",
        "wrong_consent_giver",
        minor_birth_date=years_ago(8),
        consent_given_by="minor",
    )


def test_c1_below_12_a_parent_consents(region):
    case = submit(region, minor_birth_date=years_ago(8), consent_given_by="parent")
    assert case.consents.get().given_by.role == ClientRole.PARENT


def test_c1_the_second_parents_consent_counts_below_12(region):
    case = submit(
        region,
        minor_birth_date=years_ago(8),
        second_parent_name="Koen Peeters",
        consent_given_by="second_parent",
        consent_method=ConsentMethod.PHONE,
    )
    consent = case.consents.get()
    assert consent.given_by.name == "Koen Peeters"
    assert consent.method == ConsentMethod.PHONE
    assert case.clients.filter(role=ClientRole.PARENT).count() == 2


def test_c1_consent_of_a_second_parent_who_is_not_named_is_refused(region):
    refused(
        region,
        "consent_given_by",
        "invalid",
        minor_birth_date=years_ago(8),
        consent_given_by="second_parent",
    )


def test_c1_consent_needs_its_day_not_in_the_future(region):
    refused(region, "consent_date", "required", consent_date=None)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    refused(region, "consent_date", "in_future", consent_date=tomorrow)


def test_c1_consent_before_the_young_person_was_born_is_refused(region):
    refused(region, "consent_date", "invalid", consent_date=years_ago(15))


def test_c1_consent_needs_how_it_was_given(region):
    refused(region, "consent_method", consent_method="")
    refused(region, "consent_method", consent_method=ConsentMethod.ONLINE)  # they were not here


def test_c1_a_young_person_who_asks_records_their_own_consent(region):
    case = submit(
        region,
        requester_kind=RequesterKind.MINOR,
        requester_name="Lotte Peeters",
        requester_email="lotte@voorbeeld.example",
        requester_relation="",
        minor_name="",
        minor_email="",
        consent_given_by="",
        consent_date=None,
        consent_method="",
    )
    consent = case.consents.get()
    assert consent.given_by == minor_of(case)
    assert consent.method == ConsentMethod.ONLINE
    assert minor_of(case).name == "Lotte Peeters"  # the requester is the young person
    assert minor_of(case).email == "lotte@voorbeeld.example"


def test_c1_a_parent_who_asks_records_their_own_consent(region):
    case = submit(
        region,
        requester_kind=RequesterKind.PARENT,
        requester_name="Sanne Peeters",
        requester_relation="",
        parent_name="",
        parent_email="",
        consent_given_by="",
        consent_date=None,
        consent_method="",
    )
    consent = case.consents.get()
    assert consent.given_by == parent_of(case)
    assert consent.method == ConsentMethod.ONLINE
    assert parent_of(case).name == "Sanne Peeters"
    assert parent_of(case).email == "tom.janssens@school.example"  # the requester's address


def test_c1_a_young_person_under_12_who_asks_still_needs_a_parents_consent(region):
    young = {
        "requester_kind": RequesterKind.MINOR,
        "requester_name": "Lotte Peeters",
        "requester_relation": "",
        "minor_birth_date": years_ago(10),
    }
    refused(region, "consent_given_by", "consent_missing", consent_given_by="", **young)
    refused(region, "consent_given_by", "wrong_consent_giver", consent_given_by="minor", **young)
    case = submit(region, consent_given_by="parent", **young)
    assert sorted(case.consents.values_list("given_by__role", "method")) == [
        (ClientRole.MINOR, ConsentMethod.ONLINE),
        (ClientRole.PARENT, ConsentMethod.IN_PERSON),
    ]


def test_c1_the_requester_can_be_reached(region):
    refused(region, "requester_email", "contact_missing", requester_email="", requester_phone="")
    case = submit(region, requester_email="", requester_phone="011 23 45 67")
    assert case.requester_phone == "011 23 45 67"
    assert not case.mails.filter(kind="request_confirmation").exists()


def test_c1_a_non_client_says_how_they_know_the_family(region):
    refused(region, "requester_relation", "required", requester_relation="  ")


def test_c1_a_professional_names_their_organisation(region):
    refused(
        region,
        "requester_organisation",
        "required",
        requester_kind=RequesterKind.SPECIAL_SERVICE,
    )


def test_c1_names_are_needed(region):
    refused(region, "requester_name", "required", requester_name=" ")
    refused(region, "minor_name", "required", minor_name="")
    refused(region, "parent_name", "required", parent_name="")
    refused(region, "second_parent_name", "required", second_parent_email="koen@voorbeeld.example")


def test_c1_e_mail_addresses_must_look_right(region):
    refused(region, "requester_email", "invalid_email", requester_email="tom@")
    refused(region, "minor_email", "invalid_email", minor_email="lotte at home")
    refused(region, "parent_email", "invalid_email", parent_email="sanne@")


def test_c2_the_purpose_is_coordination_continuity_or_ending_care(region):
    refused(region, "purpose", purpose="punishment")
    for purpose in Purpose.values:
        assert submit(region, purpose=purpose).purpose == purpose


def test_c2_the_question_is_needed_and_not_endless(region):
    refused(region, "question", "required", question="   ")
    refused(region, "question", "too_long", question="x" * 5001)


def test_c1_the_service_takes_a_forms_cleaned_data(region):
    data = request_data(second_parent_name=None, requester_phone=None)
    case = case_request_submit(region=region, data=data)
    assert case.requester_phone == ""


def test_c1_request_mails_the_coordinators_and_the_requester_the_reference_only(
    region, coordinator, django_capture_on_commit_callbacks
):
    other_coordinator = CaseworkRoleFactory(region=region, role=CaseworkRoleKind.COORDINATOR).user
    CaseworkRoleFactory(role=CaseworkRoleKind.COORDINATOR)  # of another region: hears nothing
    with django_capture_on_commit_callbacks(execute=True):
        case = submit(region)
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted(
        [coordinator.email, other_coordinator.email, "tom.janssens@school.example"]
    )
    intake_url = reverse("case_intake", args=[region.slug, case.reference])
    for message in mail.outbox:
        assert case.reference in message.subject
        for text in (*NAMES, "Hasselt", "psycholoog", "leerkracht"):
            assert text not in message.subject
            assert text not in message.body
        if message.to[0] == "tom.janssens@school.example":
            assert intake_url not in message.body  # the requester has no login
        else:
            assert intake_url in message.body
    assert not case.mails.filter(sent_at__isnull=True).exists()


def test_c1_a_refused_request_mails_nobody(region, coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError):
        submit(region, consent_given_by="")
    assert mail.outbox == []


# --- Taking the request in -----------------------------------------------------------------


def test_c1_accepting_gives_each_client_with_an_address_a_login(region, coordinator):
    existing = f.UserFactory(email="sanne.peeters@voorbeeld.example", full_name="S. Peeters")
    case = submit(region, minor_email="Lotte.Peeters@Voorbeeld.example")
    CaseClient.objects.create(
        region=region, case=case, role=ClientRole.PARENT, name="Koen Peeters", email=""
    )
    accepted = case_accept(actor=coordinator, case=case)
    assert accepted.status == CaseStatus.ACCEPTED
    assert accepted.coordinator == coordinator
    assert accepted.decided_at is not None
    minor = minor_of(case)
    assert minor.user.email == "lotte.peeters@voorbeeld.example"
    assert minor.user.full_name == "Lotte Peeters"
    assert not minor.user.has_usable_password()  # they log in with an e-mailed code
    parents = {parent.name: parent for parent in case.clients.filter(role=ClientRole.PARENT)}
    assert parents["Sanne Peeters"].user == existing  # names are encrypted: read, then compare
    assert parents["Koen Peeters"].user is None
    assert log_lines(case)[-1] == "accepted"
    assert case.log.order_by("pk").last().user == coordinator


def test_c1_a_request_is_taken_in_once(region, coordinator):
    case = submit(region)
    case_accept(actor=coordinator, case=case)
    lines = CaseLog.objects.count()
    with pytest.raises(ConflictError) as caught:
        case_accept(actor=coordinator, case=case)
    assert caught.value.status_code == 409
    assert caught.value.code == "transition_not_allowed"
    with pytest.raises(ConflictError):
        case_decline(actor=coordinator, case=case, reason="Toch niet.")
    assert CaseLog.objects.count() == lines
    case.refresh_from_db()
    assert case.status == CaseStatus.ACCEPTED


def test_c1_declining_needs_a_reason(region, coordinator):
    case = submit(region)
    with pytest.raises(DomainError) as caught:
        case_decline(actor=coordinator, case=case, reason="  ")
    assert caught.value.field == "reason"
    assert caught.value.code == "required"
    case.refresh_from_db()
    assert case.status == CaseStatus.REQUESTED


def test_c1_a_declined_request_keeps_its_reason_and_cannot_be_accepted(region, coordinator):
    case = submit(region)
    case_decline(actor=coordinator, case=case, reason="De jongere is al meerderjarig.")
    case.refresh_from_db()
    assert case.status == CaseStatus.DECLINED
    assert case.decline_reason == "De jongere is al meerderjarig."
    assert log_lines(case)[-1] == "declined"
    with pytest.raises(ConflictError):
        case_accept(actor=coordinator, case=case)
    assert not case.clients.filter(user__isnull=False).exists()


# --- C3: the independent chair -------------------------------------------------------------


def accepted_case(region, coordinator, **kwargs) -> Case:
    return CaseFactory(
        region=region,
        status=CaseStatus.ACCEPTED,
        coordinator=coordinator,
        decided_at=timezone.now(),
        **kwargs,
    )


def test_c3_a_chair_of_the_pool_is_appointed_and_told(
    region, coordinator, pool_chair, django_capture_on_commit_callbacks
):
    case = accepted_case(region, coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        case_chair_appoint(actor=coordinator, case=case, chair=pool_chair)
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS
    assert case.chair == pool_chair
    assert case.chair_appointed_at is not None
    assert log_lines(case)[-1] == "chair appointed"
    [message] = mail.outbox
    assert message.to == [pool_chair.email]
    assert case.reference in message.subject
    for text in NAMES:
        assert text not in message.subject
        assert text not in message.body


def test_c3_only_a_chair_of_the_regions_pool(region, other_region, coordinator):
    case = accepted_case(region, coordinator)
    elsewhere = CaseworkRoleFactory(region=other_region, role=CaseworkRoleKind.CHAIR).user
    anybody = with_totp(f.UserFactory())
    for chair in (elsewhere, anybody, coordinator):
        with pytest.raises(DomainError) as caught:
            case_chair_appoint(actor=coordinator, case=case, chair=chair)
        assert caught.value.field == "chair"
        assert caught.value.code == "not_in_pool"
    case.refresh_from_db()
    assert case.status == CaseStatus.ACCEPTED
    assert case.chair is None


def _make_chair(region, user):
    CaseworkRoleFactory(region=region, user=user, role=CaseworkRoleKind.CHAIR)
    return user


def _participant(region, case, chair):
    seat_participant(case, user=chair)


def _removed_participant(region, case, chair):
    participant = seat_participant(case, user=chair)
    participant.removed_at = timezone.now()
    participant.save()


def _client(region, case, chair):
    CaseClient.objects.filter(pk=parent_of(case).pk).update(user=chair)


def _client_address(region, case, chair):
    client = parent_of(case)
    client.user = None
    client.email = chair.email.upper()
    client.save()


def _requester(region, case, chair):
    Case.objects.filter(pk=case.pk).update(requester_email=chair.email)
    case.refresh_from_db()


def _coordinator(region, case, chair):
    Case.objects.filter(pk=case.pk).update(coordinator=chair)


@pytest.mark.parametrize(
    "other_role",
    [_participant, _removed_participant, _client, _client_address, _requester, _coordinator],
)
def test_c3_a_chair_with_another_role_in_the_familys_care_is_refused(
    region, coordinator, pool_chair, other_role
):
    case = accepted_case(region, coordinator)
    other_role(region, case, pool_chair)
    lines = CaseLog.objects.count()
    with pytest.raises(DomainError) as caught:
        case_chair_appoint(actor=coordinator, case=case, chair=pool_chair)
    assert caught.value.field == "chair"
    assert caught.value.code == "chair_has_role"
    case.refresh_from_db()
    assert case.status == CaseStatus.ACCEPTED
    assert case.chair is None
    assert CaseLog.objects.count() == lines
    assert not CaseMail.objects.exists()


def test_c3_no_chair_before_the_request_is_taken_in_nor_after_closing(
    region, coordinator, pool_chair
):
    for case in (
        CaseFactory(region=region),
        CaseFactory(region=region, status=CaseStatus.DECLINED),
        CaseFactory(region=region, closed=True),
    ):
        status = case.status
        with pytest.raises(ConflictError) as caught:
            case_chair_appoint(actor=coordinator, case=case, chair=pool_chair)
        assert caught.value.status_code == 409
        case.refresh_from_db()
        assert case.status == status
        assert case.chair != pool_chair


def test_c3_another_chair_can_take_over_at_the_table_with_the_same_check(
    region, coordinator, pool_chair, case
):
    case.coordinator = coordinator
    case.save()
    old_chair = case.chair
    with pytest.raises(DomainError) as caught:
        case_chair_appoint(actor=coordinator, case=case, chair=old_chair)
    assert caught.value.code == "same_chair"
    conflicted = _make_chair(region, minor_of(case).user)
    with pytest.raises(DomainError) as caught:
        case_chair_appoint(actor=coordinator, case=case, chair=conflicted)
    assert caught.value.code == "chair_has_role"
    case_chair_appoint(actor=coordinator, case=case, chair=pool_chair)
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS
    assert case.chair == pool_chair
    assert log_lines(case)[-1] == "chair replaced"


# --- Pages: the public request form --------------------------------------------------------


def form_url(region) -> str:
    return reverse("case_request", args=[region.slug])


def form_post(**overrides) -> dict:
    data = request_data(**overrides)
    return {
        key: value.isoformat() if isinstance(value, datetime.date) else (value or "")
        for key, value in data.items()
    }


def test_c1_the_request_form_is_public_and_says_who_may_ask(client, region):
    region.safety_contact_line = "Bel 1712, gratis en anoniem"
    region.save()
    response = client.get(form_url(region))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Bel 1712, gratis en anoniem" in content
    assert 'name="consent_given_by"' in content  # always there: no JavaScript needed
    assert 'name="requester_kind"' in content
    assert client.get(reverse("case_request", args=["nergens"])).status_code == 404


def test_c1_anyone_entitled_can_send_a_request_without_an_account(client, region, coordinator):
    response = client.post(form_url(region), form_post())
    assert response.status_code == 302
    assert response.url == reverse("case_request_thanks", args=[region.slug])
    case = Case.objects.get()
    assert case.region == region
    assert minor_of(case).name == "Lotte Peeters"
    thanks = client.get(response.url)
    assert thanks.status_code == 200
    assert case.reference in thanks.content.decode()  # once, as a message
    again = client.get(response.url).content.decode()
    assert case.reference not in again
    for name in NAMES:
        assert name not in again


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"requester_kind": RequesterKind.JUSTICE}, "requester_kind", "not_entitled"),
        ({"consent_given_by": ""}, "consent_given_by", "consent_missing"),
        ({"consent_given_by": "parent"}, "consent_given_by", "wrong_consent_giver"),
        ({"minor_birth_date": years_ago(19)}, "minor_birth_date", "too_old"),
        ({"requester_relation": ""}, "requester_relation", "required"),
    ],
)
def test_c1_refusals_show_beside_their_field(client, region, overrides, field, code):
    response = client.post(form_url(region), form_post(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert [error.code for error in errors[field]] == [code]
    assert f'id="id_{field}' in response.content.decode()
    assert Case.objects.count() == 0


def test_c1_police_hear_it_with_their_first_try(client, region):
    response = client.post(form_url(region), {"requester_kind": RequesterKind.JUSTICE})
    errors = response.context["form"].errors.as_data()
    assert errors["requester_kind"][0].code == "not_entitled"


def test_c1_a_robot_filling_the_honeypot_saves_nothing(client, region):
    response = client.post(form_url(region), {**form_post(), "website": "spam"})
    assert response.status_code == 302
    assert Case.objects.count() == 0


def test_c1_the_request_form_is_rate_limited(client, region):
    for n in range(REQUEST_LIMIT.limit):
        response = client.post(form_url(region), form_post(), REMOTE_ADDR="203.0.113.9")
        assert response.status_code == 302, n
    assert client.post(form_url(region), form_post(), REMOTE_ADDR="203.0.113.9").status_code == 429
    assert client.get(form_url(region), REMOTE_ADDR="203.0.113.9").status_code == 429
    assert client.get(form_url(region), REMOTE_ADDR="203.0.113.10").status_code == 200
    assert Case.objects.count() == REQUEST_LIMIT.limit


def test_c1_the_form_sends_the_mails_after_commit(
    client, region, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(form_url(region), form_post())
    case = Case.objects.get()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [coordinator.email, "tom.janssens@school.example"]
    )
    assert all(case.reference in m.subject for m in mail.outbox)


# --- Pages: the coordinator's ----------------------------------------------------------------


def intake_url(case) -> str:
    return reverse("case_intake", args=[case.region.slug, case.reference])


def chair_url(case) -> str:
    return reverse("case_chair_appoint", args=[case.region.slug, case.reference])


@pytest.mark.parametrize("url", [intake_url, chair_url])
def test_c3_intake_pages_for_the_coordinator_only(
    client, case, coordinator, pool_chair, region_admin, supporter, outsider, professional, url
):
    client.force_login(coordinator)
    assert client.get(url(case)).status_code == 200
    for user, status in (
        (case.chair, 403),
        (professional.user, 403),
        (minor_of(case).user, 403),
        (region_admin, 404),
        (supporter, 404),
        (outsider, 404),
        (pool_chair, 404),
    ):
        client.force_login(user)
        assert client.get(url(case)).status_code == status, user
        assert client.post(url(case), {"action": "accept"}).status_code == status, user


def test_c1_the_intake_page_shows_the_request_in_full_and_logs_the_view(
    client, region, coordinator
):
    case = submit(region)
    client.force_login(coordinator)
    response = client.get(intake_url(case))
    content = response.content.decode()
    for text in ("Lotte Peeters", "Sanne Peeters", "Tom Janssens", "psycholoog", "Hasselt"):
        assert text in content
    assert case.log.filter(action="view", what="intake", user=coordinator).exists()


def test_c1_the_coordinator_accepts_on_the_page(client, region, coordinator):
    case = submit(region)
    client.force_login(coordinator)
    response = client.post(intake_url(case), {"action": "accept"})
    assert response.status_code == 302
    assert response.url == chair_url(case)
    case.refresh_from_db()
    assert case.status == CaseStatus.ACCEPTED
    again = client.post(intake_url(case), {"action": "accept"})
    assert again.status_code == 409


def test_c1_the_coordinator_declines_with_a_reason_on_the_page(client, region, coordinator):
    case = submit(region)
    client.force_login(coordinator)
    response = client.post(intake_url(case), {"action": "decline", "reason": ""})
    assert response.status_code == 200
    assert "reason" in response.context["decline_form"].errors
    response = client.post(intake_url(case), {"action": "decline", "reason": "Geen toestemming."})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.DECLINED


def test_c3_the_coordinator_appoints_on_the_page(client, region, coordinator, pool_chair):
    case = accepted_case(region, coordinator)
    client.force_login(coordinator)
    page = client.get(chair_url(case))
    assert pool_chair.full_name in page.content.decode()
    response = client.post(chair_url(case), {"chair": pool_chair.pk})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.chair == pool_chair


def test_c3_a_chair_with_another_role_is_refused_beside_the_field(
    client, region, coordinator, pool_chair
):
    case = accepted_case(region, coordinator, requester_email=pool_chair.email)
    client.force_login(coordinator)
    response = client.post(chair_url(case), {"chair": pool_chair.pk})
    assert response.status_code == 200
    assert response.context["form"].errors.as_data()["chair"][0].code == "chair_has_role"


def test_c3_appointing_on_a_request_not_taken_in_is_409(client, region, coordinator, pool_chair):
    case = CaseFactory(region=region)
    client.force_login(coordinator)
    assert client.post(chair_url(case), {"chair": pool_chair.pk}).status_code == 409


# --- The list of cases -------------------------------------------------------------------------


def list_url(region) -> str:
    return reverse("case_list", args=[region.slug])


def test_c8_the_case_list_shows_references_not_names(
    client, region, coordinator, case, region_admin, outsider
):
    requested = CaseFactory(region=region)
    client.force_login(coordinator)
    content = client.get(list_url(region)).content.decode()
    assert case.reference in content
    assert requested.reference in content
    for name in (*NAMES, case.chair.full_name, "Hasselt", "school"):
        assert name not in content
    filtered = client.get(list_url(region), {"status": CaseStatus.REQUESTED}).content.decode()
    assert requested.reference in filtered
    assert case.reference not in filtered
    client.force_login(minor_of(case).user)  # a client: their own case only
    content = client.get(list_url(region)).content.decode()
    assert case.reference in content
    assert requested.reference not in content
    for user in (region_admin, outsider):
        client.force_login(user)
        assert client.get(list_url(region)).status_code == 404


def test_c8_the_case_list_reads_a_fixed_number_of_queries(
    client, region, coordinator, django_assert_num_queries
):
    client.force_login(coordinator)
    for _ in range(3):
        CaseFactory(region=region)
    with CaptureQueriesContext(connection) as first:
        assert client.get(list_url(region)).status_code == 200
    for _ in range(7):
        CaseFactory(region=region, at_table=True)
    with django_assert_num_queries(len(first.captured_queries)):
        response = client.get(list_url(region))
    assert response.context["page"].paginator.count == 10


# --- The panel on the case page ---------------------------------------------------------------


def test_c1_the_panel_shows_the_request_and_its_consent(rf, region, coordinator):
    from django.template.loader import render_to_string

    from aantafel.casework.permissions import case_seat

    case = submit(region)
    request = rf.get("/")
    request.user = coordinator
    seat = case_seat(coordinator, case)
    html = render_to_string(
        "casework/intake/_panel.html",
        {"region": region, "case": case, "seat": seat, "perms": {}},
        request=request,
    )
    assert "Tom Janssens" in html
    assert "leerkracht van de jongere" in html
    assert "tom.janssens@school.example" in html  # the coordinator reaches the requester
    assert intake_url(case) in html
    client_seat = type(seat)(client=minor_of(case))
    html = render_to_string(
        "casework/intake/_panel.html",
        {"region": region, "case": case, "seat": client_seat, "perms": {}},
        request=request,
    )
    assert "tom.janssens@school.example" not in html
    assert intake_url(case) not in html


def test_c1_the_case_page_shows_the_request_to_those_at_the_table(client, region, coordinator):
    case = submit(region)
    case_accept(actor=coordinator, case=case)
    url = reverse("case_detail", args=[region.slug, case.reference])
    client.force_login(coordinator)
    content = client.get(url).content.decode()
    assert "leerkracht van de jongere" in content
    assert chair_url(case) in content
    client.force_login(minor_of(case).user)  # the young person, logged in by an e-mailed code
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Tom Janssens" in content
    assert "tom.janssens@school.example" not in content
    assert chair_url(case) not in content

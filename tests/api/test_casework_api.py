"""The cliëntoverleg through the API (issue 5, C1–C9): the same services, so the same rules as
the pages, and the same permissions. Only those at the family's table see the case: anonymous
401, everyone without a seat 404 (a colleague, a participant whose consent was withdrawn, the
chair of another case, region administrators and supporters, the other region), someone at the
table who may not do this 403, a non-professional who has not accepted confidentiality 403 with
code `confidentiality_not_accepted`, and the data protection officer the case log only."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from aantafel.casework import api as casework_api
from aantafel.casework.models import (
    ActionOwner,
    Agreement,
    Case,
    CaseLog,
    CaseLogAction,
    CaseworkRoleKind,
    Consultation,
    ConsultationKind,
    Participant,
    ParticipantKind,
    WorkPlan,
)
from aantafel.casework.services import follow_up, plan
from aantafel.casework.workflow import CaseStatus, ConsultationStatus, PlanStatus
from aantafel.regions.models import RegionRole
from tests import factories as f
from tests.casework.factories import (
    CaseFactory,
    CaseworkRoleFactory,
    minor_of,
    parent_of,
    seat_participant,
    with_totp,
)

from .conftest import problem_fields
from .matrix import check, client_for, each_role, routes, rows, url

ROLES = [
    "anonymous",
    "coordinator",
    "chair",
    "other_chair",
    "professional",
    "colleague",
    "withdrawn",
    "neighbour_pending",
    "minor",
    "parent",
    "privacy_officer",
    "supporter",
    "region_admin",
    "outsider",
]
# At the table; the neighbour has not accepted confidentiality yet (C5).
AT_TABLE = ("coordinator", "chair", "professional", "minor", "parent", "neighbour_pending")
SEE = ("coordinator", "chair", "professional", "minor", "parent")
LEAD = ("coordinator", "chair")
PLAN_EDITORS = ("coordinator", "chair", "professional")  # professional: the help coordinator
FAMILY = ("minor", "parent")


@pytest.fixture
def scene(region, other_region):
    """A case at the table with a chair, a young person of 14 and a parent, a professional who
    is the help coordinator, a neighbour who has not accepted confidentiality, a participant
    whose consent was withdrawn, and an expert to act on; the service's coordinator, data
    protection officer and pool; and people of the region and beyond who have no seat."""
    case = CaseFactory(region=region, at_table=True)
    professional = seat_participant(case, name="Jeroen Claes", help_coordinator=True)
    neighbour = seat_participant(
        case, kind=ParticipantKind.NETWORK, name="Buur Els", accepted=False
    )
    withdrawn = seat_participant(case, name="Ingetrokken")
    withdrawn.consents.update(withdrawn_at=timezone.now())
    extra = seat_participant(case, kind=ParticipantKind.EXPERT, name="Extra Deskundige")
    body = f.BodyFactory(region=region)
    users = {
        "coordinator": CaseworkRoleFactory(region=region, role=CaseworkRoleKind.COORDINATOR).user,
        "chair": case.chair,
        "other_chair": CaseFactory(region=region, at_table=True).chair,
        "professional": professional.user,
        "colleague": with_totp(f.UserFactory()),  # same organisation, not at this table
        "withdrawn": withdrawn.user,
        "neighbour_pending": neighbour.user,
        "minor": minor_of(case).user,
        "parent": parent_of(case).user,
        "privacy_officer": CaseworkRoleFactory(
            region=region, role=CaseworkRoleKind.PRIVACY_OFFICER
        ).user,
        "supporter": f.MembershipFactory(body=body, supporter=True).user,
        "region_admin": f.RegionMembershipFactory(region=region, role=RegionRole.ADMIN).user,
        "outsider": CaseworkRoleFactory(
            region=other_region, role=CaseworkRoleKind.COORDINATOR
        ).user,
    }
    return SimpleNamespace(
        region=region,
        case=case,
        professional=professional,
        neighbour=neighbour,
        extra=extra,
        pool_chair=CaseworkRoleFactory(region=region, role=CaseworkRoleKind.CHAIR).user,
        users=users,
    )


def allowed(*roles: str, status: int = 200, **others: int) -> dict[str, int]:
    """`roles` get `status`; everyone else at the table 403 (the neighbour: confidentiality
    first); anyone without a seat 404 (the default of matrix.expected_status)."""
    return {**dict.fromkeys(AT_TABLE, 403), **dict.fromkeys(roles, status), **others}


def _in_days(days: int, hours: int = 0) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days, hours=hours)


# --- The states a row acts on: each returns the URL's pk, if any -------------------------------


def case_itself(s) -> dict:
    return {}


def requested(s) -> dict:
    Case.objects.filter(pk=s.case.pk).update(status=CaseStatus.REQUESTED, decided_at=None)
    return {}


def the_consent(s) -> dict:
    return {"pk": s.extra.consents.get().pk}


def the_participant(s) -> dict:
    return {"pk": s.extra.pk}


def _consultation(s, starts_at: datetime.datetime) -> Consultation:
    return Consultation.objects.create(
        region=s.region,
        case=s.case,
        kind=ConsultationKind.FIRST,
        status=ConsultationStatus.SCHEDULED,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=1),
        location="Stadhuis Hasselt",
    )


def planned(s) -> dict:
    return {"pk": _consultation(s, _in_days(7)).pk}


def started(s) -> dict:
    return {"pk": _consultation(s, _in_days(0, hours=-1)).pk}


def drafted(s) -> WorkPlan:
    return plan.plan_draft(actor=s.case.chair, case=s.case)


def a_draft(s) -> dict:
    drafted(s)
    return {}


def a_goal(s) -> dict:
    return {"pk": plan.goal_add(actor=s.case.chair, plan=drafted(s), text="Een hobby.").pk}


def _action(s):
    return plan.action_add(
        actor=s.case.chair,
        plan=drafted(s),
        text="Lotte gaat naar de sportclub.",
        owner_kind=ActionOwner.CLIENT,
    )


def an_action(s) -> dict:
    return {"pk": _action(s).pk}


def _agreeable(s):
    action = _action(s)
    plan.action_agreement_record(actor=s.case.chair, action=action, agreement=Agreement.AGREED)
    return action


def agreeable(s) -> dict:
    _agreeable(s)
    return {}


def _agreed(s):
    action = _agreeable(s)
    plan.plan_agree(actor=s.case.chair, plan=action.plan)
    return action


def agreed(s) -> dict:
    _agreed(s)
    return {}


def an_agreed_action(s) -> dict:
    return {"pk": _agreed(s).pk}


def _times(s) -> dict:
    return {
        "starts_at": _in_days(10).isoformat(),
        "ends_at": _in_days(10, hours=1).isoformat(),
        "location": "Stadhuis Hasselt",
    }


def _invite(s, **changes) -> dict:
    return {
        "kind": ParticipantKind.PROFESSIONAL,
        "name": "Nieuwe Hulpverlener",
        "email": "nieuw.hulpverlener@voorbeeld.example",
        "organisation": "CAW Limburg",
        "function": "begeleider",
        "consent_given_by": minor_of(s.case).pk,
        "consent_method": "in_person",
        **changes,
    }


def nothing(s):
    return None


# (url name, method, state → URL kwargs, payload, expected status per role)
ENDPOINTS = [
    (
        "case-list",
        "get",
        None,
        nothing,
        dict.fromkeys((*AT_TABLE, "other_chair", "privacy_officer"), 200),
    ),
    ("case-detail", "get", case_itself, nothing, allowed(*SEE)),
    ("case-accept", "post", requested, nothing, allowed("coordinator")),
    (
        "case-decline",
        "post",
        requested,
        lambda s: {"reason": "Al geregeld."},
        allowed("coordinator"),
    ),
    (
        "case-chair",
        "post",
        case_itself,
        lambda s: {"chair": s.pool_chair.pk},
        allowed("coordinator"),
    ),
    (
        "case-confidentiality",
        "post",
        case_itself,
        nothing,
        allowed("neighbour_pending", professional=409),
    ),
    ("case-consent-withdraw", "post", the_consent, nothing, allowed(*LEAD, *FAMILY)),
    (
        "case-follow-up",
        "post",
        case_itself,
        lambda s: {"reason": "De school meldt nieuwe zorgen."},
        allowed("chair", "professional", status=201),
    ),
    (
        "case-close",
        "post",
        case_itself,
        lambda s: {"outcome": "De hulp loopt.", "bottlenecks": ["waiting_list"]},
        allowed(*LEAD),
    ),
    ("case-log", "get", case_itself, nothing, allowed("coordinator", *FAMILY, privacy_officer=200)),
    ("case-export", "get", case_itself, nothing, allowed("coordinator", *FAMILY)),
    ("case-participant-list", "post", case_itself, _invite, allowed(*LEAD, status=201)),
    ("case-participant-detail", "delete", the_participant, nothing, allowed(*LEAD, status=204)),
    ("case-participant-help-coordinator", "post", the_participant, nothing, allowed(*LEAD)),
    ("case-consultation-list", "get", case_itself, nothing, allowed(*SEE)),
    ("case-consultation-list", "post", case_itself, _times, allowed(*LEAD, status=201)),
    ("case-consultation-reschedule", "post", planned, _times, allowed(*LEAD)),
    ("case-consultation-cancel", "post", planned, nothing, allowed(*LEAD)),
    ("case-consultation-held", "post", started, nothing, allowed(*LEAD)),
    ("case-consultation-notes", "post", planned, lambda s: {"notes": "Goed."}, allowed(*LEAD)),
    ("case-plan", "get", agreed, nothing, allowed(*SEE)),
    ("case-plan-draft", "post", case_itself, nothing, allowed(*PLAN_EDITORS, status=201)),
    (
        "case-plan-goal-list",
        "post",
        a_draft,
        lambda s: {"text": "Lotte heeft een hobby."},
        allowed(*PLAN_EDITORS, status=201),
    ),
    (
        "case-plan-goal-detail",
        "patch",
        a_goal,
        lambda s: {"text": "Lotte sport elke week."},
        allowed(*PLAN_EDITORS),
    ),
    ("case-plan-goal-detail", "delete", a_goal, nothing, allowed(*PLAN_EDITORS, status=204)),
    (
        "case-plan-action-list",
        "post",
        a_draft,
        lambda s: {"text": "Lotte kiest een sport.", "owner_kind": "client"},
        allowed(*PLAN_EDITORS, status=201),
    ),
    (
        "case-plan-action-detail",
        "patch",
        an_action,
        lambda s: {"due_date": (timezone.localdate() + datetime.timedelta(days=30)).isoformat()},
        allowed(*PLAN_EDITORS),
    ),
    ("case-plan-action-detail", "delete", an_action, nothing, allowed(*PLAN_EDITORS, status=204)),
    (
        "case-plan-action-agreement",
        "post",
        an_action,
        lambda s: {"agreement": "agreed"},
        allowed(*PLAN_EDITORS, "minor"),  # the young person (14) answers for themselves (C6)
    ),
    ("case-plan-action-done", "post", an_agreed_action, nothing, allowed("chair", "professional")),
    ("case-plan-agree", "post", agreeable, nothing, allowed(*PLAN_EDITORS)),
    ("case-plan-confirm", "post", agreed, nothing, allowed(*SEE)),
]


@each_role(ROLES, ("name", "method", "state", "payload", "expected"), ENDPOINTS)
def test_issue5_every_case_endpoint_answers_each_role_as_the_pages_do(
    scene, role, name, method, state, payload, expected
):
    kwargs = {} if state is None else {"reference": scene.case.reference, **state(scene)}
    check(scene.users, role, method, url(name, scene, **kwargs), payload(scene), expected)


def test_casework_endpoints_are_all_in_the_matrix():
    """A new endpoint or method without a row in ENDPOINTS fails the test."""
    assert routes(casework_api.urlpatterns) == rows(ENDPOINTS)


# --- The same rules as the pages: refusals name the field ---------------------------------------


def _as(s, role):
    return client_for(s.users[role])


def _case_url(s, name="case-detail", **kwargs):
    return url(name, s, reference=s.case.reference, **kwargs)


def test_c4_police_cannot_join_the_table_through_the_api(scene):
    before = Participant.objects.count()
    response = _as(scene, "chair").post(
        _case_url(scene, "case-participant-list"),
        _invite(scene, kind=ParticipantKind.POLICE, organisation="", function=""),
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["kind"]
    assert response.json()["errors"][0]["code"] == "never_at_table"
    assert Participant.objects.count() == before


def test_c4_a_parents_consent_for_a_young_person_of_14_is_refused_naming_the_field(scene):
    response = _as(scene, "coordinator").post(
        _case_url(scene, "case-participant-list"),
        _invite(scene, consent_given_by=parent_of(scene.case).pk),
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["consent_given_by"]


def test_c6_a_plan_with_an_action_without_the_clients_say_cannot_be_agreed(scene):
    _action(scene)
    response = _as(scene, "chair").post(_case_url(scene, "case-plan-agree"), format="json")
    assert response.status_code == 400
    assert problem_fields(response) == ["actions"]
    assert response.json()["errors"][0]["code"] == "action_without_agreement"
    assert WorkPlan.objects.get(case=scene.case).status == PlanStatus.DRAFT


def test_c6_changing_an_agreed_action_asks_the_clients_say_again(scene):
    action = _agreeable(scene)
    response = _as(scene, "professional").patch(
        _case_url(scene, "case-plan-action-detail", pk=action.pk),
        {"text": "Lotte gaat twee keer per week sporten."},
        format="json",
    )
    assert response.status_code == 200, response.content
    (line,) = response.json()["draft"]["actions"]
    assert line["text"] == "Lotte gaat twee keer per week sporten."
    assert line["owner_kind"] == ActionOwner.CLIENT  # what was not sent stays
    assert line["agreement"] == Agreement.PENDING


def test_c8_withdrawing_consent_twice_is_a_conflict_and_the_access_ends_at_once(scene):
    consent = scene.extra.consents.get()
    address = _case_url(scene, "case-consent-withdraw", pk=consent.pk)
    first = _as(scene, "minor").post(address, format="json")
    assert first.status_code == 200
    seated = [p["id"] for p in first.json()["participants"] if p["seated"]]
    assert scene.extra.pk not in seated
    again = _as(scene, "parent").post(address, format="json")
    assert again.status_code == 409
    assert again.json()["errors"][0]["code"] == "consent_already_withdrawn"
    assert client_for(scene.extra.user).get(_case_url(scene)).status_code == 404


def test_c5_a_neighbour_accepts_confidentiality_before_seeing_the_case(scene):
    neighbour = _as(scene, "neighbour_pending")
    refused = neighbour.get(_case_url(scene))
    assert refused.status_code == 403
    assert problem_fields(refused) == [None]
    assert refused.json()["errors"][0]["code"] == "confidentiality_not_accepted"
    assert _case_url(scene, "case-confidentiality") in refused.json()["detail"]
    accepted = neighbour.post(_case_url(scene, "case-confidentiality"), format="json")
    assert accepted.status_code == 200, accepted.content
    assert accepted.json()["regime"] == "duty_of_confidentiality"
    assert neighbour.get(_case_url(scene)).status_code == 200
    again = neighbour.post(_case_url(scene, "case-confidentiality"), format="json")
    assert again.status_code == 409


def test_c8_every_api_read_of_a_case_is_logged(scene):
    professional = scene.users["professional"]
    client_for(professional).get(_case_url(scene))
    line = CaseLog.objects.filter(case=scene.case).first()
    assert line is not None
    assert (line.user, line.action, line.what) == (
        professional,
        CaseLogAction.VIEW,
        "read through the API",
    )


def test_c8_an_export_is_logged_as_an_export_and_a_refused_one_not_at_all(scene):
    refused = _as(scene, "chair").get(_case_url(scene, "case-export"))
    assert refused.status_code == 403
    assert not CaseLog.objects.filter(case=scene.case, user=scene.users["chair"]).exists()
    response = _as(scene, "parent").get(_case_url(scene, "case-export"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    data = response.json()
    assert data["reference"] == scene.case.reference
    assert {c["name"] for c in data["clients"]} == {"Lotte Peeters", "Sanne Peeters"}
    line = CaseLog.objects.filter(case=scene.case, user=scene.users["parent"]).get()
    assert line.action == CaseLogAction.EXPORT


def test_c8_the_list_names_no_one(scene):
    response = _as(scene, "coordinator").get(url("case-list", scene))
    results = response.json()["results"]
    assert {r["reference"] for r in results} == set(
        Case.objects.filter(region=scene.region).values_list("reference", flat=True)
    )
    assert set(results[0]) == {
        "reference",
        "status",
        "purpose",
        "created_at",
        "decided_at",
        "closed_at",
    }
    mine = _as(scene, "other_chair").get(url("case-list", scene), {"status": "in_progress"})
    assert scene.case.reference not in {r["reference"] for r in mine.json()["results"]}


def test_c8_birth_dates_only_for_the_coordinator_and_the_chair(scene):
    def birth_dates(role):
        clients = _as(scene, role).get(_case_url(scene)).json()["clients"]
        return {c["role"]: c["birth_date"] for c in clients}

    assert birth_dates("chair")["minor"] == minor_of(scene.case).birth_date.isoformat()
    assert birth_dates("coordinator")["minor"] is not None
    assert birth_dates("professional") == {"minor": None, "parent": None}
    assert birth_dates("minor") == {"minor": None, "parent": None}


def test_c8_the_log_shows_where_from_only_to_the_coordinator_and_the_officer(scene):
    def addresses(role):
        lines = _as(scene, role).get(_case_url(scene, "case-log")).json()["results"]
        return {line["ip_address"] for line in lines}

    assert addresses("privacy_officer") == {"127.0.0.1"}
    assert addresses("parent") == {None}


def test_c3_a_chair_outside_the_pool_is_refused_naming_the_field(scene):
    response = _as(scene, "coordinator").post(
        _case_url(scene, "case-chair"), {"chair": scene.users["colleague"].pk}, format="json"
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["chair"]


def test_c7_a_closed_case_takes_no_follow_up_request(scene):
    follow_up.case_close(actor=scene.case.chair, case=scene.case, outcome="Klaar.", bottlenecks=[])
    response = _as(scene, "professional").post(
        _case_url(scene, "case-follow-up"), {"reason": "Nieuwe zorgen."}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "case_closed"


def test_unknown_region_and_reference_are_404(scene):
    coordinator = _as(scene, "coordinator")
    unknown = url("case-detail", scene, reference="CO-2222-2222")
    assert coordinator.get(unknown).status_code == 404
    elsewhere = f"/api/v1/regions/bestaat-niet/cases/{scene.case.reference}/"
    response = coordinator.get(elsewhere)
    assert response.status_code == 404
    problem_fields(response)

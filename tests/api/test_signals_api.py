"""Signals through the API (PRODUCT.md S1–S3): the same services, so the same rules as the
pages, and the same permissions: anonymous 401, a user of the other region 404, a member who
may not triage 403, a signal one may not see 404."""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aantafel.regions.models import RegionRole
from aantafel.signals import api as signals_api
from aantafel.signals import services
from aantafel.signals.models import Signal
from aantafel.signals.workflow import SignalStatus

from .. import factories as f
from .conftest import problem_fields
from .matrix import check, client_for, each_role, routes, rows, url

ROLES = ["anonymous", "region_admin", "supporter", "staff", "raiser", "other_member", "outsider"]
EMAIL = "ouder@voorbeeld.example"


@pytest.fixture
def scene(body, region_admin, supporter, outsider):
    region = body.region
    staff = f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user
    parents = f.ConstituencyFactory(region=region, name="Ouders")
    raiser = f.MembershipFactory(body=body, constituency=parents).user
    other_member = f.MembershipFactory(body=f.BodyFactory(region=region)).user
    theme = f.PlanThemeFactory(region=region, name="Wachtlijsten")
    public = services.signal_submit_public(
        region=region, text="Wij wachten al maanden op hulp.", contact_email=EMAIL, theme=theme
    )
    raised = services.signal_submit_for_constituency(
        actor=raiser,
        region=region,
        text="Ouders horen niets van de wachtlijst.",
        constituency=parents,
    )
    users = {
        "region_admin": region_admin,
        "supporter": supporter,
        "staff": staff,
        "raiser": raiser,
        "other_member": other_member,
        "outsider": outsider,
    }
    return SimpleNamespace(
        region=region,
        body=body,
        parents=parents,
        theme=theme,
        public=public,
        raised=raised,
        users=users,
    )


def prepared(s) -> Signal:
    Signal.objects.filter(pk=s.public.pk).update(status=SignalStatus.IN_PREPARATION)
    return s.public


def answered(s) -> Signal:
    Signal.objects.filter(pk=s.public.pk).update(
        status=SignalStatus.ANSWERED, answer="We praten erover met de aanbieders."
    )
    return s.public


def public(s) -> Signal:
    return s.public


def raised(s) -> Signal:
    return s.raised


# --- Every endpoint against every role ------------------------------------------------------------

TRIAGE = {"region_admin": 200, "supporter": 200, "staff": 200, "raiser": 403, "other_member": 403}
LIST = {**TRIAGE, "raiser": 200}
# the raiser sees their own signal; a member who did not raise it learns nothing (404)
OWN = {**TRIAGE, "raiser": 200, "other_member": 404}
RAISE = {"region_admin": 403, "supporter": 403, "staff": 403, "raiser": 201, "other_member": 403}

# (url name, method, signal the URL names (None: the list), payload, expected per role)
ENDPOINTS = [
    ("signal-list", "get", None, lambda s: None, LIST),
    (
        "signal-list",
        "post",
        None,
        lambda s: {"constituency": s.parents.pk, "text": "Jongeren missen een vaste begeleider."},
        RAISE,
    ),
    ("signal-detail", "get", raised, lambda s: None, OWN),
    ("signal-themes", "put", public, lambda s: {"themes": [s.theme.pk]}, TRIAGE),
    ("signal-move", "post", public, lambda s: {"status": "in_preparation", "note": ""}, TRIAGE),
    (
        "signal-table",
        "post",
        prepared,
        lambda s: {"body": s.body.pk, "title": "Wachtlijsten jeugdhulp"},
        TRIAGE,
    ),
    ("signal-answer", "post", prepared, lambda s: {"answer": "We zoeken het uit."}, TRIAGE),
    ("signal-close", "post", answered, lambda s: {"publishable": False}, TRIAGE),
    ("signal-duplicate", "post", public, lambda s: {"original": s.raised.pk}, TRIAGE),
    ("signal-flag-safety", "post", public, lambda s: {"note": "Zie het gesprek."}, TRIAGE),
    ("signal-similar", "get", public, lambda s: None, TRIAGE),
]


@each_role(ROLES, ("name", "method", "target", "payload", "expected"), ENDPOINTS)
def test_s1_s3_every_signals_endpoint_answers_each_role_as_the_pages_do(
    scene, role, name, method, target, payload, expected
):
    kwargs = {} if target is None else {"pk": target(scene).pk}
    check(scene.users, role, method, url(name, scene, **kwargs), payload(scene), expected)


def test_signals_endpoints_are_all_in_the_matrix():
    assert routes(signals_api.urlpatterns) == rows(ENDPOINTS)


def test_s1_the_public_form_is_not_in_the_api(scene):
    response = client_for(scene.users["raiser"]).post(
        url("signal-list", scene), {"text": "Anoniem signaal.", "contact_email": EMAIL}
    )
    assert response.status_code == 400
    assert "constituency" in problem_fields(response)


# --- Who sees what --------------------------------------------------------------------------------


def test_s2_a_triager_sees_every_signal_with_the_contact_address(scene):
    response = client_for(scene.users["supporter"]).get(url("signal-list", scene))
    rows = {row["id"]: row for row in response.json()["results"]}
    assert set(rows) == {scene.public.pk, scene.raised.pk}
    assert rows[scene.public.pk]["contact_email"] == EMAIL
    detail = client_for(scene.users["staff"]).get(url("signal-detail", scene, pk=scene.public.pk))
    assert detail.json()["contact_email"] == EMAIL
    assert detail.json()["timeline"][0]["kind"] == "submitted"


def test_s1_the_raiser_sees_only_their_own_signal_without_who_did_what(scene):
    api = client_for(scene.users["raiser"])
    listed = api.get(url("signal-list", scene)).json()["results"]
    assert [row["id"] for row in listed] == [scene.raised.pk]
    assert all(row["contact_email"] is None for row in listed)
    assert api.get(url("signal-detail", scene, pk=scene.public.pk)).status_code == 404
    services.signal_move(
        actor=scene.users["supporter"], signal=scene.raised, status="in_preparation", note="Intern"
    )
    timeline = api.get(url("signal-detail", scene, pk=scene.raised.pk)).json()["timeline"]
    assert [line["to_status"] for line in timeline] == ["new", "in_preparation"]
    assert all(line["note"] is None and line["actor"] is None for line in timeline)


def test_b1_a_signal_of_another_region_is_a_404(scene, other_region):
    elsewhere = f.SignalFactory(region=other_region)
    response = client_for(scene.users["supporter"]).get(
        url("signal-detail", scene, pk=elsewhere.pk)
    )
    assert response.status_code == 404


def test_s2_the_list_filters_on_status_theme_and_source(scene):
    api = client_for(scene.users["supporter"])

    def ids(**query):
        return [row["id"] for row in api.get(url("signal-list", scene), query).json()["results"]]

    assert ids(theme=scene.theme.pk) == [scene.public.pk]
    assert ids(source="representative") == [scene.raised.pk]
    assert ids(status="closed") == []
    other_theme = f.PlanThemeFactory()
    response = api.get(url("signal-list", scene), {"theme": other_theme.pk})
    assert response.status_code == 400
    assert problem_fields(response) == ["theme"]


# --- The same services: what they change, and one bad input per write ---------------------------


def test_s2_the_triage_steps_go_through_the_services(scene):
    api = client_for(scene.users["supporter"])
    pk = scene.public.pk
    assert (
        api.post(url("signal-move", scene, pk=pk), {"status": "in_preparation"}).status_code == 200
    )
    response = api.post(
        url("signal-table", scene, pk=pk), {"body": scene.body.pk, "title": "Wachtlijsten"}
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "on_the_table"
    assert response.json()["proposal"] is not None
    api.post(url("signal-answer", scene, pk=pk), {"answer": "We zoeken het uit."})
    response = api.post(
        url("signal-close", scene, pk=pk),
        {"publishable": True, "public_summary": "Ouders wachten lang; we praten met aanbieders."},
        format="json",
    )
    assert response.status_code == 200, response.content
    signal = Signal.objects.get(pk=pk)
    assert signal.status == SignalStatus.CLOSED
    assert signal.publishable
    assert signal.events.count() == 7  # submitted, 4 steps, answer, publication


def test_s2_a_status_jump_is_a_conflict(scene):
    response = client_for(scene.users["supporter"]).post(
        url("signal-move", scene, pk=scene.public.pk), {"status": "follow_up"}
    )
    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "transition_not_allowed"
    assert Signal.objects.get(pk=scene.public.pk).status == SignalStatus.NEW


def test_s2_an_empty_answer_is_refused(scene):
    prepared(scene)
    response = client_for(scene.users["supporter"]).post(
        url("signal-answer", scene, pk=scene.public.pk), {"answer": "  "}
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["answer"]


def test_b1_a_theme_of_another_region_is_refused(scene):
    response = client_for(scene.users["supporter"]).put(
        url("signal-themes", scene, pk=scene.public.pk),
        {"themes": [f.PlanThemeFactory().pk]},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["themes"]
    assert list(scene.public.themes.all()) == [scene.theme]


def test_s1_only_for_a_constituency_one_represents(scene):
    other = f.ConstituencyFactory(region=scene.region)
    response = client_for(scene.users["raiser"]).post(
        url("signal-list", scene), {"constituency": other.pk, "text": "Iets."}
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["constituency"]


def test_s2_a_body_of_another_region_is_refused(scene, other_region):
    prepared(scene)
    response = client_for(scene.users["supporter"]).post(
        url("signal-table", scene, pk=scene.public.pk),
        {"body": f.BodyFactory(region=other_region).pk, "title": "Wachtlijsten"},
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["body"]


def test_s3_a_publishable_close_needs_the_anonymised_text(scene):
    answered(scene)
    response = client_for(scene.users["supporter"]).post(
        url("signal-close", scene, pk=scene.public.pk), {"publishable": True}, format="json"
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["public_summary"]


def test_s2_a_signal_is_not_a_duplicate_of_itself(scene):
    response = client_for(scene.users["supporter"]).post(
        url("signal-duplicate", scene, pk=scene.public.pk), {"original": scene.public.pk}
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["original"]


def test_s1_flag_safety_refuses_a_nul_character(scene):
    response = client_for(scene.users["supporter"]).post(
        url("signal-flag-safety", scene, pk=scene.public.pk), {"note": "a\x00b"}, format="json"
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["note"]
    assert not Signal.objects.get(pk=scene.public.pk).safety_concern


def test_s1_flag_safety_takes_it_out_of_every_public_view(scene, mailoutbox):
    response = client_for(scene.users["supporter"]).post(
        url("signal-flag-safety", scene, pk=scene.public.pk), {"note": ""}
    )
    assert response.status_code == 200
    assert response.json()["safety_concern"] is True


def test_s2_similar_suggests_the_earlier_signal(scene):
    later = services.signal_submit_public(
        region=scene.region, text="Wij wachten al maanden op hulp van de jeugdzorg."
    )
    response = client_for(scene.users["supporter"]).get(url("signal-similar", scene, pk=later.pk))
    assert response.status_code == 200
    assert scene.public.pk in [row["id"] for row in response.json()]


# --- Fixed query count ----------------------------------------------------------------------------


def _queries(api, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = api.get(address)
    assert response.status_code == 200, response.content
    return len(queries)


@pytest.mark.parametrize("role", ["supporter", "raiser"])
def test_the_signal_list_runs_a_fixed_number_of_queries(scene, role):
    api = client_for(scene.users[role])
    address = url("signal-list", scene)
    api.get(address)
    small = _queries(api, address)
    for i in range(15):
        signal = services.signal_submit_for_constituency(
            actor=scene.users["raiser"],
            region=scene.region,
            text=f"Signaal {i}",
            constituency=scene.parents,
            theme=scene.theme,
        )
        signal.themes.add(f.PlanThemeFactory(region=scene.region))
    large = _queries(api, address)
    assert small == large
    assert large <= 12, large

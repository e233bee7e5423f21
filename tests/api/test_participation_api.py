"""The participation API for trajectories (P1), events and their registrations (P2) and the
register of initiatives (P6): the same services, so the same rules as the pages, and the same
permissions: read participation.view (any member of the region), write participation.manage
(region administrator and policy staff); anonymous 401, a member who may see but not do this
403, a user of another region 404.

The matrix is exhaustive by construction: `test_every_participation_endpoint_is_in_the_matrix`
walks the three API modules, and a new endpoint or method without a row fails it.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aantafel.audit.models import AuditEvent
from aantafel.participation import models as p
from aantafel.participation.api import events as events_api
from aantafel.participation.api import register as register_api
from aantafel.participation.api import trajectories as trajectories_api
from aantafel.regions.models import RegionRole

from .. import factories as f
from ..participation.factories_events import EventFactory, RegistrationFactory, registrations
from ..participation.factories_trajectories import (
    PDF,
    PhaseFactory,
    PillarFactory,
    TrajectoryDocumentFactory,
    TrajectoryFactory,
    TrajectoryUpdateFactory,
    pdf_upload,
)
from .conftest import problem_fields
from .matrix import check, client_for, each_role, routes, rows, url

ROLES = ["anonymous", "member", "supporter", "staff", "region_admin", "outsider"]
VIEWERS = ("member", "supporter", "staff", "region_admin")  # participation.view
MANAGERS = ("staff", "region_admin")  # participation.manage


def view(ok: int = 200) -> dict[str, int]:
    return dict.fromkeys(VIEWERS, ok)


def manage(ok: int = 200) -> dict[str, int]:
    """`ok` for the region's administrator and policy staff; 403 for its other members."""
    return {role: ok if role in MANAGERS else 403 for role in VIEWERS}


@pytest.fixture
def scene(region, member, supporter, region_admin, outsider):
    trajectory = TrajectoryFactory(region=region)
    event = EventFactory(region=region, capacity=3, trajectory=trajectory)
    return SimpleNamespace(
        region=region,
        users={
            "member": member,
            "supporter": supporter,
            "staff": f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user,
            "region_admin": region_admin,
            "outsider": outsider,
        },
        trajectory=trajectory,
        pillar=PillarFactory(trajectory=trajectory, number=1),
        phase=PhaseFactory(trajectory=trajectory),
        update=TrajectoryUpdateFactory(trajectory=trajectory),
        document=TrajectoryDocumentFactory(trajectory=trajectory),
        event=event,
        draft=EventFactory(region=region, draft=True),
        registration=RegistrationFactory(event=event),
        initiative=p.ParticipationInitiative.objects.create(
            region=region, name="Cliëntenraad Heerlen", kind=p.InitiativeKind.CLIENT_COUNCIL
        ),
    )


# --- URL arguments and payloads of the matrix ------------------------------------------------------


def region_(s):
    return {}


def trajectory_(s):
    return {"pk": s.trajectory.pk}


def pillar_(s):
    return {"pk": s.trajectory.pk, "pillar_pk": s.pillar.pk}


def phase_(s):
    return {"pk": s.trajectory.pk, "phase_pk": s.phase.pk}


def update_(s):
    return {"pk": s.trajectory.pk, "update_pk": s.update.pk}


def document_(s):
    return {"pk": s.trajectory.pk, "document_pk": s.document.pk}


def event_(s):
    return {"pk": s.event.pk}


def draft_(s):
    return {"pk": s.draft.pk}


def registration_(s):
    return {"pk": s.event.pk, "registration_pk": s.registration.pk}


def initiative_(s):
    return {"pk": s.initiative.pk}


def nothing(s):
    return None


def at(days: int, hour: int) -> str:
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0).isoformat()


TRAJECTORY = {
    "title": "Jeugdparticipatie 2025–2030",
    "summary": "Jongeren en ouders praten mee over de jeugdhulp in Zuid-Limburg.",
    "starts_on": "2023-01-01",
    "ends_on": "2028-12-31",
    "published": True,
}
UPDATE = {"kind": "news", "title": "Kerngroep gestart", "body": "Twaalf jongeren doen mee."}


def event_payload(s=None, **changes):
    return {
        "title": "Focusgroep ouders",
        "place": "Bibliotheek Heerlen",
        "starts_at": at(20, 19),
        "ends_at": at(20, 21),
        "capacity": 25,
        "audiences": ["parent"],
        **changes,
    }


INITIATIVE = {"name": "Jongerenadviesraad Sittard-Geleen", "kind": "advisory_council"}

JSON, MULTIPART = "json", "multipart"
ENDPOINTS = [
    # P1: trajectories
    ("trajectory-list", "get", region_, nothing, view(), JSON),
    ("trajectory-list", "post", region_, lambda s: TRAJECTORY, manage(201), JSON),
    ("trajectory-detail", "get", trajectory_, nothing, view(), JSON),
    ("trajectory-detail", "put", trajectory_, lambda s: TRAJECTORY, manage(), JSON),
    ("trajectory-detail", "patch", trajectory_, lambda s: {"title": "Nieuw"}, manage(), JSON),
    (
        "trajectory-pillars",
        "post",
        trajectory_,
        lambda s: {"name": "Meebeslissen"},
        manage(201),
        JSON,
    ),
    ("trajectory-pillar-detail", "put", pillar_, lambda s: {"name": "Meedoen"}, manage(), JSON),
    (
        "trajectory-phases",
        "post",
        trajectory_,
        lambda s: {"name": "Uitvoeren", "starts_on": "2025-01-01"},
        manage(201),
        JSON,
    ),
    (
        "trajectory-phase-detail",
        "put",
        phase_,
        lambda s: {"name": "Ophalen", "starts_on": "2023-02-01"},
        manage(),
        JSON,
    ),
    ("trajectory-updates", "get", trajectory_, nothing, view(), JSON),
    ("trajectory-updates", "post", trajectory_, lambda s: UPDATE, manage(201), JSON),
    ("trajectory-update-detail", "put", update_, lambda s: UPDATE, manage(), JSON),
    ("trajectory-documents", "get", trajectory_, nothing, view(), JSON),
    (
        "trajectory-documents",
        "post",
        trajectory_,
        lambda s: {"file": pdf_upload(), "title": "Plan van aanpak"},
        manage(201),
        MULTIPART,
    ),
    (
        "trajectory-document-status",
        "put",
        document_,
        lambda s: {"decision_status": "submitted"},
        manage(),
        JSON,
    ),
    ("trajectory-document-download", "get", document_, nothing, view(), JSON),
    # P2: events and registrations
    ("event-list", "get", region_, nothing, view(), JSON),
    ("event-list", "post", region_, event_payload, manage(201), JSON),
    ("event-detail", "get", event_, nothing, view(), JSON),
    ("event-detail", "put", event_, event_payload, manage(), JSON),
    ("event-detail", "patch", event_, lambda s: {"capacity": 40}, manage(), JSON),
    ("event-publish", "post", draft_, nothing, manage(), JSON),
    ("event-cancel", "post", event_, nothing, manage(), JSON),
    (
        "event-media",
        "put",
        event_,
        lambda s: {"media_url": "https://video.example/aftermovie"},
        manage(),
        JSON,
    ),
    ("event-attendance", "get", event_, nothing, view(), JSON),
    ("event-registrations", "get", event_, nothing, manage(), JSON),
    ("event-registration-check-in", "post", registration_, nothing, manage(), JSON),
    # P6: the register
    ("participation-initiative-list", "get", region_, nothing, view(), JSON),
    ("participation-initiative-list", "post", region_, lambda s: INITIATIVE, manage(201), JSON),
    ("participation-initiative-detail", "get", initiative_, nothing, view(), JSON),
    ("participation-initiative-detail", "put", initiative_, lambda s: INITIATIVE, manage(), JSON),
    (
        "participation-initiative-detail",
        "patch",
        initiative_,
        lambda s: {"active": False},
        manage(),
        JSON,
    ),
]
MODULES = (trajectories_api, events_api, register_api)


@each_role(ROLES, ("name", "method", "kwargs", "payload", "expected", "fmt"), ENDPOINTS)
def test_p1_p2_p6_every_participation_endpoint_answers_each_role_as_the_pages_do(
    scene, role, name, method, kwargs, payload, expected, fmt
):
    address = url(name, scene, **kwargs(scene))
    check(scene.users, role, method, address, payload(scene), expected, fmt)


def test_every_participation_endpoint_is_in_the_matrix():
    assert routes([p for m in MODULES for p in m.urlpatterns]) == rows(ENDPOINTS)


# --- B1: another region --------------------------------------------------------------------------


def test_b1_a_trajectory_event_or_initiative_of_another_region_is_a_404(scene, other_region):
    admin = client_for(scene.users["region_admin"])
    foreign_trajectory = TrajectoryFactory(region=other_region)
    foreign_document = TrajectoryDocumentFactory(trajectory=foreign_trajectory)
    foreign_event = EventFactory(region=other_region)
    foreign_registration = RegistrationFactory(event=foreign_event)
    foreign_initiative = p.ParticipationInitiative.objects.create(
        region=other_region, name="Elders", kind=p.InitiativeKind.OTHER
    )
    for name, kwargs in [
        ("trajectory-detail", {"pk": foreign_trajectory.pk}),
        ("trajectory-updates", {"pk": foreign_trajectory.pk}),
        (
            "trajectory-document-download",
            {"pk": foreign_trajectory.pk, "document_pk": foreign_document.pk},
        ),
        # A document of another region under one's own trajectory is not there either.
        (
            "trajectory-document-download",
            {"pk": scene.trajectory.pk, "document_pk": foreign_document.pk},
        ),
        ("event-detail", {"pk": foreign_event.pk}),
        ("event-registrations", {"pk": foreign_event.pk}),
        ("participation-initiative-detail", {"pk": foreign_initiative.pk}),
    ]:
        response = admin.get(url(name, scene, **kwargs))
        assert response.status_code == 404, name
        problem_fields(response)
    check_in = admin.post(
        url(
            "event-registration-check-in",
            scene,
            pk=scene.event.pk,
            registration_pk=foreign_registration.pk,
        )
    )
    assert check_in.status_code == 404
    foreign_registration.refresh_from_db()
    assert foreign_registration.checked_in_at is None


def test_b1_a_pillar_of_another_region_is_unknown_to_an_event(scene, other_region):
    foreign = PillarFactory(trajectory=TrajectoryFactory(region=other_region))
    response = client_for(scene.users["staff"]).post(
        url("event-list", scene), event_payload(pillar=foreign.pk), format="json"
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["pillar"]
    assert response.json()["errors"][0]["code"] == "unknown"


# --- P2: what the services refuse, the API refuses -----------------------------------------------


def test_p2_registering_is_not_in_the_api(scene):
    """Project decision (signals/api.py): public forms are for people, rate-limited, on a page
    that says where to turn when unsafe. The attendee list cannot be posted to."""
    names = {pattern.name for m in MODULES for pattern in m.urlpatterns}
    assert not {n for n in names if "register" in n or "cancel-registration" in n}
    response = client_for(scene.users["region_admin"]).post(
        url("event-registrations", scene, pk=scene.event.pk),
        {"name": "Sanne", "email": "sanne@voorbeeld.example", "audience": "parent"},
        format="json",
    )
    assert response.status_code == 405
    assert p.Registration.objects.filter(event=scene.event).count() == 1


def test_p2_someone_on_the_waiting_list_cannot_be_checked_in(scene):
    waiting = RegistrationFactory(event=scene.event, waiting=True)
    response = client_for(scene.users["staff"]).post(
        url("event-registration-check-in", scene, pk=scene.event.pk, registration_pk=waiting.pk)
    )
    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "not_confirmed"
    waiting.refresh_from_db()
    assert waiting.checked_in_at is None


def test_p2_checking_in_twice_is_a_conflict(scene):
    client = client_for(scene.users["staff"])
    address = url(
        "event-registration-check-in",
        scene,
        pk=scene.event.pk,
        registration_pk=scene.registration.pk,
    )
    first = client.post(address)
    assert first.status_code == 200
    assert first.json()["checked_in_at"] is not None
    second = client.post(address)
    assert second.status_code == 409
    assert second.json()["errors"][0]["code"] == "already_checked_in"
    assert AuditEvent.objects.filter(action="registration.check_in").count() == 1


def test_p2_publishing_twice_is_a_conflict(scene):
    client = client_for(scene.users["staff"])
    address = url("event-publish", scene, pk=scene.draft.pk)
    assert client.post(address).json()["status"] == "published"
    again = client.post(address)
    assert again.status_code == 409
    assert again.json()["errors"][0]["code"] == "not_draft"


def test_p2_a_cancelled_event_cannot_be_changed_or_cancelled_again(scene):
    client = client_for(scene.users["staff"])
    assert client.post(url("event-cancel", scene, pk=scene.event.pk)).status_code == 200
    again = client.post(url("event-cancel", scene, pk=scene.event.pk))
    assert again.status_code == 409
    assert again.json()["errors"][0]["code"] == "already_cancelled"
    changed = client.patch(
        url("event-detail", scene, pk=scene.event.pk), {"title": "Toch"}, format="json"
    )
    assert changed.status_code == 409
    assert changed.json()["errors"][0]["code"] == "event_cancelled"
    scene.event.refresh_from_db()
    assert scene.event.title != "Toch"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ends_at": at(20, 18)}, "ends_at"),  # before the start
        ({"audiences": []}, "audiences"),
        ({"audiences": ["dragon"]}, "audiences.0"),
        ({"capacity": 0}, "capacity"),
        ({"title": "  "}, "title"),
        ({"place": ""}, "place"),
        ({"registration_closes_at": at(21, 9)}, "registration_closes_at"),  # after the start
        ({"starts_at": "morgen"}, "starts_at"),
    ],
)
def test_p2_an_event_with_bad_input_is_refused_naming_the_field(scene, changes, field):
    before = p.Event.objects.count()
    response = client_for(scene.users["staff"]).post(
        url("event-list", scene), event_payload(**changes), format="json"
    )
    assert response.status_code == 400
    assert problem_fields(response) == [field]
    assert p.Event.objects.count() == before


def test_p2_capacity_cannot_go_below_the_confirmed_places(scene):
    RegistrationFactory(event=scene.event)  # two confirmed now
    response = client_for(scene.users["staff"]).patch(
        url("event-detail", scene, pk=scene.event.pk), {"capacity": 1}, format="json"
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["capacity"]


def test_p2_a_patch_changes_what_it_names_and_keeps_the_rest(scene):
    response = client_for(scene.users["staff"]).patch(
        url("event-detail", scene, pk=scene.event.pk), {"capacity": 10}, format="json"
    )
    assert response.status_code == 200
    scene.event.refresh_from_db()
    assert scene.event.capacity == 10
    assert scene.event.trajectory == scene.trajectory
    assert scene.event.title.startswith("Startconferentie")


def test_p2_a_media_link_must_be_a_web_address(scene):
    response = client_for(scene.users["staff"]).put(
        url("event-media", scene, pk=scene.event.pk),
        {"media_url": "javascript:alert(1)"},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["media_url"]


def test_p2_the_event_shows_its_figures_per_status_and_audience(scene):
    RegistrationFactory(event=scene.event, audience=p.AudienceType.PARENT, checked_in=True)
    RegistrationFactory(event=scene.event, audience=p.AudienceType.PARENT, waiting=True)
    RegistrationFactory(event=scene.event, audience=p.AudienceType.PARENT, cancelled=True)
    client = client_for(scene.users["member"])
    detail = client.get(url("event-detail", scene, pk=scene.event.pk)).json()
    figures = {row["audience"]: row for row in detail["attendance"]["rows"]}
    assert figures["parent"] == {
        "audience": "parent",
        "label": figures["parent"]["label"],
        "registered": 1,
        "waiting": 1,
        "cancelled": 1,
        "checked_in": 1,
    }
    assert figures["young_person"]["registered"] == 1
    assert detail["attendance"]["total"]["registered"] == 2
    assert detail["attendance"]["places_left"] == 1
    assert detail["public_url"].endswith(f"/{scene.event.pk}/")
    attendance = client.get(url("event-attendance", scene, pk=scene.event.pk)).json()
    assert attendance == detail["attendance"]


def test_p2_the_attendee_list_filters_and_leaves_out_email_addresses(scene):
    RegistrationFactory(event=scene.event, name="Anouk Janssen", audience=p.AudienceType.PARENT)
    RegistrationFactory(event=scene.event, name="Bram Pieters", waiting=True)
    RegistrationFactory(event=scene.event, name="Chantal Smeets", cancelled=True)
    client = client_for(scene.users["staff"])
    address = url("event-registrations", scene, pk=scene.event.pk)

    def names(**query):
        response = client.get(address, query)
        assert response.status_code == 200, response.content
        return [row["name"] for row in response.json()["results"]]

    current = client.get(address).json()["results"]
    assert all("email" not in row for row in current)
    assert "Chantal Smeets" not in [row["name"] for row in current]
    assert names(status="waiting") == ["Bram Pieters"]
    assert names(status="cancelled") == ["Chantal Smeets"]
    assert names(audience="parent") == ["Anouk Janssen"]
    assert names(search="piet") == ["Bram Pieters"]
    assert problem_fields(client.get(address, {"status": "vip"})) == ["status"]


def test_p2_the_event_list_filters_by_status_trajectory_and_upcoming(scene):
    past = EventFactory(region=scene.region, past=True)
    client = client_for(scene.users["member"])
    address = url("event-list", scene)

    def ids(**query):
        return {row["id"] for row in client.get(address, query).json()["results"]}

    assert ids() == {scene.event.pk, scene.draft.pk, past.pk}
    assert ids(status="draft") == {scene.draft.pk}
    assert ids(trajectory=scene.trajectory.pk) == {scene.event.pk}
    assert ids(upcoming="true") == {scene.event.pk, scene.draft.pk}
    assert ids(upcoming="false") == {past.pk}
    row = next(r for r in client.get(address).json()["results"] if r["id"] == scene.event.pk)
    assert (row["confirmed"], row["waiting"]) == (1, 0)


# --- P1: what the services refuse, the API refuses -----------------------------------------------


def test_p1_a_trajectory_cannot_end_before_it_starts(scene):
    response = client_for(scene.users["staff"]).post(
        url("trajectory-list", scene),
        {**TRAJECTORY, "starts_on": "2028-01-01", "ends_on": "2023-01-01"},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["ends_on"]
    assert not p.Trajectory.objects.filter(title=TRAJECTORY["title"]).exists()


def test_p1_a_trajectory_is_created_with_its_parts_shown(scene):
    client = client_for(scene.users["staff"])
    made = client.post(url("trajectory-list", scene), TRAJECTORY, format="json")
    assert made.status_code == 201
    pk = made.json()["id"]
    client.post(url("trajectory-pillars", scene, pk=pk), {"name": "Meebeslissen"}, format="json")
    client.post(
        url("trajectory-phases", scene, pk=pk),
        {"name": "Ophalen", "starts_on": "2023-01-01"},
        format="json",
    )
    detail = client.get(url("trajectory-detail", scene, pk=pk)).json()
    assert [(x["number"], x["name"]) for x in detail["pillars"]] == [(1, "Meebeslissen")]
    assert detail["phases"][0]["runs_until"] == "2028-12-31"
    assert detail["phases"][0]["ends_on"] is None
    assert AuditEvent.objects.filter(action="trajectory.create").count() == 1


def test_p1_a_pillar_number_is_used_once_per_trajectory(scene):
    response = client_for(scene.users["staff"]).post(
        url("trajectory-pillars", scene, pk=scene.trajectory.pk),
        {"name": "Tweede pijler", "number": scene.pillar.number},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["number"]


def test_p1_a_phase_lies_within_the_trajectory(scene):
    response = client_for(scene.users["staff"]).post(
        url("trajectory-phases", scene, pk=scene.trajectory.pk),
        {"name": "Na afloop", "starts_on": "2031-01-01"},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["starts_on"]


def test_p1_an_update_about_a_pillar_of_another_trajectory_is_refused(scene):
    other = PillarFactory(trajectory=TrajectoryFactory(region=scene.region))
    response = client_for(scene.users["staff"]).post(
        url("trajectory-updates", scene, pk=scene.trajectory.pk),
        {**UPDATE, "pillar": other.pk},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["pillar"]
    assert response.json()["errors"][0]["code"] == "other_trajectory"


def test_p1_an_update_without_text_is_refused(scene):
    response = client_for(scene.users["staff"]).post(
        url("trajectory-updates", scene, pk=scene.trajectory.pk),
        {**UPDATE, "body": ""},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["body"]


def test_p1_an_update_is_published_when_posted_and_listed_by_kind(scene):
    client = client_for(scene.users["staff"])
    address = url("trajectory-updates", scene, pk=scene.trajectory.pk)
    posted = client.post(address, {**UPDATE, "pillar": scene.pillar.pk}, format="json").json()
    assert posted["published_at"] is not None
    assert posted["pillar"]["number"] == 1
    listed = client.get(address, {"kind": "news"}).json()["results"]
    assert [row["id"] for row in listed] == [posted["id"]]


def test_p1_a_document_is_checked_by_its_content(scene):
    client = client_for(scene.users["staff"])
    address = url("trajectory-documents", scene, pk=scene.trajectory.pk)
    fake = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 not a pdf at all", "application/pdf")
    refused = client.post(address, {"file": fake}, format="multipart")
    assert refused.status_code == 400
    assert problem_fields(refused) == ["file"]
    missing = client.post(address, {"title": "Zonder bestand"}, format="multipart")
    assert missing.status_code == 400
    assert problem_fields(missing) == ["file"]
    assert p.TrajectoryDocument.objects.filter(trajectory=scene.trajectory).count() == 1


def test_p1_an_adopted_document_says_when_it_was_decided(scene):
    client = client_for(scene.users["staff"])
    address = url(
        "trajectory-document-status", scene, pk=scene.trajectory.pk, document_pk=scene.document.pk
    )
    refused = client.put(address, {"decision_status": "adopted"}, format="json")
    assert refused.status_code == 400
    assert problem_fields(refused) == ["decided_on"]
    adopted = client.put(
        address,
        {"decision_status": "adopted", "decided_on": "2023-11-01", "decided_by": "Regiogemeenten"},
        format="json",
    )
    assert adopted.status_code == 200
    assert adopted.json()["decision_status"] == "adopted"


def test_p1_an_uploaded_document_downloads_as_the_same_file(scene):
    client = client_for(scene.users["staff"])
    made = client.post(
        url("trajectory-documents", scene, pk=scene.trajectory.pk),
        {"file": pdf_upload("plan-van-aanpak.pdf"), "decision_status": "submitted"},
        format="multipart",
    )
    assert made.status_code == 201, made.content
    assert made.json()["title"] == "plan-van-aanpak"
    download = client_for(scene.users["member"]).get(made.json()["download_url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert "plan-van-aanpak.pdf" in download["Content-Disposition"]
    assert download["Cache-Control"] == "private, no-store"


# --- P6: what the service refuses, the API refuses -----------------------------------------------


def test_p6_an_initiative_name_is_used_once_per_region(scene):
    response = client_for(scene.users["staff"]).post(
        url("participation-initiative-list", scene),
        {"name": "cliëntenraad heerlen", "kind": "client_council"},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["name"]


def test_p6_a_website_is_an_http_address(scene):
    response = client_for(scene.users["staff"]).patch(
        url("participation-initiative-detail", scene, pk=scene.initiative.pk),
        {"website": "ftp://raad.example"},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["website"]


def test_p6_the_register_filters_by_kind_and_activity(scene):
    client = client_for(scene.users["staff"])
    client.post(url("participation-initiative-list", scene), INITIATIVE, format="json")
    client.patch(
        url("participation-initiative-detail", scene, pk=scene.initiative.pk),
        {"active": False},
        format="json",
    )
    address = url("participation-initiative-list", scene)

    def names(**query):
        return [row["name"] for row in client.get(address, query).json()["results"]]

    assert names(kind="advisory_council") == [INITIATIVE["name"]]
    assert names(active="false") == ["Cliëntenraad Heerlen"]
    assert names(active="true") == [INITIATIVE["name"]]
    scene.initiative.refresh_from_db()
    assert scene.initiative.kind == p.InitiativeKind.CLIENT_COUNCIL  # a PATCH keeps the rest


# --- Query budgets --------------------------------------------------------------------------------

# Session, user, two-factor check, region membership, body memberships, the region; the event;
# the count and the page.
REGISTRATIONS_BUDGET = 9
# As above without the event: the count and the page of events with their places.
EVENTS_BUDGET = 8


def _queries(client, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200, response.content
    return len(queries)


def test_p2_the_attendee_list_costs_the_same_with_1000_registrations(
    scene, django_assert_num_queries
):
    client = client_for(scene.users["staff"])
    address = url("event-registrations", scene, pk=scene.event.pk)
    few = _queries(client, address)
    registrations(scene.event, 1000, start=100_000)
    with django_assert_num_queries(REGISTRATIONS_BUDGET):
        response = client.get(address, {"status": "all", "limit": 500})
    assert response.json()["count"] == 1001
    assert few == REGISTRATIONS_BUDGET


def test_p2_the_event_list_costs_the_same_with_many_events(scene, django_assert_num_queries):
    client = client_for(scene.users["member"])
    address = url("event-list", scene)
    few = _queries(client, address)
    for _ in range(30):
        registrations(EventFactory(region=scene.region), 20)
    with django_assert_num_queries(EVENTS_BUDGET):
        response = client.get(address)
    assert response.json()["count"] == 32
    assert few == EVENTS_BUDGET


def test_p1_a_download_asked_for_as_pdf_is_served(scene):
    address = url(
        "trajectory-document-download", scene, pk=scene.trajectory.pk, document_pk=scene.document.pk
    )
    response = client_for(scene.users["member"]).get(address, HTTP_ACCEPT="application/pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF

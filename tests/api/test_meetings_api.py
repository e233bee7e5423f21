"""The meeting cycle through the API (section 2 of PRODUCT.md): the same services, so the same
rules as the pages, and the same permissions: anonymous 401, a user of the other region 404, a
member of another body (who may see the meetings, not run them) 403."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from aantafel.accounts.services import api_token_create
from aantafel.advice.models import AdviceRequest, RequesterKind
from aantafel.audit.models import AuditEvent
from aantafel.bodies.models import Body, BodyType, DecisionRule, Membership
from aantafel.meetings import services
from aantafel.meetings.models import (
    AgendaItem,
    Attendance,
    ConstituencyQuestion,
    Decision,
    Document,
    ItemProposal,
    ItemType,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesStatus,
    MinutesVersion,
    ProposalStatus,
    Reaction,
)

from .. import factories as f
from .conftest import problem_fields
from .matrix import check, client_for, each_role, routes, rows

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ROLES = ["anonymous", "member", "supporter", "chair", "region_admin", "other_member", "outsider"]


def pdf(name: str = "notitie.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def local(days: int, hour: int = 14) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def scene(body, region_admin, supporter, chair, member, outsider):
    """Kerngroep RTJ with a planned meeting (an open and a confidential item), a published one
    everyone is invited to, one under way (published, started an hour ago) and a proposal of
    the member."""
    other_body = f.BodyFactory(region=body.region, name="Overleg Cliëntvertegenwoordigers")
    other_member = f.MembershipFactory(body=other_body).user
    planned = f.MeetingFactory(body=body, title="Kerngroep maart")
    item = f.AgendaItemFactory(meeting=planned, position=1, title="Jaarplan")
    secret = f.AgendaItemFactory(
        meeting=planned, position=2, title="Klacht over een voorziening", confidential=True
    )
    f.AgendaItemFactory(meeting=planned, position=3, title="Rondvraag")
    published = f.MeetingFactory(body=body, published=True, starts_at=local(10))
    running = f.MeetingFactory(
        body=body,
        published=True,
        starts_at=timezone.now() - datetime.timedelta(hours=1),
        ends_at=timezone.now() + datetime.timedelta(hours=1),
    )
    running_item = f.AgendaItemFactory(meeting=running, position=1, title="Evaluatie")
    for user in (supporter, chair, member):
        f.AttendanceFactory(meeting=published, user=user)
    attendance = f.AttendanceFactory(meeting=running, user=member)
    # M10: minutes in draft of a held meeting, up for approval at the meeting under way; and
    # approved minutes of an older one.
    drafted = f.MeetingFactory(
        body=body, held=True, status=MeetingStatus.MINUTES_DRAFT, starts_at=local(-14)
    )
    minutes = Minutes.objects.create(
        region=body.region, meeting=drafted, text="<p>Verslag in ontwerp.</p>"
    )
    approval_item = f.AgendaItemFactory(
        meeting=running,
        position=2,
        title="Goedkeuring verslag",
        item_type=ItemType.MINUTES_APPROVAL,
        minutes_of=drafted,
    )
    closed = f.MeetingFactory(
        body=body, held=True, status=MeetingStatus.MINUTES_APPROVED, starts_at=local(-42)
    )
    approved = Minutes.objects.create(
        region=body.region,
        meeting=closed,
        text="<p>Vastgesteld verslag.</p>",
        status=MinutesStatus.APPROVED,
        approved_at=timezone.now(),
    )
    MinutesVersion.objects.create(
        region=body.region, minutes=approved, number=1, text=approved.text
    )
    held = f.MeetingFactory(body=body, held=True, starts_at=local(-3))
    action = f.ActionFactory(body=body, owner=member, title="Wachtlijstcijfers opvragen")
    proposal = services.proposal_submit(
        actor=member,
        body=body,
        title="Wachtlijsten jeugdhulp",
        explanation="Hoe lang wachten jongeren?",
        desired_type="discussion",
    )
    users = {
        "member": member,
        "supporter": supporter,
        "chair": chair,
        "region_admin": region_admin,
        "other_member": other_member,
        "outsider": outsider,
    }
    return SimpleNamespace(
        region=body.region,
        body=body,
        other_body=other_body,
        planned=planned,
        item=item,
        secret=secret,
        published=published,
        running=running,
        running_item=running_item,
        attendance=attendance,
        drafted=drafted,
        minutes=minutes,
        approval_item=approval_item,
        closed=closed,
        held=held,
        action=action,
        proposal=proposal,
        users=users,
    )


@pytest.fixture
def client_as():
    """client_as(user) → an API client logged in as that user; None: not logged in."""
    return client_for


def url(name: str, s, **kwargs) -> str:
    return reverse(
        f"v1:{name}", kwargs={"region_slug": s.region.slug, "body_id": s.body.pk, **kwargs}
    )


# --- Every endpoint against every role ------------------------------------------------------------

READ = dict.fromkeys(["member", "supporter", "chair", "region_admin", "other_member"], 200)
MANAGE = {"member": 403, "supporter": 200, "chair": 403, "region_admin": 200, "other_member": 403}
LEAD = {"member": 403, "supporter": 200, "chair": 200, "region_admin": 200, "other_member": 403}
SUBMIT = {"member": 201, "supporter": 201, "chair": 201, "region_admin": 403, "other_member": 403}
INVITED = {"member": 200, "supporter": 200, "chair": 200, "region_admin": 403, "other_member": 403}
# the member's own proposal: theirs, and the leaders'; nobody else learns it exists
OWN_PROPOSAL = {"member": 200, "supporter": 200, "chair": 200, "region_admin": 200}
# draft minutes: the body's seated members and whoever runs its cycle
DRAFT_MINUTES = {**READ, "other_member": 403}
# the member owns the action; the leaders follow it up
ACTION_OWNER = {**LEAD, "member": 200}
REACT = {**SUBMIT}
# M12: whoever sits at the table reads a question's answers
REACT_READ = {
    "member": 200,
    "supporter": 200,
    "chair": 200,
    "region_admin": 403,
    "other_member": 403,
}
# only the author withdraws a reaction, only the asker closes a question, only a representative
# asks: the others at the table are refused by the service's rule (400), as on the pages
AUTHOR = {**REACT_READ, "supporter": 400, "chair": 400}
# M7: the member assigned to report back
REPORTER = {"member": 201, "supporter": 403, "chair": 403, "region_admin": 403, "other_member": 403}


def created(expected: dict) -> dict:
    return {role: 201 if code == 200 else code for role, code in expected.items()}


def at(**objects):
    """URL kwargs naming objects of the scene: an attribute, or a builder of one (below)."""

    def kwargs(s):
        return {
            name: (obj(s) if callable(obj) else getattr(s, obj)).pk for name, obj in objects.items()
        }

    return kwargs


def once(build):
    """A scene object built when an endpoint's row first asks for it, so the scene the other
    tests count on stays as it is."""

    def get(s):
        key = f"_{build.__name__}"
        if key not in s.__dict__:
            setattr(s, key, build(s))
        return getattr(s, key)

    return get


@once
def parents(s):
    """A constituency the member represents in the body (M12)."""
    constituency = f.ConstituencyFactory(region=s.region, name="Ouders")
    Membership.objects.filter(body=s.body, user=s.users["member"]).update(constituency=constituency)
    return constituency


@once
def reported(s):
    """The held meeting, with the member assigned to report back on it (M7)."""
    s.held.reporter = s.users["member"]
    s.held.save(update_fields=["reporter"])
    return s.held


@once
def reserved(s):
    """A decision on the running item under consensus with reservation (M8, B6)."""
    return f.DecisionFactory(
        item=s.running_item, decision_rule=DecisionRule.CONSENSUS_WITH_RESERVATION
    )


@once
def reaction(s):
    """The member's reaction to the open item of the planned meeting (M12)."""
    return services.reaction_add(actor=s.users["member"], item=s.item, text="Graag uitleg.")


@once
def question(s):
    """The member's question to their constituency about the open item (M12)."""
    parents(s)
    asked, _token = services.question_ask(
        actor=s.users["member"], item=s.item, question="Wat vinden jullie?", closes_at=local(7)
    )
    return asked


@once
def source(s):
    """The body becomes a client representatives' consultation: an item of its parent body's
    next meeting to mirror (M14)."""
    Body.objects.filter(pk=s.body.pk).update(body_type=BodyType.CLIENT_REPRESENTATIVES)
    parent_meeting = f.MeetingFactory(body=s.body.parent, published=True, starts_at=local(35))
    return f.AgendaItemFactory(meeting=parent_meeting, title="Regionaal actieplan")


@once
def advice_source(s):
    """The body becomes a client representatives' consultation: an advice request to its
    parent body, still being prepared, to mirror (M14, S4)."""
    Body.objects.filter(pk=s.body.pk).update(body_type=BodyType.CLIENT_REPRESENTATIVES)
    return AdviceRequest.objects.create(
        region=s.body.region,
        body=s.body.parent,
        requester_kind=RequesterKind.DEPARTMENT,
        requester_name="Departement WVG",
        title="Advies over de toegang",
        question="Hoe maken we de toegang eenvoudiger?",
        deadline=local(40).date(),
    )


@once
def mirrored(s):
    """The parent body's item, mirrored on the planned meeting (M14)."""
    return services.agenda_item_mirror(
        actor=s.users["supporter"], meeting=s.planned, source_item=source(s)
    )


def no_data(s):
    return None


def meeting_input(s):
    return {
        "starts_at": local(30).isoformat(),
        "ends_at": local(30, 16).isoformat(),
        "location": "Hasselt",
    }


def item_input(s):
    return {"title": "Werkplan", "item_type": "decision", "duration_minutes": 20}


def decision_input(s):
    return {"text": "Het overleg stemt in.", "outcome": "agreed"}


def question_input(s):
    parents(s)  # the member represents a constituency
    return {"question": "Wat vinden jullie van het jaarplan?", "closes_at": local(7).isoformat()}


# (url name, method, url kwargs, payload, format, expected status per role)
ENDPOINTS = [
    ("meeting-list", "get", at(), no_data, "json", READ),
    ("meeting-list", "post", at(), meeting_input, "json", created(MANAGE)),
    (
        "meeting-series",
        "post",
        at(),
        lambda s: {**meeting_input(s), "frequency": "monthly", "count": 3},
        "json",
        created(MANAGE),
    ),
    ("meeting-detail", "get", at(pk="planned"), no_data, "json", READ),
    ("meeting-detail", "put", at(pk="planned"), meeting_input, "json", MANAGE),
    ("meeting-detail", "patch", at(pk="planned"), lambda s: {"title": "Extra"}, "json", MANAGE),
    ("meeting-cancel", "post", at(pk="planned"), lambda s: {"reason": "Ziekte"}, "json", MANAGE),
    ("meeting-publish", "post", at(pk="planned"), no_data, "json", MANAGE),
    ("meeting-held", "post", at(pk="running"), no_data, "json", MANAGE),
    ("agenda-item-list", "post", at(meeting_id="planned"), item_input, "json", created(MANAGE)),
    (
        "agenda-item-at-meeting",
        "post",
        at(meeting_id="running"),
        lambda s: {**item_input(s), "approval": "Akkoord, geen bezwaar"},
        "json",
        created(LEAD),
    ),
    ("agenda-item-detail", "get", at(meeting_id="planned", pk="item"), no_data, "json", READ),
    ("agenda-item-detail", "put", at(meeting_id="planned", pk="item"), item_input, "json", LEAD),
    (
        "agenda-item-detail",
        "patch",
        at(meeting_id="planned", pk="item"),
        lambda s: {"client_impact": "Kortere wachttijden."},
        "json",
        LEAD,
    ),
    (
        "agenda-item-move",
        "post",
        at(meeting_id="planned", pk="item"),
        lambda s: {"direction": "down"},
        "json",
        MANAGE,
    ),
    (
        "agenda-item-documents",
        "post",
        at(meeting_id="planned", pk="item"),
        lambda s: {"file": pdf()},
        "multipart",
        created(MANAGE),
    ),
    ("attendance-list", "get", at(meeting_id="running"), no_data, "json", READ),
    (
        "attendance-list",
        "post",
        at(meeting_id="running"),
        lambda s: {"presence": [{"attendance": s.attendance.pk, "presence": "excused"}]},
        "json",
        MANAGE,
    ),
    (
        "attendance-mine",
        "post",
        at(meeting_id="published"),
        lambda s: {"response": "apologies"},
        "json",
        INVITED,
    ),
    ("proposal-list", "get", at(), no_data, "json", READ),
    (
        "proposal-list",
        "post",
        at(),
        lambda s: {"title": "Vervoer", "desired_type": "discussion"},
        "json",
        SUBMIT,
    ),
    ("proposal-detail", "get", at(pk="proposal"), no_data, "json", OWN_PROPOSAL),
    (
        "proposal-accept",
        "post",
        at(pk="proposal"),
        lambda s: {"meeting": s.planned.pk},
        "json",
        LEAD,
    ),
    ("proposal-defer", "post", at(pk="proposal"), lambda s: {"reason": "Later"}, "json", LEAD),
    (
        "proposal-decline",
        "post",
        at(pk="proposal"),
        lambda s: {"reason": "Buiten mandaat"},
        "json",
        LEAD,
    ),
    (
        "proposal-documents",
        "post",
        at(pk="proposal"),
        lambda s: {"file": pdf()},
        "multipart",
        created(OWN_PROPOSAL),
    ),
    ("decision-list", "get", at(), no_data, "json", READ),
    (
        "agenda-item-decisions",
        "post",
        at(meeting_id="running", pk="running_item"),
        decision_input,
        "json",
        created(LEAD),
    ),
    ("action-list", "get", at(), no_data, "json", READ),
    (
        "action-list",
        "post",
        at(),
        lambda s: {
            "title": "Cijfers delen",
            "owner": s.users["member"].pk,
            "due_date": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        },
        "json",
        created(LEAD),
    ),
    (
        "action-status",
        "post",
        at(pk="action"),
        lambda s: {"status": "done", "note": "Gedeeld"},
        "json",
        ACTION_OWNER,
    ),
    ("minutes-detail", "get", at(meeting_id="drafted"), no_data, "json", DRAFT_MINUTES),
    ("minutes-detail", "post", at(meeting_id="held"), no_data, "json", created(MANAGE)),
    (
        "minutes-detail",
        "put",
        at(meeting_id="drafted"),
        lambda s: {"text": "<p>Nieuw</p>", "revision": 1},
        "json",
        MANAGE,
    ),
    ("minutes-circulate", "post", at(meeting_id="drafted"), no_data, "json", MANAGE),
    (
        "minutes-correct",
        "post",
        at(meeting_id="closed"),
        lambda s: {"text": "<p>Verbeterd verslag.</p>", "reason": "Naam fout gespeld"},
        "json",
        MANAGE,
    ),
    (
        "minutes-approve",
        "post",
        at(meeting_id="running", pk="approval_item"),
        lambda s: {"amendments": ""},
        "json",
        LEAD,
    ),
    ("reaction-list", "get", at(meeting_id="planned", pk="item"), no_data, "json", READ),
    (
        "reaction-list",
        "post",
        at(meeting_id="planned", pk="item"),
        lambda s: {"text": "Onze achterban vindt dit belangrijk."},
        "json",
        REACT,
    ),
    (
        "reaction-detail",
        "delete",
        at(meeting_id="planned", pk="item", reaction_id=reaction),
        no_data,
        "json",
        {**AUTHOR, "member": 204},
    ),
    ("question-list", "get", at(meeting_id="planned", pk="item"), no_data, "json", READ),
    (
        "question-list",
        "post",
        at(meeting_id="planned", pk="item"),
        question_input,
        "json",
        created(AUTHOR),
    ),
    (
        "question-detail",
        "get",
        at(meeting_id="planned", pk="item", question_id=question),
        no_data,
        "json",
        REACT_READ,
    ),
    (
        "question-close",
        "post",
        at(meeting_id="planned", pk="item", question_id=question),
        no_data,
        "json",
        AUTHOR,
    ),
    (
        "meeting-reporter",
        "put",
        at(meeting_id="planned"),
        lambda s: {"reporter": s.users["member"].pk},
        "json",
        LEAD,
    ),
    (
        "meeting-report-back",
        "post",
        at(meeting_id=reported),
        lambda s: {"title": "Terugkoppeling Kerngroep", "text": "Het jaarplan is besproken."},
        "json",
        REPORTER,
    ),
    (
        "agenda-item-notes",
        "put",
        at(meeting_id="running", pk="running_item"),
        lambda s: {"notes": "Iedereen is het eens."},
        "json",
        LEAD,
    ),
    (
        "decision-positions",
        "post",
        at(meeting_id="running", pk="running_item", decision_id=reserved),
        lambda s: {"constituency": parents(s).pk, "stance": "reservation", "statement": "Zorgen"},
        "json",
        LEAD,
    ),
    (
        "agenda-item-from-action",
        "post",
        at(meeting_id="planned"),
        lambda s: {"action": s.action.pk},
        "json",
        created(MANAGE),
    ),
    ("mirrorable-item-list", "get", at(meeting_id="planned"), no_data, "json", LEAD),
    (
        "agenda-item-mirror",
        "post",
        at(meeting_id="planned"),
        lambda s: {"source_item": source(s).pk},
        "json",
        created(LEAD),
    ),
    ("mirrorable-advice-request-list", "get", at(meeting_id="planned"), no_data, "json", LEAD),
    (
        "agenda-item-mirror-advice",
        "post",
        at(meeting_id="planned"),
        lambda s: {"advice_request": advice_source(s).pk},
        "json",
        created(LEAD),
    ),
    (
        "agenda-item-client-perspective",
        "put",
        at(meeting_id="planned", pk=mirrored),
        lambda s: {"client_perspective": "Jongeren willen meebeslissen."},
        "json",
        LEAD,
    ),
]


@each_role(ROLES, ("name", "method", "kwargs", "payload", "fmt", "expected"), ENDPOINTS)
def test_every_meetings_endpoint_answers_each_role_as_the_pages_do(
    scene, role, name, method, kwargs, payload, fmt, expected
):
    address = url(name, scene, **kwargs(scene))
    check(scene.users, role, method, address, payload(scene), expected, fmt=fmt)


def test_meetings_endpoints_are_all_in_the_matrix():
    from aantafel.meetings import api

    assert routes(api.urlpatterns) == rows(ENDPOINTS)


def test_a_personal_api_token_reaches_the_meetings(scene):
    _token, key = api_token_create(actor=scene.users["member"], name="Agenda-app")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    response = client.get(url("meeting-list", scene))
    assert response.status_code == 200
    assert scene.planned.pk in [m["id"] for m in response.json()["results"]]


# --- M1, M5: meetings -----------------------------------------------------------------------------


@pytest.fixture
def supporter_api(scene, client_as):
    return client_as(scene.users["supporter"])


def test_m1_a_meeting_is_planned_with_a_place_and_audited(scene, supporter_api):
    response = supporter_api.post(
        url("meeting-list", scene),
        {
            "title": "Kerngroep april",
            "starts_at": local(30).isoformat(),
            "ends_at": local(30, 16).isoformat(),
            "online_url": "https://meet.example/kerngroep",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "planned"
    assert data["online_url"] == "https://meet.example/kerngroep"
    assert data["body"] == {"id": scene.body.pk, "name": "Kerngroep RTJ"}
    assert data["permissions"] == {
        "manage": True,
        "lead": True,
        "submit_item": True,
        "view_confidential": True,
    }
    meeting = Meeting.objects.get(pk=data["id"])
    assert AuditEvent.objects.filter(action="meeting.plan", target_id=str(meeting.pk)).exists()


def test_m1_a_meeting_cannot_be_planned_in_the_past(scene, supporter_api):
    response = supporter_api.post(
        url("meeting-list", scene),
        {
            "starts_at": local(-1).isoformat(),
            "ends_at": local(-1, 16).isoformat(),
            "location": "Hasselt",
        },
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["starts_at"]
    assert response.json()["errors"][0]["code"] == "past"


def test_m1_a_meeting_needs_a_place_or_a_link(scene, supporter_api):
    response = supporter_api.post(
        url("meeting-list", scene),
        {"starts_at": local(30).isoformat(), "ends_at": local(30, 16).isoformat()},
        format="json",
    )
    assert problem_fields(response) == ["location"]


def test_m1_a_series_keeps_the_time_of_day(scene, supporter_api):
    response = supporter_api.post(
        url("meeting-series", scene),
        {
            "starts_at": local(7, 19).isoformat(),
            "ends_at": local(7, 21).isoformat(),
            "location": "Hasselt",
            "frequency": "weekly",
            "count": 4,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    meetings = response.json()
    assert len(meetings) == 4
    series = {m["series"] for m in meetings}
    assert len(series) == 1
    assert None not in series
    assert {
        timezone.localtime(Meeting.objects.get(pk=m["id"]).starts_at).hour for m in meetings
    } == {19}


def test_m1_a_series_has_at_most_24_meetings(scene, supporter_api):
    response = supporter_api.post(
        url("meeting-series", scene),
        {**meeting_input(scene), "frequency": "weekly", "count": 30},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["count"]


def test_m1_the_meeting_list_filters_on_status_and_dates(scene, supporter_api):
    base = url("meeting-list", scene)
    ids = lambda params: [m["id"] for m in supporter_api.get(base, params).json()["results"]]  # noqa: E731
    assert ids({"status": "planned"}) == [scene.planned.pk]
    assert ids({"status": "published"}) == [scene.running.pk, scene.published.pk]
    assert ids({"from": (timezone.localdate() + datetime.timedelta(days=1)).isoformat()}) == [
        scene.published.pk,
        scene.planned.pk,
    ]
    assert ids({"to": (timezone.localdate() - datetime.timedelta(days=20)).isoformat()}) == [
        scene.closed.pk
    ]
    assert problem_fields(supporter_api.get(base, {"status": "gezellig"})) == ["status"]
    assert problem_fields(supporter_api.get(base, {"from": "gisteren"})) == ["from"]


def test_m1_the_list_shows_the_item_count(scene, supporter_api):
    listed = supporter_api.get(url("meeting-list", scene), {"status": "planned"}).json()
    assert listed["results"][0]["item_count"] == 3


def test_m4_the_detail_shows_the_agenda_with_time_slots_and_documents(scene, supporter_api):
    services.document_add(actor=scene.users["supporter"], upload=pdf(), item=scene.item)
    data = supporter_api.get(url("meeting-detail", scene, pk=scene.planned.pk)).json()
    titles = [i["title"] for i in data["items"]]
    assert titles == ["Jaarplan", "Klacht over een voorziening", "Rondvraag"]
    first, second, third = data["items"]
    assert first["starts_at"] == data["starts_at"]
    assert first["ends_at"] == second["starts_at"]
    assert second["ends_at"] == third["starts_at"]
    (document,) = first["documents"]
    assert document["original_name"] == "notitie.pdf"
    assert document["content_type"] == "application/pdf"
    assert document["late"] is False


def test_m4_confidential_items_are_left_out_for_members_of_other_bodies(scene, client_as):
    api = client_as(scene.users["other_member"])
    data = api.get(url("meeting-detail", scene, pk=scene.planned.pk)).json()
    assert [i["title"] for i in data["items"]] == ["Jaarplan", "Rondvraag"]
    assert data["permissions"]["view_confidential"] is False
    # the slots still count the confidential item's time
    assert data["items"][1]["starts_at"] != data["items"][0]["ends_at"]
    item = url("agenda-item-detail", scene, meeting_id=scene.planned.pk, pk=scene.secret.pk)
    assert api.get(item).status_code == 404
    member_api = client_as(scene.users["member"])
    assert member_api.get(item).json()["title"] == "Klacht over een voorziening"


def test_b1_a_meeting_of_another_body_is_not_found_under_this_body(scene, supporter_api):
    elsewhere = f.MeetingFactory(body=scene.other_body)
    response = supporter_api.get(url("meeting-detail", scene, pk=elsewhere.pk))
    assert response.status_code == 404
    problem_fields(response)


def test_m1_a_partial_update_keeps_the_rest_and_a_held_meeting_cannot_move(scene, supporter_api):
    response = supporter_api.patch(
        url("meeting-detail", scene, pk=scene.planned.pk), {"location": "Genk"}, format="json"
    )
    assert response.status_code == 200, response.content
    scene.planned.refresh_from_db()
    assert (scene.planned.location, scene.planned.title) == ("Genk", "Kerngroep maart")
    held = f.MeetingFactory(body=scene.body, held=True)
    response = supporter_api.patch(
        url("meeting-detail", scene, pk=held.pk), {"location": "Genk"}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "wrong_status"


def test_m5_cancelling_needs_a_reason_and_happens_once(scene, supporter_api):
    cancel = url("meeting-cancel", scene, pk=scene.published.pk)
    assert problem_fields(supporter_api.post(cancel, {"reason": " "}, format="json")) == ["reason"]
    response = supporter_api.post(cancel, {"reason": "Te weinig aanmeldingen"}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert response.json()["cancelled_reason"] == "Te weinig aanmeldingen"
    again = supporter_api.post(cancel, {"reason": "Nog steeds"}, format="json")
    assert again.status_code == 409


def test_m5_publishing_invites_the_members_once(scene, supporter_api):
    publish = url("meeting-publish", scene, pk=scene.planned.pk)
    response = supporter_api.post(publish)
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "published"
    invited = set(Attendance.objects.filter(meeting=scene.planned).values_list("user", flat=True))
    assert invited == {
        u.pk for r, u in scene.users.items() if r in ("member", "supporter", "chair")
    }
    assert {a["user"]["id"] for a in response.json()["attendances"]} == invited
    again = supporter_api.post(publish)
    assert again.status_code == 409
    assert again.json()["errors"][0]["code"] == "wrong_status"


def test_m5_an_empty_agenda_is_not_published(scene, supporter_api):
    empty = f.MeetingFactory(body=scene.body)
    response = supporter_api.post(url("meeting-publish", scene, pk=empty.pk))
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "empty_agenda"


def test_m1_a_meeting_is_held_only_once_it_has_started(scene, supporter_api):
    early = supporter_api.post(url("meeting-held", scene, pk=scene.published.pk))
    assert early.status_code == 409
    assert early.json()["errors"][0]["code"] == "not_started"
    response = supporter_api.post(url("meeting-held", scene, pk=scene.running.pk))
    assert response.status_code == 200
    assert response.json()["status"] == "held"
    # M6: no answer given → absent
    assert response.json()["attendances"][0]["presence"] == "absent"


# --- M3, M4: agenda items -------------------------------------------------------------------------


def test_m4_an_item_is_added_at_the_end_with_its_slot(scene, supporter_api):
    response = supporter_api.post(
        url("agenda-item-list", scene, meeting_id=scene.planned.pk),
        {
            "title": "Werkplan",
            "item_type": "decision",
            "presenter": scene.users["chair"].pk,
            "duration_minutes": 20,
            "client_impact": "Jongeren krijgen sneller hulp.",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["position"] == 4
    assert data["presenter"]["id"] == scene.users["chair"].pk
    # three items of 15 minutes before it
    starts = datetime.datetime.fromisoformat(data["starts_at"])
    assert starts == scene.planned.starts_at + datetime.timedelta(minutes=45)
    assert AuditEvent.objects.filter(action="agenda_item.add", target_id=str(data["id"])).exists()


def test_m4_the_presenter_must_be_a_member_of_the_body(scene, supporter_api):
    response = supporter_api.post(
        url("agenda-item-list", scene, meeting_id=scene.planned.pk),
        {**item_input(scene), "presenter": scene.users["other_member"].pk},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["presenter"]


def test_m3_once_the_meeting_has_started_items_need_the_meetings_approval(
    scene, supporter_api, client_as
):
    plain = supporter_api.post(
        url("agenda-item-list", scene, meeting_id=scene.running.pk),
        item_input(scene),
        format="json",
    )
    assert plain.status_code == 409
    assert plain.json()["errors"][0]["code"] == "m3_approval_required"
    at_meeting = url("agenda-item-at-meeting", scene, meeting_id=scene.running.pk)
    chair_api = client_as(scene.users["chair"])
    missing = chair_api.post(at_meeting, {**item_input(scene), "approval": " "}, format="json")
    assert problem_fields(missing) == ["approval"]
    response = chair_api.post(
        at_meeting, {**item_input(scene), "approval": "Akkoord van de vergadering"}, format="json"
    )
    assert response.status_code == 201
    assert response.json()["added_at_meeting"] is True
    assert response.json()["added_with_approval"] == "Akkoord van de vergadering"


def test_m3_an_item_for_a_meeting_to_come_is_not_added_at_the_meeting(scene, client_as):
    response = client_as(scene.users["chair"]).post(
        url("agenda-item-at-meeting", scene, meeting_id=scene.published.pk),
        {**item_input(scene), "approval": "Akkoord"},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "not_started"


def test_m4_after_the_start_the_chair_still_completes_the_client_impact(scene, client_as):
    chair_api = client_as(scene.users["chair"])
    item = url("agenda-item-detail", scene, meeting_id=scene.running.pk, pk=scene.running_item.pk)
    title = chair_api.patch(item, {"title": "Iets anders"}, format="json")
    assert title.status_code == 409
    response = chair_api.patch(item, {"client_impact": "Minder wachten."}, format="json")
    assert response.status_code == 200, response.content
    scene.running_item.refresh_from_db()
    assert scene.running_item.client_impact == "Minder wachten."
    assert scene.running_item.title == "Evaluatie"


def test_m4_an_item_moves_one_place(scene, supporter_api):
    move = url("agenda-item-move", scene, meeting_id=scene.planned.pk, pk=scene.item.pk)
    assert supporter_api.post(move, {"direction": "down"}, format="json").json()["position"] == 2
    assert list(
        AgendaItem.objects.filter(meeting=scene.planned).values_list("title", flat=True)
    ) == ["Klacht over een voorziening", "Jaarplan", "Rondvraag"]
    assert problem_fields(supporter_api.post(move, {"direction": "links"}, format="json")) == [
        "direction"
    ]


# --- M5: documents --------------------------------------------------------------------------------


def test_m5_a_document_added_after_publication_is_late(scene, supporter_api):
    item = f.AgendaItemFactory(meeting=scene.published, position=1)
    response = supporter_api.post(
        url("agenda-item-documents", scene, meeting_id=scene.published.pk, pk=item.pk),
        {"file": pdf("begroting.pdf"), "title": "Begroting 2026"},
        format="multipart",
    )
    assert response.status_code == 201, response.content
    assert response.json()["late"] is True
    assert response.json()["title"] == "Begroting 2026"
    document = Document.objects.get(pk=response.json()["id"])
    assert document.item == item
    with document.file.open("rb") as stored:
        assert stored.read() == PDF


def test_m5_a_file_of_a_kind_not_allowed_names_the_file(scene, supporter_api):
    response = supporter_api.post(
        url("agenda-item-documents", scene, meeting_id=scene.planned.pk, pk=scene.item.pk),
        {"file": SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf")},
        format="multipart",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["file"]
    assert response.json()["errors"][0]["code"] == "type_not_allowed"
    assert not Document.objects.exists()


def test_m2_the_submitter_adds_a_document_to_their_own_proposal(scene, client_as):
    response = client_as(scene.users["member"]).post(
        url("proposal-documents", scene, pk=scene.proposal.pk),
        {"file": pdf()},
        format="multipart",
    )
    assert response.status_code == 201
    assert Document.objects.get().proposal == scene.proposal


# --- M2: proposals --------------------------------------------------------------------------------


def test_m2_a_member_submits_an_item_through_the_supporter(scene, client_as):
    response = client_as(scene.users["member"]).post(
        url("proposal-list", scene),
        {
            "title": "Vervoer naar school",
            "explanation": "Lange reistijden.",
            "desired_type": "advice",
            "meeting": scene.planned.pk,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["status"], data["meeting"], data["item"]) == ("submitted", scene.planned.pk, None)
    assert data["submitted_by"]["id"] == scene.users["member"].pk


def test_m2_a_proposal_names_a_meeting_of_this_region_only(scene, client_as, other_region):
    elsewhere = f.MeetingFactory(body=f.BodyFactory(region=other_region))
    response = client_as(scene.users["member"]).post(
        url("proposal-list", scene),
        {"title": "Vervoer", "desired_type": "advice", "meeting": elsewhere.pk},
        format="json",
    )
    assert problem_fields(response) == ["meeting"]


def test_m2_minutes_approval_is_not_a_type_a_member_asks_for(scene, client_as):
    response = client_as(scene.users["member"]).post(
        url("proposal-list", scene),
        {"title": "Notulen", "desired_type": "minutes_approval"},
        format="json",
    )
    assert problem_fields(response) == ["desired_type"]


def test_m2_members_see_their_own_proposals_the_leaders_see_all(scene, client_as):
    services.proposal_submit(
        actor=scene.users["chair"],
        body=scene.body,
        title="Werving",
        explanation="",
        desired_type="discussion",
    )
    mine = client_as(scene.users["member"]).get(url("proposal-list", scene)).json()["results"]
    assert [p["title"] for p in mine] == ["Wachtlijsten jeugdhulp"]
    everyone = client_as(scene.users["supporter"]).get(url("proposal-list", scene)).json()
    assert [p["title"] for p in everyone["results"]] == ["Wachtlijsten jeugdhulp", "Werving"]
    other = client_as(scene.users["other_member"]).get(url("proposal-list", scene)).json()
    assert other["results"] == []


def test_m2_accepting_puts_the_item_on_the_agenda_once(scene, client_as):
    chair_api = client_as(scene.users["chair"])
    accept = url("proposal-accept", scene, pk=scene.proposal.pk)
    response = chair_api.post(
        accept, {"meeting": scene.planned.pk, "duration_minutes": 25}, format="json"
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["status"] == "accepted"
    item = AgendaItem.objects.get(pk=data["item"])
    assert (item.meeting, item.title, item.duration_minutes) == (
        scene.planned,
        "Wachtlijsten jeugdhulp",
        25,
    )
    again = chair_api.post(accept, {"meeting": scene.planned.pk}, format="json")
    assert again.status_code == 409
    assert again.json()["errors"][0]["code"] == "already_decided"


def test_m2_accepting_for_a_meeting_under_way_needs_the_meetings_approval(scene, client_as):
    response = client_as(scene.users["chair"]).post(
        url("proposal-accept", scene, pk=scene.proposal.pk),
        {"meeting": scene.running.pk},
        format="json",
    )
    assert response.status_code == 409


def test_m2_declining_needs_a_reason_the_submitter_reads(scene, client_as):
    supporter_api = client_as(scene.users["supporter"])
    decline = url("proposal-decline", scene, pk=scene.proposal.pk)
    assert problem_fields(supporter_api.post(decline, {"reason": "  "}, format="json")) == [
        "reason"
    ]
    response = supporter_api.post(decline, {"reason": "Buiten ons mandaat"}, format="json")
    assert response.json()["status"] == "declined"
    assert response.json()["decision_reason"] == "Buiten ons mandaat"
    late = client_as(scene.users["member"]).post(
        url("proposal-documents", scene, pk=scene.proposal.pk), {"file": pdf()}, format="multipart"
    )
    assert late.status_code == 409


def test_m2_deferring_moves_the_item_to_a_later_meeting(scene, client_as):
    response = client_as(scene.users["supporter"]).post(
        url("proposal-defer", scene, pk=scene.proposal.pk),
        {"meeting": scene.planned.pk, "reason": "Eerst het jaarplan"},
        format="json",
    )
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["meeting"]) == ("deferred", scene.planned.pk)
    held = f.MeetingFactory(body=scene.body, held=True)
    response = client_as(scene.users["supporter"]).post(
        url("proposal-defer", scene, pk=scene.proposal.pk), {"meeting": held.pk}, format="json"
    )
    assert problem_fields(response) == ["meeting"]


def test_m2_the_proposal_list_filters_on_status(scene, client_as):
    services.proposal_decline(actor=scene.users["supporter"], proposal=scene.proposal, reason="Nee")
    api = client_as(scene.users["supporter"])
    assert api.get(url("proposal-list", scene), {"status": "submitted"}).json()["results"] == []
    declined = api.get(url("proposal-list", scene), {"status": "declined"}).json()["results"]
    assert [p["id"] for p in declined] == [scene.proposal.pk]
    assert ItemProposal.objects.get().status == ProposalStatus.DECLINED


# --- M6: attendance -------------------------------------------------------------------------------


def test_m6_an_invited_member_sends_apologies(scene, client_as):
    response = client_as(scene.users["member"]).post(
        url("attendance-mine", scene, meeting_id=scene.published.pk),
        {"response": "apologies"},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["response"] == "apologies"
    assert Attendance.objects.get(meeting=scene.published, user=scene.users["member"]).responded_at


def test_m6_answers_close_when_the_meeting_starts(scene, client_as):
    response = client_as(scene.users["member"]).post(
        url("attendance-mine", scene, meeting_id=scene.running.pk),
        {"response": "attending"},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "not_open"


def test_m6_the_supporter_records_presence_once_the_meeting_has_started(scene, supporter_api):
    record = url("attendance-list", scene, meeting_id=scene.running.pk)
    response = supporter_api.post(
        record,
        {"presence": [{"attendance": scene.attendance.pk, "presence": "present"}]},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert [a["presence"] for a in response.json()] == ["present"]
    unknown = supporter_api.post(
        record, {"presence": [{"attendance": 999999, "presence": "present"}]}, format="json"
    )
    assert unknown.status_code == 400
    early = supporter_api.post(
        url("attendance-list", scene, meeting_id=scene.published.pk),
        {"presence": [{"attendance": scene.attendance.pk, "presence": "present"}]},
        format="json",
    )
    assert early.status_code == 409


# --- M8, M9: decisions and actions ----------------------------------------------------------------


def test_m8_a_decision_is_recorded_under_the_bodys_rule(scene, client_as):
    chair_api = client_as(scene.users["chair"])
    decisions = url(
        "agenda-item-decisions", scene, meeting_id=scene.running.pk, pk=scene.running_item.pk
    )
    majority = chair_api.post(
        decisions, {"text": "Aangenomen.", "outcome": "adopted"}, format="json"
    )
    assert majority.status_code == 400
    assert problem_fields(majority) == ["outcome"]
    response = chair_api.post(decisions, decision_input(scene), format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["decision_rule"], data["outcome"], data["item"]) == (
        "consensus",
        "agreed",
        scene.running_item.pk,
    )
    assert data["meeting"] == scene.running.pk
    register = chair_api.get(url("decision-list", scene), {"outcome": "agreed"}).json()
    assert [d["id"] for d in register["results"]] == [data["id"]]
    assert Decision.objects.get().recorded_by == scene.users["chair"]


def test_m8_decisions_wait_until_the_meeting_has_started(scene, client_as):
    response = client_as(scene.users["chair"]).post(
        url("agenda-item-decisions", scene, meeting_id=scene.planned.pk, pk=scene.item.pk),
        decision_input(scene),
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "not_started"


def test_m9_actions_filter_on_status_owner_and_overdue(scene, client_as):
    late = f.ActionFactory(body=scene.body, owner=scene.users["chair"], overdue=True)
    f.ActionFactory(body=scene.body, owner=scene.users["chair"], status="done")
    api = client_as(scene.users["member"])
    base = url("action-list", scene)
    ids = lambda params: [a["id"] for a in api.get(base, params).json()["results"]]  # noqa: E731
    assert ids({"overdue": "true"}) == [late.pk]
    assert ids({"owner": scene.users["member"].pk}) == [scene.action.pk]
    assert ids({"owner": scene.users["chair"].pk, "status": "open"}) == [late.pk]
    assert ids({"owner": 999999}) == []
    flagged = {a["id"]: a["is_overdue"] for a in api.get(base).json()["results"]}
    assert flagged[late.pk] is True
    assert flagged[scene.action.pk] is False
    assert problem_fields(api.get(base, {"status": "bijna"})) == ["status"]


def test_m9_an_action_is_given_to_a_current_member(scene, client_as):
    chair_api = client_as(scene.users["chair"])
    due = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    outside = chair_api.post(
        url("action-list", scene),
        {"title": "Folder", "owner": scene.users["other_member"].pk, "due_date": due},
        format="json",
    )
    assert problem_fields(outside) == ["owner"]
    response = chair_api.post(
        url("action-list", scene),
        {"title": "Folder", "owner": scene.users["member"].pk, "due_date": due},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["owner"]["id"] == scene.users["member"].pk
    assert response.json()["status"] == "open"


def test_m9_the_owner_marks_their_action_done(scene, client_as):
    status = url("action-status", scene, pk=scene.action.pk)
    api = client_as(scene.users["member"])
    response = api.post(status, {"status": "done", "note": "Cijfers gedeeld"}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "done"
    assert response.json()["completed_at"]
    assert problem_fields(api.post(status, {"status": "half"}, format="json")) == ["status"]


def test_m9_an_action_of_a_confidential_item_is_hidden_from_others(scene, client_as):
    secret_action = f.ActionFactory(body=scene.body, owner=scene.users["member"], item=scene.secret)
    other = client_as(scene.users["other_member"])
    listed = [a["id"] for a in other.get(url("action-list", scene)).json()["results"]]
    assert secret_action.pk not in listed
    response = other.post(url("action-status", scene, pk=secret_action.pk), {"status": "done"})
    assert response.status_code == 404


# --- M10: minutes ---------------------------------------------------------------------------------


def test_m10_a_save_names_its_revision_and_a_stale_one_is_a_conflict(scene, supporter_api):
    minutes = url("minutes-detail", scene, meeting_id=scene.drafted.pk)
    first = supporter_api.put(minutes, {"text": "<p>Versie A</p>", "revision": 1}, format="json")
    assert first.status_code == 200, first.content
    assert first.json()["revision"] == 2
    stale = supporter_api.put(minutes, {"text": "<p>Versie B</p>", "revision": 1}, format="json")
    assert stale.status_code == 409
    assert problem_fields(stale) == ["text"]
    assert stale.json()["errors"][0]["code"] == "edited_by_someone_else"
    assert Minutes.objects.get(pk=scene.minutes.pk).text == "<p>Versie A</p>"


def test_m10_scripts_do_not_survive_a_save(scene, supporter_api):
    response = supporter_api.put(
        url("minutes-detail", scene, meeting_id=scene.drafted.pk),
        {"text": "<p>Tekst</p><script>alert(1)</script>", "revision": 1},
        format="json",
    )
    assert "<script" not in response.json()["text"]


def test_m10_minutes_are_approved_once_and_frozen(scene, client_as):
    chair_api = client_as(scene.users["chair"])
    approve = url("minutes-approve", scene, meeting_id=scene.running.pk, pk=scene.approval_item.pk)
    response = chair_api.post(approve, {"amendments": "Punt 3 aangevuld"}, format="json")
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["status"], data["approved_in"]) == ("approved", scene.running.pk)
    assert [(v["number"], v["amendments"]) for v in data["versions"]] == [(1, "Punt 3 aangevuld")]
    again = chair_api.post(approve, {}, format="json")
    assert again.status_code == 409
    assert again.json()["errors"][0]["code"] == "already_approved"
    frozen = client_as(scene.users["supporter"]).put(
        url("minutes-detail", scene, meeting_id=scene.drafted.pk),
        {"text": "<p>Stiekem</p>", "revision": 1},
        format="json",
    )
    assert frozen.status_code == 409
    assert frozen.json()["errors"][0]["code"] == "frozen"


def test_m10_only_an_approval_item_approves_minutes(scene, client_as):
    response = client_as(scene.users["chair"]).post(
        url("minutes-approve", scene, meeting_id=scene.running.pk, pk=scene.running_item.pk),
        {},
        format="json",
    )
    assert response.status_code == 404


def test_m10_a_correction_is_a_new_version_never_an_edit(scene, supporter_api):
    correct = url("minutes-correct", scene, meeting_id=scene.closed.pk)
    response = supporter_api.post(
        correct, {"text": "<p>Verbeterd.</p>", "reason": "Naam fout"}, format="json"
    )
    assert response.status_code == 200
    assert [(v["number"], v["reason"]) for v in response.json()["versions"]] == [
        (1, ""),
        (2, "Naam fout"),
    ]
    assert MinutesVersion.objects.get(minutes__meeting=scene.closed, number=1).text == (
        "<p>Vastgesteld verslag.</p>"
    )
    draft = supporter_api.post(
        url("minutes-correct", scene, meeting_id=scene.drafted.pk),
        {"text": "<p>X</p>", "reason": "Y"},
        format="json",
    )
    assert draft.status_code == 409
    assert draft.json()["errors"][0]["code"] == "not_approved"


def test_m10_minutes_are_drafted_once_from_the_record(scene, supporter_api):
    draft = url("minutes-detail", scene, meeting_id=scene.held.pk)
    response = supporter_api.post(draft)
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "draft"
    assert response.json()["revision"] == 1
    again = supporter_api.post(draft)
    assert again.status_code == 409
    assert not_drafted(supporter_api, scene).status_code == 404


def not_drafted(api, scene):
    return api.get(url("minutes-detail", scene, meeting_id=scene.planned.pk))


def test_m10_draft_minutes_are_for_the_body_approved_ones_for_the_region(scene, client_as):
    other = client_as(scene.users["other_member"])
    assert other.get(url("minutes-detail", scene, meeting_id=scene.drafted.pk)).status_code == 403
    approved = other.get(url("minutes-detail", scene, meeting_id=scene.closed.pk))
    assert approved.status_code == 200
    assert approved.json()["text"] == "<p>Vastgesteld verslag.</p>"


# --- M12: reactions -------------------------------------------------------------------------------


def test_m12_a_member_reacts_before_the_meeting(scene, client_as):
    api = client_as(scene.users["member"])
    reactions = url("reaction-list", scene, meeting_id=scene.planned.pk, pk=scene.item.pk)
    response = api.post(reactions, {"text": "Graag aandacht voor wachttijden."}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["author"]["id"] == scene.users["member"].pk
    listed = client_as(scene.users["other_member"]).get(reactions).json()["results"]
    assert [r["text"] for r in listed] == ["Graag aandacht voor wachttijden."]
    assert Reaction.objects.get().item == scene.item


def test_m12_reactions_close_when_the_meeting_starts(scene, client_as):
    response = client_as(scene.users["member"]).post(
        url("reaction-list", scene, meeting_id=scene.running.pk, pk=scene.running_item.pk),
        {"text": "Te laat"},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "started"


def test_m12_a_confidential_items_reactions_are_not_found_by_others(scene, client_as):
    response = client_as(scene.users["other_member"]).get(
        url("reaction-list", scene, meeting_id=scene.planned.pk, pk=scene.secret.pk)
    )
    assert response.status_code == 404


# --- Documents: the download link -----------------------------------------------------------------


def test_m5_the_document_link_downloads_the_file_for_whoever_sees_the_item(scene, client_as):
    services.document_add(actor=scene.users["supporter"], upload=pdf(), item=scene.item)
    api = client_as(scene.users["other_member"])
    data = api.get(url("meeting-detail", scene, pk=scene.planned.pk)).json()
    link = data["items"][0]["documents"][0]["download_url"]
    assert link.startswith("http://testserver/")
    download = api.get(link)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    download.close()


def test_m2_a_proposals_document_has_a_link_once_it_has_a_meeting(scene, client_as):
    api = client_as(scene.users["member"])
    upload = url("proposal-documents", scene, pk=scene.proposal.pk)
    assert api.post(upload, {"file": pdf()}, format="multipart").json()["download_url"] is None
    services.proposal_defer(
        actor=scene.users["supporter"], proposal=scene.proposal, meeting=scene.planned
    )
    (document,) = api.get(url("proposal-detail", scene, pk=scene.proposal.pk)).json()["documents"]
    assert document["download_url"].endswith(f"/stukken/{document['id']}/")


# --- Reads are budgeted ---------------------------------------------------------------------------


def _queries(client, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200, response.content
    return len(queries)


def _grow(scene, count: int) -> None:
    """`count` more meetings, each with items, documents and invited members."""
    for _ in range(count):
        meeting = f.MeetingFactory(body=scene.body, published=True)
        for position in (1, 2):
            item = f.AgendaItemFactory(
                meeting=meeting, position=position, presenter=scene.users["chair"]
            )
            Document.objects.create(
                region=scene.region,
                item=item,
                title="Stuk",
                file="meetings/x",
                original_name="stuk.pdf",
                content_type="application/pdf",
                size=10,
            )
        f.AttendanceFactory(meeting=meeting)


def _grow_meeting(meeting: Meeting, count: int, presenter) -> None:
    for _ in range(count):
        item = f.AgendaItemFactory(
            meeting=meeting,
            position=AgendaItem.objects.filter(meeting=meeting).count() + 1,
            presenter=presenter,
        )
        Document.objects.create(
            region=meeting.region,
            item=item,
            title="Stuk",
            file="meetings/x",
            original_name="stuk.pdf",
            content_type="application/pdf",
            size=10,
        )
        f.AttendanceFactory(meeting=meeting)


BUDGET = 14  # as the bodies API: session, two-factor check and region included


@pytest.mark.parametrize("role", ["supporter", "member", "other_member"])
def test_the_meeting_list_runs_a_fixed_number_of_queries(scene, client_as, role):
    api = client_as(scene.users[role])
    address = url("meeting-list", scene)
    api.get(address)  # warm up the session
    small = _queries(api, address)
    _grow(scene, 30)
    large = _queries(api, address)
    assert small == large
    assert large <= BUDGET, large


@pytest.mark.parametrize("role", ["supporter", "member", "other_member"])
def test_the_meeting_detail_runs_a_fixed_number_of_queries(scene, client_as, role):
    api = client_as(scene.users[role])
    address = url("meeting-detail", scene, pk=scene.published.pk)
    _grow_meeting(scene.published, 2, scene.users["chair"])
    api.get(address)
    small = _queries(api, address)
    _grow_meeting(scene.published, 40, scene.users["chair"])
    large = _queries(api, address)
    assert small == large
    assert large <= BUDGET, large
    assert len(api.get(address).json()["items"]) == 42


def test_the_proposal_list_runs_a_fixed_number_of_queries(scene, client_as):
    api = client_as(scene.users["supporter"])
    address = url("proposal-list", scene)
    api.get(address)
    small = _queries(api, address)
    for i in range(20):
        proposal = services.proposal_submit(
            actor=scene.users["member"],
            body=scene.body,
            title=f"Punt {i}",
            explanation="",
            desired_type="discussion",
        )
        services.document_add(actor=scene.users["member"], upload=pdf(), proposal=proposal)
    large = _queries(api, address)
    assert small == large
    assert large <= BUDGET, large


# --- M7: reporting back to the parent body --------------------------------------------------------


def test_m7_the_reporter_is_a_current_member_of_the_body(scene, client_as):
    chair_api = client_as(scene.users["chair"])
    reporter = url("meeting-reporter", scene, meeting_id=scene.planned.pk)
    outside = chair_api.put(reporter, {"reporter": scene.users["other_member"].pk}, format="json")
    assert outside.status_code == 400
    assert problem_fields(outside) == ["reporter"]
    ended = f.MembershipFactory(body=scene.body, ended=True).user
    former = chair_api.put(reporter, {"reporter": ended.pk}, format="json")
    assert problem_fields(former) == ["reporter"]
    assert former.json()["errors"][0]["code"] == "unknown"
    response = chair_api.put(reporter, {"reporter": scene.users["member"].pk}, format="json")
    assert response.status_code == 200, response.content
    assert response.json() == {
        "meeting": scene.planned.pk,
        "reporter": {"id": scene.users["member"].pk, "name": str(scene.users["member"])},
        "parent_body": {"id": scene.body.parent_id, "name": "IROJ Limburg"},
    }
    assert Meeting.objects.get(pk=scene.planned.pk).reporter == scene.users["member"]
    assert AuditEvent.objects.filter(
        action="meeting.reporter", target_id=str(scene.planned.pk)
    ).exists()
    removed = chair_api.put(reporter, {"reporter": None}, format="json")
    assert removed.json()["reporter"] is None


def test_m7_a_body_without_a_parent_has_nobody_to_report_to(scene, client_as):
    meeting = f.MeetingFactory(body=scene.other_body)
    response = client_as(scene.users["region_admin"]).put(
        reverse(
            "v1:meeting-reporter",
            kwargs={
                "region_slug": scene.region.slug,
                "body_id": scene.other_body.pk,
                "meeting_id": meeting.pk,
            },
        ),
        {"reporter": scene.users["other_member"].pk},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["reporter"]
    assert response.json()["errors"][0]["code"] == "no_parent_body"


def test_m7_the_report_back_becomes_a_proposal_of_the_parent_body_once(scene, client_as):
    api = client_as(scene.users["member"])
    meeting = reported(scene)
    send = url("meeting-report-back", scene, meeting_id=meeting.pk)
    blank = api.post(send, {"title": " ", "text": "Besproken."}, format="json")
    assert problem_fields(blank) == ["title"]
    response = api.post(send, {"title": "Terugkoppeling", "text": "Besproken."}, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["desired_type"], data["source"], data["status"]) == (
        "report_back",
        "report_back",
        "submitted",
    )
    proposal = ItemProposal.objects.get(pk=data["id"])
    assert (proposal.body_id, proposal.source_meeting) == (scene.body.parent_id, meeting)
    again = api.post(send, {"title": "Nog eens", "text": "Besproken."}, format="json")
    assert again.status_code == 409
    assert again.json()["errors"][0]["code"] == "already_submitted"


def test_m7_a_report_back_waits_until_the_meeting_has_taken_place(scene, client_as):
    services.meeting_assign_reporter(
        actor=scene.users["chair"], meeting=scene.published, reporter=scene.users["member"]
    )
    response = client_as(scene.users["member"]).post(
        url("meeting-report-back", scene, meeting_id=scene.published.pk),
        {"title": "Te vroeg", "text": "Nog niets."},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "not_started"
    assert not ItemProposal.objects.filter(source_meeting=scene.published).exists()


# --- M8: the constituencies' positions ------------------------------------------------------------


def positions(s, decision) -> str:
    return url(
        "decision-positions",
        s,
        meeting_id=s.running.pk,
        pk=s.running_item.pk,
        decision_id=decision.pk,
    )


def test_m8_positions_belong_to_decisions_by_consensus_with_reservation(scene, client_as):
    chair_api = client_as(scene.users["chair"])
    plain = f.DecisionFactory(item=scene.running_item)
    response = chair_api.post(
        positions(scene, plain),
        {"constituency": parents(scene).pk, "stance": "reservation"},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["constituency"]
    assert response.json()["errors"][0]["code"] == "positions_not_allowed"


def test_m8_a_constituency_records_and_changes_its_position(scene, client_as, other_region):
    chair_api = client_as(scene.users["chair"])
    address = positions(scene, reserved(scene))
    elsewhere = f.ConstituencyFactory(region=other_region)
    unknown = chair_api.post(
        address, {"constituency": elsewhere.pk, "stance": "agrees"}, format="json"
    )
    assert problem_fields(unknown) == ["constituency"]
    first = chair_api.post(
        address,
        {"constituency": parents(scene).pk, "stance": "reservation", "statement": "Zorgen"},
        format="json",
    )
    assert first.status_code == 200, first.content
    changed = chair_api.post(
        address, {"constituency": parents(scene).pk, "stance": "agrees"}, format="json"
    )
    assert [(p["constituency"]["id"], p["stance"]) for p in changed.json()["positions"]] == [
        (parents(scene).pk, "agrees")
    ]
    assert AuditEvent.objects.filter(action="position.update").exists()


def test_m8_agreed_with_reservations_keeps_a_reservation(scene, client_as):
    decision = reserved(scene)
    Decision.objects.filter(pk=decision.pk).update(outcome="agreed_with_reservations")
    services.position_record(
        actor=scene.users["chair"],
        decision=decision,
        constituency=parents(scene),
        stance="reservation",
    )
    response = client_as(scene.users["chair"]).post(
        positions(scene, decision),
        {"constituency": parents(scene).pk, "stance": "agrees"},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["stance"]
    assert response.json()["errors"][0]["code"] == "reservation_required"
    assert decision.positions.get().stance == "reservation"


def test_m8_a_decision_of_another_item_is_not_found(scene, client_as):
    other = f.DecisionFactory(
        item=f.AgendaItemFactory(meeting=scene.running, position=3),
        decision_rule=DecisionRule.CONSENSUS_WITH_RESERVATION,
    )
    response = client_as(scene.users["chair"]).post(
        positions(scene, other),
        {"constituency": parents(scene).pk, "stance": "agrees"},
        format="json",
    )
    assert response.status_code == 404


# --- M9: an open action back on the agenda --------------------------------------------------------


def test_m9_an_open_action_is_put_on_the_agenda_once(scene, supporter_api):
    add = url("agenda-item-from-action", scene, meeting_id=scene.planned.pk)
    response = supporter_api.post(add, {"action": scene.action.pk}, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["follows_up_action"], data["item_type"]) == (scene.action.pk, "discussion")
    assert data["presenter"]["id"] == scene.users["member"].pk
    again = supporter_api.post(add, {"action": scene.action.pk}, format="json")
    assert again.status_code == 409
    assert again.json()["errors"][0]["code"] == "duplicate"


def test_m9_only_an_open_action_of_this_body_comes_back(scene, supporter_api):
    add = url("agenda-item-from-action", scene, meeting_id=scene.planned.pk)
    done = f.ActionFactory(body=scene.body, owner=scene.users["member"], status="done")
    closed = supporter_api.post(add, {"action": done.pk}, format="json")
    assert closed.status_code == 400
    assert closed.json()["errors"][0]["code"] == "not_open"
    assert problem_fields(closed) == ["action"]
    elsewhere = f.ActionFactory(body=scene.other_body)
    assert problem_fields(supporter_api.post(add, {"action": elsewhere.pk}, format="json")) == [
        "action"
    ]
    started = supporter_api.post(
        url("agenda-item-from-action", scene, meeting_id=scene.running.pk),
        {"action": scene.action.pk},
        format="json",
    )
    assert started.status_code == 409
    assert started.json()["errors"][0]["code"] == "m3_approval_required"
    assert not AgendaItem.objects.filter(follows_up_action__isnull=False).exists()


def test_m4_an_action_of_a_confidential_item_is_unknown_to_whoever_may_not_see_it(scene, client_as):
    secret_action = f.ActionFactory(body=scene.body, owner=scene.users["member"], item=scene.secret)
    response = client_as(scene.users["region_admin"]).post(
        url("agenda-item-from-action", scene, meeting_id=scene.planned.pk),
        {"action": secret_action.pk},
        format="json",
    )
    assert problem_fields(response) == ["action"]


# --- M10: notes on an item ------------------------------------------------------------------------


def test_m10_notes_are_taken_once_the_meeting_has_started(scene, client_as):
    chair_api = client_as(scene.users["chair"])
    early = chair_api.put(
        url("agenda-item-notes", scene, meeting_id=scene.planned.pk, pk=scene.item.pk),
        {"notes": "Te vroeg"},
        format="json",
    )
    assert early.status_code == 409
    assert early.json()["errors"][0]["code"] == "not_started"
    notes = url("agenda-item-notes", scene, meeting_id=scene.running.pk, pk=scene.running_item.pk)
    assert problem_fields(chair_api.put(notes, {}, format="json")) == ["notes"]
    response = chair_api.put(notes, {"notes": "  Iedereen is het eens.  "}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["notes"] == "Iedereen is het eens."
    assert AgendaItem.objects.get(pk=scene.running_item.pk).notes == "Iedereen is het eens."
    assert AuditEvent.objects.filter(
        action="agenda_item.notes", target_id=str(scene.running_item.pk)
    ).exists()


# --- M12: withdrawing a reaction, questions to the constituency ----------------------------------


def test_m12_only_the_author_withdraws_their_reaction(scene, client_as):
    mine = reaction(scene)
    address = url(
        "reaction-detail", scene, meeting_id=scene.planned.pk, pk=scene.item.pk, reaction_id=mine.pk
    )
    other = client_as(scene.users["chair"]).delete(address)
    assert other.status_code == 400
    assert other.json()["errors"][0]["code"] == "not_author"
    response = client_as(scene.users["member"]).delete(address)
    assert response.status_code == 204
    assert not Reaction.objects.exists()
    assert AuditEvent.objects.filter(action="reaction.withdraw").exists()
    assert client_as(scene.users["member"]).delete(address).status_code == 404


def test_m12_a_reaction_stays_once_the_meeting_has_started(scene, client_as):
    late = Reaction.objects.create(
        region=scene.region, item=scene.running_item, author=scene.users["member"], text="Eerder"
    )
    response = client_as(scene.users["member"]).delete(
        url(
            "reaction-detail",
            scene,
            meeting_id=scene.running.pk,
            pk=scene.running_item.pk,
            reaction_id=late.pk,
        )
    )
    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "started"
    assert Reaction.objects.filter(pk=late.pk).exists()


def questions(s, item=None, meeting=None) -> str:
    item = item or s.item
    return url("question-list", s, meeting_id=(meeting or s.planned).pk, pk=item.pk)


def test_m12_only_a_representative_consults_a_constituency(scene, client_as):
    response = client_as(scene.users["chair"]).post(
        questions(scene), question_input(scene), format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "not_a_representative"
    assert not ConstituencyQuestion.objects.exists()


def test_m12_the_answer_link_is_given_once(scene, client_as):
    api = client_as(scene.users["member"])
    response = api.post(questions(scene), question_input(scene), format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert (
        data["answer_url"] == f"http://testserver{reverse('question_answer', args=[data['token']])}"
    )
    assert (data["constituency"]["id"], data["mine"], data["is_open"]) == (
        parents(scene).pk,
        True,
        True,
    )
    asked = ConstituencyQuestion.objects.get(pk=data["id"])
    assert services.question_by_token(data["token"]) == asked
    assert asked.token_hash != data["token"]  # only a hash is kept
    detail = api.get(
        url(
            "question-detail",
            scene,
            meeting_id=scene.planned.pk,
            pk=scene.item.pk,
            question_id=asked.pk,
        )
    ).json()
    assert "token" not in detail
    assert "answer_url" not in detail
    listed = api.get(questions(scene)).json()["results"]
    assert ["token" in q for q in listed] == [False]


def test_m12_a_question_closes_before_the_meeting_starts(scene, client_as):
    response = client_as(scene.users["member"]).post(
        questions(scene),
        {**question_input(scene), "closes_at": local(25).isoformat()},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["closes_at"]
    assert response.json()["errors"][0]["code"] == "after_start"


def test_m12_a_confidential_item_is_not_put_to_the_constituency(scene, client_as):
    response = client_as(scene.users["member"]).post(
        questions(scene, item=scene.secret), question_input(scene), format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "confidential"


def test_m12_the_list_counts_the_answers_and_the_table_reads_them(scene, client_as):
    parents(scene)
    asked, token = services.question_ask(
        actor=scene.users["member"],
        item=scene.item,
        question="Wat vinden jullie?",
        closes_at=local(7),
    )
    services.question_answer(token=token, text="Goed plan.")
    services.question_answer(token=token, text="Meer uitleg graag.")
    listed = client_as(scene.users["other_member"]).get(questions(scene)).json()["results"]
    assert [(q["id"], q["answer_count"], q["mine"]) for q in listed] == [(asked.pk, 2, False)]
    assert "answers" not in listed[0]
    detail = url(
        "question-detail",
        scene,
        meeting_id=scene.planned.pk,
        pk=scene.item.pk,
        question_id=asked.pk,
    )
    answers = client_as(scene.users["chair"]).get(detail).json()["answers"]
    assert [a["text"] for a in answers] == ["Goed plan.", "Meer uitleg graag."]
    assert client_as(scene.users["other_member"]).get(detail).status_code == 403


def test_m12_only_the_asker_closes_the_question(scene, client_as):
    asked = question(scene)
    close = url(
        "question-close", scene, meeting_id=scene.planned.pk, pk=scene.item.pk, question_id=asked.pk
    )
    other = client_as(scene.users["chair"]).post(close)
    assert other.status_code == 400
    assert other.json()["errors"][0]["code"] == "not_asker"
    response = client_as(scene.users["member"]).post(close)
    assert response.status_code == 200, response.content
    assert response.json()["is_open"] is False
    assert not services.question_is_open(ConstituencyQuestion.objects.get(pk=asked.pk))
    assert AuditEvent.objects.filter(action="question.close").exists()


def test_m12_a_question_of_another_item_is_not_found(scene, client_as):
    asked = question(scene)
    other_item = url(
        "question-detail",
        scene,
        meeting_id=scene.planned.pk,
        pk=AgendaItem.objects.get(meeting=scene.planned, position=3).pk,
        question_id=asked.pk,
    )
    assert client_as(scene.users["member"]).get(other_item).status_code == 404


# --- M14: mirroring the parent body's items -------------------------------------------------------


def test_m14_only_a_client_representatives_consultation_has_items_to_mirror(scene, supporter_api):
    f.AgendaItemFactory(
        meeting=f.MeetingFactory(body=scene.body.parent, starts_at=local(35)), title="Actieplan"
    )
    address = url("mirrorable-item-list", scene, meeting_id=scene.planned.pk)
    assert supporter_api.get(address).json()["results"] == []


def test_m14_the_parent_bodys_open_items_are_offered_and_mirrored_once(scene, supporter_api):
    offered = source(scene)
    f.AgendaItemFactory(meeting=offered.meeting, title="Geheim", confidential=True)
    address = url("mirrorable-item-list", scene, meeting_id=scene.planned.pk)
    listed = supporter_api.get(address).json()["results"]
    assert [(i["id"], i["mirrored_as"]) for i in listed] == [(offered.pk, None)]
    assert listed[0]["meeting"]["body"] == {"id": scene.body.parent_id, "name": "IROJ Limburg"}
    mirror = url("agenda-item-mirror", scene, meeting_id=scene.planned.pk)
    response = supporter_api.post(
        mirror,
        {"source_item": offered.pk, "client_perspective": "Eerst de jongeren horen."},
        format="json",
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["mirrors"], data["title"], data["client_perspective"]) == (
        offered.pk,
        "Regionaal actieplan",
        "Eerst de jongeren horen.",
    )
    assert supporter_api.get(address).json()["results"][0]["mirrored_as"] == data["id"]
    again = supporter_api.post(mirror, {"source_item": offered.pk}, format="json")
    assert again.status_code == 409
    assert again.json()["errors"][0]["code"] == "duplicate"


def test_m14_an_open_advice_request_of_the_parent_body_is_offered_and_mirrored_once(
    scene, supporter_api
):
    offered = advice_source(scene)
    address = url("mirrorable-advice-request-list", scene, meeting_id=scene.planned.pk)
    listed = supporter_api.get(address).json()["results"]
    assert [(a["id"], a["mirrored_as"]) for a in listed] == [(offered.pk, None)]
    mirror = url("agenda-item-mirror-advice", scene, meeting_id=scene.planned.pk)
    response = supporter_api.post(mirror, {"advice_request": offered.pk}, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["mirrors_advice"], data["item_type"], data["explanation"]) == (
        offered.pk,
        "advice",
        offered.question,
    )
    assert supporter_api.get(address).json()["results"][0]["mirrored_as"] == data["id"]
    again = supporter_api.post(mirror, {"advice_request": offered.pk}, format="json")
    assert again.status_code == 409


def test_m14_an_advice_request_of_another_body_is_unknown_to_the_mirror(scene, supporter_api):
    advice_source(scene)
    other = AdviceRequest.objects.create(
        region=scene.body.region,
        body=scene.body,  # to the consultation itself, not its parent
        requester_kind=RequesterKind.OTHER,
        requester_name="Iemand",
        title="Ander advies",
        question="Vraag?",
        deadline=local(40).date(),
    )
    response = supporter_api.post(
        url("agenda-item-mirror-advice", scene, meeting_id=scene.planned.pk),
        {"advice_request": other.pk},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["advice_request"]


def test_m14_a_confidential_item_is_unknown_to_the_mirror(scene, supporter_api):
    secret = f.AgendaItemFactory(meeting=source(scene).meeting, title="Geheim", confidential=True)
    response = supporter_api.post(
        url("agenda-item-mirror", scene, meeting_id=scene.planned.pk),
        {"source_item": secret.pk},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["source_item"]
    assert not AgendaItem.objects.filter(mirrors=secret).exists()


def test_m14_a_meeting_under_way_mirrors_no_more(scene, client_as):
    response = client_as(scene.users["chair"]).post(
        url("agenda-item-mirror", scene, meeting_id=scene.running.pk),
        {"source_item": source(scene).pk},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "m3_approval_required"


def test_m14_the_client_perspective_is_recorded_on_a_mirrored_item(scene, client_as):
    chair_api = client_as(scene.users["chair"])
    own = chair_api.put(
        url("agenda-item-client-perspective", scene, meeting_id=scene.planned.pk, pk=scene.item.pk),
        {"client_perspective": "Belangrijk"},
        format="json",
    )
    assert own.status_code == 400
    assert own.json()["errors"][0]["code"] == "not_mirrored"
    address = url(
        "agenda-item-client-perspective", scene, meeting_id=scene.planned.pk, pk=mirrored(scene).pk
    )
    assert problem_fields(chair_api.put(address, {"client_perspective": " "}, format="json")) == [
        "client_perspective"
    ]
    response = chair_api.put(
        address, {"client_perspective": "Jongeren willen meebeslissen."}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["client_perspective"] == "Jongeren willen meebeslissen."
    assert AuditEvent.objects.filter(action="agenda_item.client_perspective").exists()


# --- Reads are budgeted: questions and mirrorable items -------------------------------------------


def test_the_question_list_runs_a_fixed_number_of_queries(scene, client_as):
    api = client_as(scene.users["other_member"])
    address = questions(scene)
    parents(scene)
    _ask_and_answer(scene, 1)
    api.get(address)
    small = _queries(api, address)
    _ask_and_answer(scene, 15)
    large = _queries(api, address)
    assert small == large
    assert large <= BUDGET, large


def _ask_and_answer(scene, count: int) -> None:
    for _ in range(count):
        _asked, token = services.question_ask(
            actor=scene.users["member"], item=scene.item, question="Vraag?", closes_at=local(7)
        )
        services.question_answer(token=token, text="Antwoord")


def test_the_mirrorable_item_list_runs_a_fixed_number_of_queries(scene, supporter_api):
    address = url("mirrorable-item-list", scene, meeting_id=scene.planned.pk)
    first = source(scene)
    supporter_api.get(address)
    small = _queries(supporter_api, address)
    for _ in range(15):
        item = f.AgendaItemFactory(meeting=first.meeting)
        services.agenda_item_mirror(
            actor=scene.users["supporter"], meeting=scene.planned, source_item=item
        )
    large = _queries(supporter_api, address)
    assert small == large
    assert large <= BUDGET, large

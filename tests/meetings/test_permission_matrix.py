"""Every page of the meeting cycle against every role (docs/authorization.md, "Pages of the
meeting cycle"): anonymous, a seated member who represents a constituency, a guest of the
body, a member of another body in the region, the supporter, the chair, the region
administrator, and a user of the other region (B1: 404 on everything under /regio/<slug>/).

The matrix is exhaustive by construction: `test_every_url_of_the_meeting_cycle_is_in_the_matrix`
walks the URL modules of the cycle, and a new URL without an entry here fails it.

The body of this matrix is a client representatives' consultation under IROJ Limburg that
decides by consensus with reservation, so that every page, the mirror pages of M14 included,
answers with its real rule and not with a refusal of the state.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from aantafel.advice.models import AdviceRequest, RequesterKind
from aantafel.bodies.models import BodyType, DecisionRule
from aantafel.meetings import services
from aantafel.meetings.models import (
    DecisionOutcome,
    ItemType,
    Minutes,
    MinutesStatus,
    MinutesVersion,
    Stance,
)
from aantafel.notifications.services import calendar_feed_renew

from .. import factories as f
from ..page_matrix import NOT_FOUND, OK, REDIRECT, answers, answers_to_get, get, post, uncovered
from .conftest import pdf_upload

ROLES = [
    "anonymous",
    "member",
    "guest",
    "other_body_member",
    "supporter",
    "chair",
    "region_admin",
    "outsider",
]

# Who holds each permission of meetings/permissions.py on the body of this matrix. A guest and
# a member of another body are region members like any other: they read what the region reads.
READERS = {"member", "guest", "other_body_member", "supporter", "chair", "region_admin"}
VIEW = READERS  # meetings.view_meeting
SEATED = {"member", "supporter", "chair"}  # view_confidential, submit_item, react
MANAGE = {"supporter", "region_admin"}  # meetings.manage_meeting
LEAD = {"supporter", "chair", "region_admin"}  # meetings.lead_meeting
UPDATE_ACTION = LEAD | {"member"}  # meetings.update_action on the member's own action
DRAFT_READERS = SEATED | MANAGE  # draft minutes: view_confidential or manage_meeting
LOGGED_IN = READERS | {"outsider"}
EVERYONE = set(ROLES)


def hidden_from(allowed: set[str]) -> frozenset[str]:
    """404 for every region member outside `allowed`."""
    return frozenset(READERS - allowed)


def body_(w):
    return [w.slug, w.body.pk]


def future(w):
    return [w.slug, w.future.pk]


def held(w):
    return [w.slug, w.held.pk]


def approved(w):
    return [w.slug, w.approved.pk]


def public_item(w):
    return [w.slug, w.future.pk, w.public_item.pk]


def held_item(w):
    return [w.slug, w.held.pk, w.held_item.pk]


def question(w):
    return [*public_item(w), w.question.pk]


MATRIX = [
    # --- meetings/views/meetings.py (M1–M6) ----------------------------------------------------
    get("body_meetings", body_, VIEW),
    get("meeting_plan", body_, MANAGE),
    # Everyone in the region sees the agenda; confidential items only the seated members.
    get("meeting_detail", future, VIEW),
    get("meeting_edit", future, MANAGE),
    get("meeting_cancel", future, MANAGE),
    # Already published: the service refuses and the page redirects with its message.
    post("meeting_publish", future, MANAGE),
    # Not started yet: the service refuses, the page redirects with its message.
    post("meeting_held", future, MANAGE),
    # State: before the start manage_meeting; once the meeting has started lead_meeting (M3).
    get("item_add", future, MANAGE, label="before-start"),
    get("item_add", held, LEAD, label="at-meeting"),
    get("item_edit", public_item, LEAD),
    # A confidential item is 404 to whoever may not see it, the region administrator included
    # (view_confidential is for the seated members only).
    get(
        "item_edit",
        lambda w: [w.slug, w.future.pk, w.secret_item.pk],
        LEAD & SEATED,
        hidden=hidden_from(SEATED),
        label="confidential",
    ),
    post("item_move", public_item, MANAGE),
    post("item_from_action", lambda w: [w.slug, w.future.pk, w.action.pk], MANAGE),
    # An action agreed on a confidential item: those who run the cycle but may not see the
    # item (the region administrator) get 404, so its existence does not show.
    post(
        "item_from_action",
        lambda w: [w.slug, w.future.pk, w.secret_action.pk],
        MANAGE & SEATED,
        hidden=frozenset({"region_admin"}),
        label="confidential-item",
    ),
    get("document_add", public_item, MANAGE),
    get(
        "document_download",
        lambda w: [w.slug, w.future.pk, w.public_document.pk],
        VIEW,
        label="public-item",
    ),
    get(
        "document_download",
        lambda w: [w.slug, w.future.pk, w.secret_document.pk],
        SEATED,
        hidden=hidden_from(SEATED),
        label="confidential-item",
    ),
    # A proposal's document: for those who decide on proposals and its submitter (the member).
    get(
        "document_download",
        lambda w: [w.slug, w.future.pk, w.proposal_document.pk],
        LEAD | {"member"},
        hidden=hidden_from(LEAD | {"member"}),
        label="proposal",
    ),
    # Anyone in the region may post; the service stores an answer only of someone invited (an
    # empty form comes back as a message on the meeting page).
    post("attendance_respond", future, VIEW),
    get("attendance_record", held, MANAGE),
    # --- meetings/views/proposals.py (M2) ------------------------------------------------------
    get("proposal_submit", body_, SEATED),
    get("proposal_list", body_, LEAD),
    get("proposal_decide", lambda w: [w.slug, w.body.pk, w.proposal.pk], LEAD),
    # --- meetings/views/record.py (M7–M9) ------------------------------------------------------
    get("item_notes", held_item, LEAD),
    get("decision_add", held_item, LEAD),
    get("position_edit", lambda w: [*held_item(w), w.decision.pk], LEAD),
    get("item_action_add", held_item, LEAD),
    get("reporter_assign", held, LEAD),
    # State: only the member assigned to report back on this meeting (M7); everyone else 403.
    get("report_back", held, {"member"}),
    # --- meetings/views/minutes.py (M10) -------------------------------------------------------
    get("minutes_detail", approved, VIEW, label="approved"),
    get("minutes_detail", held, DRAFT_READERS, label="draft"),
    # The held meeting already has minutes: the service refuses, the page redirects.
    post("minutes_draft", held, MANAGE),
    get("minutes_edit", held, MANAGE, label="draft"),
    # State: approved minutes are frozen; the page redirects to the correction.
    get("minutes_edit", approved, MANAGE, ok=REDIRECT, label="approved"),
    post("minutes_circulate", held, MANAGE),
    get("minutes_correct", approved, MANAGE),
    get("minutes_version", lambda w: [*approved(w), 1], VIEW),
    # The lead_meeting of the meeting whose agenda holds the approval (the future one).
    get("minutes_approve", lambda w: [w.slug, w.future.pk, w.approval_item.pk], LEAD),
    # --- meetings/views/follow_up.py (M8, M9) --------------------------------------------------
    get("follow_up", body_, LEAD),
    get("action_list", body_, VIEW),
    get("action_add", body_, LEAD),
    get("action_export", body_, VIEW),
    get("action_status", lambda w: [w.slug, w.body.pk, w.action.pk], UPDATE_ACTION),
    # An action on a confidential item is 404 to whoever may not see the item, the region
    # administrator included, before update_action is asked.
    get(
        "action_status",
        lambda w: [w.slug, w.body.pk, w.secret_action.pk],
        UPDATE_ACTION & SEATED,
        hidden=hidden_from(SEATED),
        label="confidential-item",
    ),
    get("decision_list", body_, VIEW),
    get("decision_export", body_, VIEW),
    # --- meetings/views/participation.py (M12, M14) --------------------------------------------
    get("reaction_add", public_item, SEATED),
    # The service withdraws only the author's (the member's) reaction; for the chair and the
    # supporter it refuses and the page redirects with its message.
    post("reaction_withdraw", lambda w: [*public_item(w), w.reaction.pk], SEATED),
    get("question_ask", public_item, SEATED),
    get("question_detail", question, SEATED),
    # The service closes only the asker's (the member's) question; others get its message.
    post("question_close", question, SEATED),
    get(
        "client_perspective_edit",
        lambda w: [w.slug, w.future.pk, w.mirrored_item.pk],
        LEAD,
    ),
    get("mirror_list", future, LEAD),
    post("item_mirror", lambda w: [w.slug, w.future.pk, w.parent_item.pk], LEAD),
    post("advice_mirror", lambda w: [w.slug, w.future.pk, w.parent_advice.pk], LEAD),
    # --- meetings/views/exports.py (M11) -------------------------------------------------------
    get("meeting_agenda_pdf", future, VIEW),
    get("meeting_documents_pdf", future, VIEW),
    get("meeting_minutes_pdf", approved, VIEW, label="approved"),
    get("meeting_minutes_pdf", held, DRAFT_READERS, label="draft"),
    get("search", lambda w: [w.slug], VIEW),
    # --- reports (M13) -------------------------------------------------------------------------
    get("body_year_report", lambda w: [*body_(w), w.year], VIEW),
    get("body_year_report_pdf", lambda w: [*body_(w), w.year], VIEW),
    # --- pages without a region: the link is the credential, or one's own settings -------------
    get("question_answer", lambda w: [w.question_token], EVERYONE, region_page=False),
    get("question_thanks", lambda w: [w.question_token], EVERYONE, region_page=False),
    get("calendar_feed", lambda w: [w.feed_token], EVERYONE, region_page=False),
    get("notification_preferences", lambda w: [], LOGGED_IN, region_page=False),
    # Shows the new address on the page itself: 200, not a redirect.
    post("calendar_feed_renew", lambda w: [], LOGGED_IN, ok=OK, region_page=False),
    post("calendar_feed_stop", lambda w: [], LOGGED_IN, region_page=False),
]

URL_MODULES = [
    "aantafel.meetings.urls",  # includes urls_record, urls_participation, urls_exports
    "aantafel.meetings.urls_calendar",
    "aantafel.meetings.urls_public",
    "aantafel.reports.urls",
    "aantafel.notifications.urls",
]


def _in_days(days: int, hour: int = 14) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


# --- the scene ---------------------------------------------------------------------------------


@pytest.fixture
def body(region):
    """Overrides tests/conftest.py: a client representatives' consultation (so it mirrors its
    parent's items, M14) that decides by consensus with reservation (M8)."""
    parent = f.BodyFactory(region=region, name="IROJ Limburg", body_type=BodyType.STEERING)
    body = f.BodyFactory(
        region=region,
        name="Cliëntvertegenwoordigersoverleg",
        body_type=BodyType.CLIENT_REPRESENTATIVES,
        parent=parent,
    )
    f.TermsFactory(body=body, version=1, decision_rule=DecisionRule.CONSENSUS_WITH_RESERVATION)
    return body


@pytest.fixture
def constituency(region):
    return f.ConstituencyFactory(region=region, name="Ouders")


@pytest.fixture
def member(body, constituency):
    """Overrides tests/conftest.py: a seated member who represents a constituency (M12)."""
    seat = f.SeatFactory(body=body, constituency=constituency)
    return f.MembershipFactory(body=body, constituency=constituency, seat=seat).user


@pytest.fixture
def world(
    body,
    constituency,
    member,
    guest,
    other_body_member,
    supporter,
    chair,
    region_admin,
    outsider,
):
    """The body's cycle in every state a page of the matrix needs, set by the services where
    practical: an approved-minutes meeting four weeks ago (approved, version 1, at the held
    meeting), a held meeting last week with a decision, actions and draft minutes, and a
    published meeting ahead with a public and a confidential item (a document each), a
    mirrored item of the parent body, a reaction and a question of the member, and the
    approval of the held meeting's minutes."""
    region = body.region
    # M10: minutes approved at the next meeting, with their first version.
    approved = f.MeetingFactory(body=body, held=True, starts_at=_in_days(-28))
    f.AgendaItemFactory(meeting=approved, position=1, title="Werkplan")
    held = f.MeetingFactory(body=body, held=True, starts_at=_in_days(-7))
    f.AgendaItemFactory(
        meeting=held, position=1, item_type=ItemType.MINUTES_APPROVAL, minutes_of=approved
    )
    old_minutes = services.minutes_draft(actor=supporter, meeting=approved)
    services.minutes_approve(actor=chair, minutes=old_minutes, at_meeting=held)

    # M7–M9: what the held meeting decided, with the member's reservation and their actions.
    held_item = f.AgendaItemFactory(
        meeting=held, position=2, title="Regionaal actieplan", item_type=ItemType.DECISION
    )
    held_secret = f.AgendaItemFactory(
        meeting=held, position=3, title="Klacht over een voorziening", confidential=True
    )
    decision = services.decision_record(
        actor=chair,
        item=held_item,
        text="Het overleg stemt in met het actieplan.",
        outcome=DecisionOutcome.AGREED_WITH_RESERVATIONS,
        positions=[services.PositionInput(constituency=constituency, stance=Stance.RESERVATION)],
    )
    due = timezone.localdate() + datetime.timedelta(days=14)
    action = services.action_create(
        actor=chair,
        body=body,
        title="Actieplan toelichten aan de achterban",
        owner=member,
        due_date=due,
        meeting=held,
        item=held_item,
        decision=decision,
    )
    secret_action = services.action_create(
        actor=chair,
        body=body,
        title="Voorziening bellen",
        owner=member,
        due_date=due,
        meeting=held,
        item=held_secret,
    )
    services.meeting_assign_reporter(actor=chair, meeting=held, reporter=member)

    # M1–M5: the meeting ahead; planning it puts the approval of the held meeting's minutes,
    # once drafted, on its agenda.
    future = services.meeting_plan(
        actor=supporter,
        body=body,
        details=services.MeetingDetails(
            starts_at=_in_days(21), ends_at=_in_days(21, hour=16), location="Hasselt"
        ),
    )
    services.minutes_draft(actor=supporter, meeting=held)
    public_item = services.agenda_item_add(
        actor=supporter,
        meeting=future,
        item=services.ItemFields(title="Wachtlijsten jeugdhulp", item_type=ItemType.DISCUSSION),
    )
    secret_item = services.agenda_item_add(
        actor=supporter,
        meeting=future,
        item=services.ItemFields(
            title="Dossier van een jongere", item_type=ItemType.DISCUSSION, confidential=True
        ),
    )
    public_document = services.document_add(
        actor=supporter, upload=pdf_upload("wachtlijsten.pdf"), title="Cijfers", item=public_item
    )
    secret_document = services.document_add(
        actor=supporter, upload=pdf_upload("dossier.pdf"), title="Dossier", item=secret_item
    )

    # M14: the parent body's next meeting; one of its items is mirrored, one is still offered.
    parent_meeting = f.MeetingFactory(body=body.parent, published=True, starts_at=_in_days(30))
    mirrored_source = f.AgendaItemFactory(meeting=parent_meeting, position=1, title="Budget")
    parent_item = f.AgendaItemFactory(meeting=parent_meeting, position=2, title="Jaarverslag")
    mirrored_item = services.agenda_item_mirror(
        actor=supporter, meeting=future, source_item=mirrored_source
    )
    services.meeting_publish(actor=supporter, meeting=future)
    # S4/M14: an advice request to the parent body, still being prepared.
    parent_advice = AdviceRequest.objects.create(
        region=region,
        body=body.parent,
        requester_kind=RequesterKind.DEPARTMENT,
        requester_name="Departement WVG",
        title="Advies over de toegang",
        question="Hoe maken we de toegang eenvoudiger?",
        deadline=timezone.localdate() + datetime.timedelta(days=40),
    )

    # M2: the member's open proposal with a document.
    proposal = services.proposal_submit(
        actor=member,
        body=body,
        title="Vervoer naar de vergadering",
        explanation="Graag bespreken.",
        desired_type=ItemType.DISCUSSION,
        meeting=future,
    )
    proposal_document = services.document_add(
        actor=member, upload=pdf_upload("voorstel.pdf"), proposal=proposal
    )

    # M12: the member's reaction and their question to their constituency.
    reaction = services.reaction_add(
        actor=member, item=public_item, text="Ouders wachten te lang.", constituency=constituency
    )
    asked, question_token = services.question_ask(
        actor=member,
        item=public_item,
        question="Hoe lang wachtte u op hulp?",
        closes_at=timezone.now() + datetime.timedelta(days=7),
    )

    assert Minutes.objects.get(meeting=approved).status == MinutesStatus.APPROVED
    assert MinutesVersion.objects.filter(minutes__meeting=approved, number=1).exists()
    assert Minutes.objects.get(meeting=held).status == MinutesStatus.DRAFT
    approval_item = future.items.get(item_type=ItemType.MINUTES_APPROVAL, minutes_of=held)

    users = {
        "member": member,
        "guest": guest,
        "other_body_member": other_body_member,
        "supporter": supporter,
        "chair": chair,
        "region_admin": region_admin,
        "outsider": outsider,
    }
    return SimpleNamespace(
        users=users,
        slug=region.slug,
        body=body,
        approved=approved,
        held=held,
        held_item=held_item,
        decision=decision,
        action=action,
        secret_action=secret_action,
        future=future,
        public_item=public_item,
        secret_item=secret_item,
        public_document=public_document,
        secret_document=secret_document,
        proposal=proposal,
        proposal_document=proposal_document,
        approval_item=approval_item,
        mirrored_item=mirrored_item,
        parent_item=parent_item,
        parent_advice=parent_advice,
        reaction=reaction,
        question=asked,
        question_token=question_token,
        feed_token=calendar_feed_renew(actor=member),
        year=timezone.localdate().year,
    )


# --- the matrix --------------------------------------------------------------------------------


@pytest.mark.parametrize("row", MATRIX, ids=[row.id for row in MATRIX])
def test_b1_every_page_of_the_meeting_cycle_answers_each_role_as_documented(world, row):
    """One scene per page; each role's request runs in a savepoint that is rolled back, so
    every role meets the same scene (a POST of one role changes nothing for the next)."""
    assert answers(world, row, ROLES) == {role: row.expected(role) for role in ROLES}


def test_every_url_of_the_meeting_cycle_is_in_the_matrix():
    """A new URL without an entry in the matrix fails the test."""
    assert uncovered(MATRIX, URL_MODULES) == ([], [])


def test_an_unknown_or_stopped_link_is_404_for_everyone(client, world):
    client.force_login(world.users["member"])
    assert client.get(reverse("calendar_feed", args=["onbekend"])).status_code == NOT_FOUND
    assert client.get(reverse("question_answer", args=["onbekend"])).status_code == NOT_FOUND
    assert client.get(reverse("question_thanks", args=["onbekend"])).status_code == NOT_FOUND
    client.post(reverse("calendar_feed_stop"))
    client.logout()
    feed = reverse("calendar_feed", args=[world.feed_token])
    assert client.get(feed).status_code == NOT_FOUND


def test_b1_the_other_region_gets_404_even_through_its_own_region(client, world, other_region):
    """The outsider's own region in the URL does not open this region's records."""
    client.force_login(world.users["outsider"])
    for name, args in [
        ("meeting_detail", [world.future.pk]),
        ("body_meetings", [world.body.pk]),
        ("action_status", [world.body.pk, world.action.pk]),
        ("minutes_detail", [world.approved.pk]),
    ]:
        url = reverse(name, args=[other_region.slug, *args])
        assert client.get(url).status_code == NOT_FOUND, name


def test_post_only_pages_answer_get_with_405(client, world):
    got = answers_to_get(world, [row for row in MATRIX if row.method == "POST"], "supporter")
    assert got == dict.fromkeys(got, 405)
    feed = reverse("calendar_feed", args=[world.feed_token])
    assert client.post(feed).status_code == 405

"""M9 follow-up across meetings: the reads (overdue actions, the decisions register, items
waiting, reminders), and every page of the outcomes, minutes and follow-up against each role."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from aantafel.accounts.models import User
from aantafel.bodies.models import Membership
from aantafel.meetings import services
from aantafel.meetings.models import (
    Action,
    ConstituencyPosition,
    Decision,
    ItemProposal,
    MeetingStatus,
    Minutes,
    MinutesVersion,
)
from aantafel.meetings.queries_follow_up import (
    ActionFilters,
    DecisionFilters,
    body_actions,
    decisions_register,
    follow_up,
    items_waiting,
    overdue_actions_to_remind,
)

from .. import factories as f

TODAY = timezone.localdate


# --- reads ----------------------------------------------------------------------------------


def test_m9_overdue_actions_are_flagged_and_come_first(body, member):
    due_later = f.ActionFactory(body=body, owner=member)
    overdue = f.ActionFactory(body=body, owner=member, overdue=True)
    f.ActionFactory(body=body, owner=member, overdue=True, status="done")
    data = follow_up(body, include_confidential=True)
    assert [a.pk for a in data.actions] == [overdue.pk, due_later.pk]
    assert data.overdue_count == 1
    only = body_actions(body, ActionFilters(overdue=True), include_confidential=True)
    assert [a.pk for a in only] == [overdue.pk]
    assert only[0].is_overdue


def test_m9_actions_filter_by_owner_status_and_theme(body, member, chair):
    theme = f.PlanThemeFactory(region=body.region)
    mine = f.ActionFactory(body=body, owner=member, theme=theme)
    f.ActionFactory(body=body, owner=chair, status="done")
    assert list(body_actions(body, ActionFilters(owner=member), include_confidential=True)) == [
        mine
    ]
    assert list(body_actions(body, ActionFilters(theme=theme), include_confidential=True)) == [mine]
    assert body_actions(body, ActionFilters(status="done"), include_confidential=True).count() == 1


def test_m9_actions_of_confidential_items_only_for_members(body, member):
    secret = f.AgendaItemFactory(meeting=f.MeetingFactory(body=body, held=True), confidential=True)
    f.ActionFactory(body=body, owner=member, item=secret, meeting=secret.meeting)
    assert body_actions(body, include_confidential=False).count() == 0
    assert body_actions(body, include_confidential=True).count() == 1


def test_m8_decisions_register_filters_by_year_outcome_and_text(body):
    held = f.MeetingFactory(body=body, held=True)
    agreed = f.DecisionFactory(item__meeting=held, text="Jaarplan goedgekeurd")
    f.DecisionFactory(item__meeting=held, text="Uitgesteld punt", outcome="postponed")
    year = timezone.localtime(held.starts_at).year
    assert (
        decisions_register(body, DecisionFilters(year=year), include_confidential=True).count() == 2
    )
    assert (
        decisions_register(body, DecisionFilters(year=year - 5), include_confidential=True).count()
        == 0
    )
    assert list(
        decisions_register(body, DecisionFilters(outcome="agreed"), include_confidential=True)
    ) == [agreed]
    assert list(
        decisions_register(body, DecisionFilters(text="jaarplan"), include_confidential=True)
    ) == [agreed]


def test_m9_items_waiting_for_a_meeting(body, member):
    planned = f.MeetingFactory(body=body)
    common = {
        "region": body.region,
        "body": body,
        "submitted_by": member,
        "desired_type": "discussion",
    }
    loose = ItemProposal.objects.create(title="Zonder vergadering", **common)
    ItemProposal.objects.create(title="Met vergadering", meeting=planned, **common)
    deferred = ItemProposal.objects.create(
        title="Uitgesteld", status="deferred", meeting=planned, **common
    )
    ItemProposal.objects.create(title="Geweigerd", status="declined", **common)
    assert list(items_waiting(body)) == [loose, deferred]


def test_m9_overdue_reminders_once_a_week(body, member):
    today = TODAY()
    never = f.ActionFactory(body=body, owner=member, overdue=True)
    week_ago = f.ActionFactory(
        body=body, owner=member, overdue=True, last_reminded_on=today - datetime.timedelta(days=7)
    )
    f.ActionFactory(
        body=body, owner=member, overdue=True, last_reminded_on=today - datetime.timedelta(days=2)
    )
    f.ActionFactory(body=body, owner=member)  # not due yet
    f.ActionFactory(body=body, owner=member, overdue=True, status="done")
    due = overdue_actions_to_remind(today)
    assert {a.pk for a in due} == {never.pk, week_ago.pk}
    assert services.action_mark_reminded(action_ids=[a.pk for a in due], on=today) == 2
    assert not overdue_actions_to_remind(today).exists()
    assert Action.objects.get(pk=never.pk).last_reminded_on == today


# --- pages: every view against every role ----------------------------------------------------


@pytest.fixture
def scene(body, chair, member, supporter):
    """A held meeting with a decision, an action and approved minutes, and a next meeting that
    has started with the approval item; plus a meeting whose minutes are in draft."""
    held = f.MeetingFactory(body=body, held=True, reporter=member)
    item = f.AgendaItemFactory(meeting=held, item_type="decision")
    decision = f.DecisionFactory(item=item)
    action = f.ActionFactory(body=body, meeting=held, item=item, owner=member)
    drafted = f.MeetingFactory(
        body=body,
        status=MeetingStatus.MINUTES_DRAFT,
        starts_at=timezone.now() - datetime.timedelta(days=3),
    )
    Minutes.objects.create(region=body.region, meeting=drafted, text="<p>Concept</p>")
    approved = f.MeetingFactory(
        body=body,
        status=MeetingStatus.MINUTES_APPROVED,
        starts_at=timezone.now() - datetime.timedelta(days=40),
    )
    minutes = Minutes.objects.create(
        region=body.region, meeting=approved, text="<p>Vastgesteld</p>", status="approved"
    )
    MinutesVersion.objects.create(region=body.region, minutes=minutes, number=1, text=minutes.text)
    starting = f.MeetingFactory(
        body=body, published=True, starts_at=timezone.now() - datetime.timedelta(hours=1)
    )
    approval = f.AgendaItemFactory(
        meeting=starting, item_type="minutes_approval", minutes_of=drafted
    )
    return {
        "held": held,
        "item": item,
        "decision": decision,
        "action": action,
        "drafted": drafted,
        "approved": approved,
        "starting": starting,
        "approval": approval,
    }


def _urls(body, s):
    slug = body.region.slug
    held, item = s["held"], s["item"]
    return {
        "item_notes": reverse("item_notes", args=[slug, held.pk, item.pk]),
        "decision_add": reverse("decision_add", args=[slug, held.pk, item.pk]),
        "position_edit": reverse("position_edit", args=[slug, held.pk, item.pk, s["decision"].pk]),
        "item_action_add": reverse("item_action_add", args=[slug, held.pk, item.pk]),
        "reporter_assign": reverse("reporter_assign", args=[slug, held.pk]),
        "report_back": reverse("report_back", args=[slug, held.pk]),
        "minutes_detail_draft": reverse("minutes_detail", args=[slug, s["drafted"].pk]),
        "minutes_detail_approved": reverse("minutes_detail", args=[slug, s["approved"].pk]),
        "minutes_edit": reverse("minutes_edit", args=[slug, s["drafted"].pk]),
        "minutes_correct": reverse("minutes_correct", args=[slug, s["approved"].pk]),
        "minutes_version": reverse("minutes_version", args=[slug, s["approved"].pk, 1]),
        "minutes_approve": reverse(
            "minutes_approve", args=[slug, s["starting"].pk, s["approval"].pk]
        ),
        "follow_up": reverse("follow_up", args=[slug, body.pk]),
        "action_add": reverse("action_add", args=[slug, body.pk]),
        "action_list": reverse("action_list", args=[slug, body.pk]),
        "action_export": reverse("action_export", args=[slug, body.pk]),
        "action_status": reverse("action_status", args=[slug, body.pk, s["action"].pk]),
        "decision_list": reverse("decision_list", args=[slug, body.pk]),
        "decision_export": reverse("decision_export", args=[slug, body.pk]),
    }


LEAD = {"item_notes", "decision_add", "position_edit", "item_action_add", "reporter_assign"}
LEAD |= {"follow_up", "action_add", "minutes_approve"}
MANAGE = {"minutes_edit", "minutes_correct"}
SEATED = {"minutes_detail_draft"}
REGION = {
    "minutes_detail_approved",
    "minutes_version",
    "action_list",
    "action_export",
    "decision_list",
    "decision_export",
}
OWNER = {"action_status"}
REPORTER = {"report_back"}
ALL_PAGES = LEAD | MANAGE | SEATED | REGION | OWNER | REPORTER


def _expected(page: str, role: str) -> int:
    """The status each role gets. `member` owns the action and reports back."""
    allowed = {
        "supporter": LEAD | MANAGE | SEATED | REGION | OWNER,
        "region_admin": LEAD | MANAGE | SEATED | REGION | OWNER,
        "chair": LEAD | SEATED | REGION | OWNER,
        "member": SEATED | REGION | OWNER | REPORTER,
        "guest": REGION,
        "other_body_member": REGION,
    }[role]
    return 200 if page in allowed else 403


@pytest.fixture
def people(region, body, supporter, region_admin, chair, member):
    other_body = f.BodyFactory(region=region, name="Werkgroep")
    return {
        "supporter": supporter,
        "region_admin": region_admin,
        "chair": chair,
        "member": member,
        "guest": f.MembershipFactory(body=body, role="guest").user,
        "other_body_member": f.MembershipFactory(body=other_body).user,
    }


@pytest.mark.parametrize(
    "role", ["supporter", "region_admin", "chair", "member", "guest", "other_body_member"]
)
def test_every_page_answers_each_role_as_its_permission_says(client, body, scene, people, role):
    client.force_login(people[role])
    for page, url in _urls(body, scene).items():
        response = client.get(url)
        assert response.status_code == _expected(page, role), (page, role)


def test_every_page_is_404_to_a_user_of_another_region(client, body, scene, outsider):
    client.force_login(outsider)
    for page, url in _urls(body, scene).items():
        assert client.get(url).status_code == 404, page
    # Their own region's slug with our ids is a 404 too.
    theirs = outsider.region_memberships.first().region.slug
    for page, url in _urls(body, scene).items():
        assert client.get(url.replace(body.region.slug, theirs, 1)).status_code == 404, page


def test_every_page_sends_anonymous_visitors_to_login(client, body, scene):
    for url in _urls(body, scene).values():
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_m7_report_back_page_sends_the_proposal(client, body, scene, member):
    client.force_login(member)
    url = reverse("report_back", args=[body.region.slug, scene["held"].pk])
    response = client.post(url, {"title": "Terugkoppeling", "text": "Wat we bespraken."})
    assert response.status_code == 302
    assert ItemProposal.objects.get(source="report_back").body == body.parent


def test_m8_decision_page_records_positions_under_consensus_with_reservation(
    client, body, scene, chair
):
    f.TermsFactory(body=body, version=2, decision_rule="consensus_with_reservation")
    seat = f.SeatFactory(body=body)
    client.force_login(chair)
    url = reverse("decision_add", args=[body.region.slug, scene["held"].pk, scene["item"].pk])
    c = seat.constituency.pk
    data = {"text": "Akkoord", "outcome": "agreed_with_reservations"}
    refused = client.post(data=data, path=url)
    assert refused.status_code == 200
    assert refused.context["form"].non_field_errors()
    data |= {f"positions-stance_{c}": "reservation", f"positions-statement_{c}": "Pas op."}
    assert client.post(url, data).status_code == 302
    position = ConstituencyPosition.objects.get()
    assert (position.constituency_id, position.stance) == (c, "reservation")


def test_m9_action_page_refuses_a_due_date_before_the_meeting(client, body, scene, chair, member):
    client.force_login(chair)
    held = scene["held"]
    url = reverse("item_action_add", args=[body.region.slug, held.pk, scene["item"].pk])
    before = timezone.localtime(held.starts_at).date() - datetime.timedelta(days=2)
    response = client.post(url, {"title": "x", "owner": member.pk, "due_date": before})
    assert response.status_code == 200
    assert response.context["form"].errors["due_date"]
    response = client.post(url, {"title": "x", "owner": "", "due_date": TODAY()})
    assert response.context["form"].errors["owner"]
    assert Action.objects.count() == 1


def test_m9_owner_marks_the_action_done(client, body, scene, member):
    client.force_login(member)
    url = reverse("action_status", args=[body.region.slug, body.pk, scene["action"].pk])
    assert client.post(url, {"status": "done", "note": "Klaar"}).status_code == 302
    assert Action.objects.get(pk=scene["action"].pk).status == "done"


def test_m9_csv_exports_are_csv_and_neutralise_formulas(client, body, scene, member):
    scene["action"].title = "=HYPERLINK(1)"
    scene["action"].save()
    client.force_login(member)
    response = client.get(reverse("action_export", args=[body.region.slug, body.pk]))
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text
    response = client.get(reverse("decision_export", args=[body.region.slug, body.pk]))
    assert scene["decision"].text in response.content.decode("utf-8-sig")


# --- reads are budgeted -----------------------------------------------------------------------


def _add_actions(body, count: int) -> None:
    owners = User.objects.bulk_create(
        User(email=f"eigenaar{body.pk}-{count}-{i}@voorbeeld.example", full_name=f"E {i}")
        for i in range(count)
    )
    Membership.objects.bulk_create(
        Membership(region=body.region, body=body, user=u, role="member", start_date=TODAY())
        for u in owners
    )
    theme = f.PlanThemeFactory(region=body.region)
    meeting = f.MeetingFactory(body=body, held=True)
    Action.objects.bulk_create(
        Action(
            region=body.region,
            body=body,
            meeting=meeting,
            title=f"Actie {i}",
            owner=owners[i],
            due_date=TODAY() + datetime.timedelta(days=i - count // 2),
            theme=theme,
        )
        for i in range(count)
    )


def _add_decisions(body, count: int) -> None:
    meeting = f.MeetingFactory(body=body, held=True)
    constituency = f.ConstituencyFactory(region=body.region)
    for i in range(count):
        item = f.AgendaItemFactory(meeting=meeting, position=100 + i)
        decision = Decision.objects.create(
            region=body.region,
            item=item,
            text=f"Besluit {i}",
            decision_rule="consensus",
            outcome="agreed",
        )
        ConstituencyPosition.objects.create(
            region=body.region, decision=decision, constituency=constituency, stance="agrees"
        )


@pytest.mark.parametrize(
    ("page", "add"), [("action_list", _add_actions), ("decision_list", _add_decisions)]
)
def test_page_query_count_does_not_grow_with_rows(
    client, body, supporter, page, add, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse(page, args=[body.region.slug, body.pk])
    client.force_login(supporter)
    add(body, 3)
    client.get(url)  # warm the session
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add(body, 30)
    with django_assert_num_queries(len(few)):
        response = client.get(url)
    assert len(response.context["actions" if page == "action_list" else "decisions"]) >= 33


def test_meeting_page_shows_the_outcomes_of_each_item(client, body, scene, chair):
    scene["item"].notes = "Aantekening bij het punt."
    scene["item"].save()
    client.force_login(chair)
    response = client.get(reverse("meeting_detail", args=[body.region.slug, scene["held"].pk]))
    assert response.status_code == 200
    assert scene["decision"].text in response.text
    assert scene["action"].title in response.text
    assert "Aantekening bij het punt." in response.text
    assert (
        reverse("decision_add", args=[body.region.slug, scene["held"].pk, scene["item"].pk])
        in response.text
    )
    starting = client.get(reverse("meeting_detail", args=[body.region.slug, scene["starting"].pk]))
    assert (
        reverse(
            "minutes_approve", args=[body.region.slug, scene["starting"].pk, scene["approval"].pk]
        )
        in starting.text
    )


@pytest.mark.parametrize(
    ("role", "expected"),
    [("supporter", 302), ("region_admin", 302), ("chair", 403), ("member", 403), ("guest", 403)],
)
def test_m10_drafting_and_circulating_are_for_who_runs_the_cycle(
    client, body, scene, people, role, expected
):
    s = scene
    s["held"].status = MeetingStatus.HELD
    s["held"].save()
    client.force_login(people[role])
    slug = body.region.slug
    assert client.post(reverse("minutes_draft", args=[slug, s["held"].pk])).status_code == expected
    circulate = reverse("minutes_circulate", args=[slug, s["drafted"].pk])
    assert client.post(circulate).status_code == expected
    assert Minutes.objects.filter(meeting=s["held"]).exists() == (expected == 302)


def test_m10_drafting_and_circulating_are_404_to_another_region(client, body, scene, outsider):
    client.force_login(outsider)
    slug = body.region.slug
    assert client.post(reverse("minutes_draft", args=[slug, scene["held"].pk])).status_code == 404
    assert (
        client.post(reverse("minutes_circulate", args=[slug, scene["drafted"].pk])).status_code
        == 404
    )

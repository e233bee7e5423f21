"""manage.py load_demo: the demo data of both regions, written through the services, safe to
run twice.

Loading the demo writes a year of meetings through the meeting services, which takes a while,
so the tests of this module share one load (`demo`, module-scoped, rolled back at the end of
the module); each test still runs in its own transaction inside it."""

import datetime
import itertools
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from aantafel.accounts.models import User
from aantafel.audit.models import AuditEvent
from aantafel.bodies.models import (
    Body,
    Constituency,
    DecisionRule,
    Initiative,
    Membership,
    MembershipRole,
    Organisation,
    Seat,
    SeatRole,
    TermsOfReference,
)
from aantafel.bodies.queries import seat_fillings
from aantafel.demo.content import DEMO_PASSWORD
from aantafel.meetings.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    ConstituencyPosition,
    Decision,
    DecisionOutcome,
    ItemProposal,
    ItemType,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesStatus,
    MinutesVersion,
    Presence,
    ProposalSource,
    ProposalStatus,
    Response,
    Stance,
)
from aantafel.notifications.models import Delivery
from aantafel.regions.models import PlanTheme, Region, RegionMembership, RegionRole

pytestmark = pytest.mark.django_db

HELD = (MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT, MeetingStatus.MINUTES_APPROVED)

MODELS = [
    Region,
    RegionMembership,
    User,
    Constituency,
    Organisation,
    Body,
    TermsOfReference,
    Seat,
    Membership,
    Initiative,
    PlanTheme,
    Meeting,
    AgendaItem,
    Attendance,
    Decision,
    ConstituencyPosition,
    Action,
    ItemProposal,
    Minutes,
    MinutesVersion,
    AuditEvent,
]


def load(*args: str) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module; returns what the first run printed."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load()
        transaction.set_rollback(True)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.mark.smoke
def test_load_demo_twice_gives_the_same_data(demo):
    first = counts()
    ended = list(Membership.objects.filter(end_date__isnull=False).values_list("pk", "end_date"))
    load("--quiet")
    assert counts() == first
    assert (
        list(Membership.objects.filter(end_date__isnull=False).values_list("pk", "end_date"))
        == ended
    )
    assert first["Region"] == 2
    assert first["Body"] == 5
    # Each body has terms of reference; the Overleg Cliëntvertegenwoordigers two versions.
    assert first["TermsOfReference"] == 6
    assert first["Meeting"] >= 50


def test_b3_kerngroep_rtj_terms_approved_by_iroj_on_9_june_2021(demo):
    rtj = Body.objects.get(region__slug="iroj-limburg", name="Kerngroep RTJ")
    current = rtj.terms_versions.order_by("-version").first()
    assert current.approved_by == "IROJ Limburg"
    assert current.approved_on == datetime.date(2021, 6, 9)
    assert current.decision_rule == "consensus"
    assert "- Uitdragen visie 1G1P" in current.objectives.splitlines()
    assert rtj.parent.name == "IROJ Limburg"
    assert rtj.body_type == "core_group"


def test_b6_overleg_clientvertegenwoordigers_keeps_its_reservation_and_old_version(demo):
    overleg = Body.objects.get(region__slug="iroj-limburg", name="Overleg Cliëntvertegenwoordigers")
    versions = list(overleg.terms_versions.order_by("version"))
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].approved_on < versions[1].approved_on
    assert versions[1].decision_rule == "consensus_with_reservation"
    assert versions[1].approved_by == "IROJ Limburg"
    assert "etnisch culturele minderheden" in versions[1].composition
    assert overleg.body_type == "client_representatives"
    assert overleg.supporting_department == "departement WVG"


def test_b4_every_body_has_a_vacant_seat(demo):
    for body in Body.objects.all():
        fillings = seat_fillings(body)
        assert fillings, f"{body} has no seats"
        assert any(filling.vacant for filling in fillings), f"{body} has no vacant seat"
        assert any(filling.holders for filling in fillings), f"{body} has no seat holders"


def test_b5_roles_substitute_guest_and_history(demo):
    overleg = Body.objects.get(name="Overleg Cliëntvertegenwoordigers")
    members = Membership.objects.filter(body=overleg)
    roles = set(members.current().values_list("role", flat=True))
    assert roles == set(MembershipRole.values)
    substitute = members.get(seat_role=SeatRole.SUBSTITUTE)
    assert substitute.substitute_for.seat_id == substitute.seat_id
    assert substitute.substitute_for.seat_role == SeatRole.HOLDER
    ended = members.get(end_date__isnull=False)
    assert ended.end_reason
    assert not ended.is_current()


def test_b7_initiatives_with_and_without_parent_informed(demo):
    for name in ("Overleg Cliëntvertegenwoordigers", "Kerngroep RTJ"):
        initiatives = Initiative.objects.filter(body__name=name)
        assert initiatives.filter(parent_informed_on__isnull=False).exists()
        assert initiatives.filter(parent_informed_on__isnull=True).exists()


def test_zuid_limburg_kerngroep_and_its_parent(demo):
    region = Region.objects.get(slug="zuid-limburg")
    assert region.country == "NL"
    assert region.timezone == "Europe/Amsterdam"
    kerngroep = Body.objects.get(region=region, name="Kerngroep Cliënt- en Jongerenparticipatie")
    assert kerngroep.parent.name == "Bestuurlijk overleg Jeugdhulp Zuid-Limburg"
    terms = kerngroep.terms_versions.get()
    assert terms.decision_rule == "consensus"
    assert terms.approved_by == "Bestuurlijk overleg Jeugdhulp Zuid-Limburg"
    kinds = set(Seat.objects.filter(body=kerngroep).values_list("constituency__kind", flat=True))
    assert kinds == {"clients", "local_authority", "institution"}


def test_b1_each_region_has_an_admin_staff_and_one_person_in_both(demo):
    for slug in ("iroj-limburg", "zuid-limburg"):
        roles = set(
            RegionMembership.objects.filter(region__slug=slug).values_list("role", flat=True)
        )
        assert roles == set(RegionRole.values)
    in_both = User.objects.filter(region_memberships__region__slug="iroj-limburg").filter(
        region_memberships__region__slug="zuid-limburg"
    )
    assert in_both.count() == 1
    assert not User.objects.exclude(email__endswith=".example").exists()


SETUP = (
    "region_membership.",
    "constituency.",
    "organisation.",
    "body.",
    "terms.",
    "seat.",
    "membership.",
    "initiative.",
)


def test_every_write_is_audited_by_the_region_admin_or_the_member_who_made_it(demo):
    for slug in ("iroj-limburg", "zuid-limburg"):
        admin = User.objects.get(
            region_memberships__region__slug=slug, region_memberships__role=RegionRole.ADMIN
        )
        events = AuditEvent.objects.filter(region__slug=slug)
        # The administrator's own role is the first record: no one gave it.
        anonymous = events.filter(actor=None)
        without_account: tuple[str, ...] = ("signal.submit", "client_test.answer")
        if slug == "zuid-limburg":
            # Made on the public site: the kick-off's registrations and cancellations (P2), the
            # answers to campaigns (P3), the ideas (P4) and the stories (P5).
            without_account += (
                "registration.submit",
                "registration.cancel",
                "campaign.response_submit",
                "idea.submit",
                "story.submit",
            )
        first = anonymous.exclude(action__in=without_account).get()
        # Besides it, only the signals young people and parents brought in without an account,
        # the client test links they answered with (S5) and the public participation (P2–P5).
        assert set(anonymous.exclude(pk=first.pk).values_list("action", flat=True)) == set(
            without_account
        )
        assert first.action == "region_membership.set_role"
        assert first.target_id == str(
            RegionMembership.objects.get(region__slug=slug, user=admin).pk
        )
        setup = events.exclude(pk=first.pk).filter(action__regex=r"^(" + "|".join(SETUP) + ")")
        assert set(setup.values_list("actor", flat=True)) == {admin.pk}
        # The meeting cycle is written by the supporters, chairs and members themselves.
        cycle = events.exclude(pk__in=setup).exclude(actor=None)
        members = set(
            Membership.objects.filter(body__region__slug=slug).values_list("user", flat=True)
        )
        assert cycle.exists()
        assert set(cycle.values_list("actor", flat=True)) <= members
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "region_membership.set_role",
        "constituency.create",
        "organisation.create",
        "body.create",
        "terms.add_version",
        "seat.create",
        "membership.create",
        "membership.end",
        "initiative.register",
        "meeting.plan",
        "meeting.publish",
        "meeting.held",
        "attendance.record",
        "decision.record",
        "action.create",
        "minutes.approve",
        "proposal.report_back",
    } <= actions
    assert AuditEvent.objects.filter(action="membership.create").count() == (
        Membership.objects.count()
    )


def test_demo_admin_logs_in_with_the_demo_password(client, demo):
    assert client.login(email="beheerder@iroj-limburg.example", password=DEMO_PASSWORD)
    body = Body.objects.get(name="Kerngroep RTJ")
    response = client.get(reverse("body_detail", args=["iroj-limburg", body.pk]))
    assert response.status_code == 200
    assert "Uitdragen visie 1G1P" in response.text


def test_command_prints_the_logins_and_password_unless_quiet(demo):
    for output in (demo, load()):
        assert DEMO_PASSWORD in output
        assert "beheerder@iroj-limburg.example" in output
        assert "beheerder@zuid-limburg.example" in output
        assert "voorzitter.rtj@iroj-limburg.example" in output
    assert "nothing to add" not in demo
    assert "nothing to add" in load()
    assert load("--quiet") == ""


# --- a year of meetings (M1–M10) -------------------------------------------------------------


def test_m1_each_body_has_a_year_of_meetings_closed_but_the_last_held_one(demo):
    now = timezone.now()
    for body in Body.objects.all():
        meetings = list(Meeting.objects.filter(body=body).order_by("starts_at"))
        assert len(meetings) >= 10, body
        past = [m for m in meetings if m.starts_at < now]
        assert len(past) >= 10, body
        assert (now - past[0].starts_at).days <= 400
        assert {m.status for m in past[:-1]} == {MeetingStatus.MINUTES_APPROVED}, body
        assert past[-1].status == MeetingStatus.MINUTES_DRAFT, body
        upcoming = [m for m in meetings if m.starts_at > now]
        assert len(upcoming) == 1, body
        assert upcoming[0].status in (MeetingStatus.PLANNED, MeetingStatus.PUBLISHED)
        assert upcoming[0].starts_at - now < datetime.timedelta(weeks=6)


def test_m6_attendance_recorded_at_every_held_meeting(demo):
    held = Meeting.objects.filter(status__in=HELD)
    assert not Attendance.objects.filter(meeting__in=held, presence="").exists()
    for meeting in held:
        assert Attendance.objects.filter(meeting=meeting, presence=Presence.PRESENT).exists()
    # B5: a seat holder's apologies brought in her substitute.
    substitute = Attendance.objects.filter(substitute_for__isnull=False).first()
    assert substitute is not None
    assert substitute.response == Response.ATTENDING
    assert substitute.substitute_for.response == Response.APOLOGIES


def test_m10_minutes_approved_at_the_following_meeting_as_version_1(demo):
    for body in Body.objects.all():
        meetings = list(Meeting.objects.filter(body=body, status__in=HELD).order_by("starts_at"))
        for meeting, following in itertools.pairwise(meetings):
            minutes = Minutes.objects.get(meeting=meeting)
            assert minutes.status == MinutesStatus.APPROVED
            assert minutes.approved_in_id == following.pk
            assert AgendaItem.objects.filter(meeting=following, minutes_of=meeting).exists()
            assert [v.number for v in minutes.versions.all()] == [1]
        last = Minutes.objects.get(meeting=meetings[-1])
        assert last.status == MinutesStatus.CIRCULATED
        assert not last.versions.exists()
        # The meeting to come holds their approval.
        upcoming = Meeting.objects.get(body=body, starts_at__gt=timezone.now())
        assert AgendaItem.objects.filter(meeting=upcoming, minutes_of=meetings[-1]).exists()


def test_m8_decisions_in_every_body_under_its_own_rule(demo):
    for body in Body.objects.all():
        decisions = Decision.objects.filter(item__meeting__body=body)
        assert decisions.exists(), body
        rule = body.terms_versions.order_by("-version").first().decision_rule
        assert set(decisions.values_list("decision_rule", flat=True)) == {rule}
    majority = Decision.objects.filter(decision_rule=DecisionRule.MAJORITY)
    assert majority.exists()
    assert not majority.exclude(outcome=DecisionOutcome.POSTPONED).filter(votes_for=None).exists()


def test_b6_overleg_records_a_constituencys_reservation(demo):
    overleg = Body.objects.get(name="Overleg Cliëntvertegenwoordigers")
    assert (
        overleg.terms_versions.order_by("-version").first().decision_rule
        == DecisionRule.CONSENSUS_WITH_RESERVATION
    )
    reserved = Decision.objects.filter(
        item__meeting__body=overleg, outcome=DecisionOutcome.AGREED_WITH_RESERVATIONS
    )
    assert reserved.exists()
    for decision in reserved:
        assert decision.positions.filter(stance=Stance.RESERVATION).exclude(statement="").exists()
    assert ConstituencyPosition.objects.filter(
        decision__in=reserved, constituency__name="mensen in armoede", stance=Stance.RESERVATION
    ).exists()


def test_m9_actions_done_open_overdue_and_on_plan_themes(demo):
    today = timezone.localdate()
    for region in Region.objects.all():
        actions = Action.objects.filter(region=region)
        assert actions.filter(status=ActionStatus.DONE, completed_at__isnull=False).exists()
        assert actions.filter(status=ActionStatus.OPEN, due_date__gte=today).exists()
        overdue = actions.filter(status=ActionStatus.OPEN, due_date__lt=today)
        assert overdue.count() in range(1, 5)
        assert PlanTheme.objects.filter(region=region).count() >= 3
        themed = actions.filter(theme__isnull=False)
        assert themed.exists()
        assert not themed.exclude(theme__region=region).exists()
        # The chair follows overdue actions up at the next meeting.
        for action in overdue:
            assert AgendaItem.objects.filter(
                follows_up_action=action, meeting__starts_at__gt=timezone.now()
            ).exists()
    for body in Body.objects.all():
        assert Action.objects.filter(body=body).exists(), body


def test_m7_kerngroep_rtj_reports_back_to_iroj_after_each_meeting(demo):
    rtj = Body.objects.get(name="Kerngroep RTJ")
    held = Meeting.objects.filter(body=rtj, status__in=HELD)
    assert held.exists()
    for meeting in held:
        assert meeting.reporter is not None
        report = ItemProposal.objects.get(source_meeting=meeting, source=ProposalSource.REPORT_BACK)
        assert report.body == rtj.parent
        assert report.submitted_by == meeting.reporter
        # Taken on the agenda of IROJ Limburg's next meeting.
        assert report.status == ProposalStatus.ACCEPTED
        assert report.item.item_type == ItemType.REPORT_BACK
        assert report.item.meeting.starts_at > meeting.starts_at
    assert len(set(held.values_list("reporter", flat=True))) > 1


def test_m2_upcoming_meetings_have_an_open_item_proposal_from_a_member(demo):
    upcoming = Meeting.objects.filter(starts_at__gt=timezone.now())
    assert upcoming.filter(status=MeetingStatus.PUBLISHED).exists()
    open_proposals = ItemProposal.objects.filter(
        meeting__in=upcoming, status=ProposalStatus.SUBMITTED, source=ProposalSource.MEMBER
    )
    assert open_proposals.exists()
    for proposal in open_proposals:
        assert (
            Membership.objects.current()
            .filter(body=proposal.body, user=proposal.submitted_by, role=MembershipRole.MEMBER)
            .exists()
        )
    # A published upcoming meeting has some answers in already.
    published = upcoming.filter(status=MeetingStatus.PUBLISHED).first()
    assert Attendance.objects.filter(meeting=published, response=Response.ATTENDING).exists()


def test_meeting_items_say_what_they_mean_for_clients(demo):
    # M4: the chair fills "what does this mean for clients?" for decision and advice items.
    items = AgendaItem.objects.filter(item_type__in=[ItemType.DECISION, ItemType.ADVICE])
    assert items.exists()
    assert not items.filter(client_impact="").exists()
    # M3: one item was added at the meeting itself, with its approval on record.
    assert AgendaItem.objects.filter(added_at_meeting=True).exclude(added_with_approval="").exists()


def test_load_demo_sends_no_mail(demo, mailoutbox):
    assert mailoutbox == []
    assert not Delivery.objects.exists()

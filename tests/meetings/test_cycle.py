"""The meeting cycle's services, rule by rule (M1–M6, B5)."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from aantafel.audit.models import AuditEvent
from aantafel.core.errors import ConflictError, DomainError
from aantafel.meetings import services
from aantafel.meetings.models import (
    AgendaItem,
    Attendance,
    Document,
    ItemProposal,
    ItemType,
    Meeting,
    MeetingStatus,
    Presence,
    ProposalStatus,
    Response,
)
from aantafel.meetings.services import ItemFields, MeetingDetails

from .. import factories as f
from .conftest import pdf_upload

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def _at(days: int, hour: int = 14) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=BRUSSELS)


def _details(days: int = 30, **kwargs) -> MeetingDetails:
    start = _at(days)
    return MeetingDetails(
        start, start + datetime.timedelta(hours=2), kwargs.pop("location", "Hasselt"), **kwargs
    )


def _item(title="Monitoring RTJ", item_type=ItemType.DISCUSSION, **kwargs) -> ItemFields:
    return ItemFields(title=title, item_type=item_type, **kwargs)


def _published(body, supporter, *, days: int = 30) -> Meeting:
    meeting = services.meeting_plan(actor=supporter, body=body, details=_details(days))
    services.agenda_item_add(actor=supporter, meeting=meeting, item=_item())
    return services.meeting_publish(actor=supporter, meeting=meeting)


def _started(meeting: Meeting) -> Meeting:
    """Moves a meeting into the past, as if time went by."""
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=1),
        ends_at=timezone.now() + datetime.timedelta(hours=1),
    )
    meeting.refresh_from_db()
    return meeting


# --- M1 -------------------------------------------------------------------------------------------
def test_m1_supporter_plans_a_meeting_with_place_and_online_link(body, supporter):
    meeting = services.meeting_plan(
        actor=supporter, body=body, details=_details(online_url="https://meet.example/rtj")
    )
    assert meeting.status == MeetingStatus.PLANNED
    assert meeting.location == "Hasselt"
    assert meeting.online_url == "https://meet.example/rtj"
    assert AuditEvent.objects.filter(action="meeting.plan", target_id=str(meeting.pk)).exists()


def test_m1_a_meeting_needs_a_place_or_an_online_link(body, supporter):
    with pytest.raises(DomainError) as error:
        services.meeting_plan(actor=supporter, body=body, details=_details(location=""))
    assert error.value.field == "location"
    assert not Meeting.objects.exists()


def test_m1_a_meeting_in_the_past_is_refused(body, supporter):
    with pytest.raises(DomainError) as error:
        services.meeting_plan(actor=supporter, body=body, details=_details(days=-1))
    assert (error.value.field, error.value.code) == ("starts_at", "past")
    assert not Meeting.objects.exists()


def test_m1_a_meeting_ending_before_it_starts_is_refused(body, supporter):
    start = _at(10)
    with pytest.raises(DomainError) as error:
        services.meeting_plan(
            actor=supporter, body=body, details=MeetingDetails(start, start, "Hasselt")
        )
    assert error.value.field == "ends_at"


def test_m1_a_monthly_series_keeps_weekday_and_local_time_across_daylight_saving(body, supporter):
    # The second Tuesday of the month at 14:00 Brussels time, six times.
    today = timezone.localdate()
    year = today.year + 1
    first = datetime.date(year, 1, 1)
    first += datetime.timedelta(days=(1 - first.weekday()) % 7 + 7)  # second Tuesday of Jan
    start = datetime.datetime.combine(first, datetime.time(14), tzinfo=BRUSSELS)
    meetings = services.meeting_plan_series(
        actor=supporter,
        body=body,
        details=MeetingDetails(start, start + datetime.timedelta(hours=2), "Hasselt"),
        frequency=services.Frequency.MONTHLY,
        count=6,
    )
    assert len(meetings) == 6
    assert len({m.series for m in meetings}) == 1
    for m in meetings:
        local = m.starts_at.astimezone(BRUSSELS)
        assert local.weekday() == 1
        assert 8 <= local.day <= 14
        assert local.hour == 14  # also in April–June, after the clocks changed


def test_m1_series_length_is_bounded(body, supporter):
    with pytest.raises(DomainError) as error:
        services.meeting_plan_series(
            actor=supporter, body=body, details=_details(), frequency="weekly", count=99
        )
    assert error.value.field == "count"
    assert not Meeting.objects.exists()


# --- M2 -------------------------------------------------------------------------------------------
def test_m2_member_submits_an_item_and_supporter_accepts_it_with_its_documents(
    body, member, supporter, mailoutbox
):
    meeting = services.meeting_plan(actor=supporter, body=body, details=_details(30))
    proposal = services.proposal_submit(
        actor=member,
        body=body,
        title="Wachtlijsten RTJ",
        explanation="Ouders wachten lang.",
        desired_type=ItemType.DISCUSSION,
        meeting=meeting,
    )
    services.document_add(actor=member, upload=pdf_upload(), proposal=proposal)
    item = services.proposal_accept(actor=supporter, proposal=proposal, meeting=meeting)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert proposal.decided_by == supporter
    assert item.title == "Wachtlijsten RTJ"
    assert item.presenter == member
    assert list(item.documents.values_list("late", flat=True)) == [False]


def test_m2_an_item_after_the_bodys_deadline_is_refused(body, member, supporter):
    meeting = services.meeting_plan(actor=supporter, body=body, details=_details(5))
    with pytest.raises(DomainError) as error:
        services.proposal_submit(
            actor=member,
            body=body,
            title="Te laat",
            explanation="",
            desired_type="discussion",
            meeting=meeting,
        )
    assert (error.value.field, error.value.code) == ("meeting", "deadline_passed")
    assert not ItemProposal.objects.exists()


def test_m2_declining_needs_a_reason_and_a_decided_item_cannot_be_decided_again(
    body, member, chair
):
    proposal = services.proposal_submit(
        actor=member, body=body, title="Idee", explanation="", desired_type="information"
    )
    with pytest.raises(DomainError) as error:
        services.proposal_decline(actor=chair, proposal=proposal, reason="  ")
    assert error.value.field == "reason"
    services.proposal_decline(actor=chair, proposal=proposal, reason="Hoort bij IROJ.")
    with pytest.raises(ConflictError) as conflict:
        services.proposal_decline(actor=chair, proposal=proposal, reason="Nogmaals")
    assert conflict.value.code == "already_decided"


def test_m2_deferring_moves_the_item_to_a_later_meeting(body, member, supporter):
    first = services.meeting_plan(actor=supporter, body=body, details=_details(30))
    later = services.meeting_plan(actor=supporter, body=body, details=_details(60))
    proposal = services.proposal_submit(
        actor=member, body=body, title="X", explanation="", desired_type="discussion", meeting=first
    )
    services.proposal_defer(actor=supporter, proposal=proposal, meeting=later, reason="Vol.")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DEFERRED
    assert proposal.meeting == later
    item = services.proposal_accept(actor=supporter, proposal=proposal, meeting=later)
    assert item.meeting == later


def test_m2_a_meeting_of_another_body_cannot_be_chosen(body, member, supporter, region):
    other = f.MeetingFactory(body=f.BodyFactory(region=region))
    with pytest.raises(DomainError) as error:
        services.proposal_submit(
            actor=member,
            body=body,
            title="X",
            explanation="",
            desired_type="discussion",
            meeting=other,
        )
    assert error.value.code == "unknown"


# --- M3 -------------------------------------------------------------------------------------------
def test_m3_once_started_an_item_is_added_only_with_the_meetings_recorded_approval(
    body, supporter, chair
):
    meeting = _started(_published(body, supporter))
    with pytest.raises(ConflictError) as error:
        services.agenda_item_add(actor=supporter, meeting=meeting, item=_item("Rondvraag"))
    assert error.value.code == "m3_approval_required"
    with pytest.raises(DomainError) as missing:
        services.agenda_item_add_at_meeting(
            actor=chair, meeting=meeting, item=_item("Rondvraag"), approval=""
        )
    assert missing.value.field == "approval"
    item = services.agenda_item_add_at_meeting(
        actor=chair, meeting=meeting, item=_item("Rondvraag"), approval="Geen bezwaar"
    )
    assert item.added_at_meeting
    assert item.added_with_approval == "Geen bezwaar"


def test_m3_before_the_meeting_the_approval_route_is_not_used(body, supporter, chair):
    meeting = services.meeting_plan(actor=supporter, body=body, details=_details())
    with pytest.raises(ConflictError) as error:
        services.agenda_item_add_at_meeting(
            actor=chair, meeting=meeting, item=_item(), approval="ok"
        )
    assert error.value.code == "not_started"


# --- M4 -------------------------------------------------------------------------------------------
def test_m4_items_have_type_presenter_time_and_client_impact_and_can_be_reordered(
    body, supporter, member
):
    meeting = services.meeting_plan(actor=supporter, body=body, details=_details())
    first = services.agenda_item_add(
        actor=supporter,
        meeting=meeting,
        item=_item(
            "Voorstel monitoring",
            ItemType.DECISION,
            presenter=member,
            duration_minutes=30,
            client_impact="Ouders weten sneller waar ze terecht kunnen.",
        ),
    )
    second = services.agenda_item_add(actor=supporter, meeting=meeting, item=_item("Varia"))
    services.agenda_item_move(actor=supporter, item=second, direction=-1)
    assert list(meeting.items.values_list("title", flat=True)) == ["Varia", "Voorstel monitoring"]
    first.refresh_from_db()
    assert (first.position, first.presenter, first.duration_minutes) == (2, member, 30)


def test_m4_a_presenter_from_outside_the_body_is_refused(body, supporter, outsider):
    meeting = services.meeting_plan(actor=supporter, body=body, details=_details())
    with pytest.raises(DomainError) as error:
        services.agenda_item_add(actor=supporter, meeting=meeting, item=_item(presenter=outsider))
    assert error.value.field == "presenter"
    assert not AgendaItem.objects.exists()


# --- M5 -------------------------------------------------------------------------------------------
def test_m5_publishing_invites_members_but_not_substitutes(body, supporter, chair, member):
    holder = f.MembershipFactory(body=body, seat=f.SeatFactory(body=body), seat_role="holder")
    substitute = f.MembershipFactory(
        body=body, seat=holder.seat, seat_role="substitute", substitute_for=holder
    )
    meeting = _published(body, supporter)
    invited = set(Attendance.objects.filter(meeting=meeting).values_list("user_id", flat=True))
    assert invited == {supporter.pk, chair.pk, member.pk, holder.user_id}
    assert substitute.user_id not in invited
    assert meeting.status == MeetingStatus.PUBLISHED
    assert meeting.published_by == supporter


def test_m5_an_empty_agenda_is_not_published(body, supporter):
    meeting = services.meeting_plan(actor=supporter, body=body, details=_details())
    with pytest.raises(DomainError) as error:
        services.meeting_publish(actor=supporter, meeting=meeting)
    assert error.value.code == "empty_agenda"
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED
    assert not Attendance.objects.exists()


def test_m5_lead_time_gives_the_publish_deadline_and_late_publication_is_recorded(body, supporter):
    meeting = services.meeting_plan(actor=supporter, body=body, details=_details(days=3))
    assert services.publish_deadline(meeting) == timezone.localdate() + datetime.timedelta(
        days=3 - 8
    )
    services.agenda_item_add(actor=supporter, meeting=meeting, item=_item())
    services.meeting_publish(actor=supporter, meeting=meeting)
    event = AuditEvent.objects.get(action="meeting.publish")
    assert event.changes["late"] == [None, True]


def test_m5_a_document_added_after_publication_is_marked_late(body, supporter):
    meeting = _published(body, supporter)
    item = meeting.items.get()
    document = services.document_add(actor=supporter, upload=pdf_upload(), item=item)
    assert document.late
    assert document.file.name.startswith(f"meetings/{body.region_id}/")
    assert "notitie" not in document.file.name  # stored under a generated name


def test_m5_a_change_after_publication_bumps_the_calendar_sequence(body, supporter):
    meeting = _published(body, supporter)
    uid = meeting.ical_uid
    updated = services.meeting_update(
        actor=supporter, meeting=meeting, details=_details(31, location="Genk")
    )
    assert updated.ical_sequence == 1
    assert updated.ical_uid == uid
    cancelled = services.meeting_cancel(actor=supporter, meeting=updated, reason="Ziekte")
    assert cancelled.status == MeetingStatus.CANCELLED
    assert cancelled.ical_sequence == 2


def test_m5_a_cancelled_meeting_cannot_be_changed(body, supporter):
    meeting = _published(body, supporter)
    services.meeting_cancel(actor=supporter, meeting=meeting, reason="Ziekte")
    with pytest.raises(ConflictError):
        services.meeting_update(actor=supporter, meeting=meeting, details=_details(40))


# --- Documents ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("virus.exe", b"MZ\x90\x00" + b"\x00" * 100, "type_not_allowed"),
        ("nep.pdf", b"<html><script>alert(1)</script></html>", "type_not_allowed"),
        ("leeg.pdf", b"", "empty"),
    ],
)
def test_documents_are_checked_by_content_not_by_name(body, supporter, name, content, code):
    meeting = services.meeting_plan(actor=supporter, body=body, details=_details())
    item = services.agenda_item_add(actor=supporter, meeting=meeting, item=_item())
    with pytest.raises(DomainError) as error:
        services.document_add(actor=supporter, upload=pdf_upload(name, content), item=item)
    assert (error.value.field, error.value.code) == ("file", code)
    assert not Document.objects.exists()


def test_documents_above_the_size_limit_are_refused(body, supporter, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    meeting = services.meeting_plan(actor=supporter, body=body, details=_details())
    item = services.agenda_item_add(actor=supporter, meeting=meeting, item=_item())
    with pytest.raises(DomainError) as error:
        services.document_add(
            actor=supporter, upload=pdf_upload(content=b"%PDF-" + b"0" * 2048), item=item
        )
    assert error.value.code == "too_large"
    assert not Document.objects.exists()


# --- M6 and B5 ------------------------------------------------------------------------------------
def test_m6_members_answer_and_presence_is_recorded_after_the_meeting(
    body, supporter, member, chair
):
    meeting = _published(body, supporter)
    services.attendance_respond(actor=member, meeting=meeting, response=Response.ATTENDING)
    services.attendance_respond(actor=chair, meeting=meeting, response=Response.APOLOGIES)
    meeting = _started(meeting)
    with pytest.raises(ConflictError):
        services.attendance_respond(actor=member, meeting=meeting, response=Response.APOLOGIES)
    services.meeting_mark_held(actor=supporter, meeting=meeting)
    presence = dict(Attendance.objects.filter(meeting=meeting).values_list("user_id", "presence"))
    assert presence == {
        member.pk: Presence.PRESENT,
        chair.pk: Presence.EXCUSED,
        supporter.pk: Presence.ABSENT,
    }
    mine = Attendance.objects.get(meeting=meeting, user=supporter)
    services.attendance_record(
        actor=supporter, meeting=meeting, presence={mine.pk: Presence.PRESENT}
    )
    mine.refresh_from_db()
    assert mine.presence == Presence.PRESENT


def test_m6_someone_not_invited_cannot_answer(body, supporter, other_body_member):
    meeting = _published(body, supporter)
    with pytest.raises(DomainError) as error:
        services.attendance_respond(
            actor=other_body_member, meeting=meeting, response=Response.ATTENDING
        )
    assert error.value.code == "not_invited"


def test_m6_presence_cannot_be_recorded_before_the_meeting(body, supporter):
    meeting = _published(body, supporter)
    with pytest.raises(ConflictError):
        services.attendance_record(actor=supporter, meeting=meeting, presence={})


def test_b5_apologies_of_a_seat_holder_invite_the_seats_substitute(body, supporter):
    seat = f.SeatFactory(body=body)
    holder = f.MembershipFactory(body=body, seat=seat, seat_role="holder")
    substitute = f.MembershipFactory(
        body=body, seat=seat, seat_role="substitute", substitute_for=holder
    )
    meeting = _published(body, supporter)
    services.attendance_respond(actor=holder.user, meeting=meeting, response=Response.APOLOGIES)
    invited = Attendance.objects.get(meeting=meeting, user=substitute.user)
    assert invited.substitute_for.user == holder.user
    # A second "apologies" does not invite twice.
    services.attendance_respond(actor=holder.user, meeting=meeting, response=Response.APOLOGIES)
    assert Attendance.objects.filter(meeting=meeting, user=substitute.user).count() == 1


# --- M10 (the part planning owns) -----------------------------------------------------------------
def test_m10_the_meeting_after_a_held_one_gets_the_minutes_approval_item_first(body, supporter):
    held = f.MeetingFactory(body=body, held=True)
    following = services.meeting_plan(actor=supporter, body=body, details=_details(20))
    items = list(following.items.all())
    assert [i.item_type for i in items] == [ItemType.MINUTES_APPROVAL]
    assert items[0].minutes_of == held
    # Planning yet another meeting does not add the approval a second time.
    services.meeting_plan(actor=supporter, body=body, details=_details(50))
    assert AgendaItem.objects.filter(minutes_of=held).count() == 1


def test_m10_marking_a_meeting_held_puts_the_approval_on_top_of_the_next_agenda(body, supporter):
    meeting = _published(body, supporter, days=30)
    following = services.meeting_plan(actor=supporter, body=body, details=_details(60))
    services.agenda_item_add(actor=supporter, meeting=following, item=_item("Eerste punt"))
    services.meeting_mark_held(actor=supporter, meeting=_started(meeting))
    assert list(following.items.values_list("item_type", flat=True)) == [
        ItemType.MINUTES_APPROVAL,
        ItemType.DISCUSSION,
    ]


def test_m9_an_open_action_brought_back_keeps_the_confidentiality_of_its_item(body, supporter):
    held = f.MeetingFactory(body=body, held=True)
    secret = f.AgendaItemFactory(meeting=held, confidential=True)
    action = f.ActionFactory(body=body, item=secret, meeting=held, owner=supporter)
    meeting = services.meeting_plan(actor=supporter, body=body, details=_details())
    item = services.agenda_item_from_action(actor=supporter, meeting=meeting, action=action)
    assert item.follows_up_action == action
    assert item.confidential
    with pytest.raises(ConflictError) as twice:
        services.agenda_item_from_action(actor=supporter, meeting=meeting, action=action)
    assert twice.value.code == "duplicate"


def test_m5_a_bodys_lead_times_are_set_with_the_body_and_checked(body, region_admin):
    from aantafel.bodies.services import body_update

    body_update(actor=region_admin, body=body, agenda_lead_days=14, item_deadline_days=21)
    body.refresh_from_db()
    assert (body.agenda_lead_days, body.item_deadline_days) == (14, 21)
    with pytest.raises(DomainError) as error:
        body_update(actor=region_admin, body=body, item_deadline_days=7)
    assert error.value.field == "item_deadline_days"
    body.refresh_from_db()
    assert body.item_deadline_days == 21
    event = AuditEvent.objects.filter(action="body.update").latest("pk")
    assert event.changes["agenda_lead_days"] == [8, 14]

"""M10: minutes drafted from the record, edited by one person at a time, approved at the next
meeting, frozen, and corrected only as new versions."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from aantafel.audit.models import AuditEvent
from aantafel.core.errors import ConflictError, DomainError
from aantafel.meetings import services
from aantafel.meetings.models import (
    AgendaItem,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesStatus,
    MinutesVersion,
)

from .. import factories as f


@pytest.fixture
def held(body, member, chair):
    meeting = f.MeetingFactory(body=body, held=True)
    f.AttendanceFactory(meeting=meeting, user=member, presence="present")
    f.AttendanceFactory(meeting=meeting, user=chair, presence="excused")
    return meeting


@pytest.fixture
def recorded(held, member, chair):
    """A held meeting with notes, a decision and an action on its first item."""
    item = f.AgendaItemFactory(
        meeting=held, position=1, title="Jaarplan", notes="Het jaarplan is besproken."
    )
    f.DecisionFactory(item=item, text="Het jaarplan wordt goedgekeurd.")
    f.ActionFactory(body=held.body, meeting=held, item=item, owner=member, title="Jaarplan mailen")
    f.AgendaItemFactory(
        meeting=held, position=2, title="Dossier X", notes="Geheime notitie", confidential=True
    )
    return held


@pytest.fixture
def next_meeting(body):
    return f.MeetingFactory(body=body)


@pytest.fixture
def draft(recorded, next_meeting, supporter):
    return services.minutes_draft(actor=supporter, meeting=recorded)


def _start(meeting: Meeting) -> Meeting:
    """The next meeting has begun: its agenda was published and its start has passed."""
    meeting.status = MeetingStatus.PUBLISHED
    meeting.starts_at = timezone.now() - datetime.timedelta(hours=1)
    meeting.ends_at = meeting.starts_at + datetime.timedelta(hours=2)
    meeting.save()
    return meeting


def _approval_item(meeting: Meeting) -> AgendaItem:
    return AgendaItem.objects.get(meeting=meeting, item_type="minutes_approval")


# --- drafting -------------------------------------------------------------------------------


def test_m10_draft_is_prefilled_from_attendance_items_decisions_and_actions(
    draft, recorded, member, chair
):
    text = draft.text
    assert str(member) in text
    assert str(chair) in text
    assert "Het jaarplan is besproken." in text
    assert "Het jaarplan wordt goedgekeurd." in text
    assert "Jaarplan mailen" in text
    assert "<h2>" in text
    assert "<script" not in text
    recorded.refresh_from_db()
    assert recorded.status == MeetingStatus.MINUTES_DRAFT
    assert AuditEvent.objects.filter(action="minutes.draft").exists()


def test_m10_confidential_notes_stay_out_of_the_minutes(draft):
    assert "Dossier X" in draft.text
    assert "Geheime notitie" not in draft.text


def test_m10_draft_puts_their_approval_on_the_next_agenda(draft, recorded, next_meeting):
    item = _approval_item(next_meeting)
    assert item.minutes_of == recorded
    assert item.position == 1


def test_m10_minutes_are_drafted_only_for_a_held_meeting(body, supporter):
    published = f.MeetingFactory(body=body, published=True)
    with pytest.raises(ConflictError) as error:
        services.minutes_draft(actor=supporter, meeting=published)
    assert error.value.code == "wrong_status"
    assert not Minutes.objects.exists()


def test_m10_minutes_are_drafted_once(draft, recorded, supporter):
    recorded.status = MeetingStatus.HELD
    recorded.save()
    with pytest.raises(ConflictError) as error:
        services.minutes_draft(actor=supporter, meeting=recorded)
    assert error.value.code == "already_drafted"


# --- editing --------------------------------------------------------------------------------


def test_m10_script_tags_and_handlers_are_stripped_on_save(draft, supporter):
    services.minutes_save(
        actor=supporter,
        minutes=draft,
        text='<p onclick="x()">Tekst<script>alert(1)</script></p><a href="javascript:x">l</a>'
        '<img src=x onerror="y()"><h2 style="color:red">Kop</h2>',
        revision=draft.revision,
    )
    draft.refresh_from_db()
    assert "script" not in draft.text
    assert "alert" not in draft.text
    assert "onclick" not in draft.text
    assert "onerror" not in draft.text
    assert "javascript" not in draft.text
    assert "<img" not in draft.text
    assert "style" not in draft.text
    assert "<p>Tekst</p>" in draft.text
    assert "<h2>Kop</h2>" in draft.text


def test_m10_editor_paragraphs_and_headings_are_kept(draft, supporter):
    services.minutes_save(
        actor=supporter,
        minutes=draft,
        text='<div>Een</div><div>Twee</div><h1>Kop</h1><a href="https://example.org">l</a>',
        revision=draft.revision,
    )
    draft.refresh_from_db()
    assert "<p>Een</p><p>Twee</p><h2>Kop</h2>" in draft.text
    assert 'href="https://example.org"' in draft.text


def test_m10_two_editors_the_second_is_told_and_nothing_is_overwritten(draft, supporter):
    start = draft.revision
    services.minutes_save(actor=supporter, minutes=draft, text="<p>Eerste</p>", revision=start)
    with pytest.raises(ConflictError) as error:
        services.minutes_save(actor=supporter, minutes=draft, text="<p>Tweede</p>", revision=start)
    assert error.value.code == "edited_by_someone_else"
    draft.refresh_from_db()
    assert draft.text == "<p>Eerste</p>"
    assert draft.revision == start + 1


def test_m10_minutes_cannot_be_saved_empty(draft, supporter):
    with pytest.raises(DomainError) as error:
        services.minutes_save(
            actor=supporter, minutes=draft, text="<script>x</script>", revision=draft.revision
        )
    assert error.value.field == "text"


def test_m10_circulating_tells_the_members(draft, supporter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        services.minutes_circulate(actor=supporter, minutes=draft)
    draft.refresh_from_db()
    assert draft.status == MinutesStatus.CIRCULATED
    assert draft.circulated_at
    assert len(callbacks) == 1
    with pytest.raises(ConflictError):
        services.minutes_circulate(actor=supporter, minutes=draft)


# --- approval -------------------------------------------------------------------------------


def test_m10_approval_at_the_next_meeting_freezes_version_1(draft, recorded, next_meeting, chair):
    _start(next_meeting)
    services.minutes_approve(
        actor=chair, minutes=draft, at_meeting=next_meeting, amendments="Naam gecorrigeerd."
    )
    draft.refresh_from_db()
    recorded.refresh_from_db()
    assert draft.status == MinutesStatus.APPROVED
    assert draft.approved_in == next_meeting
    assert draft.approved_at
    assert recorded.status == MeetingStatus.MINUTES_APPROVED
    version = MinutesVersion.objects.get(minutes=draft)
    assert (version.number, version.text, version.amendments) == (
        1,
        draft.text,
        "Naam gecorrigeerd.",
    )
    assert AuditEvent.objects.filter(action="minutes.approve").exists()


def test_m10_approval_with_amended_text_saves_it_cleaned(draft, next_meeting, chair):
    _start(next_meeting)
    services.minutes_approve(
        actor=chair,
        minutes=draft,
        at_meeting=next_meeting,
        amendments="Punt 1 aangevuld.",
        text="<p>Aangepast<script>x</script></p>",
        revision=draft.revision,
    )
    assert MinutesVersion.objects.get(minutes=draft).text == "<p>Aangepast</p>"


def test_m10_approving_twice_is_refused(draft, next_meeting, chair):
    _start(next_meeting)
    services.minutes_approve(actor=chair, minutes=draft, at_meeting=next_meeting)
    with pytest.raises(ConflictError) as error:
        services.minutes_approve(actor=chair, minutes=draft, at_meeting=next_meeting)
    assert error.value.code == "already_approved"
    assert MinutesVersion.objects.count() == 1


def test_m10_minutes_of_a_meeting_not_held_cannot_be_approved(body, chair):
    not_held = f.MeetingFactory(
        body=body, published=True, starts_at=timezone.now() - datetime.timedelta(days=14)
    )
    minutes = Minutes.objects.create(region=body.region, meeting=not_held, text="<p>x</p>")
    later = _start(f.MeetingFactory(body=body))
    f.AgendaItemFactory(meeting=later, item_type="minutes_approval", minutes_of=not_held)
    with pytest.raises(ConflictError) as error:
        services.minutes_approve(actor=chair, minutes=minutes, at_meeting=later)
    assert error.value.code == "not_held"
    assert not MinutesVersion.objects.exists()


def test_m10_approval_only_at_the_meeting_whose_agenda_holds_it(draft, body, chair):
    elsewhere = _start(f.MeetingFactory(body=body))
    with pytest.raises(DomainError) as error:
        services.minutes_approve(actor=chair, minutes=draft, at_meeting=elsewhere)
    assert error.value.code == "not_on_agenda"


def test_m10_approval_waits_for_the_next_meeting_to_start(draft, next_meeting, chair):
    with pytest.raises(ConflictError) as error:
        services.minutes_approve(actor=chair, minutes=draft, at_meeting=next_meeting)
    assert error.value.code == "not_started"
    draft.refresh_from_db()
    assert draft.status == MinutesStatus.DRAFT


def test_m10_approved_minutes_are_frozen(draft, next_meeting, chair, supporter):
    _start(next_meeting)
    services.minutes_approve(actor=chair, minutes=draft, at_meeting=next_meeting)
    draft.refresh_from_db()
    with pytest.raises(ConflictError) as error:
        services.minutes_save(
            actor=supporter, minutes=draft, text="<p>Anders</p>", revision=draft.revision
        )
    assert error.value.code == "frozen"
    assert MinutesVersion.objects.get().text == Minutes.objects.get().text


# --- corrections ----------------------------------------------------------------------------


def test_m10_correction_makes_a_new_version_and_never_edits_the_old(
    draft, next_meeting, chair, supporter
):
    _start(next_meeting)
    services.minutes_approve(actor=chair, minutes=draft, at_meeting=next_meeting)
    approved_text = MinutesVersion.objects.get(number=1).text
    version = services.minutes_correct(
        actor=supporter, minutes=draft, text="<p>Gecorrigeerd</p>", reason="Typfout in naam."
    )
    assert (version.number, version.reason) == (2, "Typfout in naam.")
    assert MinutesVersion.objects.get(number=1).text == approved_text
    draft.refresh_from_db()
    assert draft.text == "<p>Gecorrigeerd</p>"
    assert draft.status == MinutesStatus.APPROVED
    assert AuditEvent.objects.filter(action="minutes.correct").exists()


def test_m10_correction_needs_a_reason(draft, next_meeting, chair, supporter):
    _start(next_meeting)
    services.minutes_approve(actor=chair, minutes=draft, at_meeting=next_meeting)
    with pytest.raises(DomainError) as error:
        services.minutes_correct(actor=supporter, minutes=draft, text="<p>Nieuw</p>", reason=" ")
    assert error.value.field == "reason"
    assert MinutesVersion.objects.count() == 1


def test_m10_only_approved_minutes_are_corrected(draft, supporter):
    with pytest.raises(ConflictError) as error:
        services.minutes_correct(actor=supporter, minutes=draft, text="<p>x</p>", reason="r")
    assert error.value.code == "not_approved"


# --- pages ----------------------------------------------------------------------------------


def test_m10_minutes_editor_page_has_the_rich_text_field_and_revision(client, draft, supporter):
    client.force_login(supporter)
    response = client.get(reverse("minutes_edit", args=[draft.region.slug, draft.meeting_id]))
    assert response.status_code == 200
    assert "data-rich-text" in response.text
    assert 'name="revision"' in response.text
    assert "vendor/trix/trix.umd.min.js" in response.text
    assert "js/rich-text.js" in response.text


def test_m10_second_editor_on_the_page_keeps_the_first_text(client, draft, supporter):
    client.force_login(supporter)
    url = reverse("minutes_edit", args=[draft.region.slug, draft.meeting_id])
    start = draft.revision
    assert client.post(url, {"text": "<p>Eerste</p>", "revision": start}).status_code == 302
    response = client.post(url, {"text": "<p>Tweede</p>", "revision": start})
    assert response.status_code == 200
    assert response.context["form"].errors["text"]
    assert "Eerste" in str(response.context["latest_text"])
    assert Minutes.objects.get().text == "<p>Eerste</p>"


def test_m10_approve_page_approves_and_correct_page_shows_what_changed(
    client, draft, next_meeting, chair, supporter
):
    _start(next_meeting)
    item = _approval_item(next_meeting)
    client.force_login(chair)
    url = reverse("minutes_approve", args=[draft.region.slug, next_meeting.pk, item.pk])
    response = client.post(url, {"text": draft.text, "revision": draft.revision, "amendments": ""})
    assert response.status_code == 302
    assert Minutes.objects.get().status == MinutesStatus.APPROVED
    client.force_login(supporter)
    meeting_pk = draft.meeting_id
    response = client.post(
        reverse("minutes_correct", args=[draft.region.slug, meeting_pk]),
        {"text": draft.text + "<p>Toegevoegde zin.</p>", "reason": "Vergeten zin."},
    )
    assert response.status_code == 302
    page = client.get(reverse("minutes_version", args=[draft.region.slug, meeting_pk, 2]))
    assert page.status_code == 200
    assert ("added", "Toegevoegde zin.") in page.context["changes"]

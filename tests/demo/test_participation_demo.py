"""The demo's participation trajectory (P1) and events (P2) in Jeugdhulp Zuid-Limburg: the
trajectory with its three pillars, phases, updates and the adopted plan of approach; the
kick-off of 7 June 2023 with about 200 registrations of every audience, most checked in; a
focus group next month that is full with a waiting list; a draft; nobody mailed, and nothing
added by a second run. One load for the module, rolled back at the end (`demo`, conftest.py),
with the uploaded plan in a folder of the module's own."""

import datetime
import zoneinfo

import pytest
from django.test import override_settings
from django.utils import timezone

from aantafel.audit.models import AuditEvent
from aantafel.demo.participation import (
    AFTER_MOVIE,
    DRAFT_TITLE,
    FOCUS_GROUP_TITLE,
    KICK_OFF_TITLE,
    PILLARS,
    TITLE,
)
from aantafel.participation import links
from aantafel.participation.models import (
    AudienceType,
    DecisionStatus,
    Event,
    EventStatus,
    Phase,
    Pillar,
    Registration,
    RegistrationMail,
    RegistrationStatus,
    Trajectory,
    TrajectoryDocument,
    TrajectoryUpdate,
    UpdateKind,
)
from aantafel.participation.services.events import attendance, registration_cancel

from .conftest import load

pytestmark = pytest.mark.django_db

SLUG = "zuid-limburg"
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    """The plan of approach is uploaded while the module's demo loads: into this folder."""
    root = tmp_path_factory.mktemp("demo-media")
    with override_settings(MEDIA_ROOT=root):
        yield root


@pytest.fixture(scope="module")
def demo(media, demo):
    return demo


def _kick_off() -> Event:
    return Event.objects.get(region__slug=SLUG, title=KICK_OFF_TITLE)


@pytest.mark.smoke
def test_p1_the_trajectory_has_its_three_pillars_phases_and_updates(demo):
    trajectory = Trajectory.objects.get(region__slug=SLUG)
    assert trajectory.title == TITLE
    assert trajectory.published
    assert trajectory.summary
    assert (trajectory.starts_on, trajectory.ends_on) == (
        datetime.date(2023, 1, 1),
        datetime.date(2028, 12, 31),
    )
    pillars = list(trajectory.pillars.order_by("number").values_list("number", "name"))
    assert pillars == [
        (1, "Versterking van de reguliere (georganiseerde) medezeggenschap"),
        (2, "Ontwikkelen van medezeggenschap op regionaal gemeentelijk niveau"),
        (3, "Betrekken van de cliëntenpopulatie in de brede zin (empowerment)"),
    ]
    assert [name for name, _ in PILLARS] == [name for _, name in pillars]
    phases = list(trajectory.phases.values_list("name", flat=True))
    assert phases == ["Ophalen", "Plan van aanpak", "Uitvoering"]
    updates = TrajectoryUpdate.objects.filter(trajectory=trajectory)
    for number in (1, 2, 3):
        for kind in (UpdateKind.PROCESS, UpdateKind.RESULT):
            assert updates.filter(pillar__number=number, kind=kind).exists()
    assert updates.filter(pillar=None, kind=UpdateKind.RESULT).count() == 2
    # Dated back over the trajectory so far, every one published.
    assert not updates.filter(published_at=None).exists()
    assert updates.order_by("published_at").first().published_at.year == 2023
    # Only Zuid-Limburg has a trajectory in the demo.
    assert not Trajectory.objects.exclude(region__slug=SLUG).exists()


@pytest.mark.smoke
def test_p1_the_plan_of_approach_is_an_adopted_pdf(demo, settings, media):
    settings.MEDIA_ROOT = media
    document = TrajectoryDocument.objects.get(region__slug=SLUG)
    assert document.title == "Plan van aanpak cliëntparticipatie"
    assert document.decision_status == DecisionStatus.ADOPTED
    assert document.decided_by == "regiogemeenten Zuid-Limburg"
    assert document.decided_on < timezone.localdate()
    assert document.content_type == "application/pdf"
    with document.file.open("rb") as stored:
        content = stored.read()
    assert content.startswith(b"%PDF-1.4")
    assert content.rstrip().endswith(b"%%EOF")
    assert len(content) == document.size


@pytest.mark.smoke
def test_p2_the_kick_off_had_about_200_registrations_of_every_audience(demo):
    event = _kick_off()
    assert event.status == EventStatus.PUBLISHED
    assert event.starts_at.astimezone(AMSTERDAM).date() == datetime.date(2023, 6, 7)
    assert event.ends_at > event.starts_at
    assert event.place == "Flexiforum"
    assert "Kerkrade" in event.address
    assert event.capacity == 220
    assert event.audiences == list(AudienceType.values)
    assert event.media_url == AFTER_MOVIE
    assert "Ervaringsverhalen" in event.programme
    assert "goede praktijken" in event.programme
    figures = attendance(event)
    assert [row.audience for row in figures.rows] == list(AudienceType.values)
    for row in figures.rows:
        assert row.registered > 0
        assert 0 < row.checked_in <= row.registered
    total = figures.total
    assert 190 <= total.registered + total.cancelled <= 230
    assert 1 <= total.cancelled <= 15
    assert total.waiting == 0
    # Most came; a few did not.
    assert total.registered * 0.85 < total.checked_in < total.registered


def test_p2_the_kick_off_was_registered_for_before_it_and_checked_in_on_the_day(demo):
    event = _kick_off()
    registrations = Registration.objects.filter(event=event)
    assert not registrations.filter(created_at__gte=event.starts_at).exists()
    assert not registrations.filter(cancelled_at__gte=event.starts_at).exists()
    for registration in registrations.filter(status=RegistrationStatus.CANCELLED):
        assert registration.created_at < registration.cancelled_at
        assert registration.checked_in_at is None
    checked_in = registrations.exclude(checked_in_at=None)
    assert {r.checked_in_at.astimezone(AMSTERDAM).date() for r in checked_in} == {
        datetime.date(2023, 6, 7)
    }
    assert not checked_in.filter(checked_in_by=None).exists()
    # Fictional people only, each address once.
    emails = list(registrations.values_list("email", flat=True))
    assert all(email.endswith("@voorbeeld.example") for email in emails)
    assert len(set(emails)) == len(emails)
    assert registrations.exclude(accessibility_needs="").exists()


@pytest.mark.smoke
def test_p2_the_focus_group_next_month_is_full_with_a_waiting_list_of_two(demo):
    event = Event.objects.get(region__slug=SLUG, title=FOCUS_GROUP_TITLE)
    now = timezone.now()
    assert event.status == EventStatus.PUBLISHED
    assert now + datetime.timedelta(days=14) < event.starts_at < now + datetime.timedelta(days=45)
    assert event.registration_closes_at > now
    assert event.pillar.number == 3
    figures = attendance(event)
    assert figures.total.registered == event.capacity
    assert figures.places_left == 0
    assert figures.total.waiting == 2
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
    first = waiting.order_by("created_at", "pk").first()
    assert all(r.created_at < first.created_at for r in event.registrations.exclude(pk__in=waiting))


def test_p2_a_place_given_back_at_the_focus_group_goes_to_the_first_on_the_waiting_list(demo):
    event = Event.objects.get(region__slug=SLUG, title=FOCUS_GROUP_TITLE)
    queue = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
    first = queue.order_by("created_at", "pk").first()
    leaving = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).first()
    registration_cancel(key=links.token_for(leaving))
    first.refresh_from_db()
    assert first.status == RegistrationStatus.CONFIRMED
    assert first.promoted_at is not None
    assert queue.count() == 1


def test_p2_a_draft_event_is_not_open_for_registration(demo):
    draft = Event.objects.get(region__slug=SLUG, title=DRAFT_TITLE)
    assert draft.status == EventStatus.DRAFT
    assert draft.starts_at > timezone.now()
    assert draft.pillar.number == 2
    assert not draft.registrations.exists()
    assert Event.objects.filter(region__slug=SLUG).count() == 3
    assert not Event.objects.exclude(region__slug=SLUG).exists()


def test_p2_the_audit_trail_names_no_registrant(demo):
    events = AuditEvent.objects.filter(region__slug=SLUG, action__startswith="registration.")
    assert events.filter(action="registration.submit").count() == Registration.objects.count()
    assert events.filter(action="registration.check_in").exists()
    names = set(Registration.objects.values_list("name", flat=True))
    for event in events:
        assert "@" not in event.target_repr
        assert event.target_repr not in names
        assert "voorbeeld.example" not in str(event.changes)


@pytest.mark.smoke
def test_p2_the_demo_mails_nobody_and_a_second_run_adds_nothing(demo):
    assert not RegistrationMail.objects.exists()
    assert all("@voorbeeld.example" not in " ".join(m.to) for m in demo)
    models = [
        Trajectory,
        Pillar,
        Phase,
        TrajectoryUpdate,
        TrajectoryDocument,
        Event,
        Registration,
        RegistrationMail,
    ]
    before = {model: model.objects.count() for model in models}
    audited = AuditEvent.objects.count()
    load()
    assert {model: model.objects.count() for model in models} == before
    assert AuditEvent.objects.count() == audited
    assert before[Event] == 3
    assert before[Registration] >= 200

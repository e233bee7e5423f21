"""The signal loop's services, rule by rule (S1–S3)."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from aantafel.audit.models import AuditEvent
from aantafel.core.errors import ConflictError, DomainError
from aantafel.meetings.models import ItemProposal
from aantafel.signals import feedback, services
from aantafel.signals.models import Signal, SignalEvent, SignalMail, SignalSource
from aantafel.signals.workflow import SignalStatus

from .. import factories as f


@pytest.fixture
def theme(region):
    return f.PlanThemeFactory(region=region, name="Wachtlijsten")


def _public(region, **kwargs) -> Signal:
    return services.signal_submit_public(
        region=region,
        text=kwargs.pop("text", "Ik wacht al maanden op een eerste gesprek."),
        **kwargs,
    )


def _answered(region, triager, **kwargs) -> Signal:
    signal = _public(region, **kwargs)
    services.signal_move(actor=triager, signal=signal, status=SignalStatus.IN_PREPARATION)
    return services.signal_answer(
        actor=triager, signal=signal, answer="De kerngroep vraagt kortere wachttijden."
    )


# --- S1 -------------------------------------------------------------------------------------------
def test_s1_a_young_person_brings_in_a_signal_anonymously(region, theme):
    signal = _public(region, theme=theme)
    assert signal.source == SignalSource.PUBLIC
    assert signal.status == SignalStatus.NEW
    assert signal.contact_email == ""
    assert list(signal.themes.all()) == [theme]
    assert list(signal.events.values_list("kind", flat=True)) == [SignalEvent.Kind.SUBMITTED]
    event = AuditEvent.objects.get(action="signal.submit")
    assert event.actor is None  # nothing points to a person
    assert "maanden" not in str(event.changes)


@pytest.mark.parametrize(("text", "code"), [("   ", "required"), ("x" * 20_000, "too_long")])
def test_s1_an_empty_or_too_long_signal_is_refused(region, text, code):
    with pytest.raises(DomainError) as error:
        _public(region, text=text)
    assert (error.value.field, error.value.code) == ("text", code)
    assert not Signal.objects.exists()


def test_s1_a_theme_of_another_region_is_refused(region, other_region):
    foreign = f.PlanThemeFactory(region=other_region)
    with pytest.raises(DomainError) as error:
        _public(region, theme=foreign)
    assert (error.value.field, error.value.code) == ("theme", "unknown")
    assert not Signal.objects.exists()


def test_s1_a_wrong_email_address_is_refused(region):
    with pytest.raises(DomainError) as error:
        _public(region, contact_email="niet-een-adres")
    assert error.value.field == "contact_email"


def test_s1_a_representative_brings_in_a_signal_for_their_own_constituency(body, region):
    parents = f.ConstituencyFactory(region=region, name="Ouders")
    youth = f.ConstituencyFactory(region=region, name="Jongeren")
    representative = f.MembershipFactory(body=body, constituency=parents).user
    signal = services.signal_submit_for_constituency(
        actor=representative,
        region=region,
        text="Ouders vinden het onthaal onduidelijk.",
        constituency=parents,
    )
    assert (signal.source, signal.raised_by, signal.constituency) == (
        SignalSource.REPRESENTATIVE,
        representative,
        parents,
    )
    with pytest.raises(DomainError) as error:
        services.signal_submit_for_constituency(
            actor=representative, region=region, text="Iets anders", constituency=youth
        )
    assert (error.value.field, error.value.code) == ("constituency", "not_represented")


def test_s1_a_safety_concern_alerts_the_safeguarding_contact_and_leaves_public_view(
    region, region_admin, django_capture_on_commit_callbacks
):
    region.safeguarding_email = "veiligheid@iroj-limburg.example"
    region.save()
    signal = _answered(region, region_admin)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.signal_flag_safety(actor=region_admin, signal=signal, note="Kind niet veilig")
    signal.refresh_from_db()
    assert signal.safety_concern
    assert not signal.is_public_view_allowed
    assert [m.to for m in mail.outbox] == [["veiligheid@iroj-limburg.example"]]
    with pytest.raises(DomainError) as error:
        services.signal_close(
            actor=region_admin, signal=signal, publishable=True, public_summary="Samenvatting"
        )
    assert error.value.code == "safety_concern"


# --- S2 -------------------------------------------------------------------------------------------
def test_s2_a_signal_cannot_be_closed_without_an_answer(region, region_admin):
    signal = _public(region)
    with pytest.raises(ConflictError) as error:
        services.signal_close(actor=region_admin, signal=signal)
    assert error.value.code == "transition_not_allowed"
    signal.refresh_from_db()
    assert signal.status == SignalStatus.NEW
    assert signal.events.count() == 1


def test_s2_the_flow_from_new_to_closed_leaves_a_timeline(region, region_admin, body, supporter):
    signal = _public(region)
    services.signal_move(actor=supporter, signal=signal, status=SignalStatus.IN_PREPARATION)
    services.signal_put_on_table(
        actor=supporter, signal=signal, body=body, title="Wachttijden in de RTJ"
    )
    signal.refresh_from_db()
    proposal = ItemProposal.objects.get(pk=signal.proposal_id)
    assert (proposal.body, proposal.title) == (body, "Wachttijden in de RTJ")
    services.signal_answer(actor=supporter, signal=signal, answer="Het IROJ volgt dit op.")
    services.signal_move(actor=supporter, signal=signal, status=SignalStatus.FOLLOW_UP)
    services.signal_close(
        actor=supporter, signal=signal, publishable=True, public_summary="Wachten duurt lang."
    )
    statuses = list(
        signal.events.filter(kind=SignalEvent.Kind.STATUS).values_list("to_status", flat=True)
    )
    assert statuses == ["in_preparation", "on_the_table", "answered", "follow_up", "closed"]
    assert set(signal.events.values_list("actor", flat=True)) >= {supporter.pk}
    signal.refresh_from_db()
    assert signal.is_public_view_allowed


def test_s2_putting_on_the_table_follows_the_meetings_deadline(region, body, supporter):
    signal = _public(region)
    services.signal_move(actor=supporter, signal=signal, status=SignalStatus.IN_PREPARATION)
    soon = f.MeetingFactory(
        body=body,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        ends_at=timezone.now() + datetime.timedelta(days=3, hours=2),
    )
    with pytest.raises(DomainError) as error:
        services.signal_put_on_table(
            actor=supporter, signal=signal, body=body, title="Te laat", meeting=soon
        )
    assert error.value.code == "deadline_passed"
    signal.refresh_from_db()
    assert signal.status == SignalStatus.IN_PREPARATION
    assert not ItemProposal.objects.exists()


def test_s2_themes_of_the_plan_are_set_and_duplicates_linked_to_the_first(region, region_admin):
    first = _public(region, text="Ik wacht al lang op hulp.")
    second = _public(region, text="Het duurt zo lang voor er hulp is.")
    third = _public(region, text="Wachten, wachten, wachten.")
    services.signal_link_duplicate(actor=region_admin, signal=second, original=first)
    services.signal_link_duplicate(actor=region_admin, signal=third, original=second)
    third.refresh_from_db()
    assert third.duplicate_of == first  # always the first one, never a chain
    with pytest.raises(DomainError) as error:
        services.signal_link_duplicate(actor=region_admin, signal=first, original=third)
    assert error.value.code == "circular"
    themes = [f.PlanThemeFactory(region=region), f.PlanThemeFactory(region=region)]
    services.signal_set_themes(actor=region_admin, signal=first, themes=themes)
    assert set(first.themes.all()) == set(themes)
    foreign = f.PlanThemeFactory(region=f.RegionFactory())
    with pytest.raises(DomainError):
        services.signal_set_themes(actor=region_admin, signal=first, themes=[foreign])
    assert set(first.themes.all()) == set(themes)


def test_s2_publishing_needs_an_anonymised_text(region, region_admin):
    signal = _answered(region, region_admin)
    with pytest.raises(DomainError) as error:
        services.signal_close(actor=region_admin, signal=signal, publishable=True)
    assert error.value.field == "public_summary"
    signal.refresh_from_db()
    assert signal.status == SignalStatus.ANSWERED


# --- S3 -------------------------------------------------------------------------------------------
def test_s3_whoever_left_an_address_hears_at_the_steps_that_matter_once_each(
    region, region_admin, body, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        signal = _public(region, contact_email="ouder@voorbeeld.example")
    with django_capture_on_commit_callbacks(execute=True):
        services.signal_move(actor=region_admin, signal=signal, status="in_preparation")
    assert mail.outbox == []  # preparing is not a step the raiser hears about
    with django_capture_on_commit_callbacks(execute=True):
        services.signal_put_on_table(actor=region_admin, signal=signal, body=body, title="X")
    with django_capture_on_commit_callbacks(execute=True):
        services.signal_answer(actor=region_admin, signal=signal, answer="Ons antwoord.")
    with django_capture_on_commit_callbacks(execute=True):
        services.signal_close(actor=region_admin, signal=signal)
    assert [m.to for m in mail.outbox] == [["ouder@voorbeeld.example"]] * 3
    assert "Ons antwoord." in mail.outbox[1].body
    # A task that runs again sends nothing twice.
    for sent in SignalMail.objects.all():
        assert feedback.send(sent.pk) is False
    assert len(mail.outbox) == 3


def test_s3_a_failing_mail_server_keeps_the_mail_for_a_retry_and_sends_it_once(
    region, region_admin, settings, django_capture_on_commit_callbacks
):
    signal = _public(region, contact_email="jongere@voorbeeld.example")
    services.signal_move(actor=region_admin, signal=signal, status="in_preparation")
    settings.EMAIL_BACKEND = "tests.notifications.failing_backend.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        services.signal_answer(actor=region_admin, signal=signal, answer="Antwoord.")
    waiting = SignalMail.objects.get()
    assert waiting.sent_at is None
    assert waiting.attempts == 1
    assert waiting.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()
    assert feedback.send(waiting.pk) is False
    assert feedback.send(waiting.pk) is False
    assert len(mail.outbox) == 1

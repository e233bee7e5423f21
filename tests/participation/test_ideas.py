"""P4: ideas and priorities through the services: submitted on the public site, checked by
staff, supported once per person, answered by the region, and mailed to the author who gave an
address.

Mail goes out after the commit: tests that read the mailbox run the commit callbacks
(django_capture_on_commit_callbacks(execute=True)); the task backend runs at once."""

import datetime
import hashlib
import smtplib

import pytest
from django.utils import timezone

from aantafel.audit.models import AuditEvent
from aantafel.core.errors import ConflictError, DomainError
from aantafel.participation import mail_ideas, tasks
from aantafel.participation.models import (
    AudienceType,
    Idea,
    IdeaMail,
    IdeaStatus,
    IdeaSupport,
)
from aantafel.participation.services import ideas as services
from aantafel.participation.services.safety import flag_concern

from .factories_ideas import IdeaFactory, supports
from .factories_trajectories import PillarFactory, TrajectoryFactory

pytestmark = pytest.mark.django_db

EMAIL = "noor@voorbeeld.example"


def submit(region, **changes) -> Idea:
    values = {
        "region": region,
        "title": "Een vaste hulpverlener",
        "text": "Ik wil niet steeds mijn verhaal opnieuw vertellen.",
        "author_name": "Noor",
        "author_email": EMAIL,
        "author_audience": AudienceType.YOUNG_PERSON,
    } | changes
    return services.idea_submit(**values)


def key(n: int = 1) -> str:
    return services.supporter_key_of(f"session:bezoeker-{n}")


# --- Submitting ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("field", "changes"),
    [
        ("text", {"text": ""}),
        ("text", {"text": "   \n "}),
        ("title", {"title": ""}),
        ("text", {"text": "x" * (services.TEXT_MAX + 1)}),
        ("author_email", {"author_email": "geen-adres"}),
        ("author_audience", {"author_audience": "alien"}),
    ],
)
def test_p4_idea_with_empty_text_is_refused_and_nothing_is_saved(region, field, changes):
    with pytest.raises(DomainError) as refused:
        submit(region, **changes)
    assert refused.value.field == field
    assert not Idea.objects.exists()
    assert not IdeaMail.objects.exists()
    assert not AuditEvent.objects.filter(action="idea.submit").exists()


def test_p4_a_submitted_idea_waits_for_a_check_and_the_author_gets_a_receipt(
    region, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        idea = submit(region, text="  Een jongerenwerker op elke school.  ")
    assert idea.status == IdeaStatus.SUBMITTED
    assert idea.text == "Een jongerenwerker op elke school."
    assert not Idea.objects.public().exists()
    assert list(IdeaMail.objects.values_list("kind", flat=True)) == [mail_ideas.RECEIPT]
    (message,) = mailoutbox
    assert message.to == [EMAIL]
    assert idea.title in message.subject
    assert region.safety_contact_line in message.body
    # The audit trail says what happened, never who the author is.
    event = AuditEvent.objects.get(action="idea.submit")
    assert EMAIL not in str(event.changes)
    assert "Noor" not in str(event.changes)


def test_p4_an_idea_without_an_address_sends_no_mail(
    region, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        idea = submit(region, author_email="", author_name="")
    assert idea.pk
    assert not IdeaMail.objects.exists()
    assert not mailoutbox


def test_p4_the_pillar_sets_the_trajectory_and_must_be_of_the_region(region, other_region):
    pillar = PillarFactory(trajectory=TrajectoryFactory(region=region))
    idea = submit(region, pillar=pillar)
    assert idea.trajectory == pillar.trajectory
    foreign = PillarFactory(trajectory=TrajectoryFactory(region=other_region))
    with pytest.raises(DomainError) as refused:
        submit(region, pillar=foreign)
    assert refused.value.field == "pillar"
    other = TrajectoryFactory(region=region)
    with pytest.raises(DomainError) as refused:
        submit(region, pillar=pillar, trajectory=other)
    assert refused.value.code == "pillar_of_other_trajectory"
    assert Idea.objects.count() == 1


# --- Checking --------------------------------------------------------------------------------------
def test_p4_staff_publish_a_checked_idea_once(region, staff):
    idea = submit(region)
    services.idea_publish(actor=staff, idea=idea)
    assert idea.status == IdeaStatus.PUBLISHED
    assert idea.moderated_by == staff
    assert list(Idea.objects.public()) == [idea]
    with pytest.raises(ConflictError):
        services.idea_publish(actor=staff, idea=idea)


def test_p4_declined_idea_is_never_public_and_the_author_hears_why(
    region, staff, mailoutbox, django_capture_on_commit_callbacks
):
    idea = submit(region)
    with pytest.raises(DomainError) as refused:
        services.idea_decline(actor=staff, idea=idea, reason="  ")
    assert refused.value.field == "reason"
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.SUBMITTED
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.idea_decline(actor=staff, idea=idea, reason="Er staat de naam van je juf in.")
    assert idea.status == IdeaStatus.DECLINED
    (message,) = mailoutbox
    assert "Er staat de naam van je juf in." in message.body
    assert not Idea.objects.public().exists()
    # Nothing brings it out again: no publishing, no response, no support.
    with pytest.raises(ConflictError):
        services.idea_publish(actor=staff, idea=idea)
    with pytest.raises(ConflictError):
        services.idea_respond(actor=staff, idea=idea, response="Toch een reactie.")
    with pytest.raises(services.NotPublicError):
        services.idea_support(idea=idea, supporter_key=key())
    assert not Idea.objects.public().exists()


def test_p4_a_published_idea_can_be_taken_off_the_site_but_not_an_answered_one(region, staff):
    published = IdeaFactory(region=region)
    services.idea_decline(actor=staff, idea=published, reason="Het bleek over één persoon te gaan.")
    assert not Idea.objects.public().exists()
    answered = IdeaFactory(region=region, responded=True)
    with pytest.raises(ConflictError):
        services.idea_decline(actor=staff, idea=answered, reason="Te laat.")


# --- Support ---------------------------------------------------------------------------------------
def test_p4_support_counts_once_per_person(region):
    idea = IdeaFactory(region=region)
    services.idea_support(idea=idea, supporter_key=key(1))
    with pytest.raises(ConflictError) as refused:
        services.idea_support(idea=idea, supporter_key=key(1))
    assert refused.value.code == "already_supported"
    services.idea_support(idea=idea, supporter_key=key(2))
    assert Idea.objects.with_support().get(pk=idea.pk).support_count == 2
    assert services.supports(idea, key(1))
    assert not services.supports(idea, key(3))
    assert not services.supports(idea, None)


def test_p4_support_of_an_unpublished_idea_is_refused(region):
    for idea in (
        IdeaFactory(region=region, submitted=True),
        IdeaFactory(region=region, declined=True),
        IdeaFactory(region=region, flagged=True),
    ):
        with pytest.raises(services.NotPublicError):
            services.idea_support(idea=idea, supporter_key=key())
    assert not IdeaSupport.objects.exists()


def test_p4_an_answered_idea_can_still_be_supported(region):
    idea = IdeaFactory(region=region, responded=True)
    services.idea_support(idea=idea, supporter_key=key())
    assert idea.supports.count() == 1


def test_p4_a_supporter_key_names_no_one(region):
    """A keyed hash: not the plain sha256 of "user:<id>", which anyone could work back."""
    made = services.supporter_key_of("user:42")
    assert len(made) == 64
    assert made != hashlib.sha256(b"user:42").hexdigest()
    assert made == services.supporter_key_of("user:42") != services.supporter_key_of("user:43")
    with pytest.raises(DomainError):
        services.idea_support(idea=IdeaFactory(region=region), supporter_key="user:42")


# --- The response ----------------------------------------------------------------------------------
def test_p4_response_is_mailed_to_the_author_with_a_link_to_the_idea(
    region, staff, mailoutbox, django_capture_on_commit_callbacks
):
    idea = IdeaFactory(region=region, author_email=EMAIL)
    with pytest.raises(DomainError) as refused:
        services.idea_respond(actor=staff, idea=idea, response="")
    assert refused.value.field == "response"
    with django_capture_on_commit_callbacks(execute=True):
        services.idea_respond(
            actor=staff, idea=idea, response="We zoeken een vaste contactpersoon voor je."
        )
    idea.refresh_from_db()
    assert (idea.status, idea.responded_by) == (IdeaStatus.RESPONDED, staff)
    assert idea.responded_at is not None
    (message,) = mailoutbox
    assert message.to == [EMAIL]
    assert "We zoeken een vaste contactpersoon voor je." in message.body
    assert mail_ideas.idea_url(idea) in message.body
    assert list(Idea.objects.public()) == [idea]


def test_p4_an_edited_response_overwrites_with_audit_and_mails_nothing_more(
    region, staff, mailoutbox, django_capture_on_commit_callbacks
):
    idea = IdeaFactory(region=region)
    with django_capture_on_commit_callbacks(execute=True):
        services.idea_respond(actor=staff, idea=idea, response="Eerste antwoord.")
        services.idea_respond(actor=staff, idea=idea, response="Verbeterd antwoord.")
    idea.refresh_from_db()
    assert idea.response == "Verbeterd antwoord."
    assert len(mailoutbox) == 1
    actions = list(
        AuditEvent.objects.filter(action__startswith="idea.res").values_list("action", flat=True)
    )
    assert sorted(actions) == ["idea.respond", "idea.response_edit"]


def test_p4_an_unchecked_idea_gets_no_response_yet(region, staff):
    idea = submit(region)
    with pytest.raises(ConflictError):
        services.idea_respond(actor=staff, idea=idea, response="Al een antwoord.")
    idea.refresh_from_db()
    assert (idea.status, idea.response) == (IdeaStatus.SUBMITTED, "")


# --- Safety ----------------------------------------------------------------------------------------
def test_p4_flagged_idea_leaves_the_public_list(region, staff):
    idea = IdeaFactory(region=region)
    supports(idea, 3)
    other = IdeaFactory(region=region)
    assert set(services.public_ideas(region)) == {idea, other}
    flag_concern(actor=staff, subject=idea, reason="Ze schrijft dat ze thuis niet veilig is.")
    assert list(services.public_ideas(region)) == [other]
    with pytest.raises(services.NotPublicError):
        services.idea_support(idea=idea, supporter_key=key())


# --- Lists -----------------------------------------------------------------------------------------
def test_p4_the_public_list_puts_the_most_supported_first_or_the_newest(region):
    quiet = IdeaFactory(region=region)
    popular = IdeaFactory(region=region, responded=True)
    supports(popular, 5)
    IdeaFactory(region=region, submitted=True)
    assert list(services.public_ideas(region)) == [popular, quiet]
    Idea.objects.filter(pk=quiet.pk).update(created_at=timezone.now() + datetime.timedelta(1))
    assert list(services.public_ideas(region, "new")) == [quiet, popular]


def test_p4_the_staff_list_filters(region):
    pillar = PillarFactory(trajectory=TrajectoryFactory(region=region))
    answered = IdeaFactory(region=region, responded=True, title="Jongerenwerker op school")
    waiting = IdeaFactory(
        region=region, submitted=True, pillar=pillar, trajectory=pillar.trajectory
    )
    supports(answered, 2)

    def titles(**filters):
        return [i.title for i in services.idea_list(region, services.IdeaFilters(**filters))]

    assert titles(status="submitted") == [waiting.title]
    assert titles(responded="yes") == [answered.title]
    assert titles(responded="no") == [waiting.title]
    assert titles(pillar=pillar) == [waiting.title]
    assert titles(trajectory=pillar.trajectory) == [waiting.title]
    assert titles(q="JONGERENWERKER") == [answered.title]
    assert titles(sort="support")[0] == answered.title


# --- Mail ------------------------------------------------------------------------------------------
def test_p4_idea_mail_is_sent_once_and_retried_after_a_refusal(region, mailoutbox, monkeypatch):
    idea = IdeaFactory(region=region)
    record = mail_ideas.record(idea, mail_ideas.RECEIPT)
    assert mail_ideas.send(record.pk) is False
    assert mail_ideas.send(record.pk) is False  # sent already: not again
    assert len(mailoutbox) == 1
    failing = mail_ideas.record(idea, mail_ideas.RESPONSE)

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("weg")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    assert tasks.send_participation_mail.call("idea", failing.pk) is True
    failing.refresh_from_db()
    assert failing.sent_at is None
    assert failing.attempts == 1
    assert failing.pk in list(mail_ideas.pending(older_than=datetime.timedelta(0)))


# --- Concurrency -----------------------------------------------------------------------------------
@pytest.mark.django_db(transaction=True)
def test_p4_support_counts_once_when_the_same_person_presses_twice_at_once(region):
    """Real transactions in threads that start together: the unique constraint lets one in and
    the other hears "already supported"; nothing fails."""
    from .test_registration_concurrency import at_once

    idea = IdeaFactory(region=region)
    results = at_once(8, lambda i: services.idea_support(idea=idea, supporter_key=key(1)))
    assert sum(isinstance(r, IdeaSupport) for r in results) == 1
    assert all(isinstance(r, IdeaSupport) or r.code == "already_supported" for r in results)
    assert idea.supports.count() == 1

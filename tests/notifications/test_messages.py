"""The optional kinds of message (M2, M5, M9, M10), people's choices about them, the daily
digest and the overdue reminders."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from aantafel.audit.models import AuditEvent
from aantafel.core.errors import DomainError
from aantafel.meetings import services
from aantafel.meetings.models import Action
from aantafel.meetings.services.minutes import minutes_circulate, minutes_draft
from aantafel.meetings.services.outcomes import action_create
from aantafel.notifications.models import (
    MUST_GET,
    OPTIONAL,
    Delivery,
    DeliveryMode,
    DeliveryStatus,
    DigestItem,
    Kind,
    NotificationPreference,
)
from aantafel.notifications.services import preference_set

from .. import factories as f
from .scene import plan, publish

pytestmark = pytest.mark.django_db


def _quiet(command, *args):
    call_command(command, *args, stdout=io.StringIO())


def _submit_and_accept(body, member, supporter, capture):
    meeting = plan(body, supporter, confidential_item=False)
    proposal = services.proposal_submit(
        actor=member,
        body=body,
        title="Jongeren aan het woord",
        explanation="Een punt van onze achterban.",
        desired_type="discussion",
    )
    with capture(execute=True):
        services.proposal_accept(actor=supporter, proposal=proposal, meeting=meeting)
    return proposal


# --- M2: the submitter is told --------------------------------------------------------------------
def test_m2_the_submitter_hears_what_became_of_their_item(
    body, member, supporter, mailoutbox, django_capture_on_commit_callbacks
):
    proposal = _submit_and_accept(body, member, supporter, django_capture_on_commit_callbacks)

    assert [m.to for m in mailoutbox] == [[member.email]]
    assert "Jongeren aan het woord" in mailoutbox[0].subject
    assert Delivery.objects.get().object_id == proposal.pk


def test_m2_a_declined_item_carries_the_reason(
    body, member, supporter, mailoutbox, django_capture_on_commit_callbacks
):
    proposal = services.proposal_submit(
        actor=member, body=body, title="Parkeren", explanation="", desired_type="information"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_decline(
            actor=supporter, proposal=proposal, reason="Valt buiten het mandaat."
        )
    assert [m.to for m in mailoutbox] == [[member.email]]
    assert "Valt buiten het mandaat." in mailoutbox[0].body


# --- People's choices ----------------------------------------------------------------------------------
def test_off_suppresses_an_optional_kind(
    body, member, supporter, mailoutbox, django_capture_on_commit_callbacks
):
    preference_set(actor=member, kind=Kind.PROPOSAL_DECIDED, delivery=DeliveryMode.OFF)

    _submit_and_accept(body, member, supporter, django_capture_on_commit_callbacks)

    assert mailoutbox == []
    assert not Delivery.objects.exists()
    assert not DigestItem.objects.exists()


def test_digest_batches_an_optional_kind_into_one_mail_a_day(
    body, member, supporter, mailoutbox, django_capture_on_commit_callbacks
):
    preference_set(actor=member, kind=Kind.PROPOSAL_DECIDED, delivery=DeliveryMode.DIGEST)
    preference_set(actor=member, kind=Kind.ACTION_ASSIGNED, delivery=DeliveryMode.DIGEST)
    _submit_and_accept(body, member, supporter, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        action_create(
            actor=supporter,
            body=body,
            title="Folder herschrijven in eenvoudige taal",
            owner=member,
            due_date=timezone.localdate() + datetime.timedelta(days=30),
        )
    assert mailoutbox == []
    assert DigestItem.objects.filter(user=member).count() == 2

    _quiet("send_digests")
    _quiet("send_digests")  # the same day again: nothing more

    assert [m.to for m in mailoutbox] == [[member.email]]
    digest = mailoutbox[0]
    assert "Jongeren aan het woord" in digest.body
    assert "Folder herschrijven in eenvoudige taal" in digest.body
    assert Delivery.objects.get(kind=Kind.DIGEST).status == DeliveryStatus.SENT
    assert not DigestItem.objects.filter(delivery__isnull=True).exists()


def test_a_digest_item_after_todays_digest_waits_for_the_next_day(
    body, member, supporter, mailoutbox, django_capture_on_commit_callbacks
):
    preference_set(actor=member, kind=Kind.PROPOSAL_DECIDED, delivery=DeliveryMode.DIGEST)
    _submit_and_accept(body, member, supporter, django_capture_on_commit_callbacks)
    _quiet("send_digests")
    proposal = services.proposal_submit(
        actor=member, body=body, title="Tweede punt", explanation="", desired_type="information"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_decline(actor=supporter, proposal=proposal, reason="Dubbel.")
    _quiet("send_digests")

    assert len(mailoutbox) == 1
    assert DigestItem.objects.filter(delivery__isnull=True).count() == 1


@pytest.mark.parametrize("kind", sorted(MUST_GET))
@pytest.mark.parametrize("delivery", [DeliveryMode.OFF, DeliveryMode.DIGEST])
def test_must_get_kinds_cannot_be_turned_off(member, kind, delivery):
    with pytest.raises(DomainError) as error:
        preference_set(actor=member, kind=kind, delivery=delivery)
    assert error.value.code == "must_get"
    assert error.value.field == "delivery"
    assert not NotificationPreference.objects.exists()


def test_must_get_kinds_arrive_whatever_was_stored(
    body, supporter, member, mailoutbox, django_capture_on_commit_callbacks
):
    """Even a preference written around the service (it cannot be, the database refuses it)
    would not stop an invitation: must-get kinds are never looked up."""
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        NotificationPreference.objects.create(
            user=member, kind=Kind.MEETING_INVITATION, delivery=DeliveryMode.OFF
        )
    publish(body, supporter, django_capture_on_commit_callbacks)
    assert member.email in {m.to[0] for m in mailoutbox}


def test_preference_rejects_unknown_choices(member):
    with pytest.raises(DomainError) as error:
        preference_set(actor=member, kind="everything", delivery=DeliveryMode.OFF)
    assert error.value.field == "kind"
    with pytest.raises(DomainError) as error:
        preference_set(actor=member, kind=Kind.LATE_DOCUMENT, delivery="weekly")
    assert error.value.field == "delivery"


def test_a_preference_change_is_audited(member):
    preference_set(actor=member, kind=Kind.LATE_DOCUMENT, delivery=DeliveryMode.DIGEST)
    preference_set(actor=member, kind=Kind.LATE_DOCUMENT, delivery=DeliveryMode.DIGEST)
    event = AuditEvent.objects.get(action="notification_preference.set")
    assert event.actor == member
    assert event.changes["delivery"] == ["immediate", "digest"]


# --- The preferences page ------------------------------------------------------------------------------
def test_the_preferences_page_needs_a_login(client):
    response = client.get(reverse("notification_preferences"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_preferences_page_saves_choices(client, member):
    client.force_login(member)
    assert client.get(reverse("notification_preferences")).status_code == 200
    data = {str(kind): DeliveryMode.IMMEDIATE for kind in OPTIONAL}
    data[Kind.MINUTES_CIRCULATED] = DeliveryMode.DIGEST
    data[Kind.ACTION_OVERDUE] = DeliveryMode.OFF

    response = client.post(reverse("notification_preferences"), data)

    assert response.status_code == 302
    assert dict(
        NotificationPreference.objects.filter(user=member).values_list("kind", "delivery")
    ) == {Kind.MINUTES_CIRCULATED: DeliveryMode.DIGEST, Kind.ACTION_OVERDUE: DeliveryMode.OFF}


def test_the_preferences_page_refuses_a_bad_choice(client, member):
    client.force_login(member)
    data = {str(kind): DeliveryMode.IMMEDIATE for kind in OPTIONAL}
    data[Kind.LATE_DOCUMENT] = "hourly"
    data[Kind.MEETING_INVITATION] = DeliveryMode.OFF  # not a field: ignored
    response = client.post(reverse("notification_preferences"), data)
    assert response.status_code == 200
    assert Kind.LATE_DOCUMENT in response.context["form"].errors
    assert not NotificationPreference.objects.exists()


# --- M5: documents added late -----------------------------------------------------------------------
def _pdf(name="nota.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(
        name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", content_type="application/pdf"
    )


def test_m5_a_late_document_is_told_to_the_invited(
    body, supporter, chair, member, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = publish(body, supporter, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    item = meeting.items.get(confidential=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.document_add(actor=supporter, upload=_pdf(), title="Cijfers 2024", item=item)

    # Everyone invited but the one who added it.
    assert sorted(m.to[0] for m in mailoutbox) == sorted([chair.email, member.email])
    assert "Cijfers 2024" in mailoutbox[0].subject


def test_m4_a_late_document_of_a_confidential_item_is_told_to_seated_members_only(
    body, supporter, member, mailoutbox, django_capture_on_commit_callbacks
):
    guest = f.MembershipFactory(body=body, role="guest").user
    meeting = publish(body, supporter, django_capture_on_commit_callbacks)
    assert guest.email in {m.to[0] for m in mailoutbox}  # invited to the meeting itself
    mailoutbox.clear()
    item = meeting.items.get(confidential=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.document_add(actor=supporter, upload=_pdf(), title="Dossier", item=item)

    assert [m.to for m in mailoutbox] == [[member.email]]
    assert "Dossier" not in mailoutbox[0].subject


# --- M10: draft minutes ----------------------------------------------------------------------------------
def test_m10_circulated_minutes_are_told_to_the_seated_members(
    body, supporter, chair, member, mailoutbox, django_capture_on_commit_callbacks
):
    guest = f.MembershipFactory(body=body, role="guest").user
    meeting = f.MeetingFactory(body=body, held=True)
    minutes = minutes_draft(actor=supporter, meeting=meeting)
    with django_capture_on_commit_callbacks(execute=True):
        minutes_circulate(actor=supporter, minutes=minutes)

    recipients = sorted(m.to[0] for m in mailoutbox)
    assert recipients == sorted([supporter.email, chair.email, member.email])
    assert guest.email not in recipients


# --- M9: actions --------------------------------------------------------------------------------------------
def test_m9_the_owner_of_a_new_action_is_told(
    body, supporter, member, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        action_create(
            actor=supporter,
            body=body,
            title="Bevraging bij jongeren opzetten",
            owner=member,
            due_date=timezone.localdate() + datetime.timedelta(days=30),
            description="Met de jongerenraad.",
        )
    assert [m.to for m in mailoutbox] == [[member.email]]
    assert "Bevraging bij jongeren opzetten" in mailoutbox[0].body
    assert "Met de jongerenraad." in mailoutbox[0].body


def test_m9_overdue_actions_are_reminded_once(body, member, mailoutbox):
    today = timezone.localdate()
    overdue = f.ActionFactory(body=body, owner=member, overdue=True, title="Verslag nalezen")
    f.ActionFactory(body=body, owner=member, title="Nog niet te laat")
    f.ActionFactory(body=body, owner=member, overdue=True, status="done")

    _quiet("remind_overdue_actions")
    _quiet("remind_overdue_actions")  # cron ran twice: one reminder

    assert [m.to for m in mailoutbox] == [[member.email]]
    assert "Verslag nalezen" in mailoutbox[0].body
    overdue.refresh_from_db()
    assert overdue.last_reminded_on == today
    delivery = Delivery.objects.get(kind=Kind.ACTION_OVERDUE)
    assert (delivery.object_id, delivery.version) == (overdue.pk, today.isoformat())


def test_m9_an_overdue_reminder_can_go_into_the_digest(body, member, mailoutbox):
    preference_set(actor=member, kind=Kind.ACTION_OVERDUE, delivery=DeliveryMode.DIGEST)
    f.ActionFactory(body=body, owner=member, overdue=True, title="Verslag nalezen")
    _quiet("remind_overdue_actions")
    assert mailoutbox == []
    _quiet("send_digests")
    assert [m.to for m in mailoutbox] == [[member.email]]
    assert "Verslag nalezen" in mailoutbox[0].body
    assert Action.objects.get(title="Verslag nalezen").last_reminded_on == timezone.localdate()

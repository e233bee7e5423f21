"""The table's mail goes out once, and again after a failure (aantafel.core.outbox)."""

import datetime
import smtplib

import pytest
from django.utils import timezone

from aantafel.casework import mail, tasks
from aantafel.casework.models import CaseMail
from aantafel.casework.services import consultations

pytestmark = pytest.mark.django_db


def _schedule(case):
    starts_at = timezone.now() + datetime.timedelta(days=5)
    return consultations.consultation_schedule(
        actor=case.chair,
        case=case,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=1),
        location="Online",
    )


def test_a_case_mail_is_sent_once(case, professional, mailoutbox):
    _schedule(case)  # no commit in this test: the records wait, nothing is sent yet
    records = list(CaseMail.objects.filter(case=case))
    assert records
    assert not mailoutbox
    for record in records:
        assert mail.send(record.pk) is False
        assert mail.send(record.pk) is False
    assert len(mailoutbox) == len(records)
    assert all(r.sent_at for r in CaseMail.objects.filter(case=case))


def test_a_refused_mail_is_tried_again(case, professional, mailoutbox, monkeypatch):
    _schedule(case)
    record = CaseMail.objects.filter(case=case).first()

    def refuse(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    assert mail.send(record.pk) is True
    record.refresh_from_db()
    assert record.sent_at is None
    assert record.attempts == 1
    monkeypatch.undo()
    CaseMail.objects.filter(pk=record.pk).update(
        updated_at=timezone.now() - datetime.timedelta(hours=1)
    )
    assert tasks.requeue_pending() >= 1
    record.refresh_from_db()
    assert record.sent_at is not None


def test_an_invitation_overtaken_by_a_cancellation_cancels(case, professional, mailoutbox):
    consultation = _schedule(case)
    invitation = CaseMail.objects.filter(case=case, kind=mail.CONSULTATION_INVITATION).first()
    consultations.consultation_cancel(actor=case.chair, consultation=consultation)
    mail.send(invitation.pk)
    (message,) = mailoutbox
    assert "method=CANCEL" in message.alternatives[0][1]

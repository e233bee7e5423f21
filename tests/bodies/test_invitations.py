"""B5 invitations: the e-mailed link, setting a password, joining; and what a link cannot do."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from aantafel.accounts.models import User
from aantafel.audit.models import AuditEvent
from aantafel.bodies import services
from aantafel.bodies.models import Invitation, Membership
from aantafel.bodies.services.memberships import MembershipTerms
from aantafel.core.errors import ConflictError, DomainError

from .. import factories as f


def _invite(body, actor, email="nieuw@voorbeeld.example", capture=None, **kw):
    terms = MembershipTerms(role="member", start_date=timezone.localdate(), **kw)
    with capture(execute=True):
        return services.invitation_create(
            actor=actor, body=body, email=email, full_name="Nieuw Lid", terms=terms
        )


def _token_from_mail() -> str:
    assert len(mail.outbox) == 1
    match = re.search(r"/uitnodiging/([\w-]+)/", mail.outbox[0].body)
    assert match, mail.outbox[0].body
    return match.group(1)


def test_b5_invitation_mail_carries_a_link_that_works_once(
    body, region_admin, django_capture_on_commit_callbacks
):
    seat = f.SeatFactory(body=body)
    invitation = _invite(
        body,
        region_admin,
        capture=django_capture_on_commit_callbacks,
        seat=seat,
        seat_role="holder",
    )
    message = mail.outbox[0]
    assert message.to == ["nieuw@voorbeeld.example"]
    assert body.name in message.subject
    assert message.alternatives
    assert message.alternatives[0][1] == "text/html"
    token = _token_from_mail()
    assert token not in Invitation.objects.get(pk=invitation.pk).token_hash  # only a hash is kept

    membership = services.invitation_accept(
        token=token, full_name="Nieuw Lid", password="een-sterk-wachtwoord-9"
    )
    assert membership.seat == seat
    assert membership.seat_role == "holder"
    assert User.objects.get(email="nieuw@voorbeeld.example").check_password(
        "een-sterk-wachtwoord-9"
    )
    assert AuditEvent.objects.filter(action="invitation.accept").exists()
    with pytest.raises(ConflictError):
        services.invitation_accept(
            token=token, full_name="Nog eens", password="een-sterk-wachtwoord-9"
        )


def test_b5_weak_password_is_refused_and_nothing_is_saved(
    body, region_admin, django_capture_on_commit_callbacks
):
    _invite(body, region_admin, capture=django_capture_on_commit_callbacks)
    with pytest.raises(DomainError) as error:
        services.invitation_accept(token=_token_from_mail(), full_name="Nieuw Lid", password="1234")
    assert error.value.field == "password1"
    assert not User.objects.filter(email="nieuw@voorbeeld.example").exists()
    assert not Membership.objects.filter(user__email="nieuw@voorbeeld.example").exists()


def test_b5_withdrawn_or_expired_link_no_longer_works(
    body, region_admin, django_capture_on_commit_callbacks
):
    invitation = _invite(body, region_admin, capture=django_capture_on_commit_callbacks)
    token = _token_from_mail()
    services.invitation_revoke(actor=region_admin, invitation=invitation)
    with pytest.raises(ConflictError):
        services.invitation_accept(token=token, full_name="X", password="een-sterk-wachtwoord-9")

    mail.outbox.clear()
    second = _invite(
        body,
        region_admin,
        email="ander@voorbeeld.example",
        capture=django_capture_on_commit_callbacks,
    )
    Invitation.objects.filter(pk=second.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    with pytest.raises(ConflictError):
        services.invitation_accept(
            token=_token_from_mail(), full_name="X", password="een-sterk-wachtwoord-9"
        )


def test_b5_resending_replaces_the_link(body, region_admin, django_capture_on_commit_callbacks):
    invitation = _invite(body, region_admin, capture=django_capture_on_commit_callbacks)
    old = _token_from_mail()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_resend(actor=region_admin, invitation=invitation)
    new = _token_from_mail()
    assert new != old
    with pytest.raises(ConflictError):
        services.invitation_accept(token=old, full_name="X", password="een-sterk-wachtwoord-9")
    assert (
        services.invitation_accept(token=new, full_name="X", password="een-sterk-wachtwoord-9").body
        == body
    )


def test_b5_existing_account_must_log_in_to_accept(
    body, region_admin, django_capture_on_commit_callbacks, client
):
    existing = f.UserFactory(email="bestaand@voorbeeld.example")
    _invite(body, region_admin, email=existing.email, capture=django_capture_on_commit_callbacks)
    token = _token_from_mail()
    with pytest.raises(ConflictError):
        services.invitation_accept(token=token, full_name="X", password="een-sterk-wachtwoord-9")
    someone_else = f.UserFactory()
    with pytest.raises(DomainError):
        services.invitation_accept(token=token, user=someone_else)
    membership = services.invitation_accept(token=token, user=existing)
    assert membership.user == existing


def test_accept_page_sets_password_logs_in_and_lands_on_my_bodies(
    body, region_admin, client, django_capture_on_commit_callbacks
):
    _invite(body, region_admin, capture=django_capture_on_commit_callbacks)
    url = reverse("invitation_accept", args=[_token_from_mail()])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "full_name": "Nieuw Lid",
            "password1": "een-sterk-wachtwoord-9",
            "password2": "iets-anders-9999",
        },
    )
    assert response.status_code == 200
    assert "not the same" in response.text or "niet hetzelfde" in response.text
    response = client.post(
        url,
        {
            "full_name": "Nieuw Lid",
            "password1": "een-sterk-wachtwoord-9",
            "password2": "een-sterk-wachtwoord-9",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("home")
    assert body.name in response.text
    assert client.get(url).status_code == 404  # the link is used up


def test_unknown_invitation_link_is_404(client, db):
    assert client.get(reverse("invitation_accept", args=["onzin"])).status_code == 404

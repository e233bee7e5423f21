import datetime
import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.accounts.models import User
from aantafel.accounts.services import user_create
from aantafel.audit.services import audit_created, audit_record
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.typing import Actor

from ..mail import send_invitation_mail
from ..models import Body, Invitation, Membership
from ._checks import require_text
from .memberships import MembershipTerms, check_membership_terms, create_membership

VALID_FOR = datetime.timedelta(days=14)
AUDITED = [
    "email",
    "full_name",
    "role",
    "seat",
    "seat_role",
    "start_date",
    "end_date",
    "expires_at",
]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, _hash(token)


def _open_invitations(body: Body, email: str) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        body=body,
        email__iexact=email,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    )


@transaction.atomic
def invitation_create(
    *, actor: Actor, body: Body, email: str, full_name: str, terms: MembershipTerms
) -> Invitation:
    """B5: invite a person by e-mail to join the body on these terms. The link lets them set a
    password and join; the terms are checked now and again when they accept."""
    Body.objects.select_for_update().filter(pk=body.pk).first()
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise DomainError(_("Enter a valid e-mail address."), field="email") from None
    full_name = require_text(
        full_name, field="full_name", message=_("Give the name of the person you invite.")
    )
    if _open_invitations(body, email).exists():
        raise DomainError(_("This address has already been invited to this body."), field="email")
    existing = get_user_model().objects.filter(email__iexact=email).first()
    terms = check_membership_terms(body, terms, user=existing)
    token, token_hash = _new_token()
    invitation = Invitation.objects.create(
        region=body.region,
        body=body,
        email=email,
        full_name=full_name,
        token_hash=token_hash,
        invited_by=actor,
        expires_at=timezone.now() + VALID_FOR,
        **terms.__dict__,
    )
    audit_created(
        actor=actor,
        action="invitation.create",
        target=invitation,
        region=body.region,
        fields=AUDITED,
    )
    transaction.on_commit(lambda: send_invitation_mail(invitation, token))
    return invitation


@transaction.atomic
def invitation_resend(*, actor: Actor, invitation: Invitation) -> Invitation:
    """A new link (the old one stops working) and a new validity period."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at or invitation.revoked_at:
        raise ConflictError(_("This invitation has been accepted or withdrawn."))
    token, invitation.token_hash = _new_token()
    invitation.expires_at = timezone.now() + VALID_FOR
    invitation.save(update_fields=["token_hash", "expires_at", "updated_at"])
    audit_record(
        actor=actor, action="invitation.resend", target=invitation, region=invitation.region
    )
    transaction.on_commit(lambda: send_invitation_mail(invitation, token))
    return invitation


@transaction.atomic
def invitation_revoke(*, actor: Actor, invitation: Invitation) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise ConflictError(_("This invitation has already been accepted."))
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at", "updated_at"])
        audit_record(
            actor=actor, action="invitation.revoke", target=invitation, region=invitation.region
        )
    return invitation


def invitation_by_token(token: str) -> Invitation | None:
    """The open invitation behind a link, or None for a wrong, used, withdrawn or old link."""
    invitation = (
        Invitation.objects.select_related("body", "region").filter(token_hash=_hash(token)).first()
    )
    return invitation if invitation is not None and invitation.is_open else None


@transaction.atomic
def invitation_accept(
    *, token: str, user: User | None = None, full_name: str = "", password: str = ""
) -> Membership:
    """The invitee joins: a logged-in user with the invited address, or a new account made with
    the password they choose now."""
    invitation = Invitation.objects.select_for_update().filter(token_hash=_hash(token)).first()
    if invitation is None or not invitation.is_open:
        raise ConflictError(_("This invitation link is no longer valid. Ask for a new invitation."))
    Body.objects.select_for_update().filter(pk=invitation.body_id).first()
    User = get_user_model()
    if user is not None and user.is_authenticated:
        if user.email.lower() != invitation.email.lower():
            raise DomainError(
                _("This invitation is for %(email)s. Log out and open the link again.")
                % {"email": invitation.email}
            )
    elif User.objects.filter(email__iexact=invitation.email).exists():
        raise ConflictError(
            _("There is already an account with this address. Log in to accept."),
            code="login_required",
        )
    else:
        full_name = require_text(
            full_name or invitation.full_name, field="full_name", message=_("Give your name.")
        )
        candidate = User(email=invitation.email, full_name=full_name)
        try:
            validate_password(password, candidate)
        except ValidationError as error:
            raise DomainError(" ".join(error.messages), field="password1") from None
        user = user_create(email=invitation.email, full_name=full_name, password=password)
    # A term cannot start before the person said yes.
    terms = MembershipTerms.of(
        invitation, start_date=max(invitation.start_date, timezone.localdate())
    )
    membership = create_membership(actor=user, body=invitation.body, user=user, terms=terms)
    invitation.accepted_at = timezone.now()
    invitation.membership = membership
    invitation.save(update_fields=["accepted_at", "membership", "updated_at"])
    audit_record(
        actor=user, action="invitation.accept", target=invitation, region=invitation.region
    )
    return membership

"""ADR 0010 / issue 5: two-factor authentication for every account with access to case data.

Who needs it: anyone with a role in a region's cliëntoverleg service (coordinator, chair of the
pool, data protection officer), the chair of a case that is not anonymised yet, and a
professional or expert seated at a table. Who does not: the clients (the young person, the
parents) and non-professionals at the table (a trusted person, the network): they log in with a
code sent to their e-mail address, which already proves they hold the address the case knows.

The answer is one query, asked together with "has this user set up TOTP", so the middleware
that enforces it costs no query more than before (accounts.middleware)."""

from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.db.models import Exists

from aantafel.core.typing import AnyUser

from .models import PROFESSIONAL_KINDS, Case, CaseworkRole
from .permissions import seated_participants


def _case_access(user_pk: int) -> tuple[Exists, Exists, Exists]:
    return (
        Exists(CaseworkRole.objects.filter(user=user_pk)),
        # A chair keeps reading the case after it closed, until it is anonymised.
        Exists(Case.objects.filter(chair=user_pk, anonymised_at__isnull=True)),
        Exists(
            seated_participants().filter(
                user=user_pk,
                kind__in=sorted(PROFESSIONAL_KINDS),
                case__anonymised_at__isnull=True,
            )
        ),
    )


def totp_and_case_access(user: AnyUser) -> tuple[bool, bool]:
    """(has TOTP set up, needs two-factor authentication for case data), in one query."""
    if not user.is_authenticated:
        return False, False
    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values_list(
            Exists(Authenticator.objects.filter(user=user.pk, type=Authenticator.Type.TOTP)),
            *_case_access(user.pk),
        )
        .first()
    )
    if row is None:
        return False, False
    has_totp, *access = row
    return bool(has_totp), any(access)


def needs_two_factor(user: AnyUser) -> bool:
    """True for an account with access to case data (see the module's docstring)."""
    return totp_and_case_access(user)[1]

"""S1: signals brought in by young people and parents (public form) and by representatives."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_record
from aantafel.bodies.models import Constituency, Membership
from aantafel.core.errors import DomainError
from aantafel.core.typing import Actor
from aantafel.regions.models import PlanTheme, Region

from ..models import Signal, SignalEvent, SignalSource
from ._common import checked_text, checked_themes, record


def _checked_email(email: str) -> str:
    email = (email or "").strip()
    if not email:
        return ""
    try:
        validate_email(email)
    except ValidationError as error:
        raise DomainError(
            _("This e-mail address does not look right."), field="contact_email", code="invalid"
        ) from error
    return email


@transaction.atomic
def signal_submit_public(
    *,
    region: Region,
    text: str,
    contact_email: str = "",
    theme: PlanTheme | None = None,
) -> Signal:
    """S1: a young person or parent says what is going on, without an account, anonymously or
    with an address for feedback. Nothing about them is stored beyond what they typed."""
    text = checked_text(text)
    checked_themes(region, [theme], field="theme")
    signal = Signal.objects.create(
        region=region,
        text=text,
        source=SignalSource.PUBLIC,
        contact_email=_checked_email(contact_email),
        suggested_theme=theme,
    )
    if theme is not None:
        signal.themes.add(theme)
    record(signal, SignalEvent.Kind.SUBMITTED, actor=None, to_status=signal.status)
    # The audit log names no person and holds no text: the signal may be anonymous.
    audit_record(
        actor=None,
        action="signal.submit",
        target=signal,
        region=region,
        changes={"source": [None, SignalSource.PUBLIC]},
    )
    return signal


@transaction.atomic
def signal_submit_for_constituency(
    *,
    actor: Actor,
    region: Region,
    text: str,
    constituency: Constituency,
    theme: PlanTheme | None = None,
) -> Signal:
    """S1: a representative brings in a signal for the constituency they represent in one of
    the region's bodies."""
    if actor is None:
        raise ValueError("A representative's signal is always brought in by a person.")
    text = checked_text(text)
    checked_themes(region, [theme], field="theme")
    represents = (
        Membership.objects.current()
        .filter(user=actor, region=region, constituency=constituency)
        .exists()
    )
    if constituency is None or constituency.region_id != region.pk or not represents:
        raise DomainError(
            _("You can bring in a signal only for a constituency you represent."),
            field="constituency",
            code="not_represented",
        )
    signal = Signal.objects.create(
        region=region,
        text=text,
        source=SignalSource.REPRESENTATIVE,
        raised_by=actor,
        constituency=constituency,
        suggested_theme=theme,
    )
    if theme is not None:
        signal.themes.add(theme)
    record(signal, SignalEvent.Kind.SUBMITTED, actor=actor, to_status=signal.status)
    audit_record(
        actor=actor,
        action="signal.submit",
        target=signal,
        region=region,
        changes={
            "source": [None, SignalSource.REPRESENTATIVE],
            "constituency": [None, str(constituency)],
        },
    )
    return signal

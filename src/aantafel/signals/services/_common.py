"""What the signal services share: the text check, theme check, the timeline."""

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from aantafel.core.errors import DomainError
from aantafel.core.text import limited_text
from aantafel.core.typing import Actor
from aantafel.core.workflow import timeline_add
from aantafel.regions.models import PlanTheme, Region

from ..models import MAX_TEXT, Signal, SignalEvent


def checked_text(text: str, *, field: str = "text") -> str:
    return limited_text(
        text, field=field, max_length=MAX_TEXT, required=_("Write what is going on.")
    )


def checked_themes(region: Region, themes: Iterable[PlanTheme | None], *, field: str) -> list:
    """B1: a theme of another region does not exist here."""
    result = [t for t in themes if t is not None]
    if any(t.region_id != region.pk for t in result):
        raise DomainError(
            _("This choice does not exist in this region."), field=field, code="unknown"
        )
    return result


def record(
    signal: Signal,
    kind: str,
    *,
    actor: Actor,
    from_status: str = "",
    to_status: str = "",
    note: str = "",
) -> SignalEvent:
    """S2: one line on the signal's timeline, written in the same transaction as the change."""
    return timeline_add(
        SignalEvent,
        signal,
        kind,
        actor=actor,
        from_status=from_status,
        to_status=to_status,
        note=note,
    )


def lock(signal: Signal) -> Signal:
    """Reads the signal again under a row lock: its status decides what may happen next."""
    return Signal.objects.select_for_update(of=("self",)).select_related("region").get(pk=signal.pk)

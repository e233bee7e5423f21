"""S2, S3: the supporter triages a signal, brings it to a table, answers and closes it."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_record
from aantafel.bodies.models import Body
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.text import plain
from aantafel.core.typing import Actor
from aantafel.core.workflow import require_transition
from aantafel.meetings.models import ItemType, Meeting
from aantafel.meetings.services import proposal_submit
from aantafel.regions.models import PlanTheme

from .. import feedback
from ..models import Signal, SignalEvent
from ..workflow import TOLD_TO_RAISER, SignalStatus, can_move
from ._common import checked_text, checked_themes, lock, record

# Statuses reached through their own service, because they need more than a click.
MOVED_ELSEWHERE = {SignalStatus.ON_THE_TABLE, SignalStatus.ANSWERED, SignalStatus.CLOSED}


def _transition(actor: Actor, signal: Signal, target: str, note: str = "") -> None:
    """Moves a locked signal along the flow, with its timeline line and audit event."""
    require_transition(
        SignalStatus,
        signal.status,
        target,
        allowed=can_move,
        message=_("A signal cannot go from “%(from)s” to “%(to)s”."),
    )
    before = signal.status
    signal.status = target
    record(
        signal,
        SignalEvent.Kind.STATUS,
        actor=actor,
        from_status=before,
        to_status=target,
        note=note,
    )
    audit_record(
        actor=actor,
        action="signal.status",
        target=signal,
        region=signal.region,
        changes={"status": [before, target]},
    )
    if target in TOLD_TO_RAISER:
        transaction.on_commit(lambda: feedback.raiser_told(signal.pk, target))


@transaction.atomic
def signal_move(*, actor: Actor, signal: Signal, status: str, note: str = "") -> Signal:
    """S2: a step that needs nothing more than a note: in preparation, follow-up."""
    if status in MOVED_ELSEWHERE or status not in SignalStatus.values:
        raise DomainError(_("Choose the next step of the signal."), field="status")
    signal = lock(signal)
    _transition(actor, signal, status, plain(note))
    signal.save(update_fields=["status", "updated_at"])
    return signal


@transaction.atomic
def signal_set_themes(*, actor: Actor, signal: Signal, themes: Iterable[PlanTheme]) -> Signal:
    """S2: the themes of the region's plan the signal belongs to."""
    signal = lock(signal)
    chosen = checked_themes(signal.region, themes, field="themes")
    before = sorted(t.name for t in signal.themes.all())
    signal.themes.set(chosen)
    after = sorted(t.name for t in chosen)
    if before != after:
        record(signal, SignalEvent.Kind.THEMES, actor=actor, note=", ".join(after))
        audit_record(
            actor=actor,
            action="signal.themes",
            target=signal,
            region=signal.region,
            changes={"themes": [before, after]},
        )
    return signal


@transaction.atomic
def signal_link_duplicate(*, actor: Actor, signal: Signal, original: Signal) -> Signal:
    """S2: the same concern raised again is linked to the earlier signal, so it is counted and
    answered with it."""
    signal = lock(signal)
    if original.region_id != signal.region_id:
        raise DomainError(
            _("This choice does not exist in this region."), field="original", code="unknown"
        )
    root = Signal.objects.get(pk=original.pk)  # as it is now, not as the caller read it
    while root.duplicate_of_id is not None:  # link to the first one, never in a circle
        root = Signal.objects.get(pk=root.duplicate_of_id)
    if root.pk == signal.pk:
        raise DomainError(
            _("A signal cannot be the same as itself."), field="original", code="circular"
        )
    signal.duplicate_of = root
    signal.save(update_fields=["duplicate_of", "updated_at"])
    record(signal, SignalEvent.Kind.DUPLICATE, actor=actor, note=f"#{root.pk}")
    audit_record(
        actor=actor,
        action="signal.duplicate",
        target=signal,
        region=signal.region,
        changes={"duplicate_of": [None, root.pk]},
    )
    return signal


@transaction.atomic
def signal_put_on_table(
    *, actor: Actor, signal: Signal, body: Body, title: str, meeting: Meeting | None = None
) -> Signal:
    """S2: "on the table" is an item proposal on a body's meeting (the meeting cycle's M2 flow,
    with its deadline); the raiser hears it reached a table (S3)."""
    signal = lock(signal)
    if body.region_id != signal.region_id:
        raise DomainError(
            _("This choice does not exist in this region."), field="body", code="unknown"
        )
    if not can_move(signal.status, SignalStatus.ON_THE_TABLE):
        raise ConflictError(
            _("Prepare the signal before it goes to a table."), code="transition_not_allowed"
        )
    proposal = proposal_submit(
        actor=actor,
        body=body,
        title=title,
        explanation=signal.text,
        desired_type=ItemType.DISCUSSION,
        meeting=meeting,
    )
    signal.proposal = proposal
    _transition(actor, signal, SignalStatus.ON_THE_TABLE, body.name)
    signal.save(update_fields=["status", "proposal", "updated_at"])
    return signal


@transaction.atomic
def signal_answer(*, actor: Actor, signal: Signal, answer: str) -> Signal:
    """S2, S3: the answer to the signal, in words its raiser understands; they are told."""
    signal = lock(signal)
    signal.answer = checked_text(answer, field="answer")
    signal.answered_at = timezone.now()
    _transition(actor, signal, SignalStatus.ANSWERED)
    signal.save(update_fields=["status", "answer", "answered_at", "updated_at"])
    record(signal, SignalEvent.Kind.ANSWERED, actor=actor, note=signal.answer)
    return signal


@transaction.atomic
def signal_close(
    *, actor: Actor, signal: Signal, publishable: bool = False, public_summary: str = ""
) -> Signal:
    """S2, S3: close an answered signal. A publishable one needs the anonymised text that the
    public "you said, we did" page shows; a safety concern is never published."""
    signal = lock(signal)
    summary = plain(public_summary)
    if publishable and signal.safety_concern:
        raise DomainError(
            _("A signal flagged as a safety concern is never published."),
            field="publishable",
            code="safety_concern",
        )
    if publishable and not summary:
        raise DomainError(
            _(
                "Write the anonymised text for the public page: no names, places or dates that point to a person."
            ),
            field="public_summary",
            code="required",
        )
    _transition(actor, signal, SignalStatus.CLOSED)
    signal.closed_at = timezone.now()
    signal.publishable = bool(publishable)
    signal.public_summary = summary
    signal.save(
        update_fields=["status", "closed_at", "publishable", "public_summary", "updated_at"]
    )
    if publishable:
        record(signal, SignalEvent.Kind.PUBLICATION, actor=actor, note=summary)
    return signal


@transaction.atomic
def signal_flag_safety(*, actor: Actor, signal: Signal, note: str = "") -> Signal:
    """S1: a safety concern goes at once to the region's safeguarding contact and out of every
    public view, whatever its status."""
    signal = lock(signal)
    if signal.safety_concern:
        return signal
    signal.safety_concern = True
    signal.publishable = False
    signal.save(update_fields=["safety_concern", "publishable", "updated_at"])
    record(signal, SignalEvent.Kind.SAFETY, actor=actor, note=plain(note))
    audit_record(
        actor=actor,
        action="signal.safety",
        target=signal,
        region=signal.region,
        changes={"safety_concern": [False, True]},
    )
    transaction.on_commit(lambda: feedback.safeguarding_alerted(signal.pk))
    return signal

"""What the advice services share: text checks, the body's roles, the timeline, the lock."""

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from aantafel.core.errors import ConflictError
from aantafel.core.text import limited_text, plain
from aantafel.core.typing import Actor
from aantafel.core.workflow import require_transition, timeline_add

from ..models import MAX_TEXT, AdviceEvent, AdviceRequest
from ..roles import body_roles, leads_body, represented_by, seat_constituencies
from ..workflow import AdviceStatus, can_move

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

__all__ = ["body_roles", "leads_body", "plain", "represented_by", "seat_constituencies"]

TITLE_MAX = 200
NAME_MAX = 200


def checked_text(
    value: str, *, field: str, message: "str | _StrPromise", max_length: int = MAX_TEXT
) -> str:
    """Free text as stored: trimmed, without NUL characters, not empty, not too long."""
    return limited_text(value, field=field, max_length=max_length, required=message)


def optional_text(value: str, *, field: str, max_length: int = MAX_TEXT) -> str:
    return limited_text(value, field=field, max_length=max_length)


def record(
    advice_request: AdviceRequest,
    kind: str,
    *,
    actor: Actor,
    from_status: str = "",
    to_status: str = "",
    note: str = "",
) -> AdviceEvent:
    """S4: one line on the request's timeline, written in the same transaction as the change."""
    return timeline_add(
        AdviceEvent,
        advice_request,
        kind,
        actor=actor,
        from_status=from_status,
        to_status=to_status,
        note=note,
    )


def lock(advice_request: AdviceRequest) -> AdviceRequest:
    """Reads the request again under a row lock: its status decides what may happen next."""
    return (
        AdviceRequest.objects.select_for_update(of=("self",))
        .select_related("region", "body")
        .get(pk=advice_request.pk)
    )


def require_open(advice_request: AdviceRequest) -> None:
    """S4: the question and the views can change until the advice is given; then frozen."""
    if not advice_request.is_open:
        raise ConflictError(
            _("The advice has been given: the request can no longer be changed."),
            code="advice_given",
        )


def move(actor: Actor, advice_request: AdviceRequest, target: str, note: str = "") -> None:
    """Moves a locked request along the flow (workflow.TRANSITIONS), with its timeline line."""
    require_transition(
        AdviceStatus,
        advice_request.status,
        target,
        allowed=can_move,
        message=_("An advice request cannot go from “%(from)s” to “%(to)s”."),
    )
    before = advice_request.status
    advice_request.status = target
    record(
        advice_request,
        AdviceEvent.Kind.STATUS,
        actor=actor,
        from_status=before,
        to_status=target,
        note=note,
    )

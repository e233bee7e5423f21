"""What the status flows of several apps share: the refusal of a step the flow does not allow,
and one line on a record's append-only timeline (core.models.TimelineEvent)."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import models

from .errors import ConflictError
from .models import TimelineEvent
from .typing import Actor

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

E = TypeVar("E", bound=TimelineEvent)


def require_transition(
    statuses: type[models.TextChoices],
    current: str,
    target: str,
    *,
    allowed: Callable[[str, str], bool],
    message: "str | _StrPromise",
) -> None:
    """A ConflictError (409) naming both statuses when the flow does not allow current → target.
    `message` holds the placeholders %(from)s and %(to)s."""
    if not allowed(current, target):
        raise ConflictError(
            message % {"from": statuses(current).label, "to": statuses(target).label},
            code="transition_not_allowed",
        )


def timeline_add(
    model: type[E],
    subject: Any,
    kind: str,
    *,
    actor: Actor,
    from_status: str = "",
    to_status: str = "",
    note: str = "",
) -> E:
    """One line on `subject`'s timeline, written in the same transaction as the change. The
    subject is the record's foreign key named after its model (signal, advice_request)."""
    field = next(
        f.name
        for f in model._meta.get_fields()
        if f.is_relation and f.many_to_one and f.related_model is type(subject)
    )
    return model._default_manager.create(
        region_id=subject.region_id,
        **{field: subject},
        kind=kind,
        actor=actor if actor is not None and actor.is_authenticated else None,
        from_status=from_status,
        to_status=to_status,
        note=note,
    )

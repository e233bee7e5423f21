"""What the services of the cliëntoverleg share: who acts, the case under a row lock, and a
status step the flow allows."""

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from aantafel.core.errors import ConflictError
from aantafel.core.text import limited_text
from aantafel.core.typing import Actor
from aantafel.core.workflow import require_transition

from ..models import MAX_TEXT, Case
from ..workflow import CaseStatus, can_move

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

    from aantafel.accounts.models import User


def person(actor: Actor) -> "User | None":
    """The user behind an action, or None for the system (the demo loader, a task)."""
    return actor if actor is not None and actor.is_authenticated else None


def lock_case(case: Case) -> Case:
    """The case again under a row lock: its status decides what may happen next."""
    return Case.objects.select_for_update(of=("self",)).select_related("region").get(pk=case.pk)


def move(case: Case, target: str) -> None:
    """Sets the case's status to `target` if the flow allows it (casework.workflow), else 409
    naming both statuses."""
    require_transition(
        CaseStatus,
        case.status,
        target,
        allowed=can_move,
        message=_("This cliëntoverleg is “%(from)s”: it cannot become “%(to)s”."),
    )
    case.status = target


def require_open(case: Case) -> None:
    """The table changes (participants, consultations) only while the case is open."""
    if not case.is_open:
        raise ConflictError(
            _(
                "The table of this cliëntoverleg is not open: it has not been accepted or is closed."
            ),
            code="case_not_open",
        )


def require_at_table(case: Case) -> None:
    """The work plan and its follow-up change only while the case is at the table."""
    if case.status == CaseStatus.CLOSED:
        raise ConflictError(_("This cliëntoverleg is closed."), code="case_closed")
    if case.status != CaseStatus.IN_PROGRESS:
        raise ConflictError(
            _("This cliëntoverleg has no table yet: a chair must be appointed first."),
            code="case_not_at_table",
        )


def case_text(value: str, *, field: str, required: "str | _StrPromise") -> str:
    """A free text of the case (a goal, an action, a reason, the outcome): required, plain,
    at most MAX_TEXT characters."""
    return limited_text(value, field=field, max_length=MAX_TEXT, required=required)

"""S2: the life of a signal and the steps allowed between its states.

new → in preparation → on the table (an agenda item of a body's meeting) → answered →
follow-up (actions, a theme day) → closed. A signal is never closed without an answer: nothing
a young person or parent brings in disappears without one.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SignalStatus(models.TextChoices):
    NEW = "new", _("new")
    IN_PREPARATION = "in_preparation", _("in preparation")
    ON_THE_TABLE = "on_the_table", _("on the table")
    ANSWERED = "answered", _("answered")
    FOLLOW_UP = "follow_up", _("follow-up")
    CLOSED = "closed", _("closed")


S = SignalStatus
TRANSITIONS: dict[str, set[str]] = {
    S.NEW: {S.IN_PREPARATION},
    S.IN_PREPARATION: {S.ON_THE_TABLE, S.ANSWERED},
    S.ON_THE_TABLE: {S.ANSWERED},
    S.ANSWERED: {S.FOLLOW_UP, S.CLOSED},
    S.FOLLOW_UP: {S.CLOSED},
    S.CLOSED: set(),
}
# The steps the person who raised the signal hears about (S3).
TOLD_TO_RAISER = {S.ON_THE_TABLE, S.ANSWERED, S.CLOSED}


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, set())

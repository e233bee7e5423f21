"""S5: the life of a client test and the steps allowed between its states.

draft → open → closed. A draft is prepared (the proposal in plain words, the target groups, the
links to hand out); only an open test takes answers, and only until its closing date; a closed
test takes none and keeps its report.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ClientTestStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


S = ClientTestStatus
TRANSITIONS: dict[str, set[str]] = {
    S.DRAFT: {S.OPEN},
    S.OPEN: {S.CLOSED},
    S.CLOSED: set(),
}


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, set())

"""S4: the life of an advice request and the steps allowed between its states.

received → in preparation (the first constituency's view is in) → advice given → response
received (the requester said what they did with it) → closed. Advice can be given straight from
"received" under plain consensus, when no views were recorded separately.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AdviceStatus(models.TextChoices):
    RECEIVED = "received", _("received")
    IN_PREPARATION = "in_preparation", _("in preparation")
    ADVICE_GIVEN = "advice_given", _("advice given")
    RESPONSE_RECEIVED = "response_received", _("response received")
    CLOSED = "closed", _("closed")


class AdviceResponse(models.TextChoices):
    ADOPTED = "adopted", _("adopted")
    PARTLY_ADOPTED = "partly_adopted", _("partly adopted")
    NOT_ADOPTED = "not_adopted", _("not adopted")


S = AdviceStatus
TRANSITIONS: dict[str, set[str]] = {
    S.RECEIVED: {S.IN_PREPARATION, S.ADVICE_GIVEN},
    S.IN_PREPARATION: {S.ADVICE_GIVEN},
    S.ADVICE_GIVEN: {S.RESPONSE_RECEIVED},
    S.RESPONSE_RECEIVED: {S.CLOSED},
    S.CLOSED: set(),
}
# Until the advice is given, the question can be edited and views can be recorded.
OPEN_STATUSES = frozenset({S.RECEIVED, S.IN_PREPARATION})


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, set())

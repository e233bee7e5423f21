"""S5: the fixed questionnaire of every client test, in B1 words.

Four questions, one per dimension, each a 1–5 rating whose every step has words (not only a
number or an emoji: a screen reader reads words, and a number means nothing without them), an
optional comment each, who you are, and one open question at the end. About two minutes on a
phone.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from .models import Dimension

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

AGREEMENT = (
    (1, _("No, not at all")),
    (2, _("Not really")),
    (3, _("Partly")),
    (4, _("Mostly")),
    (5, _("Yes, completely")),
)
EFFECT = (
    (1, _("Much worse")),
    (2, _("A bit worse")),
    (3, _("No difference")),
    (4, _("A bit better")),
    (5, _("Much better")),
)


@dataclass(frozen=True)
class Question:
    dimension: str
    text: "_StrPromise"
    hint: "_StrPromise"
    scale: tuple[tuple[int, "_StrPromise"], ...]


QUESTIONS = (
    Question(
        Dimension.CLARITY,
        _("Is the proposal clear?"),
        _("Do you understand what will change?"),
        AGREEMENT,
    ),
    Question(
        Dimension.ACCESSIBILITY,
        _("Is it easy to use what the proposal offers?"),
        _("Can you find it, get to it, and does it fit you?"),
        AGREEMENT,
    ),
    Question(
        Dimension.PARTICIPATION,
        _("Do young people and parents have a say in it?"),
        _("Were you, or people like you, asked? Can you still have a say?"),
        AGREEMENT,
    ),
    Question(
        Dimension.IMPACT,
        _("What does this mean for you or your group?"),
        _("Will things get better or worse for you?"),
        EFFECT,
    ),
)
BY_DIMENSION = {q.dimension: q for q in QUESTIONS}


def comment_field(dimension: str) -> str:
    return f"{dimension}_comment"


GROUP_QUESTION = _("Who are you?")
REMARKS_QUESTION = _("Is there anything else you want to tell us about the proposal?")

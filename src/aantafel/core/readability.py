"""How hard is this Dutch text to read? (PRODUCT.md: text written for clients shows its reading
level while it is written, with a hint when it is above B1.)

The measure is Flesch-Douma, the Dutch adaptation (Douma, 1960) of the Flesch reading ease:

    score = 206.835 - 0.93 * (words per sentence) - 77 * (syllables per word)

Higher is easier. The score maps to a CEFR-like level with the thresholds in `LEVELS`; why these
thresholds, and how known texts scored, is in docs/readability.md. Pure Python, no state: it is
called on every keystroke pause, so it must stay fast (20,000 characters in a few milliseconds).
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final, Literal

from django.utils.translation import gettext

Level = Literal["A2", "B1", "B2", "C1+"]

# (lowest score, level), easiest first. Douma's own table (1960) calls 90-100 "very easy"; today's
# plain-language (B1) Dutch, with its sentences of 8 to 12 words, scores 90 to 100 on it, and a
# children's text with sentences of five words scores past 100. The calibration on texts of known
# level is in docs/readability.md. The formula separates "B1 or easier" from "harder" well; A2
# from B1 only roughly (that would take a word-frequency list).
LEVELS: Final[tuple[tuple[float, Level], ...]] = (
    (105.0, "A2"),
    (75.0, "B1"),
    (50.0, "B2"),
    (float("-inf"), "C1+"),
)
ABOVE_B1: Final[frozenset[Level]] = frozenset({"B2", "C1+"})

# Fewer words than this give no level: a formula of averages says nothing about three words.
MIN_WORDS: Final = 5
# Hints: a B1 text keeps sentences to about 15 words on average, has few words of four or more
# syllables and about 1.5 syllables a word; a single sentence past 25 words is worth splitting
# whatever the average.
TARGET_SENTENCE_WORDS: Final = 15
LONG_SENTENCE_WORDS: Final = 25
LONG_WORD_SYLLABLES: Final = 4
TARGET_LONG_WORD_SHARE: Final = 0.10
TARGET_SYLLABLES_PER_WORD: Final = 1.6
MAX_EXAMPLES: Final = 3

# A word: letters (any script's, with accents), joined by apostrophes or hyphens ("niet-hulpverleners",
# "auto's"); or a number ("2014", "21/02/2014", "8,5").
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+(?:[.,/:\-]\d+)*")
# A sentence ends at . ! ? … (or several) followed by the end of the text, or by white space and
# something that starts a sentence (a capital, a digit, a quote or a bracket), so that
# abbreviations such as "bv. de" or "o.a. ouders" do not end one. A line break always ends one:
# headings and list items are read as sentences of their own.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)]*(?=\s*$|\s+[\"'“‘(\[\dA-ZÀ-ÖØ-Þ])|\s*\n\s*")
# Dutch vowel sounds, longest first: each match is one syllable. "ij" counts as a vowel; a vowel
# with a diaeresis (ë, ï) starts a new syllable ("cli-ënt", "ge-ïn-te-res-seerd"), which the
# pattern gives for free because ë is not part of any group.
_VOWEL_GROUP = re.compile(
    r"aai|ooi|oei|eeu|ieu|aa|ee|oo|uu|ie|oe|ei|ij|ui|eu|au|ou|[aeiouyàáâäèéêìíîòóôöùúûëïü]"
)
# Common words (loans, mostly) where the spelling misleads the vowel count. Compounds ending in
# one of these ("jongerenteam", "e-mailadres" excepted) are corrected by their ending.
_SYLLABLE_EXCEPTIONS: Final[dict[str, int]] = {
    "team": 1,
    "teams": 1,
    "coach": 1,
    "coaches": 2,
    "mail": 1,
    "mails": 1,
    "website": 2,
    "websites": 2,
    "online": 2,
    "offline": 2,
    "update": 2,
    "updates": 2,
    "date": 1,
    "site": 1,
    "sites": 1,
    "care": 1,
    "game": 1,
    "games": 1,
    "live": 1,
    "chat": 1,
    "email": 2,
    "e-mail": 2,
    "e-mails": 2,
}
_EXCEPTION_ENDINGS: Final = ("team", "teams", "coach", "mail", "mails", "website", "websites")


@lru_cache(maxsize=8192)
def count_syllables(word: str) -> int:
    """Syllables of one Dutch word, by its vowel groups; at least one."""
    lower = word.lower()
    exception = _SYLLABLE_EXCEPTIONS.get(lower)
    if exception is not None:
        return exception
    for ending in _EXCEPTION_ENDINGS:
        if lower.endswith(ending) and len(lower) > len(ending):
            head = lower[: -len(ending)].rstrip("-")
            return count_syllables(head) + _SYLLABLE_EXCEPTIONS[ending] if head else 1
    return max(1, len(_VOWEL_GROUP.findall(lower)))


@dataclass(frozen=True)
class Readability:
    """The reading level of a text. `level` and `score` are None for a text of fewer than
    `MIN_WORDS` words. `score` is Flesch-Douma, not cut off: past 100 is very easy, below 0 very
    hard."""

    level: Level | None
    score: float | None
    words: int
    sentences: int
    avg_sentence_words: float
    long_word_share: float
    above_b1: bool
    hints: list[str] = field(default_factory=list)


def level_for(score: float) -> Level:
    for lowest, level in LEVELS:
        if score >= lowest:
            return level
    raise AssertionError("unreachable: the last level has no lower bound")


def _sentences(text: str) -> list[list[str]]:
    """The words of each sentence; sentences without words (a stray "..." or an empty line) are
    dropped."""
    result = []
    for part in _SENTENCE_END.split(text):
        words = _WORD.findall(part)
        if words:
            result.append(words)
    return result


def assess(text: str) -> Readability:
    """Scores `text` by Flesch-Douma and says, in plain words, what would bring it to B1."""
    sentences = _sentences(text or "")
    words = [word for sentence in sentences for word in sentence]
    syllables = [count_syllables(word) for word in words]
    avg_sentence_words = len(words) / len(sentences) if sentences else 0.0
    long_words = [w for w, s in zip(words, syllables, strict=True) if s >= LONG_WORD_SYLLABLES]
    long_word_share = len(long_words) / len(words) if words else 0.0
    score: float | None = None
    level: Level | None = None
    hints: list[str] = []
    if len(words) >= MIN_WORDS:
        avg_syllables = sum(syllables) / len(words)
        score = round(206.835 - 0.93 * avg_sentence_words - 77 * avg_syllables, 1)
        level = level_for(score)
        if level in ABOVE_B1:
            hints = _hints(sentences, syllables, avg_sentence_words, avg_syllables, long_word_share)
    return Readability(
        level=level,
        score=score,
        words=len(words),
        sentences=len(sentences),
        avg_sentence_words=round(avg_sentence_words, 1),
        long_word_share=round(long_word_share, 3),
        above_b1=level in ABOVE_B1,
        hints=hints,
    )


def _hints(
    sentences: list[list[str]],
    syllables: list[int],
    avg_sentence_words: float,
    avg_syllables: float,
    long_word_share: float,
) -> list[str]:
    hints = []
    if avg_sentence_words > TARGET_SENTENCE_WORDS:
        hints.append(
            gettext(
                "Make your sentences shorter: on average %(words)s words per sentence. "
                "Aim for %(target)s words or fewer."
            )
            % {"words": round(avg_sentence_words), "target": TARGET_SENTENCE_WORDS}
        )
    longest = max(sentences, key=len)
    if len(longest) > LONG_SENTENCE_WORDS:
        hints.append(
            gettext(
                "Split your longest sentence (%(words)s words) into shorter ones. "
                "It starts with: “%(start)s …”"
            )
            % {"words": len(longest), "start": " ".join(longest[:6])}
        )
    if long_word_share > TARGET_LONG_WORD_SHARE or avg_syllables > TARGET_SYLLABLES_PER_WORD:
        words = [word for sentence in sentences for word in sentence]
        hints.append(
            gettext(
                "Use fewer long words. Say it in everyday words, for example instead of: %(examples)s."
            )
            % {"examples": ", ".join(_longest_words(words, syllables))}
        )
    if not hints:
        hints.append(
            gettext("Use short sentences and everyday words, as you would say them out loud.")
        )
    return hints


def _longest_words(words: list[str], syllables: list[int]) -> list[str]:
    """The few words with the most syllables, each once, in the order of the text among equals."""
    seen: dict[str, tuple[int, str]] = {}
    for word, count in zip(words, syllables, strict=True):
        seen.setdefault(word.lower(), (count, word))
    ranked = sorted(seen.values(), key=lambda item: item[0], reverse=True)
    return [word for _, word in ranked[:MAX_EXAMPLES]]

"""S2: suggest earlier signals that may be about the same concern, so the supporter can link
them as duplicates. Suggestions only: linking stays a human decision (signal_link_duplicate).

The method, its thresholds and how well it does on our test set are in docs/similarity.md.
In short, on PostgreSQL one query:

- finds candidates with full-text search, `dutch` configuration (stemming: "wachtlijst" /
  "wachtlijsten", "begeleider" / "begeleiders"), as an OR-query of the signal's own lexemes,
  on the stored lexemes of migration 0002 (GIN index);
- keeps the best `CANDIDATES` of those by shared lexemes;
- scores each candidate as `LEXICAL_WEIGHT * lexical + TRIGRAM_WEIGHT * trigram`, where
  lexical is the cosine of the two sets of Dutch lexemes (shared / sqrt(|a| * |b|)) and
  trigram is pg_trgm `similarity` of the two texts (spelling, word order, short words);
- keeps the best `limit` at or above `THRESHOLD`.

On SQLite (`make run`) the same idea runs in Python over the latest `FALLBACK_WINDOW` earlier
signals of the region, with a crude stemmer (lowercase, stop words out, words cut to
`FALLBACK_STEM` letters) instead of the `dutch` configuration and without trigrams.

What is suggested: earlier signals of the same region, not the signal itself and not what is
already linked to it (its original, the original's other duplicates, its own duplicates). A
candidate that is itself a duplicate stands for its original: the original is suggested (with
the best score of the two), because linking always goes to the first one.
"""

import math
import re
import unicodedata
from typing import Final

from django.db import connection
from django.db.models import BooleanField, FloatField, Q, QuerySet
from django.db.models.expressions import RawSQL

from .models import Signal

CONFIG: Final = "dutch"
THRESHOLD: Final = 0.12
LEXICAL_WEIGHT: Final = 0.8
TRIGRAM_WEIGHT: Final = 0.2
# How many candidates, best by shared lexemes, get the (costlier) trigram comparison.
CANDIDATES: Final = 50
# Long texts make long OR-queries; the first words carry the concern.
MAX_QUERY_CHARS: Final = 1000
FALLBACK_WINDOW: Final = 500
FALLBACK_STEM: Final = 5

# SQL of the PostgreSQL path. `text_search` is the stored to_tsvector('dutch', text) column of
# migration 0002 (not a model field). Inside the candidate subquery the names stay unqualified
# (Django calls that table U0 there); in the outer query, which joins the original
# (select_related), they are qualified with the outer table's name.
_QUERY_OR = "replace(plainto_tsquery('dutch'::regconfig, %s)::text, ' & ', ' | ')::tsquery"


def _lexical(table: str) -> str:
    """Cosine of the two lexeme sets: shared / sqrt(|candidate| * |signal|). Two parameters
    (the signal's text, twice)."""
    vector = f"{table}text_search"
    query = "to_tsvector('dutch'::regconfig, %s)"
    # Constants only: the signal's text always goes in as a parameter.
    return (
        f"(SELECT count(*) FROM unnest(tsvector_to_array({vector})) AS lexeme"  # noqa: S608
        f" WHERE lexeme = ANY(tsvector_to_array({query})))::float"
        f" / sqrt(greatest(1, length({vector})) * greatest(1, length({query})))"
    )


def similar_signals(signal: Signal, *, limit: int = 5) -> list[Signal]:
    """Earlier signals of `signal`'s region that may be about the same concern, best first,
    each with a `score` (0–1) attribute; at most `limit`, none below `THRESHOLD`."""
    text = (signal.text or "").strip()[:MAX_QUERY_CHARS]
    if not text or limit < 1:
        return []
    linked = {pk for pk in (signal.pk, signal.duplicate_of_id) if pk is not None}
    candidates = (
        Signal.objects.filter(region_id=signal.region_id)
        .filter(
            Q(created_at__lt=signal.created_at) | Q(created_at=signal.created_at, pk__lt=signal.pk)
        )
        .exclude(pk__in=linked)
        .exclude(duplicate_of_id__in=linked)
    )
    if connection.vendor == "postgresql":
        rows = _ranked_postgres(candidates, text, limit)
    else:
        rows = _ranked_python(candidates, text, limit)
    return _as_originals(rows, linked, limit)


def _ranked_postgres(
    candidates: QuerySet[Signal], text: str, limit: int
) -> list[tuple[Signal, float]]:
    # Inner: the candidates the indexes find, best `CANDIDATES` by shared lexemes (cheap: the
    # lexemes are stored). Outer: trigram similarity only for those, and the final score.
    found = RawSQL(  # noqa: S611 (constants; the text is a parameter)
        f"text_search @@ {_QUERY_OR}", (text,), BooleanField()
    )
    best = (
        candidates.filter(found)
        .annotate(lexical=RawSQL(_lexical(""), (text, text), FloatField()))  # noqa: S611
        .order_by("-lexical", "-created_at")
        .values("pk")[:CANDIDATES]
    )
    score = RawSQL(  # noqa: S611 (constants; the text is a parameter)
        f"{LEXICAL_WEIGHT} * {_lexical('signals_signal.')}"
        f" + {TRIGRAM_WEIGHT} * similarity(signals_signal.text, %s)",
        (text, text, text),
        output_field=FloatField(),
    )
    rows = (
        Signal.objects.filter(pk__in=best)
        .select_related("duplicate_of")
        .annotate(score=score)
        .order_by("-score", "-created_at")[: limit * 3]
    )
    return [(row, float(row.score)) for row in rows]


def _ranked_python(
    candidates: QuerySet[Signal], text: str, limit: int
) -> list[tuple[Signal, float]]:
    window = candidates.select_related("duplicate_of").order_by("-created_at", "-pk")[
        :FALLBACK_WINDOW
    ]
    scored = [(row, text_similarity(text, row.text)) for row in window]
    scored.sort(key=lambda pair: -pair[1])
    return scored[: limit * 3]


def _as_originals(rows: list[tuple[Signal, float]], linked: set[int], limit: int) -> list[Signal]:
    """A duplicate stands for its original; keep each original once, with its best score."""
    best: dict[int, Signal] = {}
    for row, score in rows:
        if score < THRESHOLD:
            continue
        original = row.duplicate_of if row.duplicate_of_id is not None else row
        assert original is not None
        if original.pk in linked:
            continue
        if original.pk not in best or score > best[original.pk].score:  # type: ignore[attr-defined]
            original.score = round(score, 3)  # type: ignore[attr-defined]
            best[original.pk] = original
    return sorted(best.values(), key=lambda s: -s.score)[:limit]  # type: ignore[attr-defined]


# --- The SQLite fallback: pure Python ----------------------------------------------------------

# Common Dutch function words (a subset of the Snowball Dutch stop list): they say nothing
# about the concern.
STOP_WORDS: Final = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus
    een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand
    iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets
    nog nu of om omdat ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want
    waren was wat we wel werd wezen wie wij wil worden wordt zal ze zelf zich zij zijn zo zonder
    zou
    """.split()  # noqa: SIM905
)
_WORD = re.compile(r"[^\W\d_]+")


def text_tokens(text: str) -> set[str]:
    """Lowercase, accents off, stop words out, each word cut to its first FALLBACK_STEM
    letters: "wachtlijst" and "wachten" both become "wacht"."""
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return {
        word[:FALLBACK_STEM]
        for word in _WORD.findall(plain)
        if len(word) > 2 and word not in STOP_WORDS
    }


def text_similarity(a: str, b: str) -> float:
    """The fallback's score: cosine of the two token sets (0–1)."""
    ta, tb = text_tokens(a), text_tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / math.sqrt(len(ta) * len(tb))

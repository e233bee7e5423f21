"""S2: what similar-signal suggestions (aantafel.signals.similarity) need on PostgreSQL.

- the pg_trgm extension, for `similarity` in the score (no trigram index: finding candidates
  by trigrams made the query 12 times slower with 50,000 signals and found nothing the
  full-text lookup missed on our test set; docs/similarity.md);
- a stored generated column `text_search` = to_tsvector('dutch', text) with a GIN index. Scoring
  needs each candidate's lexemes; computing to_tsvector for thousands of candidates per page view
  took seconds with 50,000 signals (docs/similarity.md), reading them takes milliseconds.

The column is not a model field on purpose: SQLite (the database of `make run`) cannot build it,
and no Python code writes it (PostgreSQL keeps it up to date). Only similarity.py reads it, by
name. SQLite gets nothing from this migration; the suggestions fall back to Python there.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE signals_signal ADD COLUMN IF NOT EXISTS text_search tsvector"
    " GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, COALESCE(text, ''))) STORED",
    "CREATE INDEX IF NOT EXISTS signals_signal_text_search ON signals_signal USING gin (text_search)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS signals_signal_text_search",
    "ALTER TABLE signals_signal DROP COLUMN IF EXISTS text_search",
    # The extension stays: other parts of the project may use it.
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in FORWARD:
            schema_editor.execute(sql)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in BACKWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("signals", "0001_signals")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]

"""M11: GIN indexes for the full-text search of agenda items, minutes and decisions.

The expressions are exactly those aantafel.meetings.search builds with SearchVector (`dutch`
configuration), so PostgreSQL uses them. SQLite (the database of `make run`) has no full-text
indexes of this kind; there the search falls back to icontains and this migration does nothing.
"""

from django.db import migrations

INDEXES = {
    "meetings_item_search": (
        "meetings_agendaitem",
        "(setweight(to_tsvector('dutch'::regconfig, COALESCE(title, '')), 'A')"
        " || setweight(to_tsvector('dutch'::regconfig, COALESCE(explanation, '')), 'B'))"
        " || setweight(to_tsvector('dutch'::regconfig, COALESCE(client_impact, '')), 'C')",
    ),
    "meetings_minutes_search": (
        "meetings_minutes",
        "to_tsvector('dutch'::regconfig, COALESCE(regexp_replace(text, '<[^>]+>', ' ', 'g'), ''))",
    ),
    "meetings_decision_search": (
        "meetings_decision",
        "to_tsvector('dutch'::regconfig, COALESCE(text, ''))",
    ),
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, expression) in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression}))"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_meeting_cycle")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]

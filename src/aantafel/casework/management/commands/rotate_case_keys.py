"""ADR 0010: re-encrypts every encrypted value of the cliëntoverleg with the newest key."""

from collections.abc import Iterator
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models, transaction

from aantafel.casework.fields import ENCRYPTED_FIELD_TYPES

BATCH_SIZE = 500


@dataclass
class Column:
    table: str
    pk: str
    column: str
    fernet: MultiFernet

    @property
    def label(self) -> str:
        return f"{self.table}.{self.column}"


def _fernet(field: models.Field) -> MultiFernet:
    """The field's keys as a MultiFernet, newest first (the library makes a plain Fernet when
    there is only one key; `rotate` needs the MultiFernet)."""
    f = field.f  # type: ignore[attr-defined]
    if isinstance(f, MultiFernet):
        return f
    return MultiFernet([Fernet(key) for key in field.keys])  # type: ignore[attr-defined]


def encrypted_columns() -> list[Column]:
    """Every encrypted field of the casework app, by table and column (a field inherited from
    an abstract model belongs to the concrete model's table)."""
    columns = []
    for model in apps.get_app_config("casework").get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.local_concrete_fields:
            if isinstance(field, ENCRYPTED_FIELD_TYPES):
                columns.append(
                    Column(
                        table=model._meta.db_table,
                        pk=model._meta.pk.column,  # type: ignore[union-attr]
                        column=field.column,
                        fernet=_fernet(field),
                    )
                )
    return columns


def _batches(column: Column) -> Iterator[list[tuple[int, str]]]:
    """The stored tokens of one column, in batches by primary key; empty values hold nothing."""
    q = connection.ops.quote_name
    sql = (
        f"SELECT {q(column.pk)}, {q(column.column)} FROM {q(column.table)} "  # noqa: S608 - names from the models
        f"WHERE {q(column.pk)} > %s AND {q(column.column)} IS NOT NULL "
        f"AND {q(column.column)} <> '' ORDER BY {q(column.pk)} LIMIT %s"
    )
    last = 0
    with connection.cursor() as cursor:
        while True:
            cursor.execute(sql, [last, BATCH_SIZE])
            rows = cursor.fetchall()
            if not rows:
                return
            yield rows
            last = rows[-1][0]


def rotate_column(column: Column, *, write: bool) -> int:
    """Re-encrypts each value of the column with the newest key. Compare-and-set: a value the
    application changed meanwhile is already under the newest key and is left alone."""
    q = connection.ops.quote_name
    update = (
        f"UPDATE {q(column.table)} SET {q(column.column)} = %s "  # noqa: S608 - names from the models
        f"WHERE {q(column.pk)} = %s AND {q(column.column)} = %s"
    )
    count = 0
    for rows in _batches(column):
        changes = []
        for pk, token in rows:
            try:
                rotated = column.fernet.rotate(token.encode()).decode()
            except InvalidToken:
                # Never the value: the row's place is enough to find it.
                raise CommandError(
                    f"No key can read {column.label} of row {pk}: add the key it was "
                    "encrypted with to CASE_ENCRYPTION_KEYS (or DJANGO_SECRET_KEY_FALLBACKS) "
                    "and run the command again. Nothing was changed."
                ) from None
            changes.append((rotated, pk, token))
        if write and changes:
            with connection.cursor() as cursor:
                cursor.executemany(update, changes)
        count += len(changes)
    return count


class Command(BaseCommand):
    help = (
        "Re-encrypts every encrypted field of the cliëntoverleg (names, dates of birth, "
        "addresses, e-mail addresses, the question, notes, work plan text) with the newest key. "
        "Keys come from CASE_ENCRYPTION_KEYS (newest first), combined with DJANGO_SECRET_KEY and "
        "DJANGO_SECRET_KEY_FALLBACKS. To rotate: 1. put a new key in front "
        "(CASE_ENCRYPTION_KEYS=<new>,<old>) and restart the app; 2. run this command; 3. remove "
        "the old key and restart. The command reads the stored values, decrypts each with "
        "whichever key can, encrypts it with the newest and writes it back in batches, all in one "
        "transaction: a value no key can read stops it with the table and row (never the value) "
        "and nothing is changed. Safe to run again. See docs/deployment.md, 'Keys of the "
        "cliëntoverleg'."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only check that every value can be read with the current keys; write nothing.",
        )

    def handle(self, *args, check: bool = False, **options):
        total = 0
        with transaction.atomic():
            for column in encrypted_columns():
                count = rotate_column(column, write=not check)
                total += count
                if count or options["verbosity"] > 1:
                    self.stdout.write(f"{column.label}: {count}")
        verb = "Checked" if check else "Re-encrypted"
        self.stdout.write(self.style.SUCCESS(f"{verb} {total} value(s) with the newest key."))

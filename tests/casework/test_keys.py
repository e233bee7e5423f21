"""ADR 0010: case text is encrypted with a key from the environment; `rotate_case_keys`
re-encrypts every value with the newest key, so the old key can go."""

import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection

from aantafel.casework.fields import ENCRYPTED_FIELD_TYPES
from aantafel.casework.management.commands.rotate_case_keys import encrypted_columns
from aantafel.casework.models import CaseMail, Participant
from tests.factories import UserFactory

from .factories import CaseFactory, seat_participant

pytestmark = pytest.mark.django_db


def _encrypted_fields():
    for model in apps.get_app_config("casework").get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, ENCRYPTED_FIELD_TYPES):
                yield model, field


def _forget_keys() -> None:
    """The library derives its keys once per field (cached properties): forget them."""
    for _model, field in _encrypted_fields():
        field.__dict__.pop("keys", None)
        field.__dict__.pop("f", None)


@pytest.fixture
def case_keys(settings):
    """`case_keys("B", "A")` sets CASE_ENCRYPTION_KEYS (newest first) for what follows."""

    def use(*keys: str) -> None:
        settings.SALT_KEY = list(keys)
        _forget_keys()

    yield use
    _forget_keys()  # the next test derives its keys from the settings as they are restored


def _decrypted() -> dict:
    """Every encrypted value, as the application reads it."""
    return {
        (model._meta.label, field.name, pk): value
        for model, field in _encrypted_fields()
        for pk, value in model._default_manager.values_list("pk", field.name)
    }


def _stored() -> dict:
    """Every encrypted value as the database holds it."""
    values = {}
    with connection.cursor() as cursor:
        for column in encrypted_columns():
            cursor.execute(f'SELECT "{column.pk}", "{column.column}" FROM "{column.table}"')  # noqa: S608
            for pk, token in cursor.fetchall():
                values[(column.table, column.column, pk)] = token
    return values


def _a_case_with_everything():
    case = CaseFactory(at_table=True, requester_phone="012 34 56 78")
    seat_participant(case, name="Jeroen Claes")
    CaseMail.objects.create(
        region=case.region, case=case, email="lotte@voorbeeld.example", kind="x"
    )
    return case


def test_c8_rotation_reencrypts_every_value_with_the_new_key(case_keys):
    case_keys("key-A-old-0123456789")
    _a_case_with_everything()
    before = _decrypted()
    stored_before = _stored()
    assert "Lotte Peeters" in before.values()
    assert "lotte@voorbeeld.example" in before.values()  # the mails' addresses too

    case_keys("key-B-new-0123456789", "key-A-old-0123456789")
    out = io.StringIO()
    call_command("rotate_case_keys", stdout=out)
    report = out.getvalue()
    assert "casework_caseclient.name: 2" in report
    assert "casework_casemail.email: 1" in report
    stored_after = _stored()
    assert all(
        stored_after[key] != token for key, token in stored_before.items() if token
    )  # every non-empty value was written anew

    case_keys("key-B-new-0123456789")  # the old key is gone
    assert _decrypted() == before


def test_c8_rotation_check_changes_nothing(case_keys):
    case_keys("key-A-old-0123456789")
    _a_case_with_everything()
    stored = _stored()
    case_keys("key-B-new-0123456789", "key-A-old-0123456789")
    call_command("rotate_case_keys", "--check", stdout=io.StringIO())
    assert _stored() == stored


def test_c8_a_value_no_key_can_read_stops_the_rotation(case_keys):
    case_keys("key-A-old-0123456789")
    case = _a_case_with_everything()
    case_keys("key-X-lost-0123456789")  # a key nobody kept
    lost = Participant.objects.create(
        region=case.region,
        case=case,
        kind="network",
        name="Geheim Verloren",
        email="verloren@voorbeeld.example",
        user=UserFactory(),
        invited_by=case.chair,
    )
    case_keys("key-B-new-0123456789", "key-A-old-0123456789")
    stored = _stored()

    with pytest.raises(CommandError) as stopped:
        call_command("rotate_case_keys", stdout=io.StringIO())
    message = str(stopped.value)
    assert "casework_participant" in message
    assert f"row {lost.pk}" in message
    assert "Geheim" not in message
    assert _stored() == stored  # all or nothing: not one value was rewritten
    assert Participant.objects.filter(pk=lost.pk).exists()

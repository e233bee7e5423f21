"""The demo of the demo tests. Loading it takes a while, so the tests of a module share one load
(`demo`, module-scoped, rolled back at the end of the module). The load runs under the loader's
own QUIET settings with its commit-time callbacks executed, as on a real commit at the end of
`load_demo`, so what the services queue really runs."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase, override_settings

from aantafel.demo.loader import QUIET

SLUGS = ("iroj-limburg", "zuid-limburg")


def load() -> None:
    with override_settings(**QUIET), TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo", "--quiet", stdout=StringIO())


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module; returns the mails its commit sent."""
    with django_db_blocker.unblock(), transaction.atomic():
        mail.outbox = []
        load()
        yield list(mail.outbox)
        transaction.set_rollback(True)

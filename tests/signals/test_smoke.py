"""The signal loop also runs on SQLite, the database of `make run`: the public form, triage with
suggestions of similar signals (their fallback without PostgreSQL) and the public page."""

import pytest
from django.urls import reverse

from aantafel.signals import services
from aantafel.signals.models import Signal
from aantafel.signals.similarity import similar_signals


@pytest.mark.smoke
def test_signal_loop_works_on_the_embedded_database(client, region, region_admin):
    response = client.post(
        reverse("signal_public_form", args=[region.slug]),
        {"text": "Ik wacht al maanden op een gesprek.", "contact": "anonymous"},
    )
    assert response.status_code == 302
    first = Signal.objects.get()
    second = services.signal_submit_public(region=region, text="Ik wacht al maanden op hulp.")
    assert first in similar_signals(second)
    services.signal_move(actor=region_admin, signal=first, status="in_preparation")
    services.signal_answer(actor=region_admin, signal=first, answer="We pakken het op.")
    services.signal_close(
        actor=region_admin, signal=first, publishable=True, public_summary="Wachten duurt lang."
    )
    client.force_login(region_admin)
    assert client.get(reverse("signal_detail", args=[region.slug, second.pk])).status_code == 200
    client.logout()
    page = client.get(reverse("you_said_we_did", args=[region.slug]))
    assert "Wachten duurt lang." in page.text

"""P2 in the browser, on a phone: two people register for the kick-off conference with one place
left — the second lands on the waiting list —, the first cancels with the link from the mail and
the second moves up, and on the day the supporter checks her in on a phone. axe on every page."""

import re

from django.core import mail
from playwright.sync_api import expect

from aantafel.participation import links
from aantafel.participation.models import Registration, RegistrationStatus
from aantafel.regions.models import RegionRole

from .. import factories as f
from ..participation.factories_events import EventFactory
from .conftest import PHONE


def _register(journey, event, *, name: str, email: str, audience: str) -> None:
    page = journey.page
    journey.visit(f"/doe-mee/{event.region.slug}/bijeenkomsten/{event.pk}/")
    expect(page.locator("main")).to_contain_text(event.region.safety_contact_line)
    page.locator("#id_name").fill(name)
    page.locator("#id_email").fill(email)
    page.locator(f"input[name=audience][value={audience}]").check()
    journey.click(page.locator("form.aantafel-form button[type=submit]"))


def test_p2_register_wait_move_up_after_a_cancellation_and_check_in_on_a_phone(journey):
    region = f.RegionFactory(name="Jeugdhulp Zuid-Limburg", slug="zuid-limburg", dutch=True)
    staff = f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user
    event = EventFactory(
        region=region, capacity=1, title="Startconferentie cliënt- en jongerenparticipatie"
    )
    page = journey.page
    page.set_viewport_size(PHONE)

    # The public list leads to the event; the first registers and gets the one place.
    journey.visit(f"/doe-mee/{region.slug}/bijeenkomsten/")
    journey.click(page.locator(f"a[href$='/bijeenkomsten/{event.pk}/']").first)
    _register(journey, event, name="Sam", email="sam@voorbeeld.example", audience="young_person")
    sam = Registration.objects.get(email="sam@voorbeeld.example")
    assert sam.status == RegistrationStatus.CONFIRMED

    # The event is full: the second lands on the waiting list; the same address twice is refused.
    _register(journey, event, name="Kim", email="kim@voorbeeld.example", audience="parent")
    kim = Registration.objects.get(email="kim@voorbeeld.example")
    assert kim.status == RegistrationStatus.WAITING
    _register(journey, event, name="Kim", email="KIM@voorbeeld.example", audience="parent")
    assert Registration.objects.filter(event=event).count() == 2

    # Sam cancels with the link from the mail; Kim moves up and gets her invitation.
    confirmation = next(m for m in mail.outbox if m.to == ["sam@voorbeeld.example"])
    assert links.cancel_path(sam) in confirmation.body
    mail.outbox.clear()
    journey.visit(links.cancel_path(sam))
    journey.click(page.locator("form.aantafel-form button[type=submit]"))
    kim.refresh_from_db()
    assert kim.status == RegistrationStatus.CONFIRMED
    moved_up = next(m for m in mail.outbox if m.to == ["kim@voorbeeld.example"])
    assert any(name.endswith(".ics") for name, *_ in moved_up.attachments)

    # The link works once: a second visit says so, and offers nothing to press.
    journey.visit(links.cancel_path(sam))
    expect(page.locator("main form.aantafel-form")).to_have_count(0)

    # On the day: the supporter finds Kim in the list on a phone and checks her in.
    journey.login(staff.email)
    journey.visit(f"/regio/{region.slug}/bijeenkomsten/{event.pk}/aanwezigen/?q=kim")
    journey.click(page.get_by_role("button", name=re.compile("Inchecken|Check in")).first)
    kim.refresh_from_db()
    assert kim.checked_in_at is not None
    journey.visit(f"/regio/{region.slug}/bijeenkomsten/{event.pk}/")

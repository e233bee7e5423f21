"""The pages work as plain HTML: with every script blocked, an administrator keeps a body's
registers, seats, terms of reference and initiatives, and reads the audit log. With scripts, htmx
only makes the audit log's filter quicker."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from aantafel.bodies import services
from aantafel.meetings.models import Meeting, Minutes
from aantafel.regions.models import RegionRole

from .. import factories as f
from .conftest import PHONE, either, exactly, label


def test_administrator_keeps_a_body_up_to_date_with_plain_html_forms(journey):
    region = f.RegionFactory(name="IROJ Limburg", slug="iroj-limburg")
    parent = f.BodyFactory(region=region, name="IROJ Limburg", body_type="steering")
    body = f.BodyFactory(region=region, name="Kerngroep RTJ", body_type="core_group", parent=parent)
    f.TermsFactory(body=body, version=1, approved_on=datetime.date(2021, 6, 9))
    admin = f.RegionMembershipFactory(region=region, role=RegionRole.ADMIN).user
    today = timezone.localdate()
    page = journey.page
    scripts = []
    page.route("**/*.js", lambda route: (scripts.append(route.request.url), route.abort()))

    journey.login(admin.email)
    journey.visit(f"/regio/{region.slug}/organen/")

    # A new constituency in the region's register.
    journey.click(
        page.get_by_role("link", name=either("Achterbannen en organisaties", "Constituencies"))
    )
    constituencies = page.get_by_role("region", name=either("Achterbannen", "Constituencies"))
    constituencies.get_by_label(label("Naam", "Name")).fill("Mensen in armoede")
    constituencies.get_by_label(label("Soort", "Kind")).select_option("clients")
    journey.click(constituencies.get_by_role("button", name=either("Toevoegen", "Add")))
    constituencies = page.get_by_role("region", name=either("Achterbannen", "Constituencies"))
    expect(
        constituencies.get_by_role("listitem").filter(has_text="Mensen in armoede")
    ).to_be_visible()

    # A seat for it: first a wrong number of places, then a right one.
    journey.visit(f"/regio/{region.slug}/organen/")
    journey.click(page.get_by_role("link", name="Kerngroep RTJ"))
    journey.click(page.get_by_role("link", name=exactly("Zetel toevoegen", "Add seat")))
    page.get_by_label(label("Achterban of sector", "Constituency or sector")).select_option(
        label="Mensen in armoede"
    )
    places = page.get_by_label(label("Aantal plaatsen", "Number of places"))
    places.fill("0")
    journey.click(page.get_by_role("button", name=either("Opslaan", "Save")))
    places = page.get_by_label(label("Aantal plaatsen", "Number of places"))
    expect(places).to_have_attribute("aria-invalid", "true")
    places.fill("2")
    journey.click(page.get_by_role("button", name=either("Opslaan", "Save")))
    seats = page.get_by_role("table", name=either("Zetels", "Seats"))
    expect(seats.get_by_role("row", name="Mensen in armoede")).to_contain_text(
        either("2 vrije plaatsen", "2 vacant places")
    )

    # A new version of the terms of reference; the first stays readable.
    journey.click(
        page.get_by_role("link", name=either("Nieuwe versie van het afsprakenkader", "New version"))
    )
    objectives = page.get_by_label(label("Doelstellingen", "Objectives"))
    expect(objectives).to_have_value("- Inventarisatie en informatie-uitwisseling")
    objectives.fill("- Signalen van jongeren bundelen")
    page.get_by_label(label("Goedgekeurd op", "Approved on")).fill(today.isoformat())
    journey.click(page.get_by_role("button", name=either("Opslaan", "Save")))
    terms = page.get_by_role("region", name=either("Afsprakenkader", "Terms of reference"))
    expect(terms).to_contain_text(either("Huidige versie: 2", "Current version: 2"))
    expect(terms.get_by_role("link", name=either("Versie 1", "Version 1"))).to_be_visible()

    # An initiative; the parent body is informed later.
    journey.click(
        page.get_by_role("link", name=either("Initiatief registreren", "Register initiative"))
    )
    page.get_by_label(label("Titel", "Title")).fill("Jongerenpanel")
    page.get_by_label(label("Genomen op", "Taken on")).fill(today.isoformat())
    journey.click(page.get_by_role("button", name=either("Opslaan", "Save")))
    initiatives = page.get_by_role("region", name=either("Initiatieven", "Initiatives"))
    expect(initiatives).to_contain_text(either("nog niet geïnformeerd", "not informed yet"))
    journey.click(
        initiatives.get_by_role("link", name=either("datum invullen", "record date informed"))
    )
    page.get_by_label(label("Hoger orgaan geïnformeerd op", "Parent body informed on")).fill(
        today.isoformat()
    )
    journey.click(page.get_by_role("button", name=either("Opslaan", "Save")))
    initiatives = page.get_by_role("region", name=either("Initiatieven", "Initiatives"))
    expect(initiatives).to_contain_text(either("geïnformeerd op", "informed on"))

    # The body's description.
    journey.click(page.get_by_role("link", name=either("Orgaan bewerken", "Edit body")))
    page.get_by_label(label("Beschrijving", "Description")).fill("De kern van het RTJ.")
    journey.click(page.get_by_role("button", name=either("Opslaan", "Save")))
    expect(page.get_by_role("main")).to_contain_text("De kern van het RTJ.")

    # The audit log lists all of it; its filter is a plain GET form.
    journey.visit(f"/regio/{region.slug}/organen/")
    journey.click(page.get_by_role("link", name=either("Logboek", "Audit log")))
    log = page.get_by_role("table")
    expect(log).to_contain_text("seat.create")
    page.get_by_label(label("Actie", "Action")).select_option("seat.create")
    journey.click(page.get_by_role("button", name=either("Filteren", "Filter")))
    assert "action=seat.create" in page.url
    rows = page.get_by_role("table").locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("Mensen in armoede")

    assert scripts, "the scripts were not blocked"


def test_audit_log_filter_updates_the_list_in_place_and_says_how_many_were_found(journey):
    region = f.RegionFactory(name="IROJ Limburg", slug="iroj-limburg")
    body = f.BodyFactory(region=region, name="Kerngroep RTJ", body_type="core_group")
    admin = f.RegionMembershipFactory(region=region, role=RegionRole.ADMIN).user
    for name in ("Ouders", "Jongeren"):
        constituency = services.constituency_create(
            actor=admin, region=region, name=name, kind="clients"
        )
        services.seat_create(actor=admin, body=body, constituency=constituency, places=2)
    page = journey.page

    journey.login(admin.email)
    journey.visit(f"/regio/{region.slug}/logboek/")
    status = page.get_by_role("status")
    expect(status).to_be_empty()  # nothing to announce on a fresh page
    expect(page.get_by_role("table").locator("tbody tr")).to_have_count(4)
    pages_loaded = len(journey.visited)

    # Choosing an action is enough: htmx swaps the list, updates the address and announces it.
    page.get_by_label(label("Actie", "Action")).select_option("seat.create")
    expect(page).to_have_url(journey.url(f"/regio/{region.slug}/logboek/?action=seat.create"))
    expect(page.get_by_role("table").locator("tbody tr")).to_have_count(2)
    expect(status).to_have_text(either("2 wijzigingen", "2 changes"))
    journey.check()
    assert len(journey.visited) == pages_loaded, "the filter reloaded the page, htmx did not swap"


def test_m2_m6_m10_a_member_and_a_supporter_run_a_meeting_with_plain_html_forms(journey):
    """No script at all: a member brings in an item and answers the invitation on a phone; the
    supporter accepts and publishes, and drafts and edits the minutes in the plain textarea the
    rich-text editor would otherwise enhance."""
    region = f.RegionFactory(name="IROJ Limburg", slug="iroj-limburg")
    body = f.BodyFactory(region=region, name="Kerngroep RTJ", body_type="core_group")
    f.TermsFactory(body=body, version=1)
    supporter = f.MembershipFactory(body=body, supporter=True).user
    member = f.MembershipFactory(body=body, user__full_name="Lotte Janssen").user
    meeting = f.MeetingFactory(body=body)
    page = journey.page
    page.set_viewport_size(PHONE)
    scripts = []
    page.route("**/*.js", lambda route: (scripts.append(route.request.url), route.abort()))
    meeting_url = f"/regio/{region.slug}/vergaderingen/{meeting.pk}/"

    journey.login(member.email)
    journey.visit(meeting_url)
    journey.click(
        page.get_by_role("link", name=either("Agendapunt inbrengen", "Bring in an agenda item"))
    )
    page.locator("#id_title").fill("Vervoer naar de themadag")
    journey.click(page.locator("form.aantafel-form button[type=submit]"))
    journey.logout()

    journey.login(supporter.email)
    journey.visit(f"/regio/{region.slug}/organen/{body.pk}/voorstellen/")
    journey.click(page.get_by_role("link", name=either("Beslissen", "Decide")))
    page.locator("input[name=decision][value=accept]").check()
    page.locator("#id_meeting").select_option(str(meeting.pk))
    journey.click(page.locator("form.aantafel-form button[type=submit]"))
    journey.visit(meeting_url)
    journey.click(
        page.get_by_role(
            "button",
            name=either(
                "Agenda publiceren en uitnodigingen versturen",
                "Publish the agenda and send the invitations",
            ),
        )
    )
    journey.logout()

    journey.login(member.email)
    journey.visit(meeting_url)
    page.locator("input[name=response][value=apologies]").check()
    journey.click(
        page.get_by_role("button", name=either("Mijn antwoord opslaan", "Save my answer"))
    )
    journey.logout()

    now = timezone.now()
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=now - datetime.timedelta(hours=2), ends_at=now - datetime.timedelta(hours=1)
    )
    journey.login(supporter.email)
    journey.visit(meeting_url)
    journey.click(
        page.get_by_role(
            "button", name=either("De vergadering is gehouden", "The meeting was held")
        )
    )
    journey.visit(f"{meeting_url}verslag/")
    journey.click(
        page.get_by_role(
            "button",
            name=either(
                "Verslag opstellen uit het verloop van de vergadering",
                "Draft the minutes from the meeting's record",
            ),
        )
    )
    text = page.locator("textarea[name=text]")
    expect(text).to_be_visible()  # without JavaScript the editor is a plain textarea
    text.fill(text.input_value() + "<p>Afgesproken zonder JavaScript.</p>")
    journey.click(page.locator("form.aantafel-form button[type=submit]"))
    assert "Afgesproken zonder JavaScript." in Minutes.objects.get(meeting=meeting).text
    assert "Lotte Janssen" in Minutes.objects.get(meeting=meeting).text  # excused, listed
    assert scripts, "the test blocked no script, so it proves nothing"

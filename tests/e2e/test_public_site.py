"""P7 in the browser, on a phone, without an account: a young person opens the region's
participation home, reads the trajectory and its plan, finds an event to register for and looks
for a council in the register, filtered by kind. axe on every page; and the same walk with
every script blocked, since the public site is plain HTML."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from aantafel.participation import models as p

from .. import factories as f
from ..participation.factories_events import EventFactory
from ..participation.factories_trajectories import (
    PhaseFactory,
    PillarFactory,
    TrajectoryDocumentFactory,
    TrajectoryFactory,
    TrajectoryUpdateFactory,
)
from .conftest import PHONE, label


def _scene():
    region = f.RegionFactory(name="Jeugdhulp Zuid-Limburg", slug="zuid-limburg", dutch=True)
    trajectory = TrajectoryFactory(
        region=region, public=True, title="Cliënt- en jongerenparticipatie 2023–2028"
    )
    pillar = PillarFactory(
        trajectory=trajectory,
        number=1,
        name="Versterking van de reguliere (georganiseerde) medezeggenschap",
    )
    PhaseFactory(
        trajectory=trajectory,
        name="Ophalen",
        starts_on=datetime.date(2023, 1, 1),
        ends_on=datetime.date(2023, 6, 30),
    )
    PhaseFactory(trajectory=trajectory, name="Uitvoering", starts_on=datetime.date(2024, 2, 1))
    TrajectoryUpdateFactory(trajectory=trajectory, title="Terugblik op de startconferentie")
    TrajectoryDocumentFactory(trajectory=trajectory, adopted=True)
    campaign = p.Campaign.objects.create(
        region=region,
        trajectory=trajectory,
        title="Wat vind jij van je hulp?",
        status=p.CampaignStatus.CLOSED,
    )
    theme = p.Theme.objects.create(region=region, campaign=campaign, name="Wachtlijsten")
    action = p.PlanAction.objects.create(
        region=region, trajectory=trajectory, pillar=pillar, title="Sneller hulp voor jongeren"
    )
    action.themes.add(theme)
    event = EventFactory(region=region, title="Focusgroep jongeren")
    for name, kind, active in (
        ("Ouderplatform Jeugd Zuid-Limburg", p.InitiativeKind.NETWORK_ORGANISATION, True),
        ("Jongerenadviesraad Jeugdhulp Zuid-Limburg", p.InitiativeKind.ADVISORY_COUNCIL, True),
        ("Opgeheven cliëntenraad", p.InitiativeKind.CLIENT_COUNCIL, False),
    ):
        p.ParticipationInitiative.objects.create(
            region=region,
            name=name,
            kind=kind,
            active=active,
            contact_email="contact@ouderplatform-zl.example.org",
            website="https://ouderplatform-zl.example.org",
        )
    p.Story.objects.create(
        region=region,
        title="Mijn verhaal",
        text="Eindelijk gehoord.",
        teller_name="Sam",
        teller_email="sam@voorbeeld.example",
        consent_given_at=timezone.now(),
        status=p.StoryStatus.PUBLISHED,
        published_at=timezone.now(),
        public_title="Eindelijk gehoord",
        public_text="Ik mocht zelf meebeslissen over mijn hulp.",
    )
    p.Idea.objects.create(
        region=region,
        title="Een jongerenpanel per gemeente",
        text="Laat ons meepraten.",
        status=p.IdeaStatus.PUBLISHED,
    )
    return region, trajectory, event


def _walk(journey, region, trajectory, event) -> None:
    page = journey.page
    page.set_viewport_size(PHONE)
    home = f"/doe-mee/{region.slug}/"

    journey.visit(home)
    expect(page.locator("body")).to_have_class(re.compile(r"\baantafel-theme--zuid-limburg\b"))
    main = page.locator("main")
    expect(main).to_contain_text(trajectory.title)
    expect(main).to_contain_text("Eindelijk gehoord")
    expect(main).to_contain_text("Een jongerenpanel per gemeente")
    expect(main).to_contain_text(region.safety_contact_line)

    # The trajectory: its plan shows where it came from, its document downloads.
    journey.click(page.locator(f"main a[href='{home}traject/{trajectory.pk}/']").first)
    expect(page.locator("[aria-current=step]")).to_contain_text("Uitvoering")
    expect(page.locator("main")).to_contain_text("Sneller hulp voor jongeren")
    expect(page.locator("main")).to_contain_text("Wachtlijsten")
    with page.expect_download() as download:
        page.locator(f"main a[href^='{home}traject/{trajectory.pk}/documenten/']").click()
    assert download.value.suggested_filename == "plan.pdf"

    # Back home: the event, with the way to register.
    journey.click(page.locator(f"a[href='{home}']").first)
    journey.click(page.locator(f"main a[href='{home}bijeenkomsten/']"))
    expect(page.locator("main")).to_contain_text(event.title)
    journey.visit(home)
    journey.click(page.locator(f"main a[href='{home}bijeenkomsten/{event.pk}/#register']"))
    expect(page.locator("#id_email")).to_be_visible()

    # The register: active councils and groups only, filtered by kind with a plain form.
    journey.visit(home)
    journey.click(page.locator(f"main a[href='{home}initiatieven/']"))
    cards = page.locator("main .aantafel-card")
    expect(cards).to_have_count(2)
    expect(page.locator("main")).not_to_contain_text("Opgeheven cliëntenraad")
    page.get_by_label(label("Soort", "Kind")).select_option("network_organisation")
    journey.click(page.locator("main form button[type=submit]"))
    assert "kind=network_organisation" in page.url
    expect(cards).to_have_count(1)
    expect(cards).to_contain_text("Ouderplatform Jeugd Zuid-Limburg")


def test_p7_a_visitor_finds_the_trajectory_an_event_and_the_register_on_a_phone(journey):
    region, trajectory, event = _scene()
    _walk(journey, region, trajectory, event)


def test_p7_the_public_site_works_without_javascript(journey):
    region, trajectory, event = _scene()
    scripts = []
    journey.page.route("**/*.js", lambda route: (scripts.append(route.request.url), route.abort()))
    _walk(journey, region, trajectory, event)
    assert scripts, "the test blocked no script, so it proves nothing"

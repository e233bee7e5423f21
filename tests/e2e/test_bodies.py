"""A body's page: terms of reference, composition and members (B3, B4, B5)."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from .. import factories as f
from .conftest import PHONE, either, exactly


def _kerngroep():
    """IROJ Limburg's core group with two versions of its terms and two seats, one place vacant
    in each."""
    region = f.RegionFactory(name="IROJ Limburg", slug="iroj-limburg")
    parent = f.BodyFactory(region=region, name="IROJ Limburg", body_type="steering")
    body = f.BodyFactory(
        region=region,
        name="Kerngroep RTJ",
        body_type="core_group",
        parent=parent,
        supporting_department="departement WVG",
    )
    f.TermsFactory(body=body, version=1, approved_on=datetime.date(2019, 3, 1))
    f.TermsFactory(
        body=body,
        version=2,
        objectives="- Inventarisatie en informatie-uitwisseling\n- Signalen bundelen",
        approved_on=datetime.date(2021, 6, 9),
    )
    parents = f.ConstituencyFactory(region=region, name="Ouders")
    youth = f.ConstituencyFactory(region=region, name="Jongeren")
    parents_seat = f.SeatFactory(body=body, constituency=parents, places=2)
    f.SeatFactory(body=body, constituency=youth, places=1)
    today = timezone.localdate()
    f.MembershipFactory(
        body=body,
        user__full_name="Lotte Janssen",
        seat=parents_seat,
        seat_role="holder",
        constituency=parents,
        start_date=datetime.date(2024, 1, 1),
        end_date=today + datetime.timedelta(days=400),
    )
    return region, body


def test_supporter_browses_to_a_body_and_sees_terms_seats_and_members_on_a_phone(journey):
    region, body = _kerngroep()
    supporter = f.MembershipFactory(
        body=body, supporter=True, user__full_name="Mira Supporter"
    ).user
    page = journey.page
    page.set_viewport_size(PHONE)  # every check of this journey runs at phone size

    journey.login(supporter.email)
    journey.click(page.get_by_role("link", name=exactly("Organen", "Bodies")))
    expect(page.get_by_role("heading", level=1)).to_contain_text("IROJ Limburg")
    journey.click(page.get_by_role("link", name="Kerngroep RTJ"))
    assert page.url == journey.url(f"/regio/{region.slug}/organen/{body.pk}/")
    expect(page).to_have_title("Kerngroep RTJ – Aan Tafel")
    journey.assert_skip_link_first()
    journey.assert_focus_visible(tabs=40)

    # The current terms of reference, and a link to the older version.
    terms = page.get_by_role("region", name=either("Afsprakenkader", "Terms of reference"))
    expect(terms).to_contain_text(either("Huidige versie: 2", "Current version: 2"))
    expect(terms).to_contain_text("Signalen bundelen")
    expect(terms).to_contain_text(either("9 juni 2021", "9 June 2021"))
    older = terms.get_by_role("link", name=either("Versie 1", "Version 1"))
    expect(older).to_be_visible()

    # Composition: both seats, with their vacant places.
    seats = page.get_by_role("table", name=either("Zetels", "Seats"))
    expect(seats.get_by_role("row", name="Ouders")).to_contain_text(
        either("1 vrije plaats", "1 vacant place")
    )
    expect(seats.get_by_role("row", name="Ouders")).to_contain_text("Lotte Janssen")
    expect(seats.get_by_role("row", name="Jongeren")).to_contain_text(
        either("1 vrije plaats", "1 vacant place")
    )
    expect(page.get_by_role("region", name=either("Samenstelling", "Composition"))).to_contain_text(
        either("2 van de 3", "2 of 3")
    )

    # Members with their role and term.
    members = page.get_by_role("table", name=either("Huidige leden", "Current members"))
    lotte = members.get_by_role("row", name="Lotte Janssen")
    expect(lotte).to_contain_text(either("lid", "member"))
    expect(lotte).to_contain_text(either("1 jan 2024"))
    mira = members.get_by_role("row", name="Mira Supporter")
    expect(mira).to_contain_text(either("ondersteuner", "supporter"))

    # The older version is still readable, marked as no longer in force.
    journey.click(older)
    expect(page).to_have_title(re.compile(r"Kerngroep RTJ.*1 – Aan Tafel"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(either("versie 1", "version 1"))
    expect(page.get_by_text(either("niet meer", "no longer applies"))).to_be_visible()
    journey.click(page.get_by_role("link", name="Kerngroep RTJ"))

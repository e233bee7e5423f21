"""Inviting a member by e-mail, joining through the e-mail's link, and ending the membership."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from aantafel.regions.models import RegionRole

from .. import factories as f
from .conftest import either, label


def _iso(day: datetime.date) -> str:
    return day.isoformat()


def test_administrator_invites_a_member_who_joins_by_the_mailed_link_and_later_leaves(
    journey, second_journey, mailoutbox, settings, live_server
):
    settings.SITE_URL = live_server.url  # the link in the e-mail points at this server
    region = f.RegionFactory(name="IROJ Limburg", slug="iroj-limburg")
    body = f.BodyFactory(region=region, name="Kerngroep RTJ", body_type="core_group")
    f.TermsFactory(body=body, version=1)
    parents = f.ConstituencyFactory(region=region, name="Ouders")
    f.SeatFactory(body=body, constituency=parents, places=1)
    f.MembershipFactory(body=body, user__full_name="Jef Claes")  # a member since last year
    admin = f.RegionMembershipFactory(
        region=region, role=RegionRole.ADMIN, user__full_name="Ann Beheer"
    ).user
    today = timezone.localdate()
    page = journey.page

    journey.login(admin.email)
    journey.visit(f"/regio/{region.slug}/organen/{body.pk}/")
    journey.click(page.get_by_role("link", name=either("Lid uitnodigen", "Invite member")))
    expect(page).to_have_title(either("Lid uitnodigen – Aan Tafel", "Invite member – Aan Tafel"))
    journey.assert_focus_visible(tabs=30)

    # First a mistake: the term ends before it starts. The message sits with the field.
    page.get_by_label(label("Naam", "Name")).fill("Noor Willems")
    page.get_by_label(either("E-mailadres", "E-mail address")).fill("noor@voorbeeld.example")
    page.get_by_label(label("Rol", "Role")).select_option("member")
    page.get_by_label(label("Zetel", "Seat")).select_option(label="Ouders")
    page.get_by_label(either("Rol in de zetel", "Place in the seat")).select_option("holder")
    start_field = page.get_by_label(either("Begin van de termijn", "Start of term"))
    end_field = page.get_by_label(either("Einde van de termijn", "End of term"))
    start_field.fill(_iso(today))
    end_field.fill(_iso(today - datetime.timedelta(days=1)))
    journey.click(
        page.get_by_role("button", name=either("Uitnodiging versturen", "Send invitation"))
    )
    end_field = page.get_by_label(either("Einde van de termijn", "End of term"))
    expect(end_field).to_have_attribute("aria-invalid", "true")
    expect(end_field).to_have_accessible_description(
        either("kan niet eindigen voordat", "cannot end before it starts")
    )
    field = page.locator(".utrecht-form-field", has=end_field)
    expect(field.locator(".utrecht-form-field__error-message")).to_contain_text(
        either("kan niet eindigen voordat", "cannot end before it starts")
    )
    expect(page.get_by_label(label("Naam", "Name"))).to_have_value("Noor Willems")
    assert len(mailoutbox) == 0

    # Corrected: an open-ended term. The invitation is sent and listed as open.
    end_field.fill("")
    journey.click(
        page.get_by_role("button", name=either("Uitnodiging versturen", "Send invitation"))
    )
    assert page.url == journey.url(f"/regio/{region.slug}/organen/{body.pk}/")
    expect(page.get_by_role("status")).to_contain_text("noor@voorbeeld.example")
    expect(page.get_by_role("list").filter(has_text="noor@voorbeeld.example")).to_be_visible()

    # The invitee opens the link in the e-mail, in her own browser.
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["noor@voorbeeld.example"]
    assert "Kerngroep RTJ" in mail.subject
    link = re.search(r"https?://\S+/uitnodiging/\S+/", mail.body).group(0)
    assert link.startswith(live_server.url)
    html = mail.alternatives[0][0]
    assert f'href="{link}"' in html
    invitee = second_journey.page
    second_journey.visit(link)
    expect(invitee.get_by_role("heading", level=1)).to_contain_text("Kerngroep RTJ")
    expect(invitee.get_by_label(either("Je naam", "Your name"))).to_have_value("Noor Willems")
    invitee.get_by_label(either("Kies een wachtwoord", "Choose a password")).fill(
        "lange-tafel-aan-het-raam"
    )
    invitee.get_by_label(either("Typ het wachtwoord nog een keer", "Type the password again")).fill(
        "lange-tafel-aan-het-raam"
    )
    second_journey.click(invitee.get_by_role("button", name=either("Meedoen", "Join")))
    assert invitee.url == second_journey.url("/")
    expect(invitee.get_by_role("status")).to_contain_text("Kerngroep RTJ")
    expect(invitee.get_by_role("link", name="Kerngroep RTJ")).to_be_visible()

    # The link is used up: opening it again says so (404).
    second_journey.logout()
    assert invitee.goto(link).status == 404
    second_journey.check()
    expect(invitee.get_by_role("heading", level=1)).to_contain_text(
        either("niet meer geldig", "no longer valid")
    )

    # The administrator sees her in the seat, and ends Jef's membership as of yesterday.
    journey.visit(f"/regio/{region.slug}/organen/{body.pk}/")
    seats = page.get_by_role("table", name=either("Zetels", "Seats"))
    expect(seats.get_by_role("row", name="Ouders")).to_contain_text("Noor Willems")
    expect(seats.get_by_role("row", name="Ouders")).to_contain_text(either("bezet", "filled"))
    members = page.get_by_role("table", name=either("Huidige leden", "Current members"))
    expect(members.get_by_role("row", name="Noor Willems")).to_be_visible()
    journey.click(
        members.get_by_role("row", name="Jef Claes").get_by_role(
            "link", name=either("lidmaatschap beëindigen", "end membership")
        )
    )
    page.get_by_label(either("Laatste dag", "Last day of the term")).fill(
        _iso(today - datetime.timedelta(days=1))
    )
    page.get_by_label(either("Reden", "Reason")).fill("Verhuisd")
    journey.click(
        page.get_by_role("button", name=either("Lidmaatschap beëindigen", "End membership"))
    )
    expect(page.get_by_role("status")).to_be_visible()
    former = page.get_by_role("table", name=either("Oud-leden", "Former members"))
    expect(former.get_by_role("row", name="Jef Claes")).to_contain_text("Verhuisd")
    expect(members.get_by_text("Jef Claes")).to_have_count(0)
    expect(members.get_by_role("row", name="Noor Willems")).to_be_visible()

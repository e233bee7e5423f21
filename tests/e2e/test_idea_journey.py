"""P4 in the browser: a parent shares an idea on the public site on a phone; staff check and
publish it on a desktop and write the region's response; the parent gets it by e-mail, sees it
on the idea's public page on the phone, and supports the idea. axe on every page."""

from django.core import mail
from playwright.sync_api import expect

from aantafel.participation.models import Idea, IdeaStatus
from aantafel.regions.models import RegionRole

from .. import factories as f
from .conftest import PHONE

TITLE = "Een vaste hulpverlener voor elk gezin"
RESPONSE = "Goed idee. We nemen het op in het plan van aanpak voor 2026."


def test_p4_a_parent_shares_an_idea_and_sees_the_regions_response(journey, second_journey):
    region = f.RegionFactory(name="Jeugdhulp Zuid-Limburg", slug="zuid-limburg", dutch=True)
    staff = f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user
    parent = journey.page
    parent.set_viewport_size(PHONE)

    # The parent finds the form from the list of ideas and sends an idea, with an address.
    journey.visit(f"/doe-mee/{region.slug}/ideeen/")
    journey.click(parent.locator(f"a[href$='/doe-mee/{region.slug}/ideeen/nieuw/']").first)
    expect(parent.locator("main")).to_contain_text(region.safety_contact_line)
    parent.locator("#id_title").fill(TITLE)
    parent.locator("#id_text").fill(
        "Wij moesten ons verhaal vijf keer vertellen. Eén vaste persoon zou veel helpen."
    )
    parent.locator("#id_author_audience").select_option("parent")
    parent.locator("#id_author_name").fill("Moeder uit Heerlen")
    parent.locator("#id_author_email").fill("ouder@voorbeeld.example")
    journey.click(parent.locator("form.aantafel-form button[type=submit]"))
    idea = Idea.objects.get(title=TITLE)
    assert idea.status == IdeaStatus.SUBMITTED
    assert [m.to for m in mail.outbox] == [["ouder@voorbeeld.example"]]  # the receipt
    public_path = f"/doe-mee/{region.slug}/ideeen/{idea.pk}/"

    # Staff, on a desktop, check it and publish it, then answer.
    second_journey.login(staff.email)
    second_journey.visit(f"/regio/{region.slug}/ideeen/?status=submitted")
    staff_page = second_journey.page
    second_journey.click(staff_page.locator(f"a[href$='/ideeen/{idea.pk}/']").first)
    second_journey.click(
        staff_page.locator(f"form[action$='/ideeen/{idea.pk}/publiceren/'] button")
    )
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.PUBLISHED
    staff_page.locator("#id_response").fill(RESPONSE)
    second_journey.click(staff_page.locator(f"form[action*='/ideeen/{idea.pk}/reactie/'] button"))
    idea.refresh_from_db()
    assert (idea.status, idea.response) == (IdeaStatus.RESPONDED, RESPONSE)
    response_mail = mail.outbox[-1]
    assert RESPONSE in response_mail.body
    assert public_path in response_mail.body

    # The parent opens the link from the mail on the phone, reads the answer and supports it.
    journey.visit(public_path)
    expect(parent.locator("#response")).to_contain_text(RESPONSE)
    expect(parent.locator("main")).not_to_contain_text("ouder@voorbeeld.example")
    journey.click(parent.locator(f"form[action$='/ideeen/{idea.pk}/steunen/'] button"))
    assert idea.supports.count() == 1
    expect(parent.locator(f"form[action$='/ideeen/{idea.pk}/steunen/']")).to_have_count(0)
    journey.visit(f"/doe-mee/{region.slug}/ideeen/")
    expect(parent.locator("main")).to_contain_text(TITLE)

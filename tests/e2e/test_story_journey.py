"""P5 in the browser, on a phone: a young person tells a story on the public site with consent
and asks to leave their name off; staff take a name out of the text and publish it without the
teller's name; the story is on the public list without it; the teller withdraws it with the link
from the mail, and it is gone at once. axe on every page."""

from django.core import mail
from playwright.sync_api import expect

from aantafel.participation import links_stories
from aantafel.participation.models import Story, StoryStatus
from aantafel.regions.models import RegionRole

from .. import factories as f
from .conftest import PHONE

TEXT = (
    "Ik ben Jesse. Ik moest acht maanden wachten op hulp. In die tijd belde niemand. "
    "Mijn mentor Petra heeft me toen geholpen."
)
PUBLIC_TEXT = (
    "Ik moest acht maanden wachten op hulp. In die tijd belde niemand. "
    "Mijn mentor heeft me toen geholpen."
)


def test_p5_tell_moderate_publish_anonymised_and_withdraw_on_a_phone(journey):
    region = f.RegionFactory(name="Jeugdhulp Zuid-Limburg", slug="zuid-limburg", dutch=True)
    staff = f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user
    page = journey.page
    page.set_viewport_size(PHONE)

    # The young person finds the form from the public list of stories and tells their story.
    journey.visit(f"/doe-mee/{region.slug}/verhalen/")
    journey.click(page.locator(f"main a[href$='/{region.slug}/verhalen/vertel/']").first)
    expect(page.locator("main")).to_contain_text(region.safety_contact_line)
    expect(page.locator("#id_consent")).not_to_be_checked()
    page.locator("#id_title").fill("Acht maanden wachten")
    page.locator("#id_text").fill(TEXT)
    page.locator("#id_teller_name").fill("Jesse Claessens")
    page.locator("#id_teller_email").fill("jesse@voorbeeld.example")
    page.locator("input[name=teller_audience][value=young_person]").check()
    page.locator("#id_anonymous").check()

    # Without the consent box the story is not taken; with it, it is.
    journey.click(page.locator("form.aantafel-form button[type=submit]"))
    assert not Story.objects.exists()
    expect(page.locator("#id_consent")).to_have_attribute("aria-invalid", "true")
    page.locator("#id_consent").check()
    journey.click(page.locator("form.aantafel-form button[type=submit]"))
    story = Story.objects.get()
    assert (story.status, story.anonymous) == (StoryStatus.SUBMITTED, True)
    receipt = next(m for m in mail.outbox if m.to == ["jesse@voorbeeld.example"])
    withdraw = links_stories.withdraw_path(story)
    assert withdraw in receipt.body

    # Not on the site before moderation.
    journey.visit(f"/doe-mee/{region.slug}/verhalen/")
    expect(page.locator("main")).not_to_contain_text("Acht maanden wachten")

    # Staff take the names out and publish it without a name.
    journey.login(staff.email)
    journey.visit(f"/regio/{region.slug}/verhalen/")
    journey.click(page.locator(f"main a[href$='/verhalen/{story.pk}/']").first)
    expect(page.locator("main")).to_contain_text("jesse@voorbeeld.example")
    expect(page.locator("#id_public_name")).to_have_value("")
    page.locator("#id_public_text").fill(PUBLIC_TEXT)
    journey.click(page.locator("form[action$='/publiceren/'] button[type=submit]"))
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED
    journey.logout()

    # On the public list and page: the edited text, without the teller's name.
    journey.visit(f"/doe-mee/{region.slug}/verhalen/")
    main = page.locator("main")
    expect(main).to_contain_text("Acht maanden wachten")
    expect(main).not_to_contain_text("Jesse")
    journey.click(page.locator(f"main a[href$='/verhalen/{story.pk}/']").first)
    expect(main).to_contain_text("Mijn mentor heeft me toen geholpen.")
    expect(main).not_to_contain_text("Jesse")
    expect(main).not_to_contain_text("Petra")

    # The teller withdraws it with the link from the mail: asked first, then gone at once.
    journey.visit(withdraw)
    journey.click(page.locator("main form.aantafel-form button[type=submit]"))
    expect(page.locator("main form.aantafel-form")).to_have_count(0)
    story.refresh_from_db()
    assert (story.status, story.text, story.public_text) == (StoryStatus.WITHDRAWN, "", "")
    journey.visit(f"/doe-mee/{region.slug}/verhalen/")
    expect(page.locator("main")).not_to_contain_text("Acht maanden wachten")
    response = page.goto(journey.url(f"/doe-mee/{region.slug}/verhalen/{story.pk}/"))
    assert response is not None
    assert response.status == 404
    journey.check()

"""P3 in the browser, on a phone: a young person finds the open campaign on the region's public
site, answers its questions on one page in one go (radio buttons, a rating 1–5, a text box),
and is thanked; the policy officer then sees the answer counted on the results page, and the
entry page for paper answers. axe on every page."""

from playwright.sync_api import expect

from aantafel.participation.models import CampaignResponse, ResponseChannel
from aantafel.regions.models import RegionRole

from .. import factories as f
from ..participation.factories_campaigns import CampaignFactory, questions
from ..participation.factories_trajectories import TrajectoryFactory
from .conftest import PHONE


def test_p3_a_young_person_answers_a_campaign_on_a_phone_and_staff_see_it_counted(journey):
    region = f.RegionFactory(name="Jeugdhulp Zuid-Limburg", slug="zuid-limburg", dutch=True)
    staff = f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user
    campaign = CampaignFactory(
        trajectory=TrajectoryFactory(region=region), title="Wat vind jij van de jeugdhulp?"
    )
    choice, rating, open_ = questions(campaign)
    page = journey.page
    page.set_viewport_size(PHONE)

    # The public list leads to the campaign; it says it is anonymous and where to turn.
    journey.visit(f"/doe-mee/{region.slug}/vragenlijsten/")
    journey.click(page.locator(f"a[href$='/vragenlijsten/{campaign.pk}/']").first)
    expect(page.locator("main")).to_contain_text(region.safety_contact_line)
    expect(page.locator(f"#id_question_{choice.pk}_0")).to_be_visible()

    # One page, one go: a choice, a rating with visible labels, a few words, who you are.
    page.get_by_label("Goed", exact=True).check()
    page.locator(f"label[for='id_question_{rating.pk}_3']").click()  # 4 – good
    expect(page.locator(f"#id_question_{rating.pk}_3")).to_be_checked()
    page.locator(f"#id_question_{open_.pk}").fill("Sneller hulp, en iemand die echt luistert.")
    page.locator("input[name=audience][value=young_person]").check()
    journey.click(page.locator("#answer-form button[type=submit]"))
    assert page.url.endswith(f"/vragenlijsten/{campaign.pk}/bedankt/")
    saved = CampaignResponse.objects.get(campaign=campaign)
    assert saved.channel == ResponseChannel.ONLINE
    assert saved.audience == "young_person"
    assert saved.respondent_name == ""

    # The policy officer sees the answer counted, with the chart and the table beside it.
    journey.login(staff.email)
    journey.visit(f"/regio/{region.slug}/vragenlijsten/{campaign.pk}/resultaten/")
    expect(page.locator("#response-total")).to_contain_text("1")
    expect(page.locator("main svg").first).to_be_visible()
    expect(page.locator("#table-q1")).to_contain_text("Goed")
    journey.visit(f"/regio/{region.slug}/vragenlijsten/{campaign.pk}/")
    journey.visit(f"/regio/{region.slug}/vragenlijsten/{campaign.pk}/antwoorden/invoeren/")
    journey.visit(f"/regio/{region.slug}/vragenlijsten/{campaign.pk}/vragen/{open_.pk}/coderen/")
    journey.visit(f"/regio/{region.slug}/vragenlijsten/{campaign.pk}/themas/")
    journey.visit(f"/regio/{region.slug}/vragenlijsten/{campaign.pk}/antwoorden/")
    journey.visit(f"/regio/{region.slug}/vragenlijsten/{campaign.pk}/antwoorden/{saved.pk}/")
    journey.visit(f"/regio/{region.slug}/plan/{campaign.trajectory_id}/")
    journey.visit(f"/regio/{region.slug}/plan/{campaign.trajectory_id}/nieuw/")

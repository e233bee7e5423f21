"""A client test in the browser (S5): a young person opens their personal link on a phone,
answers, and sees thanks; the same link again says it was already answered; the supporter
reads the report per target group. axe on every page."""

from playwright.sync_api import expect

from aantafel.clienttests import links, services
from aantafel.clienttests.models import ClientTestAnswer

from .. import factories as f
from .conftest import PHONE


def test_s5_a_young_person_answers_on_a_phone_and_the_supporter_reads_the_report(journey):
    region = f.RegionFactory(name="IROJ Limburg", slug="iroj-limburg")
    body = f.BodyFactory(region=region, name="Overleg Cliëntvertegenwoordigers")
    f.TermsFactory(body=body, version=1)
    supporter = f.MembershipFactory(body=body, supporter=True).user
    test = f.ClientTestFactory(
        body=body,
        open=True,
        title="Een vaste begeleider",
        target_groups=["young_people", "parents"],
    )
    link, *others = services.client_test_links_create(
        actor=supporter, test=test, count=4, label="klas 3B"
    )
    for other in others:  # three earlier answers, so the group's figures show in the report
        services.client_test_answer_submit(
            link=other,
            target_group="young_people",
            clarity=4,
            accessibility=3,
            participation=3,
            impact=4,
            remarks="Ook goed voor mijn broer.",
        )
    token = links.token_for(link)
    page = journey.page

    # A young person, no account, on a phone.
    page.set_viewport_size(PHONE)
    journey.visit(f"/toets/{token}/")
    expect(page.locator("main")).to_contain_text(region.safety_contact_line)
    page.locator("input[name=target_group][value=young_people]").check()
    for name, value in (("clarity", 5), ("accessibility", 4), ("participation", 2), ("impact", 5)):
        page.locator(f"input[name={name}][value='{value}']").check()
    page.locator("#id_impact_comment").fill("Dan hoef ik mijn verhaal niet steeds te vertellen.")
    journey.click(page.locator("form.aantafel-form button[type=submit]"))
    assert page.url.endswith(f"/toets/{token}/bedankt/")
    answer = ClientTestAnswer.objects.get(link=link)
    assert (answer.target_group, answer.clarity, answer.participation) == ("young_people", 5, 2)

    # The same link again: a clear page, nothing to fill in.
    response = page.goto(journey.url(f"/toets/{token}/"))
    assert response is not None
    assert response.status == 409
    journey.check()
    expect(page.locator("[data-state=already_answered]")).to_have_count(1)
    expect(page.locator("form.aantafel-form")).to_have_count(0)

    # The supporter reads the report.
    page.set_viewport_size({"width": 1280, "height": 800})
    journey.login(supporter.email)
    journey.visit(f"/regio/{region.slug}/clienttoetsen/")
    journey.click(page.get_by_role("link", name="Een vaste begeleider"))
    journey.click(page.locator(f"a[href$='/clienttoetsen/{test.pk}/rapport/']"))
    expect(page.locator("main")).to_contain_text(
        "Dan hoef ik mijn verhaal niet steeds te vertellen."
    )
    expect(page.locator("table")).to_have_count(2)  # young people, everyone
    journey.visit(f"/regio/{region.slug}/clienttoetsen/{test.pk}/links/")
    expect(page.locator("code.aantafel-link-url")).to_have_count(4)

    # The pages to make and change a test pass the same checks (B1 indicator, date, checkboxes).
    journey.visit(f"/regio/{region.slug}/clienttoetsen/nieuw/")
    page.locator("#id_body").select_option(str(body.pk))
    page.locator("#id_title").fill("Pleeggezinnen dichter bij huis")
    page.locator("#id_proposal").fill("Kinderen wonen bij een pleeggezin in hun eigen gemeente.")
    page.locator("input[name=target_groups][value=foster_carers]").check()
    page.locator("#id_closes_on").fill(test.closes_on.isoformat())
    journey.click(page.locator("form.aantafel-form button[type=submit]"))
    expect(page.locator("h1")).to_have_text("Pleeggezinnen dichter bij huis")

"""Advice requests in the browser (S4): a representative records their constituency's view on
an advice request on a phone-sized screen; then the chair gives the advice and the PDF
downloads. axe on every page."""

from playwright.sync_api import expect

from aantafel.advice import services
from aantafel.advice.models import ConstituencyView
from aantafel.advice.workflow import AdviceStatus
from aantafel.bodies.models import DecisionRule
from aantafel.meetings.models import Stance

from .. import factories as f
from .conftest import PHONE


def test_s4_a_representative_records_their_constituencys_view_on_a_phone(journey):
    region = f.RegionFactory(name="IROJ Limburg", slug="iroj-limburg")
    body = f.BodyFactory(region=region, name="Cliëntvertegenwoordigersoverleg")
    f.TermsFactory(body=body, version=1, decision_rule=DecisionRule.CONSENSUS_WITH_RESERVATION)
    parents = f.ConstituencyFactory(region=region, name="Ouders")
    youth = f.ConstituencyFactory(region=region, name="Jongeren")
    f.SeatFactory(body=body, constituency=parents)
    f.SeatFactory(body=body, constituency=youth)
    representative = f.MembershipFactory(body=body, constituency=parents).user
    youth_rep = f.MembershipFactory(body=body, constituency=youth).user
    chair = f.MembershipFactory(body=body, chair=True).user
    request = services.advice_request_create(
        actor=chair,
        body=body,
        requester_kind="department",
        requester_name="Departement WVG",
        title="Nieuwe regels crisisopvang",
        question="Wat vinden jullie van de nieuwe regels voor crisisopvang?",
        deadline=f.timezone.localdate() + f.datetime.timedelta(days=14),
    )
    services.advice_view_record(
        actor=youth_rep,
        advice_request=request,
        constituency=youth,
        stance=Stance.AGREES,
        view="Jongeren vinden het een goed plan.",
    )
    page = journey.page

    # The representative, on a phone: the list, the request, their constituency's form.
    page.set_viewport_size(PHONE)
    journey.login(representative.email)
    journey.visit(f"/regio/{region.slug}/advies/")
    journey.click(page.locator(f"a[href$='/advies/{request.pk}/']").first)
    expect(page.locator("main")).to_contain_text("Wat vinden jullie van de nieuwe regels")
    journey.click(page.locator(f"a[href*='/advies/{request.pk}/standpunt/']"))
    expect(page.locator("#id_constituency option")).to_have_count(1)  # only their own
    page.locator("input[name=stance][value=reservation]").check()
    page.locator("#id_view").fill("Ouders willen dat de opvang dicht bij huis blijft.")
    journey.click(page.locator("form.aantafel-form button[type=submit]"))
    view = ConstituencyView.objects.get(constituency=parents)
    assert (view.stance, view.recorded_on_behalf) == (Stance.RESERVATION, False)
    expect(page.locator("main")).to_contain_text("Ouders willen dat de opvang dicht bij huis")
    journey.logout()

    # The chair gives the advice, and downloads it as a PDF.
    page.set_viewport_size({"width": 1280, "height": 800})
    journey.login(chair.email)
    journey.visit(f"/regio/{region.slug}/advies/{request.pk}/")
    journey.click(page.locator(f"a[href$='/advies/{request.pk}/advies-geven/']"))
    page.locator("#id_advice_text").fill(
        "Het overleg steunt de regels, als de opvang dicht bij huis blijft."
    )
    journey.click(page.locator("form.aantafel-form button[type=submit]"))
    request.refresh_from_db()
    assert request.status == AdviceStatus.ADVICE_GIVEN
    with page.expect_download() as download_info:
        page.locator(f"a[href$='/advies/{request.pk}/advies.pdf']").click()
    path = download_info.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

"""S6 in the browser: a supporter opens each dashboard on a phone and on a desktop, reads the
chart and the table beside it, changes the period and downloads the CSV. axe on every page."""

from playwright.sync_api import expect

from tests.reports.dashboard_scene import build_advice, build_attendance, build_signals

from .. import factories as f
from .conftest import DESKTOP, PHONE, either

SLUGS = ("signalen", "antwoordtijd", "adviezen", "aanwezigheid")


def test_s6_a_supporter_reads_the_dashboards_and_downloads_a_csv(journey, tmp_path):
    region = f.RegionFactory(name="IROJ Limburg", slug="iroj-limburg")
    other_region = f.RegionFactory()
    body = f.BodyFactory(region=region, name="Overleg Cliëntvertegenwoordigers")
    f.TermsFactory(body=body, version=1)
    supporter = f.MembershipFactory(body=body, supporter=True).user
    build_signals(region, other_region)
    build_attendance(region, other_region, body)
    build_advice(region, other_region, body)
    page = journey.page

    journey.login(supporter.email)
    journey.visit(f"/regio/{region.slug}/dashboards/")
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        for slug in SLUGS:
            journey.visit(
                f"/regio/{region.slug}/dashboards/{slug}/?from_month=2025-01&to_month=2025-06"
            )
            expect(page.locator("svg[role=img]").first).to_be_visible()
            expect(page.locator("table caption").first).not_to_be_empty()

    # Change the period with the form: February to March 2025.
    page.set_viewport_size(DESKTOP)
    journey.visit(f"/regio/{region.slug}/dashboards/signalen/")
    page.locator("#id_from_month").fill("2025-02")
    page.locator("#id_to_month").fill("2025-03")
    journey.click(page.locator("form.aantafel-filter button[type=submit]"))
    rows = page.locator("#table-status tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first.locator("th")).to_contain_text(either("februari 2025", "February 2025"))

    with page.expect_download() as info:
        page.locator("a[href*='/dashboards/signalen/status.csv']").click()
    download = info.value
    assert download.suggested_filename == "status-iroj-limburg-2025-02-2025-03.csv"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == ["2025-02", "2025-03"]
    assert lines[1].split(",")[-1] == "4"  # February: D and three answered signals

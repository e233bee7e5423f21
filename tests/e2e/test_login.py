"""Logging in with e-mail address and password."""

from playwright.sync_api import expect

from .. import factories as f
from .conftest import LOG_IN, either


def test_login_with_email_and_password_lands_on_the_bodies_you_sit_in(journey):
    region = f.RegionFactory(name="IROJ Limburg", slug="iroj-limburg")
    body = f.BodyFactory(region=region, name="Kerngroep RTJ", body_type="core_group")
    f.BodyFactory(region=region, name="Werkgroep Vervoer")  # in the region, but not hers
    f.MembershipFactory(
        body=body,
        role="chair",
        user__email="sanne@voorbeeld.example",
        user__full_name="Sanne Peeters",
    )
    page = journey.page

    journey.visit("/accounts/login/")
    expect(page).to_have_title(either("Inloggen – Aan Tafel", "Log in – Aan Tafel"))
    journey.assert_skip_link_first()
    journey.assert_focus_visible()

    # A wrong password: the form comes back with the message in it, above its fields, and the
    # address kept.
    email = page.get_by_label(either("E-mail", "Email"))
    email.fill("sanne@voorbeeld.example")
    journey.password_field().fill("niet-het-wachtwoord")
    journey.click(page.get_by_role("button", name=LOG_IN))
    form = page.locator("form", has=email)
    expect(form.get_by_role("alert")).to_contain_text(either("niet correct", "not correct"))
    expect(email).to_have_value("sanne@voorbeeld.example")
    expect(page).to_have_url(journey.url("/accounts/login/"))

    # The right password: the start page with the body she sits in, and only that one.
    journey.password_field().fill("een-goed-wachtwoord-42")
    journey.click(page.get_by_role("button", name=LOG_IN))
    assert page.url == journey.url("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sanne")
    tables = page.get_by_role("region", name=either("Hier zit je aan tafel", "tables you sit at"))
    expect(tables.get_by_role("link", name="Kerngroep RTJ")).to_be_visible()
    expect(tables).to_contain_text(either("voorzitter", "chair"))
    expect(page.get_by_text("Werkgroep Vervoer")).to_have_count(0)

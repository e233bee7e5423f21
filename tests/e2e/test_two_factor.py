"""Two-factor authentication with an authenticator app (allauth's TOTP and recovery codes)."""

import re

from playwright.sync_api import expect

from aantafel.regions.models import RegionRole

from .. import factories as f
from .conftest import Journey, either, exactly, fresh_totp

SECRET_LABEL = either("Authenticator geheim", "Authenticator secret")
CODE_LABEL = either("Authenticator code", "Code")


def _activate_authenticator_app(journey: Journey) -> str:
    """On the activation page: reads the secret as a person would copy it into their app, and
    enters the app's code. Returns the secret."""
    page = journey.page
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        either("authenticator-app", "Authenticator App")
    )
    secret = page.get_by_label(SECRET_LABEL).input_value()
    assert len(secret) >= 16
    page.get_by_label(CODE_LABEL).fill(fresh_totp(secret))
    journey.click(page.get_by_role("button", name=either("Activeer", "Activate")))
    # Activation shows the recovery codes at once.
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        either("Herstelcodes", "Recovery Codes")
    )
    codes = page.get_by_label(either("Ongebruikte codes", "Unused codes")).input_value().split()
    assert len(codes) == 10
    return secret


def test_user_turns_on_two_factor_and_the_next_login_asks_for_the_code(journey):
    user = f.MembershipFactory(body__name="Kerngroep RTJ", user__full_name="Sam Peeters").user
    page = journey.page

    journey.login(user.email)
    journey.click(page.get_by_role("link", name=either("Mijn account", "My account")))
    two_factor = page.get_by_role("listitem").filter(
        has_text=either("Tweestapsverificatie", "Two-factor authentication")
    )
    expect(two_factor).to_have_text(re.compile(r"–\s*(uit|off)$"))
    journey.click(
        page.get_by_role("link", name=either("Tweestapsverificatie", "Two-factor authentication"))
    )
    journey.click(page.get_by_role("link", name=either("Activeer", "Activate")))
    journey.confirm_access()
    secret = _activate_authenticator_app(journey)

    journey.visit("/accounts/instellingen/")
    expect(two_factor).to_have_text(re.compile(r"–\s*(aan|on)$"))

    # Logging in again takes the password and then the app's code.
    journey.logout()
    journey.login(user.email)
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        either("Twee-factor-authenticatie", "Two-Factor Authentication")
    )
    page.get_by_label(CODE_LABEL).fill("000000" if fresh_totp(secret) != "000000" else "111111")
    journey.click(page.get_by_role("button", name=either("Aanmelden", "Sign In")))
    # A wrong code is refused, with the message read out with the field.
    expect(page.get_by_label(CODE_LABEL)).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label(CODE_LABEL)).to_have_accessible_description(
        either("Ongeldige code", "Incorrect code")
    )
    page.get_by_label(CODE_LABEL).fill(fresh_totp(secret))
    journey.click(page.get_by_role("button", name=either("Aanmelden", "Sign In")))
    assert page.url == journey.url("/")
    expect(page.get_by_role("link", name="Kerngroep RTJ")).to_be_visible()


def test_region_requiring_two_factor_for_supporters_sends_a_supporter_without_it_to_set_it_up(
    journey, second_journey
):
    region = f.RegionFactory(name="Jeugdhulp Zuid-Limburg", slug="zuid-limburg", dutch=True)
    body = f.BodyFactory(region=region, name="Cliëntenraad Zuid", body_type="client_council")
    admin = f.RegionMembershipFactory(region=region, role=RegionRole.ADMIN).user
    supporter = f.MembershipFactory(body=body, supporter=True).user
    member = f.MembershipFactory(body=body).user

    # The administrator requires two-factor authentication of supporters.
    page = journey.page
    journey.login(admin.email)
    journey.visit(f"/regio/{region.slug}/organen/")
    journey.click(
        page.get_by_role("link", name=either("Instellingen van de regio", "Region settings"))
    )
    page.get_by_role("checkbox", name=exactly("ondersteuner", "supporter")).check()
    journey.click(page.get_by_role("button", name=either("Opslaan", "Save")))
    expect(page.get_by_role("status")).to_be_visible()
    expect(page.get_by_role("checkbox", name=exactly("ondersteuner", "supporter"))).to_be_checked()

    # A supporter without an authenticator app is sent to set one up, whatever page they ask.
    other = second_journey.page
    second_journey.login(supporter.email)
    assert other.url == second_journey.url("/accounts/tweestapsverificatie-vereist/")
    expect(other.get_by_role("heading", level=1)).to_contain_text(
        either("tweestapsverificatie", "two-factor authentication")
    )
    second_journey.visit(f"/regio/{region.slug}/organen/{body.pk}/")
    assert other.url == second_journey.url("/accounts/tweestapsverificatie-vereist/")

    # Setting it up opens the way.
    second_journey.click(
        other.get_by_role(
            "link", name=either("tweestapsverificatie instellen", "Set up two-factor")
        )
    )
    second_journey.confirm_access()
    _activate_authenticator_app(second_journey)
    second_journey.visit(f"/regio/{region.slug}/organen/{body.pk}/")
    expect(other.get_by_role("heading", level=1)).to_contain_text("Cliëntenraad Zuid")

    # A plain member is not asked.
    second_journey.logout()
    second_journey.login(member.email)
    assert other.url == second_journey.url("/")

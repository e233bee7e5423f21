"""A user's own account: changing and resetting the password, and personal API tokens."""

import re

from playwright.sync_api import expect

from .. import factories as f
from .conftest import LOG_IN, PASSWORD, either, label

NEW_PASSWORD = "stoelen-rond-de-tafel-7"
NEWER_PASSWORD = "koffie-en-thee-voor-iedereen-9"


def test_user_changes_password_makes_an_api_token_and_resets_a_forgotten_password(
    journey, mailoutbox
):
    user = f.MembershipFactory(body__name="Kerngroep RTJ").user
    page = journey.page

    # Changing the password: a wrong current password is refused beside that field.
    journey.login(user.email)
    journey.click(page.get_by_role("link", name=either("Mijn account", "My account")))
    journey.click(page.get_by_role("link", name=either("Wachtwoord wijzigen", "Change password")))
    current = page.get_by_label(either("Huidig wachtwoord", "Current Password"))
    current.fill("niet-mijn-wachtwoord")
    page.get_by_label(label("Nieuw wachtwoord", "New Password")).fill(NEW_PASSWORD)
    page.get_by_label(either("Nieuw wachtwoord (bevestigen)", "New Password (again)")).fill(
        NEW_PASSWORD
    )
    journey.click(page.get_by_role("button", name=either("Wachtwoord wijzigen", "Change Password")))
    current = page.get_by_label(either("Huidig wachtwoord", "Current Password"))
    expect(current).to_have_attribute("aria-invalid", "true")
    expect(current).to_have_accessible_description(re.compile(r"\S"))
    current.fill(PASSWORD)
    page.get_by_label(label("Nieuw wachtwoord", "New Password")).fill(NEW_PASSWORD)
    page.get_by_label(either("Nieuw wachtwoord (bevestigen)", "New Password (again)")).fill(
        NEW_PASSWORD
    )
    journey.click(page.get_by_role("button", name=either("Wachtwoord wijzigen", "Change Password")))
    expect(page.get_by_role("status")).to_be_visible()

    # A personal API token is shown once, listed, and can be revoked.
    journey.visit("/accounts/instellingen/")
    journey.click(page.get_by_role("link", name=either("API-tokens", "API tokens")))
    page.get_by_label(either("Waarvoor", "What is the token for?")).fill("Rapportage")
    journey.click(page.get_by_role("button", name=either("Token aanmaken", "Make token")))
    expect(page.get_by_role("status")).to_contain_text(re.compile(r"\S{20,}"))
    tokens = page.get_by_role("list").filter(has_text="Rapportage")
    journey.click(tokens.get_by_role("button", name=re.compile("Rapportage")))
    expect(page.get_by_role("list").filter(has_text="Rapportage")).to_have_count(0)

    # Forgotten: a reset link by e-mail, a new password, and logging in with it.
    # Logging out from a bookmarked address asks first (the menu's button logs out at once).
    journey.visit("/accounts/logout/")
    journey.click(page.get_by_role("button", name=either("Afmelden", "Sign Out")))
    expect(page.get_by_role("button", name=LOG_IN)).to_be_visible()
    journey.click(page.get_by_role("link", name=either("Wachtwoord vergeten", "Forgot")))
    page.get_by_label(either("E-mail", "Email")).fill(user.email)
    journey.click(
        page.get_by_role("button", name=either("Herstel mijn wachtwoord", "Reset My Password"))
    )
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [user.email]
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", mailoutbox[0].body).group(0)
    journey.visit(link)
    page.get_by_label(label("Nieuw wachtwoord", "New Password")).fill(NEWER_PASSWORD)
    page.get_by_label(either("Nieuw wachtwoord (bevestigen)", "New Password (again)")).fill(
        NEWER_PASSWORD
    )
    journey.click(page.get_by_role("button", name=either("Wachtwoord wijzigen", "Change Password")))
    journey.login(user.email, NEWER_PASSWORD)
    assert page.url == journey.url("/")
    expect(page.get_by_role("link", name="Kerngroep RTJ")).to_be_visible()

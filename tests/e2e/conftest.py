"""Browser journeys: Playwright on Debian's chromium against pytest-django's live server.

Every page a journey reaches is checked by `Journey.check()`: axe-core (from npm) with the WCAG 2.0,
2.1 and 2.2 A/AA rules, a meaningful title, one main landmark and one h1, and no horizontal
scrolling of the page on a 390 px wide phone nor at 320 px (tables scroll in their own container).
A journey that reaches a page without checking it fails.
"""

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

# Playwright's sync API runs an event loop in this thread; Django then refuses ORM calls unless
# told that this is safe (it is: the loop only drives the browser).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

HERE = Path(__file__).resolve().parent
AXE_JS = HERE.parents[1] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 390, "height": 844}  # an iPhone 12 to 15
DESKTOP = {"width": 1280, "height": 800}
PASSWORD = "een-goed-wachtwoord-42"  # the password tests/factories.py gives every user


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.e2e_call_failed = report.failed
    return report


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def base_url(live_server):
    """The live server's address. Defining it here also replaces pytest-playwright's fallback
    fixture, an instance method that pytest 9 warns about (and warnings are errors)."""
    return live_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Dutch first: the browser asks for Dutch, as most of our users' browsers do.
    return {**browser_context_args, "locale": "nl-NL", "viewport": DESKTOP}


def either(*texts: str) -> re.Pattern[str]:
    """A pattern matching any of the texts: the Dutch one or the English source string (the
    Dutch catalog may not be compiled where the tests run)."""
    return re.compile("|".join(re.escape(t) for t in texts), re.IGNORECASE)


def exactly(*texts: str) -> re.Pattern[str]:
    """Like `either`, for the whole text (a link "Bodies", not "Bodies of IROJ Limburg")."""
    return re.compile("^(" + "|".join(re.escape(t) for t in texts) + ")$", re.IGNORECASE)


def label(*texts: str) -> re.Pattern[str]:
    """A form field's whole label, which may end in "(optional)"."""
    names = "|".join(re.escape(t) for t in texts)
    return re.compile(rf"^({names})( \((niet verplicht|optioneel|optional)\))?$", re.IGNORECASE)


LOG_IN = either("Inloggen", "Aanmelden", "Log in")

AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
  });
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary})),
  }));
}"""

# Whether the page scrolls sideways, and the elements that stick out to the right: tables may
# scroll inside their own container, so what sits in one only counts when it escapes it.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const scroll = document.documentElement.scrollWidth;
  const culprits = scroll <= width ? [] : [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > width + 1)
    .filter(el => !el.closest('.aantafel-table-wrap') || getComputedStyle(el).position === 'absolute')
    .slice(0, 10)
    .map(el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '')
      + ' "' + el.textContent.trim().slice(0, 30) + '" (right edge ' + Math.round(el.getBoundingClientRect().right) + 'px)');
  return {width, scroll, culprits};
}"""


def _describe(violations) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"    {node['target']}: {summary[:300]}")
    return "\n".join(lines)


def axe_check(page: Page) -> None:
    """Runs axe-core (installed from npm) on the page; fails listing every violation."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(AXE_RUN, AXE_TAGS)
    if violations:
        pytest.fail(
            f"axe found {len(violations)} WCAG violation(s) on {page.url} "
            f"({page.viewport_size['width']} px wide):\n{_describe(violations)}",
            pytrace=False,
        )


@dataclass
class Journey:
    """A user's browser, with a check of every page it reaches."""

    page: Page
    base_url: str
    checked: set[int] = field(default_factory=set)
    visited: list[str] = field(default_factory=list)

    def __post_init__(self):
        # A new document, not an in-page jump (skip link) or an htmx history entry.
        self.page.on("domcontentloaded", lambda page: self.visited.append(page.url))

    # --- moving around --------------------------------------------------------------------
    def url(self, path: str) -> str:
        return self.base_url + path

    def visit(self, path: str) -> None:
        """Opens a page by its address, as a user following a bookmark or an e-mail link."""
        response = self.page.goto(path if path.startswith("http") else self.url(path))
        assert response is not None, path
        assert response.ok, f"{path}: HTTP {response.status}"
        self.check()

    def click(self, target: Locator) -> None:
        """Follows a link or submits a form by its button, and checks the page it leads to."""
        with self.page.expect_navigation():
            target.click()
        self.check()

    def login(self, email: str, password: str = PASSWORD) -> None:
        self.visit("/accounts/login/")
        self.page.get_by_label(either("E-mail", "Email")).fill(email)
        self.password_field().fill(password)
        self.click(self.page.get_by_role("button", name=LOG_IN))

    def password_field(self) -> Locator:
        """The field labelled "Wachtwoord" (not a section whose heading mentions passwords)."""
        label = self.page.get_by_label(either("Wachtwoord", "Password"), exact=True)
        return label.and_(self.page.locator("input"))

    def confirm_access(self, password: str = PASSWORD) -> None:
        """allauth asks for the password again before security settings change."""
        page = self.page
        expect(page.get_by_role("heading", level=1)).to_contain_text(
            either("Toegang bevestigen", "Confirm Access")
        )
        self.password_field().fill(password)
        self.click(page.get_by_role("button", name=either("Bevestigen", "Confirm")))

    def logout(self) -> None:
        self.click(self.page.get_by_role("button", name=either("Uitloggen", "Afmelden", "Log out")))

    # --- checks ---------------------------------------------------------------------------
    def check(self) -> None:
        """What every page must meet. Runs axe, then looks at title, landmarks and width."""
        page = self.page
        page.wait_for_load_state("load")
        axe_check(page)
        # The title says what the page is about, then the site: "Kerngroep RTJ – Aan Tafel".
        title = page.title()
        match = re.fullmatch(r"(\S.*\S) – Aan Tafel", title)
        assert match, f"{page.url}: title {title!r}"
        assert match.group(1) != "Aan Tafel", f"{page.url}: title {title!r}"
        expect(page.locator("main")).to_have_count(1)
        expect(page.locator("h1")).to_have_count(1)
        expect(page.locator("h1")).not_to_be_empty()
        self.assert_fits_phone()
        self.checked.add(len(self.visited))

    def assert_fits_phone(self) -> None:
        """No horizontal scrolling of the page on a 390 px wide phone, nor at 320 px (WCAG 1.4.10
        reflow: 1280 px at 400 % zoom)."""
        page = self.page
        size = page.viewport_size
        try:
            for width in (390, 320):
                page.set_viewport_size({"width": width, "height": PHONE["height"]})
                overflow = page.evaluate(OVERFLOW)
                assert overflow["scroll"] <= overflow["width"], f"{page.url} scrolls: {overflow}"
        finally:
            page.set_viewport_size(size)

    def assert_skip_link_first(self) -> None:
        """The first Tab from the top of the page lands on a visible skip link to the content."""
        page = self.page
        page.keyboard.press("Tab")
        skip = page.get_by_role(
            "link", name=either("Ga naar de inhoud", "Naar hoofdinhoud", "Skip to main content")
        )
        expect(skip).to_be_focused()
        expect(skip).to_be_visible()
        box = skip.bounding_box()
        assert box is not None
        assert min(box["width"], box["height"]) >= 24, box  # WCAG 2.5.8 target size
        assert 0 <= box["y"] <= page.viewport_size["height"] - box["height"], box  # in view
        page.keyboard.press("Enter")
        expect(page.locator("main")).to_be_focused()

    def assert_focus_visible(self, tabs: int = 12) -> None:
        """Each of the first `tabs` Tab stops shows a focus indicator: an outline or a ring."""
        page = self.page
        page.locator("body").focus()
        previous = None
        for _ in range(tabs):
            page.keyboard.press("Tab")
            style = page.evaluate(
                """() => { const el = document.activeElement; const s = getComputedStyle(el);
                return {el: el.outerHTML.slice(0, 120), outline: s.outlineStyle,
                        width: parseFloat(s.outlineWidth), shadow: s.boxShadow}; }"""
            )
            if style["el"].startswith("<body"):
                break
            if style["el"] == previous:
                continue  # Tab moves between the day, month and year of a date field
            previous = style["el"]
            outline = style["outline"] != "none" and style["width"] >= 2
            assert outline or style["shadow"] != "none", f"{page.url}: no visible focus on {style}"

    def assert_all_checked(self) -> None:
        unchecked = [url for i, url in enumerate(self.visited, 1) if i not in self.checked]
        assert not unchecked, f"pages reached but not checked: {unchecked}"


@pytest.fixture
def journey(request, page: Page, base_url):
    """A browser on the live server. At the end, every page it reached must have been checked."""
    page.set_default_timeout(10_000)
    j = Journey(page=page, base_url=base_url)
    yield j
    if not getattr(request.node, "e2e_call_failed", True):
        j.assert_all_checked()


@pytest.fixture
def second_journey(request, browser, browser_context_args, base_url):
    """A second person's browser, with its own cookies."""
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.set_default_timeout(10_000)
    j = Journey(page=page, base_url=base_url)
    yield j
    context.close()
    if not getattr(request.node, "e2e_call_failed", True):
        j.assert_all_checked()


def fresh_totp(secret: str) -> str:
    """The current code of an authenticator app with this secret, with at least a few seconds of
    window left (so it is still valid when the form arrives). allauth's own TOTP helpers."""
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    period = app_settings.TOTP_PERIOD
    if period - time.time() % period < 4:
        time.sleep(period - time.time() % period + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))

"""Dutch is the default language and English the second (PRODUCT.md: Dutch at language level B1).

The Dutch catalog must be complete: an untranslated or fuzzy entry would show English (or an
unchecked guess) to a Dutch-speaking user. The checks use GNU gettext's own tools, which the
Makefile installs with the catalogs it compiles.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "src" / "aantafel" / "locale"
DUTCH_PO = LOCALE / "nl" / "LC_MESSAGES" / "django.po"
DUTCH_MO = DUTCH_PO.with_suffix(".mo")
LOGIN = "/accounts/login/"


def _gettext_tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: install GNU gettext (make install does)."
    return path


def _catalogs() -> list[Path]:
    return sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))


def _msgattrib(option: str, po: Path) -> str:
    result = subprocess.run(  # noqa: S603 - a GNU gettext tool on our own catalog
        [_gettext_tool("msgattrib"), option, "--no-wrap", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_the_dutch_catalog_exists():
    assert DUTCH_PO.is_file()
    assert DUTCH_PO in _catalogs()


@pytest.mark.parametrize("po", _catalogs(), ids=lambda p: str(p.relative_to(LOCALE)))
def test_catalog_has_no_untranslated_entries(po):
    untranslated = _msgattrib("--untranslated", po)
    assert untranslated == "", f"Untranslated entries in {po.name}:\n{untranslated}"


@pytest.mark.parametrize("po", _catalogs(), ids=lambda p: str(p.relative_to(LOCALE)))
def test_catalog_has_no_fuzzy_entries(po):
    fuzzy = _msgattrib("--only-fuzzy", po)
    assert fuzzy == "", f"Fuzzy entries in {po.name}:\n{fuzzy}"


@pytest.mark.parametrize("po", _catalogs(), ids=lambda p: str(p.relative_to(LOCALE)))
def test_catalog_compiles_and_keeps_every_placeholder(po):
    """msgfmt --check-format fails when a translation drops or changes a %(name)s placeholder."""
    result = subprocess.run(  # noqa: S603 - a GNU gettext tool on our own catalog
        [_gettext_tool("msgfmt"), "--check", "--check-format", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture
def compiled_dutch_catalog():
    """The pages are rendered from the compiled catalog, which the build makes (make install)."""
    compile_hint = (
        "run `DJANGO_DEBUG=1 .venv/bin/python manage.py compilemessages --ignore=.venv "
        "--ignore=node_modules` (make install does this)."
    )
    assert DUTCH_MO.is_file(), f"The compiled Dutch catalog is missing: {compile_hint}"
    assert DUTCH_MO.stat().st_mtime >= DUTCH_PO.stat().st_mtime, (
        f"The compiled Dutch catalog is older than django.po: {compile_hint}"
    )


def test_login_page_is_in_dutch_by_default(client, db, compiled_dutch_catalog):
    response = client.get(LOGIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert "Inloggen bij Aan Tafel" in html
    assert "Wachtwoord vergeten?" in html
    assert "Log in to Aan Tafel" not in html


def test_login_page_is_in_english_after_switching_language(client, db, compiled_dutch_catalog):
    switched = client.post("/i18n/setlang/", {"language": "en", "next": LOGIN})
    assert switched.status_code == 302
    assert switched["Location"] == LOGIN

    response = client.get(LOGIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Log in to Aan Tafel" in html
    assert "Forgot your password?" in html
    assert "Inloggen bij Aan Tafel" not in html


def test_switching_back_to_dutch_shows_dutch_again(client, db, compiled_dutch_catalog):
    client.post("/i18n/setlang/", {"language": "en", "next": LOGIN})
    client.post("/i18n/setlang/", {"language": "nl", "next": LOGIN})
    html = client.get(LOGIN).content.decode()
    assert '<html lang="nl"' in html
    assert "Inloggen bij Aan Tafel" in html

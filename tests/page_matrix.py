"""The machinery of the page permission matrices (B1): one row per page and situation, the
answer each role gets, and the check that every URL of a part has a row.

A matrix module lists its roles, its `Row`s and its URL modules; `answers()` asks every role
in a savepoint that is rolled back (a POST of one role changes nothing for the next), and
`uncovered()` names the URLs without a row, so a new URL fails its part's matrix.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from importlib import import_module
from types import SimpleNamespace

from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, reverse

OK, REDIRECT, FORBIDDEN, NOT_FOUND, LOGIN = 200, 302, 403, 404, "login"


@dataclass(frozen=True)
class Row:
    """One page in one situation. `allow` get `ok`; `hidden` region members get 404 (the object
    is not theirs to know about); other region members get 403. Region pages send anonymous
    visitors to login and the other region's user ("outsider") to 404; public pages
    (`region_page=False`) answer whoever is in `allow`, anonymous visitors included."""

    name: str
    method: str
    args: Callable[[SimpleNamespace], list]
    allow: frozenset[str]
    ok: int = OK
    hidden: frozenset[str] = frozenset()
    region_page: bool = True
    label: str = ""

    @property
    def id(self) -> str:
        return f"{self.name}-{self.label}" if self.label else self.name

    @property
    def method_id(self) -> str:
        """The id with the method, for a matrix that lists both the GET and the POST of a page."""
        return "-".join(filter(None, (self.name, self.method, self.label)))

    def expected(self, role: str) -> int | str:
        if role in self.allow and not (self.region_page and role in {"anonymous", "outsider"}):
            return self.ok
        if role == "anonymous":
            return LOGIN
        if role == "outsider" and self.region_page:
            return NOT_FOUND
        return NOT_FOUND if role in self.hidden else FORBIDDEN


def get(name: str, args, allow: Iterable[str], **kw) -> Row:
    kw["hidden"] = frozenset(kw.get("hidden", ()))
    return Row(name, "GET", args, frozenset(allow), **kw)


def post(name: str, args, allow: Iterable[str], **kw) -> Row:
    """A POST with an empty body: allowed roles are sent back to a page (a refusal comes back
    as a message there) unless `ok` says otherwise (200: the form with its errors)."""
    kw["hidden"] = frozenset(kw.get("hidden", ()))
    return Row(name, "POST", args, frozenset(allow), ok=kw.pop("ok", REDIRECT), **kw)


def form(name: str, args, allow: Iterable[str], **kw) -> list[Row]:
    """A page with a form: its GET, and a POST with an empty body that shows the form again
    with its errors (200)."""
    return [get(name, args, allow, **kw), post(name, args, allow, ok=OK, **kw)]


def _answer(world: SimpleNamespace, row: Row, role: str) -> int | str:
    client = Client()
    if role != "anonymous":
        client.force_login(world.users[role])
    url = reverse(row.name, args=row.args(world))
    response = client.post(url) if row.method == "POST" else client.get(url)
    if response.streaming:  # a file download: read it to the end, which closes the file
        b"".join(response.streaming_content)
    if response.status_code == REDIRECT and response["Location"].startswith(
        reverse("account_login")
    ):
        return LOGIN
    return response.status_code


def answers(world: SimpleNamespace, row: Row, roles: Iterable[str]) -> dict[str, int | str]:
    result = {}
    for role in roles:
        with transaction.atomic():
            result[role] = _answer(world, row, role)
            transaction.set_rollback(True)
    return result


def answers_to_get(world: SimpleNamespace, rows: Iterable[Row], role: str) -> dict[str, int | str]:
    """What a GET of each row's page answers `role` (a page that is only posted to: 405)."""
    return {row.id: _answer(world, replace(row, method="GET"), role) for row in rows}


def _url_names(patterns) -> list[str | None]:
    names: list[str | None] = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            names += _url_names(pattern.url_patterns)
        else:
            assert isinstance(pattern, URLPattern)
            names.append(pattern.name)
    return names


def uncovered(matrix: Iterable[Row], modules: Iterable[str]) -> tuple[list, list]:
    """(URL names without a row, rows of no URL); a URL without a name counts as uncovered."""
    names = [n for module in modules for n in _url_names(import_module(module).urlpatterns)]
    rows = {row.name for row in matrix}
    return sorted(set(names) - rows, key=str), sorted(rows - set(names))

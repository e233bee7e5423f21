"""The machinery of the API permission matrices (B1, B5): every endpoint and method against every
role, as the pages answer them.

A matrix module lists its roles and its ENDPOINTS, one tuple a row that starts with (url name,
method) and holds the expected status per role. `each_role` parametrizes its test over rows and
roles; `check` asks the endpoint as one role and checks the answer; `routes` and `rows` name the
(url name, method) pairs an API module serves and a matrix lists, so a new endpoint or method
without a row fails its module's matrix.

A role missing from a row's expected statuses: anonymous gets 401 (with the Bearer challenge),
anyone else 404 (B1: outside one's regions nothing exists). Every refusal is a problem-details
response.
"""

from collections.abc import Iterable, Sequence

import pytest
from django.urls import URLPattern, reverse
from rest_framework.test import APIClient

from .conftest import problem_fields


def client_for(user=None) -> APIClient:
    """An API client logged in as `user`; None: not logged in."""
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return client


def url(name: str, s, **kwargs) -> str:
    """The address of an endpoint of API v1 in the region of the scene `s`."""
    return reverse(f"v1:{name}", kwargs={"region_slug": s.region.slug, **kwargs})


def expected_status(role: str, expected: dict[str, int]) -> int:
    if role == "anonymous":
        return 401
    return expected.get(role, 404)  # B1: outside one's regions nothing exists


def check(users: dict, role: str, method: str, address: str, data, expected, fmt="json") -> None:
    """Call the endpoint as `role` (its user in `users`; "anonymous": not logged in) and check
    the status against `expected`, and a refusal's problem details."""
    client = client_for(None if role == "anonymous" else users[role])
    response = getattr(client, method)(address, data, format=fmt)
    # A file download: read it to the end, which closes the file.
    content = b"".join(response.streaming_content) if response.streaming else response.content
    want = expected_status(role, expected)
    assert response.status_code == want, (method, address, role, content)
    if want >= 400:
        problem_fields(response)
    if want == 401:
        assert response["WWW-Authenticate"] == "Bearer"


def each_role(roles: Iterable[str], fields: Sequence[str], endpoints: list, ids=None):
    """Parametrize a matrix test over every row of `endpoints` (its `fields`; ids "method-name"
    unless given) and every role."""

    def decorate(test):
        row_ids = ids or [f"{row[1]}-{row[0]}" for row in endpoints]
        test = pytest.mark.parametrize(fields, endpoints, ids=row_ids)(test)
        return pytest.mark.parametrize("role", list(roles))(test)

    return decorate


def routes(patterns: Iterable[URLPattern]) -> set[tuple[str, str]]:
    """(url name, method) of every route of these URL patterns of the API, HEAD left out."""
    return {
        (pattern.name, method)
        for pattern in patterns
        for method in pattern.callback.actions  # type: ignore[attr-defined]
        if method != "head"
    }


def rows(endpoints: Iterable[tuple]) -> set[tuple[str, str]]:
    """(url name, method) of every row of a matrix."""
    return {(name, method) for name, method, *_ in endpoints}

"""Every API endpoint against every role, with the permissions of the pages (B1, B5):
anonymous 401, a user of the other region 404, a user who may see but not change 403."""

from django.urls import URLPattern, reverse

from aantafel.advice import api as advice_api
from aantafel.casework import api as casework_api
from aantafel.clienttests import api as clienttests_api
from aantafel.config import api_urls
from aantafel.meetings import api as meetings_api
from aantafel.participation import api as participation_api
from aantafel.reports import api as reports_api
from aantafel.signals import api as signals_api

from .conftest import ROLES, problem_fields, today
from .matrix import check, each_role, routes, rows

ANY = {"member": 200, "supporter": 200, "chair": 200, "region_admin": 200, "outsider": 200}
ANY_CREATED = dict.fromkeys(ANY, 201)
READ = {"member": 200, "supporter": 200, "chair": 200, "region_admin": 200}
MANAGE = {"member": 403, "supporter": 200, "chair": 403, "region_admin": 200}
INITIATIVE = {"member": 403, "supporter": 200, "chair": 200, "region_admin": 200}
ADMIN = {"member": 403, "supporter": 403, "chair": 403, "region_admin": 200}


def created(expected: dict) -> dict:
    return {role: 201 if code == 200 else code for role, code in expected.items()}


def region(w, role):
    return {"region_slug": w.region.slug}


def body(w, role):
    return {"region_slug": w.region.slug, "pk": w.body.pk}


def nested(**objects):
    """URL kwargs of an endpoint under /bodies/{body_id}/, naming objects of the world."""

    def kwargs(w, role):
        return {
            "region_slug": w.region.slug,
            "body_id": w.body.pk,
            **{name: getattr(w, attr).pk for name, attr in objects.items()},
        }

    return kwargs


def own_token(w, role):
    return {"pk": w.tokens[role].pk} if role in w.tokens else {"pk": 1}


def nothing(w, role):
    return {}


def no_data(w):
    return None


# (url name, method, url kwargs, payload, expected status per role)
ENDPOINTS = [
    ("region-list", "get", nothing, no_data, ANY),
    ("region-detail", "get", region, no_data, READ),
    ("region-detail", "put", region, lambda w: {"mfa_required_roles": ["admin"]}, ADMIN),
    ("region-detail", "patch", region, lambda w: {"mfa_required_roles": []}, ADMIN),
    ("body-list", "get", region, no_data, READ),
    (
        "body-list",
        "post",
        region,
        lambda w: {"name": "Werkgroep Jongeren", "body_type": "working_group"},
        created(ADMIN),
    ),
    ("body-detail", "get", body, no_data, READ),
    (
        "body-detail",
        "put",
        body,
        lambda w: {
            "name": "Kerngroep RTJ Limburg",
            "body_type": "core_group",
            "parent": w.body.parent_id,
        },
        ADMIN,
    ),
    ("body-detail", "patch", body, lambda w: {"description": "Rechtstreeks toegankelijk"}, ADMIN),
    ("terms-list", "get", nested(), no_data, READ),
    (
        "terms-list",
        "post",
        nested(),
        lambda w: {
            "decision_rule": "consensus_with_reservation",
            "approved_by": "IROJ Limburg",
            "approved_on": today().isoformat(),
            "mandate": "Elk initiatief nemen dat de participatie bevordert.",
        },
        created(MANAGE),
    ),
    ("terms-detail", "get", lambda w, r: {**nested()(w, r), "version": 1}, no_data, READ),
    ("seat-list", "get", nested(), no_data, READ),
    (
        "seat-list",
        "post",
        nested(),
        lambda w: {"constituency": w.free_constituency.pk, "places": 2},
        created(MANAGE),
    ),
    ("seat-detail", "get", nested(pk="seat"), no_data, READ),
    ("seat-detail", "put", nested(pk="seat"), lambda w: {"places": 3}, MANAGE),
    ("seat-detail", "patch", nested(pk="seat"), lambda w: {"label": "Ouders"}, MANAGE),
    ("membership-list", "get", nested(), no_data, READ),
    ("membership-detail", "get", nested(pk="membership"), no_data, READ),
    (
        "membership-end",
        "post",
        nested(pk="membership"),
        lambda w: {"reason": "Verhuisd"},
        MANAGE,
    ),
    ("invitation-list", "get", nested(), no_data, MANAGE),
    (
        "invitation-list",
        "post",
        nested(),
        lambda w: {
            "email": "nieuw@voorbeeld.example",
            "full_name": "Nieuw Lid",
            "role": "member",
            "start_date": today().isoformat(),
        },
        created(MANAGE),
    ),
    ("invitation-detail", "get", nested(pk="invitation"), no_data, MANAGE),
    ("invitation-revoke", "post", nested(pk="invitation"), no_data, MANAGE),
    ("invitation-resend", "post", nested(pk="invitation"), no_data, MANAGE),
    ("initiative-list", "get", nested(), no_data, READ),
    (
        "initiative-list",
        "post",
        nested(),
        lambda w: {"title": "Themadag jongeren", "taken_on": today().isoformat()},
        created(INITIATIVE),
    ),
    ("initiative-detail", "get", nested(pk="initiative"), no_data, READ),
    (
        "initiative-parent-informed",
        "post",
        nested(pk="initiative"),
        lambda w: {"parent_informed_on": today().isoformat()},
        INITIATIVE,
    ),
    ("constituency-list", "get", region, no_data, READ),
    (
        "constituency-list",
        "post",
        region,
        lambda w: {"name": "Personen met een handicap", "kind": "clients"},
        created(ADMIN),
    ),
    ("organisation-list", "get", region, no_data, READ),
    ("organisation-list", "post", region, lambda w: {"name": "Cliëntenraad"}, created(ADMIN)),
    ("audit-event-list", "get", region, no_data, ADMIN),
    ("token-list", "get", nothing, no_data, ANY),
    ("token-list", "post", nothing, lambda w: {"name": "Koppeling"}, ANY_CREATED),
    ("token-revoke", "post", own_token, no_data, ANY),
]


@each_role(ROLES, ("name", "method", "kwargs", "payload", "expected"), ENDPOINTS)
def test_b1_b5_every_endpoint_answers_each_role_as_the_pages_do(
    world, role, name, method, kwargs, payload, expected
):
    address = reverse(f"v1:{name}", kwargs=kwargs(world, role))
    check(world.users, role, method, address, payload(world), expected)


# The meeting cycle, the signal loop, advice requests, client tests, dashboards, the cliëntoverleg
# and participation have their own matrices, with objects to act on and the same coverage check
# (tests/api/test_*_api.py).
COVERED_ELSEWHERE = {
    p.name
    for module in (
        meetings_api,
        signals_api,
        advice_api,
        clienttests_api,
        reports_api,
        casework_api,
        participation_api,
    )
    for p in module.urlpatterns
}


def test_the_matrix_covers_every_endpoint_and_method():
    patterns = []
    for pattern in api_urls.v1:
        assert isinstance(pattern, URLPattern)
        if pattern.name in COVERED_ELSEWHERE:
            continue
        if getattr(pattern.callback, "actions", None) is None:
            # schema, docs and redoc: public, tested in test_schema.py
            assert pattern.name in {"schema", "docs", "redoc"}
            continue
        patterns.append(pattern)
    assert routes(patterns) == rows(ENDPOINTS)


def test_b1_regions_list_shows_only_ones_own_regions(world, as_role):
    response = as_role("outsider").get("/api/v1/regions/")
    slugs = [r["slug"] for r in response.json()["results"]]
    assert slugs == ["zuid-limburg"]
    assert response.json()["results"][0]["my_role"] == "admin"


def test_b1_unknown_region_slug_is_404(world, as_role):
    response = as_role("region_admin").get("/api/v1/regions/bestaat-niet/bodies/")
    assert response.status_code == 404
    problem_fields(response)

"""The register of participation initiatives (P6): the services (a name unique in the region, an
http(s) website, an audit event per change), the pages against every role, and the list's query
count.

The matrix is exhaustive by construction: `test_every_url_of_the_register_is_in_the_matrix`
walks aantafel.participation.urls_register, and a new URL without an entry here fails it.
"""

from types import SimpleNamespace

import factory
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aantafel.audit.models import AuditEvent
from aantafel.core.errors import DomainError
from aantafel.participation import models as p
from aantafel.participation.services import register as services

from ..factories import RegionFactory
from ..page_matrix import OK, REDIRECT, answers, form, get, uncovered

ROLES = ["anonymous", "member", "supporter", "staff", "region_admin", "outsider"]
VIEW = {"member", "supporter", "staff", "region_admin"}  # participation.view
MANAGE = {"staff", "region_admin"}  # participation.manage
HIDDEN = frozenset(VIEW)  # another region's initiative: 404
URL_MODULES = ["aantafel.participation.urls_register"]


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = p.ParticipationInitiative

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Cliëntenraad {n}")
    kind = p.InitiativeKind.CLIENT_COUNCIL


def region_(w):
    return [w.slug]


def own(w):
    return [w.slug, w.initiative.pk]


def foreign(w):
    return [w.slug, w.foreign.pk]


MATRIX = [
    get("initiative_list", region_, VIEW),
    *form("initiative_create", region_, MANAGE),
    *form("initiative_edit", own, MANAGE),
    *form("initiative_edit", foreign, set(), hidden=HIDDEN, label="other-region"),
]


@pytest.fixture
def world(region, other_region, member, supporter, staff, region_admin, outsider):
    return SimpleNamespace(
        users={
            "member": member,
            "supporter": supporter,
            "staff": staff,
            "region_admin": region_admin,
            "outsider": outsider,
        },
        slug=region.slug,
        initiative=InitiativeFactory(region=region),
        foreign=InitiativeFactory(region=other_region),
    )


@pytest.mark.parametrize("row", MATRIX, ids=[row.method_id for row in MATRIX])
def test_p6_every_register_page_answers_each_role_as_documented(world, row):
    assert answers(world, row, ROLES) == {role: row.expected(role) for role in ROLES}


def test_every_url_of_the_register_is_in_the_matrix():
    assert uncovered(MATRIX, URL_MODULES) == ([], [])


# --- The services ------------------------------------------------------------------------------


def _create(staff, region, **kw):
    return services.initiative_create(
        actor=staff,
        region=region,
        **{"name": "Jongerenraad Heerlen", "kind": p.InitiativeKind.ADVISORY_COUNCIL} | kw,
    )


def test_p6_staff_register_and_update_an_initiative_with_an_audit_event(staff, region):
    initiative = _create(
        staff,
        region,
        organisation="Gemeente Heerlen",
        scope="Jongeren van 12 tot 23 in Heerlen",
        website="https://example.org/jongerenraad",
    )
    assert (initiative.region, initiative.active) == (region, True)
    created = AuditEvent.objects.get(action="participation_initiative.create")
    assert created.region == region
    services.initiative_update(
        actor=staff,
        initiative=initiative,
        name="Jongerenraad Parkstad",
        kind=p.InitiativeKind.ADVISORY_COUNCIL,
        scope="Jongeren in Parkstad",
        active=False,
    )
    initiative.refresh_from_db()
    assert (initiative.name, initiative.active, initiative.website) == (
        "Jongerenraad Parkstad",
        False,
        "",
    )
    updated = AuditEvent.objects.get(action="participation_initiative.update")
    assert updated.changes["name"] == ["Jongerenraad Heerlen", "Jongerenraad Parkstad"]
    assert updated.changes["active"] == [True, False]
    assert "scope_length" in updated.changes


def test_p6_a_name_is_taken_once_per_region(staff, region, other_region):
    first = _create(staff, region)
    with pytest.raises(DomainError) as error:
        _create(staff, region, name="jongerenraad heerlen")
    assert (error.value.field, error.value.code) == ("name", "name_taken")
    other = _create(staff, region, name="Cliëntenraad Jeugd")
    with pytest.raises(DomainError) as error:
        services.initiative_update(
            actor=staff, initiative=other, name=first.name, kind=p.InitiativeKind.CLIENT_COUNCIL
        )
    assert error.value.code == "name_taken"
    _create(staff, other_region)  # another region may use the same name
    assert p.ParticipationInitiative.objects.filter(region=region).count() == 2
    # Keeping its own name is no conflict.
    services.initiative_update(
        actor=staff, initiative=first, name=first.name, kind=p.InitiativeKind.OTHER
    )


def test_p6_a_name_is_required(staff, region):
    with pytest.raises(DomainError) as error:
        _create(staff, region, name="   ")
    assert (error.value.field, error.value.code) == ("name", "required")
    assert not p.ParticipationInitiative.objects.exists()


@pytest.mark.parametrize("website", ["javascript:alert(1)", "ftp://example.org", "example"])
def test_p6_a_website_is_http_or_https_only(staff, region, website):
    with pytest.raises(DomainError) as error:
        _create(staff, region, website=website)
    assert (error.value.field, error.value.code) == ("website", "invalid_website")
    assert not p.ParticipationInitiative.objects.exists()
    assert not AuditEvent.objects.exists()


# --- The pages ---------------------------------------------------------------------------------


def test_p6_staff_add_and_change_an_initiative_on_its_page(client, region, staff):
    client.force_login(staff)
    data = {"name": "Netwerk Ouders", "kind": p.InitiativeKind.NETWORK_ORGANISATION, "active": "on"}
    response = client.post(reverse("initiative_create", args=[region.slug]), data)
    assert response.status_code == REDIRECT
    initiative = p.ParticipationInitiative.objects.get(region=region)
    response = client.post(reverse("initiative_create", args=[region.slug]), data)
    assert response.status_code == OK
    codes = [e.code for e in response.context["form"].errors.as_data()["name"]]
    assert codes == ["name_taken"]
    response = client.post(
        reverse("initiative_edit", args=[region.slug, initiative.pk]),
        data | {"website": "http://example.org", "active": ""},
    )
    assert response.status_code == REDIRECT
    initiative.refresh_from_db()
    assert (initiative.website, initiative.active) == ("http://example.org", False)


def test_p6_the_list_filters_by_kind_and_activity(client, region, member):
    InitiativeFactory(region=region, name="A", kind=p.InitiativeKind.CLIENT_COUNCIL)
    InitiativeFactory(region=region, name="B", kind=p.InitiativeKind.ADVISORY_COUNCIL)
    InitiativeFactory(region=region, name="C", kind=p.InitiativeKind.ADVISORY_COUNCIL, active=False)
    client.force_login(member)
    url = reverse("initiative_list", args=[region.slug])

    def names(params):
        return [i.name for i in client.get(url, params).context["page"].object_list]

    assert names({}) == ["A", "B", "C"]
    assert names({"kind": p.InitiativeKind.ADVISORY_COUNCIL}) == ["B", "C"]
    assert names({"kind": p.InitiativeKind.ADVISORY_COUNCIL, "active": "yes"}) == ["B"]
    assert names({"active": "no"}) == ["C"]


def test_p6_the_list_costs_the_same_with_2_or_10_initiatives(client, region, staff):
    client.force_login(staff)
    url = reverse("initiative_list", args=[region.slug])
    counts = []
    for size in (2, 10):
        p.ParticipationInitiative.objects.all().delete()
        InitiativeFactory.create_batch(size, region=region, website="https://example.org")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == OK
        assert response.context["page"].paginator.count == size
        counts.append(len(queries))
    assert counts[0] == counts[1]

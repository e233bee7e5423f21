"""M11: agendas, minutes and decisions are searchable — PostgreSQL full-text search in Dutch,
ranked, with a safe snippet — and nobody finds what they may not see."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aantafel.meetings.models import AgendaItem, Decision, Minutes, MinutesStatus
from aantafel.meetings.search import PAGE_SIZE, SearchKind, search, search_vectors
from tests import factories as f


@pytest.fixture
def meeting(body):
    return f.MeetingFactory(body=body, held=True)


@pytest.fixture
def other_body_member(region):
    """In the region, seated in another body: no right to this body's confidential items."""
    return f.MembershipFactory(body=f.BodyFactory(region=region, name="Werkgroep")).user


def _titles(results):
    return [hit.title for hit in results.hits]


@pytest.mark.smoke
def test_m11_search_finds_agenda_items(meeting, member):
    """Also on SQLite (make run), where the search falls back to icontains."""
    f.AgendaItemFactory(
        meeting=meeting, title="Wachtlijsten", explanation="Elke jongere krijgt een begeleider."
    )
    f.AgendaItemFactory(meeting=meeting, title="Rondvraag", explanation="Varia.")
    results = search(member, meeting.region, "begeleider")
    assert _titles(results) == ["Wachtlijsten"]
    assert "<mark>" in results.hits[0].snippet


def test_m11_dutch_stemming_jongeren_finds_jongere(meeting, member):
    f.AgendaItemFactory(meeting=meeting, title="Wachtlijsten", explanation="Elke jongere telt.")
    results = search(member, meeting.region, "jongeren")
    assert _titles(results) == ["Wachtlijsten"]
    assert results.hits[0].snippet.startswith("Elke <mark>jongere</mark> telt")


def test_m11_results_are_ranked_title_above_explanation(meeting, member):
    f.AgendaItemFactory(meeting=meeting, title="Varia", explanation="Iets over participatie.")
    f.AgendaItemFactory(meeting=meeting, title="Participatie", explanation="Het plan van aanpak.")
    results = search(member, meeting.region, "participatie")
    assert _titles(results) == ["Participatie", "Varia"]
    assert results.hits[0].rank > results.hits[1].rank


def test_m11_minutes_and_decisions_are_found_with_escaped_snippets(meeting, member):
    item = f.AgendaItemFactory(meeting=meeting, title="Cliëntforum")
    f.DecisionFactory(
        item=item, text="Ouders & jongeren: 2 < 3, het <b>cliëntforum</b> komt samen."
    )
    Minutes.objects.create(
        region=meeting.region,
        meeting=meeting,
        status=MinutesStatus.APPROVED,
        text="<p>Het <em>cliëntforum</em> werd voorbereid &amp; besproken.</p>",
    )
    results = search(member, meeting.region, "cliëntforum")
    kinds = {hit.kind: hit for hit in results.hits}
    assert set(kinds) == {SearchKind.ITEM, SearchKind.DECISION, SearchKind.MINUTES}
    decision = kinds[SearchKind.DECISION].snippet
    assert "<b>" not in decision  # the text's own markup never comes through as markup
    assert "Ouders &amp; jongeren: 2 &lt; 3" in decision
    assert "<mark>cliëntforum</mark>" in decision
    minutes = kinds[SearchKind.MINUTES].snippet
    assert "<em>" not in minutes  # HTML stripped
    assert "<p>" not in minutes
    assert "voorbereid &amp; besproken" in minutes  # the entity once, escaped once
    assert kinds[SearchKind.MINUTES].url == reverse(
        "minutes_detail", args=[meeting.region.slug, meeting.pk]
    )


def test_m11_confidential_items_and_their_decisions_only_for_seated_members(
    meeting, member, other_body_member, region_admin
):
    secret = f.AgendaItemFactory(meeting=meeting, title="Zorgbedrijf", confidential=True)
    f.DecisionFactory(item=secret, text="Het zorgbedrijf krijgt een waarschuwing.")
    assert len(search(member, meeting.region, "zorgbedrijf").hits) == 2
    assert search(other_body_member, meeting.region, "zorgbedrijf").count == 0
    # The region administrator does not sit in the body either (as meetings.view_confidential).
    assert search(region_admin, meeting.region, "zorgbedrijf").count == 0


def test_m11_draft_minutes_only_for_seated_members_and_who_runs_the_cycle(
    meeting, member, other_body_member, region_admin
):
    Minutes.objects.create(region=meeting.region, meeting=meeting, text="<p>Ontwerp: budget.</p>")
    assert search(member, meeting.region, "budget").hits[0].draft
    assert search(region_admin, meeting.region, "budget").count == 1
    assert search(other_body_member, meeting.region, "budget").count == 0


def test_m11_nothing_of_another_region_is_found(meeting, outsider, other_region):
    f.AgendaItemFactory(meeting=meeting, title="Wachtlijsten")
    assert search(outsider, meeting.region, "wachtlijsten").count == 0
    assert search(outsider, other_region, "wachtlijsten").count == 0


def test_m11_search_filters_by_kind_and_body(meeting, member, region):
    other = f.MeetingFactory(body=f.BodyFactory(region=region), held=True)
    item = f.AgendaItemFactory(meeting=meeting, title="Vervoer")
    f.DecisionFactory(item=item, text="Vervoer wordt vergoed.")
    f.AgendaItemFactory(meeting=other, title="Vervoer elders")
    assert search(member, region, "vervoer").count == 3
    assert search(member, region, "vervoer", kind=SearchKind.DECISION).count == 1
    by_body = search(member, region, "vervoer", body=meeting.body)
    assert sorted(_titles(by_body)) == ["Vervoer", "Vervoer"]


def test_m11_search_is_paginated(meeting, member):
    for n in range(PAGE_SIZE + 3):
        f.AgendaItemFactory(meeting=meeting, title=f"Vakantiewerking {n}")
    first = search(member, meeting.region, "vakantiewerking")
    second = search(member, meeting.region, "vakantiewerking", page=2)
    assert (first.count, len(first.hits), first.num_pages) == (PAGE_SIZE + 3, PAGE_SIZE, 2)
    assert len(second.hits) == 3
    assert not {h.pk for h in first.hits} & {h.pk for h in second.hits}


def _fill(meeting, n):
    """n items (title: ranked first), n decisions and minutes (the word thrice: ranked above
    the decisions), so the first page always holds all three kinds."""
    for i in range(n):
        item = f.AgendaItemFactory(meeting=meeting, title=f"Huisvesting {i}")
        f.DecisionFactory(item=item, text=f"Besluit {i} over de huisvesting")
    Minutes.objects.create(
        region=meeting.region,
        meeting=meeting,
        text="Huisvesting, huisvesting en nog eens huisvesting.",
        status=MinutesStatus.APPROVED,
    )


def test_m11_search_page_runs_a_fixed_number_of_queries(client, meeting, member):
    client.force_login(member)
    url = reverse("search", args=[meeting.region.slug])
    params = {"q": "huisvesting", "body": meeting.body.pk}
    _fill(meeting, 2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url, params).status_code == 200
    _fill(f.MeetingFactory(body=meeting.body, held=True), 15)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url, params)
    assert response.status_code == 200
    hits = response.context["results"].hits
    assert len(hits) == PAGE_SIZE
    assert {h.kind for h in hits} == set(SearchKind)
    assert len(many) == len(few)


def test_m11_search_page_works_without_javascript_and_escapes(client, meeting, member):
    f.AgendaItemFactory(meeting=meeting, title="<script>x</script> Jeugdraad")
    client.force_login(member)
    url = reverse("search", args=[meeting.region.slug])
    assert client.get(url).status_code == 200  # the empty form
    response = client.get(url, {"q": "jeugdraad", "kind": "item"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "&lt;script&gt;x&lt;/script&gt; Jeugdraad" in content
    assert "<script>x</script>" not in content
    assert response.context["results"].count == 1


def test_m11_search_page_is_404_for_another_region_and_needs_login(client, region, outsider):
    url = reverse("search", args=[region.slug])
    assert client.get(url).status_code == 302
    client.force_login(outsider)
    assert client.get(url, {"q": "iets"}).status_code == 404


@pytest.mark.parametrize("kind", list(SearchKind))
def test_m11_search_uses_the_gin_indexes(db, kind):
    """The vectors the search builds are exactly those migration 0002 indexed."""
    model = {"item": AgendaItem, "minutes": Minutes, "decision": Decision}[kind]
    query = SearchQuery("jeugd", config="dutch", search_type="websearch")
    qs = model.objects.alias(v=search_vectors()[kind]).filter(v=query).values("pk")
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        # Leave the planner only bitmap scans, so an index that matches must be chosen.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"meetings_{kind}_search" in plan, plan

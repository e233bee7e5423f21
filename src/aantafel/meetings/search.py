"""M11: agendas, minutes and decisions are searchable.

PostgreSQL full-text search with the `dutch` configuration (stemming: "jongeren" finds
"jongere"), ranked, with a highlighted snippet; the GIN indexes of migration 0002 hold exactly
the vectors built here. On SQLite (`make run`) the same function falls back to `icontains` per
word, unranked, newest first.

Access (M4, M10): confidential items and their decisions are found only by the body's seated
members (chair, supporter, member: `SEATED_ROLES`); minutes still in draft by them and by the
region administrator (meetings.manage_meeting), as on the minutes page.

A search runs a fixed number of queries whatever the data: the count, one page of
(kind, id, rank) over the union of the three sources, and one query per kind on that page.
"""

import html
import math
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection, models
from django.db.models import F, FloatField, Func, Q, QuerySet, TextField, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Concat
from django.urls import reverse
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from aantafel.bodies.models import Body, Membership
from aantafel.core.typing import AnyUser
from aantafel.regions.models import Region
from aantafel.regions.permissions import is_region_admin, is_region_member

from .models import AgendaItem, Decision, Meeting, Minutes, MinutesStatus
from .permissions import SEATED_ROLES

PAGE_SIZE = 20
CONFIG = "dutch"
MAX_QUERY_LENGTH = 200
# Markers ts_headline puts around matches; the snippet is escaped and they become <mark>.
START_SEL, STOP_SEL = "⟦", "⟧"
SNIPPET_CHARS = 220


class SearchKind(models.TextChoices):
    ITEM = "item", _("agenda items")
    MINUTES = "minutes", _("minutes")
    DECISION = "decision", _("decisions")


def _strip_html(expression: str) -> Func:
    """Minutes are HTML: the tags are no words. (The GIN index uses the same expression.)"""
    return Func(
        F(expression),
        Value("<[^>]+>"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )


def search_vectors() -> dict[str, Combinable]:
    """Per kind, the document vector; migration 0002 indexes exactly these expressions."""
    return {
        SearchKind.ITEM.value: (
            SearchVector("title", weight="A", config=CONFIG)
            + SearchVector("explanation", weight="B", config=CONFIG)
            + SearchVector("client_impact", weight="C", config=CONFIG)
        ),
        SearchKind.MINUTES.value: SearchVector(_strip_html("text"), config=CONFIG),
        SearchKind.DECISION.value: SearchVector("text", config=CONFIG),
    }


# The fields the SQLite fallback looks in, per kind.
_PLAIN_FIELDS: dict[str, tuple[str, ...]] = {
    SearchKind.ITEM: ("title", "explanation", "client_impact"),
    SearchKind.MINUTES: ("text",),
    SearchKind.DECISION: ("text",),
}
# Where each kind's meeting is, for the date and the body filter.
_MEETING_PATH: dict[str, str] = {
    SearchKind.ITEM: "meeting",
    SearchKind.MINUTES: "meeting",
    SearchKind.DECISION: "item__meeting",
}


@dataclass
class SearchHit:
    kind: str
    pk: int
    title: str
    snippet: SafeString
    rank: float
    meeting: Meeting
    url: str
    confidential: bool = False
    draft: bool = False

    @property
    def kind_label(self) -> str:
        return str(SearchKind(self.kind).label)


@dataclass
class SearchResults:
    query: str
    count: int = 0
    page: int = 1
    hits: list[SearchHit] = field(default_factory=list)
    page_size: int = PAGE_SIZE

    @property
    def first_number(self) -> int:
        return (self.page - 1) * self.page_size + 1

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.count / self.page_size))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def previous_page(self) -> int:
        return self.page - 1

    @property
    def next_page(self) -> int:
        return self.page + 1


def seated_body_ids(user: AnyUser) -> QuerySet[Membership]:
    """The bodies where the user is now chair, supporter or member: a subquery."""
    return (
        Membership.objects.current()
        .filter(user_id=user.pk, role__in=SEATED_ROLES)
        .values("body_id")
    )


def _sources(user: AnyUser, region: Region, body: Body | None) -> dict[str, QuerySet]:
    """What this person may find, per kind (M4, M10 access, as meetings.permissions)."""
    items = AgendaItem.objects.filter(region=region)
    minutes = Minutes.objects.filter(region=region)
    decisions = Decision.objects.filter(region=region)
    if not user.is_superuser:  # a superuser passes every has_perm; the lists agree with that
        seated = seated_body_ids(user)
        items = items.filter(Q(confidential=False) | Q(meeting__body_id__in=seated))
        if not is_region_admin(user, region):  # drafts: also for who runs the cycle
            minutes = minutes.filter(
                Q(status=MinutesStatus.APPROVED) | Q(meeting__body_id__in=seated)
            )
        decisions = decisions.filter(
            Q(item__confidential=False) | Q(item__meeting__body_id__in=seated)
        )
    sources: dict[str, QuerySet] = {
        SearchKind.ITEM: items,
        SearchKind.MINUTES: minutes,
        SearchKind.DECISION: decisions,
    }
    if body is not None:
        sources = {
            kind: qs.filter(**{f"{_MEETING_PATH[kind]}__body": body})
            for kind, qs in sources.items()
        }
    return sources


def _words(query: str) -> list[str]:
    return [w for w in re.split(r"\s+", query.replace('"', " ")) if w and w not in ("OR", "-")]


def _ranked(kind: str, qs: QuerySet, query: str, tsquery: SearchQuery | None) -> QuerySet:
    """(kind, id, rank, date) of the matches of one kind, ready for the union."""
    if tsquery is not None:
        qs = qs.alias(s_vector=search_vectors()[kind]).filter(s_vector=tsquery)
        rank: Func | Value = SearchRank(F("s_vector"), tsquery)
    else:
        for word in _words(query):
            match = Q()
            for name in _PLAIN_FIELDS[kind]:
                match |= Q(**{f"{name}__icontains": word})
            qs = qs.filter(match)
        rank = Value(0.0, output_field=FloatField())
    return (
        qs.order_by()
        .annotate(
            s_kind=Value(str(kind), output_field=models.CharField()),
            s_pk=F("pk"),
            s_rank=rank,
            s_date=F(f"{_MEETING_PATH[kind]}__starts_at"),
        )
        .values("s_kind", "s_pk", "s_rank", "s_date")
    )


def search(
    user: AnyUser,
    region: Region,
    query: str,
    kind: str | None = None,
    body: Body | None = None,
    page: int = 1,
) -> SearchResults:
    """Ranked hits for `query` among what `user` may see in `region`, `PAGE_SIZE` a page."""
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    results = SearchResults(query=query)
    if not query or not is_region_member(user, region) or not _words(query):
        return results
    sources = _sources(user, region, body)
    kinds = [kind] if kind in sources else list(sources)
    postgres = connection.vendor == "postgresql"
    tsquery = SearchQuery(query, config=CONFIG, search_type="websearch") if postgres else None

    parts = [_ranked(k, sources[k], query, tsquery) for k in kinds]
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    results.count = union.count()
    if not results.count:
        return results
    results.page = max(1, min(int(page or 1), results.num_pages))
    offset = (results.page - 1) * PAGE_SIZE
    rows = list(
        union.order_by("-s_rank", "-s_date", "s_kind", "-s_pk")[offset : offset + PAGE_SIZE]
    )

    ids: dict[str, list[int]] = {}
    for row in rows:
        ids.setdefault(row["s_kind"], []).append(row["s_pk"])
    found = {
        (k, hit.pk): hit for k, pks in ids.items() for hit in _hits(k, pks, region, query, tsquery)
    }
    for row in rows:
        hit = found.get((row["s_kind"], row["s_pk"]))
        if hit is not None:
            hit.rank = float(row["s_rank"] or 0)
            results.hits.append(hit)
    return results


def _headline(expression: Combinable, tsquery: SearchQuery | None) -> SearchHeadline | Value:
    if tsquery is None:
        return Value("", output_field=TextField())
    return SearchHeadline(
        expression,
        tsquery,
        config=CONFIG,
        start_sel=START_SEL,
        stop_sel=STOP_SEL,
        max_words=35,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def _hits(
    kind: str, pks: list[int], region: Region, query: str, tsquery: SearchQuery | None
) -> list[SearchHit]:
    """The hits of one kind on this page, with their snippet and link: one query."""
    if kind == SearchKind.ITEM:
        items = (
            AgendaItem.objects.filter(pk__in=pks)
            .select_related("meeting__body")
            .annotate(
                s_headline=_headline(
                    Concat("explanation", Value(" "), "client_impact", output_field=TextField()),
                    tsquery,
                )
            )
        )
        return [
            SearchHit(
                kind,
                item.pk,
                item.title,
                _snippet(item.s_headline, f"{item.explanation} {item.client_impact}", query),
                0.0,
                item.meeting,
                _meeting_url(region, item.meeting) + f"#item-{item.pk}",
                confidential=item.confidential,
            )
            for item in items
        ]
    if kind == SearchKind.MINUTES:
        minutes = (
            Minutes.objects.filter(pk__in=pks)
            .select_related("meeting__body")
            .annotate(s_headline=_headline(_strip_html("text"), tsquery))
        )
        return [
            SearchHit(
                kind,
                m.pk,
                str(m.meeting),
                _snippet(m.s_headline, strip_tags(m.text), query, entities=True),
                0.0,
                m.meeting,
                reverse("minutes_detail", args=[region.slug, m.meeting_id]),
                draft=m.status != MinutesStatus.APPROVED,
            )
            for m in minutes
        ]
    decisions = (
        Decision.objects.filter(pk__in=pks)
        .select_related("item__meeting__body")
        .annotate(s_headline=_headline(F("text"), tsquery))
    )
    return [
        SearchHit(
            kind,
            d.pk,
            d.item.title,
            _snippet(d.s_headline, d.text, query),
            0.0,
            d.item.meeting,
            _meeting_url(region, d.item.meeting) + f"#item-{d.item_id}",
            confidential=d.item.confidential,
        )
        for d in decisions
    ]


def _meeting_url(region: Region, meeting: Meeting) -> str:
    return reverse("meeting_detail", args=[region.slug, meeting.pk])


def _snippet(headline: str, text: str, query: str, *, entities: bool = False) -> SafeString:
    """The snippet as safe HTML: everything escaped, only the matches wrapped in <mark>.

    PostgreSQL gives the headline with START_SEL/STOP_SEL around the matches; on SQLite the
    snippet is cut here around the first word found."""
    if not headline:
        headline = _plain_headline(text, query)
    elif entities:  # minutes: the tags are gone, their entities (&amp;) not yet
        headline = html.unescape(headline)
    out: list[str] = []
    for i, piece in enumerate(re.split(f"[{START_SEL}{STOP_SEL}]", headline)):
        out.append(f"<mark>{escape(piece)}</mark>" if i % 2 else str(escape(piece)))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped


def _plain_headline(text: str, query: str) -> str:
    text = re.sub(r"\s+", " ", html.unescape(text or "")).strip()
    words = [re.escape(w) for w in _words(query)]
    if not words or not text:
        return text[:SNIPPET_CHARS]
    pattern = re.compile("|".join(words), re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, first.start() - SNIPPET_CHARS // 3) if first else 0
    window = text[start : start + SNIPPET_CHARS]
    marked = pattern.sub(lambda m: f"{START_SEL}{m.group(0)}{STOP_SEL}", window)
    return ("… " if start else "") + marked + (" …" if start + SNIPPET_CHARS < len(text) else "")

"""Reads of client tests for the pages and the API (S5). Each states its query count: the same
with three answers or three thousand."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet

from aantafel.core.typing import AnyUser

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

from .models import ClientTest, ClientTestAnswer, ClientTestLink, Dimension, TargetGroup
from .questionnaire import BY_DIMENSION, REMARKS_QUESTION, comment_field

# Privacy of small groups: with fewer than this many answers a group's figures and comments are
# not shown. One or two answers are one or two people's own words and marks, and whoever
# handed out the links ("achterban ouders") may well know who they were. Their answers still
# count in the overall figures once those reach the same minimum.
MIN_ANSWERS_SHOWN = 3


def client_test_list(queryset: QuerySet[ClientTest]) -> QuerySet[ClientTest]:
    """The tests of `queryset` (already narrowed to what the viewer may see), newest first,
    with their body and their numbers of links and answers. One query."""
    return (
        queryset.select_related("body")
        .annotate(
            link_count=Count("links", distinct=True),
            answer_count=Count("answers", distinct=True),
        )
        .order_by("-created_at", "-pk")
    )


@dataclass(frozen=True)
class LinkFigures:
    made: int
    answered: int
    mine: int


def link_figures(test: ClientTest, user: AnyUser) -> LinkFigures:
    """How many links were made, how many were used, how many the user made. One query."""
    figures = ClientTestLink.objects.filter(test=test).aggregate(
        made=Count("pk"),
        answered=Count("pk", filter=Q(used_at__isnull=False)),
        mine=Count("pk", filter=Q(created_by_id=user.pk) if user.is_authenticated else Q(pk=None)),
    )
    return LinkFigures(**figures)


def links_made_by(test: ClientTest, user: AnyUser) -> QuerySet[ClientTestLink]:
    """S5: the links this user made for the test, oldest first. One query."""
    if not user.is_authenticated:
        return ClientTestLink.objects.none()
    return ClientTestLink.objects.filter(test=test, created_by_id=user.pk).order_by(
        "created_at", "pk"
    )


# --- The report ----------------------------------------------------------------------------------


@dataclass
class Step:
    rating: int
    label: "_StrPromise"
    count: int


@dataclass
class DimensionSummary:
    dimension: str
    label: str
    question: "_StrPromise"
    answers: int
    average: float | None
    distribution: list[Step]


@dataclass
class Comments:
    dimension: str  # "" for the last, open question
    question: "_StrPromise | str"
    texts: list[str]


@dataclass
class GroupSummary:
    """One target group's part of the report, or the overall part (group "")."""

    group: str
    label: str
    answers: int
    shown: bool  # False: fewer than MIN_ANSWERS_SHOWN answers (see above)
    dimensions: list[DimensionSummary] = field(default_factory=list)
    comments: list[Comments] = field(default_factory=list)

    @property
    def comment_count(self) -> int:
        return sum(len(c.texts) for c in self.comments)


@dataclass
class Report:
    test: ClientTest
    groups: list[GroupSummary]
    overall: GroupSummary
    min_shown: int = MIN_ANSWERS_SHOWN


_FIELDS = [
    "target_group",
    *Dimension.values,
    *(comment_field(d) for d in Dimension.values),
    "remarks",
]


def _summary(group: str, label: str, rows: list[dict], *, with_comments: bool) -> GroupSummary:
    shown = len(rows) >= MIN_ANSWERS_SHOWN
    summary = GroupSummary(group=group, label=label, answers=len(rows), shown=shown)
    if not shown:
        return summary
    for dimension, dimension_label in Dimension.choices:
        question = BY_DIMENSION[dimension]
        marks = [row[dimension] for row in rows]
        summary.dimensions.append(
            DimensionSummary(
                dimension=dimension,
                label=str(dimension_label),
                question=question.text,
                answers=len(marks),
                average=round(sum(marks) / len(marks), 1) if marks else None,
                distribution=[
                    Step(rating, word, marks.count(rating)) for rating, word in question.scale
                ],
            )
        )
    if with_comments:
        for dimension in Dimension.values:
            texts = [row[comment_field(dimension)] for row in rows if row[comment_field(dimension)]]
            if texts:
                summary.comments.append(Comments(dimension, BY_DIMENSION[dimension].text, texts))
        remarks = [row["remarks"] for row in rows if row["remarks"]]
        if remarks:
            summary.comments.append(Comments("", REMARKS_QUESTION, remarks))
    return summary


def client_test_report(test: ClientTest) -> Report:
    """S5: the answers summarised per target group and overall: number of answers, average and
    distribution per question, the comments per group. One query, whatever the number of
    answers; groups of the test without answers are listed with zero."""
    rows = list(
        ClientTestAnswer.objects.filter(test=test).order_by("submitted_at", "pk").values(*_FIELDS)
    )
    labels = dict(TargetGroup.choices)
    groups = [
        _summary(
            group,
            str(labels[group]),
            [row for row in rows if row["target_group"] == group],
            with_comments=True,
        )
        for group in TargetGroup.values
        if group in test.target_groups or any(row["target_group"] == group for row in rows)
    ]
    return Report(
        test=test,
        groups=groups,
        overall=_summary("", "", rows, with_comments=False),
    )

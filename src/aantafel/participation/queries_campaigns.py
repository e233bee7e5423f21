"""Reads of the campaign and plan pages and API (P3). Each function states its query count: the
results of a campaign cost the same with 30 answers or 3,000, the plan the same with 3 actions
or 30.

The results are `reports.dashboards.Table`s, so the pages draw them with `reports.charts` and
the downloads write them with `reports.exports`, like the dashboards (ADR 0009).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.regions.models import Region
from aantafel.reports.dashboards import ChartSpec, Column, Kind, Table

from .models import (
    Answer,
    AudienceType,
    Campaign,
    CampaignResponse,
    CampaignStatus,
    PlanAction,
    Question,
    QuestionKind,
    ResponseChannel,
    Theme,
    Trajectory,
)
from .services.campaigns import RATINGS

PAGE_SIZE = 25


def campaign_get(region: Region, pk: int) -> Campaign:
    """The region's campaign with its trajectory and pillar, else 404. One query."""
    return get_object_or_404(
        Campaign.objects.select_related("trajectory", "pillar"), region=region, pk=pk
    )


def _count_of(model, through: str) -> Coalesce:
    counted = (
        model._default_manager.filter(**{through: OuterRef("pk")})
        .order_by()
        .values(through)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def campaign_list(
    region: Region,
    *,
    trajectory: Trajectory | None = None,
    pillar=None,
    status: str = "",
) -> QuerySet[Campaign]:
    """P3: the region's campaigns, the latest first, with their numbers of questions and
    responses; narrowed by trajectory, pillar and status. One query per page (and the count)."""
    campaigns = Campaign.objects.filter(region=region).select_related("trajectory", "pillar")
    if trajectory is not None:
        campaigns = campaigns.filter(trajectory=trajectory)
    if pillar is not None:
        campaigns = campaigns.filter(pillar=pillar)
    if status in CampaignStatus.values:
        campaigns = campaigns.filter(status=status)
    return campaigns.annotate(
        question_count=_count_of(Question, "campaign"),
        response_count=_count_of(CampaignResponse, "campaign"),
    ).order_by("-created_at", "-pk")


def public_campaigns(region: Region) -> QuerySet[Campaign]:
    """P3: the campaigns open for answers now, the one closing first on top. One query."""
    now = timezone.now()
    return (
        Campaign.objects.filter(region=region, status=CampaignStatus.OPEN)
        .filter(Q(closes_at__isnull=True) | Q(closes_at__gt=now))
        .select_related("pillar")
        .order_by(Coalesce("closes_at", "opened_at").asc(), "pk")
    )


def questions_of(campaign: Campaign) -> list[Question]:
    return list(Question.objects.filter(campaign=campaign).order_by("position", "pk"))


# --- Results ---------------------------------------------------------------------------------------
@dataclass
class QuestionResult:
    question: Question
    answered: int = 0
    table: Table | None = None
    average: Decimal | None = None
    themes: list[tuple[Theme, int]] = field(default_factory=list)
    uncoded: int = 0


@dataclass
class CampaignResults:
    campaign: Campaign
    responses: int
    questions: list[QuestionResult]
    channels: Table
    audiences: Table
    themes: list[Any] = field(default_factory=list)


def _responses(campaign: Campaign, channel: str = "", audience: str = "") -> QuerySet:
    responses = CampaignResponse.objects.filter(campaign=campaign)
    if channel:
        responses = responses.filter(channel=channel)
    if audience:
        responses = responses.filter(audience=audience)
    return responses


def _label_table(key: str, caption, first, counts: Counter, labels: list[tuple[Any, Any]]):
    return Table(
        key=key,
        caption=caption,
        columns=[Column("value", first, Kind.TEXT), Column("count", _("Responses"))],
        rows=[[str(label), counts.get(value, 0)] for value, label in labels],
        chart=ChartSpec("hbar-stacked", ("count",), _("Number of responses")),
    )


def campaign_results(
    campaign: Campaign, *, channel: str = "", audience: str = ""
) -> CampaignResults:
    """P3: the counted results, narrowed to one channel and/or audience: per choice question
    the count of each option, per rating question the distribution 1–5 and the average, per
    open question how many answered and the count per theme (and uncoded); the responses per
    channel and per audience. Seven queries, whatever the number of answers: the questions, the
    answers grouped by question and value, the uncoded open answers, the themes with their
    counts, the themes per question, and the responses per channel and per audience."""
    questions = questions_of(campaign)
    responses = _responses(campaign, channel, audience)
    answers = Answer.objects.filter(response__in=responses.values("pk"))
    grouped: dict[int, Counter] = defaultdict(Counter)
    for row in answers.values("question_id", "choice", "rating").annotate(n=Count("pk")).order_by():
        value = row["rating"] if row["rating"] is not None else row["choice"]
        grouped[row["question_id"]][value] += row["n"]
    uncoded = Counter(
        dict(
            answers.filter(question__kind=QuestionKind.OPEN, themes__isnull=True)
            .values_list("question_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
    )
    themes = list(
        Theme.objects.filter(campaign=campaign)
        .annotate(
            answer_count=Count("answers", filter=Q(answers__in=answers), distinct=True),
        )
        .order_by("name", "pk")
    )
    per_question_themes: dict[int, Counter] = defaultdict(Counter)
    for question_id, theme_id, n in (
        Answer.themes.through.objects.filter(answer__in=answers)
        .values_list("answer__question_id", "theme_id")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        per_question_themes[question_id][theme_id] = n
    results = []
    for number, question in enumerate(questions, start=1):
        counts = grouped.get(question.pk, Counter())
        result = QuestionResult(question=question, answered=sum(counts.values()))
        if question.kind == QuestionKind.CHOICE:
            options = [(o, o) for o in question.choices]
            options += [(v, v) for v in counts if v not in question.choices and v]
            result.table = _label_table(f"q{number}", question.text, _("Option"), counts, options)
        elif question.kind == QuestionKind.RATING:
            result.table = Table(
                key=f"q{number}",
                caption=question.text,
                columns=[Column("value", _("Rating"), Kind.TEXT), Column("count", _("Responses"))],
                rows=[[str(r), counts.get(r, 0)] for r in RATINGS],
                chart=ChartSpec("bar", ("count",), _("Number of responses")),
            )
            if result.answered:
                total = sum(r * n for r, n in counts.items() if isinstance(r, int))
                result.average = (Decimal(total) / result.answered).quantize(
                    Decimal("0.1"), rounding=ROUND_HALF_UP
                )
        else:
            result.themes = [
                (t, per_question_themes[question.pk].get(t.pk, 0))
                for t in themes
                if per_question_themes[question.pk].get(t.pk)
            ]
            result.uncoded = uncoded.get(question.pk, 0)
        results.append(result)
    by_channel = Counter(dict(responses.values_list("channel").annotate(n=Count("pk")).order_by()))
    by_audience = Counter(
        dict(responses.values_list("audience").annotate(n=Count("pk")).order_by())
    )
    audiences: list[tuple[Any, Any]] = [
        (a, label) for a, label in AudienceType.choices if a in campaign.audiences
    ]
    audiences += [
        (a, label)
        for a, label in AudienceType.choices
        if a not in campaign.audiences and by_audience.get(a)
    ]
    if by_audience.get(""):
        audiences.append(("", str(_("not said"))))
    return CampaignResults(
        campaign=campaign,
        responses=sum(by_channel.values()),
        questions=results,
        channels=_label_table(
            "channels",
            _("Responses per channel"),
            _("How it came in"),
            by_channel,
            list(ResponseChannel.choices),
        ),
        audiences=_label_table(
            "audiences", _("Responses per group"), _("Who"), by_audience, audiences
        ),
        themes=themes,
    )


# --- Responses -------------------------------------------------------------------------------------
def response_list(
    campaign: Campaign, *, channel: str = "", audience: str = ""
) -> QuerySet[CampaignResponse]:
    """P3: the campaign's responses, the latest first, with their number of answers. One query
    per page (and the count)."""
    return (
        _responses(campaign, channel, audience)
        .select_related("entered_by", "event")
        .annotate(answer_count=Count("answers"))
        .order_by("-created_at", "-pk")
    )


def response_get(campaign: Campaign, pk: int) -> CampaignResponse:
    return get_object_or_404(
        CampaignResponse.objects.select_related("entered_by", "event"),
        campaign=campaign,
        pk=pk,
    )


def response_answers(response: CampaignResponse) -> list[Answer]:
    """A response's answers in the order of the questions, with their themes. Two queries."""
    return list(
        Answer.objects.filter(response=response)
        .select_related("question")
        .prefetch_related("themes")
        .order_by("question__position", "question__pk")
    )


def export_table(campaign: Campaign) -> Table:
    """P3: every response as a row (its date, channel, group, name when not anonymous, where it
    was gathered), a column per question and the themes of its open answers. Four queries:
    the questions, the responses, their answers and the answers' themes."""
    questions = questions_of(campaign)
    columns = [
        Column("response", _("Response"), Kind.COUNT),
        Column("date", _("Date"), Kind.TEXT),
        Column("channel", _("How it came in"), Kind.TEXT),
        Column("audience", _("Who"), Kind.TEXT),
    ]
    if not campaign.anonymous:
        columns.append(Column("name", _("Name"), Kind.TEXT))
    columns.append(Column("source", _("Where it was gathered"), Kind.TEXT))
    columns += [
        Column(
            f"q{n}",
            question.text,
            Kind.COUNT if question.kind == QuestionKind.RATING else Kind.TEXT,
        )
        for n, question in enumerate(questions, start=1)
    ]
    columns.append(Column("themes", _("Themes"), Kind.TEXT))
    responses = (
        CampaignResponse.objects.filter(campaign=campaign)
        .select_related("event")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.prefetch_related("themes")))
        .order_by("created_at", "pk")
    )
    rows = []
    for response in responses:
        by_question = {a.question_id: a for a in response.answers.all()}
        row: list = [
            response.pk,
            f"{timezone.localtime(response.created_at):%Y-%m-%d %H:%M}",
            response.get_channel_display(),
            response.get_audience_display() if response.audience else "",
        ]
        if not campaign.anonymous:
            row.append(response.respondent_name)
        row.append(response.source_note or (response.event.title if response.event else ""))
        themes: list[str] = []
        for question in questions:
            answer = by_question.get(question.pk)
            if answer is None:
                row.append(None)
            elif question.kind == QuestionKind.RATING:
                row.append(answer.rating)
            elif question.kind == QuestionKind.CHOICE:
                row.append(answer.choice)
            else:
                row.append(answer.text)
                themes += [t.name for t in answer.themes.all()]
        row.append(", ".join(dict.fromkeys(themes)))
        rows.append(row)
    return Table(key="responses", caption=campaign.title, columns=columns, rows=rows)


# --- Coding ----------------------------------------------------------------------------------------
def open_answers(question: Question, *, theme: str = "") -> QuerySet[Answer]:
    """P3: the open answers of a question for the coding page, oldest first, with their
    themes; `theme` narrows to one theme's pk or "none" (not coded yet). One query per page and
    one for the themes."""
    answers = (
        Answer.objects.filter(question=question)
        .exclude(text="")
        .select_related("response")
        .prefetch_related("themes")
        .order_by("pk")
    )
    if theme == "none":
        answers = answers.filter(themes__isnull=True)
    elif theme.isdigit():
        answers = answers.filter(themes__pk=int(theme))
    return answers


def themes_of(campaign: Campaign) -> QuerySet[Theme]:
    """The campaign's themes with how many answers carry each. One query."""
    return (
        Theme.objects.filter(campaign=campaign)
        .annotate(answer_count=Count("answers", distinct=True))
        .order_by("name", "pk")
    )


# --- Plan ------------------------------------------------------------------------------------------
def plan_actions(trajectory: Trajectory) -> list[PlanAction]:
    """P3: the trajectory's plan actions by pillar, each with the themes it came from, each
    theme with its campaign and its number of answers. Two queries, however many there are."""
    themes = Theme.objects.select_related("campaign").annotate(
        answer_count=_count_of(Answer.themes.through, "theme")
    )
    return list(
        PlanAction.objects.filter(trajectory=trajectory)
        .select_related("pillar")
        .prefetch_related(Prefetch("themes", queryset=themes.order_by("campaign_id", "name")))
        .order_by("pillar__number", "pk")
    )


@dataclass
class PillarActions:
    pillar: object  # Pillar | None: the whole trajectory
    actions: list[PlanAction]


def plan_by_pillar(actions: list[PlanAction]) -> list[PillarActions]:
    """The actions grouped by pillar, in pillar order; the actions of no pillar last."""
    groups: dict[int | None, PillarActions] = {}
    for action in actions:
        group = groups.setdefault(action.pillar_id, PillarActions(action.pillar, []))
        group.actions.append(action)
    ordered = [g for key, g in groups.items() if key is not None]
    if None in groups:
        ordered.append(groups[None])
    return ordered


def trajectory_themes(trajectory: Trajectory) -> QuerySet[Theme]:
    """The themes an action of this trajectory's plan can come from: those of its campaigns."""
    return (
        Theme.objects.filter(campaign__trajectory=trajectory)
        .select_related("campaign")
        .order_by("campaign__title", "name", "pk")
    )

"""P3: staff code open answers with themes ("waiting lists", "being heard"), so the many
answers of a campaign become a few counted results that the plan can build on (services/plan.py).

A theme belongs to one campaign; only open answers of that campaign carry it. Who may call these
(participation.manage) is checked by the caller. The audit trail says which themes an answer got,
never what the answer says.
"""

from collections.abc import Iterable, Mapping

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_created, audit_record
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.text import limited_text
from aantafel.core.typing import Actor

from ..models import MAX_TEXT, Answer, Campaign, Question, QuestionKind, Theme

NAME_MAX = 120


def _name_taken() -> ConflictError:
    return ConflictError(
        _("This campaign has a theme with this name already."), field="name", code="name_taken"
    )


def _values(name: str, description: str) -> dict[str, str]:
    return {
        "name": limited_text(
            name, field="name", max_length=NAME_MAX, required=_("Give the theme a name.")
        ),
        "description": limited_text(description, field="description", max_length=MAX_TEXT),
    }


@transaction.atomic
def theme_create(*, actor: Actor, campaign: Campaign, name: str, description: str = "") -> Theme:
    """P3: a theme of the campaign; its name is unique in the campaign (case does not count)."""
    values = _values(name, description)
    if Theme.objects.filter(campaign=campaign, name__iexact=values["name"]).exists():
        raise _name_taken()
    try:
        with transaction.atomic():
            theme = Theme.objects.create(region_id=campaign.region_id, campaign=campaign, **values)
    except IntegrityError as error:  # campaign_theme_unique_name, at the same moment
        raise _name_taken() from error
    audit_created(
        actor=actor,
        action="campaign.theme_create",
        target=theme,
        region=campaign.region,
        fields=["name"],
    )
    return theme


@transaction.atomic
def theme_update(*, actor: Actor, theme: Theme, name: str, description: str = "") -> Theme:
    """P3: renames or describes a theme; the name stays unique in its campaign."""
    theme = Theme.objects.select_for_update().select_related("region").get(pk=theme.pk)
    values = _values(name, description)
    others = Theme.objects.filter(campaign_id=theme.campaign_id, name__iexact=values["name"])
    if others.exclude(pk=theme.pk).exists():
        raise _name_taken()
    before = theme.name
    theme.name, theme.description = values["name"], values["description"]
    theme.save()
    audit_record(
        actor=actor,
        action="campaign.theme_update",
        target=theme,
        region=theme.region,
        changes={"name": [before, theme.name]} if before != theme.name else {},
    )
    return theme


def _checked_themes(campaign_id: int, themes: Iterable[Theme]) -> list[Theme]:
    chosen = list(dict.fromkeys(themes))
    if any(t.campaign_id != campaign_id for t in chosen):
        raise DomainError(
            _("Choose themes of this campaign."), field="themes", code="other_campaign"
        )
    return chosen


@transaction.atomic
def answer_code(*, actor: Actor, answer: Answer, themes: Iterable[Theme]) -> Answer:
    """P3: the themes of one open answer (an empty list takes them all off)."""
    coded = coding_save(actor=actor, question=answer.question, codes={answer.pk: themes})
    return coded[0]


@transaction.atomic
def coding_save(
    *, actor: Actor, question: Question, codes: Mapping[int, Iterable[Theme]]
) -> list[Answer]:
    """P3: the themes of several open answers of one question at once (a page of the coding
    screen): `codes` maps an answer's pk to all its themes, which replace those it had. Only
    open answers of the question, only themes of its campaign; one refusal saves nothing."""
    if question.kind != QuestionKind.OPEN:
        raise DomainError(
            _("Only the answers to an open question are coded with themes."),
            field="question",
            code="not_open_question",
        )
    answers = {
        a.pk: a
        for a in Answer.objects.select_for_update(of=("self",))
        .filter(question=question, pk__in=list(codes))
        .prefetch_related("themes")
    }
    if set(codes) - set(answers):
        raise DomainError(
            _("An answer belongs to another question."), field="answers", code="other_question"
        )
    changed = 0
    for pk, themes in codes.items():
        answer = answers[pk]
        chosen = _checked_themes(question.campaign_id, themes)
        if {t.pk for t in chosen} != {t.pk for t in answer.themes.all()}:
            answer.themes.set(chosen)
            changed += 1
    if changed:
        audit_record(
            actor=actor,
            action="campaign.coding",
            target=question,
            region=question.region,
            changes={"answers_coded": [None, changed]},
        )
    return list(answers.values())

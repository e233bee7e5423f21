"""P3: input campaigns ("ophalen, ophalen, ophalen"): a few short questions per pillar that a
14-year-old answers on a phone in two minutes, online or entered by staff from paper, a focus
group or an event (recorded as such).

Rules, each enforced here and nowhere else:
- a campaign belongs to a trajectory of the region (and, optionally, one of its pillars), has a
  title and at least one group it is for; it opens with at least one question and closes once;
- at most MAX_QUESTIONS short questions (QUESTION_MAX characters); a choice question has at
  least two different options; the questions cannot change once answers exist: the answers
  would then belong to another question than the one people saw;
- an answer online only while the campaign is open and before `closes_at` ("This campaign is
  closed", nothing saved); each answer is checked by its kind; an anonymous campaign stores no
  name, whatever is sent.

Privacy: no answer or name goes into an audit event; a response prints as "response <pk>".
Who may call the staff functions (participation.manage) is checked by the caller; public
answers have no actor (None).
"""

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_created, audit_record, changes_between, snapshot
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.text import limited_text
from aantafel.core.typing import Actor
from aantafel.regions.models import Region

from ..models import (
    MAX_TEXT,
    Answer,
    AudienceType,
    Campaign,
    CampaignResponse,
    CampaignStatus,
    Event,
    Pillar,
    Question,
    QuestionKind,
    ResponseChannel,
    Trajectory,
)

TITLE_MAX = 200
QUESTION_MAX = 300
HELP_MAX = 300
OPTION_MAX = 200
MAX_OPTIONS = 8
# Two minutes on a phone: a handful of short questions.
MAX_QUESTIONS = 8
OPEN_ANSWER_MAX = 2000
NAME_MAX = 150
SOURCE_MAX = 200
RATINGS = range(1, 6)
STAFF_CHANNELS = (ResponseChannel.PAPER, ResponseChannel.FOCUS_GROUP, ResponseChannel.EVENT)

CAMPAIGN_AUDITED = [
    "title",
    "trajectory",
    "pillar",
    "audiences",
    "anonymous",
    "status",
    "closes_at",
]
QUESTION_AUDITED = ["kind", "text", "required", "position"]


def answer_field(question: Question | int) -> str:
    """The name of a question's input in the answer form and in a refusal's `field`."""
    pk = question if isinstance(question, int) else question.pk
    return f"question_{pk}"


# --- Checks ----------------------------------------------------------------------------------------
def _trajectory_and_pillar(
    region: Region, trajectory: Trajectory | None, pillar: Pillar | None
) -> tuple[Trajectory, Pillar | None]:
    if trajectory is None or trajectory.region_id != region.pk:
        raise DomainError(
            _("Choose a trajectory of this region."), field="trajectory", code="required"
        )
    if pillar is not None and pillar.trajectory_id != trajectory.pk:
        raise DomainError(
            _("This pillar belongs to another trajectory."),
            field="pillar",
            code="pillar_of_other_trajectory",
        )
    return trajectory, pillar


def _audiences(audiences: Iterable[str]) -> list[str]:
    chosen = set(audiences or ())
    if chosen - set(AudienceType.values):
        raise DomainError(
            _("Choose who the campaign is for from the list."),
            field="audiences",
            code="invalid_choice",
        )
    if not chosen:
        raise DomainError(
            _("Choose at least one group the campaign is for."),
            field="audiences",
            code="required",
        )
    return [value for value in AudienceType.values if value in chosen]


def _closes_at(closes_at: datetime.datetime | None) -> datetime.datetime | None:
    if closes_at is not None and closes_at <= timezone.now():
        raise DomainError(
            _("The closing moment must be in the future."), field="closes_at", code="in_past"
        )
    return closes_at


def _lock(campaign: Campaign) -> Campaign:
    """The campaign again, under a row lock: its status decides whether answers and changes
    may come in, so a close and an answer run one after the other."""
    return (
        Campaign.objects.select_for_update(of=("self",))
        .select_related("region")
        .get(pk=campaign.pk)
    )


def _require_not_closed(campaign: Campaign) -> None:
    if campaign.status == CampaignStatus.CLOSED:
        raise ConflictError(
            _("This campaign is closed: it can no longer be changed."), code="closed"
        )


def _require_no_answers(campaign: Campaign) -> None:
    """P3: once someone answered, the questions stay as they were."""
    if CampaignResponse.objects.filter(campaign=campaign).exists():
        raise ConflictError(
            _(
                "People have answered already: the questions cannot change any more, or their "
                "answers would belong to a question they never saw."
            ),
            code="has_answers",
        )


def _audit(actor: Actor, action: str, campaign: Campaign, before: dict) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=campaign,
        region=campaign.region,
        changes=changes_between(before, snapshot(campaign, CAMPAIGN_AUDITED)),
    )


def is_open_now(campaign: Campaign) -> bool:
    """Whether answers are taken online now: open, and before its closing moment if it has
    one."""
    return campaign.status == CampaignStatus.OPEN and (
        campaign.closes_at is None or campaign.closes_at > timezone.now()
    )


# --- Campaigns -------------------------------------------------------------------------------------
@transaction.atomic
def campaign_create(
    *,
    actor: Actor,
    region: Region,
    trajectory: Trajectory | None,
    title: str,
    audiences: Iterable[str],
    introduction: str = "",
    pillar: Pillar | None = None,
    anonymous: bool = True,
    closes_at: datetime.datetime | None = None,
) -> Campaign:
    """P3: a new campaign, a draft until it opens: a trajectory of the region (and optionally
    one of its pillars), a title, the groups it is for, anonymous or not, an optional closing
    moment in the future."""
    trajectory, pillar = _trajectory_and_pillar(region, trajectory, pillar)
    campaign = Campaign.objects.create(
        region=region,
        trajectory=trajectory,
        pillar=pillar,
        title=limited_text(
            title, field="title", max_length=TITLE_MAX, required=_("Give the title.")
        ),
        introduction=limited_text(introduction, field="introduction", max_length=MAX_TEXT),
        audiences=_audiences(audiences),
        anonymous=bool(anonymous),
        closes_at=_closes_at(closes_at),
        status=CampaignStatus.DRAFT,
        created_by=actor,
    )
    audit_created(
        actor=actor,
        action="campaign.create",
        target=campaign,
        region=region,
        fields=CAMPAIGN_AUDITED,
    )
    return campaign


@transaction.atomic
def campaign_update(
    *,
    actor: Actor,
    campaign: Campaign,
    trajectory: Trajectory | None,
    title: str,
    audiences: Iterable[str],
    introduction: str = "",
    pillar: Pillar | None = None,
    anonymous: bool = True,
    closes_at: datetime.datetime | None = None,
) -> Campaign:
    """P3: changes a draft or open campaign with the rules of campaign_create. Once answers
    exist it stays anonymous or named as it was: people answered trusting what it said."""
    campaign = _lock(campaign)
    _require_not_closed(campaign)
    trajectory, pillar = _trajectory_and_pillar(campaign.region, trajectory, pillar)
    if bool(anonymous) != campaign.anonymous:
        if CampaignResponse.objects.filter(campaign=campaign).exists():
            raise ConflictError(
                _(
                    "People have answered already, trusting that the campaign was anonymous or "
                    "not: this cannot change any more."
                ),
                field="anonymous",
                code="has_answers",
            )
    before = snapshot(campaign, CAMPAIGN_AUDITED)
    campaign.trajectory, campaign.pillar = trajectory, pillar
    campaign.title = limited_text(
        title, field="title", max_length=TITLE_MAX, required=_("Give the title.")
    )
    campaign.introduction = limited_text(introduction, field="introduction", max_length=MAX_TEXT)
    campaign.audiences = _audiences(audiences)
    campaign.anonymous = bool(anonymous)
    if closes_at != campaign.closes_at:
        campaign.closes_at = _closes_at(closes_at)
    campaign.save()
    _audit(actor, "campaign.update", campaign, before)
    return campaign


@transaction.atomic
def campaign_open(*, actor: Actor, campaign: Campaign) -> Campaign:
    """P3: a draft opens for answers on the public site; it needs at least one question and a
    closing moment (if any) still to come."""
    campaign = _lock(campaign)
    if campaign.status != CampaignStatus.DRAFT:
        raise ConflictError(_("Only a draft campaign can be opened."), code="not_draft")
    if not Question.objects.filter(campaign=campaign).exists():
        raise ConflictError(
            _("Add at least one question before you open the campaign."), code="no_questions"
        )
    if campaign.closes_at is not None and campaign.closes_at <= timezone.now():
        raise ConflictError(
            _("The closing moment has passed: change it first."),
            field="closes_at",
            code="closes_in_past",
        )
    before = snapshot(campaign, CAMPAIGN_AUDITED)
    campaign.status = CampaignStatus.OPEN
    campaign.opened_at = timezone.now()
    campaign.save(update_fields=["status", "opened_at", "updated_at"])
    _audit(actor, "campaign.open", campaign, before)
    return campaign


@transaction.atomic
def campaign_close(*, actor: Actor, campaign: Campaign) -> Campaign:
    """P3: no more answers online. Staff can still enter answers gathered before (see
    response_enter)."""
    campaign = _lock(campaign)
    if campaign.status != CampaignStatus.OPEN:
        raise ConflictError(_("Only an open campaign can be closed."), code="not_open")
    before = snapshot(campaign, CAMPAIGN_AUDITED)
    campaign.status = CampaignStatus.CLOSED
    campaign.closed_at = timezone.now()
    campaign.save(update_fields=["status", "closed_at", "updated_at"])
    _audit(actor, "campaign.close", campaign, before)
    return campaign


# --- Questions -------------------------------------------------------------------------------------
def _options(kind: str, choices: Iterable[str] | None) -> list[str]:
    """A choice question's options: trimmed, empty lines left out, at least two different ones
    (case does not count); other kinds have none."""
    if kind != QuestionKind.CHOICE:
        return []
    options: list[str] = []
    seen: set[str] = set()
    for raw in choices or ():
        option = limited_text(str(raw), field="choices", max_length=OPTION_MAX)
        if not option:
            continue
        if option.casefold() in seen:
            raise DomainError(
                _("Each option may appear only once."), field="choices", code="duplicate_option"
            )
        seen.add(option.casefold())
        options.append(option)
    if len(options) < 2:
        raise DomainError(
            _("A choice question needs at least two different options."),
            field="choices",
            code="too_few_options",
        )
    if len(options) > MAX_OPTIONS:
        raise DomainError(
            _("Keep it to at most %(max)s options.") % {"max": MAX_OPTIONS},
            field="choices",
            code="too_many_options",
        )
    return options


def _question_values(
    kind: str, text: str, help_text: str, choices: Iterable[str] | None
) -> dict[str, Any]:
    if kind not in QuestionKind.values:
        raise DomainError(_("Choose the kind of question."), field="kind", code="invalid_kind")
    return {
        "kind": kind,
        "text": limited_text(
            text, field="text", max_length=QUESTION_MAX, required=_("Write the question.")
        ),
        "help_text": limited_text(help_text, field="help_text", max_length=HELP_MAX),
        "choices": _options(kind, choices),
    }


def _audit_question(actor: Actor, action: str, question: Question, before: dict) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=question,
        region=question.region,
        changes=changes_between(before, snapshot(question, QUESTION_AUDITED)),
    )


@transaction.atomic
def question_add(
    *,
    actor: Actor,
    campaign: Campaign,
    kind: str,
    text: str,
    help_text: str = "",
    choices: Iterable[str] | None = None,
    required: bool = False,
) -> Question:
    """P3: a question at the end of the campaign: at most MAX_QUESTIONS, none once answers
    exist or the campaign is closed."""
    campaign = _lock(campaign)
    _require_not_closed(campaign)
    _require_no_answers(campaign)
    values = _question_values(kind, text, help_text, choices)
    existing = Question.objects.filter(campaign=campaign)
    if existing.count() >= MAX_QUESTIONS:
        raise ConflictError(
            _(
                "A campaign has at most %(max)s questions, so it takes about two minutes. "
                "Remove one first."
            )
            % {"max": MAX_QUESTIONS},
            code="too_many_questions",
        )
    last = existing.aggregate(last=Max("position"))["last"]
    question = Question.objects.create(
        region_id=campaign.region_id,
        campaign=campaign,
        position=0 if last is None else last + 1,
        required=bool(required),
        **values,
    )
    audit_created(
        actor=actor,
        action="campaign.question_add",
        target=question,
        region=campaign.region,
        fields=QUESTION_AUDITED,
    )
    return question


@transaction.atomic
def question_update(
    *,
    actor: Actor,
    question: Question,
    kind: str,
    text: str,
    help_text: str = "",
    choices: Iterable[str] | None = None,
    required: bool = False,
) -> Question:
    """P3: changes a question, with the rules of question_add."""
    campaign = _lock(question.campaign)
    _require_not_closed(campaign)
    _require_no_answers(campaign)
    question = Question.objects.select_for_update().get(pk=question.pk)
    before = snapshot(question, QUESTION_AUDITED)
    for name, value in _question_values(kind, text, help_text, choices).items():
        setattr(question, name, value)
    question.required = bool(required)
    question.save()
    _audit_question(actor, "campaign.question_update", question, before)
    return question


@transaction.atomic
def question_remove(*, actor: Actor, question: Question) -> None:
    """P3: takes a question out, while nobody has answered."""
    campaign = _lock(question.campaign)
    _require_not_closed(campaign)
    _require_no_answers(campaign)
    audit_record(
        actor=actor,
        action="campaign.question_remove",
        target=question,
        region=campaign.region,
        changes={"text": [question.text, None]},
    )
    Question.objects.filter(pk=question.pk).delete()


@transaction.atomic
def question_move(*, actor: Actor, question: Question, direction: str) -> Question:
    """P3: one place up or down in the campaign's order (the first cannot go up, the last not
    down: nothing changes then)."""
    if direction not in ("up", "down"):
        raise DomainError(_("Choose up or down."), field="direction", code="invalid")
    campaign = _lock(question.campaign)
    _require_not_closed(campaign)
    _require_no_answers(campaign)
    ordered = list(Question.objects.filter(campaign=campaign).order_by("position", "pk"))
    index = next(i for i, q in enumerate(ordered) if q.pk == question.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(ordered):
        return ordered[index]
    ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, item in enumerate(ordered):
        if item.position != position:
            Question.objects.filter(pk=item.pk).update(position=position)
            item.position = position
    moved = ordered[other]
    audit_record(
        actor=actor,
        action="campaign.question_move",
        target=moved,
        region=campaign.region,
        changes={"position": [index, other]},
    )
    return moved


# --- Answers ---------------------------------------------------------------------------------------
def _answer_value(question: Question, raw: Any) -> dict[str, Any] | None:
    """The Answer fields of one raw value, checked by the question's kind; None when not
    answered (refused when the question requires an answer)."""
    field = answer_field(question)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if question.required:
            raise DomainError(
                _("This question needs an answer."), field=field, code="required_answer"
            )
        return None
    if question.kind == QuestionKind.OPEN:
        text = limited_text(str(raw), field=field, max_length=OPEN_ANSWER_MAX)
        return {"text": text} if text else None
    if question.kind == QuestionKind.CHOICE:
        choice = str(raw).strip()
        if choice not in question.choices:
            raise DomainError(_("Choose one of the options."), field=field, code="unknown_choice")
        return {"choice": choice}
    try:
        rating = int(str(raw).strip()) if not isinstance(raw, bool) else None
    except ValueError:
        rating = None
    if rating not in RATINGS:
        raise DomainError(_("Choose a number from 1 to 5."), field=field, code="invalid_rating")
    return {"rating": rating}


def _save_response(
    campaign: Campaign,
    answers: Mapping[Any, Any],
    *,
    channel: str,
    audience: str,
    respondent_name: str,
    require_audience: bool,
    event: Event | None = None,
    source_note: str = "",
    entered_by: Actor = None,
) -> CampaignResponse:
    """One response with its answers, every value checked first: a refusal saves nothing."""
    questions = list(Question.objects.filter(campaign=campaign).order_by("position", "pk"))
    given = {str(key): value for key, value in (answers or {}).items()}
    known = {str(q.pk) for q in questions} | {answer_field(q) for q in questions}
    if set(given) - known:
        raise DomainError(
            _("An answer belongs to a question of another campaign."),
            field="answers",
            code="unknown_question",
        )
    values = []
    for question in questions:
        raw = given.get(str(question.pk), given.get(answer_field(question)))
        value = _answer_value(question, raw)
        if value is not None:
            values.append((question, value))
    if not values:
        raise DomainError(_("Answer at least one question."), field="answers", code="no_answers")
    audience = (audience or "").strip()
    if audience and audience not in campaign.audiences:
        raise DomainError(
            _("Choose one of the groups this campaign is for."),
            field="audience",
            code="invalid_audience",
        )
    if require_audience and not audience and campaign.audiences:
        raise DomainError(_("Tell us who you are."), field="audience", code="required")
    # P3: an anonymous campaign keeps no name, whatever was sent.
    name = (
        ""
        if campaign.anonymous
        else limited_text(respondent_name, field="respondent_name", max_length=NAME_MAX)
    )
    response = CampaignResponse.objects.create(
        region_id=campaign.region_id,
        campaign=campaign,
        channel=channel,
        audience=audience,
        respondent_name=name,
        event=event,
        source_note=limited_text(source_note, field="source_note", max_length=SOURCE_MAX),
        entered_by=entered_by,
    )
    Answer.objects.bulk_create(
        Answer(region_id=campaign.region_id, response=response, question=question, **value)
        for question, value in values
    )
    audit_record(
        actor=entered_by,
        action="campaign.response_enter" if entered_by else "campaign.response_submit",
        target=response,
        region=campaign.region,
        changes={"channel": [None, channel], "answers": [0, len(values)]},
    )
    return response


@transaction.atomic
def response_submit(
    *,
    campaign: Campaign,
    answers: Mapping[Any, Any],
    audience: str = "",
    respondent_name: str = "",
) -> CampaignResponse:
    """P3: someone answers online, without an account. `answers` maps a question (its pk, or
    its field name "question_<pk>") to the raw value: text for an open question (at most
    OPEN_ANSWER_MAX characters), one of the options for a choice, 1–5 for a rating. Refused
    when the campaign is not open or its closing moment has passed ("This campaign is closed",
    409, nothing saved), when a required question has no answer, or nothing is answered at all.
    Who they are (the audience) is asked when the campaign names groups; a name is kept only
    when the campaign is not anonymous."""
    campaign = _lock(campaign)
    if not is_open_now(campaign):
        if campaign.status == CampaignStatus.DRAFT:
            raise ConflictError(_("This campaign is not open yet."), code="not_open")
        raise ConflictError(_("This campaign is closed."), code="closed")
    return _save_response(
        campaign,
        answers,
        channel=ResponseChannel.ONLINE,
        audience=audience,
        respondent_name=respondent_name,
        require_audience=True,
    )


@transaction.atomic
def response_enter(
    *,
    actor: Actor,
    campaign: Campaign,
    channel: str,
    answers: Mapping[Any, Any],
    audience: str = "",
    respondent_name: str = "",
    event: Event | None = None,
    source_note: str = "",
) -> CampaignResponse:
    """P3: staff enter answers gathered on paper, in a focus group or at an event; the response
    is marked with its channel (never "online"), who entered it and where it was gathered.

    Allowed while the campaign is open and after it closed: paper sheets and the notes of a
    focus group come in days after they were filled in, and they were gathered while the
    campaign ran. A response entered after closing shows as such (its `created_at` is after the
    campaign's `closed_at`) on the list of responses. Not for a draft: its questions may still
    change. The same checks of each answer as online."""
    campaign = _lock(campaign)
    if campaign.status == CampaignStatus.DRAFT:
        raise ConflictError(
            _("Open the campaign first: a draft's questions may still change."),
            code="not_open",
        )
    if channel not in STAFF_CHANNELS:
        raise DomainError(
            _("Choose how the answers were gathered: on paper, in a focus group or at an event."),
            field="channel",
            code="invalid_channel",
        )
    if event is not None and event.region_id != campaign.region_id:
        raise DomainError(_("Choose an event of this region."), field="event", code="other_region")
    return _save_response(
        campaign,
        answers,
        channel=channel,
        audience=audience,
        respondent_name=respondent_name,
        require_audience=False,
        event=event,
        source_note=source_note,
        entered_by=actor,
    )


def entered_after_closing(response: CampaignResponse, campaign: Campaign) -> bool:
    """Whether staff entered this response after the campaign closed (see response_enter)."""
    return campaign.closed_at is not None and response.created_at > campaign.closed_at

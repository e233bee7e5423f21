"""M12: before the meeting, members react to items in writing, and a representative consults
their constituency with a short question anyone in it answers through a link."""

import datetime
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.accounts.models import hash_token
from aantafel.audit.services import audit_created, audit_record
from aantafel.bodies.models import Constituency, Membership
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.typing import Actor

from ..models import AgendaItem, ConstituencyQuestion, Meeting, QuestionAnswer, Reaction
from ..permissions import SEATED_ROLES
from ._common import has_started, lock_meeting, require_open, require_text

MAX_REACTION = 4000
MAX_QUESTION = 300
MAX_ANSWER = 1000
REACTION_AUDITED = ["item", "constituency", "text"]
QUESTION_AUDITED = ["item", "constituency", "question", "closes_at"]


def _seated_memberships(actor: Actor, meeting: Meeting) -> list[Membership]:
    """The actor's current memberships at this body's table (chair, supporter, member)."""
    if actor is None:
        return []
    return list(
        Membership.objects.current()
        .filter(user=actor, body_id=meeting.body_id, role__in=SEATED_ROLES)
        .select_related("constituency")
    )


def _require_before_start(meeting: Meeting) -> None:
    require_open(meeting)
    if meeting.is_held or has_started(meeting):
        raise ConflictError(
            _("This meeting has started. Bring your view in at the table."), code="started"
        )


def _lock_item_meeting(item: AgendaItem) -> tuple[AgendaItem, Meeting]:
    meeting = lock_meeting(item.meeting)
    item = AgendaItem.objects.get(pk=item.pk)
    item.meeting = meeting
    return item, meeting


@transaction.atomic
def reaction_add(
    *, actor: Actor, item: AgendaItem, text: str, constituency: Constituency | None = None
) -> Reaction:
    """M12: a member at the table (chair, supporter, member; not a guest) reacts in writing to
    an item before the meeting starts, on their own behalf or for the constituency they
    represent in this body."""
    item, meeting = _lock_item_meeting(item)
    memberships = _seated_memberships(actor, meeting)
    if actor is None or not memberships:
        raise DomainError(
            _("Only members of this body can react to its items."), code="not_a_member"
        )
    _require_before_start(meeting)
    text = require_text(text, field="text", message=_("Write your reaction."))
    if len(text) > MAX_REACTION:
        raise DomainError(
            _("Keep your reaction under %(max)s characters.") % {"max": MAX_REACTION},
            field="text",
            code="too_long",
        )
    if constituency is not None and constituency.pk not in {m.constituency_id for m in memberships}:
        raise DomainError(
            _("You can only react for the constituency you represent in this body."),
            field="constituency",
            code="not_represented",
        )
    reaction = Reaction.objects.create(
        region=item.region, item=item, author=actor, constituency=constituency, text=text
    )
    audit_created(
        actor=actor,
        action="reaction.add",
        target=reaction,
        region=item.region,
        fields=REACTION_AUDITED,
    )
    return reaction


@transaction.atomic
def reaction_withdraw(*, actor: Actor, reaction: Reaction) -> None:
    """M12: the author takes their reaction back, as long as the meeting has not started."""
    reaction = Reaction.objects.select_related("item__meeting").get(pk=reaction.pk)
    meeting = lock_meeting(reaction.item.meeting)
    if actor is None or reaction.author_id != actor.pk:
        raise DomainError(_("Only the author can withdraw a reaction."), code="not_author")
    _require_before_start(meeting)
    audit_record(
        actor=actor,
        action="reaction.withdraw",
        target=reaction,
        region=reaction.region,
        changes={"text": [reaction.text, None]},
    )
    reaction.delete()


def _new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


@transaction.atomic
def question_ask(
    *, actor: Actor, item: AgendaItem, question: str, closes_at: datetime.datetime
) -> tuple[ConstituencyQuestion, str]:
    """M12: a representative puts a short question about an item to their constituency. The
    answer link carries a random token, returned here once; only its hash is kept. Answers
    are taken until `closes_at`, at the latest when the meeting starts."""
    item, meeting = _lock_item_meeting(item)
    representing = [m for m in _seated_memberships(actor, meeting) if m.constituency_id]
    if actor is None or not representing:
        raise DomainError(
            _("Only a member who represents a constituency in this body can consult it."),
            code="not_a_representative",
        )
    _require_before_start(meeting)
    if item.confidential:
        # A question goes out as a link to people outside the body: a confidential item
        # cannot leave the table, not even by its title.
        raise DomainError(
            _("This item is confidential. You cannot ask your constituency about it."),
            code="confidential",
        )
    question = require_text(question, field="question", message=_("Write your question."))
    if len(question) > MAX_QUESTION:
        raise DomainError(
            _("Keep the question short: at most %(max)s characters.") % {"max": MAX_QUESTION},
            field="question",
            code="too_long",
        )
    if closes_at is None or closes_at <= timezone.now():
        raise DomainError(
            _("Choose a closing moment in the future."), field="closes_at", code="in_past"
        )
    if closes_at > meeting.starts_at:
        raise DomainError(
            _("The question must close before the meeting starts."),
            field="closes_at",
            code="after_start",
        )
    token, token_hash = _new_token()
    asked = ConstituencyQuestion.objects.create(
        region=item.region,
        item=item,
        asked_by=actor,
        constituency=representing[0].constituency,
        question=question,
        token_hash=token_hash,
        closes_at=closes_at,
    )
    audit_created(
        actor=actor,
        action="question.ask",
        target=asked,
        region=item.region,
        fields=QUESTION_AUDITED,
    )
    return asked, token


def question_by_token(token: str) -> ConstituencyQuestion | None:
    """The question behind an answer link, open or closed; None for a link that does not exist."""
    return (
        ConstituencyQuestion.objects.select_related("item__meeting__body", "constituency", "region")
        .filter(token_hash=hash_token(token or ""))
        .first()
    )


def question_is_open(question: ConstituencyQuestion) -> bool:
    """Open until its closing moment, while the meeting it is about still takes input."""
    meeting = question.item.meeting
    return question.closes_at > timezone.now() and not meeting.is_cancelled


@transaction.atomic
def question_answer(*, token: str, text: str) -> QuestionAnswer:
    """M12: anyone with the link answers, without an account. Nothing about who answers is
    asked or kept: only the text."""
    question = (
        ConstituencyQuestion.objects.select_for_update(of=("self",))
        .filter(token_hash=hash_token(token or ""))
        .first()
    )
    if question is None:
        raise DomainError(_("This link does not exist."), code="unknown")
    question = ConstituencyQuestion.objects.select_related("item__meeting").get(pk=question.pk)
    if not question_is_open(question):
        raise ConflictError(_("This question is closed."), code="closed")
    text = require_text(text, field="text", message=_("Write your answer."))
    if len(text) > MAX_ANSWER:
        raise DomainError(
            _("Your answer is too long. Use at most %(max)s characters.") % {"max": MAX_ANSWER},
            field="text",
            code="too_long",
        )
    answer = QuestionAnswer.objects.create(region=question.region, question=question, text=text)
    # The answer's text is not copied into the audit trail: it may say more than meant.
    audit_created(
        actor=None, action="question.answer", target=answer, region=question.region, fields=[]
    )
    return answer


@transaction.atomic
def question_close(*, actor: Actor, question: ConstituencyQuestion) -> ConstituencyQuestion:
    """M12: the representative closes their question early; the link then says it is closed."""
    question = ConstituencyQuestion.objects.select_for_update(of=("self",)).get(pk=question.pk)
    if actor is None or question.asked_by_id != actor.pk:
        raise DomainError(
            _("Only the person who asked the question can close it."), code="not_asker"
        )
    now = timezone.now()
    if question.closes_at > now:
        before = question.closes_at
        question.closes_at = now
        question.save(update_fields=["closes_at", "updated_at"])
        audit_record(
            actor=actor,
            action="question.close",
            target=question,
            region=question.region,
            changes={"closes_at": [before.isoformat(), now.isoformat()]},
        )
    return question

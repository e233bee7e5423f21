"""S4: the body agrees an advice under its decision rule (B6) and it goes out as a PDF."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_record
from aantafel.bodies.models import DecisionRule, MembershipRole
from aantafel.core.errors import DomainError
from aantafel.core.typing import Actor
from aantafel.meetings.services.outcomes import (
    Votes,
    body_decision_rule,
    require_vote_counts,
    votes_counted,
)

from .. import mail
from ..models import AdviceEvent, AdviceRequest, ConstituencyView
from ..workflow import AdviceStatus
from ._common import (
    body_roles,
    checked_text,
    lock,
    move,
    optional_text,
    record,
    seat_constituencies,
)


def _check_votes(rule: str, votes: Votes) -> None:
    """B6: votes are counted only under majority; there, an advice needs more votes for than
    against (the same counting as a decision of a meeting)."""
    if not votes_counted(rule, votes):
        return
    votes_for, votes_against = require_vote_counts(votes)
    if votes_for <= votes_against:
        raise DomainError(
            _(
                "An advice is agreed by majority only when more members vote for it than against it."
            ),
            field="votes_for",
            code="votes_do_not_match",
        )


def _check_views(actor: Actor, advice_request: AdviceRequest, roles: set[str], reason: str) -> str:
    """B6 consensus with reservation: every constituency of the body's seats has its say, or
    the chair (only the chair) says why the advice goes out without some of them. Returns the
    reason to keep."""
    heard = set(
        ConstituencyView.objects.filter(advice_request=advice_request).values_list(
            "constituency_id", flat=True
        )
    )
    missing = [c for c in seat_constituencies(advice_request.body_id) if c.pk not in heard]
    if not missing:
        return ""
    names = ", ".join(c.name for c in missing)
    if not reason:
        raise DomainError(
            _(
                "Not every constituency has had its say yet: %(names)s. Record their views, or the chair gives the reason to go ahead without them."
            )
            % {"names": names},
            field="missing_views_reason",
            code="views_missing",
        )
    if MembershipRole.CHAIR not in roles:
        raise DomainError(
            _(
                "Only the chair can decide to give the advice before every constituency had its say."
            ),
            field="missing_views_reason",
            code="reason_chair_only",
        )
    return reason


@transaction.atomic
def advice_give(
    *,
    actor: Actor,
    advice_request: AdviceRequest,
    advice_text: str,
    missing_views_reason: str = "",
    votes_for: int | None = None,
    votes_against: int | None = None,
    votes_abstained: int | None = None,
) -> AdviceRequest:
    """S4/B6: the chair or supporter records the advice the body agreed, under the decision rule
    of its latest terms of reference: consensus, the text; consensus with reservation, every
    constituency's view (each keeps its position, reservations visible) unless the chair says
    why not; majority, more votes for than against. The views are frozen from now on and the
    advice goes to the requester as a PDF, once."""
    advice_request = lock(advice_request)
    roles = body_roles(actor, advice_request.body_id)
    if not roles & {MembershipRole.CHAIR, MembershipRole.SUPPORTER}:
        raise DomainError(
            _("Only the body's chair or supporter can record its advice."),
            code="not_chair_or_supporter",
        )
    text = checked_text(advice_text, field="advice_text", message=_("Write the advice."))
    rule = body_decision_rule(advice_request.body)
    if rule is None:
        raise DomainError(
            _(
                "This body has no terms of reference yet, so no decision rule to agree an advice under."
            ),
            code="no_decision_rule",
        )
    votes: Votes = (votes_for, votes_against, votes_abstained)
    _check_votes(rule, votes)
    reason = ""
    if rule == DecisionRule.CONSENSUS_WITH_RESERVATION:
        reason = _check_views(
            actor,
            advice_request,
            roles,
            optional_text(missing_views_reason, field="missing_views_reason"),
        )
    before = advice_request.status
    move(actor, advice_request, AdviceStatus.ADVICE_GIVEN)
    advice_request.advice_text = text
    advice_request.advice_given_at = timezone.now()
    advice_request.advice_given_by = actor
    advice_request.decision_rule = rule
    advice_request.missing_views_reason = reason
    (
        advice_request.votes_for,
        advice_request.votes_against,
        advice_request.votes_abstained,
    ) = votes
    advice_request.save(
        update_fields=[
            "status",
            "advice_text",
            "advice_given_at",
            "advice_given_by",
            "decision_rule",
            "missing_views_reason",
            "votes_for",
            "votes_against",
            "votes_abstained",
            "updated_at",
        ]
    )
    record(advice_request, AdviceEvent.Kind.GIVEN, actor=actor, note=reason)
    audit_record(
        actor=actor,
        action="advice_request.give",
        target=advice_request,
        region=advice_request.region,
        changes={
            "status": [before, AdviceStatus.ADVICE_GIVEN],
            "decision_rule": [None, rule],
            "advice_text": [0, len(text)],
            "missing_views_reason": [None, reason],
            "votes": [None, list(votes) if rule == DecisionRule.MAJORITY else None],
        },
    )
    if advice_request.requester_email:
        pk = advice_request.pk
        transaction.on_commit(lambda: mail.advice_sent(pk))
    return advice_request

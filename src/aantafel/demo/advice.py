"""Advice requests for each demo region (S4), written through the advice services.

Per region, on the body with the most constituency seats that has a chair or supporter and a
decision rule: one request in preparation, with the view of some constituencies recorded by
their representatives and the others still to come, and one answered: every view in, the
advice given under the body's rule, the department's response (partly adopted, and why) and a
follow-up. The services stamp "now"; the answered request is then put back in time with plain
updates (as meetings and signals do). No requester address is filled in, so nobody is mailed.
A region that already has advice requests is left alone, so running the command twice adds
nothing.
"""

import datetime
from collections import Counter

from django.db.models import Count
from django.utils import timezone

from aantafel.advice import services
from aantafel.advice.models import AdviceEvent, AdviceFollowUp, AdviceRequest
from aantafel.advice.roles import seat_constituencies
from aantafel.advice.workflow import AdviceResponse
from aantafel.bodies.models import Body, DecisionRule, Membership, MembershipRole
from aantafel.meetings.models import Stance
from aantafel.meetings.services.outcomes import body_decision_rule
from aantafel.regions.models import Region

from .content import RegionSpec

STANCES = (Stance.AGREES, Stance.RESERVATION, Stance.AGREES, Stance.DISAGREES)
VIEWS = {
    Stance.AGREES: "Onze achterban steunt dit. Ze vragen wel dat gezinnen op tijd horen wat "
    "er verandert.",
    Stance.RESERVATION: "We steunen het voorstel, met een bedenking: jongeren moeten zelf mee "
    "kunnen beslissen over hun plan.",
    Stance.DISAGREES: "Onze achterban is het er niet mee eens: de wachttijden worden zo niet "
    "korter.",
}


def _body(region: Region) -> Body | None:
    """The body with the most constituency seats that has a lead and a decision rule."""
    led = Membership.objects.current().filter(
        region=region, role__in=[MembershipRole.CHAIR, MembershipRole.SUPPORTER]
    )
    candidates = (
        Body.objects.filter(region=region, pk__in=led.values("body_id"))
        .annotate(seat_count=Count("seats__constituency", distinct=True))
        .filter(seat_count__gt=0)
        .order_by("-seat_count", "name")
    )
    return next((b for b in candidates if body_decision_rule(b)), None)


def _lead(body: Body, role: str):
    m = (
        Membership.objects.current()
        .filter(body=body, role=role)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return m.user if m else None


def _representative(body: Body, constituency_id: int):
    m = (
        Membership.objects.current()
        .filter(body=body, constituency_id=constituency_id)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return m.user if m else None


def _record_views(request: AdviceRequest, lead, constituencies) -> None:
    for index, constituency in enumerate(constituencies):
        stance = STANCES[index % len(STANCES)]
        services.advice_view_record(
            actor=_representative(request.body, constituency.pk) or lead,
            advice_request=request,
            constituency=constituency,
            stance=stance,
            view=VIEWS[stance],
        )


def _backdate(request: AdviceRequest, received: datetime.datetime) -> None:
    """The answered request came in at `received`; its timeline followed over the weeks after,
    up to a few days ago."""
    events = list(AdviceEvent.objects.filter(advice_request=request).order_by("pk"))
    step = (timezone.now() - datetime.timedelta(days=3) - received) / max(len(events), 1)
    when = received
    given_at = response_at = None
    for index, event in enumerate(events):
        when = received + step * index
        AdviceEvent.objects.filter(pk=event.pk).update(created_at=when, updated_at=when)
        if event.kind == AdviceEvent.Kind.GIVEN:
            given_at = when
        if event.kind == AdviceEvent.Kind.RESPONSE:
            response_at = when
    AdviceRequest.objects.filter(pk=request.pk).update(
        created_at=received,
        updated_at=when,
        deadline=timezone.localdate(received + datetime.timedelta(days=42)),
        advice_given_at=given_at,
        response_recorded_at=response_at,
    )
    AdviceFollowUp.objects.filter(advice_request=request).update(on=timezone.localdate(when))


def load_advice(region: Region, spec: RegionSpec, *, created: Counter[str]) -> None:
    """Idempotent: records that already exist are left as they are."""
    if AdviceRequest.objects.filter(region=region).exists():
        return
    body = _body(region)
    if body is None:
        return
    chair = _lead(body, MembershipRole.CHAIR)
    supporter = _lead(body, MembershipRole.SUPPORTER)
    lead = supporter or chair
    giver = chair or supporter
    constituencies = seat_constituencies(body.pk)
    department = spec.department_name or "de gemeenten van de regio"
    today = timezone.localdate()

    # In preparation: some constituencies had their say, the others not yet.
    open_request = services.advice_request_create(
        actor=lead,
        body=body,
        requester_kind="department",
        requester_name=department,
        title="Nieuwe afspraken over crisisopvang",
        question="Het voorstel: jongeren in crisis krijgen binnen 24 uur een plek, zo dicht "
        "mogelijk bij huis. Wat vindt het overleg van dit voorstel, en wat zou u anders doen?",
        deadline=today + datetime.timedelta(days=21),
    )
    _record_views(open_request, lead, constituencies[: max(1, len(constituencies) // 2)])
    created["advice requests"] += 1

    # Answered: every view, the advice, the response and a follow-up.
    answered = services.advice_request_create(
        actor=lead,
        body=body,
        requester_kind="parent_body",
        requester_name=body.parent.name if body.parent else department,
        title="Prioriteiten voor het regionaal plan",
        question="Welke drie prioriteiten ziet het overleg voor het regionaal plan van volgend "
        "jaar, vanuit het perspectief van jongeren en ouders?",
        deadline=today + datetime.timedelta(days=7),
    )
    _record_views(answered, lead, constituencies)
    rule = body_decision_rule(body)
    votes: dict[str, int | None] = {}
    if rule == DecisionRule.MAJORITY:
        votes = {"votes_for": len(constituencies) + 1, "votes_against": 1, "votes_abstained": 0}
    services.advice_give(
        actor=giver,
        advice_request=answered,
        votes_for=votes.get("votes_for"),
        votes_against=votes.get("votes_against"),
        votes_abstained=votes.get("votes_abstained"),
        advice_text="Het overleg vraagt drie prioriteiten: kortere wachttijden met een vast "
        "aanspreekpunt tijdens het wachten, één plan per gezin, en jongeren die zelf meepraten "
        "over hun hulp. De bedenkingen van de achterbannen staan hieronder.",
    )
    services.advice_response_record(
        actor=lead,
        advice_request=answered,
        response=AdviceResponse.PARTLY_ADOPTED,
        reason="De eerste twee prioriteiten staan in het plan. Voor de derde is eerst een "
        "proef nodig in twee voorzieningen.",
    )
    services.advice_follow_up_add(
        actor=lead,
        advice_request=answered,
        text="De proef met meepraten over het eigen hulpplan is gestart; het overleg hoort de "
        "resultaten na zes maanden.",
    )
    _backdate(answered, timezone.now() - datetime.timedelta(days=90))
    created["advice requests"] += 1

"""C6 with C1's rule: the client whose say counts — the young person from 12, a parent below
12 — answers each action of the draft themselves, online; nobody else answers for them except
whoever runs the table, recording what the client said there."""

import pytest
from django.urls import reverse

from aantafel.casework.models import ActionOwner, Agreement, CaseLog
from aantafel.casework.services import plan as services
from aantafel.core.errors import DomainError

from .factories import CaseFactory, minor_of, parent_of

pytestmark = pytest.mark.django_db


def _fresh(user):
    return type(user).objects.get(pk=user.pk)


def _draft_action(case):
    chair = _fresh(case.chair)
    plan = services.plan_draft(actor=chair, case=case)
    return services.action_add(
        actor=chair,
        plan=plan,
        text="Elke week een gesprek op school.",
        owner_kind=ActionOwner.CLIENT,
    )


def _say_url(case, action):
    return reverse("case_plan_action_agreement", args=[case.region.slug, case.reference, action.pk])


def test_c6_the_young_person_answers_an_action_themselves(client, case):
    action = _draft_action(case)
    young = minor_of(case).user
    client.force_login(young)
    plan_page = client.get(reverse("case_plan", args=[case.region.slug, case.reference]))
    assert _say_url(case, action) in plan_page.content.decode()  # the draft, with her link
    response = client.post(
        _say_url(case, action), {"agreement": Agreement.REFUSED, "reason": "Niet op school."}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.agreement, action.agreement_reason) == (Agreement.REFUSED, "Niet op school.")
    line = CaseLog.objects.filter(case=case, action="change").first()
    assert (line.user, line.what) == (young, "client did not agree to an action")


def test_c6_a_parent_cannot_answer_for_a_young_person_of_12_or_older(client, case):
    action = _draft_action(case)
    parent = parent_of(case).user
    with pytest.raises(DomainError) as refused:
        services.action_agreement_record(
            actor=_fresh(parent), action=action, agreement=Agreement.AGREED
        )
    assert refused.value.code == "not_the_client"
    client.force_login(parent)
    assert client.get(_say_url(case, action)).status_code == 403
    action.refresh_from_db()
    assert action.agreement == Agreement.PENDING


def test_c6_below_12_a_parent_answers_and_the_child_does_not(client, region):
    case = CaseFactory(region=region, at_table=True, family__minor_age=9)
    action = _draft_action(case)
    with pytest.raises(DomainError):
        services.action_agreement_record(
            actor=_fresh(minor_of(case).user), action=action, agreement=Agreement.AGREED
        )
    services.action_agreement_record(
        actor=_fresh(parent_of(case).user), action=action, agreement=Agreement.AGREED
    )
    action.refresh_from_db()
    assert action.agreement == Agreement.AGREED


def test_c6_someone_else_at_the_table_does_not_answer_for_the_client(case, neighbour):
    action = _draft_action(case)
    with pytest.raises(DomainError) as refused:
        services.action_agreement_record(
            actor=_fresh(neighbour.user), action=action, agreement=Agreement.AGREED
        )
    assert refused.value.code == "not_the_client"

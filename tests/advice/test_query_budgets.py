"""Reads are budgeted (S4): the list of advice requests runs a fixed number of queries with
three requests or two hundred, a request's page the same with one view or many."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from aantafel.advice import services
from aantafel.advice.models import AdviceEvent, AdviceRequest, ConstituencyView
from aantafel.advice.workflow import AdviceStatus
from aantafel.meetings.models import Stance

from .. import factories as f
from .conftest import pdf_upload

# Session, user, two-factor check, region role, memberships of the user in the region; the
# region; the count and the page's rows (with body and number of views); the filter's bodies.
LIST_BUDGET = 10
# The auth queries above, the lookup; the request, its seats' constituencies, views,
# documents, follow-ups and timeline. The permissions of the steps come from the same cache.
DETAIL_BUDGET = 14


def _add_requests(body, count: int) -> None:
    today = timezone.localdate()
    AdviceRequest.objects.bulk_create(
        AdviceRequest(
            region=body.region,
            body=body,
            requester_kind="department",
            requester_name="Departement",
            title=f"Vraag {i}",
            question="Wat vinden jullie?",
            deadline=today + datetime.timedelta(days=i - 5),
            status=AdviceStatus.RECEIVED,
        )
        for i in range(count)
    )


@pytest.mark.parametrize("count", [3, 200])
def test_s4_the_advice_list_has_a_fixed_query_budget(
    scene, client, count, django_assert_num_queries
):
    _add_requests(scene.body, count)
    for request in AdviceRequest.objects.all()[:3]:
        for constituency in (scene.parents, scene.youth):
            ConstituencyView.objects.create(
                region=scene.region,
                advice_request=request,
                constituency=constituency,
                stance=Stance.AGREES,
                view="Eens.",
                recorded_on_behalf=True,
            )
    client.force_login(scene.users.supporter)
    url = reverse("advice_list", args=[scene.region.slug])
    with django_assert_num_queries(LIST_BUDGET):
        response = client.get(url, {"status": AdviceStatus.RECEIVED})
    assert response.status_code == 200


@pytest.mark.parametrize("extra", [0, 30])
def test_s4_the_request_page_has_a_fixed_query_budget(
    scene, client, extra, django_assert_num_queries
):
    request = scene.request
    services.advice_view_record(
        actor=scene.users.parent_rep,
        advice_request=request,
        constituency=scene.parents,
        stance=Stance.AGREES,
        view="Eens.",
    )
    services.advice_document_add(
        actor=scene.users.supporter, advice_request=request, upload=pdf_upload()
    )
    for i in range(extra):
        constituency = f.ConstituencyFactory(region=scene.region)
        f.SeatFactory(body=scene.body, constituency=constituency)
        ConstituencyView.objects.create(
            region=scene.region,
            advice_request=request,
            constituency=constituency,
            stance=Stance.RESERVATION,
            view=f"Bedenking {i}",
            recorded_on_behalf=True,
        )
        AdviceEvent.objects.create(
            region=scene.region, advice_request=request, kind=AdviceEvent.Kind.VIEW, note=str(i)
        )
    client.force_login(scene.users.parent_rep)
    url = reverse("advice_detail", args=[scene.region.slug, request.pk])
    with django_assert_num_queries(DETAIL_BUDGET):
        response = client.get(url)
    assert response.status_code == 200

"""M14: the client representatives' consultation mirrors the parent body's agenda items into
its own agenda and records the client perspective it brings in."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from aantafel.advice.models import AdviceRequest, RequesterKind
from aantafel.advice.workflow import AdviceStatus
from aantafel.audit.models import AuditEvent
from aantafel.core.errors import ConflictError, DomainError
from aantafel.meetings import services
from aantafel.meetings.models import AgendaItem, ItemType, MeetingStatus

from .. import factories as f


@pytest.fixture
def parent(body):
    return body.parent  # IROJ Limburg


@pytest.fixture
def consultation(region, parent):
    return f.BodyFactory(
        region=region,
        name="Cliëntvertegenwoordigersoverleg",
        body_type="client_representatives",
        parent=parent,
    )


@pytest.fixture
def cv_supporter(consultation):
    return f.MembershipFactory(body=consultation, supporter=True).user


@pytest.fixture
def cv_member(consultation):
    return f.MembershipFactory(body=consultation).user


@pytest.fixture
def target(consultation):
    return f.MeetingFactory(body=consultation)


@pytest.fixture
def source(parent):
    parent_meeting = f.MeetingFactory(
        body=parent,
        published=True,
        starts_at=timezone.now() + datetime.timedelta(days=30),
        ends_at=timezone.now() + datetime.timedelta(days=30, hours=2),
    )
    return f.AgendaItemFactory(
        meeting=parent_meeting,
        title="Regionaal actieplan 2025",
        item_type=ItemType.DECISION,
        explanation="Het actieplan ligt voor ter beslissing.",
    )


# --- Services ----------------------------------------------------------------------------------


def test_m14_consultation_mirrors_an_item_of_the_parent_body(target, source, cv_supporter):
    item = services.agenda_item_mirror(
        actor=cv_supporter, meeting=target, source_item=source, client_perspective=" Eerst "
    )
    assert item.meeting == target
    assert item.mirrors == source
    assert (item.title, item.item_type, item.explanation) == (
        source.title,
        source.item_type,
        source.explanation,
    )
    assert item.client_perspective == "Eerst"
    assert AuditEvent.objects.filter(action="agenda_item.add", target_id=str(item.pk)).exists()
    event = AuditEvent.objects.get(action="agenda_item.mirror")
    assert event.actor == cv_supporter
    assert source.title in event.changes["mirrors"][1]


def test_m14_the_same_item_is_mirrored_once_per_meeting(target, source, cv_supporter):
    services.agenda_item_mirror(actor=cv_supporter, meeting=target, source_item=source)
    with pytest.raises(ConflictError) as error:
        services.agenda_item_mirror(actor=cv_supporter, meeting=target, source_item=source)
    assert error.value.code == "duplicate"
    assert AgendaItem.objects.filter(mirrors=source).count() == 1


def test_m14_a_confidential_item_is_not_mirrored(target, source, cv_supporter):
    source.confidential = True
    source.save()
    with pytest.raises(DomainError) as error:
        services.agenda_item_mirror(actor=cv_supporter, meeting=target, source_item=source)
    assert (error.value.field, error.value.code) == ("source_item", "confidential")
    assert not AgendaItem.objects.filter(mirrors=source).exists()


def test_m14_only_a_client_representatives_consultation_mirrors(meeting, source, supporter):
    # `meeting` belongs to the core group, whose parent is the same body: not enough.
    with pytest.raises(DomainError) as error:
        services.agenda_item_mirror(actor=supporter, meeting=meeting, source_item=source)
    assert error.value.code == "not_parent"


def test_m14_only_items_of_the_own_parent_body_are_mirrored(
    region, target, cv_supporter, consultation
):
    elsewhere = f.AgendaItemFactory(meeting=f.MeetingFactory(body=f.BodyFactory(region=region)))
    sibling = f.AgendaItemFactory(meeting=f.MeetingFactory(body=consultation))
    for other in (elsewhere, sibling):
        with pytest.raises(DomainError) as error:
            services.agenda_item_mirror(actor=cv_supporter, meeting=target, source_item=other)
        assert error.value.code == "not_parent"


def test_m14_minutes_approval_items_are_not_mirrored(target, source, cv_supporter):
    source.item_type = ItemType.MINUTES_APPROVAL
    source.save()
    with pytest.raises(DomainError) as error:
        services.agenda_item_mirror(actor=cv_supporter, meeting=target, source_item=source)
    assert error.value.code == "not_mirrorable"


def test_m14_mirroring_needs_an_agenda_still_open(consultation, source, cv_supporter):
    held = f.MeetingFactory(body=consultation, held=True)
    with pytest.raises(ConflictError):
        services.agenda_item_mirror(actor=cv_supporter, meeting=held, source_item=source)
    cancelled = f.MeetingFactory(body=consultation, status=MeetingStatus.CANCELLED)
    with pytest.raises(ConflictError) as error:
        services.agenda_item_mirror(actor=cv_supporter, meeting=cancelled, source_item=source)
    assert error.value.code == "cancelled"


def test_m14_client_perspective_is_recorded_on_a_mirrored_item(target, source, cv_supporter):
    item = services.agenda_item_mirror(actor=cv_supporter, meeting=target, source_item=source)
    services.client_perspective_record(
        actor=cv_supporter, item=item, text="Jongeren willen inspraak in het actieplan."
    )
    item.refresh_from_db()
    assert item.client_perspective == "Jongeren willen inspraak in het actieplan."
    event = AuditEvent.objects.get(action="agenda_item.client_perspective")
    assert event.changes["client_perspective"] == ["", item.client_perspective]


def test_m14_client_perspective_only_on_mirrored_items(meeting, supporter):
    plain = f.AgendaItemFactory(meeting=meeting)
    with pytest.raises(DomainError) as error:
        services.client_perspective_record(actor=supporter, item=plain, text="x")
    assert error.value.code == "not_mirrored"


def test_m14_client_perspective_is_not_empty(target, source, cv_supporter):
    item = services.agenda_item_mirror(actor=cv_supporter, meeting=target, source_item=source)
    with pytest.raises(DomainError) as error:
        services.client_perspective_record(actor=cv_supporter, item=item, text="  ")
    assert error.value.field == "client_perspective"


def test_m14_mirrorable_items_are_the_parents_coming_non_confidential_items(
    consultation, parent, source
):
    f.AgendaItemFactory(meeting=source.meeting, confidential=True)
    f.AgendaItemFactory(meeting=f.MeetingFactory(body=parent, held=True))
    assert list(services.mirrorable_items(consultation)) == [source]
    core_group = parent.children.exclude(pk=consultation.pk).get()
    assert not services.mirrorable_items(core_group).exists()


# --- Pages --------------------------------------------------------------------------------------


def _list_url(meeting):
    return reverse("mirror_list", args=[meeting.region.slug, meeting.pk])


def _mirror_url(meeting, source):
    return reverse("item_mirror", args=[meeting.region.slug, meeting.pk, source.pk])


def _perspective_url(item):
    return reverse("client_perspective_edit", args=[item.region.slug, item.meeting_id, item.pk])


def test_m14_mirror_page_lists_and_mirrors(client, target, source, cv_supporter):
    client.force_login(cv_supporter)
    response = client.get(_list_url(target))
    assert response.status_code == 200
    assert [row["source"] for row in response.context["rows"]] == [source]
    assert client.post(_mirror_url(target, source)).status_code == 302
    item = AgendaItem.objects.get(mirrors=source)
    assert item.meeting == target
    rows = client.get(_list_url(target)).context["rows"]
    assert rows[0]["mirrored_as"] == item.pk
    # A second press shows a message; nothing doubles.
    assert client.post(_mirror_url(target, source)).status_code == 302
    assert AgendaItem.objects.filter(mirrors=source).count() == 1


def test_m14_mirror_page_of_another_kind_of_body_offers_nothing(client, meeting, source, supporter):
    client.force_login(supporter)
    response = client.get(_list_url(meeting))
    assert response.status_code == 200
    assert response.context["can_mirror"] is False
    assert response.context["rows"] == []
    assert client.post(_mirror_url(meeting, source)).status_code == 404
    assert not AgendaItem.objects.filter(mirrors=source).exists()


def test_m14_confidential_item_cannot_be_mirrored_through_the_page(
    client, target, source, cv_supporter
):
    source.confidential = True
    source.save()
    client.force_login(cv_supporter)
    assert client.get(_list_url(target)).context["rows"] == []
    assert client.post(_mirror_url(target, source)).status_code == 404
    assert not AgendaItem.objects.filter(mirrors=source).exists()


@pytest.mark.parametrize("who", ["member", "cv_member"])
def test_m14_mirror_pages_are_403_for_those_who_do_not_lead_the_meeting(
    request, client, target, source, who
):
    client.force_login(request.getfixturevalue(who))
    assert client.get(_list_url(target)).status_code == 403
    assert client.post(_mirror_url(target, source)).status_code == 403
    assert not AgendaItem.objects.filter(mirrors=source).exists()


def test_m14_mirror_pages_are_404_for_another_region(client, target, source, outsider):
    client.force_login(outsider)
    assert client.get(_list_url(target)).status_code == 404
    assert client.post(_mirror_url(target, source)).status_code == 404


def test_m14_client_perspective_page(client, target, source, cv_supporter):
    item = services.agenda_item_mirror(actor=cv_supporter, meeting=target, source_item=source)
    client.force_login(cv_supporter)
    url = _perspective_url(item)
    assert client.get(url).status_code == 200
    response = client.post(url, {"client_perspective": "Ouders vragen om duidelijke taal."})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.client_perspective == "Ouders vragen om duidelijke taal."
    refused = client.post(url, {"client_perspective": ""})
    assert refused.status_code == 200
    assert refused.context["form"].errors["client_perspective"]


def test_m14_client_perspective_page_permissions(
    client, target, source, cv_supporter, member, outsider
):
    item = services.agenda_item_mirror(actor=cv_supporter, meeting=target, source_item=source)
    url = _perspective_url(item)
    client.force_login(member)
    assert client.get(url).status_code == 403
    assert client.post(url, {"client_perspective": "x"}).status_code == 403
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    item.refresh_from_db()
    assert item.client_perspective == ""


def test_m14_client_perspective_page_is_404_for_an_item_not_mirrored(client, meeting, supporter):
    plain = f.AgendaItemFactory(meeting=meeting)
    client.force_login(supporter)
    assert client.get(_perspective_url(plain)).status_code == 404


# --- S4: advice requests to the parent body ------------------------------------------------------


@pytest.fixture
def advice_request(parent):
    return AdviceRequest.objects.create(
        region=parent.region,
        body=parent,
        requester_kind=RequesterKind.DEPARTMENT,
        requester_name="Departement WVG",
        title="Advies over de regionale toegang",
        question="Hoe maken we de toegang tot jeugdhulp eenvoudiger?",
        deadline=timezone.localdate() + datetime.timedelta(days=40),
        status=AdviceStatus.RECEIVED,
    )


def _advice_url(meeting, advice):
    return reverse("advice_mirror", args=[meeting.region.slug, meeting.pk, advice.pk])


def test_m14_consultation_mirrors_an_advice_request_of_the_parent_body(
    target, advice_request, cv_supporter
):
    item = services.advice_request_mirror(
        actor=cv_supporter, meeting=target, advice_request=advice_request
    )
    assert (item.meeting, item.mirrors_advice, item.item_type) == (
        target,
        advice_request,
        ItemType.ADVICE,
    )
    assert item.explanation == advice_request.question
    assert AuditEvent.objects.filter(action="agenda_item.mirror_advice").count() == 1
    services.client_perspective_record(
        actor=cv_supporter, item=item, text="Ouders willen één loket."
    )
    item.refresh_from_db()
    assert item.client_perspective == "Ouders willen één loket."
    with pytest.raises(ConflictError):
        services.advice_request_mirror(
            actor=cv_supporter, meeting=target, advice_request=advice_request
        )


def test_m14_an_advice_request_already_answered_is_not_mirrored(
    target, advice_request, cv_supporter
):
    AdviceRequest.objects.filter(pk=advice_request.pk).update(
        status=AdviceStatus.ADVICE_GIVEN,
        advice_text="Eén loket.",
        advice_given_at=timezone.now(),
        decision_rule="consensus",
    )
    with pytest.raises(DomainError) as error:
        services.advice_request_mirror(
            actor=cv_supporter, meeting=target, advice_request=advice_request
        )
    assert error.value.code == "not_mirrorable"
    assert not services.mirrorable_advice_requests(target.body).exists()


def test_m14_only_the_consultation_of_the_requested_body_mirrors_its_advice_requests(
    meeting, advice_request, supporter
):
    with pytest.raises(DomainError) as error:
        services.advice_request_mirror(
            actor=supporter, meeting=meeting, advice_request=advice_request
        )
    assert error.value.code == "not_parent"
    assert not AgendaItem.objects.filter(mirrors_advice=advice_request).exists()


def test_m14_mirror_page_lists_and_mirrors_advice_requests(
    client, target, advice_request, cv_supporter, cv_member
):
    client.force_login(cv_member)
    assert client.post(_advice_url(target, advice_request)).status_code == 403
    client.force_login(cv_supporter)
    rows = client.get(_list_url(target)).context["advice_rows"]
    assert [row["request"] for row in rows] == [advice_request]
    assert client.post(_advice_url(target, advice_request)).status_code == 302
    item = AgendaItem.objects.get(mirrors_advice=advice_request)
    assert client.get(_list_url(target)).context["advice_rows"][0]["mirrored_as"] == item.pk
    page = client.get(_perspective_url(item))
    assert page.status_code == 200
    assert advice_request.question in page.content.decode()

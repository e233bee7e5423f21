"""The meeting pages: who may see and do what (a member of another body, a guest, the other
region), and the forms go through the same services."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from aantafel.meetings.models import (
    AgendaItem,
    Attendance,
    Document,
    ItemProposal,
    Meeting,
    MeetingStatus,
    ProposalStatus,
    Response,
)

from .. import factories as f
from .conftest import pdf_upload


def _url(name, meeting_or_body, *extra):
    return reverse(name, args=[meeting_or_body.region.slug, meeting_or_body.pk, *extra])


@pytest.fixture
def published(body, supporter, member, chair):
    meeting = f.MeetingFactory(body=body, published=True)
    f.AgendaItemFactory(meeting=meeting, title="Openbaar punt")
    secret = f.AgendaItemFactory(meeting=meeting, title="Geheim punt", confidential=True)
    document = Document.objects.create(
        region=body.region,
        item=secret,
        title="Vertrouwelijke nota",
        file=pdf_upload("nota.pdf"),
        original_name="nota.pdf",
        content_type="application/pdf",
        size=10,
    )
    for user in (supporter, member, chair):
        f.AttendanceFactory(meeting=meeting, user=user)
    meeting.secret_document = document
    return meeting


def test_meeting_page_shows_the_agenda_to_the_region_but_confidential_items_to_members_only(
    client, published, member, other_body_member, guest
):
    url = _url("meeting_detail", published)
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    assert "Geheim punt" in response.text
    for viewer in (other_body_member, guest):
        client.force_login(viewer)
        response = client.get(url)
        assert response.status_code == 200
        assert "Openbaar punt" in response.text
        assert "Geheim punt" not in response.text


def test_confidential_documents_are_404_outside_the_table(
    client, published, member, other_body_member, guest, outsider
):
    url = _url("document_download", published, published.secret_document.pk)
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    for viewer in (other_body_member, guest, outsider):
        client.force_login(viewer)
        assert client.get(url).status_code == 404


def test_the_other_region_gets_404_on_every_meeting_page(client, published, outsider):
    client.force_login(outsider)
    item = published.items.first()
    for url in (
        _url("meeting_detail", published),
        _url("meeting_edit", published),
        _url("item_add", published),
        _url("item_edit", published, item.pk),
        _url("document_add", published, item.pk),
        _url("attendance_record", published),
        _url("body_meetings", published.body),
        _url("proposal_submit", published.body),
        _url("proposal_list", published.body),
    ):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize(
    "name", ["meeting_edit", "meeting_cancel", "item_add", "attendance_record"]
)
def test_running_the_cycle_is_for_the_supporter(client, published, member, guest, name):
    for viewer in (member, guest):
        client.force_login(viewer)
        assert client.get(_url(name, published)).status_code == 403


def test_a_guest_and_a_member_of_another_body_cannot_bring_in_items(
    client, body, guest, other_body_member
):
    for viewer in (guest, other_body_member):
        client.force_login(viewer)
        assert client.get(_url("proposal_submit", body)).status_code == 403
        assert client.get(_url("proposal_list", body)).status_code == 403


def test_plan_page_plans_a_series(client, body, supporter):
    client.force_login(supporter)
    day = timezone.localdate() + datetime.timedelta(days=30)
    response = client.post(
        _url("meeting_plan", body),
        {
            "date": day.isoformat(),
            "start": "14:00",
            "end": "16:00",
            "location": "Hasselt",
            "repeat": "monthly",
            "count": "3",
        },
    )
    assert response.status_code == 302
    assert Meeting.objects.filter(body=body).count() == 3


def test_plan_page_shows_the_services_refusal_beside_the_field(client, body, supporter):
    client.force_login(supporter)
    response = client.post(
        _url("meeting_plan", body),
        {"date": "2020-01-01", "start": "14:00", "end": "16:00", "location": "Hasselt"},
    )
    assert response.status_code == 200
    assert (
        response.context["form"].errors["starts_at"]
        if "starts_at" in response.context["form"].fields
        else response.context["form"].non_field_errors()
    )
    assert not Meeting.objects.exists()


def test_member_brings_in_an_item_with_a_document_and_the_chair_accepts_it(
    client, body, member, chair
):
    meeting = f.MeetingFactory(body=body)
    client.force_login(member)
    response = client.post(
        _url("proposal_submit", body),
        {
            "title": "Wachtlijsten",
            "explanation": "Uitleg",
            "desired_type": "discussion",
            "meeting": meeting.pk,
            "document": pdf_upload(),
        },
    )
    assert response.status_code == 302
    proposal = ItemProposal.objects.get()
    assert proposal.documents.count() == 1
    client.force_login(chair)
    response = client.post(
        _url("proposal_decide", body, proposal.pk),
        {"decision": "accept", "meeting": meeting.pk},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert AgendaItem.objects.get(proposal=proposal).documents.count() == 1


def test_a_forbidden_file_is_refused_and_nothing_is_saved(client, body, member):
    client.force_login(member)
    response = client.post(
        _url("proposal_submit", body),
        {
            "title": "Met virus",
            "desired_type": "discussion",
            "document": pdf_upload("x.pdf", b"MZ\x90\x00not a pdf"),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["document"]
    assert not ItemProposal.objects.exists()


def test_publish_and_answer_through_the_pages(client, body, supporter, member, mailoutbox):
    meeting = f.MeetingFactory(body=body)
    f.AgendaItemFactory(meeting=meeting)
    client.force_login(supporter)
    assert client.post(_url("meeting_publish", meeting)).status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PUBLISHED
    client.force_login(member)
    client.post(_url("attendance_respond", meeting), {"response": "apologies"})
    assert Attendance.objects.get(meeting=meeting, user=member).response == Response.APOLOGIES


def test_meeting_page_query_count_does_not_grow_with_items_and_documents(
    client, body, supporter, django_assert_max_num_queries
):
    meeting = f.MeetingFactory(body=body, published=True)

    def fill(items: int, docs_per_item: int):
        for _ in range(items):
            item = f.AgendaItemFactory(meeting=meeting)
            f.DecisionFactory(item=item)
            f.ActionFactory(body=body, meeting=meeting, item=item, owner=supporter)
            for _ in range(docs_per_item):
                Document.objects.create(
                    region=body.region,
                    item=item,
                    title="Stuk",
                    file="meetings/x",
                    original_name="x.pdf",
                    content_type="application/pdf",
                    size=1,
                )
        for _ in range(items):
            f.AttendanceFactory(meeting=meeting)

    client.force_login(supporter)
    fill(2, 1)
    with django_assert_max_num_queries(40) as small:
        assert client.get(_url("meeting_detail", meeting)).status_code == 200
    fill(28, 2)  # 30 items, 58 + 2 documents
    with django_assert_max_num_queries(40) as large:
        assert client.get(_url("meeting_detail", meeting)).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)

"""M11: the agenda, the documents and the minutes as archival PDFs (PDF/A-3b) in the region's
style. The PDFs are real: rendered by WeasyPrint and read back (tests/pdf_text.py)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from aantafel.meetings.models import (
    Document,
    ItemType,
    MeetingStatus,
    Minutes,
    MinutesStatus,
    MinutesVersion,
)
from tests import factories as f
from tests import pdf_text


@pytest.fixture
def meeting(body, chair):
    start = timezone.make_aware(datetime.datetime(2025, 3, 4, 14, 0))
    meeting = f.MeetingFactory(
        body=body,
        published=True,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        title="Voorjaarsoverleg",
    )
    first = f.AgendaItemFactory(
        meeting=meeting,
        position=1,
        title="Wachtlijsten rechtstreeks toegankelijke hulp",
        item_type=ItemType.DECISION,
        presenter=chair,
        duration_minutes=30,
        client_impact="Jongeren wachten korter op een eerste gesprek.",
    )
    f.AgendaItemFactory(
        meeting=meeting,
        position=2,
        title="Dossier Vertrouwelijk Zorgbedrijf",
        confidential=True,
        duration_minutes=20,
    )
    f.AgendaItemFactory(meeting=meeting, position=3, title="Rondvraag", duration_minutes=10)
    Document.objects.create(
        region=meeting.region,
        item=first,
        title="Nota wachtlijsten",
        file="meetings/1/nota",
        original_name="nota-wachtlijsten.pdf",
        content_type="application/pdf",
        size=2048,
        late=True,
    )
    return meeting


@pytest.fixture
def other_body_member(region):
    """A member of the region who sits in another body: no right to confidential items here."""
    return f.MembershipFactory(body=f.BodyFactory(region=region, name="Werkgroep")).user


def _url(name, meeting):
    return reverse(name, args=[meeting.region.slug, meeting.pk])


def _assert_pdfa(response, title_part):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    pdf = response.content
    assert pdf.startswith(b"%PDF-")
    xmp = pdf_text.metadata(pdf)
    assert 'pdfaid:part="3"' in xmp
    assert 'pdfaid:conformance="B"' in xmp
    assert title_part in xmp  # dc:title
    assert _catalog_has(pdf, b"/Lang (nl)")  # the document's language
    assert "IROJ Limburg" in xmp  # dc:creator: the body and the region
    return pdf


def test_m11_agenda_pdf_is_pdfa_with_time_slots_in_region_style(client, meeting, member):
    client.force_login(member)
    response = client.get(_url("meeting_agenda_pdf", meeting))
    pdf = _assert_pdfa(response, "Kerngroep RTJ")
    assert "agenda-kerngroep-rtj-2025-03-04.pdf" in response["Content-Disposition"]
    text = pdf_text.text(pdf)
    assert "Wachtlijsten rechtstreeks toegankelijke hulp" in text
    # Time slots follow from the start and the durations before: 14:00–14:30, 14:30–14:50, …
    assert "14:00–14:30" in text
    assert "14:30–14:50" in text
    assert "14:50–15:00" in text
    assert meeting.body.memberships.get(role="chair").user.full_name in text  # presenter
    assert "Jongeren wachten korter op een eerste gesprek." in text
    assert "Nota wachtlijsten" in text
    # A seated member sees the confidential item.
    assert "Dossier Vertrouwelijk Zorgbedrijf" in text
    # The region's theme colour (limburg-be: #1b5e3b) fills the title band.
    assert _fill(pdf, "#1b5e3b")


def test_m11_agenda_pdf_leaves_out_confidential_items_for_others(
    client, meeting, other_body_member
):
    client.force_login(other_body_member)
    text = pdf_text.text(client.get(_url("meeting_agenda_pdf", meeting)).content)
    assert "Wachtlijsten rechtstreeks toegankelijke hulp" in text
    assert "Dossier Vertrouwelijk Zorgbedrijf" not in text
    # The times stay the real ones: the next item still starts when the meeting gets to it.
    assert "14:50–15:00" in text
    assert "3. Rondvraag" in text  # and keeps its number


def test_m11_documents_pdf_lists_documents_with_late_marker(client, meeting, member):
    client.force_login(member)
    response = client.get(_url("meeting_documents_pdf", meeting))
    pdf = _assert_pdfa(response, "Kerngroep RTJ")
    assert "stukken-kerngroep-rtj-2025-03-04.pdf" in response["Content-Disposition"]
    text = pdf_text.text(pdf)
    assert "Nota wachtlijsten" in text
    assert "wachtlijsten.pdf" in text  # the original file name (may wrap at its hyphen)
    assert "2.0 KB" in text or "2,0 KB" in text


def test_m11_minutes_pdf_is_the_highest_approved_version(client, meeting, other_body_member):
    meeting.status = MeetingStatus.MINUTES_APPROVED
    meeting.save()
    minutes = Minutes.objects.create(
        region=meeting.region,
        meeting=meeting,
        status=MinutesStatus.APPROVED,
        text="<p>Werktekst na de laatste correctie.</p>",
        approved_at=timezone.now(),
    )
    for number, text in (
        (1, "<p>Eerste versie.</p>"),
        (2, "<p>Gecorrigeerde versie &amp; meer.</p>"),
    ):
        MinutesVersion.objects.create(
            region=meeting.region, minutes=minutes, number=number, text=text, reason="Typfout"
        )
    client.force_login(other_body_member)  # approved minutes are for everyone in the region
    response = client.get(_url("meeting_minutes_pdf", meeting))
    pdf = _assert_pdfa(response, "Kerngroep RTJ")
    assert "verslag-kerngroep-rtj-2025-03-04.pdf" in response["Content-Disposition"]
    text = pdf_text.text(pdf)
    assert "Gecorrigeerde versie & meer." in text
    assert "Eerste versie." not in text


def test_m11_draft_minutes_only_for_seated_members_and_marked_draft(
    client, meeting, member, other_body_member
):
    Minutes.objects.create(
        region=meeting.region,
        meeting=meeting,
        text="<p>Ontwerptekst van het verslag.</p><script>alert(1)</script>",
    )
    url = _url("meeting_minutes_pdf", meeting)
    client.force_login(other_body_member)
    assert client.get(url).status_code == 403
    client.force_login(member)
    response = client.get(url)
    pdf = _assert_pdfa(response, "Kerngroep RTJ")
    # Marked as a draft in its name (and on its first page).
    assert "verslag-ontwerp-kerngroep-rtj-2025-03-04.pdf" in response["Content-Disposition"]
    text = pdf_text.text(pdf)
    assert "Ontwerptekst van het verslag." in text
    assert "alert" not in text


def test_m11_minutes_pdf_404_without_minutes(client, meeting, member):
    client.force_login(member)
    assert client.get(_url("meeting_minutes_pdf", meeting)).status_code == 404


@pytest.mark.parametrize(
    "name", ["meeting_agenda_pdf", "meeting_documents_pdf", "meeting_minutes_pdf"]
)
def test_m11_pdfs_are_404_for_another_region_and_need_login(client, meeting, outsider, name):
    url = _url(name, meeting)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    # Nor under the outsider's own region's slug.
    other = reverse(name, args=[outsider.region_memberships.get().region.slug, meeting.pk])
    assert client.get(other).status_code == 404


def _catalog_has(pdf: bytes, entry: bytes) -> bool:
    return entry in pdf or any(entry in data for data in pdf_text.streams(pdf).values())


def _fill(pdf: bytes, colour: str) -> bool:
    """Whether the page draws in this colour (a PDF `r g b rg` fill operator)."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    operator = f"{r:.6f} {g:.6f} {b:.6f} rg".encode()
    return any(operator in data for data in pdf_text.streams(pdf).values())

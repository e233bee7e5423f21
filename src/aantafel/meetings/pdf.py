"""M11: the agenda, the documents list and the minutes of a meeting as archival PDFs (PDF/A-3b),
in the region's style, made with WeasyPrint from the templates under meetings/pdf/.

WeasyPrint is imported only inside `render_pdf`: it loads pango and fonts, which pages that make
no PDF should not pay for. The PDF may hold only what the person asking may see: confidential
items (M4) only for the body's seated members, draft minutes likewise.
"""

import dataclasses
import datetime
import re
import warnings
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import linebreaks
from django.utils.http import content_disposition_header
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

from aantafel.core.typing import AnyUser

from .models import AgendaItem, Document, Meeting, Minutes, MinutesStatus, MinutesVersion
from .queries import time_slots
from .services.minutes import sanitize_minutes_html

# PDF/A-3b: the ISO archival standard (fonts embedded, sRGB output intent, XMP metadata),
# the variant the Dutch and Flemish archives accept for born-digital records.
PDF_VARIANT = "pdf/a-3b"
# Archival documents of the bodies are Dutch; the PDF says so in its metadata.
PDF_LANGUAGE = "nl"

_LOOKS_LIKE_HTML = re.compile(r"<(p|br|ul|ol|li|h\d|strong|em|b|i|table|div)[\s>/]", re.I)


def render_pdf(html: str, *, base_url: str) -> bytes:
    """HTML → PDF/A-3b bytes. Nothing is fetched from the network or the disk: the templates
    carry their styles inline and use the fonts installed on the machine."""
    import weasyprint

    fetcher = weasyprint.URLFetcher(allowed_protocols=("data",))
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    with warnings.catch_warnings():
        # WeasyPrint 70 opens its own sRGB profile for the PDF/A output intent and leaves the
        # file to the garbage collector (weasyprint/pdf/__init__.py); nothing of ours leaks.
        warnings.filterwarnings(
            "ignore", category=ResourceWarning, message=r"unclosed file .*sRGB2014\.icc"
        )
        return document.write_pdf(pdf_variant=PDF_VARIANT)


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )


def pdf_filename(kind: str, name: str, when: datetime.date | int) -> str:
    """E.g. `agenda-kerngroep-rtj-2025-03-04.pdf`, `jaarverslag-kerngroep-rtj-2024.pdf`: what it
    is, of which body, of which day or year."""
    stamp = f"{when:%Y-%m-%d}" if isinstance(when, datetime.date) else str(when)
    return f"{slugify(kind)}-{slugify(name)}-{stamp}.pdf"


def theme_css() -> str:
    """The region themes' design tokens (static/css/themes.css), inlined so the PDF takes its
    colours from the same single place as the pages."""
    path = finders.find("css/themes.css")
    return Path(str(path)).read_text(encoding="utf-8") if path else ""


def render_template_pdf(
    request: HttpRequest, template: str, context: dict, *, region_theme: str
) -> bytes:
    with translation.override(PDF_LANGUAGE):
        html = render_to_string(
            template,
            {
                **context,
                "theme_css": mark_safe(theme_css()),  # noqa: S308 - our own static file
                "theme": region_theme,
                "generated_at": timezone.localtime(),
                "pdf_language": PDF_LANGUAGE,
            },
            request=request,
        )
    return render_pdf(html, base_url=request.build_absolute_uri("/"))


def minutes_html(text: str) -> SafeString:
    """Minutes are HTML from the editor (cleaned when saved, and again here: the PDF never
    trusts stored markup) or plain text; either way only safe markup remains."""
    if _LOOKS_LIKE_HTML.search(text or ""):
        return mark_safe(sanitize_minutes_html(text))  # noqa: S308 - cleaned by nh3
    return mark_safe(linebreaks(text or "", autoescape=True))  # noqa: S308 - escaped


@dataclasses.dataclass
class DocumentLine:
    number: int  # the item's number on the agenda
    item: AgendaItem
    document: Document
    url: str


@dataclasses.dataclass
class AgendaLine:
    """An item with its number and time slot on the whole agenda."""

    number: int
    item: AgendaItem
    starts: datetime.datetime
    ends: datetime.datetime


@dataclasses.dataclass
class AgendaExport:
    meeting: Meeting
    rows: list[AgendaLine]
    documents: list[DocumentLine]


def agenda_export(meeting: Meeting, user: AnyUser, request: HttpRequest) -> AgendaExport:
    """M4/M11: the agenda with time slots (the meeting's start plus the items before), type,
    presenter, what it means for clients and the documents of each item. Two queries.

    Confidential items are left out unless the person has meetings.view_confidential (the
    body's seated members; the rule reads the body, so the answer is the same for every item
    of the meeting). The slots are computed over the whole agenda first, so the times shown
    are the times the items really come up."""
    everything = (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("presenter", "minutes_of")
        .prefetch_related(Prefetch("documents", queryset=Document.objects.order_by("created_at")))
    )
    rows = [
        AgendaLine(number, slot.item, slot.starts, slot.ends)
        for number, slot in enumerate(time_slots(meeting, list(everything)), start=1)
    ]
    if not user.has_perm("meetings.view_confidential", meeting):
        rows = [row for row in rows if not row.item.confidential]
    documents = [
        DocumentLine(
            row.number,
            row.item,
            doc,
            request.build_absolute_uri(
                reverse("document_download", args=[meeting.region.slug, meeting.pk, doc.pk])
            ),
        )
        for row in rows
        for doc in row.item.documents.all()
    ]
    return AgendaExport(meeting, rows, documents)


def agenda_pdf(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    export = agenda_export(meeting, request.user, request)
    pdf = render_template_pdf(
        request,
        "meetings/pdf/agenda.html",
        {"export": export, "meeting": meeting, "body": meeting.body, "region": meeting.region},
        region_theme=meeting.region.theme,
    )
    day = timezone.localdate(meeting.starts_at)
    return pdf_response(pdf, pdf_filename("agenda", meeting.body.name, day))


def documents_pdf(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    """M5/M11: the meeting documents (vergaderstukken) per item, late ones marked."""
    export = agenda_export(meeting, request.user, request)
    pdf = render_template_pdf(
        request,
        "meetings/pdf/documents.html",
        {"export": export, "meeting": meeting, "body": meeting.body, "region": meeting.region},
        region_theme=meeting.region.theme,
    )
    day = timezone.localdate(meeting.starts_at)
    return pdf_response(pdf, pdf_filename("stukken", meeting.body.name, day))


@dataclasses.dataclass
class MinutesExport:
    meeting: Meeting
    minutes: Minutes
    text: SafeString
    version: MinutesVersion | None  # None: the current draft

    @property
    def is_draft(self) -> bool:
        return self.version is None


def minutes_export(meeting: Meeting, user: AnyUser) -> MinutesExport:
    """M10/M11: the approved minutes — the highest frozen version — or, while there is none,
    the current draft, which only the body's seated members and those who run its cycle may
    read (as on the minutes page; else 403)."""
    minutes = Minutes.objects.filter(meeting=meeting).select_related("approved_in").first()
    if minutes is None:
        raise Http404
    version = (
        MinutesVersion.objects.filter(minutes=minutes)
        .select_related("created_by")
        .order_by("-number")
        .first()
    )
    if version is None and not (
        user.has_perm("meetings.view_confidential", meeting)
        or user.has_perm("meetings.manage_meeting", meeting)
    ):
        raise PermissionDenied
    text = version.text if version else minutes.text
    return MinutesExport(meeting, minutes, minutes_html(text), version)


def minutes_pdf(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    export = minutes_export(meeting, request.user)
    pdf = render_template_pdf(
        request,
        "meetings/pdf/minutes.html",
        {
            "export": export,
            "meeting": meeting,
            "body": meeting.body,
            "region": meeting.region,
            "approved": export.minutes.status == MinutesStatus.APPROVED,
        },
        region_theme=meeting.region.theme,
    )
    day = timezone.localdate(meeting.starts_at)
    kind = "verslag" if export.version else "verslag-ontwerp"
    return pdf_response(pdf, pdf_filename(kind, meeting.body.name, day))

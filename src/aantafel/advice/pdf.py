"""S4: the advice as an archival PDF (PDF/A-3b, meetings.pdf.render_pdf): the question, the
requester, the deadline, the advice, the decision rule, each constituency's view and the
chair's reason when not every constituency had its say. The same bytes go to the page, the
API and the requester's e-mail; it holds nothing a member of the body cannot see."""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from aantafel.bodies.models import Constituency
from aantafel.meetings.pdf import PDF_LANGUAGE, pdf_filename, render_pdf, theme_css

from .models import AdviceRequest, ConstituencyView
from .roles import seat_constituencies


@dataclass
class ViewLine:
    constituency: Constituency
    view: ConstituencyView | None


def view_lines(advice_request: AdviceRequest) -> list[ViewLine]:
    """Every constituency of the body's seats with its view or none, then any constituency whose
    view was recorded while it held a seat that it no longer holds. Two queries."""
    views = {
        v.constituency_id: v
        for v in ConstituencyView.objects.filter(advice_request=advice_request).select_related(
            "constituency", "recorded_by"
        )
    }
    lines = [
        ViewLine(c, views.pop(c.pk, None)) for c in seat_constituencies(advice_request.body_id)
    ]
    lines += [
        ViewLine(v.constituency, v)
        for v in sorted(views.values(), key=lambda v: v.constituency.name)
    ]
    return lines


def advice_pdf_bytes(advice_request: AdviceRequest) -> bytes:
    advice_request = AdviceRequest.objects.select_related("region", "body", "advice_given_by").get(
        pk=advice_request.pk
    )
    region = advice_request.region
    with translation.override(PDF_LANGUAGE), timezone.override(region.timezone):
        html = render_to_string(
            "advice/pdf/advice.html",
            {
                "advice": advice_request,
                "lines": view_lines(advice_request),
                "body": advice_request.body,
                "region": region,
                "theme_css": mark_safe(theme_css()),  # noqa: S308 - our own static file
                "theme": region.theme,
                "generated_at": timezone.localtime(),
                "pdf_language": PDF_LANGUAGE,
            },
        )
    return render_pdf(html, base_url=settings.SITE_URL.rstrip("/") + "/")


def advice_pdf_filename(advice_request: AdviceRequest) -> str:
    given = advice_request.advice_given_at or timezone.now()
    return pdf_filename("advies", advice_request.body.name, timezone.localdate(given))

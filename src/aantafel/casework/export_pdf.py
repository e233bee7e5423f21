"""C8: the family's data export as a PDF (PDF/A-3b, meetings.pdf.render_pdf), in plain language.
The same dictionary as the JSON export (services.privacy.case_export_data): what one shows,
the other shows."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from aantafel.meetings.pdf import PDF_LANGUAGE, render_pdf, theme_css

from .models import Case
from .services.privacy import case_export_data


def case_export_pdf_bytes(case: Case) -> bytes:
    region = case.region
    with translation.override(PDF_LANGUAGE), timezone.override(region.timezone):
        html = render_to_string(
            "casework/family/pdf/export.html",
            {
                "data": case_export_data(case),
                "region": region,
                "theme_css": mark_safe(theme_css()),  # noqa: S308 - our own static file
                "theme": region.theme,
                "generated_at": timezone.localtime(),
                "pdf_language": PDF_LANGUAGE,
            },
        )
    return render_pdf(html, base_url=settings.SITE_URL.rstrip("/") + "/")


def case_export_pdf_filename(case: Case) -> str:
    return f"clientoverleg-{case.reference.lower()}-{timezone.localdate():%Y-%m-%d}.pdf"

"""C6: the agreed work plan for the family, in plain words (language level B1), as a PDF/A
(meetings.pdf.render_pdf): the goals, who does what by when, the actions the client did not
agree to under their own heading, and whom to ask. The same bytes go to the page and to the
family's e-mail. It holds only what the family may see of their own case.
"""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from aantafel.meetings.pdf import PDF_LANGUAGE, render_pdf, theme_css

from .models import Participant, WorkPlan
from .permissions import seated_participants
from .services.plan import plan_layout


@dataclass
class Contact:
    role: str
    name: str
    detail: str
    email: str


def plan_contacts(plan: WorkPlan) -> list[Contact]:
    """The chair and the help coordinator: whom the family can ask about the plan."""
    case = plan.case
    contacts = []
    if case.chair is not None:
        contacts.append(
            Contact(
                role=str(translation.gettext("Chair of the cliëntoverleg")),
                name=case.chair.full_name or str(case.chair),
                detail="",
                email=case.chair.email,
            )
        )
    helper: Participant | None = (
        seated_participants().filter(case=case, is_help_coordinator=True).first()
    )
    if helper is not None:
        contacts.append(
            Contact(
                role=str(translation.gettext("Help coordinator")),
                name=helper.name,
                detail=", ".join(filter(None, [helper.function, helper.organisation])),
                email=helper.email,
            )
        )
    return contacts


def plan_pdf_bytes(plan: WorkPlan) -> bytes:
    plan = WorkPlan.objects.select_related("case", "case__region", "case__chair").get(pk=plan.pk)
    region = plan.case.region
    with translation.override(PDF_LANGUAGE), timezone.override(region.timezone):
        html = render_to_string(
            "casework/plan/pdf/plan.html",
            {
                "plan": plan,
                "case": plan.case,
                "layout": plan_layout(plan),
                "contacts": plan_contacts(plan),
                "region": region,
                "body": None,
                "theme_css": mark_safe(theme_css()),  # noqa: S308 - our own static file
                "theme": region.theme,
                "generated_at": timezone.localtime(),
                "pdf_language": PDF_LANGUAGE,
            },
        )
    return render_pdf(html, base_url=settings.SITE_URL.rstrip("/") + "/")


def plan_pdf_filename(plan: WorkPlan) -> str:
    """E.g. `werkplan-co-7kq3-m9xd-versie-2.pdf`: the opaque reference, nothing of the family."""
    return f"werkplan-{plan.case.reference.lower()}-versie-{plan.version}.pdf"

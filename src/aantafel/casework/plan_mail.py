"""C6: everyone at the table receives the agreed work plan and confirms it.

After the plan is agreed (on commit), one CaseMail per address: the seated participants and the
chair get a notice to log in, read the plan and confirm it; the family's clients with an e-mail
address get the same with the plan in plain words as a PDF. The subject names the case by its
reference and the version only; the bodies hold no case content. A task sends each record once
(casework.tasks.send_case_mail), so a task that runs twice, or a retry, never sends twice.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from . import mail as case_mail
from .models import CaseMail, WorkPlan
from .permissions import seated_participants
from .plan_pdf import plan_pdf_bytes, plan_pdf_filename

KIND_TABLE = "plan_agreed"
KIND_FAMILY = "plan_agreed_family"  # with the plan in plain words attached
KINDS = (KIND_TABLE, KIND_FAMILY)


def recipients(plan: WorkPlan) -> list[tuple[str, str]]:
    """(address, kind) for everyone at the table, each address once: the family's clients
    first (they get the PDF), then the chair and the seated participants."""
    case = plan.case
    seen: set[str] = set()
    result: list[tuple[str, str]] = []

    def add(email: str, kind: str) -> None:
        key = (email or "").strip().lower()
        if key and key not in seen:
            seen.add(key)
            result.append((email.strip(), kind))

    for client in case.clients.select_related("user"):
        add(client.email or (client.user.email if client.user else ""), KIND_FAMILY)
    if case.chair is not None:
        add(case.chair.email, KIND_TABLE)
    for participant in seated_participants().filter(case=case):
        add(participant.email, KIND_TABLE)
    return result


def plan_agreed(plan_id: int) -> None:
    """Queues the mails of an agreed plan. The records are made once per plan (a second call
    only queues what is still unsent): an address is encrypted and cannot be looked up."""
    plan = WorkPlan.objects.select_related("case", "case__chair").filter(pk=plan_id).first()
    if plan is None:
        return
    mails = CaseMail.objects.filter(plan=plan, kind__in=KINDS)
    if not mails.exists():
        CaseMail.objects.bulk_create(
            CaseMail(region_id=plan.region_id, case=plan.case, plan=plan, email=email, kind=kind)
            for email, kind in recipients(plan)
        )
    case_mail.queue(mails.filter(sent_at__isnull=True))


def _message(mail: CaseMail) -> EmailMultiAlternatives:
    plan = mail.plan
    assert plan is not None
    case = plan.case
    url = settings.SITE_URL.rstrip("/") + reverse(
        "case_plan", args=[case.region.slug, case.reference]
    )
    family = mail.kind == KIND_FAMILY
    context = {"plan": plan, "case": case, "region": case.region, "url": url, "family": family}
    subject = render_to_string("casework/plan/email/subject.txt", context).strip()
    text = render_to_string("casework/plan/email/message.txt", context)
    message = EmailMultiAlternatives(subject, text, to=[mail.email])
    if family:
        message.attach(plan_pdf_filename(plan), plan_pdf_bytes(plan), "application/pdf")
    return message


# casework.tasks.send_case_mail builds every case mail through casework.mail, which knows these
# kinds once this module is imported (CaseworkConfig.ready imports it in every process).
case_mail.register(KIND_TABLE, _message)
case_mail.register(KIND_FAMILY, _message)

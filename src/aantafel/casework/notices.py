"""Short notices about a case: the coordinators hear of a new request, the requester gets its
reference, the chair hears of the appointment and of a follow-up consultation the help
coordinator asks for (C1–C3, C7). One CaseMail record per message, sent once by
casework.tasks.send_case_mail. Subjects and bodies carry the case's reference only; whoever may
see more logs in to see it."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse

from . import mail as case_mail
from .models import Case, CaseMail

# The kinds of CaseMail this module sends; each has casework/notices/<kind>_subject.txt and
# <kind>_message.txt.
REQUEST_RECEIVED = "request_received"  # to each coordinator of the region
REQUEST_CONFIRMATION = "request_confirmation"  # to the requester, with the reference only
CHAIR_APPOINTED = "chair_appointed"  # to the chair
FOLLOW_UP_REQUESTED = "follow_up_requested"  # to the chair: plan the follow-up consultation
KINDS = (REQUEST_RECEIVED, REQUEST_CONFIRMATION, CHAIR_APPOINTED, FOLLOW_UP_REQUESTED)


def notice_add(case: Case, kind: str, email: str) -> CaseMail | None:
    """One message to one address, written in the service's transaction and queued once it
    commits: a refused or rolled-back change sends nothing."""
    if not email:
        return None
    mail = CaseMail.objects.create(region_id=case.region_id, case=case, kind=kind, email=email)
    case_mail.queue([mail])
    return mail


def _absolute(name: str, *args: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)


def _case_url(case: Case) -> str:
    """The case's page for whoever sits at its table; the list of cases if that page is not
    mounted (yet)."""
    slug = case.region.slug
    try:
        return _absolute("case_detail", slug, case.reference)
    except NoReverseMatch:
        return _absolute("case_list", slug)


def _message(mail: CaseMail) -> EmailMultiAlternatives:
    case = mail.case
    context = {"reference": case.reference, "region": case.region}
    if mail.kind == REQUEST_RECEIVED:
        context["url"] = _absolute("case_intake", case.region.slug, case.reference)
    elif mail.kind in (CHAIR_APPOINTED, FOLLOW_UP_REQUESTED):
        context["url"] = _case_url(case)
    subject = render_to_string(f"casework/notices/{mail.kind}_subject.txt", context)
    text = render_to_string(f"casework/notices/{mail.kind}_message.txt", context)
    return EmailMultiAlternatives(" ".join(subject.split()), text, to=[mail.email])


for _kind in KINDS:
    case_mail.register(_kind, _message)

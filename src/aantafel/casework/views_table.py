"""The case page and the pages of its table (C4, C5) and consultations. Every page goes through
`case_view`: 404 without a seat, the confidentiality statement first for a non-professional
who has not accepted it (C5), a `view` line in the case log (C8). Pages that change the table
need casework.manage_table (the chair and the coordinator); others at the table get 403."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aantafel.core.errors import DomainError
from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm

from . import mail, queries
from .decorators import STATEMENT, case_view
from .forms_table import ConfidentialityForm, ConsultationForm, NotesForm, ParticipantInviteForm
from .models import Case, Consultation, Participant
from .services import consultations, table
from .workflow import ConsultationStatus

# The case page's permissions, handed to every partial as `perms`.
CASE_PERMS = (
    "manage_table",
    "intake",
    "edit_plan",
    "follow_up",
    "close",
    "read_log",
    "export",
    "withdraw_consent",
)


def _posted(request):
    """The form's data: bound on a POST, even an empty one."""
    return request.POST if request.method == "POST" else None


def _to_case(region, case: Case):
    return redirect("case_detail", region.slug, case.reference)


def _not_now(request, region, case: Case):
    messages.error(request, _("This is not possible now: the table of this case is not open."))
    return _to_case(region, case)


@case_view("case page")
def case_detail(request, region, case, seat):
    """Permission: casework.view_case — the coordinator, the chair, the clients and the
    participants at the table (a non-professional after accepting confidentiality); anyone else
    404. What the partials offer needs its own permission (`perms`)."""
    perms = {name: request.user.has_perm(f"casework.{name}", case) for name in CASE_PERMS}
    return render(
        request,
        "casework/case_detail.html",
        {
            "region": region,
            "case": case,
            "seat": seat,
            "perms": perms,
            "table": queries.case_table(case, seat),
            "consultations": list(consultations.open_consultations(case)),
            "statuses": ConsultationStatus,
        },
    )


@case_view("confidentiality statement", need=STATEMENT)
def case_confidentiality(request, region, case, seat):
    """Permission: anyone at the table (the statement); the form to accept it only for a
    non-professional participant who has not yet accepted (C5). The data protection officer
    and everyone else 404."""
    participant = seat.participant
    must_accept = (
        participant is not None
        and not participant.is_professional
        and participant.confidentiality_accepted_at is None
    )
    form = (
        ConfidentialityForm(_posted(request)) if must_accept or request.method == "POST" else None
    )
    if request.method == "POST" and form is not None:
        if participant is None:
            form.add_error(None, _("Only a participant accepts the duty of confidentiality."))
        elif form.is_valid() and call_service(
            form,
            lambda d: table.confidentiality_accept(actor=request.user, participant=participant),
        ):
            messages.success(
                request, _("Thank you. You have accepted the duty of confidentiality.")
            )
            return _to_case(region, case)
    return render(
        request,
        "casework/table/confidentiality.html",
        {
            "region": region,
            "case": case,
            "seat": seat,
            "form": form,
            "participant": participant,
            "must_accept": must_accept,
        },
    )


@case_view("participant invitation")
def case_participant_invite(request, region, case, seat):
    """Permission: casework.manage_table (the chair and the coordinator); others at the table
    403, everyone else 404. The clients' consent for the participant is part of the form (C4)."""
    require_perm(request.user, "casework.manage_table", case)
    if not case.is_open:
        return _not_now(request, region, case)
    form = ParticipantInviteForm(_posted(request), case=case)
    if request.method == "POST" and form.is_valid():
        participant = call_service(
            form,
            lambda d: table.participant_invite(
                actor=request.user,
                case=case,
                kind=d["kind"],
                name=d["name"],
                email=d["email"],
                organisation=d["organisation"],
                function=d["function"],
                is_help_coordinator=d["is_help_coordinator"],
                consent_given_by=d["consent_given_by"],
                consent_method=d["consent_method"],
                consent_given_at=form.given_at(),
            ),
        )
        if participant is not None:
            messages.success(
                request, _("The participant has been invited and the consent recorded.")
            )
            return _to_case(region, case)
    return render(
        request,
        "casework/table/participant_invite.html",
        {"region": region, "case": case, "seat": seat, "form": form},
    )


@case_view("participant removal")
def case_participant_remove(request, region, case, seat, pk: int):
    """Permission: casework.manage_table (the chair and the coordinator); others at the table
    403, everyone else 404. GET asks to confirm, POST removes."""
    require_perm(request.user, "casework.manage_table", case)
    participant = get_object_or_404(Participant, case=case, pk=pk, removed_at__isnull=True)
    error = None
    if request.method == "POST":
        try:
            table.participant_remove(actor=request.user, case=case, participant=participant)
        except DomainError as refused:
            error = refused.message
        else:
            messages.success(request, _("The participant has left the table."))
            return _to_case(region, case)
    return render(
        request,
        "casework/table/participant_remove.html",
        {"region": region, "case": case, "seat": seat, "participant": participant, "error": error},
    )


@require_POST  # outside: a GET is refused before a view line is written to the case log
@case_view("help coordinator")
def case_help_coordinator(request, region, case, seat, pk: int):
    """Permission: casework.manage_table (the chair and the coordinator); others at the table
    403, everyone else 404. POST only: makes this participant the help coordinator (C7)."""
    require_perm(request.user, "casework.manage_table", case)
    participant = get_object_or_404(Participant, case=case, pk=pk)
    try:
        table.help_coordinator_set(actor=request.user, case=case, participant=participant)
    except DomainError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("The help coordinator has been changed."))
    return _to_case(region, case)


def _waiting(case: Case) -> Consultation | None:
    """A requested follow-up consultation (C7), the one planned next."""
    return (
        Consultation.objects.filter(case=case, status=ConsultationStatus.REQUESTED)
        .order_by("pk")
        .first()
    )


@case_view("consultation planning")
def case_consultation_schedule(request, region, case, seat):
    """Permission: casework.manage_table (the chair and the coordinator); others at the table
    403, everyone else 404. A requested follow-up consultation is the one planned."""
    require_perm(request.user, "casework.manage_table", case)
    if not case.is_open:
        return _not_now(request, region, case)
    waiting = _waiting(case)
    form = ConsultationForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        consultation = call_service(
            form,
            lambda d: consultations.consultation_schedule(
                actor=request.user,
                case=case,
                starts_at=d["starts_at"],
                ends_at=d["ends_at"],
                location=d["location"],
                consultation=waiting,
            ),
        )
        if consultation is not None:
            messages.success(
                request, _("The consultation is planned. Everyone at the table gets an invitation.")
            )
            return _to_case(region, case)
    return render(
        request,
        "casework/table/consultation_schedule.html",
        {"region": region, "case": case, "seat": seat, "form": form, "waiting": waiting},
    )


def _consultation_action(user, case: Case, consultation: Consultation, action: str, forms):
    """Runs one action of the consultation page. Returns the success message and, for the
    status buttons, a refusal; a refusal of the forms lands beside their fields."""
    if action in ("reschedule", "schedule"):
        form = forms["times"]
        if not form.is_valid():
            return None, None

        def times_call(d):
            times = {k: d[k] for k in ("starts_at", "ends_at", "location")}
            if action == "schedule":
                return consultations.consultation_schedule(
                    actor=user, case=case, consultation=consultation, **times
                )
            return consultations.consultation_reschedule(
                actor=user, consultation=consultation, **times
            )

        if call_service(form, times_call) is None:
            return None, None
        if action == "schedule":
            return _("The consultation is planned. Everyone at the table gets an invitation."), None
        return _("The consultation has moved. Everyone at the table gets the new time."), None
    if action == "notes":
        form = forms["notes"]
        saved = form.is_valid() and call_service(
            form,
            lambda d: consultations.consultation_notes_save(
                actor=user, consultation=consultation, notes=d["notes"]
            ),
        )
        return (_("The notes have been saved.") if saved else None), None
    calls = {
        "cancel": (consultations.consultation_cancel, _("The consultation has been cancelled.")),
        "held": (consultations.consultation_mark_held, _("The consultation is marked as held.")),
    }
    if action not in calls:
        return None, _("Choose what to do.")
    service, message = calls[action]
    try:
        service(actor=user, consultation=consultation)
    except DomainError as refused:
        return None, refused.message
    return message, None


@case_view("consultation")
def case_consultation_edit(request, region, case, seat, pk: int):
    """Permission: casework.manage_table (the chair and the coordinator); others at the table
    403, everyone else 404. Plans a requested consultation, moves, cancels or marks a planned
    one as held, and keeps the chair's notes."""
    require_perm(request.user, "casework.manage_table", case)
    consultation = get_object_or_404(Consultation, case=case, pk=pk)
    consultation.case = case
    action = request.POST.get("action", "") if request.method == "POST" else ""
    posted = _posted(request)
    forms = {
        "times": ConsultationForm(
            posted if action in ("reschedule", "schedule") else None, consultation=consultation
        ),
        "notes": NotesForm(
            posted if action == "notes" else None, initial={"notes": consultation.notes}
        ),
    }
    status_error = None
    if request.method == "POST":
        message, status_error = _consultation_action(
            request.user, case, consultation, action, forms
        )
        if message:
            messages.success(request, message)
            if action == "notes":
                return redirect("case_consultation_edit", region.slug, case.reference, pk)
            return _to_case(region, case)
        consultation.refresh_from_db()
        consultation.case = case
    status = consultation.status
    return render(
        request,
        "casework/table/consultation_edit.html",
        {
            "region": region,
            "case": case,
            "seat": seat,
            "consultation": consultation,
            "times_form": forms["times"],
            "notes_form": forms["notes"],
            "status_error": status_error,
            "statuses": ConsultationStatus,
            "can_schedule": status == ConsultationStatus.REQUESTED and case.is_open,
            "can_move": status == ConsultationStatus.SCHEDULED and case.is_open,
            "can_cancel": status in (ConsultationStatus.SCHEDULED, ConsultationStatus.REQUESTED),
            "can_mark_held": status == ConsultationStatus.SCHEDULED
            and consultation.starts_at is not None
            and consultation.starts_at <= timezone.now(),
            "can_write_notes": status != ConsultationStatus.CANCELLED,
        },
    )


@case_view("consultation calendar file")
def case_consultation_ics(request, region, case, seat, pk: int):
    """Permission: casework.view_case — anyone who sees the case; everyone else 404. The
    calendar entry of a planned (or cancelled, or held) consultation, without names."""
    consultation = get_object_or_404(
        Consultation,
        case=case,
        pk=pk,
        status__in=[
            ConsultationStatus.SCHEDULED,
            ConsultationStatus.CANCELLED,
            ConsultationStatus.HELD,
        ],
        starts_at__isnull=False,
    )
    consultation.case = case
    response = HttpResponse(
        mail.consultation_ics(consultation, method=mail.PUBLISH),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{case.reference}.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response

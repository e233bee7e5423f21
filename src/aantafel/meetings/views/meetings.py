"""Pages of a meeting: planning, the agenda, documents, publishing and attendance (M1–M6).
Every view names its permission; a meeting outside the user's region is 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from aantafel.bodies.permissions import body_get_for_user
from aantafel.core.errors import DomainError
from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm
from aantafel.regions.decorators import region_view

from .. import forms, queries, services
from ..models import Action, Document
from ..permissions import item_get_for_user, meeting_get_for_user
from ..services._common import has_started


def _to_meeting(region, meeting):
    return redirect("meeting_detail", region.slug, meeting.pk)


def _run(request, call, done: str) -> bool:
    """Runs a one-button service; its refusal becomes the page's error message."""
    try:
        call()
    except DomainError as error:
        messages.error(request, error.message)
        return False
    messages.success(request, done)
    return True


@login_required
@region_view
def body_meetings(request, region, pk):
    """Permission: meetings.view_meeting (any member of the region)."""
    body = body_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.view_meeting", body)
    meetings = list(queries.body_meetings(body))
    now = timezone.now()
    return render(
        request,
        "meetings/body_meetings.html",
        {
            "body": body,
            "upcoming": [m for m in meetings if m.ends_at >= now],
            "past": [m for m in reversed(meetings) if m.ends_at < now],
            "can_manage": request.user.has_perm("meetings.manage_meeting", body),
            "can_submit": request.user.has_perm("meetings.submit_item", body),
        },
    )


@login_required
@region_view
def meeting_plan(request, region, pk):
    """Permission: meetings.manage_meeting (the body's supporter, region administrator)."""
    body = body_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.manage_meeting", body)
    form = forms.MeetingPlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        repeat = form.cleaned_data["repeat"]
        planned = call_service(
            form,
            lambda d: (
                services.meeting_plan_series(
                    actor=request.user,
                    body=body,
                    details=form.details(),
                    frequency=repeat,
                    count=d["count"],
                )
                if repeat
                else [services.meeting_plan(actor=request.user, body=body, details=form.details())]
            ),
        )
        if planned:
            messages.success(
                request,
                ngettext(
                    "%(n)s meeting has been planned.",
                    "%(n)s meetings have been planned.",
                    len(planned),
                )
                % {"n": len(planned)},
            )
            return _to_meeting(region, planned[0])
    return render(request, "meetings/meeting_form.html", {"form": form, "body": body})


@login_required
@region_view
def meeting_detail(request, region, pk):
    """Permission: meetings.view_meeting (any member of the region); confidential items only
    with meetings.view_confidential (the body's seated members)."""
    meeting = meeting_get_for_user(request.user, region, pk)
    user = request.user
    can_manage = user.has_perm("meetings.manage_meeting", meeting)
    can_view_confidential = user.has_perm("meetings.view_confidential", meeting)
    detail = queries.meeting_detail(
        meeting, user, can_view_confidential=can_view_confidential, can_manage=can_manage
    )
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "detail": detail,
            "can_manage": can_manage,
            "can_lead": user.has_perm("meetings.lead_meeting", meeting),
            "can_view_confidential": can_view_confidential,
            "can_react": user.has_perm("meetings.react", meeting),
            "can_submit": user.has_perm("meetings.submit_item", meeting.body),
            "has_started": has_started(meeting),
            "publish_by": services.publish_deadline(meeting),
            "items_close": services.item_deadline(meeting),
            "today": timezone.localdate(),
            "response_form": forms.ResponseForm(
                initial={"response": detail.my_attendance.response}
                if detail.my_attendance
                else None
            ),
        },
    )


@login_required
@region_view
def meeting_edit(request, region, pk):
    """Permission: meetings.manage_meeting."""
    meeting = meeting_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.manage_meeting", meeting)
    form = forms.MeetingForm(request.POST or None, initial=forms.MeetingForm.initial_for(meeting))
    if request.method == "POST" and form.is_valid():
        if call_service(
            form,
            lambda d: services.meeting_update(
                actor=request.user, meeting=meeting, details=form.details()
            ),
        ):
            messages.success(request, _("The meeting has been saved."))
            return _to_meeting(region, meeting)
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "body": meeting.body, "meeting": meeting},
    )


@login_required
@region_view
def meeting_cancel(request, region, pk):
    """Permission: meetings.manage_meeting."""
    meeting = meeting_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.manage_meeting", meeting)
    form = forms.CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if call_service(
            form,
            lambda d: services.meeting_cancel(
                actor=request.user, meeting=meeting, reason=d["reason"]
            ),
        ):
            messages.success(request, _("The meeting has been cancelled."))
            return _to_meeting(region, meeting)
    return render(
        request,
        "meetings/meeting_cancel.html",
        {"form": form, "body": meeting.body, "meeting": meeting},
    )


@require_POST
@login_required
@region_view
def meeting_publish(request, region, pk):
    """Permission: meetings.manage_meeting."""
    meeting = meeting_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.manage_meeting", meeting)
    _run(
        request,
        lambda: services.meeting_publish(actor=request.user, meeting=meeting),
        _("The agenda has been published and the invitations are on their way."),
    )
    return _to_meeting(region, meeting)


@require_POST
@login_required
@region_view
def meeting_held(request, region, pk):
    """Permission: meetings.manage_meeting."""
    meeting = meeting_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.manage_meeting", meeting)
    _run(
        request,
        lambda: services.meeting_mark_held(actor=request.user, meeting=meeting),
        _("The meeting has been recorded as held. Check who was present."),
    )
    return _to_meeting(region, meeting)


@login_required
@region_view
def item_add(request, region, pk):
    """Permission: meetings.manage_meeting. Once the meeting has started, an item is added
    with the meeting's approval (M3): meetings.lead_meeting (chair too)."""
    meeting = meeting_get_for_user(request.user, region, pk)
    at_meeting = has_started(meeting)
    require_perm(
        request.user, "meetings.lead_meeting" if at_meeting else "meetings.manage_meeting", meeting
    )
    form_class = forms.ItemAtMeetingForm if at_meeting else forms.ItemForm
    form = form_class(request.POST or None, body=meeting.body)
    if request.method == "POST" and form.is_valid():

        def add(d):
            if at_meeting:
                return services.agenda_item_add_at_meeting(
                    actor=request.user,
                    meeting=meeting,
                    item=form.fields_value(),
                    approval=d["approval"],
                )
            return services.agenda_item_add(
                actor=request.user, meeting=meeting, item=form.fields_value()
            )

        if call_service(form, add):
            messages.success(request, _("The item is on the agenda."))
            return _to_meeting(region, meeting)
    return render(
        request,
        "meetings/item_form.html",
        {"form": form, "body": meeting.body, "meeting": meeting, "at_meeting": at_meeting},
    )


@login_required
@region_view
def item_edit(request, region, pk, item_pk):
    """Permission: meetings.lead_meeting (supporter, chair, region administrator)."""
    meeting = meeting_get_for_user(request.user, region, pk)
    item = item_get_for_user(request.user, meeting, item_pk)
    require_perm(request.user, "meetings.lead_meeting", meeting)
    form = forms.ItemForm(
        request.POST or None, body=meeting.body, initial=forms.ItemForm.initial_for(item)
    )
    if request.method == "POST" and form.is_valid():
        if call_service(
            form,
            lambda d: services.agenda_item_update(
                actor=request.user, item=item, fields=form.fields_value()
            ),
        ):
            messages.success(request, _("The item has been saved."))
            return _to_meeting(region, meeting)
    return render(
        request,
        "meetings/item_form.html",
        {"form": form, "body": meeting.body, "meeting": meeting, "item": item},
    )


@require_POST
@login_required
@region_view
def item_move(request, region, pk, item_pk):
    """Permission: meetings.manage_meeting."""
    meeting = meeting_get_for_user(request.user, region, pk)
    item = item_get_for_user(request.user, meeting, item_pk)
    require_perm(request.user, "meetings.manage_meeting", meeting)
    direction = -1 if request.POST.get("direction") == "up" else 1
    try:
        services.agenda_item_move(actor=request.user, item=item, direction=direction)
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(f"{_to_meeting(region, meeting).url}#item-{item.pk}")


@require_POST
@login_required
@region_view
def item_from_action(request, region, pk, action_pk):
    """Permission: meetings.manage_meeting; an action of a confidential item only with
    meetings.view_confidential (404 otherwise)."""
    meeting = meeting_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.manage_meeting", meeting)
    action = get_object_or_404(
        Action.objects.select_related("item"), body=meeting.body, pk=action_pk
    )
    # An action agreed on a confidential item does not exist for whoever may not see the item.
    if action.item is not None and action.item.confidential:
        if not request.user.has_perm("meetings.view_confidential", meeting):
            raise Http404
    _run(
        request,
        lambda: services.agenda_item_from_action(
            actor=request.user, meeting=meeting, action=action
        ),
        _("The action is on the agenda."),
    )
    return _to_meeting(region, meeting)


@login_required
@region_view
def document_add(request, region, pk, item_pk):
    """Permission: meetings.manage_meeting."""
    meeting = meeting_get_for_user(request.user, region, pk)
    item = item_get_for_user(request.user, meeting, item_pk)
    require_perm(request.user, "meetings.manage_meeting", meeting)
    form = forms.DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        document = call_service(
            form,
            lambda d: services.document_add(
                actor=request.user, upload=d["file"], title=d["title"], item=item
            ),
        )
        if document:
            messages.success(
                request,
                _("The document has been added; the members have been told it came late.")
                if document.late
                else _("The document has been added."),
            )
            return _to_meeting(region, meeting)
    return render(
        request,
        "meetings/document_form.html",
        {"form": form, "body": meeting.body, "meeting": meeting, "item": item},
    )


@login_required
@region_view
def document_download(request, region, pk, document_pk):
    """Permission: meetings.view_meeting; a document of a confidential item only with
    meetings.view_confidential (404 otherwise, so its existence does not leak)."""
    meeting = meeting_get_for_user(request.user, region, pk)
    document = get_object_or_404(
        Document.objects.select_related("item", "proposal"), region=region, pk=document_pk
    )
    if document.item is not None:
        if document.item.meeting_id != meeting.pk:
            raise Http404
        item_get_for_user(request.user, meeting, document.item.pk)
    elif not (
        document.proposal is not None
        and document.proposal.body_id == meeting.body_id
        and (
            request.user.has_perm("meetings.lead_meeting", meeting)
            or document.proposal.submitted_by_id == request.user.pk
        )
    ):
        raise Http404
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
@region_view
def attendance_respond(request, region, pk):
    """Permission: the person invited, for their own answer (the service checks the
    invitation)."""
    meeting = meeting_get_for_user(request.user, region, pk)
    form = forms.ResponseForm(request.POST)
    if form.is_valid():
        _run(
            request,
            lambda: services.attendance_respond(
                actor=request.user, meeting=meeting, response=form.cleaned_data["response"]
            ),
            _("Thank you, your answer has been saved."),
        )
    else:
        messages.error(request, _("Say whether you come."))
    return redirect(f"{_to_meeting(region, meeting).url}#attendance")


@login_required
@region_view
def attendance_record(request, region, pk):
    """Permission: meetings.manage_meeting."""
    meeting = meeting_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.manage_meeting", meeting)
    attendances = list(
        meeting.attendances.select_related("user", "substitute_for__user").order_by(
            "user__full_name"
        )
    )
    form = forms.PresenceForm(request.POST or None, attendances=attendances)
    if request.method == "POST" and form.is_valid():
        if (
            call_service(
                form,
                lambda d: services.attendance_record(
                    actor=request.user, meeting=meeting, presence=form.presence()
                ),
            )
            is not None
        ):
            messages.success(request, _("Presence has been saved."))
            return redirect(f"{_to_meeting(region, meeting).url}#attendance")
    return render(
        request,
        "meetings/attendance_form.html",
        {"form": form, "body": meeting.body, "meeting": meeting},
    )

"""Pages of the minutes (M10): draft, edit, circulate, approve at the next meeting, correct,
and the versions with what changed. Every view names its permission; lookups outside the
user's region are 404."""

import difflib
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.forms import add_domain_error, call_service
from aantafel.core.permissions import require_perm
from aantafel.regions.decorators import region_view

from .. import services
from ..forms_outcomes import MinutesApproveForm, MinutesCorrectForm, MinutesForm
from ..models import ItemType, Meeting, Minutes, MinutesStatus
from ..permissions import item_get_for_user, meeting_get_for_user
from ..queries_follow_up import minutes_with_versions

_BLOCK_END = re.compile(r"(</(?:p|li|h2|h3|h4|blockquote|tr|caption)>|<br\s*/?>)", re.IGNORECASE)


def _safe(html: str) -> str:
    """Minutes are cleaned when saved; cleaning again on the way out costs little and keeps
    the page safe whatever reached the database."""
    return mark_safe(services.sanitize_minutes_html(html))  # noqa: S308 - cleaned by nh3


def _lines(html: str) -> list[str]:
    """The text of the minutes, one line per paragraph, list item, heading or table row."""
    parts = _BLOCK_END.sub("\n", html or "").splitlines()
    return [line for line in (strip_tags(p).strip() for p in parts) if line]


def text_changes(before: str, after: str) -> list[tuple[str, str]]:
    """What changed between two versions, line by line: ("removed" | "added", text)."""
    kinds = {"- ": "removed", "+ ": "added"}
    return [
        (kinds[line[:2]], line[2:])
        for line in difflib.ndiff(_lines(before), _lines(after))
        if line[:2] in kinds
    ]


def _minutes_of(request, region, pk) -> tuple[Meeting, Minutes]:
    meeting = meeting_get_for_user(request.user, region, pk)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is None:
        raise Http404
    minutes.meeting = meeting
    return meeting, minutes


def _to_minutes(region, meeting):
    return redirect("minutes_detail", region.slug, meeting.pk)


def _may_read(user, meeting: Meeting, minutes: Minutes | None) -> bool:
    """Approved minutes are for the whole region; drafts for the body's members and those who
    run its cycle."""
    if minutes is not None and minutes.status == MinutesStatus.APPROVED:
        return True
    return user.has_perm("meetings.view_confidential", meeting) or user.has_perm(
        "meetings.manage_meeting", meeting
    )


@login_required
@region_view
def minutes_detail(request, region, pk):
    """Permission: meetings.view_meeting for approved minutes (any member of the region); draft
    minutes with meetings.view_confidential (the body's seated members) or
    meetings.manage_meeting."""
    meeting = meeting_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.view_meeting", meeting)
    minutes = minutes_with_versions(meeting)
    if minutes is not None and not _may_read(request.user, meeting, minutes):
        raise PermissionDenied
    approval_item = (
        meeting.approval_items.select_related("meeting").order_by("meeting__starts_at").first()
        if minutes is not None and minutes.status != MinutesStatus.APPROVED
        else None
    )
    return render(
        request,
        "meetings/minutes_detail.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "minutes": minutes,
            "text": _safe(minutes.text) if minutes else "",
            "versions": list(minutes.versions.all()) if minutes else [],
            "approval_item": approval_item,
            "can_manage": request.user.has_perm("meetings.manage_meeting", meeting),
            "can_lead": request.user.has_perm("meetings.lead_meeting", meeting),
        },
    )


@require_POST
@login_required
@region_view
def minutes_draft(request, region, pk):
    """Permission: meetings.manage_meeting (supporter, region administrator)."""
    meeting = meeting_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.manage_meeting", meeting)
    try:
        services.minutes_draft(actor=request.user, meeting=meeting)
    except DomainError as error:
        messages.error(request, error.message)
        return _to_minutes(region, meeting)
    messages.success(request, _("The draft minutes have been prepared from the meeting's record."))
    return redirect("minutes_edit", region.slug, meeting.pk)


@login_required
@region_view
def minutes_edit(request, region, pk):
    """Permission: meetings.manage_meeting (supporter, region administrator)."""
    meeting, minutes = _minutes_of(request, region, pk)
    require_perm(request.user, "meetings.manage_meeting", meeting)
    if minutes.status == MinutesStatus.APPROVED:
        messages.error(
            request, _("These minutes are approved and frozen; make a correction instead.")
        )
        return redirect("minutes_correct", region.slug, meeting.pk)
    form = MinutesForm(
        request.POST or None, initial={"text": minutes.text, "revision": minutes.revision}
    )
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_save(
                actor=request.user,
                minutes=minutes,
                text=form.cleaned_data["text"],
                revision=form.cleaned_data["revision"],
            )
        except DomainError as error:
            conflict = isinstance(error, ConflictError)
            add_domain_error(form, error)
        else:
            messages.success(request, _("The minutes have been saved."))
            return _to_minutes(region, meeting)
    latest = Minutes.objects.get(pk=minutes.pk) if conflict else None
    return render(
        request,
        "meetings/minutes_edit.html",
        {
            "form": form,
            "meeting": meeting,
            "body": meeting.body,
            "minutes": minutes,
            "latest_text": _safe(latest.text) if latest else "",
        },
    )


@require_POST
@login_required
@region_view
def minutes_circulate(request, region, pk):
    """Permission: meetings.manage_meeting (supporter, region administrator)."""
    meeting, minutes = _minutes_of(request, region, pk)
    require_perm(request.user, "meetings.manage_meeting", meeting)
    try:
        services.minutes_circulate(actor=request.user, minutes=minutes)
        messages.success(request, _("The draft minutes have been sent to the members."))
    except DomainError as error:
        messages.error(request, error.message)
    return _to_minutes(region, meeting)


@login_required
@region_view
def minutes_approve(request, region, pk, item_pk):
    """Permission: meetings.lead_meeting of the meeting whose agenda holds the approval item
    (supporter, chair, region administrator)."""
    at_meeting = meeting_get_for_user(request.user, region, pk)
    item = item_get_for_user(request.user, at_meeting, item_pk)
    require_perm(request.user, "meetings.lead_meeting", at_meeting)
    if item.item_type != ItemType.MINUTES_APPROVAL or item.minutes_of_id is None:
        raise Http404
    minutes = (
        Minutes.objects.select_related("meeting").filter(meeting_id=item.minutes_of_id).first()
    )
    if minutes is None:
        raise Http404
    form = MinutesApproveForm(
        request.POST or None, initial={"text": minutes.text, "revision": minutes.revision}
    )
    if request.method == "POST" and form.is_valid():
        changed = services.sanitize_minutes_html(form.cleaned_data["text"]) != minutes.text
        if call_service(
            form,
            lambda d: services.minutes_approve(
                actor=request.user,
                minutes=minutes,
                at_meeting=at_meeting,
                amendments=d["amendments"],
                text=d["text"] if changed else None,
                revision=d["revision"],
            ),
        ):
            messages.success(request, _("The minutes have been approved and frozen."))
            return redirect("minutes_detail", region.slug, minutes.meeting_id)
    return render(
        request,
        "meetings/minutes_approve.html",
        {
            "form": form,
            "meeting": at_meeting,
            "body": at_meeting.body,
            "item": item,
            "minutes": minutes,
        },
    )


@login_required
@region_view
def minutes_correct(request, region, pk):
    """Permission: meetings.manage_meeting (supporter, region administrator)."""
    meeting, minutes = _minutes_of(request, region, pk)
    require_perm(request.user, "meetings.manage_meeting", meeting)
    form = MinutesCorrectForm(request.POST or None, initial={"text": minutes.text})
    if request.method == "POST" and form.is_valid():
        version = call_service(
            form,
            lambda d: services.minutes_correct(
                actor=request.user, minutes=minutes, text=d["text"], reason=d["reason"]
            ),
        )
        if version:
            messages.success(request, _("The correction has been saved as a new version."))
            return redirect("minutes_version", region.slug, meeting.pk, version.number)
    return render(
        request,
        "meetings/minutes_correct.html",
        {"form": form, "meeting": meeting, "body": meeting.body, "minutes": minutes},
    )


@login_required
@region_view
def minutes_version(request, region, pk, number):
    """Permission: meetings.view_meeting (any member of the region: versions are approved)."""
    meeting, minutes = _minutes_of(request, region, pk)
    require_perm(request.user, "meetings.view_meeting", meeting)
    versions = {v.number: v for v in minutes.versions.select_related("created_by")}
    if number not in versions:
        raise Http404
    version, previous = versions[number], versions.get(number - 1)
    return render(
        request,
        "meetings/minutes_version.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "minutes": minutes,
            "version": version,
            "previous": previous,
            "text": _safe(version.text),
            "changes": text_changes(previous.text, version.text) if previous else [],
            "versions": sorted(versions.values(), key=lambda v: v.number),
        },
    )

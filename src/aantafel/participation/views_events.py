"""Staff pages of events (P2), under /regio/<region_slug>/bijeenkomsten/: the list, the event's
page with its attendance per audience, the forms, and the attendee list to check people in on
a phone. Every view names its permission; an event of another region is 404."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from aantafel.core.errors import DomainError
from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm
from aantafel.regions.decorators import region_view
from aantafel.reports import exports
from aantafel.reports.dashboards import Column, Kind, Table

from . import links
from .forms_events import AttendeeFilterForm, EventForm, MediaForm
from .models import Event, EventStatus, Registration, RegistrationStatus
from .services import events as services

PAGE_SIZE = 25
ATTENDEE_PAGE_SIZE = 50


def _event(region, pk: int) -> Event:
    return get_object_or_404(
        Event.objects.select_related("trajectory", "pillar"), region=region, pk=pk
    )


def _posted(request):
    """The form's data: bound on a POST, even an empty one."""
    return request.POST if request.method == "POST" else None


def _done(request, region, event: Event, message: str):
    messages.success(request, message)
    return redirect("event_detail", region.slug, event.pk)


def _event_kwargs(data: dict) -> dict:
    return {
        name: data[name]
        for name in (
            "title",
            "description",
            "programme",
            "place",
            "address",
            "starts_at",
            "ends_at",
            "capacity",
            "audiences",
            "registration_closes_at",
            "trajectory",
            "pillar",
        )
    }


@require_GET
@login_required
@region_view
def event_list(request, region):
    """Permission: participation.view (any member of the region)."""
    require_perm(request.user, "participation.view", region)
    status = request.GET.get("status", "")
    events = (
        Event.objects.filter(region=region)
        .annotate(
            confirmed=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
            ),
            waiting=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)
            ),
        )
        .order_by("-starts_at", "pk")
    )
    if status in EventStatus.values:
        events = events.filter(status=status)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "participation/events/list.html",
        {
            "page": page,
            "status": status,
            "statuses": EventStatus.choices,
            "query": f"status={status}" if status else "",
            "can_manage": request.user.has_perm("participation.manage", region),
        },
    )


@login_required
@region_view
def event_create(request, region):
    """Permission: participation.manage (region administrator, policy staff)."""
    require_perm(request.user, "participation.manage", region)
    form = EventForm(_posted(request), region=region)
    if request.method == "POST" and form.is_valid():
        event = call_service(
            form,
            lambda d: services.event_create(actor=request.user, region=region, **_event_kwargs(d)),
        )
        if isinstance(event, Event):
            return _done(request, region, event, _("The event has been saved as a draft."))
    return render(request, "participation/events/form.html", {"form": form, "new": True})


@require_GET
@login_required
@region_view
def event_detail(request, region, pk):
    """Permission: participation.view (any member of the region); the actions it shows need
    participation.manage."""
    require_perm(request.user, "participation.view", region)
    event = _event(region, pk)
    return render(
        request,
        "participation/events/detail.html",
        {
            "event": event,
            "attendance": services.attendance(event),
            "can_manage": request.user.has_perm("participation.manage", region),
            "statuses": EventStatus,
        },
    )


@login_required
@region_view
def event_edit(request, region, pk):
    """Permission: participation.manage; not for a cancelled event."""
    require_perm(request.user, "participation.manage", region)
    event = _event(region, pk)
    if event.status == EventStatus.CANCELLED:
        messages.error(request, _("The event has been cancelled: it can no longer be changed."))
        return redirect("event_detail", region.slug, event.pk)
    form = EventForm(_posted(request), region=region, initial=EventForm.initial_of(event))
    if request.method == "POST" and form.is_valid():
        if call_service(
            form,
            lambda d: services.event_update(actor=request.user, event=event, **_event_kwargs(d)),
        ):
            return _done(request, region, event, _("The event has been saved."))
    return render(request, "participation/events/form.html", {"form": form, "event": event})


@require_POST
@login_required
@region_view
def event_publish(request, region, pk):
    """Permission: participation.manage. A draft opens for registration on the public site."""
    require_perm(request.user, "participation.manage", region)
    event = _event(region, pk)
    try:
        services.event_publish(actor=request.user, event=event)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("event_detail", region.slug, event.pk)
    return _done(request, region, event, _("The event is open for registration."))


@require_http_methods(["GET", "POST"])
@login_required
@region_view
def event_cancel(request, region, pk):
    """Permission: participation.manage. GET asks to confirm; POST cancels the event and mails
    everyone registered or on the waiting list."""
    require_perm(request.user, "participation.manage", region)
    event = _event(region, pk)
    if request.method == "GET" and event.status == EventStatus.CANCELLED:
        messages.info(request, _("The event has been cancelled already."))
        return redirect("event_detail", region.slug, event.pk)
    if request.method == "POST":
        try:
            services.event_cancel(actor=request.user, event=event)
        except DomainError as error:
            messages.error(request, error.message)
            return redirect("event_detail", region.slug, event.pk)
        return _done(
            request,
            region,
            event,
            _("The event has been cancelled. Everyone registered gets a mail."),
        )
    return render(
        request,
        "participation/events/cancel.html",
        {"event": event, "attendance": services.attendance(event)},
    )


@login_required
@region_view
def event_media(request, region, pk):
    """Permission: participation.manage. The link to the after-movie or photos."""
    require_perm(request.user, "participation.manage", region)
    event = _event(region, pk)
    form = MediaForm(_posted(request), initial={"media_url": event.media_url})
    if request.method == "POST" and form.is_valid():
        if call_service(
            form,
            lambda d: services.event_set_media(
                actor=request.user, event=event, media_url=d["media_url"]
            ),
        ):
            return _done(request, region, event, _("The link has been saved."))
    return render(request, "participation/events/media.html", {"form": form, "event": event})


def _filtered(request, event: Event):
    form = AttendeeFilterForm(request.GET or None)
    filters = form.filters()
    return form, filters, services.attendees(event, **filters)


@require_GET
@login_required
@region_view
def event_attendees(request, region, pk):
    """Permission: participation.manage. The attendee list for check-in on the day: searchable
    by name, a check-in button per person; a fixed number of queries whatever its length."""
    require_perm(request.user, "participation.manage", region)
    event = _event(region, pk)
    form, filters, registrations = _filtered(request, event)
    page = Paginator(
        registrations.only(
            "pk", "name", "audience", "status", "accessibility_needs", "checked_in_at", "event_id"
        ),
        ATTENDEE_PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "participation/events/attendees.html",
        {
            "event": event,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "filters": filters,
            "can_check_in": event.status != EventStatus.CANCELLED,
            "confirmed": RegistrationStatus.CONFIRMED,
        },
    )


@require_POST
@login_required
@region_view
def event_check_in(request, region, pk, registration_pk):
    """Permission: participation.manage. Checks one person in and goes back to the same place
    in the list."""
    require_perm(request.user, "participation.manage", region)
    event = _event(region, pk)
    registration = get_object_or_404(Registration, region=region, event=event, pk=registration_pk)
    try:
        services.registration_check_in(actor=request.user, registration=registration)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(name)s is checked in.") % {"name": registration.name})
    back = {k: request.POST.get(k, "") for k in ("q", "status", "page") if request.POST.get(k)}
    url = reverse("event_attendees", args=[region.slug, event.pk])
    if back:
        url += "?" + urlencode(back)
    return redirect(f"{url}#registration-{registration.pk}")


@require_http_methods(["GET", "POST"])
@login_required
@region_view
def event_check_in_code(request, region, pk, token):
    """Permission: participation.manage. The page the QR code of a confirmation opens when staff
    scan it at the door: the person and their status; checking in is a button (POST), so a scan
    alone changes nothing. A forged code, or one of another event, is 404."""
    require_perm(request.user, "participation.manage", region)
    event = _event(region, pk)
    key = links.check_in_key(token)
    registration = get_object_or_404(Registration, region=region, event=event, key=key)
    if request.method == "POST":
        try:
            services.registration_check_in(actor=request.user, registration=registration)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("%(name)s is checked in.") % {"name": registration.name})
        return redirect(request.path)
    return render(
        request,
        "participation/events/check_in_code.html",
        {"event": event, "r": registration, "confirmed": RegistrationStatus.CONFIRMED},
    )


def _attendee_table(event: Event, registrations) -> Table:
    """The attendee list as a table for CSV and XLSX (reports.exports): name, audience,
    status, checked in, accessibility needs; no e-mail addresses."""
    rows = []
    for r in registrations.iterator():
        checked_in = timezone.localtime(r.checked_in_at) if r.checked_in_at else None
        rows.append(
            [
                r.name,
                r.get_audience_display(),
                r.get_status_display(),
                f"{checked_in:%Y-%m-%d %H:%M}" if checked_in else "",
                r.accessibility_needs,
            ]
        )
    labels = [_("Name"), _("I come as"), _("Status"), _("Checked in"), _("Accessibility needs")]
    columns = [Column(f"c{i}", label, Kind.TEXT) for i, label in enumerate(labels)]
    return Table(key="attendees", caption=event.title, columns=columns, rows=rows)


def _attendee_export(request, region, pk, fmt: str) -> HttpResponse:
    require_perm(request.user, "participation.manage", region)
    event = _event(region, pk)
    _form, _filters, registrations = _filtered(request, event)
    table = _attendee_table(event, registrations)
    name = f"{slugify(_('attendees'))}-{slugify(event.title)[:60]}-{event.starts_at:%Y%m%d}.{fmt}"
    response = (
        exports.csv_response(table, name) if fmt == "csv" else exports.xlsx_response(table, name)
    )
    response["Cache-Control"] = "private, no-store"  # names and needs of people
    return response


@require_GET
@login_required
@region_view
def event_attendees_csv(request, region, pk):
    """Permission: participation.manage. The attendee list as CSV (the page's filters)."""
    return _attendee_export(request, region, pk, "csv")


@require_GET
@login_required
@region_view
def event_attendees_xlsx(request, region, pk):
    """Permission: participation.manage. The attendee list as XLSX (the page's filters)."""
    return _attendee_export(request, region, pk, "xlsx")

"""P2: events of a participation trajectory with registration, waiting list, cancellation and
check-in (PRODUCT.md section 5).

Capacity is never exceeded: every registration, cancellation and change of capacity locks the
Event row first (`select_for_update`), so they run one after another per event and each counts
the confirmed places under the lock. The lock order is always event, then registration.

Privacy: a registrant's name and address never go into an audit event (a Registration prints
as "registration <pk>"); public registrations and cancellations have no actor (None).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_created, audit_record, changes_between, snapshot
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.text import limited_text
from aantafel.core.typing import Actor
from aantafel.regions.models import Region

from .. import links, mail
from ..models import (
    MAX_TEXT,
    AudienceType,
    Event,
    EventStatus,
    Pillar,
    Registration,
    RegistrationStatus,
    Trajectory,
)

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

TITLE_MAX = 200
PLACE_MAX = 200
ADDRESS_MAX = 300
NAME_MAX = 150
ACCESSIBILITY_MAX = 2000

EVENT_AUDITED = [
    "title",
    "place",
    "address",
    "starts_at",
    "ends_at",
    "capacity",
    "audiences",
    "registration_closes_at",
    "status",
    "trajectory",
    "pillar",
    "sequence",
]
# What a registrant's calendar entry shows: a change of these is sent to them as an update.
CALENDAR_FIELDS = ["title", "place", "address", "starts_at", "ends_at"]


class UnknownLinkError(DomainError):
    """A cancellation link that is forged, altered or of no registration (404)."""

    status_code = 404
    code = "unknown_link"


# --- Checks ----------------------------------------------------------------------------------------
def _text(
    value: str, *, field: str, max_length: int, required: "str | _StrPromise | None" = None
) -> str:
    return limited_text(value, field=field, max_length=max_length, required=required)


def _audiences(audiences: Iterable[str]) -> list[str]:
    """The audiences offered, in the order of AudienceType, each once."""
    chosen = set(audiences or ())
    unknown = chosen - set(AudienceType.values)
    if unknown:
        raise DomainError(
            _("Choose who the event is for from the list."),
            field="audiences",
            code="invalid_choice",
        )
    if not chosen:
        raise DomainError(
            _("Choose at least one group the event is for."), field="audiences", code="required"
        )
    return [value for value in AudienceType.values if value in chosen]


def _times(
    starts_at: datetime.datetime | None,
    ends_at: datetime.datetime | None,
    registration_closes_at: datetime.datetime | None,
) -> tuple[datetime.datetime, datetime.datetime]:
    """The start and end, checked."""
    if starts_at is None:
        raise DomainError(_("Give the start of the event."), field="starts_at", code="required")
    if ends_at is None:
        raise DomainError(_("Give the end of the event."), field="ends_at", code="required")
    if ends_at <= starts_at:
        raise DomainError(
            _("The event must end after it starts."), field="ends_at", code="ends_before_start"
        )
    if registration_closes_at is not None and registration_closes_at > starts_at:
        raise DomainError(
            _("Registration must close before the event starts, or when it starts."),
            field="registration_closes_at",
            code="closes_after_start",
        )
    return starts_at, ends_at


def _capacity(capacity: int | None) -> int:
    if capacity is None or capacity < 1:
        raise DomainError(
            _("The event needs room for at least one person."), field="capacity", code="capacity"
        )
    return capacity


def _trajectory_and_pillar(
    region: Region, trajectory: Trajectory | None, pillar: Pillar | None
) -> tuple[Trajectory | None, Pillar | None]:
    """Both of the event's region; the pillar of the trajectory (without one: the pillar's)."""
    if trajectory is not None and trajectory.region_id != region.pk:
        raise DomainError(
            _("Choose a trajectory of this region."), field="trajectory", code="other_region"
        )
    if pillar is None:
        return trajectory, None
    if pillar.region_id != region.pk:
        raise DomainError(_("Choose a pillar of this region."), field="pillar", code="other_region")
    if trajectory is None:
        return pillar.trajectory, pillar
    if pillar.trajectory_id != trajectory.pk:
        raise DomainError(
            _("This pillar belongs to another trajectory."),
            field="pillar",
            code="pillar_of_other_trajectory",
        )
    return trajectory, pillar


def _lock(event: Event) -> Event:
    """The event again, under a row lock: its status and places decide what may happen next."""
    return Event.objects.select_for_update(of=("self",)).select_related("region").get(pk=event.pk)


def _confirmed_count(event: Event) -> int:
    return Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()


def _is_over(event: Event) -> bool:
    return event.starts_at <= timezone.now()


def _audit_event(actor: Actor, action: str, event: Event, before: dict) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=event,
        region=event.region,
        changes=changes_between(before, snapshot(event, EVENT_AUDITED)),
    )


def _audit_registration(actor: Actor, action: str, registration: Registration, before: str) -> None:
    # Status and audience only: never the registrant's name, address or needs.
    audit_record(
        actor=actor,
        action=action,
        target=registration,
        region=registration.event.region,
        changes={"status": [before or None, registration.status]},
    )


def _mail_all(event: Event, statuses: Iterable[str], kind: str) -> None:
    registrations = Registration.objects.filter(event=event, status__in=list(statuses))
    mail.queue([mail.record(r, kind) for r in registrations])


def _fill_places(event: Event) -> list[Registration]:
    """P2: free places go to the waiting list in the order people registered, each with a mail
    and its calendar invitation. The caller holds the event's lock."""
    if event.status != EventStatus.PUBLISHED or _is_over(event):
        return []
    free = event.capacity - _confirmed_count(event)
    if free <= 0:
        return []
    waiting = list(
        Registration.objects.select_for_update(of=("self",))
        .filter(event=event, status=RegistrationStatus.WAITING)
        .order_by("created_at", "pk")[:free]
    )
    now = timezone.now()
    for registration in waiting:
        registration.event = event
        registration.status = RegistrationStatus.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at", "updated_at"])
        _audit_registration(None, "registration.promote", registration, RegistrationStatus.WAITING)
    mail.queue([mail.record(r, mail.PROMOTED) for r in waiting])
    return waiting


# --- Events ----------------------------------------------------------------------------------------
@transaction.atomic
def event_create(
    *,
    actor: Actor,
    region: Region,
    title: str,
    place: str,
    starts_at: datetime.datetime | None,
    ends_at: datetime.datetime | None,
    capacity: int | None,
    audiences: Iterable[str],
    description: str = "",
    programme: str = "",
    address: str = "",
    trajectory: Trajectory | None = None,
    pillar: Pillar | None = None,
    registration_closes_at: datetime.datetime | None = None,
) -> Event:
    """P2: a new event, a draft until it is published: a title and place, an end after its
    start, room for at least one person, the audiences it is for (AudienceType), a trajectory
    and pillar of the region, registration closing no later than the start. Who may (the region
    administrator, policy staff: participation.manage) is checked by the caller."""
    starts, ends = _times(starts_at, ends_at, registration_closes_at)
    trajectory, pillar = _trajectory_and_pillar(region, trajectory, pillar)
    event = Event(
        region=region,
        trajectory=trajectory,
        pillar=pillar,
        title=_text(title, field="title", max_length=TITLE_MAX, required=_("Give the title.")),
        description=_text(description, field="description", max_length=MAX_TEXT),
        programme=_text(programme, field="programme", max_length=MAX_TEXT),
        place=_text(
            place, field="place", max_length=PLACE_MAX, required=_("Say where the event is.")
        ),
        address=_text(address, field="address", max_length=ADDRESS_MAX),
        starts_at=starts,
        ends_at=ends,
        capacity=_capacity(capacity),
        audiences=_audiences(audiences),
        registration_closes_at=registration_closes_at,
        status=EventStatus.DRAFT,
        created_by=actor,
    )
    event.save()
    audit_created(
        actor=actor, action="event.create", target=event, region=region, fields=EVENT_AUDITED
    )
    return event


@transaction.atomic
def event_update(
    *,
    actor: Actor,
    event: Event,
    title: str,
    place: str,
    starts_at: datetime.datetime | None,
    ends_at: datetime.datetime | None,
    capacity: int | None,
    audiences: Iterable[str],
    description: str = "",
    programme: str = "",
    address: str = "",
    trajectory: Trajectory | None = None,
    pillar: Pillar | None = None,
    registration_closes_at: datetime.datetime | None = None,
) -> Event:
    """P2: changes an event that is not cancelled, with the rules of event_create. The capacity
    cannot go below the places already confirmed; more room goes to the waiting list at once. A
    published event whose time, place or title changes is sent to every confirmed registrant as
    an update of their calendar entry (SEQUENCE + 1)."""
    event = _lock(event)
    if event.status == EventStatus.CANCELLED:
        raise ConflictError(
            _("The event has been cancelled: it can no longer be changed."),
            code="event_cancelled",
        )
    starts, ends = _times(starts_at, ends_at, registration_closes_at)
    capacity = _capacity(capacity)
    confirmed = _confirmed_count(event)
    if capacity < confirmed:
        raise DomainError(
            _("%(count)s people have a place already: the capacity cannot be lower.")
            % {"count": confirmed},
            field="capacity",
            code="capacity_below_registered",
        )
    trajectory, pillar = _trajectory_and_pillar(event.region, trajectory, pillar)
    before = snapshot(event, EVENT_AUDITED)
    calendar_before = snapshot(event, CALENDAR_FIELDS)
    event.title = _text(title, field="title", max_length=TITLE_MAX, required=_("Give the title."))
    event.description = _text(description, field="description", max_length=MAX_TEXT)
    event.programme = _text(programme, field="programme", max_length=MAX_TEXT)
    event.place = _text(
        place, field="place", max_length=PLACE_MAX, required=_("Say where the event is.")
    )
    event.address = _text(address, field="address", max_length=ADDRESS_MAX)
    event.starts_at, event.ends_at = starts, ends
    event.capacity = capacity
    event.audiences = _audiences(audiences)
    event.trajectory = trajectory
    event.pillar = pillar
    event.registration_closes_at = registration_closes_at
    moved = snapshot(event, CALENDAR_FIELDS) != calendar_before
    if moved and event.status == EventStatus.PUBLISHED:
        event.sequence += 1
    event.save()
    _audit_event(actor, "event.update", event, before)
    if moved and event.status == EventStatus.PUBLISHED:
        _mail_all(event, [RegistrationStatus.CONFIRMED], mail.EVENT_CHANGED)
    _fill_places(event)
    return event


@transaction.atomic
def event_publish(*, actor: Actor, event: Event) -> Event:
    """P2: a draft opens for registration on the public site."""
    event = _lock(event)
    if event.status != EventStatus.DRAFT:
        raise ConflictError(_("Only a draft event can be published."), code="not_draft")
    before = snapshot(event, EVENT_AUDITED)
    event.status = EventStatus.PUBLISHED
    event.save(update_fields=["status", "updated_at"])
    _audit_event(actor, "event.publish", event, before)
    return event


@transaction.atomic
def event_cancel(*, actor: Actor, event: Event) -> Event:
    """P2: the event does not take place. Every confirmed and waiting registrant gets a mail
    with a calendar cancellation (METHOD:CANCEL, SEQUENCE + 1); their registrations stay as
    they were, for the record."""
    event = _lock(event)
    if event.status == EventStatus.CANCELLED:
        raise ConflictError(_("The event has been cancelled already."), code="already_cancelled")
    before = snapshot(event, EVENT_AUDITED)
    event.status = EventStatus.CANCELLED
    event.sequence += 1
    event.save(update_fields=["status", "sequence", "updated_at"])
    _audit_event(actor, "event.cancel", event, before)
    _mail_all(
        event, [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING], mail.EVENT_CANCELLED
    )
    return event


@transaction.atomic
def event_set_media(*, actor: Actor, event: Event, media_url: str) -> Event:
    """P2: afterwards, a link to the after-movie or photos (http or https); empty removes it."""
    event = _lock(event)
    url = (media_url or "").strip()
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as error:
            raise DomainError(
                _("This link does not look right. Start it with https://."),
                field="media_url",
                code="invalid_url",
            ) from error
    before = event.media_url
    event.media_url = url
    event.save(update_fields=["media_url", "updated_at"])
    audit_record(
        actor=actor,
        action="event.media",
        target=event,
        region=event.region,
        changes={"media_url": [before, url]},
    )
    return event


# --- Registrations ---------------------------------------------------------------------------------
def _require_open(event: Event) -> None:
    """P2: registration is possible for a published event that has not started and whose
    registration has not closed."""
    if event.status == EventStatus.DRAFT:
        raise ConflictError(_("Registration for this event is not open yet."), code="not_open")
    if event.status == EventStatus.CANCELLED:
        raise ConflictError(_("This event has been cancelled."), code="event_cancelled")
    now = timezone.now()
    if event.starts_at <= now:
        raise ConflictError(_("This event has already taken place."), code="event_past")
    if event.registration_closes_at is not None and event.registration_closes_at <= now:
        raise ConflictError(
            _("Registration for this event has closed."), code="registration_closed"
        )


def _checked_email(email: str) -> str:
    email = (email or "").strip()
    if not email:
        raise DomainError(_("Fill in your e-mail address."), field="email", code="required")
    try:
        validate_email(email)
    except ValidationError as error:
        raise DomainError(
            _("This e-mail address does not look right."), field="email", code="invalid"
        ) from error
    return email


def _already_registered() -> ConflictError:
    return ConflictError(
        _("This e-mail address is already registered for this event."),
        field="email",
        code="already_registered",
    )


@transaction.atomic
def registration_submit(
    *, event: Event, name: str, email: str, audience: str, accessibility_needs: str = ""
) -> Registration:
    """P2: someone registers on the public site, without an account. Confirmed while there is
    room, else on the waiting list; never more confirmed than the capacity, also when many
    register at the same moment (the event's row lock). Refused: an event that is a draft,
    cancelled, past or closed for registration; an audience the event is not for; an address
    already registered for the event (in any case of letters; the database guards it too).
    After the commit: the confirmation with its calendar invitation and cancellation link, or
    the waiting-list notice with the cancellation link."""
    event = _lock(event)
    _require_open(event)
    name = _text(name, field="name", max_length=NAME_MAX, required=_("Fill in your name."))
    email = _checked_email(email)
    if audience not in event.audiences:
        raise DomainError(
            _("Choose one of the groups this event is for."), field="audience", code="invalid"
        )
    needs = _text(accessibility_needs, field="accessibility_needs", max_length=ACCESSIBILITY_MAX)
    taken = (
        Registration.objects.annotate(address=Lower("email"))
        .filter(event=event, address=email.lower())
        .exclude(status=RegistrationStatus.CANCELLED)
    )
    if taken.exists():
        raise _already_registered()
    status = (
        RegistrationStatus.CONFIRMED
        if _confirmed_count(event) < event.capacity
        else RegistrationStatus.WAITING
    )
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                region_id=event.region_id,
                event=event,
                name=name,
                email=email,
                audience=audience,
                accessibility_needs=needs,
                status=status,
            )
    except IntegrityError as error:  # registration_once_per_address
        raise _already_registered() from error
    _audit_registration(None, "registration.submit", registration, "")
    kind = mail.CONFIRMATION if status == RegistrationStatus.CONFIRMED else mail.WAITING
    mail.queue([mail.record(registration, kind)])
    return registration


def registration_for_link(key: str) -> Registration:
    """The registration of a cancellation link (links.token_for), with its event and region;
    UnknownLinkError (404) for a forged, altered or unknown one."""
    uuid_key = links.key_from_token(key or "")
    registration = (
        Registration.objects.select_related("event__region").filter(key=uuid_key).first()
        if uuid_key is not None
        else None
    )
    if registration is None:
        raise UnknownLinkError(_("This link does not work."), code="unknown_link")
    return registration


@transaction.atomic
def registration_cancel(*, key: str) -> Registration:
    """P2: someone cancels with the link from their mail (`key`: the signed token of the
    link). The first use cancels; a second use is refused (409 already_cancelled), a forged or
    unknown link too (404 unknown_link). A confirmed place that comes free goes to the first on
    the waiting list, in the same transaction, with their own mail and calendar invitation.
    Not after the event has started, nor after check-in."""
    found = registration_for_link(key)
    event = _lock(found.event)
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("event")
        .get(pk=found.pk)
    )
    registration.event = event
    if registration.status == RegistrationStatus.CANCELLED:
        raise ConflictError(_("You have already cancelled."), code="already_cancelled")
    if registration.checked_in_at is not None or _is_over(event):
        raise ConflictError(_("This event has already taken place."), code="event_past")
    before = registration.status
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    _audit_registration(None, "registration.cancel", registration, before)
    if event.status != EventStatus.CANCELLED:
        receipt = mail.CANCELLED if before == RegistrationStatus.CONFIRMED else mail.LEFT_WAITING
        mail.queue([mail.record(registration, receipt)])
    if before == RegistrationStatus.CONFIRMED:
        _fill_places(event)
    return registration


@transaction.atomic
def registration_check_in(*, actor: Actor, registration: Registration) -> Registration:
    """P2: staff check someone in on the day: only a confirmed registration of an event that
    is not cancelled, and only once (409 already_checked_in)."""
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("event__region")
        .get(pk=registration.pk)
    )
    if registration.event.status == EventStatus.CANCELLED:
        raise ConflictError(_("This event has been cancelled."), code="event_cancelled")
    if registration.status != RegistrationStatus.CONFIRMED:
        raise ConflictError(
            _("Only someone with a confirmed place can be checked in."), code="not_confirmed"
        )
    if registration.checked_in_at is not None:
        raise ConflictError(_("This person is checked in already."), code="already_checked_in")
    registration.checked_in_at = timezone.now()
    registration.checked_in_by = actor
    registration.save(update_fields=["checked_in_at", "checked_in_by", "updated_at"])
    audit_record(
        actor=actor,
        action="registration.check_in",
        target=registration,
        region=registration.event.region,
        changes={"checked_in": [False, True]},
    )
    return registration


# --- Reads -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AudienceCount:
    audience: str
    label: str
    registered: int = 0  # confirmed, checked in or not
    waiting: int = 0
    cancelled: int = 0
    checked_in: int = 0


@dataclass(frozen=True)
class Attendance:
    rows: list[AudienceCount] = field(default_factory=list)
    total: AudienceCount = AudienceCount("", "")
    capacity: int = 0

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.total.registered, 0)


def attendance(event: Event) -> Attendance:
    """P2: the figures per audience (the event's audiences first, in their order, then any
    other an earlier version of the event offered): registered (confirmed), on the waiting
    list, cancelled, checked in; and the totals. One query."""
    counted = {
        row["audience"]: row
        for row in Registration.objects.filter(event=event)
        .values("audience")
        .annotate(
            registered=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
            cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
            checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
        )
        .order_by()
    }
    labels = dict(AudienceType.choices)
    order = list(event.audiences) + [a for a in AudienceType.values if a not in event.audiences]
    figures = ("registered", "waiting", "cancelled", "checked_in")
    rows = [
        AudienceCount(
            audience=audience,
            label=str(labels.get(audience, audience)),
            **{name: counted.get(audience, {}).get(name, 0) for name in figures},
        )
        for audience in order
        if audience in event.audiences or audience in counted
    ]
    total = AudienceCount(
        audience="",
        label=str(_("Total")),
        **{name: sum(getattr(row, name) for row in rows) for name in figures},
    )
    return Attendance(rows=rows, total=total, capacity=event.capacity)


class AttendeeFilter:
    """Which registrations the attendee list shows (its `status` filter)."""

    CURRENT = ""  # registered and waiting list: everyone who may come
    CONFIRMED = "confirmed"
    CHECKED_IN = "checked_in"
    NOT_CHECKED_IN = "not_checked_in"
    WAITING = "waiting"
    CANCELLED = "cancelled"
    ALL = "all"


def attendees(event: Event, *, q: str = "", status: str = "") -> QuerySet[Registration]:
    """P2: the attendee list of an event, by name: a search on name (`q`) and a status."""
    registrations = Registration.objects.filter(event=event)
    conditions = {
        AttendeeFilter.CURRENT: ~Q(status=RegistrationStatus.CANCELLED),
        AttendeeFilter.CONFIRMED: Q(status=RegistrationStatus.CONFIRMED),
        AttendeeFilter.CHECKED_IN: Q(checked_in_at__isnull=False),
        AttendeeFilter.NOT_CHECKED_IN: Q(
            status=RegistrationStatus.CONFIRMED, checked_in_at__isnull=True
        ),
        AttendeeFilter.WAITING: Q(status=RegistrationStatus.WAITING),
        AttendeeFilter.CANCELLED: Q(status=RegistrationStatus.CANCELLED),
        AttendeeFilter.ALL: Q(),
    }
    registrations = registrations.filter(conditions.get(status, conditions[""]))
    q = (q or "").strip()
    if q:
        registrations = registrations.filter(name__icontains=q)
    return registrations.order_by(Lower("name"), "pk")

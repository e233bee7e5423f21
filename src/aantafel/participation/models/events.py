"""P2: events of a trajectory and the registrations for them."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aantafel.core.models import RegionOwned
from aantafel.core.outbox import OutgoingMail

from .trajectories import Pillar, Trajectory


class AudienceType(models.TextChoices):
    """P2: who comes to an event, counted apart in the attendance figures."""

    YOUNG_PERSON = "young_person", _("young person")
    PARENT = "parent", _("parent")
    MUNICIPALITY = "municipality", _("municipality")
    INSTITUTION = "institution", _("institution")
    OTHER = "other", _("other")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("open for registration")
    CANCELLED = "cancelled", _("cancelled")


class Event(RegionOwned):
    """P2: a meeting of the trajectory (the kick-off conference, a focus group), with its
    programme, place, capacity and the audiences it is for."""

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    pillar = models.ForeignKey(
        Pillar, on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    programme = models.TextField(_("programme"), blank=True)
    place = models.CharField(_("place"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveIntegerField(_("capacity"))
    audiences = models.JSONField(_("for whom"), default=list, blank=True)  # AudienceType values
    registration_closes_at = models.DateTimeField(
        _("registration closes at"), null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    media_url = models.URLField(_("after-movie or photos (link)"), blank=True)
    sequence = models.PositiveIntegerField(default=0)  # iCalendar SEQUENCE of its invitation
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="event_has_capacity"),
        ]
        indexes = [models.Index(fields=["region", "status", "starts_at"], name="event_region")]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return self.title


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("registered")
    WAITING = "waiting", _("on the waiting list")
    # A person cancels their own registration (afgemeld); a meeting is cancelled (afgelast).
    CANCELLED = "cancelled", pgettext_lazy("registration", "cancelled")


class Registration(RegionOwned):
    """P2: one person registered for an event: confirmed while there is room, else on the
    waiting list, moved up in order when someone cancels. The cancellation link carries `key`
    signed; only someone with the link can cancel."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    audience = models.CharField(_("I come as"), max_length=20, choices=AudienceType.choices)
    accessibility_needs = models.TextField(_("what do you need to take part?"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    promoted_at = models.DateTimeField(
        _("moved up from the waiting list at"), null=True, blank=True
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # P2: one registration per address per event (a cancelled one may register again).
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=~Q(status=RegistrationStatus.CANCELLED),
                name="registration_once_per_address",
            ),
            models.CheckConstraint(
                condition=Q(checked_in_at__isnull=True) | Q(status=RegistrationStatus.CONFIRMED),
                name="registration_checked_in_is_confirmed",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status", "created_at"], name="registration_queue"),
        ]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self) -> str:
        # No name or address: this lands in logs.
        return f"registration {self.pk}"


class RegistrationMail(OutgoingMail):
    """P2: a confirmation (with calendar invitation), a waiting-list notice, a move-up, a
    cancellation receipt: one record per message, sent once."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="mails")
    kind = models.CharField(max_length=30)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("registration mail")
        verbose_name_plural = _("registration mails")

    def __str__(self) -> str:
        return f"{self.registration_id} {self.kind}"

"""Section 5 of PRODUCT.md: participation trajectories (P1) and their events with registration
(P2). Campaigns (P3), ideas (P4), stories (P5), the register (P6) and the public site (P7)
follow in their own modules."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aantafel.core.models import RegionOwned
from aantafel.core.outbox import OutgoingMail

MAX_TEXT = 10000


class Trajectory(RegionOwned):
    """P1: a region's participation trajectory, e.g. "Cliënt- en jongerenparticipatie 2023–2028"."""

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    published = models.BooleanField(_("on the public site"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="trajectory_ends_after_start"
            ),
        ]
        verbose_name = _("participation trajectory")
        verbose_name_plural = _("participation trajectories")

    def __str__(self) -> str:
        return self.title


class Pillar(RegionOwned):
    """P1: one of a trajectory's pillars (pijlers), e.g. "regular co-decision"."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="pillars")
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["trajectory", "number"]
        constraints = [
            models.UniqueConstraint(fields=["trajectory", "number"], name="pillar_unique_number"),
        ]
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class Phase(RegionOwned):
    """P1: a phase of the trajectory, e.g. "collecting input" (ophalen), "plan", "carrying out"."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="phases")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    class Meta:
        ordering = ["trajectory", "starts_on", "pk"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self) -> str:
        return self.name


class UpdateKind(models.TextChoices):
    PROCESS = "process", _("process description")
    RESULT = "result", _("result")
    NEWS = "news", _("news")


class TrajectoryUpdate(RegionOwned):
    """P1: an update of the trajectory: how the process goes, or what it brought."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="updates")
    pillar = models.ForeignKey(
        Pillar,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="updates",
        verbose_name=_("pillar"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=UpdateKind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-published_at", "-created_at", "-pk"]
        verbose_name = _("trajectory update")
        verbose_name_plural = _("trajectory updates")

    def __str__(self) -> str:
        return self.title


class DecisionStatus(models.TextChoices):
    """P1: where a document such as the plan of approach stands in the decision-making."""

    # A context of their own: "adopted" is also the answer to an advice (overgenomen).
    DRAFT = "draft", pgettext_lazy("decision status", "draft")
    SUBMITTED = "submitted", pgettext_lazy("decision status", "submitted for decision")
    ADOPTED = "adopted", pgettext_lazy("decision status", "adopted")
    REJECTED = "rejected", pgettext_lazy("decision status", "not adopted")


def trajectory_document_upload_to(instance: "TrajectoryDocument", filename: str) -> str:
    # Names are never trusted: the stored name is generated, the original kept in the record.
    return f"participation/{instance.region_id}/{uuid.uuid4().hex}"


class TrajectoryDocument(RegionOwned):
    """P1: a document of the trajectory, e.g. the plan of approach, with its decision status."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    decision_status = models.CharField(
        _("decision status"),
        max_length=20,
        choices=DecisionStatus.choices,
        default=DecisionStatus.DRAFT,
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.CharField(_("decided by"), max_length=200, blank=True)
    file = models.FileField(upload_to=trajectory_document_upload_to, max_length=300)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("trajectory document")
        verbose_name_plural = _("trajectory documents")

    def __str__(self) -> str:
        return self.title


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


class InitiativeKind(models.TextChoices):
    CLIENT_COUNCIL = "client_council", _("client council")
    ADVISORY_COUNCIL = "advisory_council", _("advisory council")
    NETWORK_ORGANISATION = "network_organisation", _("network organisation")
    OTHER = "other", _("other")


class ParticipationInitiative(RegionOwned):
    """P6: an existing participation initiative in the region (a client council, an advisory
    council, a network organisation). Not to be confused with bodies.Initiative (B7)."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=InitiativeKind.choices)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    scope = models.TextField(_("for whom and where"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name"], name="participation_initiative_unique_name"
            ),
        ]
        verbose_name = _("participation initiative")
        verbose_name_plural = _("participation initiatives")

    def __str__(self) -> str:
        return self.name

"""What Aan Tafel tells people, and how each person wants to hear it.

A Delivery is one message to one person about one thing in one version. Its unique key makes a
rerun of any task harmless: a message that was sent is never sent again (ADR 0007).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aantafel.core.models import TimeStamped


class Kind(models.TextChoices):
    """Only these events send mail; small edits never do."""

    MEETING_INVITATION = "meeting_invitation", _("invitation to a meeting")
    MEETING_UPDATE = "meeting_update", _("change of a meeting's time or place")
    MEETING_CANCELLED = "meeting_cancelled", _("cancelled meeting")
    SUBSTITUTE_INVITATION = "substitute_invitation", _("invitation as a substitute")
    PROPOSAL_DECIDED = "proposal_decided", _("decision about an item you brought in")
    LATE_DOCUMENT = "late_document", _("document added after the agenda went out")
    MINUTES_CIRCULATED = "minutes_circulated", _("draft minutes ready to read")
    ACTION_ASSIGNED = "action_assigned", _("action given to you")
    ACTION_OVERDUE = "action_overdue", _("reminder of an overdue action")
    DIGEST = "digest", _("daily digest")


# Messages a person must get: they cannot be turned off or put in a digest (PRODUCT.md,
# "People choose how they hear from Aan Tafel … messages they must get … excepted").
MUST_GET = frozenset(
    {
        Kind.MEETING_INVITATION,
        Kind.MEETING_UPDATE,
        Kind.MEETING_CANCELLED,
        Kind.SUBSTITUTE_INVITATION,
    }
)
# The kinds a person chooses for, in the order the preferences page shows them.
OPTIONAL = (
    Kind.PROPOSAL_DECIDED,
    Kind.LATE_DOCUMENT,
    Kind.MINUTES_CIRCULATED,
    Kind.ACTION_ASSIGNED,
    Kind.ACTION_OVERDUE,
)


class DeliveryMode(models.TextChoices):
    IMMEDIATE = "immediate", _("at once, by e-mail")
    DIGEST = "digest", _("in one e-mail a day")
    OFF = "off", _("not at all")


class NotificationPreference(TimeStamped):
    """How one person wants to hear about one kind of message. No row means: at once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("kind of message"), max_length=32, choices=Kind.choices)
    delivery = models.CharField(
        _("how"), max_length=16, choices=DeliveryMode.choices, default=DeliveryMode.IMMEDIATE
    )

    class Meta:
        ordering = ["user", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="preference_unique_kind"),
            # The must-get kinds are always sent at once; the database holds to that too.
            models.CheckConstraint(
                condition=~models.Q(kind__in=sorted(str(k) for k in MUST_GET))
                | models.Q(delivery=DeliveryMode.IMMEDIATE),
                name="preference_must_get_is_immediate",
            ),
        ]
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_kind_display()} – {self.get_delivery_display()}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("waiting to be sent")
    SENT = "sent", _("sent")
    FAILED = "failed", _("given up after repeated errors")
    SKIPPED = "skipped", _("not sent: no longer current")


class Delivery(TimeStamped):
    """One e-mail to one person about one object in one version: (kind, object, recipient,
    version) is unique, so running a task twice never sends a message twice (ADR 0007)."""

    kind = models.CharField(_("kind of message"), max_length=32, choices=Kind.choices)
    # The id of what the message is about: a meeting, proposal, document, action; for a
    # digest the recipient's own id.
    object_id = models.PositiveBigIntegerField()
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    # What makes a second message about the same object a new one: a meeting's iCalendar
    # sequence, the day of a reminder or digest, the owner of an action.
    version = models.CharField(max_length=64)
    region = models.ForeignKey(
        "regions.Region", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "recipient", "version"],
                name="delivery_unique_message",
            )
        ]
        indexes = [models.Index(fields=["status", "updated_at"], name="delivery_status_updated")]
        verbose_name = _("e-mail delivery")
        verbose_name_plural = _("e-mail deliveries")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.object_id} → {self.recipient} ({self.version})"


class DigestItem(TimeStamped):
    """A message a person chose to get in their daily digest, waiting for it. `delivery` is
    the digest that carries it, once one does."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind of message"), max_length=32, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    version = models.CharField(max_length=64)
    region = models.ForeignKey(
        "regions.Region", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    summary = models.CharField(_("summary"), max_length=400)
    url = models.CharField(max_length=500)
    delivery = models.ForeignKey(
        Delivery, on_delete=models.SET_NULL, null=True, blank=True, related_name="digest_items"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "object_id", "version"], name="digest_item_unique"
            )
        ]
        indexes = [models.Index(fields=["user", "delivery"], name="digest_item_user_delivery")]
        verbose_name = _("digest item")
        verbose_name_plural = _("digest items")

    def __str__(self) -> str:
        return self.summary


class CalendarFeed(TimeStamped):
    """M5: a person's secret calendar feed address. Only a hash of its token is stored; the
    address is shown once, when it is made."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)

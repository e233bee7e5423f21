"""P4: ideas and priorities young people and parents put forward themselves; others support
them, and each gets an official response of the region."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aantafel.core.models import RegionOwned
from aantafel.core.outbox import OutgoingMail

from .events import AudienceType
from .trajectories import Pillar, Trajectory


class IdeaStatus(models.TextChoices):
    """Submitted ideas are checked by staff before they show on the public site (no names of
    others, nothing hurtful); a declined idea gets its reason, a published one a response."""

    SUBMITTED = "submitted", pgettext_lazy("idea status", "waiting for a check")
    PUBLISHED = "published", pgettext_lazy("idea status", "published")
    RESPONDED = "responded", pgettext_lazy("idea status", "answered by the region")
    DECLINED = "declined", pgettext_lazy("idea status", "not published")


PUBLIC_IDEA_STATUSES = [IdeaStatus.PUBLISHED, IdeaStatus.RESPONDED]


class IdeaQuerySet(models.QuerySet):
    def public(self) -> "IdeaQuerySet":
        """What the public site shows: checked ideas, with or without the region's response."""
        return self.filter(status__in=PUBLIC_IDEA_STATUSES, safety_flagged=False)

    def with_support(self) -> "IdeaQuerySet":
        return self.annotate(support_count=Count("supports", distinct=True))


class Idea(RegionOwned):
    """P4: an idea or priority. The author's e-mail address (optional) only serves to tell them
    the region's response; it is never shown."""

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.SET_NULL, null=True, blank=True, related_name="ideas"
    )
    pillar = models.ForeignKey(
        Pillar,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("pillar"),
    )
    title = models.CharField(_("title"), max_length=150)
    text = models.TextField(_("your idea"))
    author_name = models.CharField(_("name (shown with your idea)"), max_length=100, blank=True)
    author_email = models.EmailField(_("e-mail address (not shown)"), blank=True)
    author_audience = models.CharField(
        _("I am a"), max_length=20, choices=AudienceType.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.SUBMITTED
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(_("why not published"), blank=True)
    response = models.TextField(_("response of the region"), blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    # Flagged as a safety concern (safety.py): out of every public view from that moment.
    safety_flagged = models.BooleanField(_("safety concern"), default=False)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="responded") | Q(responded_at__isnull=False),
                name="idea_responded_has_response",
            ),
        ]
        indexes = [models.Index(fields=["region", "status"], name="idea_region_status")]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")

    def __str__(self) -> str:
        return self.title


class IdeaSupport(models.Model):
    """P4: one supporter of an idea. `supporter_key` is a hash (of the user, or of the browser
    session for someone without an account), so support counts once per person and names
    no one."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    supporter_key = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["idea", "supporter_key"], name="idea_support_once"),
        ]
        verbose_name = _("support")
        verbose_name_plural = _("supports")

    def __str__(self) -> str:
        return f"support {self.pk}"


class IdeaMail(OutgoingMail):
    """P4: the receipt of an idea and the region's response, to the author's address."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="mails")
    kind = models.CharField(max_length=30)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("idea mail")
        verbose_name_plural = _("idea mails")

    def __str__(self) -> str:
        return f"{self.idea_id} {self.kind}"

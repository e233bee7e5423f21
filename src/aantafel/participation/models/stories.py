"""P5: experience stories, published only with the teller's explicit consent, after moderation,
anonymised where asked; the teller can withdraw consent, and the story goes offline at once."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aantafel.core.models import RegionOwned
from aantafel.core.outbox import OutgoingMail

from .events import AudienceType
from .trajectories import Trajectory


class StoryStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("story status", "waiting for moderation")
    PUBLISHED = "published", pgettext_lazy("story status", "published")
    REJECTED = "rejected", pgettext_lazy("story status", "not published")
    WITHDRAWN = "withdrawn", pgettext_lazy("story status", "withdrawn by the teller")


class StoryQuerySet(models.QuerySet):
    def public(self) -> "StoryQuerySet":
        """What the public site shows: published stories, never a withdrawn one."""
        return self.filter(status=StoryStatus.PUBLISHED, safety_flagged=False)


class Story(RegionOwned):
    """P5: one experience story. `text` is what the teller wrote; the public site shows only
    `public_title`, `public_text` and `public_name` (the moderated, where asked anonymised,
    version). The withdrawal link in the teller's mail carries `key` signed (links.py)."""

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.SET_NULL, null=True, blank=True, related_name="stories"
    )
    title = models.CharField(_("title"), max_length=150)
    text = models.TextField(_("your story"))
    teller_name = models.CharField(_("your name"), max_length=100)
    teller_email = models.EmailField(_("your e-mail address"))
    teller_audience = models.CharField(
        _("I am a"), max_length=20, choices=AudienceType.choices, blank=True
    )
    consent_given_at = models.DateTimeField(_("consent for publication given at"))
    anonymous = models.BooleanField(_("publish without my name"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=StoryStatus.choices, default=StoryStatus.SUBMITTED
    )
    public_title = models.CharField(_("title on the site"), max_length=150, blank=True)
    public_text = models.TextField(_("text on the site"), blank=True)
    public_name = models.CharField(_("name on the site"), max_length=100, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    reject_reason = models.TextField(_("why not published"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Flagged as a safety concern (safety.py): out of every public view from that moment.
    safety_flagged = models.BooleanField(_("safety concern"), default=False)

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="story_published_has_date",
            ),
        ]
        indexes = [models.Index(fields=["region", "status"], name="story_region_status")]
        verbose_name = _("experience story")
        verbose_name_plural = _("experience stories")

    def __str__(self) -> str:
        return f"story {self.pk}"  # no title: it may name someone


class StoryMail(OutgoingMail):
    """P5: the receipt with the withdrawal link, the notice of publication or rejection."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="mails")
    kind = models.CharField(max_length=30)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("story mail")
        verbose_name_plural = _("story mails")

    def __str__(self) -> str:
        return f"{self.story_id} {self.kind}"

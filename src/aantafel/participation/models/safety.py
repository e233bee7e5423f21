"""P5: a story, idea or campaign answer flagged by staff as a safety concern: the region's
safeguarding contact (Region.safeguarding_email) gets a message with a link, never the text."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aantafel.core.models import RegionOwned
from aantafel.core.outbox import OutgoingMail

from .campaigns import CampaignResponse
from .ideas import Idea
from .stories import Story


class SafetyConcern(RegionOwned):
    """One flag on exactly one story, idea or campaign response."""

    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, null=True, blank=True, related_name="safety_concerns"
    )
    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, null=True, blank=True, related_name="safety_concerns"
    )
    response = models.ForeignKey(
        CampaignResponse,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="safety_concerns",
    )
    reason = models.TextField(_("what worries you"))
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(story__isnull=False, idea__isnull=True, response__isnull=True)
                    | Q(story__isnull=True, idea__isnull=False, response__isnull=True)
                    | Q(story__isnull=True, idea__isnull=True, response__isnull=False)
                ),
                name="safety_concern_one_subject",
            ),
        ]
        verbose_name = _("safety concern")
        verbose_name_plural = _("safety concerns")

    def __str__(self) -> str:
        return f"safety concern {self.pk}"


class SafetyConcernMail(OutgoingMail):
    """The message to the region's safeguarding contact."""

    concern = models.ForeignKey(SafetyConcern, on_delete=models.CASCADE, related_name="mails")

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("safety concern mail")
        verbose_name_plural = _("safety concern mails")

    def __str__(self) -> str:
        return f"{self.concern_id}"

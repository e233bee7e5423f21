"""P6: the register of existing participation initiatives."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from aantafel.core.models import RegionOwned


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

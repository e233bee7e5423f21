from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aantafel.core.models import TimeStamped


class Country(models.TextChoices):
    BELGIUM = "BE", _("Belgium (Flanders)")
    NETHERLANDS = "NL", _("Netherlands")


class Theme(models.TextChoices):
    """Each theme is a set of design tokens in static/css/themes.css."""

    LIMBURG_BE = "limburg-be", _("Limburg (Flanders): green")
    ZUID_LIMBURG = "zuid-limburg", _("South Limburg (Netherlands): blue")


class RegionRole(models.TextChoices):
    """A user's role in a region as a whole; roles within a body live on Membership (B5)."""

    ADMIN = "admin", _("region administrator")
    STAFF = "staff", _("policy staff")
    PARTICIPANT = "participant", _("participant")


class Region(TimeStamped):
    """B1: the tenant. Its country, words, zone and look are settings, never code branches."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    timezone = models.CharField(_("time zone"), max_length=64, default="Europe/Brussels")
    theme = models.CharField(_("theme"), max_length=32, choices=Theme.choices)
    department_name = models.CharField(
        _("supporting department"),
        max_length=200,
        blank=True,
        help_text=_("The department that supports the region's bodies, e.g. 'departement WVG'."),
    )
    safety_contact_line = models.CharField(
        _("where to turn when someone is unsafe"),
        max_length=200,
        help_text=_("Shown on every public form, e.g. '1712' or 'Veilig Thuis: 0800-2000'."),
    )
    safeguarding_email = models.EmailField(
        _("e-mail address of the safeguarding contact"),
        blank=True,
        help_text=_(
            "Who is told at once when a signal, story or answer is flagged as a safety concern."
        ),
    )
    # C1: the age up to which a young person is a client of youth care (Flanders has widened it
    # to 24 for some help); C8: how long a closed cliëntoverleg is kept before it is anonymised.
    minor_age_limit = models.PositiveSmallIntegerField(
        _("age limit of young people in the cliëntoverleg"), default=18
    )
    case_retention_months = models.PositiveSmallIntegerField(
        _("months a closed cliëntoverleg is kept"), default=24
    )
    mfa_required_roles = models.JSONField(
        _("roles that must use two-factor authentication"), default=list, blank=True
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class RegionMembership(TimeStamped):
    """B1: a user sees only the regions they belong to."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="region_memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=RegionRole.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["region", "user"], name="region_membership_unique_user")
        ]
        verbose_name = _("region membership")
        verbose_name_plural = _("region memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.region} ({self.get_role_display()})"


class PlanTheme(TimeStamped):
    """A theme of the region's plan (regioplan / regionaal actieplan). Actions (M9) and, later,
    signals are linked to one, so the plan shows what was done under each theme."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="plan_themes")
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="plan_theme_unique_name")
        ]
        verbose_name = _("plan theme")
        verbose_name_plural = _("plan themes")

    def __str__(self) -> str:
        return self.name

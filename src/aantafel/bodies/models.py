"""Section 1 of PRODUCT.md: bodies, their terms of reference, seats, members and initiatives."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.core.models import RegionOwned


class BodyType(models.TextChoices):
    """B2."""

    STEERING = "steering", _("steering body")
    CLIENT_REPRESENTATIVES = "client_representatives", _("client representatives' consultation")
    CORE_GROUP = "core_group", _("core group")
    WORKING_GROUP = "working_group", _("working group")
    CLIENT_COUNCIL = "client_council", _("client council")


class DecisionRule(models.TextChoices):
    """B6."""

    CONSENSUS = "consensus", _("consensus")
    CONSENSUS_WITH_RESERVATION = (
        "consensus_with_reservation",
        _("consensus, each representative keeps the right to speak for their own constituency"),
    )
    MAJORITY = "majority", _("majority")


class ConstituencyKind(models.TextChoices):
    """B4: seats are held for a client constituency or for a sector of the field."""

    CLIENTS = "clients", _("clients")
    SECTOR = "sector", _("sector")
    PARTNERSHIP = "partnership", _("partnership")
    LOCAL_AUTHORITY = "local_authority", _("local authority")
    INSTITUTION = "institution", _("institution")
    OTHER = "other", _("other")


class MembershipRole(models.TextChoices):
    """B5."""

    CHAIR = "chair", _("chair")
    SUPPORTER = "supporter", _("supporter")
    MEMBER = "member", _("member")
    GUEST = "guest", _("guest")


class SeatRole(models.TextChoices):
    HOLDER = "holder", _("holder")
    SUBSTITUTE = "substitute", _("substitute")


class Constituency(RegionOwned):
    """An achterban or a sector that a seat stands for (parents, minors, local authorities …)."""

    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=ConstituencyKind.choices)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="constituency_unique_name")
        ]
        verbose_name = _("constituency")
        verbose_name_plural = _("constituencies")

    def __str__(self) -> str:
        return self.name


class Organisation(RegionOwned):
    """A client organisation, provider, municipality or department a member can represent."""

    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="organisation_unique_name")
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Body(RegionOwned):
    """B2: an overleg, kerngroep, werkgroep, cliëntenraad or the region's steering body."""

    name = models.CharField(_("name"), max_length=200)
    body_type = models.CharField(_("type"), max_length=32, choices=BodyType.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("reports to"),
    )
    supporting_department = models.CharField(_("supported by"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    # M5: the agenda and documents go out this many days before a meeting; 8 is the usual
    # rule for councils in both countries.
    agenda_lead_days = models.PositiveSmallIntegerField(
        _("days the agenda goes out before a meeting"), default=8
    )
    # M2: proposals for a meeting are taken until this many days before it.
    item_deadline_days = models.PositiveSmallIntegerField(
        _("days before a meeting that item proposals close"), default=10
    )

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="body_unique_name")]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    def __str__(self) -> str:
        return self.name


class TermsOfReference(RegionOwned):
    """B3: one version of a body's afsprakenkader. Versions are never edited, only added."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="terms_versions")
    version = models.PositiveIntegerField(_("version"))
    objectives = models.TextField(_("objectives"), blank=True)
    tasks = models.TextField(_("concrete tasks"), blank=True)
    other_themes = models.TextField(_("other themes"), blank=True)
    composition = models.TextField(_("composition"), blank=True)
    cooperation = models.TextField(_("cooperation"), blank=True)
    decision_rule = models.CharField(
        _("decision rule"), max_length=32, choices=DecisionRule.choices
    )
    mandate = models.TextField(_("mandate"), blank=True)
    approved_by = models.CharField(_("approved by"), max_length=200)
    approved_on = models.DateField(_("approved on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["body", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["body", "version"], name="terms_unique_version")
        ]
        verbose_name = _("terms of reference")
        verbose_name_plural = _("terms of reference")

    def __str__(self) -> str:
        return f"{self.body} v{self.version}"


class Seat(RegionOwned):
    """B4: a number of places in a body for one constituency or sector."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="seats")
    constituency = models.ForeignKey(
        Constituency, on_delete=models.PROTECT, related_name="seats", verbose_name=_("constituency")
    )
    label = models.CharField(_("label"), max_length=150, blank=True)
    places = models.PositiveSmallIntegerField(_("number of places"), default=1)

    class Meta:
        ordering = ["constituency__kind", "constituency__name", "label"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "constituency", "label"], name="seat_unique_constituency_label"
            ),
            models.CheckConstraint(condition=Q(places__gte=1), name="seat_places_positive"),
        ]
        verbose_name = _("seat")
        verbose_name_plural = _("seats")

    def __str__(self) -> str:
        return f"{self.constituency.name} – {self.label}" if self.label else self.constituency.name


class MembershipQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None):
        """Memberships whose term includes `on` (today by default)."""
        on = on or timezone.localdate()
        return self.filter(start_date__lte=on).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=on)
        )

    def overlapping(self, start: datetime.date, end: datetime.date | None):
        """Memberships whose term shares at least one day with [start, end]."""
        qs = self.filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
        return qs if end is None else qs.filter(start_date__lte=end)


class MembershipTermsFields(RegionOwned):
    """What a membership, and an invitation to one, says (B5): the role, what the person
    represents, their seat and their term."""

    role = models.CharField(_("role"), max_length=20, choices=MembershipRole.choices)
    constituency = models.ForeignKey(
        Constituency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("represents constituency"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("represents organisation"),
    )
    seat = models.ForeignKey(
        Seat,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("seat"),
    )
    seat_role = models.CharField(
        _("place in the seat"), max_length=20, choices=SeatRole.choices, blank=True
    )
    substitute_for = models.ForeignKey(
        "bodies.Membership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("substitute for"),
    )
    start_date = models.DateField(_("start of term"))
    end_date = models.DateField(_("end of term"), null=True, blank=True)

    class Meta:
        abstract = True


class Membership(MembershipTermsFields):
    """B5: a person's place in a body for a term. Ended memberships stay as history."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="body_memberships"
    )
    end_reason = models.CharField(_("reason for ending"), max_length=300, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["body", "role", "user__full_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="membership_end_after_start",
            ),
        ]
        indexes = [models.Index(fields=["body", "end_date"], name="membership_body_end")]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} – {self.body} ({self.get_role_display()})"

    def is_current(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.start_date <= on and (self.end_date is None or self.end_date >= on)

    @property
    def represents(self) -> str:
        return " · ".join(str(x) for x in (self.constituency, self.organisation) if x)


class Invitation(MembershipTermsFields):
    """An e-mailed link to join a body on these terms. Only a hash of the link's token is kept."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    full_name = models.CharField(_("name"), max_length=150)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    membership = models.OneToOneField(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="invitation"
    )
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["body", "email"], name="invitation_body_email")]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.body}"

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


class Initiative(RegionOwned):
    """B7: something a body did under its mandate, and when its parent body was told."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="initiatives")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    taken_on = models.DateField(_("taken on"))
    parent_informed_on = models.DateField(_("parent body informed on"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-taken_on", "-id"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self) -> str:
        return self.title

"""Section 3 of PRODUCT.md, S5: client tests (cliënttoetsen).

A client test puts a policy proposal before representatives and their constituency: a short
questionnaire with a fixed structure (clarity, accessibility, participation, impact), shared as
personal single-use links, answered on a phone without an account, summarised per target group.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.core.models import RegionOwned

from .workflow import ClientTestStatus

MAX_TITLE = 200
MAX_PROPOSAL = 5000
MAX_COMMENT = 1000
MAX_REMARKS = 2000
MAX_LABEL = 100
MAX_LINKS_PER_BATCH = 200
RATING_MIN, RATING_MAX = 1, 5
# The link's key: 16 characters of secrets.token_urlsafe, looked up in the database; the URL
# adds a signature of as many characters (see links.py).
KEY_LENGTH = 16


class TargetGroup(models.TextChoices):
    """The groups a client test asks about; a respondent says which one they belong to."""

    YOUNG_PEOPLE = "young_people", _("young people (12–17)")
    YOUNG_ADULTS = "young_adults", _("young adults (18–23)")
    PARENTS = "parents", _("parents")
    FOSTER_CARERS = "foster_carers", _("foster carers")
    OTHER = "other", _("someone else")


class Dimension(models.TextChoices):
    """S5: the four things every client test asks about the proposal, in this order."""

    CLARITY = "clarity", _("clarity")
    ACCESSIBILITY = "accessibility", _("accessibility")
    PARTICIPATION = "participation", _("participation")
    IMPACT = "impact", _("impact")


class ClientTest(RegionOwned):
    """S5: a policy proposal put before a body's representatives and their constituency."""

    body = models.ForeignKey(
        "bodies.Body", on_delete=models.PROTECT, related_name="client_tests", verbose_name=_("body")
    )
    title = models.CharField(_("title"), max_length=MAX_TITLE)
    # Client-facing: what the proposal is, in plain words (B1).
    proposal = models.TextField(_("the proposal in plain words"))
    # A link to the full policy document on the region's or the department's site. No upload:
    # the respondents read the plain-words version; the document itself lives where it is
    # published.
    document_url = models.URLField(_("link to the full proposal"), blank=True)
    # A list of TargetGroup values (JSON, so it works on SQLite as well as PostgreSQL).
    target_groups = models.JSONField(_("target groups"), default=list)
    status = models.CharField(
        _("status"), max_length=20, choices=ClientTestStatus.choices, default=ClientTestStatus.DRAFT
    )
    closes_on = models.DateField(_("answers until"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["region", "status"], name="clienttest_region_status")]
        verbose_name = _("client test")
        verbose_name_plural = _("client tests")

    def __str__(self) -> str:
        return self.title

    def target_group_labels(self) -> list[tuple[str, str]]:
        """(value, label) of the test's target groups, in the order of TargetGroup."""
        return [(v, str(label)) for v, label in TargetGroup.choices if v in self.target_groups]

    def takes_answers(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.status == ClientTestStatus.OPEN and on <= self.closes_on


class ClientTestLink(RegionOwned):
    """S5: a personal, single-use link to answer a client test, handed out by a representative
    or the supporter. The URL carries the key and a signature of it (links.py); the key alone,
    as stored, does not open the questionnaire."""

    test = models.ForeignKey(ClientTest, on_delete=models.CASCADE, related_name="links")
    key = models.CharField(max_length=KEY_LENGTH, unique=True)
    label = models.CharField(_("label"), max_length=MAX_LABEL, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    # Set, once, in the same transaction as the answer (a conditional update: see services).
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["test", "created_by"], name="clienttestlink_creator")]
        verbose_name = _("client test link")
        verbose_name_plural = _("client test links")

    def __str__(self) -> str:
        # No key: this string lands in the audit log.
        return _("link %(number)s") % {"number": self.pk}

    def expired(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.expires_on is not None and on > self.expires_on


class ClientTestAnswer(RegionOwned):
    """S5: one person's answers. Nothing about the person: no IP address, no account, no
    name; only the target group they chose."""

    test = models.ForeignKey(ClientTest, on_delete=models.CASCADE, related_name="answers")
    # One link, one answer: a second answer from the same link is refused (and the database
    # says no too, should two arrive at the same moment).
    link = models.OneToOneField(ClientTestLink, on_delete=models.CASCADE, related_name="answer")
    target_group = models.CharField(_("target group"), max_length=20, choices=TargetGroup.choices)
    clarity = models.PositiveSmallIntegerField(_("clarity"))
    accessibility = models.PositiveSmallIntegerField(_("accessibility"))
    participation = models.PositiveSmallIntegerField(_("participation"))
    impact = models.PositiveSmallIntegerField(_("impact"))
    clarity_comment = models.TextField(blank=True)
    accessibility_comment = models.TextField(blank=True)
    participation_comment = models.TextField(blank=True)
    impact_comment = models.TextField(blank=True)
    remarks = models.TextField(_("anything else"), blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{d}__gte": RATING_MIN, f"{d}__lte": RATING_MAX}),
                name=f"clienttestanswer_{d}_range",
            )
            for d in Dimension.values
        ]
        verbose_name = _("client test answer")
        verbose_name_plural = _("client test answers")

    def __str__(self) -> str:
        return _("answer %(number)s") % {"number": self.pk}

"""Section 3 of PRODUCT.md: signals from the client perspective (S1–S3)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aantafel.core.models import RegionOwned, TimelineEvent
from aantafel.core.outbox import OutgoingMail

from .workflow import SignalStatus

MAX_TEXT = 5000


class SignalSource(models.TextChoices):
    PUBLIC = "public", _("public form")
    REPRESENTATIVE = "representative", _("a representative, for their constituency")
    # C9: bottlenecks counted over closed cliëntoverleggen, never one family's words.
    SYSTEM = "system", _("bottlenecks of the cliëntoverleg")


class Signal(RegionOwned):
    """S1: a concern from the client perspective, in the words of whoever raised it."""

    text = models.TextField(_("what is going on"))
    source = models.CharField(_("brought in through"), max_length=20, choices=SignalSource.choices)
    # Only for a representative's signal: who, and for which constituency.
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    constituency = models.ForeignKey(
        "bodies.Constituency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signals",
        verbose_name=_("constituency"),
    )
    # S1/S3: an address for feedback, only when the person chose to leave one.
    contact_email = models.EmailField(_("e-mail address for feedback"), blank=True)
    suggested_theme = models.ForeignKey(
        "regions.PlanTheme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("theme chosen by the submitter"),
    )
    themes = models.ManyToManyField(
        "regions.PlanTheme", blank=True, related_name="signals", verbose_name=_("themes")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SignalStatus.choices, default=SignalStatus.NEW
    )
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("same as"),
    )
    # S2: "on the table" is an item proposal on a body's meeting.
    proposal = models.ForeignKey(
        "meetings.ItemProposal", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # S3: may appear, anonymised, on the public "you said, we did" page once closed.
    publishable = models.BooleanField(_("may be published"), default=False)
    public_summary = models.TextField(_("what we publish (anonymised)"), blank=True)
    # C9: the one signal per bottleneck, quarter and region ("casework:waiting_list:2026-Q4"),
    # so counting again updates it instead of adding another.
    system_key = models.CharField(
        max_length=80, blank=True, editable=False, default="", db_default=""
    )
    # S1: a safety concern goes to the safeguarding contact and out of every public view.
    safety_concern = models.BooleanField(_("safety concern"), default=False)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=SignalStatus.CLOSED) | ~Q(answer=""),
                name="signal_closed_has_answer",
            ),
            models.CheckConstraint(
                condition=Q(source__in=[SignalSource.PUBLIC, SignalSource.SYSTEM])
                | Q(raised_by__isnull=False),
                name="signal_representative_named",
            ),
            models.UniqueConstraint(
                fields=["region", "system_key"],
                condition=~Q(system_key=""),
                name="signal_system_key_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["region", "status", "created_at"], name="signal_region_status"),
        ]
        verbose_name = _("signal")
        verbose_name_plural = _("signals")

    def __str__(self) -> str:
        # Only the number: the text may hold personal details, and this string lands in the
        # audit log and the admin.
        return _("signal %(number)s") % {"number": self.pk}

    @property
    def is_public_view_allowed(self) -> bool:
        return self.status == SignalStatus.CLOSED and self.publishable and not self.safety_concern


class SignalEvent(TimelineEvent):
    """S2: the timeline of a signal. Append-only: who did what, when."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("brought in")
        STATUS = "status", _("status changed")
        THEMES = "themes", _("themes set")
        DUPLICATE = "duplicate", _("linked as the same as another signal")
        ANSWERED = "answered", _("answered")
        SAFETY = "safety", _("flagged as a safety concern")
        PUBLICATION = "publication", _("publication set")
        NOTE = "note", _("note")

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta(TimelineEvent.Meta):
        verbose_name = _("signal event")
        verbose_name_plural = _("signal events")


class SignalMail(OutgoingMail):
    """One e-mail about a signal: feedback to whoever raised it at a step that matters (S3), or
    the alert to the region's safeguarding contact (S1). (signal, topic) is unique, so a task
    that runs twice never sends twice; `sent_at` stays empty until the mail server took it."""

    SAFETY = "safety"

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="mails")
    # A status the raiser is told about, or SAFETY.
    topic = models.CharField(max_length=20)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["signal", "topic"], name="signal_mail_unique_topic")
        ]
        verbose_name = _("e-mail about a signal")
        verbose_name_plural = _("e-mails about signals")

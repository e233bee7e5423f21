"""P3: input campaigns ("ophalen, ophalen, ophalen"): a few short questions per pillar, answered
online or entered by staff from paper, a focus group or an event; open answers coded with
themes, and themes linked to the actions of the plan (PlanAction), so the plan shows the input
it came from."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aantafel.core.models import RegionOwned

from .events import AudienceType, Event
from .trajectories import Pillar, Trajectory


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("campaign status", "draft")
    OPEN = "open", pgettext_lazy("campaign status", "open")
    CLOSED = "closed", pgettext_lazy("campaign status", "closed")


class Campaign(RegionOwned):
    """P3: a campaign of short questions for young people and parents, per pillar. Anonymous:
    no name is asked and none is stored. Answers are taken while it is open (and before
    `closes_at`, when set)."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="campaigns")
    pillar = models.ForeignKey(
        Pillar,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="campaigns",
        verbose_name=_("pillar"),
    )
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    audiences = models.JSONField(_("for whom"), default=list, blank=True)  # AudienceType values
    anonymous = models.BooleanField(_("anonymous"), default=True)
    status = models.CharField(
        _("status"), max_length=20, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT
    )
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "pk"]
        indexes = [models.Index(fields=["region", "status"], name="campaign_region_status")]
        verbose_name = _("input campaign")
        verbose_name_plural = _("input campaigns")

    def __str__(self) -> str:
        return self.title


class QuestionKind(models.TextChoices):
    OPEN = "open", pgettext_lazy("question kind", "open question")
    CHOICE = "choice", pgettext_lazy("question kind", "choice")
    RATING = "rating", pgettext_lazy("question kind", "rating (1 to 5)")


class Question(RegionOwned):
    """P3: one short question of a campaign. A choice question has its options in `choices`;
    a rating is a number from 1 to 5."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("explanation"), max_length=300, blank=True)
    choices = models.JSONField(_("options"), default=list, blank=True)  # list[str]
    required = models.BooleanField(_("an answer is required"), default=False)

    class Meta:
        ordering = ["campaign", "position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text


class ResponseChannel(models.TextChoices):
    """P3: how an answer came in; everything but ONLINE is entered by staff and shown as such."""

    ONLINE = "online", _("online")
    PAPER = "paper", _("on paper")
    FOCUS_GROUP = "focus_group", _("in a focus group")
    EVENT = "event", _("at an event")


class CampaignResponse(RegionOwned):
    """P3: one person's answers to a campaign (or one sheet of paper, one contribution in a
    focus group). `respondent_name` stays empty for an anonymous campaign."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="responses")
    channel = models.CharField(
        _("how it came in"),
        max_length=20,
        choices=ResponseChannel.choices,
        default=ResponseChannel.ONLINE,
    )
    audience = models.CharField(
        _("I am a"), max_length=20, choices=AudienceType.choices, blank=True
    )
    respondent_name = models.CharField(_("name"), max_length=150, blank=True)
    event = models.ForeignKey(
        Event, on_delete=models.SET_NULL, null=True, blank=True, related_name="campaign_responses"
    )
    source_note = models.CharField(_("where it was gathered"), max_length=200, blank=True)
    # Flagged as a safety concern (safety.py): out of every public view from that moment.
    safety_flagged = models.BooleanField(_("safety concern"), default=False)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("campaign response")
        verbose_name_plural = _("campaign responses")

    def __str__(self) -> str:
        return f"response {self.pk}"


class Theme(RegionOwned):
    """P3: a theme staff code open answers with (e.g. "waiting lists", "being heard")."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint("campaign", Lower("name"), name="campaign_theme_unique_name"),
        ]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name


class Answer(RegionOwned):
    """P3: the answer to one question: `text` for an open question, `choice` for a choice,
    `rating` (1–5) for a rating. Open answers carry the themes staff coded them with."""

    response = models.ForeignKey(CampaignResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("answer"), blank=True)
    choice = models.CharField(_("choice"), max_length=200, blank=True)
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="answers")

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="answer_once"),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="answer_rating_1_to_5",
            ),
        ]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return f"answer {self.pk}"


class PlanActionStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("plan action", "planned")
    UNDERWAY = "underway", pgettext_lazy("plan action", "underway")
    DONE = "done", pgettext_lazy("plan action", "done")


class PlanAction(RegionOwned):
    """P3: an action of the trajectory's plan (plan van aanpak), per pillar. `themes` are the
    coded results it was built from: the plan shows which input it came from."""

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.CASCADE, related_name="plan_actions"
    )
    pillar = models.ForeignKey(
        Pillar,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_actions",
        verbose_name=_("pillar"),
    )
    title = models.CharField(_("action"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.CharField(_("who does it"), max_length=200, blank=True)
    due_on = models.DateField(_("by when"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PlanActionStatus.choices,
        default=PlanActionStatus.PLANNED,
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="plan_actions", verbose_name=_("comes from (themes)")
    )

    class Meta:
        ordering = ["trajectory", "pillar__number", "pk"]
        verbose_name = _("plan action")
        verbose_name_plural = _("plan actions")

    def __str__(self) -> str:
        return self.title

"""P1: a participation trajectory with its pillars, phases, updates and documents."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aantafel.core.models import RegionOwned

MAX_TEXT = 10000


class Trajectory(RegionOwned):
    """P1: a region's participation trajectory, e.g. "Cliënt- en jongerenparticipatie 2023–2028"."""

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    published = models.BooleanField(_("on the public site"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="trajectory_ends_after_start"
            ),
        ]
        verbose_name = _("participation trajectory")
        verbose_name_plural = _("participation trajectories")

    def __str__(self) -> str:
        return self.title


class Pillar(RegionOwned):
    """P1: one of a trajectory's pillars (pijlers), e.g. "regular co-decision"."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="pillars")
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["trajectory", "number"]
        constraints = [
            models.UniqueConstraint(fields=["trajectory", "number"], name="pillar_unique_number"),
        ]
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class Phase(RegionOwned):
    """P1: a phase of the trajectory, e.g. "collecting input" (ophalen), "plan", "carrying out"."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="phases")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    class Meta:
        ordering = ["trajectory", "starts_on", "pk"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self) -> str:
        return self.name


class UpdateKind(models.TextChoices):
    PROCESS = "process", _("process description")
    RESULT = "result", _("result")
    NEWS = "news", _("news")


class TrajectoryUpdate(RegionOwned):
    """P1: an update of the trajectory: how the process goes, or what it brought."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="updates")
    pillar = models.ForeignKey(
        Pillar,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="updates",
        verbose_name=_("pillar"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=UpdateKind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-published_at", "-created_at", "-pk"]
        verbose_name = _("trajectory update")
        verbose_name_plural = _("trajectory updates")

    def __str__(self) -> str:
        return self.title


class DecisionStatus(models.TextChoices):
    """P1: where a document such as the plan of approach stands in the decision-making."""

    # A context of their own: "adopted" is also the answer to an advice (overgenomen).
    DRAFT = "draft", pgettext_lazy("decision status", "draft")
    SUBMITTED = "submitted", pgettext_lazy("decision status", "submitted for decision")
    ADOPTED = "adopted", pgettext_lazy("decision status", "adopted")
    REJECTED = "rejected", pgettext_lazy("decision status", "not adopted")


def trajectory_document_upload_to(instance: "TrajectoryDocument", filename: str) -> str:
    # Names are never trusted: the stored name is generated, the original kept in the record.
    return f"participation/{instance.region_id}/{uuid.uuid4().hex}"


class TrajectoryDocument(RegionOwned):
    """P1: a document of the trajectory, e.g. the plan of approach, with its decision status."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    decision_status = models.CharField(
        _("decision status"),
        max_length=20,
        choices=DecisionStatus.choices,
        default=DecisionStatus.DRAFT,
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.CharField(_("decided by"), max_length=200, blank=True)
    file = models.FileField(upload_to=trajectory_document_upload_to, max_length=300)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("trajectory document")
        verbose_name_plural = _("trajectory documents")

    def __str__(self) -> str:
        return self.title

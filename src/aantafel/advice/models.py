"""S4 of PRODUCT.md: advice requests (adviesopdrachten) to a body, the views of its
constituencies, the advice given under the body's decision rule and the requester's response."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aantafel.bodies.models import DecisionRule
from aantafel.core.models import RegionOwned, TimelineEvent
from aantafel.core.outbox import OutgoingMail
from aantafel.meetings.models import Stance

from .workflow import AdviceResponse, AdviceStatus

MAX_TEXT = 10000

# The states in which the advice exists: it has a text and a moment it was given.
GIVEN_STATUSES = [
    AdviceStatus.ADVICE_GIVEN,
    AdviceStatus.RESPONSE_RECEIVED,
    AdviceStatus.CLOSED,
]
ANSWERED_STATUSES = [AdviceStatus.RESPONSE_RECEIVED, AdviceStatus.CLOSED]


class RequesterKind(models.TextChoices):
    PARENT_BODY = "parent_body", _("the parent body")
    DEPARTMENT = "department", _("a department")
    OTHER = "other", _("other")


class AdviceRequest(RegionOwned):
    """S4: a question put to a body for its advice, with a deadline."""

    body = models.ForeignKey(
        "bodies.Body",
        on_delete=models.PROTECT,
        related_name="advice_requests",
        verbose_name=_("body asked for advice"),
    )
    requester_kind = models.CharField(_("asked by"), max_length=20, choices=RequesterKind.choices)
    requester_name = models.CharField(_("name of the requester"), max_length=200)
    requester_email = models.EmailField(_("e-mail address of the requester"), blank=True)
    title = models.CharField(_("title"), max_length=200)
    question = models.TextField(_("question"))
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=20, choices=AdviceStatus.choices, default=AdviceStatus.RECEIVED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    advice_text = models.TextField(_("advice"), blank=True)
    advice_given_at = models.DateTimeField(_("advice given on"), null=True, blank=True)
    advice_given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The body's decision rule at the moment the advice was agreed (B6).
    decision_rule = models.CharField(
        _("decision rule"), max_length=32, choices=DecisionRule.choices, blank=True
    )
    # Consensus with reservation: the chair's reason for giving the advice before every
    # constituency had its say.
    missing_views_reason = models.TextField(_("why not every constituency had its say"), blank=True)
    votes_for = models.PositiveIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(_("votes against"), null=True, blank=True)
    votes_abstained = models.PositiveIntegerField(_("abstentions"), null=True, blank=True)
    response = models.CharField(
        _("response of the requester"), max_length=20, choices=AdviceResponse.choices, blank=True
    )
    response_reason = models.TextField(_("why"), blank=True)
    response_recorded_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # "Put on the agenda": an item proposal on a meeting of the body.
    proposal = models.ForeignKey(
        "meetings.ItemProposal", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=GIVEN_STATUSES)
                | (~Q(advice_text="") & Q(advice_given_at__isnull=False) & ~Q(decision_rule="")),
                name="advice_given_has_text",
            ),
            models.CheckConstraint(
                condition=Q(response="") | ~Q(response_reason=""),
                name="advice_response_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=ANSWERED_STATUSES)
                | (~Q(response="") & Q(response_recorded_at__isnull=False)),
                name="advice_answered_has_response",
            ),
            models.CheckConstraint(
                condition=~Q(status=AdviceStatus.CLOSED) | Q(closed_at__isnull=False),
                name="advice_closed_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["region", "status", "deadline"], name="advice_region_status"),
        ]
        verbose_name = _("advice request")
        verbose_name_plural = _("advice requests")

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in (AdviceStatus.RECEIVED, AdviceStatus.IN_PREPARATION)

    @property
    def is_given(self) -> bool:
        return self.status in GIVEN_STATUSES


class ConstituencyView(RegionOwned):
    """S4: what one constituency thinks of the question, recorded by its representative or by
    the body's supporter or chair on their behalf."""

    advice_request = models.ForeignKey(
        AdviceRequest, on_delete=models.CASCADE, related_name="views"
    )
    constituency = models.ForeignKey(
        "bodies.Constituency",
        on_delete=models.PROTECT,
        related_name="advice_views",
        verbose_name=_("constituency"),
    )
    stance = models.CharField(_("position"), max_length=20, choices=Stance.choices)
    view = models.TextField(_("view"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_on_behalf = models.BooleanField(_("recorded on behalf of the constituency"))

    class Meta:
        ordering = ["constituency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["advice_request", "constituency"], name="advice_view_unique_constituency"
            )
        ]
        verbose_name = _("constituency view")
        verbose_name_plural = _("constituency views")

    def __str__(self) -> str:
        return f"{self.constituency_id}: {self.stance}"


def advice_document_upload_to(instance: "AdviceDocument", filename: str) -> str:
    # Names are never trusted: the stored name is generated, the original kept in the record.
    return f"advice/{instance.region_id}/{uuid.uuid4().hex}"


class AdviceDocument(RegionOwned):
    """S4: a document that comes with the question."""

    advice_request = models.ForeignKey(
        AdviceRequest, on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(upload_to=advice_document_upload_to, max_length=300)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("advice document")
        verbose_name_plural = _("advice documents")

    def __str__(self) -> str:
        return self.title


class AdviceEvent(TimelineEvent):
    """S4: the timeline of an advice request. Append-only: who did what, when."""

    class Kind(models.TextChoices):
        CREATED = "created", _("received")
        EDITED = "edited", _("question or deadline changed")
        DOCUMENT = "document", _("document added")
        VIEW = "view", _("view of a constituency recorded")
        STATUS = "status", _("status changed")
        GIVEN = "given", _("advice given")
        RESPONSE = "response", _("response recorded")
        FOLLOW_UP = "follow_up", _("follow-up recorded")
        AGENDA = "agenda", _("put on the agenda")
        CLOSED = "closed", _("closed")

    advice_request = models.ForeignKey(
        AdviceRequest, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta(TimelineEvent.Meta):
        verbose_name = _("advice event")
        verbose_name_plural = _("advice events")


class AdviceFollowUp(RegionOwned):
    """S4: what was done with the requester's response afterwards."""

    advice_request = models.ForeignKey(
        AdviceRequest, on_delete=models.CASCADE, related_name="follow_ups"
    )
    text = models.TextField(_("what was done"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    on = models.DateField(_("on"))

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = _("follow-up of an advice")
        verbose_name_plural = _("follow-ups of advice")

    def __str__(self) -> str:
        return f"{self.advice_request_id} {self.on}"


class AdviceMail(OutgoingMail):
    """The advice, mailed once to the requester. One row per request: a task that runs twice
    never sends twice; `sent_at` stays empty until the mail server took it."""

    advice_request = models.OneToOneField(
        AdviceRequest, on_delete=models.CASCADE, related_name="mail"
    )

    class Meta:
        verbose_name = _("e-mail with an advice")
        verbose_name_plural = _("e-mails with advice")

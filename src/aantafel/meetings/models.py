"""Section 2 of PRODUCT.md: the meeting cycle (M1–M14).

A meeting of a body moves through planned → agenda published → held → minutes draft → minutes
approved (or is cancelled). Its agenda is built from item proposals (M2), standard items (the
approval of the previous minutes, M10) and items added at the meeting with its approval (M3).
Outcomes hang off the items: notes, decisions with each constituency's position (M8), actions
(M9). Minutes are drafted from all of that and frozen when approved (M10).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aantafel.core.models import RegionOwned


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    PUBLISHED = "published", _("agenda published")
    HELD = "held", _("held")
    MINUTES_DRAFT = "minutes_draft", _("minutes in draft")
    MINUTES_APPROVED = "minutes_approved", _("minutes approved")
    CANCELLED = "cancelled", _("cancelled")


class Meeting(RegionOwned):
    """M1: one meeting of a body, single or part of a series."""

    body = models.ForeignKey("bodies.Body", on_delete=models.PROTECT, related_name="meetings")
    title = models.CharField(_("title"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    # A series is the meetings planned together; they share this id and nothing else.
    series = models.UUIDField(_("series"), null=True, blank=True, db_index=True)
    # iCalendar: the UID stays the same for the life of the meeting, the sequence goes up with
    # each change, so mail clients update one calendar entry instead of adding another (M5).
    ical_uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ical_sequence = models.PositiveIntegerField(default=0)
    published_at = models.DateTimeField(_("agenda published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    held_at = models.DateTimeField(_("recorded as held"), null=True, blank=True)
    cancelled_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    # M7: the member who reports back to the parent body about this meeting.
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reports back to the parent body"),
    )

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            )
        ]
        indexes = [models.Index(fields=["body", "starts_at"], name="meeting_body_start")]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return self.title or f"{self.body} {self.starts_at:%Y-%m-%d}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def agenda_is_published(self) -> bool:
        return self.status not in (MeetingStatus.PLANNED, MeetingStatus.CANCELLED)

    @property
    def is_held(self) -> bool:
        return self.status in (
            MeetingStatus.HELD,
            MeetingStatus.MINUTES_DRAFT,
            MeetingStatus.MINUTES_APPROVED,
        )


class ItemType(models.TextChoices):
    """M4."""

    INFORMATION = "information", _("information")
    DISCUSSION = "discussion", _("discussion")
    DECISION = "decision", _("decision")
    ADVICE = "advice", _("advice")
    MINUTES_APPROVAL = "minutes_approval", _("approval of the minutes")
    REPORT_BACK = "report_back", _("report-back")


class ProposalStatus(models.TextChoices):
    SUBMITTED = "submitted", _("waiting for a decision")
    ACCEPTED = "accepted", _("accepted")
    DEFERRED = "deferred", _("moved to a later meeting")
    DECLINED = "declined", _("declined")


class ProposalSource(models.TextChoices):
    MEMBER = "member", _("a member")
    REPORT_BACK = "report_back", _("report-back of a body")


class ItemProposal(RegionOwned):
    """M2: an agenda item a member brings in through the supporter. M7: a report-back of a
    child body arrives as one too."""

    body = models.ForeignKey("bodies.Body", on_delete=models.PROTECT, related_name="proposals")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    explanation = models.TextField(_("explanation"), blank=True)
    desired_type = models.CharField(_("desired type"), max_length=20, choices=ItemType.choices)
    # The meeting the submitter asked for; after a decision, the meeting it went to.
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("meeting"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.SUBMITTED
    )
    source = models.CharField(
        max_length=20, choices=ProposalSource.choices, default=ProposalSource.MEMBER
    )
    source_meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="report_backs"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["body", "status"], name="proposal_body_status")]
        verbose_name = _("item proposal")
        verbose_name_plural = _("item proposals")

    def __str__(self) -> str:
        return self.title


class AgendaItem(RegionOwned):
    """M4: one item of a meeting's agenda, with what happened to it at the meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=200)
    explanation = models.TextField(_("explanation"), blank=True)
    item_type = models.CharField(_("type"), max_length=20, choices=ItemType.choices)
    presenter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("presenter"),
    )
    duration_minutes = models.PositiveSmallIntegerField(_("time (minutes)"), default=15)
    confidential = models.BooleanField(_("confidential"), default=False)
    client_impact = models.TextField(_("what does this mean for clients?"), blank=True)
    proposal = models.OneToOneField(
        ItemProposal, on_delete=models.PROTECT, null=True, blank=True, related_name="item"
    )
    # M10: the approval item names the meeting whose minutes it approves.
    minutes_of = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="approval_items"
    )
    # M9: an open action brought back to the table.
    follows_up_action = models.ForeignKey(
        "meetings.Action", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # M14: an item of the parent body's agenda mirrored here, with the client perspective
    # this body brings to it.
    mirrors = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="mirrored_by"
    )
    # M14/S4: an advice request to the parent body, mirrored here to prepare the client view.
    mirrors_advice = models.ForeignKey(
        "advice.AdviceRequest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mirrored_by",
    )
    client_perspective = models.TextField(_("client perspective"), blank=True)
    # M3: added at the meeting itself, with the meeting's approval on record.
    added_at_meeting = models.BooleanField(default=False)
    added_with_approval = models.CharField(_("approval of the meeting"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "position"],
                name="agenda_item_unique_position",
            ),
            models.CheckConstraint(
                condition=Q(added_at_meeting=False) | ~Q(added_with_approval=""),
                name="agenda_item_m3_approval_recorded",
            ),
        ]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title


def document_upload_to(instance: "Document", filename: str) -> str:
    # Names are never trusted: the stored name is generated, the original kept in the record.
    return f"meetings/{instance.region_id}/{uuid.uuid4().hex}"


class Document(RegionOwned):
    """Meeting documents (vergaderstukken): of an item, or of a proposal until it is decided."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, null=True, blank=True, related_name="documents"
    )
    proposal = models.ForeignKey(
        ItemProposal, on_delete=models.CASCADE, null=True, blank=True, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(upload_to=document_upload_to, max_length=300)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # M5: added after the agenda was published.
    late = models.BooleanField(_("late"), default=False)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(item__isnull=False) | Q(proposal__isnull=False),
                name="document_belongs_somewhere",
            )
        ]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title


class Response(models.TextChoices):
    NO_ANSWER = "no_answer", _("no answer yet")
    ATTENDING = "attending", _("coming")
    APOLOGIES = "apologies", _("sends apologies")


class Presence(models.TextChoices):
    PRESENT = "present", _("present")
    EXCUSED = "excused", _("excused")
    ABSENT = "absent", _("absent")


class Attendance(RegionOwned):
    """M6: one person invited to one meeting, their answer and, once held, their presence.
    B5: a substitute invited because the seat holder sent apologies points at that holder."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    membership = models.ForeignKey(
        "bodies.Membership", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    response = models.CharField(
        _("answer"), max_length=20, choices=Response.choices, default=Response.NO_ANSWER
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    presence = models.CharField(_("presence"), max_length=20, choices=Presence.choices, blank=True)
    substitute_for = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="substitutes"
    )

    class Meta:
        ordering = ["meeting", "user__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="attendance_unique_user")
        ]
        indexes = [models.Index(fields=["user", "meeting"], name="attendance_user_meeting")]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")

    def __str__(self) -> str:
        return f"{self.user} @ {self.meeting}"


class DecisionOutcome(models.TextChoices):
    """M8: the outcome under the body's decision rule (B6)."""

    AGREED = "agreed", _("agreed")
    AGREED_WITH_RESERVATIONS = "agreed_with_reservations", _("agreed, with reservations")
    NOT_AGREED = "not_agreed", _("no agreement")
    ADOPTED = "adopted", _("adopted by majority")
    REJECTED = "rejected", _("rejected by majority")
    POSTPONED = "postponed", _("postponed")


class Decision(RegionOwned):
    """M8: a decision on an agenda item, taken under the rule the body had at the time."""

    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="decisions")
    text = models.TextField(_("decision"))
    decision_rule = models.CharField(_("decision rule"), max_length=32)
    outcome = models.CharField(_("outcome"), max_length=32, choices=DecisionOutcome.choices)
    votes_for = models.PositiveSmallIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("votes against"), null=True, blank=True)
    votes_abstained = models.PositiveSmallIntegerField(_("abstentions"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["item__meeting__starts_at", "item__position", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.text[:80]


class Stance(models.TextChoices):
    AGREES = "agrees", _("agrees")
    RESERVATION = "reservation", _("agrees with a reservation")
    DISAGREES = "disagrees", _("does not agree")
    ABSTAINS = "abstains", _("abstains")


class ConstituencyPosition(RegionOwned):
    """M8/B6: a constituency's own position beside a decision (consensus with reservation)."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="positions")
    constituency = models.ForeignKey(
        "bodies.Constituency", on_delete=models.PROTECT, related_name="+"
    )
    stance = models.CharField(_("position"), max_length=20, choices=Stance.choices)
    statement = models.TextField(_("explanation"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["constituency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "constituency"], name="position_unique_constituency"
            )
        ]
        verbose_name = _("constituency position")
        verbose_name_plural = _("constituency positions")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("done")
    DROPPED = "dropped", _("dropped")


class Action(RegionOwned):
    """M9: something someone takes on, from a decision, an agreement or the regional plan."""

    body = models.ForeignKey("bodies.Body", on_delete=models.PROTECT, related_name="actions")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    decision = models.ForeignKey(
        Decision, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    title = models.CharField(_("action"), max_length=300)
    description = models.TextField(_("explanation"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="meeting_actions",
        verbose_name=_("owner"),
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    theme = models.ForeignKey(
        "regions.PlanTheme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("plan theme"),
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    status_note = models.CharField(_("note"), max_length=300, blank=True)
    last_reminded_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [
            models.Index(fields=["body", "status", "due_date"], name="action_body_status_due"),
            models.Index(fields=["owner", "status"], name="action_owner_status"),
        ]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self) -> str:
        return self.title


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    CIRCULATED = "circulated", _("circulated to the members")
    APPROVED = "approved", _("approved")


class Minutes(RegionOwned):
    """M10: the minutes of one meeting. The working text lives here while it is a draft;
    approval and every later correction freeze a MinutesVersion."""

    meeting = models.OneToOneField(Meeting, on_delete=models.PROTECT, related_name="minutes")
    status = models.CharField(
        _("status"), max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    text = models.TextField(_("minutes"))
    # Optimistic locking: a save must name the revision it started from (two editors, M10).
    revision = models.PositiveIntegerField(default=1)
    circulated_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_in = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return str(self.meeting)


class MinutesVersion(RegionOwned):
    """M10: a frozen version. Version 1 is what the meeting approved; later ones are
    corrections, each with its reason. Never edited."""

    minutes = models.ForeignKey(Minutes, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    amendments = models.TextField(_("amendments made at approval"), blank=True)
    reason = models.TextField(_("reason for the correction"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["minutes", "number"]
        constraints = [
            models.UniqueConstraint(fields=["minutes", "number"], name="minutes_version_unique")
        ]
        verbose_name = _("minutes version")
        verbose_name_plural = _("minutes versions")


class Reaction(RegionOwned):
    """M12: a member's written reaction to an item before the meeting, often their
    constituency's view when they cannot come."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="reactions")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    constituency = models.ForeignKey(
        "bodies.Constituency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("on behalf of"),
    )
    text = models.TextField(_("reaction"))

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")


class ConstituencyQuestion(RegionOwned):
    """M12: a short question about an item that a representative puts to their constituency
    as a link anyone in it can answer on a phone. Only a hash of the link's token is kept."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="questions")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    constituency = models.ForeignKey(
        "bodies.Constituency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    question = models.CharField(_("question"), max_length=300)
    token_hash = models.CharField(max_length=64, unique=True)
    closes_at = models.DateTimeField(_("open until"))

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("question to the constituency")
        verbose_name_plural = _("questions to the constituency")


class QuestionAnswer(RegionOwned):
    question = models.ForeignKey(
        ConstituencyQuestion, on_delete=models.CASCADE, related_name="answers"
    )
    text = models.TextField(_("answer"))

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

"""M10: the minutes of a meeting, from draft to approval at the next meeting and corrections."""

import re

import nh3
from django.db import transaction
from django.db.models import Max, Prefetch
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_record
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.typing import Actor

from .. import notify
from ..models import (
    Action,
    AgendaItem,
    Attendance,
    ConstituencyPosition,
    Decision,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesStatus,
    MinutesVersion,
    Presence,
)
from ._common import has_started, lock_meeting, require_status, require_text
from .agenda import agenda_add_minutes_approval_if_due, next_meeting_of

# What minutes may contain, whatever an editor (or a hand-made request) sends.
TABLE_TAGS = {"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"}
ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "a",
    "blockquote",
    *TABLE_TAGS,
}
ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
# Trix writes its paragraphs as <div> and its heading as <h1>; they are kept as <p> and <h2>
# (the page's own title is the only h1) instead of losing the breaks between paragraphs.
_RENAMES = [
    (re.compile(r"<(/?)div\b", re.IGNORECASE), r"<\1p"),
    (re.compile(r"<(/?)h1\b", re.IGNORECASE), r"<\1h2"),
]


def sanitize_minutes_html(html: str) -> str:
    """Clean HTML with only the tags minutes need; scripts, styles and event handlers go."""
    for pattern, replacement in _RENAMES:
        html = pattern.sub(replacement, html or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


# --- drafting ---------------------------------------------------------------------------------


def _prefill_context(meeting: Meeting) -> dict:
    attendances = list(
        Attendance.objects.filter(meeting=meeting)
        .select_related("user")
        .order_by("user__full_name")
    )
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("presenter", "minutes_of")
        .prefetch_related(
            Prefetch(
                "decisions",
                queryset=Decision.objects.prefetch_related(
                    Prefetch(
                        "positions",
                        queryset=ConstituencyPosition.objects.select_related("constituency"),
                    )
                ),
            ),
            Prefetch("actions", queryset=Action.objects.select_related("owner")),
        )
        .order_by("position")
    )
    return {
        "meeting": meeting,
        "present": [a for a in attendances if a.presence == Presence.PRESENT],
        "excused": [a for a in attendances if a.presence == Presence.EXCUSED],
        "absent": [a for a in attendances if a.presence == Presence.ABSENT],
        "items": items,
        "other_actions": list(
            Action.objects.filter(meeting=meeting, item__isnull=True).select_related("owner")
        ),
    }


def minutes_prefill(meeting: Meeting) -> str:
    """M10: the first draft: attendance, then each item with its notes, decisions (with each
    constituency's position) and actions. A confidential item keeps only its title here, since
    approved minutes are read by the whole region."""
    html = render_to_string("meetings/minutes_prefill.html", _prefill_context(meeting))
    return sanitize_minutes_html(html)


@transaction.atomic
def minutes_draft(*, actor: Actor, meeting: Meeting) -> Minutes:
    """M10: the supporter drafts the minutes of a held meeting, prefilled from the agenda, the
    notes, the decisions and the actions; the next meeting's agenda gets their approval."""
    meeting = lock_meeting(meeting)
    require_status(
        meeting, MeetingStatus.HELD, message=_("Minutes are drafted once the meeting is held.")
    )
    if Minutes.objects.filter(meeting=meeting).exists():
        raise ConflictError(_("These minutes have already been drafted."), code="already_drafted")
    minutes = Minutes.objects.create(
        region=meeting.region, meeting=meeting, text=minutes_prefill(meeting), edited_by=actor
    )
    meeting.status = MeetingStatus.MINUTES_DRAFT
    meeting.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action="minutes.draft",
        target=minutes,
        region=meeting.region,
        changes={"status": [MeetingStatus.HELD.value, MeetingStatus.MINUTES_DRAFT.value]},
    )
    following = next_meeting_of(meeting)
    if following is not None:
        agenda_add_minutes_approval_if_due(actor=actor, meeting=following)
    return minutes


# --- editing ----------------------------------------------------------------------------------


def _lock_minutes(minutes: Minutes) -> Minutes:
    return (
        Minutes.objects.select_for_update(of=("self",))
        .select_related("meeting", "region")
        .get(pk=minutes.pk)
    )


def _require_not_frozen(minutes: Minutes) -> None:
    if minutes.status == MinutesStatus.APPROVED:
        raise ConflictError(
            _("These minutes are approved and frozen; make a correction instead."), code="frozen"
        )


def _require_revision(minutes: Minutes, revision: int | None) -> None:
    if revision != minutes.revision:
        raise ConflictError(
            _(
                "Someone else saved these minutes while you were editing. Reload the page to see their version; your text has not been saved."
            ),
            field="text",
            code="edited_by_someone_else",
        )


def _clean_text(text: str) -> str:
    text = sanitize_minutes_html(text)
    return require_text(text, field="text", message=_("The minutes cannot be empty."))


def _save_text(actor: Actor, minutes: Minutes, text: str, revision: int | None) -> Minutes:
    _require_revision(minutes, revision)
    text = _clean_text(text)
    before = minutes.revision
    minutes.text = text
    minutes.revision += 1
    minutes.edited_by = actor
    minutes.save(update_fields=["text", "revision", "edited_by", "updated_at"])
    audit_record(
        actor=actor,
        action="minutes.save",
        target=minutes,
        region=minutes.region,
        changes={"revision": [before, minutes.revision]},
    )
    return minutes


@transaction.atomic
def minutes_save(*, actor: Actor, minutes: Minutes, text: str, revision: int | None) -> Minutes:
    """M10: save the draft. The HTML is cleaned whatever is sent; a save names the revision it
    started from, so of two editors the second is told instead of overwriting the first."""
    minutes = _lock_minutes(minutes)
    _require_not_frozen(minutes)
    return _save_text(actor, minutes, text, revision)


@transaction.atomic
def minutes_circulate(*, actor: Actor, minutes: Minutes) -> Minutes:
    """M10: the draft goes round to the members before the next meeting."""
    minutes = _lock_minutes(minutes)
    if minutes.status != MinutesStatus.DRAFT:
        raise ConflictError(_("Only draft minutes can be circulated."), code="wrong_status")
    minutes.status = MinutesStatus.CIRCULATED
    minutes.circulated_at = timezone.now()
    minutes.save(update_fields=["status", "circulated_at", "updated_at"])
    audit_record(
        actor=actor,
        action="minutes.circulate",
        target=minutes,
        region=minutes.region,
        changes={"status": [MinutesStatus.DRAFT.value, MinutesStatus.CIRCULATED.value]},
    )
    meeting_id = minutes.meeting_id
    transaction.on_commit(lambda: notify.minutes_circulated(meeting_id))
    return minutes


# --- approval and corrections ---------------------------------------------------------------


def _require_approval_item(minutes: Minutes, at_meeting: Meeting) -> None:
    if not AgendaItem.objects.filter(meeting=at_meeting, minutes_of_id=minutes.meeting_id).exists():
        raise DomainError(
            _("These minutes are approved at the meeting whose agenda holds their approval."),
            field="at_meeting",
            code="not_on_agenda",
        )
    if at_meeting.status in (MeetingStatus.PLANNED, MeetingStatus.CANCELLED) or not (
        at_meeting.is_held or has_started(at_meeting)
    ):
        raise ConflictError(
            _("Minutes are approved at the meeting itself, once it has started."),
            code="not_started",
        )


@transaction.atomic
def minutes_approve(
    *,
    actor: Actor,
    minutes: Minutes,
    at_meeting: Meeting,
    amendments: str = "",
    text: str | None = None,
    revision: int | None = None,
) -> Minutes:
    """M10: the next meeting approves the minutes, with or without amendments; that version is
    frozen as version 1 and the meeting they record is closed."""
    at_meeting = lock_meeting(at_meeting)
    meeting = lock_meeting(minutes.meeting)
    minutes = _lock_minutes(minutes)
    if minutes.status == MinutesStatus.APPROVED:
        raise ConflictError(_("These minutes have already been approved."), code="already_approved")
    if not meeting.is_held:
        raise ConflictError(
            _("Only the minutes of a meeting that has been held can be approved."), code="not_held"
        )
    _require_approval_item(minutes, at_meeting)
    if text is not None:
        minutes = _save_text(actor, minutes, text, revision)
    amendments = (amendments or "").strip()
    MinutesVersion.objects.create(
        region=minutes.region,
        minutes=minutes,
        number=1,
        text=minutes.text,
        amendments=amendments,
        created_by=actor,
    )
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_at = timezone.now()
    minutes.approved_in = at_meeting
    minutes.save(update_fields=["status", "approved_at", "approved_in", "updated_at"])
    before = meeting.status
    meeting.status = MeetingStatus.MINUTES_APPROVED
    meeting.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action="minutes.approve",
        target=minutes,
        region=minutes.region,
        changes={
            "status": [before, MeetingStatus.MINUTES_APPROVED.value],
            "approved_in": [None, at_meeting.pk],
            "amendments": [None, amendments or None],
        },
    )
    return minutes


@transaction.atomic
def minutes_correct(*, actor: Actor, minutes: Minutes, text: str, reason: str) -> MinutesVersion:
    """M10: approved minutes are never edited; a correction is a new version with its reason."""
    minutes = _lock_minutes(minutes)
    if minutes.status != MinutesStatus.APPROVED:
        raise ConflictError(
            _("Only approved minutes are corrected; edit the draft instead."), code="not_approved"
        )
    reason = require_text(reason, field="reason", message=_("Say why the minutes are corrected."))
    text = _clean_text(text)
    if text == minutes.text:
        raise DomainError(_("The text has not changed."), field="text", code="unchanged")
    number = (minutes.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = MinutesVersion.objects.create(
        region=minutes.region,
        minutes=minutes,
        number=number,
        text=text,
        reason=reason,
        created_by=actor,
    )
    minutes.text = text
    minutes.revision += 1
    minutes.edited_by = actor
    minutes.save(update_fields=["text", "revision", "edited_by", "updated_at"])
    audit_record(
        actor=actor,
        action="minutes.correct",
        target=minutes,
        region=minutes.region,
        changes={"version": [number - 1, number], "reason": [None, reason]},
    )
    return version

"""M3, M4, M9, M10: building a meeting's agenda."""

from dataclasses import dataclass, fields
from typing import Any

from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext_lazy as _

from aantafel.accounts.models import User
from aantafel.audit.services import audit_created, audit_record, changes_between, snapshot
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.typing import Actor

from ..models import Action, ActionStatus, AgendaItem, ItemType, Meeting, MeetingStatus
from ._common import has_started, lock_meeting, require_open, require_text

AUDITED = [
    "title",
    "item_type",
    "presenter",
    "duration_minutes",
    "confidential",
    "client_impact",
    "explanation",
]
MAX_MINUTES = 480


@dataclass(frozen=True)
class ItemFields:
    """M4: what an agenda item says."""

    title: str
    item_type: str
    explanation: str = ""
    presenter: User | None = None
    duration_minutes: int = 15
    confidential: bool = False
    client_impact: str = ""

    def checked(self, meeting: Meeting) -> "ItemFields":
        title = require_text(self.title, field="title", message=_("Give the item a title."))
        if self.item_type not in ItemType.values:
            raise DomainError(_("Choose the type of the item."), field="item_type")
        if not self.duration_minutes or not 1 <= self.duration_minutes <= MAX_MINUTES:
            raise DomainError(
                _("Give the item between 1 and %(max)s minutes.") % {"max": MAX_MINUTES},
                field="duration_minutes",
            )
        if (
            self.presenter is not None
            and not meeting.body.memberships.filter(user=self.presenter).exists()
        ):
            raise DomainError(
                _("The presenter must be a member of this body."),
                field="presenter",
                code="unknown",
            )
        return ItemFields(
            title,
            self.item_type,
            (self.explanation or "").strip(),
            self.presenter,
            self.duration_minutes,
            bool(self.confidential),
            (self.client_impact or "").strip(),
        )

    def as_fields(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _require_agenda_open(meeting: Meeting) -> None:
    require_open(meeting)
    if meeting.is_held or has_started(meeting):
        raise ConflictError(
            _(
                "This meeting has started. An item can now be added only with the approval of the meeting."
            ),
            code="m3_approval_required",
        )


def _next_position(meeting: Meeting) -> int:
    return (AgendaItem.objects.filter(meeting=meeting).aggregate(m=Max("position"))["m"] or 0) + 1


def _create_item(actor: Actor, meeting: Meeting, item: ItemFields, **extra: Any) -> AgendaItem:
    created = AgendaItem.objects.create(
        region=meeting.region,
        meeting=meeting,
        position=extra.pop("position", None) or _next_position(meeting),
        **item.checked(meeting).as_fields(),
        **extra,
    )
    audit_created(
        actor=actor, action="agenda_item.add", target=created, region=meeting.region, fields=AUDITED
    )
    return created


@transaction.atomic
def agenda_item_add(*, actor: Actor, meeting: Meeting, item: ItemFields) -> AgendaItem:
    """M4: the supporter puts an item on the agenda of a meeting that has not started."""
    meeting = lock_meeting(meeting)
    _require_agenda_open(meeting)
    return _create_item(actor, meeting, item)


@transaction.atomic
def agenda_item_add_at_meeting(
    *, actor: Actor, meeting: Meeting, item: ItemFields, approval: str
) -> AgendaItem:
    """M3: at the meeting itself an item is added only with the meeting's approval, recorded
    with it ("approved by the meeting, no objections")."""
    meeting = lock_meeting(meeting)
    require_open(meeting)
    if not has_started(meeting) or meeting.status == MeetingStatus.PLANNED:
        raise ConflictError(
            _("This meeting has not started yet: add the item to the agenda the usual way."),
            code="not_started",
        )
    approval = require_text(
        approval,
        field="approval",
        message=_("Record how the meeting approved adding this item."),
    )
    return _create_item(actor, meeting, item, added_at_meeting=True, added_with_approval=approval)


@transaction.atomic
def agenda_item_update(*, actor: Actor, item: AgendaItem, fields: ItemFields) -> AgendaItem:
    """M4: change an item. Once the meeting has started, the agenda is what the meeting had;
    only the client-impact field can still be completed (by the chair, M4)."""
    meeting = lock_meeting(item.meeting)
    require_open(meeting)
    item = AgendaItem.objects.get(pk=item.pk)
    before = snapshot(item, AUDITED)
    new = fields.checked(meeting).as_fields()
    if meeting.is_held or has_started(meeting):
        changed = {k for k, v in new.items() if getattr(item, k) != v}
        if changed - {"client_impact"}:
            raise ConflictError(
                _("This meeting has started; its agenda can no longer change."), code="started"
            )
    for name, value in new.items():
        setattr(item, name, value)
    item.save()
    changes = changes_between(before, snapshot(item, AUDITED))
    if changes:
        audit_record(
            actor=actor,
            action="agenda_item.update",
            target=item,
            region=item.region,
            changes=changes,
        )
    return item


@transaction.atomic
def agenda_item_move(*, actor: Actor, item: AgendaItem, direction: int) -> AgendaItem:
    """M4: move an item one place up (-1) or down (+1) on the agenda."""
    meeting = lock_meeting(item.meeting)
    _require_agenda_open(meeting)
    item = AgendaItem.objects.get(pk=item.pk)
    neighbour_qs = AgendaItem.objects.filter(meeting=meeting)
    neighbour = (
        neighbour_qs.filter(position__lt=item.position).order_by("-position").first()
        if direction < 0
        else neighbour_qs.filter(position__gt=item.position).order_by("position").first()
    )
    if neighbour is None:
        return item
    # Swap through position 0 (never used) so the unique position holds at every step.
    mine, theirs = item.position, neighbour.position
    AgendaItem.objects.filter(pk=item.pk).update(position=0)
    AgendaItem.objects.filter(pk=neighbour.pk).update(position=mine)
    AgendaItem.objects.filter(pk=item.pk).update(position=theirs)
    audit_record(
        actor=actor,
        action="agenda_item.move",
        target=item,
        region=item.region,
        changes={"position": [mine, theirs]},
    )
    item.position = theirs
    return item


def _insert_first(meeting: Meeting) -> int:
    """Makes room at the top of the agenda; returns position 1."""
    items = AgendaItem.objects.filter(meeting=meeting)
    # Two steps, so no two items ever share a position on the way.
    items.update(position=F("position") + 10000)
    items.update(position=F("position") - 9999)
    return 1


def previous_meeting_awaiting_approval(meeting: Meeting) -> Meeting | None:
    """M10: the meeting right before this one, if its minutes still wait for approval."""
    previous = (
        Meeting.objects.filter(body_id=meeting.body_id, starts_at__lt=meeting.starts_at)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("-starts_at")
        .first()
    )
    if previous is None or previous.status in (
        MeetingStatus.MINUTES_APPROVED,
        MeetingStatus.PLANNED,
        MeetingStatus.PUBLISHED,
    ):
        return None
    return previous


def agenda_add_minutes_approval_if_due(*, actor: Actor, meeting: Meeting) -> AgendaItem | None:
    """M10: the agenda of the meeting after one with unapproved minutes holds "approval of the
    minutes of the previous meeting", once, at the top. Called when a meeting is planned and
    when minutes are drafted; runs inside the caller's transaction."""
    if meeting.status != MeetingStatus.PLANNED:
        return None
    previous = previous_meeting_awaiting_approval(meeting)
    if previous is None or AgendaItem.objects.filter(minutes_of=previous).exists():
        return None
    local = previous.starts_at.astimezone(meeting.starts_at.tzinfo)
    return _create_item(
        actor,
        meeting,
        ItemFields(
            title=str(_("Approval of the minutes of %(date)s")) % {"date": f"{local:%d-%m-%Y}"},
            item_type=ItemType.MINUTES_APPROVAL,
            duration_minutes=5,
        ),
        position=_insert_first(meeting),
        minutes_of=previous,
    )


def next_meeting_of(meeting: Meeting) -> Meeting | None:
    """The body's next meeting that has not started, after this one."""
    return (
        Meeting.objects.filter(
            body_id=meeting.body_id,
            starts_at__gt=meeting.starts_at,
            status=MeetingStatus.PLANNED,
        )
        .order_by("starts_at")
        .first()
    )


@transaction.atomic
def agenda_item_from_action(*, actor: Actor, meeting: Meeting, action: Action) -> AgendaItem:
    """M9: bring an open action back to the table, so the chair can follow it up."""
    meeting = lock_meeting(meeting)
    _require_agenda_open(meeting)
    if action.body_id != meeting.body_id or action.status != ActionStatus.OPEN:
        raise DomainError(
            _("Only an open action of this body can be put on its agenda."),
            field="action",
            code="not_open",
        )
    if AgendaItem.objects.filter(meeting=meeting, follows_up_action=action).exists():
        raise ConflictError(_("This action is already on the agenda."), code="duplicate")
    return _create_item(
        actor,
        meeting,
        ItemFields(
            title=str(_("Follow-up: %(action)s")) % {"action": action.title},
            item_type=ItemType.DISCUSSION,
            presenter=action.owner,
            duration_minutes=10,
            # An action agreed on a confidential item stays as confidential as its item.
            confidential=action.item is not None and action.item.confidential,
        ),
        follows_up_action=action,
    )

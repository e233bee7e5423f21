"""M14: the client representatives' consultation prepares the parent body's meetings. It
mirrors the parent body's agenda items and its open advice requests (S4) into its own agenda
and records the client perspective it brings back to that table.

A mirrored item refers to its source; of an advice request it copies the title and the question
only (the constituencies' views and the advice stay with the request and its readers).
"""

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from aantafel.advice.models import AdviceRequest
from aantafel.advice.workflow import AdviceStatus
from aantafel.audit.services import audit_record
from aantafel.bodies.models import Body, BodyType
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.typing import Actor

from ..models import AgendaItem, ItemType, Meeting, MeetingStatus
from ._common import lock_meeting, require_open, require_text
from .agenda import ItemFields, _create_item, _require_agenda_open

MAX_PERSPECTIVE = 10000


def can_mirror_into(body: Body) -> bool:
    """Only a client representatives' consultation with a parent body mirrors its items."""
    return body.body_type == BodyType.CLIENT_REPRESENTATIVES and body.parent_id is not None


def mirrorable_items(body: Body) -> QuerySet[AgendaItem]:
    """The non-confidential items of the parent body's meetings still to come."""
    parent_id = body.parent_id
    if parent_id is None or not can_mirror_into(body):
        return AgendaItem.objects.none()
    return (
        AgendaItem.objects.filter(
            meeting__body_id=parent_id,
            meeting__status__in=(MeetingStatus.PLANNED, MeetingStatus.PUBLISHED),
            confidential=False,
        )
        .exclude(item_type=ItemType.MINUTES_APPROVAL)
        .select_related("meeting")
        .order_by("meeting__starts_at", "meeting_id", "position")
    )


def mirrorable_advice_requests(body: Body) -> QuerySet[AdviceRequest]:
    """S4/M14: the parent body's advice requests that are still being prepared."""
    parent_id = body.parent_id
    if parent_id is None or not can_mirror_into(body):
        return AdviceRequest.objects.none()
    return AdviceRequest.objects.filter(
        body_id=parent_id, status__in=(AdviceStatus.RECEIVED, AdviceStatus.IN_PREPARATION)
    ).order_by("deadline", "pk")


def _clean_perspective(text: str) -> str:
    text = (text or "").strip()
    if len(text) > MAX_PERSPECTIVE:
        raise DomainError(
            _("Keep the client perspective under %(max)s characters.") % {"max": MAX_PERSPECTIVE},
            field="client_perspective",
            code="too_long",
        )
    return text


@transaction.atomic
def agenda_item_mirror(
    *, actor: Actor, meeting: Meeting, source_item: AgendaItem, client_perspective: str = ""
) -> AgendaItem:
    """M14: put an item of the parent body's agenda on this consultation's agenda, with a
    reference to it, so the client perspective can be prepared before the parent meets."""
    meeting = lock_meeting(meeting)
    source = AgendaItem.objects.select_related("meeting").get(pk=source_item.pk)
    if not can_mirror_into(meeting.body) or source.meeting.body_id != meeting.body.parent_id:
        raise DomainError(
            _(
                "Only the client representatives' consultation of a body can mirror that body's items."
            ),
            field="source_item",
            code="not_parent",
        )
    if source.confidential:
        raise DomainError(
            _("This item is confidential and cannot be mirrored."),
            field="source_item",
            code="confidential",
        )
    if source.item_type == ItemType.MINUTES_APPROVAL or source.meeting.is_cancelled:
        raise DomainError(
            _("This item cannot be mirrored."), field="source_item", code="not_mirrorable"
        )
    _require_agenda_open(meeting)
    if AgendaItem.objects.filter(meeting=meeting, mirrors=source).exists():
        raise ConflictError(_("This item is already on the agenda."), code="duplicate")
    item = _create_item(
        actor,
        meeting,
        ItemFields(title=source.title, item_type=source.item_type, explanation=source.explanation),
        mirrors=source,
        client_perspective=_clean_perspective(client_perspective),
    )
    audit_record(
        actor=actor,
        action="agenda_item.mirror",
        target=item,
        region=item.region,
        changes={
            "mirrors": [None, f"{source} ({source.meeting})"],
            "client_perspective": [None, item.client_perspective or None],
        },
    )
    return item


@transaction.atomic
def advice_request_mirror(
    *, actor: Actor, meeting: Meeting, advice_request: AdviceRequest
) -> AgendaItem:
    """M14/S4: put an advice request to the parent body on this consultation's agenda, so the
    client representatives prepare their view before the parent body gives its advice."""
    meeting = lock_meeting(meeting)
    request = AdviceRequest.objects.get(pk=advice_request.pk)
    if not can_mirror_into(meeting.body) or request.body_id != meeting.body.parent_id:
        raise DomainError(
            _(
                "Only the client representatives' consultation of a body can mirror that body's advice requests."
            ),
            field="advice_request",
            code="not_parent",
        )
    if not request.is_open:
        raise DomainError(
            _("The advice on this request has been given already."),
            field="advice_request",
            code="not_mirrorable",
        )
    _require_agenda_open(meeting)
    if AgendaItem.objects.filter(meeting=meeting, mirrors_advice=request).exists():
        raise ConflictError(_("This advice request is already on the agenda."), code="duplicate")
    item = _create_item(
        actor,
        meeting,
        ItemFields(title=request.title, item_type=ItemType.ADVICE, explanation=request.question),
        mirrors_advice=request,
    )
    audit_record(
        actor=actor,
        action="agenda_item.mirror_advice",
        target=item,
        region=item.region,
        changes={"mirrors_advice": [None, f"{request.title} ({request.requester_name})"]},
    )
    return item


@transaction.atomic
def client_perspective_record(*, actor: Actor, item: AgendaItem, text: str) -> AgendaItem:
    """M14: record the client perspective the consultation brings to the parent body's item."""
    meeting = lock_meeting(item.meeting)
    require_open(meeting)
    item = AgendaItem.objects.get(pk=item.pk)
    if item.mirrors_id is None and item.mirrors_advice_id is None:
        raise DomainError(
            _("A client perspective is recorded on an item mirrored from the parent body."),
            code="not_mirrored",
        )
    text = _clean_perspective(
        require_text(text, field="client_perspective", message=_("Write the client perspective."))
    )
    before = item.client_perspective
    if text != before:
        item.client_perspective = text
        item.save(update_fields=["client_perspective", "updated_at"])
        audit_record(
            actor=actor,
            action="agenda_item.client_perspective",
            target=item,
            region=item.region,
            changes={"client_perspective": [before, text]},
        )
    item.meeting = meeting
    return item

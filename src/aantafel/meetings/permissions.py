"""Who may see and do what in the meeting cycle. docs/authorization.md lists every view.

- Everyone in the region sees a body's meetings, agendas, decisions and approved minutes, as
  they see the body itself (B1).
- Confidential items (M4), their documents, reactions and notes, and minutes still in draft,
  are for the body's current members only (chair, supporter, member; not guests).
- Any current member except a guest brings in items and reacts to them (M2, M12).
- The supporter and the region administrator run the cycle: plan, publish, documents,
  attendance, minutes (M1, M5, M6, M10). The chair prepares and leads the meeting with the
  supporter (seeds/001): they decide on proposals and record what the meeting decided (M2, M3,
  M7–M9).
"""

import rules
from django.db.models import QuerySet
from django.http import Http404

from aantafel.bodies.models import Body, MembershipRole
from aantafel.bodies.permissions import body_roles, can_manage_body, can_view_body, is_body_chair
from aantafel.core.typing import AnyUser
from aantafel.regions.models import Region
from aantafel.regions.permissions import is_region_member

from .models import Action, AgendaItem, Meeting

# What the meeting permissions are checked on: the body itself or a record of its cycle.
MeetingObject = Body | Meeting | AgendaItem | Action
SEATED_ROLES = {MembershipRole.CHAIR, MembershipRole.SUPPORTER, MembershipRole.MEMBER}


def _body(obj: MeetingObject) -> Body:
    if isinstance(obj, Body):
        return obj
    if isinstance(obj, AgendaItem):
        return obj.meeting.body
    return obj.body


@rules.predicate
def can_view_meetings(user: AnyUser, obj: MeetingObject) -> bool:
    return bool(can_view_body(user, _body(obj)))


@rules.predicate
def is_seated_member(user: AnyUser, obj: MeetingObject) -> bool:
    """A current member of the body at the table: chair, supporter or member (not a guest)."""
    return bool(body_roles(user, _body(obj)) & SEATED_ROLES)


@rules.predicate
def can_run_cycle(user: AnyUser, obj: MeetingObject) -> bool:
    return bool(can_manage_body(user, _body(obj)))


@rules.predicate
def is_chair_of(user: AnyUser, obj: MeetingObject) -> bool:
    return bool(is_body_chair(user, _body(obj)))


@rules.predicate
def is_action_owner(user: AnyUser, action: Action) -> bool:
    return isinstance(action, Action) and user.is_authenticated and action.owner_id == user.pk


can_lead_meeting = can_run_cycle | is_chair_of

rules.add_perm("meetings.view_meeting", can_view_meetings)  # object: Body, Meeting or AgendaItem
rules.add_perm("meetings.view_confidential", is_seated_member)
rules.add_perm("meetings.submit_item", is_seated_member)  # object: Body
rules.add_perm("meetings.react", is_seated_member)  # object: AgendaItem
rules.add_perm("meetings.manage_meeting", can_run_cycle)  # object: Body or Meeting
rules.add_perm("meetings.lead_meeting", can_lead_meeting)  # object: Body or Meeting
rules.add_perm("meetings.update_action", can_lead_meeting | is_action_owner)  # object: Action


def meetings_visible_to(user: AnyUser, region: Region) -> QuerySet[Meeting]:
    if not is_region_member(user, region):
        return Meeting.objects.none()
    return Meeting.objects.filter(region=region)


def meeting_get_for_user(user: AnyUser, region: Region, pk: int) -> Meeting:
    """404 for a meeting that does not exist and for one of another region alike."""
    meeting = (
        meetings_visible_to(user, region)
        .select_related("region", "body", "body__region", "body__parent", "reporter")
        .filter(pk=pk)
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting


def item_get_for_user(user: AnyUser, meeting: Meeting, pk: int) -> AgendaItem:
    """An item of this meeting; a confidential one is 404 to whoever may not see it, so its
    title does not leak either."""
    item = AgendaItem.objects.filter(meeting=meeting, pk=pk).select_related("meeting").first()
    if item is None or (
        item.confidential and not user.has_perm("meetings.view_confidential", item)
    ):
        raise Http404
    item.meeting = meeting
    return item

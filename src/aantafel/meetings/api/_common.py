"""What the endpoints of the meetings API share: the permissions they name, the schema of a read
and a write, and the bases that look up the body and the meeting of the URL (404 otherwise)."""

from typing import Any

from django.db.models import Model
from django.http import Http404

from aantafel.bodies.models import Body
from aantafel.bodies.permissions import body_get_for_user
from aantafel.regions.api import READ_PROBLEMS, WRITE_PROBLEMS, ApiViewSet, problems

from ..models import AgendaItem, Meeting
from ..permissions import item_get_for_user, meeting_get_for_user
from ..serializers import DocumentInputSerializer

VIEW = "meetings.view_meeting"
MANAGE = "meetings.manage_meeting"
LEAD = "meetings.lead_meeting"
SUBMIT = "meetings.submit_item"
REACT = "meetings.react"
CONFIDENTIAL = "meetings.view_confidential"
# The service's 400 and 409 answers besides the usual ones.
WRITE_409 = (*WRITE_PROBLEMS, 409)

BODY = "regions/<slug:region_slug>/bodies/<int:body_id>/"
MEETING = BODY + "meetings/<int:meeting_id>/"


def write_schema(request: Any, output: Any, *, created: bool = False) -> dict[Any, Any]:
    """extend_schema arguments of a write: its input, its output and the problems it can give."""
    code = 201 if created else 200
    return {"request": request, "responses": {code: output, **problems(*WRITE_409)}}


def read_schema(output: Any) -> dict[Any, Any]:
    return {"responses": {200: output, **problems(*READ_PROBLEMS)}}


def delete_schema() -> dict[Any, Any]:
    """extend_schema arguments of a delete: no content, or the problems it can give."""
    return {"request": None, "responses": {204: None, **problems(*WRITE_409)}}


def upload_schema(output: Any) -> dict[Any, Any]:
    return {
        "request": {"multipart/form-data": DocumentInputSerializer},
        "responses": {201: output, **problems(*WRITE_409)},
    }


class BodyScopedViewSet(ApiViewSet):
    """Base of the endpoints under /bodies/{body_id}/: the body is looked up within the region
    (404 otherwise); permissions are checked on it unless a view names a narrower object."""

    body: Body

    def resolve_objects(self, **kwargs: Any) -> None:
        self.body = body_get_for_user(self.request.user, self.region, kwargs["body_id"])

    def permission_object(self) -> Model | None:
        return self.body

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "body": getattr(self, "body", None)}


class MeetingScopedViewSet(BodyScopedViewSet):
    """Base of the endpoints under /meetings/{meeting_id}/: the meeting is looked up within the
    body (404 otherwise) and is the object every permission is checked on."""

    meeting: Meeting

    def resolve_objects(self, **kwargs: Any) -> None:
        super().resolve_objects(**kwargs)
        self.meeting = meeting_of(self.request.user, self.body, kwargs["meeting_id"])

    def permission_object(self) -> Model | None:
        return self.meeting

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "meeting": getattr(self, "meeting", None)}


class ItemScopedViewSet(MeetingScopedViewSet):
    """Base of the endpoints under /items/{pk}/ of a meeting: the item is looked up within the
    meeting (404 otherwise, and for a confidential item whoever may not see it) and is the
    object every permission is checked on."""

    item: AgendaItem

    def resolve_objects(self, **kwargs: Any) -> None:
        super().resolve_objects(**kwargs)
        self.item = item_get_for_user(self.request.user, self.meeting, kwargs["pk"])

    def permission_object(self) -> Model | None:
        return self.item


def meeting_of(user: Any, body: Body, pk: int) -> Meeting:
    """A meeting of this body in the user's region; 404 for any other."""
    meeting = meeting_get_for_user(user, body.region, pk)
    if meeting.body_id != body.pk:
        raise Http404
    return meeting

"""M2: items members bring in through the supporter, and the decisions about them."""

from typing import Any

from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.regions.api import fields_renamed

from .. import queries_api as queries
from .. import services
from ..models import ItemProposal
from ..serializers import (
    DocumentInputSerializer,
    DocumentSerializer,
    ProposalAcceptInputSerializer,
    ProposalDeclineInputSerializer,
    ProposalDeferInputSerializer,
    ProposalFilterSerializer,
    ProposalInputSerializer,
    ProposalSerializer,
)
from ._common import (
    BODY,
    LEAD,
    SUBMIT,
    VIEW,
    BodyScopedViewSet,
    read_schema,
    upload_schema,
    write_schema,
)


@extend_schema(tags=["proposals"])
class ProposalViewSet(BodyScopedViewSet):
    """Items members bring in through the supporter, and the decisions about them (M2).

    Permissions: list and retrieve — meetings.view_meeting (any member of the region), showing
    all of the body's proposals to meetings.lead_meeting (region administrator, the body's
    supporter or chair) and one's own to anyone else (others' are a 404); create —
    meetings.submit_item (the body's chair, supporter and members, not guests); accept, defer
    and decline — meetings.lead_meeting; add_document — meetings.view_meeting, on one's own
    proposal or as meetings.lead_meeting.
    """

    queryset = ItemProposal.objects.none()
    serializer_class = ProposalSerializer
    input_serializers = {
        "create": ProposalInputSerializer,
        "accept": ProposalAcceptInputSerializer,
        "defer": ProposalDeferInputSerializer,
        "decline": ProposalDeclineInputSerializer,
        "add_document": DocumentInputSerializer,
    }
    rules = {
        "list": VIEW,
        "retrieve": VIEW,
        "create": SUBMIT,
        "accept": LEAD,
        "defer": LEAD,
        "decline": LEAD,
        "add_document": VIEW,
    }

    def _visible(self, status: str | None = None) -> Any:
        user = self.request.user
        mine_only = None if user.has_perm(LEAD, self.body) else user
        return queries.proposals_of_body(self.body, submitted_by=mine_only, status=status)

    def _proposal(self, pk: int) -> ItemProposal:
        proposal = self._visible().filter(pk=pk).first()
        if proposal is None:
            raise Http404
        return proposal

    def _out(self, pk: int, *, status_code: int = 200) -> Response:
        return self.output(self._proposal(pk), status_code=status_code)

    @extend_schema(parameters=[ProposalFilterSerializer], **read_schema(ProposalSerializer))
    def list(self, request: Request, region_slug: str, body_id: int) -> Response:
        filters = self.parse_query(ProposalFilterSerializer)
        return self.paginated(self._visible(filters.get("status")))

    @extend_schema(**read_schema(ProposalSerializer))
    def retrieve(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        return self._out(pk)

    @extend_schema(
        summary=_("Bring in an item through the supporter (M2)."),
        **write_schema(ProposalInputSerializer, ProposalSerializer, created=True),
    )
    def create(self, request: Request, region_slug: str, body_id: int) -> Response:
        data = self.parse(ProposalInputSerializer)
        proposal = services.proposal_submit(actor=self.actor, body=self.body, **data)
        return self._out(proposal.pk, status_code=201)

    @extend_schema(
        summary=_("Put the item on a meeting's agenda; the submitter is told (M2)."),
        **write_schema(ProposalAcceptInputSerializer, ProposalSerializer),
    )
    def accept(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        proposal = self._proposal(pk)
        data = self.parse(ProposalAcceptInputSerializer)
        services.proposal_accept(
            actor=self.actor,
            proposal=proposal,
            meeting=data["meeting"],
            item_type=data["item_type"],
            duration_minutes=data["duration_minutes"],
        )
        return self._out(pk)

    @extend_schema(
        summary=_("Move the item to a later meeting, or to none yet (M2)."),
        **write_schema(ProposalDeferInputSerializer, ProposalSerializer),
    )
    def defer(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        proposal = self._proposal(pk)
        data = self.parse(ProposalDeferInputSerializer)
        services.proposal_defer(
            actor=self.actor, proposal=proposal, meeting=data["meeting"], reason=data["reason"]
        )
        return self._out(pk)

    @extend_schema(
        summary=_("Decline the item with a reason the submitter reads (M2)."),
        **write_schema(ProposalDeclineInputSerializer, ProposalSerializer),
    )
    def decline(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        proposal = self._proposal(pk)
        data = self.parse(ProposalDeclineInputSerializer)
        services.proposal_decline(actor=self.actor, proposal=proposal, reason=data["reason"])
        return self._out(pk)

    @extend_schema(
        summary=_("Attach a document to a proposal still waiting for a decision (M2)."),
        **upload_schema(DocumentSerializer),
    )
    def add_document(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        proposal = self._proposal(pk)
        data = self.parse(DocumentInputSerializer)
        with fields_renamed(upload="file"):
            document = services.document_add(
                actor=self.actor, upload=data["file"], title=data["title"], proposal=proposal
            )
        return self.output(document, serializer_class=DocumentSerializer, status_code=201)


urlpatterns = [
    path(
        BODY + "proposals/",
        ProposalViewSet.as_view({"get": "list", "post": "create"}),
        name="proposal-list",
    ),
    path(
        BODY + "proposals/<int:pk>/",
        ProposalViewSet.as_view({"get": "retrieve"}),
        name="proposal-detail",
    ),
    path(
        BODY + "proposals/<int:pk>/accept/",
        ProposalViewSet.as_view({"post": "accept"}),
        name="proposal-accept",
    ),
    path(
        BODY + "proposals/<int:pk>/defer/",
        ProposalViewSet.as_view({"post": "defer"}),
        name="proposal-defer",
    ),
    path(
        BODY + "proposals/<int:pk>/decline/",
        ProposalViewSet.as_view({"post": "decline"}),
        name="proposal-decline",
    ),
    path(
        BODY + "proposals/<int:pk>/documents/",
        ProposalViewSet.as_view({"post": "add_document"}),
        name="proposal-documents",
    ),
]

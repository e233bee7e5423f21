"""API of bodies (section 1 of PRODUCT.md) under /api/v1/regions/{region_slug}/.

The same permissions as the pages (bodies/permissions.py) and the same services for every write;
serializers.py parses input and writes output. Each view's docstring states its permissions.
"""

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.regions.api import READ_PROBLEMS, WRITE_PROBLEMS, ApiViewSet, problems
from aantafel.regions.models import Region

from . import queries, services
from .models import (
    Body,
    BodyType,
    Constituency,
    Initiative,
    Invitation,
    Membership,
    Organisation,
    Seat,
    TermsOfReference,
)
from .permissions import body_get_for_user
from .serializers import (
    BodyDetailSerializer,
    BodyInputSerializer,
    BodySerializer,
    ConstituencyInputSerializer,
    ConstituencySerializer,
    InitiativeInputSerializer,
    InitiativeSerializer,
    InvitationInputSerializer,
    InvitationSerializer,
    MembershipEndInputSerializer,
    MembershipFilterSerializer,
    MembershipSerializer,
    OrganisationInputSerializer,
    OrganisationSerializer,
    ParentInformedInputSerializer,
    SeatInputSerializer,
    SeatSerializer,
    SeatUpdateInputSerializer,
    TermsInputSerializer,
    TermsSerializer,
)

VIEW = "bodies.view_body"
MANAGE = "bodies.manage_body"


def _write(request: Any, output: Any, *, created: bool = False) -> dict[Any, Any]:
    """extend_schema arguments of a write: its input, its output and the problems it can give."""
    code = 201 if created else 200
    return {"request": request, "responses": {code: output, **problems(*WRITE_PROBLEMS)}}


def _read(output: Any) -> dict[Any, Any]:
    return {"responses": {200: output, **problems(*READ_PROBLEMS)}}


class BodyScopedViewSet(ApiViewSet):
    """Base of the endpoints under /bodies/{body_id}/: the body is looked up within the region
    (404 otherwise) and is the object every permission is checked on."""

    body: Body

    def resolve_objects(self, **kwargs: Any) -> None:
        self.body = body_get_for_user(self.request.user, self.region, kwargs["body_id"])

    def permission_object(self) -> Body:
        return self.body

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "body": getattr(self, "body", None)}


# --- Bodies ---------------------------------------------------------------------------------------


class BodyFilterSerializer(serializers.Serializer):
    body_type = serializers.ChoiceField(choices=BodyType.choices, required=False)


@extend_schema(tags=["bodies"])
class BodyViewSet(ApiViewSet):
    """The region's bodies (B2) and each body's page (B3–B7).

    Permissions: list — regions.view_region (any member of the region); create — bodies.add_body
    on the region (region administrator); retrieve — bodies.view_body (any member of the region);
    update and partial_update — bodies.change_body (region administrator).
    """

    queryset = Body.objects.none()
    serializer_class = BodySerializer
    input_serializers = {
        "create": BodyInputSerializer,
        "update": BodyInputSerializer,
        "partial_update": BodyInputSerializer,
    }
    rules = {
        "list": "regions.view_region",
        "create": "bodies.add_body",
        "retrieve": VIEW,
        "update": "bodies.change_body",
        "partial_update": "bodies.change_body",
    }
    body: Body  # set for retrieve and update only

    def resolve_objects(self, **kwargs: Any) -> None:
        if "pk" in kwargs:
            self.body = body_get_for_user(self.request.user, self.region, kwargs["pk"])

    def permission_object(self) -> Body | Region:
        return getattr(self, "body", None) or self.region

    def _detail(self, body: Body, *, status_code: int = 200) -> Response:
        user = self.request.user
        can_manage = user.has_perm(MANAGE, body)
        detail = queries.body_detail(body, with_invitations=can_manage)
        detail.permissions = {  # type: ignore[attr-defined]
            "manage": can_manage,
            "change": user.has_perm("bodies.change_body", body),
            "add_initiative": user.has_perm("bodies.add_initiative", body),
        }
        return self.output(detail, serializer_class=BodyDetailSerializer, status_code=status_code)

    @extend_schema(parameters=[BodyFilterSerializer], **_read(BodySerializer))
    def list(self, request: Request, region_slug: str) -> Response:
        filters = self.parse_query(BodyFilterSerializer)
        bodies = queries.body_list(self.region)
        if "body_type" in filters:
            bodies = bodies.filter(body_type=filters["body_type"])
        return self.paginated(bodies)

    @extend_schema(**_write(BodyInputSerializer, BodyDetailSerializer, created=True))
    def create(self, request: Request, region_slug: str) -> Response:
        data = self.parse(BodyInputSerializer)
        body = services.body_create(actor=self.actor, region=self.region, **data)
        return self._detail(body, status_code=201)

    @extend_schema(**_read(BodyDetailSerializer))
    def retrieve(self, request: Request, region_slug: str, pk: int) -> Response:
        return self._detail(self.body)

    def _update(self, *, partial: bool) -> Response:
        data = self.parse(BodyInputSerializer, partial=partial)
        body = services.body_update(actor=self.actor, body=self.body, **data)
        return self._detail(body)

    @extend_schema(**_write(BodyInputSerializer, BodyDetailSerializer))
    def update(self, request: Request, region_slug: str, pk: int) -> Response:
        return self._update(partial=False)

    @extend_schema(**_write(BodyInputSerializer, BodyDetailSerializer))
    def partial_update(self, request: Request, region_slug: str, pk: int) -> Response:
        return self._update(partial=True)


# --- Terms of reference ---------------------------------------------------------------------------


@extend_schema(tags=["terms of reference"])
class TermsViewSet(BodyScopedViewSet):
    """The versions of a body's terms of reference (B3, B6). Versions are added, never edited.

    Permissions: list and retrieve — bodies.view_body (any member of the region); create —
    bodies.manage_body (region administrator or the body's supporter).
    """

    queryset = TermsOfReference.objects.none()
    serializer_class = TermsSerializer
    input_serializers = {"create": TermsInputSerializer}
    rules = {"list": VIEW, "retrieve": VIEW, "create": MANAGE}

    @extend_schema(**_read(TermsSerializer))
    def list(self, request: Request, region_slug: str, body_id: int) -> Response:
        return self.paginated(queries.body_terms(self.body))

    @extend_schema(**_read(TermsSerializer))
    def retrieve(self, request: Request, region_slug: str, body_id: int, version: int) -> Response:
        return self.output(get_object_or_404(queries.body_terms(self.body), version=version))

    @extend_schema(**_write(TermsInputSerializer, TermsSerializer, created=True))
    def create(self, request: Request, region_slug: str, body_id: int) -> Response:
        data = self.parse(TermsInputSerializer)
        terms = services.terms_add_version(actor=self.actor, body=self.body, **data)
        return self.output(terms, status_code=201)


# --- Seats ----------------------------------------------------------------------------------------


@extend_schema(tags=["seats"])
class SeatViewSet(BodyScopedViewSet):
    """A body's seats per constituency or sector, filled and vacant (B4).

    Permissions: list and retrieve — bodies.view_body (any member of the region); create,
    update and partial_update — bodies.manage_body (region administrator or the body's supporter).
    """

    queryset = Seat.objects.none()
    serializer_class = SeatSerializer
    input_serializers = {
        "create": SeatInputSerializer,
        "update": SeatUpdateInputSerializer,
        "partial_update": SeatUpdateInputSerializer,
    }
    rules = {
        "list": VIEW,
        "retrieve": VIEW,
        "create": MANAGE,
        "update": MANAGE,
        "partial_update": MANAGE,
    }

    def _filling(self, seat_pk: int, *, status_code: int = 200) -> Response:
        for filling in queries.seat_fillings(self.body):
            if filling.seat.pk == seat_pk:
                return self.output(filling, status_code=status_code)
        raise Http404  # pragma: no cover - the seat was looked up within the body before

    def _seat(self, pk: int) -> Seat:
        return get_object_or_404(Seat.objects.select_related("constituency"), body=self.body, pk=pk)

    @extend_schema(**_read(SeatSerializer))
    def list(self, request: Request, region_slug: str, body_id: int) -> Response:
        return self.paginated(queries.seat_fillings(self.body))

    @extend_schema(**_read(SeatSerializer))
    def retrieve(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        return self._filling(self._seat(pk).pk)

    @extend_schema(**_write(SeatInputSerializer, SeatSerializer, created=True))
    def create(self, request: Request, region_slug: str, body_id: int) -> Response:
        data = self.parse(SeatInputSerializer)
        seat = services.seat_create(actor=self.actor, body=self.body, **data)
        return self._filling(seat.pk, status_code=201)

    def _update(self, pk: int, *, partial: bool) -> Response:
        seat = self._seat(pk)
        data = self.parse(SeatUpdateInputSerializer, partial=partial)
        services.seat_update(
            actor=self.actor,
            seat=seat,
            places=data.get("places", seat.places),
            label=data.get("label"),
        )
        return self._filling(seat.pk)

    @extend_schema(**_write(SeatUpdateInputSerializer, SeatSerializer))
    def update(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        return self._update(pk, partial=False)

    @extend_schema(**_write(SeatUpdateInputSerializer, SeatSerializer))
    def partial_update(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        return self._update(pk, partial=True)


# --- Memberships ----------------------------------------------------------------------------------


@extend_schema(tags=["memberships"])
class MembershipViewSet(BodyScopedViewSet):
    """A body's memberships, history included (B5). People join by invitation.

    Permissions: list and retrieve — bodies.view_body (any member of the region); end —
    bodies.manage_body (region administrator or the body's supporter).
    """

    queryset = Membership.objects.none()
    serializer_class = MembershipSerializer
    input_serializers = {"end": MembershipEndInputSerializer}
    rules = {"list": VIEW, "retrieve": VIEW, "end": MANAGE}

    def _membership(self, pk: int) -> Membership:
        return get_object_or_404(queries.body_memberships(self.body), pk=pk)

    @extend_schema(parameters=[MembershipFilterSerializer], **_read(MembershipSerializer))
    def list(self, request: Request, region_slug: str, body_id: int) -> Response:
        filters = self.parse_query(MembershipFilterSerializer)
        return self.paginated(queries.body_memberships(self.body, current=filters["current"]))

    @extend_schema(**_read(MembershipSerializer))
    def retrieve(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        return self.output(self._membership(pk))

    @extend_schema(**_write(MembershipEndInputSerializer, MembershipSerializer))
    def end(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        membership = self._membership(pk)
        data = self.parse(MembershipEndInputSerializer)
        services.membership_end(
            actor=self.actor,
            membership=membership,
            end_date=data["end_date"],
            reason=data["reason"],
        )
        return self.output(self._membership(pk))


# --- Invitations ----------------------------------------------------------------------------------


@extend_schema(tags=["invitations"])
class InvitationViewSet(BodyScopedViewSet):
    """Invitations to join a body (B5): the terms are checked when inviting and again on
    acceptance. Neither the link's token nor its hash is ever shown.

    Permission: bodies.manage_body (region administrator or the body's supporter) for all.
    """

    queryset = Invitation.objects.none()
    serializer_class = InvitationSerializer
    input_serializers = {"create": InvitationInputSerializer}
    rules = {
        "list": MANAGE,
        "retrieve": MANAGE,
        "create": MANAGE,
        "revoke": MANAGE,
        "resend": MANAGE,
    }

    def _invitation(self, pk: int) -> Invitation:
        return get_object_or_404(Invitation, body=self.body, pk=pk)

    @extend_schema(
        summary=_("Invitations not yet accepted or withdrawn; expired ones too, to resend."),
        **_read(InvitationSerializer),
    )
    def list(self, request: Request, region_slug: str, body_id: int) -> Response:
        return self.paginated(queries.pending_invitations(self.body))

    @extend_schema(**_read(InvitationSerializer))
    def retrieve(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        return self.output(self._invitation(pk))

    @extend_schema(**_write(InvitationInputSerializer, InvitationSerializer, created=True))
    def create(self, request: Request, region_slug: str, body_id: int) -> Response:
        data = self.parse(InvitationInputSerializer)
        invitation = services.invitation_create(
            actor=self.actor,
            body=self.body,
            email=data["email"],
            full_name=data["full_name"],
            terms=InvitationInputSerializer.terms(data),
        )
        return self.output(invitation, status_code=201)

    @extend_schema(
        request=None,
        responses={200: InvitationSerializer, **problems(*READ_PROBLEMS, 409)},
    )
    def revoke(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        invitation = services.invitation_revoke(actor=self.actor, invitation=self._invitation(pk))
        return self.output(invitation)

    @extend_schema(
        summary=_("Sends a new link; the old one stops working."),
        request=None,
        responses={200: InvitationSerializer, **problems(*READ_PROBLEMS, 409)},
    )
    def resend(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        invitation = services.invitation_resend(actor=self.actor, invitation=self._invitation(pk))
        return self.output(invitation)


# --- Initiatives ----------------------------------------------------------------------------------


@extend_schema(tags=["initiatives"])
class InitiativeViewSet(BodyScopedViewSet):
    """Initiatives under the body's mandate and when the parent body was informed (B7).

    Permissions: list and retrieve — bodies.view_body (any member of the region); create and
    parent_informed — bodies.add_initiative (region administrator, the body's supporter or chair).
    """

    queryset = Initiative.objects.none()
    serializer_class = InitiativeSerializer
    input_serializers = {
        "create": InitiativeInputSerializer,
        "parent_informed": ParentInformedInputSerializer,
    }
    rules = {
        "list": VIEW,
        "retrieve": VIEW,
        "create": "bodies.add_initiative",
        "parent_informed": "bodies.add_initiative",
    }

    def _initiative(self, pk: int) -> Initiative:
        return get_object_or_404(Initiative, body=self.body, pk=pk)

    @extend_schema(**_read(InitiativeSerializer))
    def list(self, request: Request, region_slug: str, body_id: int) -> Response:
        return self.paginated(Initiative.objects.filter(body=self.body))

    @extend_schema(**_read(InitiativeSerializer))
    def retrieve(self, request: Request, region_slug: str, body_id: int, pk: int) -> Response:
        return self.output(self._initiative(pk))

    @extend_schema(**_write(InitiativeInputSerializer, InitiativeSerializer, created=True))
    def create(self, request: Request, region_slug: str, body_id: int) -> Response:
        data = self.parse(InitiativeInputSerializer)
        initiative = services.initiative_register(actor=self.actor, body=self.body, **data)
        return self.output(initiative, status_code=201)

    @extend_schema(**_write(ParentInformedInputSerializer, InitiativeSerializer))
    def parent_informed(
        self, request: Request, region_slug: str, body_id: int, pk: int
    ) -> Response:
        initiative = self._initiative(pk)
        data = self.parse(ParentInformedInputSerializer)
        initiative = services.initiative_mark_parent_informed(
            actor=self.actor, initiative=initiative, informed_on=data["parent_informed_on"]
        )
        return self.output(initiative)


# --- Registers of the region: constituencies and organisations ------------------------------------


@extend_schema(tags=["registers"])
class ConstituencyViewSet(ApiViewSet):
    """The region's constituencies and sectors that seats stand for (B4).

    Permissions: list — regions.view_region (any member of the region); create —
    bodies.manage_register on the region (region administrator).
    """

    queryset = Constituency.objects.none()
    serializer_class = ConstituencySerializer
    input_serializers = {"create": ConstituencyInputSerializer}
    rules = {"list": "regions.view_region", "create": "bodies.manage_register"}

    @extend_schema(**_read(ConstituencySerializer))
    def list(self, request: Request, region_slug: str) -> Response:
        return self.paginated(Constituency.objects.filter(region=self.region))

    @extend_schema(**_write(ConstituencyInputSerializer, ConstituencySerializer, created=True))
    def create(self, request: Request, region_slug: str) -> Response:
        data = self.parse(ConstituencyInputSerializer)
        constituency = services.constituency_create(actor=self.actor, region=self.region, **data)
        return self.output(constituency, status_code=201)


@extend_schema(tags=["registers"])
class OrganisationViewSet(ApiViewSet):
    """The organisations of the region that members can represent (B5).

    Permissions: list — regions.view_region (any member of the region); create —
    bodies.manage_register on the region (region administrator).
    """

    queryset = Organisation.objects.none()
    serializer_class = OrganisationSerializer
    input_serializers = {"create": OrganisationInputSerializer}
    rules = {"list": "regions.view_region", "create": "bodies.manage_register"}

    @extend_schema(**_read(OrganisationSerializer))
    def list(self, request: Request, region_slug: str) -> Response:
        return self.paginated(Organisation.objects.filter(region=self.region))

    @extend_schema(**_write(OrganisationInputSerializer, OrganisationSerializer, created=True))
    def create(self, request: Request, region_slug: str) -> Response:
        data = self.parse(OrganisationInputSerializer)
        organisation = services.organisation_create(actor=self.actor, region=self.region, **data)
        return self.output(organisation, status_code=201)


# --- Addresses ------------------------------------------------------------------------------------

REGION = "regions/<slug:region_slug>/"
BODY = REGION + "bodies/<int:body_id>/"

urlpatterns = [
    path(
        REGION + "bodies/",
        BodyViewSet.as_view({"get": "list", "post": "create"}),
        name="body-list",
    ),
    path(
        REGION + "bodies/<int:pk>/",
        BodyViewSet.as_view({"get": "retrieve", "put": "update", "patch": "partial_update"}),
        name="body-detail",
    ),
    path(
        BODY + "terms/", TermsViewSet.as_view({"get": "list", "post": "create"}), name="terms-list"
    ),
    path(
        BODY + "terms/<int:version>/",
        TermsViewSet.as_view({"get": "retrieve"}),
        name="terms-detail",
    ),
    path(BODY + "seats/", SeatViewSet.as_view({"get": "list", "post": "create"}), name="seat-list"),
    path(
        BODY + "seats/<int:pk>/",
        SeatViewSet.as_view({"get": "retrieve", "put": "update", "patch": "partial_update"}),
        name="seat-detail",
    ),
    path(BODY + "memberships/", MembershipViewSet.as_view({"get": "list"}), name="membership-list"),
    path(
        BODY + "memberships/<int:pk>/",
        MembershipViewSet.as_view({"get": "retrieve"}),
        name="membership-detail",
    ),
    path(
        BODY + "memberships/<int:pk>/end/",
        MembershipViewSet.as_view({"post": "end"}),
        name="membership-end",
    ),
    path(
        BODY + "invitations/",
        InvitationViewSet.as_view({"get": "list", "post": "create"}),
        name="invitation-list",
    ),
    path(
        BODY + "invitations/<int:pk>/",
        InvitationViewSet.as_view({"get": "retrieve"}),
        name="invitation-detail",
    ),
    path(
        BODY + "invitations/<int:pk>/revoke/",
        InvitationViewSet.as_view({"post": "revoke"}),
        name="invitation-revoke",
    ),
    path(
        BODY + "invitations/<int:pk>/resend/",
        InvitationViewSet.as_view({"post": "resend"}),
        name="invitation-resend",
    ),
    path(
        BODY + "initiatives/",
        InitiativeViewSet.as_view({"get": "list", "post": "create"}),
        name="initiative-list",
    ),
    path(
        BODY + "initiatives/<int:pk>/",
        InitiativeViewSet.as_view({"get": "retrieve"}),
        name="initiative-detail",
    ),
    path(
        BODY + "initiatives/<int:pk>/parent-informed/",
        InitiativeViewSet.as_view({"post": "parent_informed"}),
        name="initiative-parent-informed",
    ),
    path(
        REGION + "constituencies/",
        ConstituencyViewSet.as_view({"get": "list", "post": "create"}),
        name="constituency-list",
    ),
    path(
        REGION + "organisations/",
        OrganisationViewSet.as_view({"get": "list", "post": "create"}),
        name="organisation-list",
    ),
]

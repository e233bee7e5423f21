"""API of the register of participation initiatives (P6) under
/api/v1/regions/{region_slug}/participation-initiatives/.

The same permissions as the staff pages (views_register.py) and the same services for every
write (services/register.py). An initiative of another region is a 404. Not to be confused with
a body's initiatives (B7, /bodies/{body_id}/initiatives/).
"""

from typing import Any

from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.meetings.api._common import read_schema, write_schema
from aantafel.regions.api import ApiViewSet, problems

from ..models import ParticipationInitiative
from ..services import register as services
from .serializers_register import (
    ParticipationInitiativeFilterSerializer,
    ParticipationInitiativeInputSerializer,
    ParticipationInitiativeSerializer,
)

VIEW, MANAGE = "participation.view", "participation.manage"
INITIATIVES = "regions/<slug:region_slug>/participation-initiatives/"
INITIATIVE = INITIATIVES + "<int:pk>/"
FIELDS = (
    "name",
    "kind",
    "organisation",
    "scope",
    "contact_name",
    "contact_email",
    "website",
    "active",
)


@extend_schema(tags=["participation register"])
class ParticipationInitiativeViewSet(ApiViewSet):
    """The region's register of existing participation initiatives: client councils, advisory
    councils, network organisations (P6).

    Permissions: list and retrieve — participation.view (any member of the region); create,
    update and partial_update — participation.manage (region administrator and policy staff;
    403 for other members). An initiative of another region is a 404.
    """

    queryset = ParticipationInitiative.objects.none()
    serializer_class = ParticipationInitiativeSerializer
    input_serializers = {
        "create": ParticipationInitiativeInputSerializer,
        "update": ParticipationInitiativeInputSerializer,
        "partial_update": ParticipationInitiativeInputSerializer,
    }
    rules = {
        "list": VIEW,
        "retrieve": VIEW,
        "create": MANAGE,
        "update": MANAGE,
        "partial_update": MANAGE,
    }
    initiative: ParticipationInitiative | None = None

    def resolve_objects(self, **kwargs: Any) -> None:
        if "pk" in kwargs:
            self.initiative = get_object_or_404(
                ParticipationInitiative, region=self.region, pk=kwargs["pk"]
            )

    @property
    def _initiative(self) -> ParticipationInitiative:
        assert self.initiative is not None
        return self.initiative

    @extend_schema(
        parameters=[ParticipationInitiativeFilterSerializer],
        responses={200: ParticipationInitiativeSerializer, **problems(400, 401, 403, 404)},
    )
    def list(self, request: Request, region_slug: str) -> Response:
        filters = self.parse_query(ParticipationInitiativeFilterSerializer)
        found = ParticipationInitiative.objects.filter(region=self.region)
        if filters.get("kind"):
            found = found.filter(kind=filters["kind"])
        if filters.get("active") is not None:
            found = found.filter(active=filters["active"])
        return self.paginated(found.order_by("name", "pk"))

    @extend_schema(**read_schema(ParticipationInitiativeSerializer))
    def retrieve(self, request: Request, region_slug: str, pk: int) -> Response:
        return self.output(self._initiative)

    @extend_schema(
        summary=_("Add an existing participation initiative to the register (P6)."),
        **write_schema(
            ParticipationInitiativeInputSerializer, ParticipationInitiativeSerializer, created=True
        ),
    )
    def create(self, request: Request, region_slug: str) -> Response:
        data = self.parse(ParticipationInitiativeInputSerializer)
        initiative = services.initiative_create(actor=self.actor, region=self.region, **data)
        return self.output(initiative, status_code=201)

    def _save(self, *, partial: bool) -> Response:
        initiative = self._initiative
        data = self.parse(ParticipationInitiativeInputSerializer, partial=partial)
        if partial:
            data = {**{name: getattr(initiative, name) for name in FIELDS}, **data}
        initiative = services.initiative_update(actor=self.actor, initiative=initiative, **data)
        return self.output(initiative)

    @extend_schema(
        summary=_("Change an initiative, or mark it as no longer active (P6)."),
        **write_schema(ParticipationInitiativeInputSerializer, ParticipationInitiativeSerializer),
    )
    def update(self, request: Request, region_slug: str, pk: int) -> Response:
        return self._save(partial=False)

    @extend_schema(
        summary=_("Change some of an initiative's details (P6)."),
        **write_schema(ParticipationInitiativeInputSerializer, ParticipationInitiativeSerializer),
    )
    def partial_update(self, request: Request, region_slug: str, pk: int) -> Response:
        return self._save(partial=True)


def _view(**actions: Any) -> Any:
    return ParticipationInitiativeViewSet.as_view(actions)


urlpatterns = [
    path(
        INITIATIVES,
        _view(get="list", post="create"),
        name="participation-initiative-list",
    ),
    path(
        INITIATIVE,
        _view(get="retrieve", put="update", patch="partial_update"),
        name="participation-initiative-detail",
    ),
]

"""API of participation trajectories (P1) under /api/v1/regions/{region_slug}/trajectories/.

The same permissions as the staff pages (views_trajectories.py) and the same services for every
write (services/trajectories.py). A trajectory, or a part of one, of another region is a 404.
Documents come in as a multipart upload through the same upload check as the page, and go out
as the same attachment.
"""

from typing import Any

from django.db.models import Model
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.meetings.api._common import read_schema, write_schema
from aantafel.regions.api import ApiViewSet, fields_renamed, problems

from .. import queries
from ..models import Phase, Pillar, Trajectory, TrajectoryDocument, TrajectoryUpdate
from ..services import trajectories as services
from .serializers_trajectories import (
    TrajectoryDetailSerializer,
    TrajectoryDocumentInputSerializer,
    TrajectoryDocumentSerializer,
    TrajectoryDocumentStatusInputSerializer,
    TrajectoryFilterSerializer,
    TrajectoryInputSerializer,
    TrajectoryPhaseInputSerializer,
    TrajectoryPhaseSerializer,
    TrajectoryPillarInputSerializer,
    TrajectoryPillarSerializer,
    TrajectorySerializer,
    TrajectoryUpdateFilterSerializer,
    TrajectoryUpdateInputSerializer,
    TrajectoryUpdateSerializer,
)

VIEW, MANAGE = "participation.view", "participation.manage"
TRAJECTORIES = "regions/<slug:region_slug>/trajectories/"
TRAJECTORY = TRAJECTORIES + "<int:pk>/"
TRAJECTORY_FIELDS = ("title", "summary", "starts_on", "ends_on", "published")


@extend_schema(tags=["trajectories"])
class TrajectoryViewSet(ApiViewSet):
    """Participation trajectories with their pillars, phases, updates and documents (P1).

    Permissions: list, retrieve, updates, documents and download — participation.view (any
    member of the region); create, update, partial_update, add_pillar, edit_pillar, add_phase,
    edit_phase, post_update, edit_update, upload and document_status — participation.manage
    (region administrator and policy staff; 403 for other members). A trajectory, or a part of
    one, of another region is a 404. Updates are published when posted: the service has no
    draft updates.
    """

    queryset = Trajectory.objects.none()
    serializer_class = TrajectoryDetailSerializer
    input_serializers = {
        "create": TrajectoryInputSerializer,
        "update": TrajectoryInputSerializer,
        "partial_update": TrajectoryInputSerializer,
        "add_pillar": TrajectoryPillarInputSerializer,
        "edit_pillar": TrajectoryPillarInputSerializer,
        "add_phase": TrajectoryPhaseInputSerializer,
        "edit_phase": TrajectoryPhaseInputSerializer,
        "post_update": TrajectoryUpdateInputSerializer,
        "edit_update": TrajectoryUpdateInputSerializer,
        "upload": TrajectoryDocumentInputSerializer,
        "document_status": TrajectoryDocumentStatusInputSerializer,
    }
    rules = {
        "list": VIEW,
        "retrieve": VIEW,
        "create": MANAGE,
        "update": MANAGE,
        "partial_update": MANAGE,
        "add_pillar": MANAGE,
        "edit_pillar": MANAGE,
        "add_phase": MANAGE,
        "edit_phase": MANAGE,
        "updates": VIEW,
        "post_update": MANAGE,
        "edit_update": MANAGE,
        "documents": VIEW,
        "upload": MANAGE,
        "document_status": MANAGE,
        "download": VIEW,
    }
    trajectory: Trajectory | None = None
    part: Model | None = None

    def resolve_objects(self, **kwargs: Any) -> None:
        """The trajectory of the URL, then its part: each a 404 outside the region."""
        if "pk" not in kwargs:
            return
        self.trajectory = queries.trajectory_get(self.region, kwargs["pk"])
        for key, model in (
            ("pillar_pk", Pillar),
            ("phase_pk", Phase),
            ("update_pk", TrajectoryUpdate),
            ("document_pk", TrajectoryDocument),
        ):
            if key in kwargs:
                self.part = get_object_or_404(
                    model, region=self.region, trajectory=self.trajectory, pk=kwargs[key]
                )

    @property
    def _trajectory(self) -> Trajectory:
        assert self.trajectory is not None
        return self.trajectory

    def _part(self, model: type[Model]) -> Any:
        assert isinstance(self.part, model)
        return self.part

    def perform_content_negotiation(self, request: Request, force: bool = False) -> Any:
        # A download answers with the file whatever its client accepts (a refusal: JSON).
        return super().perform_content_negotiation(
            request, force=force or self.action == "download"
        )

    def _detail(self, trajectory: Trajectory, *, status_code: int = 200) -> Response:
        return self.output(queries.trajectory_detail(trajectory), status_code=status_code)

    # --- The trajectory --------------------------------------------------------------------------

    @extend_schema(
        parameters=[TrajectoryFilterSerializer],
        responses={200: TrajectorySerializer, **problems(400, 401, 403, 404)},
    )
    def list(self, request: Request, region_slug: str) -> Response:
        filters = self.parse_query(TrajectoryFilterSerializer)
        found = queries.trajectory_list(self.region, filters.get("published"))
        return self.paginated(found, serializer_class=TrajectorySerializer)

    @extend_schema(**read_schema(TrajectoryDetailSerializer))
    def retrieve(self, request: Request, region_slug: str, pk: int) -> Response:
        return self._detail(self._trajectory)

    @extend_schema(
        summary=_("Start a trajectory of the region with its period (P1)."),
        **write_schema(TrajectoryInputSerializer, TrajectoryDetailSerializer, created=True),
    )
    def create(self, request: Request, region_slug: str) -> Response:
        data = self.parse(TrajectoryInputSerializer)
        trajectory = services.trajectory_create(actor=self.actor, region=self.region, **data)
        return self._detail(trajectory, status_code=201)

    def _save(self, *, partial: bool) -> Response:
        trajectory = self._trajectory
        data = self.parse(TrajectoryInputSerializer, partial=partial)
        if partial:  # a PATCH changes what it names; the service always gets everything
            data = {**{name: getattr(trajectory, name) for name in TRAJECTORY_FIELDS}, **data}
        trajectory = services.trajectory_update(actor=self.actor, trajectory=trajectory, **data)
        return self._detail(trajectory)

    @extend_schema(
        summary=_("Change the title, summary, period or publication (P1)."),
        **write_schema(TrajectoryInputSerializer, TrajectoryDetailSerializer),
    )
    def update(self, request: Request, region_slug: str, pk: int) -> Response:
        return self._save(partial=False)

    @extend_schema(
        summary=_("Change some of the title, summary, period or publication (P1)."),
        **write_schema(TrajectoryInputSerializer, TrajectoryDetailSerializer),
    )
    def partial_update(self, request: Request, region_slug: str, pk: int) -> Response:
        return self._save(partial=True)

    # --- Pillars and phases ----------------------------------------------------------------------

    @extend_schema(
        summary=_("Add a pillar, numbered once per trajectory (P1)."),
        **write_schema(TrajectoryPillarInputSerializer, TrajectoryPillarSerializer, created=True),
    )
    def add_pillar(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(TrajectoryPillarInputSerializer)
        pillar = services.pillar_add(actor=self.actor, trajectory=self._trajectory, **data)
        return self.output(pillar, serializer_class=TrajectoryPillarSerializer, status_code=201)

    @extend_schema(
        summary=_("Change a pillar's number, name or description (P1)."),
        **write_schema(TrajectoryPillarInputSerializer, TrajectoryPillarSerializer),
    )
    def edit_pillar(self, request: Request, region_slug: str, pk: int, pillar_pk: int) -> Response:
        data = self.parse(TrajectoryPillarInputSerializer)
        pillar = services.pillar_update(actor=self.actor, pillar=self._part(Pillar), **data)
        return self.output(pillar, serializer_class=TrajectoryPillarSerializer)

    def _phase(self, phase: Phase, status_code: int = 200) -> Response:
        detail = queries.trajectory_detail(self._trajectory)
        line = next(line for line in detail.phases if line.phase.pk == phase.pk)
        return self.output(
            line, serializer_class=TrajectoryPhaseSerializer, status_code=status_code
        )

    @extend_schema(
        summary=_("Add a phase within the trajectory's period (P1)."),
        **write_schema(TrajectoryPhaseInputSerializer, TrajectoryPhaseSerializer, created=True),
    )
    def add_phase(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(TrajectoryPhaseInputSerializer)
        phase = services.phase_add(actor=self.actor, trajectory=self._trajectory, **data)
        return self._phase(phase, status_code=201)

    @extend_schema(
        summary=_("Change a phase's name, description or dates (P1)."),
        **write_schema(TrajectoryPhaseInputSerializer, TrajectoryPhaseSerializer),
    )
    def edit_phase(self, request: Request, region_slug: str, pk: int, phase_pk: int) -> Response:
        data = self.parse(TrajectoryPhaseInputSerializer)
        phase = services.phase_update(actor=self.actor, phase=self._part(Phase), **data)
        return self._phase(phase)

    # --- Updates ---------------------------------------------------------------------------------

    @extend_schema(
        parameters=[TrajectoryUpdateFilterSerializer],
        responses={200: TrajectoryUpdateSerializer, **problems(400, 401, 403, 404)},
    )
    def updates(self, request: Request, region_slug: str, pk: int) -> Response:
        serializer = TrajectoryUpdateFilterSerializer(
            data=request.query_params, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        filters = {k: v for k, v in serializer.validated_data.items() if v is not None}
        found = (
            TrajectoryUpdate.objects.filter(trajectory=self._trajectory, **filters)
            .select_related("pillar", "author")
            .order_by("-published_at", "-created_at", "-pk")
        )
        return self.paginated(found, serializer_class=TrajectoryUpdateSerializer)

    @extend_schema(
        summary=_("Post an update (process, result or news); it is published at once (P1)."),
        **write_schema(TrajectoryUpdateInputSerializer, TrajectoryUpdateSerializer, created=True),
    )
    def post_update(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(TrajectoryUpdateInputSerializer)
        update = services.update_post(actor=self.actor, trajectory=self._trajectory, **data)
        return self.output(update, serializer_class=TrajectoryUpdateSerializer, status_code=201)

    @extend_schema(
        summary=_("Correct an update; it keeps the moment it was published (P1)."),
        **write_schema(TrajectoryUpdateInputSerializer, TrajectoryUpdateSerializer),
    )
    def edit_update(self, request: Request, region_slug: str, pk: int, update_pk: int) -> Response:
        data = self.parse(TrajectoryUpdateInputSerializer)
        update = services.update_edit(actor=self.actor, update=self._part(TrajectoryUpdate), **data)
        return self.output(update, serializer_class=TrajectoryUpdateSerializer)

    # --- Documents -------------------------------------------------------------------------------

    @extend_schema(responses={200: TrajectoryDocumentSerializer, **problems(401, 403, 404)})
    def documents(self, request: Request, region_slug: str, pk: int) -> Response:
        found = TrajectoryDocument.objects.filter(trajectory=self._trajectory).order_by(
            "created_at", "pk"
        )
        return self.paginated(found, serializer_class=TrajectoryDocumentSerializer)

    @extend_schema(
        summary=_("Add a document such as the plan of approach, with its decision status (P1)."),
        request={"multipart/form-data": TrajectoryDocumentInputSerializer},
        responses={201: TrajectoryDocumentSerializer, **problems(400, 401, 403, 404, 409)},
    )
    def upload(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(TrajectoryDocumentInputSerializer)
        with fields_renamed(upload="file"):
            document = services.document_add(
                actor=self.actor,
                trajectory=self._trajectory,
                upload=data["file"],
                title=data["title"],
                decision_status=data["decision_status"],
                decided_on=data["decided_on"],
                decided_by=data["decided_by"],
            )
        return self.output(document, serializer_class=TrajectoryDocumentSerializer, status_code=201)

    @extend_schema(
        summary=_("Set where the document stands: draft, submitted, adopted or rejected (P1)."),
        **write_schema(TrajectoryDocumentStatusInputSerializer, TrajectoryDocumentSerializer),
    )
    def document_status(
        self, request: Request, region_slug: str, pk: int, document_pk: int
    ) -> Response:
        data = self.parse(TrajectoryDocumentStatusInputSerializer)
        document = services.document_status_set(
            actor=self.actor, document=self._part(TrajectoryDocument), **data
        )
        return self.output(document, serializer_class=TrajectoryDocumentSerializer)

    @extend_schema(
        summary=_("The document's file, under its original name (P1)."),
        responses={
            (200, "application/octet-stream"): OpenApiResponse(
                description=_("The file, with the type its content was checked as.")
            ),
            **problems(401, 403, 404),
        },
    )
    def download(self, request: Request, region_slug: str, pk: int, document_pk: int) -> Any:
        document = self._part(TrajectoryDocument)
        response = FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=document.original_name,
            content_type=document.content_type,
        )
        response["Cache-Control"] = "private, no-store"
        return response


def _view(**actions: Any) -> Any:
    return TrajectoryViewSet.as_view(actions)


urlpatterns = [
    path(TRAJECTORIES, _view(get="list", post="create"), name="trajectory-list"),
    path(
        TRAJECTORY,
        _view(get="retrieve", put="update", patch="partial_update"),
        name="trajectory-detail",
    ),
    path(TRAJECTORY + "pillars/", _view(post="add_pillar"), name="trajectory-pillars"),
    path(
        TRAJECTORY + "pillars/<int:pillar_pk>/",
        _view(put="edit_pillar"),
        name="trajectory-pillar-detail",
    ),
    path(TRAJECTORY + "phases/", _view(post="add_phase"), name="trajectory-phases"),
    path(
        TRAJECTORY + "phases/<int:phase_pk>/",
        _view(put="edit_phase"),
        name="trajectory-phase-detail",
    ),
    path(
        TRAJECTORY + "updates/",
        _view(get="updates", post="post_update"),
        name="trajectory-updates",
    ),
    path(
        TRAJECTORY + "updates/<int:update_pk>/",
        _view(put="edit_update"),
        name="trajectory-update-detail",
    ),
    path(
        TRAJECTORY + "documents/",
        _view(get="documents", post="upload"),
        name="trajectory-documents",
    ),
    path(
        TRAJECTORY + "documents/<int:document_pk>/status/",
        _view(put="document_status"),
        name="trajectory-document-status",
    ),
    path(
        TRAJECTORY + "documents/<int:document_pk>/download/",
        _view(get="download"),
        name="trajectory-document-download",
    ),
]

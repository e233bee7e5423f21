"""API of the signal loop (PRODUCT.md S1–S3) under /api/v1/regions/{region_slug}/signals/.

The same permissions as the staff pages (signals/permissions.py) and the same services for
every write. A signal nobody may see is a 404, so its existence does not leak. The contact
address of whoever raised a signal goes out to triagers only.

The public form of young people and parents (signal_submit_public) is deliberately not in the
API: it is rate-limited and meant for people, on a page that says where to turn when someone
is unsafe. A representative brings in a signal for their constituency here (create).
"""

from typing import Any

from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.meetings.api._common import read_schema, write_schema
from aantafel.regions.api import ApiViewSet, problems

from . import queries, services
from .models import Signal
from .permissions import signal_get_for_user, signals_visible_to
from .serializers import (
    SignalAnswerInputSerializer,
    SignalCloseInputSerializer,
    SignalCreateInputSerializer,
    SignalDetailSerializer,
    SignalDuplicateInputSerializer,
    SignalFilterSerializer,
    SignalMoveInputSerializer,
    SignalSafetyInputSerializer,
    SignalSerializer,
    SignalTableInputSerializer,
    SignalThemesInputSerializer,
    SimilarSignalSerializer,
)
from .similarity import similar_signals

TRIAGE = "signals.triage"
RAISE = "signals.raise_for_constituency"
SIGNALS = "regions/<slug:region_slug>/signals/"
SIGNAL = SIGNALS + "<int:pk>/"


@extend_schema(tags=["signals"])
class SignalViewSet(ApiViewSet):
    """Signals from the client perspective and their triage (S1–S3).

    Permissions: list — signals.triage (region administrator, policy staff, supporters of the
    region's bodies) sees every signal of the region, signals.raise_for_constituency (a current
    representative of a constituency) only the signals they brought in, any other member 403;
    retrieve — signals.triage, or the representative who brought the signal in (without
    contact address, notes or who did what); anyone else 404; create —
    signals.raise_for_constituency; themes, move, table, answer, close, duplicate,
    flag_safety and similar — signals.triage (403 otherwise; 404 for a signal of another
    region). The public form is not in the API.
    """

    queryset = Signal.objects.none()
    serializer_class = SignalDetailSerializer
    input_serializers = {
        "create": SignalCreateInputSerializer,
        "themes": SignalThemesInputSerializer,
        "move": SignalMoveInputSerializer,
        "table": SignalTableInputSerializer,
        "answer": SignalAnswerInputSerializer,
        "close": SignalCloseInputSerializer,
        "duplicate": SignalDuplicateInputSerializer,
        "flag_safety": SignalSafetyInputSerializer,
    }
    rules = {
        "list": None,  # triagers and representatives: checked in list()
        "retrieve": None,  # triagers and the raiser: others 404 (signal_get_for_user)
        "create": RAISE,
        "themes": TRIAGE,
        "move": TRIAGE,
        "table": TRIAGE,
        "answer": TRIAGE,
        "close": TRIAGE,
        "duplicate": TRIAGE,
        "flag_safety": TRIAGE,
        "similar": TRIAGE,
    }

    @property
    def triager(self) -> bool:
        return bool(self.request.user.has_perm(TRIAGE, self.region))

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        if getattr(self, "region", None) is not None:
            context["triager"] = self.triager
        return context

    def _signal(self, pk: int) -> Signal:
        return signal_get_for_user(self.request.user, self.region, pk)

    def _detail(self, signal: Signal, *, status_code: int = 200) -> Response:
        detail = queries.signal_detail(signal, with_duplicates=self.triager)
        return self.output(detail, status_code=status_code)

    @extend_schema(
        parameters=[SignalFilterSerializer],
        responses={200: SignalSerializer, **problems(400, 401, 403, 404)},
    )
    def list(self, request: Request, region_slug: str) -> Response:
        if not (self.triager or request.user.has_perm(RAISE, self.region)):
            self.permission_denied(request)
        serializer = SignalFilterSerializer(
            data=request.query_params, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        filters = queries.SignalFilters(
            status=data.get("status", ""),
            theme=data.get("theme"),
            source=data.get("source", ""),
        )
        signals = queries.signal_list(signals_visible_to(request.user, self.region), filters)
        return self.paginated(signals, serializer_class=SignalSerializer)

    @extend_schema(**read_schema(SignalDetailSerializer))
    def retrieve(self, request: Request, region_slug: str, pk: int) -> Response:
        return self._detail(self._signal(pk))

    @extend_schema(
        summary=_("Bring in a signal for a constituency you represent (S1)."),
        **write_schema(SignalCreateInputSerializer, SignalDetailSerializer, created=True),
    )
    def create(self, request: Request, region_slug: str) -> Response:
        data = self.parse(SignalCreateInputSerializer)
        signal = services.signal_submit_for_constituency(
            actor=self.actor, region=self.region, **data
        )
        return self._detail(signal, status_code=201)

    @extend_schema(
        summary=_("Set the themes of the region's plan the signal belongs to (S2)."),
        **write_schema(SignalThemesInputSerializer, SignalDetailSerializer),
    )
    def themes(self, request: Request, region_slug: str, pk: int) -> Response:
        signal = self._signal(pk)
        data = self.parse(SignalThemesInputSerializer)
        signal = services.signal_set_themes(actor=self.actor, signal=signal, themes=data["themes"])
        return self._detail(signal)

    @extend_schema(
        summary=_("Move the signal to in preparation or follow-up, with a note (S2)."),
        **write_schema(SignalMoveInputSerializer, SignalDetailSerializer),
    )
    def move(self, request: Request, region_slug: str, pk: int) -> Response:
        signal = self._signal(pk)
        data = self.parse(SignalMoveInputSerializer)
        signal = services.signal_move(actor=self.actor, signal=signal, **data)
        return self._detail(signal)

    @extend_schema(
        summary=_("Put the signal on a body's table as an item proposal (S2)."),
        **write_schema(SignalTableInputSerializer, SignalDetailSerializer),
    )
    def table(self, request: Request, region_slug: str, pk: int) -> Response:
        signal = self._signal(pk)
        data = self.parse(SignalTableInputSerializer)
        signal = services.signal_put_on_table(actor=self.actor, signal=signal, **data)
        return self._detail(signal)

    @extend_schema(
        summary=_("Answer the signal; whoever raised it is told (S2, S3)."),
        **write_schema(SignalAnswerInputSerializer, SignalDetailSerializer),
    )
    def answer(self, request: Request, region_slug: str, pk: int) -> Response:
        signal = self._signal(pk)
        data = self.parse(SignalAnswerInputSerializer)
        signal = services.signal_answer(actor=self.actor, signal=signal, answer=data["answer"])
        return self._detail(signal)

    @extend_schema(
        summary=_("Close an answered signal, publishable with an anonymised text or not (S3)."),
        **write_schema(SignalCloseInputSerializer, SignalDetailSerializer),
    )
    def close(self, request: Request, region_slug: str, pk: int) -> Response:
        signal = self._signal(pk)
        data = self.parse(SignalCloseInputSerializer)
        signal = services.signal_close(actor=self.actor, signal=signal, **data)
        return self._detail(signal)

    @extend_schema(
        summary=_("Link the signal to an earlier one about the same concern (S2)."),
        **write_schema(SignalDuplicateInputSerializer, SignalDetailSerializer),
    )
    def duplicate(self, request: Request, region_slug: str, pk: int) -> Response:
        signal = self._signal(pk)
        data = self.parse(SignalDuplicateInputSerializer)
        signal = services.signal_link_duplicate(
            actor=self.actor, signal=signal, original=data["original"]
        )
        return self._detail(signal)

    @extend_schema(
        summary=_("Flag a safety concern: the safeguarding contact is alerted at once (S1)."),
        **write_schema(SignalSafetyInputSerializer, SignalDetailSerializer),
    )
    def flag_safety(self, request: Request, region_slug: str, pk: int) -> Response:
        signal = self._signal(pk)
        data = self.parse(SignalSafetyInputSerializer)
        signal = services.signal_flag_safety(actor=self.actor, signal=signal, note=data["note"])
        return self._detail(signal)

    @extend_schema(
        summary=_("Earlier signals that may be about the same concern, best first (S2)."),
        responses={200: SimilarSignalSerializer(many=True), **problems(401, 403, 404)},
    )
    def similar(self, request: Request, region_slug: str, pk: int) -> Response:
        signal = self._signal(pk)
        found = similar_signals(signal, limit=5) if signal.duplicate_of_id is None else []
        return Response(SimilarSignalSerializer(found, many=True).data)


def _post(action: str) -> Any:
    return SignalViewSet.as_view({"post": action})


urlpatterns = [
    path(SIGNALS, SignalViewSet.as_view({"get": "list", "post": "create"}), name="signal-list"),
    path(SIGNAL, SignalViewSet.as_view({"get": "retrieve"}), name="signal-detail"),
    path(SIGNAL + "themes/", SignalViewSet.as_view({"put": "themes"}), name="signal-themes"),
    path(SIGNAL + "move/", _post("move"), name="signal-move"),
    path(SIGNAL + "table/", _post("table"), name="signal-table"),
    path(SIGNAL + "answer/", _post("answer"), name="signal-answer"),
    path(SIGNAL + "close/", _post("close"), name="signal-close"),
    path(SIGNAL + "duplicate/", _post("duplicate"), name="signal-duplicate"),
    path(SIGNAL + "flag-safety/", _post("flag_safety"), name="signal-flag-safety"),
    path(SIGNAL + "similar/", SignalViewSet.as_view({"get": "similar"}), name="signal-similar"),
]

"""API of advice requests (PRODUCT.md S4) under /api/v1/regions/{region_slug}/advice-requests/.

The same permissions as the pages (advice/permissions.py) and the same services for every
write. A request the user may not see is a 404, so its existence does not leak. Documents are
added with a multipart upload, checked by their content like every upload.
"""

from typing import Any

from django.db.models import Model
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.meetings.api._common import read_schema, upload_schema, write_schema
from aantafel.meetings.pdf import pdf_response
from aantafel.meetings.serializers import DocumentInputSerializer
from aantafel.regions.api import ApiViewSet, problems

from . import queries, services
from .models import AdviceRequest
from .pdf import advice_pdf_bytes, advice_pdf_filename
from .permissions import advice_request_get_for_user, advice_requests_visible_to
from .serializers import (
    AdviceCloseInputSerializer,
    AdviceCreateInputSerializer,
    AdviceDetailSerializer,
    AdviceEditInputSerializer,
    AdviceFilterSerializer,
    AdviceFollowUpInputSerializer,
    AdviceGiveInputSerializer,
    AdviceRequestSerializer,
    AdviceResponseInputSerializer,
    AdviceViewInputSerializer,
)

REQUESTS = "regions/<slug:region_slug>/advice-requests/"
REQUEST = REQUESTS + "<int:pk>/"


@extend_schema(tags=["advice"])
class AdviceRequestViewSet(ApiViewSet):
    """Advice requests to a body, the views of its constituencies, the advice and the
    requester's response (S4).

    Permissions: list — advice.view_list (region administrator and policy staff: every request
    of the region; a current member of a body: that body's requests; anyone else 403);
    retrieve and pdf — whoever sees the request (404 otherwise; the pdf once the advice is
    given); create — advice.create on the region and advice.manage on the chosen body
    (region administrator, policy staff, the body's supporter or chair); update and documents
    — advice.manage on the body, until the advice is given; views —
    advice.record_view on the body (its representative for their constituency, the supporter
    or chair on its behalf); give — advice.give (the body's supporter or chair); respond,
    follow_ups and close — advice.respond (region administrator, policy staff, the body's
    supporter or chair).
    """

    queryset = AdviceRequest.objects.none()
    serializer_class = AdviceDetailSerializer
    input_serializers = {
        "create": AdviceCreateInputSerializer,
        "update": AdviceEditInputSerializer,
        "documents": DocumentInputSerializer,
        "views": AdviceViewInputSerializer,
        "give": AdviceGiveInputSerializer,
        "respond": AdviceResponseInputSerializer,
        "follow_ups": AdviceFollowUpInputSerializer,
        "close": AdviceCloseInputSerializer,
    }
    rules = {
        "list": "advice.view_list",
        "create": "advice.create",
        "retrieve": None,  # whoever sees it: others 404 (advice_request_get_for_user)
        "pdf": None,
        "update": "advice.manage",
        "documents": "advice.manage",
        "views": "advice.record_view",
        "give": "advice.give",
        "respond": "advice.respond",
        "follow_ups": "advice.respond",
        "close": "advice.respond",
    }
    advice: AdviceRequest | None = None

    def resolve_objects(self, **kwargs: Any) -> None:
        if "pk" in kwargs:
            self.advice = advice_request_get_for_user(self.request.user, self.region, kwargs["pk"])

    def permission_object(self) -> Model | None:
        return self.advice.body if self.advice is not None else super().permission_object()

    def _detail(self, advice: AdviceRequest, *, status_code: int = 200) -> Response:
        return self.output(queries.advice_detail(advice), status_code=status_code)

    @property
    def _advice(self) -> AdviceRequest:
        assert self.advice is not None
        return self.advice

    @extend_schema(
        parameters=[AdviceFilterSerializer],
        responses={200: AdviceRequestSerializer, **problems(400, 401, 403, 404)},
    )
    def list(self, request: Request, region_slug: str) -> Response:
        serializer = AdviceFilterSerializer(
            data=request.query_params, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        filters = queries.AdviceFilters(body=data.get("body"), status=data.get("status", ""))
        found = queries.advice_list(advice_requests_visible_to(request.user, self.region), filters)
        return self.paginated(found, serializer_class=AdviceRequestSerializer)

    @extend_schema(
        summary=_("Put a question to a body, with a deadline (S4)."),
        **write_schema(AdviceCreateInputSerializer, AdviceDetailSerializer, created=True),
    )
    def create(self, request: Request, region_slug: str) -> Response:
        data = self.parse(AdviceCreateInputSerializer)
        if not request.user.has_perm("advice.manage", data["body"]):
            self.permission_denied(request)
        advice = services.advice_request_create(actor=self.actor, **data)
        return self._detail(advice, status_code=201)

    @extend_schema(**read_schema(AdviceDetailSerializer))
    def retrieve(self, request: Request, region_slug: str, pk: int) -> Response:
        return self._detail(self._advice)

    @extend_schema(
        summary=_("Correct the title, question or deadline, until the advice is given (S4)."),
        **write_schema(AdviceEditInputSerializer, AdviceDetailSerializer),
    )
    def update(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(AdviceEditInputSerializer)
        advice = services.advice_request_edit(actor=self.actor, advice_request=self._advice, **data)
        return self._detail(advice)

    @extend_schema(
        summary=_("Add a document to the question, until the advice is given (S4)."),
        **upload_schema(AdviceDetailSerializer),
    )
    def documents(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(DocumentInputSerializer)
        services.advice_document_add(
            actor=self.actor, advice_request=self._advice, upload=data["file"], title=data["title"]
        )
        return self._detail(self._advice, status_code=201)

    @extend_schema(
        summary=_("The advice as a PDF/A document, once it is given (S4)."),
        responses={
            (200, "application/pdf"): OpenApiResponse(description=_("The PDF.")),
            **problems(401, 403, 404),
        },
    )
    def pdf(self, request: Request, region_slug: str, pk: int) -> Any:
        advice = self._advice
        if not advice.is_given:
            raise Http404
        return pdf_response(advice_pdf_bytes(advice), advice_pdf_filename(advice))

    @extend_schema(
        summary=_("Record or change a constituency's view, until the advice is given (S4)."),
        **write_schema(AdviceViewInputSerializer, AdviceDetailSerializer),
    )
    def views(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(AdviceViewInputSerializer)
        services.advice_view_record(actor=self.actor, advice_request=self._advice, **data)
        return self._detail(self._advice)

    @extend_schema(
        summary=_("Give the advice under the body's decision rule (S4, B6)."),
        **write_schema(AdviceGiveInputSerializer, AdviceDetailSerializer),
    )
    def give(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(AdviceGiveInputSerializer)
        advice = services.advice_give(actor=self.actor, advice_request=self._advice, **data)
        return self._detail(advice)

    @extend_schema(
        summary=_("Record the requester's response: adopted, partly or not, and why (S4)."),
        **write_schema(AdviceResponseInputSerializer, AdviceDetailSerializer),
    )
    def respond(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(AdviceResponseInputSerializer)
        advice = services.advice_response_record(
            actor=self.actor, advice_request=self._advice, **data
        )
        return self._detail(advice)

    @extend_schema(
        summary=_("Record what was done with the response afterwards (S4)."),
        **write_schema(AdviceFollowUpInputSerializer, AdviceDetailSerializer, created=True),
    )
    def follow_ups(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(AdviceFollowUpInputSerializer)
        services.advice_follow_up_add(actor=self.actor, advice_request=self._advice, **data)
        return self._detail(self._advice, status_code=201)

    @extend_schema(
        summary=_("Close the request once the response is recorded (S4)."),
        **write_schema(AdviceCloseInputSerializer, AdviceDetailSerializer),
    )
    def close(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(AdviceCloseInputSerializer)
        advice = services.advice_close(actor=self.actor, advice_request=self._advice, **data)
        return self._detail(advice)


def _post(action: str) -> Any:
    return AdviceRequestViewSet.as_view({"post": action})


urlpatterns = [
    path(
        REQUESTS,
        AdviceRequestViewSet.as_view({"get": "list", "post": "create"}),
        name="advice-request-list",
    ),
    path(
        REQUEST,
        AdviceRequestViewSet.as_view({"get": "retrieve", "put": "update"}),
        name="advice-request-detail",
    ),
    path(REQUEST + "documents/", _post("documents"), name="advice-request-documents"),
    path(REQUEST + "pdf/", AdviceRequestViewSet.as_view({"get": "pdf"}), name="advice-request-pdf"),
    path(REQUEST + "views/", _post("views"), name="advice-request-views"),
    path(REQUEST + "give/", _post("give"), name="advice-request-give"),
    path(REQUEST + "response/", _post("respond"), name="advice-request-response"),
    path(REQUEST + "follow-ups/", _post("follow_ups"), name="advice-request-follow-ups"),
    path(REQUEST + "close/", _post("close"), name="advice-request-close"),
]

"""API of client tests (PRODUCT.md S5) under /api/v1/regions/{region_slug}/client-tests/.

The same permissions as the staff pages (clienttests/permissions.py) and the same services for
every write. A test of a body one is not in is a 404, so its existence does not leak.
"""

from typing import Any

from django.db.models import Model
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.meetings.api._common import read_schema, write_schema
from aantafel.regions.api import ApiViewSet, problems

from . import links, queries, services
from .models import ClientTest
from .permissions import client_test_get_for_user, client_tests_visible_to
from .serializers import (
    ClientTestCreateInputSerializer,
    ClientTestLinkSerializer,
    ClientTestSerializer,
    ClientTestUpdateInputSerializer,
    LinksCreateInputSerializer,
    ReportSerializer,
)

ADD = "clienttests.add_test"
MANAGE = "clienttests.manage_test"
LINKS = "clienttests.make_links"
VIEW = "clienttests.view_test"
TESTS = "regions/<slug:region_slug>/client-tests/"
TEST = TESTS + "<int:pk>/"


@extend_schema(tags=["client tests"])
class ClientTestViewSet(ApiViewSet):
    """Client tests: a policy proposal put before representatives and their constituency (S5).

    Permissions: list — any member of the region, who sees the tests of the bodies they are a
    current member of (region administrator and policy staff: all); create —
    clienttests.add_test, for a body the caller runs (region administrator, policy staff, the
    body's supporter or chair); retrieve and report — clienttests.view_test (the body's
    current members, region administrator, policy staff), anyone else 404; partial_update,
    open and close — clienttests.manage_test; links (list one's own, make a batch) —
    clienttests.make_links (those who manage it and the body's current representatives).

    Answering is not in the API: young people and parents answer on the page their personal
    link opens (/toets/<token>/), which is rate-limited, says what happens with the answers and
    where to turn when someone is unsafe — like the public signal form.
    """

    queryset = ClientTest.objects.none()
    serializer_class = ClientTestSerializer
    input_serializers = {
        "create": ClientTestCreateInputSerializer,
        "partial_update": ClientTestUpdateInputSerializer,
        "links_create": LinksCreateInputSerializer,
    }
    rules = {
        "list": None,  # narrowed by client_tests_visible_to
        "create": ADD,
        "retrieve": VIEW,
        "partial_update": MANAGE,
        "open": MANAGE,
        "close": MANAGE,
        "links": LINKS,
        "links_create": LINKS,
        "report": VIEW,
    }
    test: ClientTest | None = None

    def resolve_objects(self, **kwargs: Any) -> None:
        if "pk" in kwargs:
            self.test = client_test_get_for_user(self.request.user, self.region, kwargs["pk"])

    def permission_object(self) -> Model | None:
        return self.test if self.test is not None else super().permission_object()

    def get_serializer_context(self) -> dict[str, Any]:
        return {
            **super().get_serializer_context(),
            "link_url": lambda link: self.request.build_absolute_uri(
                reverse("client_test_answer", args=[links.token_for(link)])
            ),
        }

    def _test(self) -> ClientTest:
        assert self.test is not None
        return self.test

    @extend_schema(responses={200: ClientTestSerializer, **problems(401, 403, 404)})
    def list(self, request: Request, region_slug: str) -> Response:
        tests = queries.client_test_list(client_tests_visible_to(request.user, self.region))
        return self.paginated(tests)

    @extend_schema(
        summary=_("Make a draft client test for a body you run (S5)."),
        **write_schema(ClientTestCreateInputSerializer, ClientTestSerializer, created=True),
    )
    def create(self, request: Request, region_slug: str) -> Response:
        data = self.parse(ClientTestCreateInputSerializer)
        if not request.user.has_perm(MANAGE, data["body"]):
            self.permission_denied(request)
        test = services.client_test_create(actor=self.actor, **data)
        return self.output(test, status_code=201)

    @extend_schema(**read_schema(ClientTestSerializer))
    def retrieve(self, request: Request, region_slug: str, pk: int) -> Response:
        return self.output(self._test())

    @extend_schema(
        summary=_("Change a draft; once open only the closing date (S5)."),
        **write_schema(ClientTestUpdateInputSerializer, ClientTestSerializer),
    )
    def partial_update(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(ClientTestUpdateInputSerializer)
        test = services.client_test_update(actor=self.actor, test=self._test(), **data)
        return self.output(test)

    @extend_schema(
        summary=_("Open the client test: its links start to work (S5)."),
        **write_schema(None, ClientTestSerializer),
    )
    def open(self, request: Request, region_slug: str, pk: int) -> Response:
        return self.output(services.client_test_open(actor=self.actor, test=self._test()))

    @extend_schema(
        summary=_("Close the client test: no more answers (S5)."),
        **write_schema(None, ClientTestSerializer),
    )
    def close(self, request: Request, region_slug: str, pk: int) -> Response:
        return self.output(services.client_test_close(actor=self.actor, test=self._test()))

    @extend_schema(
        summary=_("The links you made for this client test (S5)."),
        responses={200: ClientTestLinkSerializer(many=True), **problems(401, 403, 404)},
    )
    def links(self, request: Request, region_slug: str, pk: int) -> Response:
        mine = queries.links_made_by(self._test(), request.user)
        return self.paginated(mine, serializer_class=ClientTestLinkSerializer)

    @extend_schema(
        summary=_("Make 1–200 personal single-use links to hand out (S5)."),
        request=LinksCreateInputSerializer,
        responses={201: ClientTestLinkSerializer(many=True), **problems(400, 401, 403, 404, 409)},
    )
    def links_create(self, request: Request, region_slug: str, pk: int) -> Response:
        data = self.parse(LinksCreateInputSerializer)
        made = services.client_test_links_create(actor=self.actor, test=self._test(), **data)
        serializer = ClientTestLinkSerializer(
            made, many=True, context=self.get_serializer_context()
        )
        return Response(serializer.data, status=201)

    @extend_schema(
        summary=_("The answers summarised per target group and overall (S5)."),
        **read_schema(ReportSerializer),
    )
    def report(self, request: Request, region_slug: str, pk: int) -> Response:
        return self.output(
            queries.client_test_report(self._test()), serializer_class=ReportSerializer
        )


def _post(action: str) -> Any:
    return ClientTestViewSet.as_view({"post": action})


urlpatterns = [
    path(
        TESTS,
        ClientTestViewSet.as_view({"get": "list", "post": "create"}),
        name="client-test-list",
    ),
    path(
        TEST,
        ClientTestViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="client-test-detail",
    ),
    path(TEST + "open/", _post("open"), name="client-test-open"),
    path(TEST + "close/", _post("close"), name="client-test-close"),
    path(
        TEST + "links/",
        ClientTestViewSet.as_view({"get": "links", "post": "links_create"}),
        name="client-test-links",
    ),
    path(TEST + "report/", ClientTestViewSet.as_view({"get": "report"}), name="client-test-report"),
]

"""API of regions (B1), and the base every region-scoped endpoint of /api/v1/ builds on.

A region-scoped endpoint lives under /api/v1/regions/{region_slug}/. The base resolves the region
the way the pages do (`region_get_for_user`: 404 for a region that does not exist and for one the
user does not belong to alike), shows dates in the region's time zone, and checks the `rules`
permission the view names for each action: 401 for anonymous callers, 404 outside one's regions,
403 for a user who may see but not do this.
"""

import zoneinfo
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist
from django.db.models import F, Model, QuerySet
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.accounts.middleware import mfa_required_but_missing
from aantafel.accounts.models import ApiToken, User
from aantafel.core.api import PROBLEM_CONTENT_TYPE
from aantafel.core.errors import DomainError

from .models import Country, Region, RegionRole, Theme
from .permissions import region_get_for_user, regions_visible_to
from .services import region_require_mfa

# --- Shared pieces of every app's api.py ---------------------------------------------------------


class ProblemFieldErrorSerializer(serializers.Serializer):
    field = serializers.CharField(allow_null=True, help_text=_("The input that caused it."))
    detail = serializers.CharField()
    code = serializers.CharField()


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details, as core.api.problem_exception_handler writes them."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField(allow_null=True)
    errors = ProblemFieldErrorSerializer(many=True, required=False)  # type: ignore[assignment]


_PROBLEMS = {
    400: _("The input is not valid or breaks a rule; `errors[].field` names the input."),
    401: _("Not logged in, or the token is wrong, revoked or expired."),
    403: _("You may see this, but not do this."),
    404: _("It does not exist, or it is not in one of your regions."),
    409: _("The request clashes with the current state."),
}


def problems(*codes: int) -> dict[Any, OpenApiResponse]:
    """Schema responses in problem details for these status codes."""
    return {
        (code, PROBLEM_CONTENT_TYPE): OpenApiResponse(
            ProblemSerializer, description=_PROBLEMS[code]
        )
        for code in codes
    }


READ_PROBLEMS = (401, 403, 404)
WRITE_PROBLEMS = (400, 401, 403, 404)


class RegionPrimaryKeyField(serializers.PrimaryKeyRelatedField):
    """The id of a record of the request's region. Any other id, one of another region too, is
    'unknown' (B1): nobody learns what exists elsewhere."""

    default_error_messages = {"unknown": _("This choice does not exist in this region.")}

    def get_queryset(self) -> QuerySet[Any]:
        queryset = super().get_queryset()
        assert queryset is not None  # every use names its model's queryset
        return queryset.filter(region=self.context["region"])

    def to_internal_value(self, data: Any) -> Model:
        if isinstance(data, bool):
            self.fail("incorrect_type", data_type=type(data).__name__)
        try:
            return self.get_queryset().get(pk=data)
        except (TypeError, ValueError):
            self.fail("incorrect_type", data_type=type(data).__name__)
        except ObjectDoesNotExist:
            self.fail("unknown")
        raise AssertionError("unreachable")  # pragma: no cover - self.fail always raises


@contextmanager
def fields_renamed(**names: str) -> Iterator[None]:
    """Where a service names its argument differently from the API's input field, the problem
    details name the API's field."""
    try:
        yield
    except DomainError as error:
        error.field = names.get(error.field or "", error.field)
        raise


class MfaSatisfied(BasePermission):
    """A role the region requires two-factor authentication for cannot use the API without it.

    Session users are stopped by RequireMfaMiddleware already; a personal API token is checked
    here (the middleware runs before the token is read)."""

    message = _("Two-factor authentication is required for your role.")

    def has_permission(self, request: Request, view: Any) -> bool:
        if not isinstance(request.auth, ApiToken):
            return True
        return not mfa_required_but_missing(request.user)


class ApiViewSet(viewsets.GenericViewSet):
    """Base of the API's views; under /regions/{region_slug}/ they are region-scoped.

    `rules` maps each action to the `rules` permission it needs, checked on
    `permission_object()`; `None` means any logged-in user. An action missing from `rules` is
    refused, so a new action cannot go out unguarded."""

    permission_classes = [IsAuthenticated, MfaSatisfied]
    rules: dict[str, str | None] = {}
    #: input serializer per write action; `serializer_class` is the output
    input_serializers: dict[str, type[serializers.Serializer]] = {}
    region: Region  # set under /regions/{region_slug}/ only

    _resolved = False

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # authentication and IsAuthenticated: 401
        if "region_slug" in kwargs:
            self.region = region_get_for_user(request.user, kwargs["region_slug"])  # 404
            timezone.activate(zoneinfo.ZoneInfo(self.region.timezone))
        self.resolve_objects(**kwargs)
        self._resolved = True
        self.check_rules()  # 403

    def check_permissions(self, request: Request) -> None:
        super().check_permissions(request)
        # The browsable API asks again per method to decide which forms to show.
        if self._resolved:
            self.check_rules()

    def resolve_objects(self, **kwargs: Any) -> None:
        """Hook for the objects above the one the URL names (a body), each a 404 if not visible."""

    def permission_object(self) -> Model | None:
        return getattr(self, "region", None)

    @property
    def actor(self) -> User:
        """Who does it: the logged-in user (IsAuthenticated let nobody else this far)."""
        user = self.request.user
        assert isinstance(user, User)
        return user

    def current_action(self) -> str | None:
        if self.action == "metadata":
            # OPTIONS describes the endpoint to whoever may see it (the lookups above). DRF then
            # asks again with a copy of the request per method, to list the writes allowed.
            return self.action_map.get((self.request.method or "").lower())
        return self.action

    def check_rules(self) -> None:
        action = self.current_action()
        if action is None:  # OPTIONS itself, or a method this URL lacks (405 follows)
            return
        if action not in self.rules:
            raise ImproperlyConfigured(f"{type(self).__name__}.{action} names no permission")
        perm = self.rules[action]
        if perm is not None:
            obj = self.permission_object()
            assert obj is not None
            if not self.request.user.has_perm(perm, obj):
                self.permission_denied(self.request)  # 403

    def finalize_response(self, request, response, *args, **kwargs):
        timezone.deactivate()
        return super().finalize_response(request, response, *args, **kwargs)

    def get_serializer_class(self):
        return self.input_serializers.get(self.current_action() or "", self.serializer_class)

    def get_serializer(self, *args: Any, **kwargs: Any) -> serializers.Serializer:
        """Only the browsable API's forms call this (the actions use parse and output): an
        input serializer starts empty, since what the response holds is the output's shape."""
        serializer_class = self.get_serializer_class()
        if serializer_class is not self.serializer_class:
            args, kwargs = (), {k: v for k, v in kwargs.items() if k != "instance"}
        return serializer_class(*args, context=self.get_serializer_context(), **kwargs)

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "region": getattr(self, "region", None)}

    def parse(self, serializer_class: type[serializers.Serializer], **kwargs: Any) -> dict:
        """Validated input (400 problem details naming the field otherwise)."""
        serializer = serializer_class(
            data=self.request.data, context=self.get_serializer_context(), **kwargs
        )
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def parse_query(self, serializer_class: type[serializers.Serializer]) -> dict:
        serializer = serializer_class(data=self.request.query_params)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def output(self, instance: Any, *, serializer_class=None, status_code: int = 200) -> Response:
        serializer_class = serializer_class or self.serializer_class
        data = serializer_class(instance, context=self.get_serializer_context()).data
        return Response(data, status=status_code)

    def paginated(self, items: Any, *, serializer_class=None) -> Response:
        serializer_class = serializer_class or self.serializer_class
        page = self.paginate_queryset(items)
        data = serializer_class(page, many=True, context=self.get_serializer_context()).data
        return self.get_paginated_response(data)


# --- Regions -------------------------------------------------------------------------------------


class RegionSerializer(serializers.ModelSerializer):
    my_role = serializers.ChoiceField(
        choices=RegionRole.choices, read_only=True, help_text=_("Your role in this region.")
    )
    country = serializers.ChoiceField(choices=Country.choices, read_only=True)
    theme = serializers.ChoiceField(choices=Theme.choices, read_only=True)
    mfa_required_roles = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Region
        fields = [
            "slug",
            "name",
            "country",
            "timezone",
            "theme",
            "department_name",
            "safety_contact_line",
            "mfa_required_roles",
            "my_role",
        ]
        read_only_fields = fields


class RegionSettingsInputSerializer(serializers.Serializer):
    mfa_required_roles = serializers.ListField(
        child=serializers.CharField(),
        allow_empty=True,
        help_text=_(
            "Roles that must use two-factor authentication: admin, staff, participant, chair, "
            "supporter, member, guest."
        ),
    )


@extend_schema(tags=["regions"])
class RegionViewSet(ApiViewSet):
    """The regions the user belongs to (B1).

    Permissions: list — any logged-in user (only their own regions); retrieve —
    regions.view_region (any member of the region); update and partial_update —
    regions.manage_region (region administrator).
    """

    queryset = Region.objects.none()
    serializer_class = RegionSerializer
    input_serializers = {
        "update": RegionSettingsInputSerializer,
        "partial_update": RegionSettingsInputSerializer,
    }
    rules = {
        "list": None,
        "retrieve": "regions.view_region",
        "update": "regions.manage_region",
        "partial_update": "regions.manage_region",
    }

    @extend_schema(responses={200: RegionSerializer, **problems(401)})
    def list(self, request: Request) -> Response:
        regions = regions_visible_to(request.user).annotate(my_role=F("memberships__role"))
        return self.paginated(regions.order_by("name"))

    @extend_schema(responses={200: RegionSerializer, **problems(*READ_PROBLEMS)})
    def retrieve(self, request: Request, region_slug: str) -> Response:
        region = self.region
        region.my_role = region._role  # type: ignore[attr-defined]
        return self.output(region)

    def _save(self, *, partial: bool) -> Response:
        data = self.parse(RegionSettingsInputSerializer, partial=partial)
        region = self.region
        role = region._role  # type: ignore[attr-defined]
        if "mfa_required_roles" in data:
            with fields_renamed(roles="mfa_required_roles"):
                region = region_require_mfa(
                    actor=self.actor, region=region, roles=data["mfa_required_roles"]
                )
        region.my_role = role  # type: ignore[attr-defined]
        return self.output(region)

    @extend_schema(
        request=RegionSettingsInputSerializer,
        responses={200: RegionSerializer, **problems(*WRITE_PROBLEMS)},
    )
    def update(self, request: Request, region_slug: str) -> Response:
        return self._save(partial=False)

    @extend_schema(
        request=RegionSettingsInputSerializer,
        responses={200: RegionSerializer, **problems(*WRITE_PROBLEMS)},
    )
    def partial_update(self, request: Request, region_slug: str) -> Response:
        return self._save(partial=True)


urlpatterns = [
    path("regions/", RegionViewSet.as_view({"get": "list"}), name="region-list"),
    path(
        "regions/<slug:region_slug>/",
        RegionViewSet.as_view({"get": "retrieve", "put": "update", "patch": "partial_update"}),
        name="region-detail",
    ),
]

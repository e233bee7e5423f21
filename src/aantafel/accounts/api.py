"""API of one's own account: personal API tokens (/api/v1/me/tokens/)."""

from typing import Any

from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.regions.api import WRITE_PROBLEMS, ApiViewSet, problems

from .models import ApiToken
from .services import api_token_create, api_token_revoke


class ApiTokenAuthenticationScheme(OpenApiAuthenticationExtension):
    """Documents `Authorization: Bearer <key>` in the schema."""

    target_class = "aantafel.accounts.api_auth.ApiTokenAuthentication"
    name = "personalApiToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": str(
                _(
                    "A personal API token: Authorization: Bearer <key>. Make one at /api/v1/me/tokens/."
                )
            ),
        }


class ApiTokenSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApiToken
        fields = ["id", "name", "prefix", "created_at", "last_used_at", "expires_at", "revoked_at"]
        read_only_fields = fields


class ApiTokenCreatedSerializer(ApiTokenSerializer):
    key = serializers.CharField(
        read_only=True, help_text=_("The key. It is shown only now; only its hash is stored.")
    )

    class Meta(ApiTokenSerializer.Meta):
        fields = [*ApiTokenSerializer.Meta.fields, "key"]
        read_only_fields = fields


class ApiTokenInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100, help_text=_("Where the token is used."))
    expires_at = serializers.DateTimeField(required=False, allow_null=True, default=None)


@extend_schema(tags=["me"])
class ApiTokenViewSet(ApiViewSet):
    """The user's own personal API tokens.

    Permission: any logged-in user, for their own tokens only (another user's token is 404).
    """

    queryset = ApiToken.objects.none()
    serializer_class = ApiTokenSerializer
    input_serializers = {"create": ApiTokenInputSerializer}
    rules = {"list": None, "create": None, "revoke": None}

    @extend_schema(responses={200: ApiTokenSerializer, **problems(401, 403)})
    def list(self, request: Request) -> Response:
        tokens = ApiToken.objects.filter(user=self.actor, revoked_at__isnull=True)
        return self.paginated(tokens.order_by("-created_at"))

    @extend_schema(
        request=ApiTokenInputSerializer,
        responses={201: ApiTokenCreatedSerializer, **problems(400, 401, 403)},
    )
    def create(self, request: Request) -> Response:
        data = self.parse(ApiTokenInputSerializer)
        token, key = api_token_create(
            actor=self.actor, name=data["name"], expires_at=data["expires_at"]
        )
        token.key = key  # type: ignore[attr-defined]
        return self.output(token, serializer_class=ApiTokenCreatedSerializer, status_code=201)

    @extend_schema(request=None, responses={200: ApiTokenSerializer, **problems(*WRITE_PROBLEMS)})
    def revoke(self, request: Request, pk: int) -> Response:
        token = get_object_or_404(ApiToken, pk=pk, user=self.actor)
        return self.output(api_token_revoke(actor=self.actor, token=token))


urlpatterns = [
    path(
        "me/tokens/",
        ApiTokenViewSet.as_view({"get": "list", "post": "create"}),
        name="token-list",
    ),
    path(
        "me/tokens/<int:pk>/revoke/",
        ApiTokenViewSet.as_view({"post": "revoke"}),
        name="token-revoke",
    ),
]

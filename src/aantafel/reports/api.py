"""API of the dashboards (PRODUCT.md S6) under /api/v1/regions/{region_slug}/dashboards/{name}/.

The same tables as the pages and the downloads (reports/dashboards.py), as JSON, and the same
permission: reports.view_dashboards (region administrator, policy staff, supporters and chairs
of the region's bodies); another member of the region 403, another region 404, anonymous 401.
"""

import datetime
from typing import Any

from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.bodies.models import Body
from aantafel.meetings.api._common import read_schema
from aantafel.meetings.serializers._common import choice
from aantafel.regions.api import ApiViewSet, RegionPrimaryKeyField

from .dashboards import (
    DASHBOARDS,
    MAX_MONTHS,
    Kind,
    Period,
    Table,
    parse_month,
    period_from_input,
    period_problem,
)

VIEW = "reports.view_dashboards"


class MonthInputField(serializers.CharField):
    default_error_messages = {"month": _("Give a year and month, such as 2026-01.")}

    def to_internal_value(self, data: Any) -> datetime.date:  # type: ignore[override]
        month = parse_month(super().to_internal_value(data))
        if month is None or not 2000 <= month.year <= 2100:
            self.fail("month")
        assert month is not None
        return month


class DashboardQuerySerializer(serializers.Serializer):
    from_month = MonthInputField(
        required=False, help_text=_("First month, such as 2025-01. Default: twelve months ago.")
    )
    to_month = MonthInputField(
        required=False, help_text=_("Last month, such as 2025-12. Default: this month.")
    )
    body = RegionPrimaryKeyField(
        queryset=Body.objects.all(),
        required=False,
        help_text=_("Only this body (advice and attendance dashboards)."),
    )

    def validate(self, attrs: dict) -> dict:
        problem = period_problem(attrs.get("from_month"), attrs.get("to_month"))
        if problem == "order":
            raise serializers.ValidationError(
                {"to_month": _("Ends before it starts.")}, code="order"
            )
        if problem == "too_long":
            raise serializers.ValidationError(
                {"to_month": _("Choose at most %(months)s months.") % {"months": MAX_MONTHS}},
                code="too_long",
            )
        return attrs


class ColumnSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    kind = choice(
        [Kind.MONTH, Kind.QUARTER, Kind.TEXT, Kind.COUNT, Kind.DAYS, Kind.PERCENT],
        enum_name="DashboardColumnKindEnum",
        help_text=_(
            "month: 2025-01; quarter: 2025-Q1; count: a whole number; days and percent: a "
            "number with one decimal, or null when there is nothing to measure."
        ),
    )


class TableSerializer(serializers.Serializer):
    key = serializers.CharField()
    caption = serializers.CharField()
    notes = serializers.ListField(child=serializers.CharField())
    columns = ColumnSerializer(many=True)
    rows = serializers.ListField(
        child=serializers.DictField(), help_text=_("One object per row, by column key.")
    )


class PeriodSerializer(serializers.Serializer):
    from_month = serializers.CharField()
    to_month = serializers.CharField()


class DashboardSerializer(serializers.Serializer):
    name = serializers.CharField()
    title = serializers.CharField()
    period = PeriodSerializer()
    body = serializers.IntegerField(allow_null=True)
    tables = TableSerializer(many=True)


def _json_value(value: Any, kind: str) -> Any:
    if value is not None and kind == Kind.MONTH:
        return f"{value:%Y-%m}"
    return value


def table_data(table: Table) -> dict[str, Any]:
    return {
        "key": table.key,
        "caption": str(table.caption),
        "notes": [str(note) for note in table.notes],
        "columns": [{"key": c.key, "label": str(c.label), "kind": c.kind} for c in table.columns],
        "rows": [
            {c.key: _json_value(v, c.kind) for v, c in zip(row, table.columns, strict=True)}
            for row in table.rows
        ],
    }


@extend_schema(tags=["dashboards"])
class DashboardViewSet(ApiViewSet):
    """The dashboards of the feedback loop (S6): the numbers behind each chart.

    Permissions: retrieve — reports.view_dashboards (region administrator, policy staff,
    supporters and chairs of the region's bodies); other members 403, another region 404.
    """

    queryset = Body.objects.none()
    serializer_class = DashboardSerializer
    rules = {"retrieve": VIEW}

    @extend_schema(
        summary=_("The series of one dashboard for a period (S6)."),
        parameters=[
            OpenApiParameter(
                "name", OpenApiTypes.STR, OpenApiParameter.PATH, enum=list(DASHBOARDS)
            ),
            DashboardQuerySerializer,
        ],
        **read_schema(DashboardSerializer),
    )
    def retrieve(self, request: Request, region_slug: str, name: str) -> Response:
        dashboard = DASHBOARDS.get(name)
        if dashboard is None:
            raise Http404
        query = DashboardQuerySerializer(
            data=request.query_params, context=self.get_serializer_context()
        )
        query.is_valid(raise_exception=True)
        data = query.validated_data
        period: Period = period_from_input(
            self.region, data.get("from_month"), data.get("to_month")
        )
        body = data.get("body") if dashboard.body_filter else None
        tables = dashboard.build(self.region, period, body=body)
        return Response(
            {
                "name": dashboard.name,
                "title": str(dashboard.title),
                "period": {
                    "from_month": f"{period.first:%Y-%m}",
                    "to_month": f"{period.last:%Y-%m}",
                },
                "body": body.pk if body else None,
                "tables": [table_data(t) for t in tables],
            }
        )


urlpatterns = [
    path(
        "regions/<slug:region_slug>/dashboards/<str:name>/",
        DashboardViewSet.as_view({"get": "retrieve"}),
        name="dashboard-detail",
    ),
]

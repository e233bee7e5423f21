"""API plumbing shared by every app: problem details (RFC 9457) for every error."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from .errors import DomainError

PROBLEM_CONTENT_TYPE = "application/problem+json"


def _field_errors(detail: Any, prefix: str = "") -> list[dict[str, Any]]:
    """Flattens DRF's nested error dict into [{field, detail, code}]."""
    if isinstance(detail, dict):
        errors: list[dict[str, Any]] = []
        for key, value in detail.items():
            name = "" if key in ("non_field_errors", "__all__") else f"{prefix}{key}"
            errors.extend(_field_errors(value, f"{name}." if name else prefix))
        return errors
    if isinstance(detail, list):
        errors = []
        for index, value in enumerate(detail):
            if isinstance(value, dict | list) and not isinstance(value, exceptions.ErrorDetail):
                errors.extend(_field_errors(value, f"{prefix}{index}."))
            else:
                errors.extend(_field_errors(value, prefix))
        return errors
    return [
        {
            "field": prefix.rstrip(".") or None,
            "detail": str(detail),
            "code": getattr(detail, "code", "invalid"),
        }
    ]


def problem(request, *, status_code: int, title: str, detail: str = "", errors=None) -> Response:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": title,
        "status": status_code,
        "detail": detail or title,
        "instance": request.path if request is not None else None,
    }
    if errors:
        body["errors"] = errors
    return Response(body, status=status_code, content_type=PROBLEM_CONTENT_TYPE)


def problem_exception_handler(exc, context):
    request = context.get("request")
    if isinstance(exc, DomainError):
        errors = [{"field": exc.field, "detail": exc.message, "code": exc.code}]
        return problem(
            request,
            status_code=exc.status_code,
            title=_("The request breaks a rule.") if exc.status_code == 400 else _("Conflict."),
            detail=str(exc.message),
            errors=errors,
        )
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = _field_errors(exc.detail)
        return problem(
            request,
            status_code=status.HTTP_400_BAD_REQUEST,
            title=_("The input is not valid."),
            detail="; ".join(
                f"{e['field']}: {e['detail']}" if e["field"] else str(e["detail"]) for e in errors
            ),
            errors=errors,
        )
    detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
    result = problem(
        request,
        status_code=response.status_code,
        title=str(detail),
        detail=str(detail),
    )
    for header in ("WWW-Authenticate", "Retry-After", "Allow"):
        if header in response:
            result[header] = response[header]
    return result

"""What every endpoint of a case shares: the region by its address, the case for the user's
seat, the confidentiality gate (C5) and the line in the case log (C8)."""

from typing import Any

from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from aantafel.core.api import problem
from aantafel.regions.api import ApiViewSet
from aantafel.regions.models import Region

from .. import queries
from ..log import case_log
from ..models import Case, CaseLogAction
from ..permissions import Seat, case_get_for_user, case_seat, in_service
from ..serializers import CaseDetailSerializer
from ..services import consultations
from ..templatetags.case_plan import case_plan_summary

CASES = "regions/<slug:region_slug>/cases/"
CASE = CASES + "<str:reference>/"

VIEW = "casework.view_case"
MANAGE = "casework.manage_table"
INTAKE = "casework.intake"
# C6/C7: the chair and the coordinator (casework.edit_plan), and the help coordinator who
# adjusts the plan (casework.follow_up): services.plan.may_edit_plan.
EDIT_PLAN = "casework.edit_plan"
FOLLOW_UP = "casework.follow_up"


class ConfidentialityNotAccepted(exceptions.PermissionDenied):
    default_code = "confidentiality_not_accepted"


class CaseApiViewSet(ApiViewSet):
    """Base of the endpoints under /cases/: the region by its slug, the case by its reference
    and the user's seat at it (module docstring). Permissions are checked on the case."""

    #: actions the data protection officer reaches without a seat at the table (C8)
    officer_actions: frozenset[str] = frozenset()
    #: actions a non-professional reaches before accepting confidentiality (C5)
    statement_actions: frozenset[str] = frozenset()
    #: actions whose log line is an `export` rather than a `view` (C8)
    export_actions: frozenset[str] = frozenset()

    case: Case | None = None
    seat: Seat = Seat()

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        # Not ApiViewSet.initial, which looks the region up among the user's own regions.
        super(ApiViewSet, self).initial(request, *args, **kwargs)  # authentication: 401
        self.region = get_object_or_404(Region, slug=kwargs["region_slug"])
        timezone.activate(self.region.timezone)
        action = self.current_action() or ""
        if "reference" in kwargs:
            self.case, self.seat = case_get_for_user(request.user, self.region, kwargs["reference"])
            if not self.seat.at_table and action not in self.officer_actions:
                raise Http404  # the data protection officer: the log only
            if self.seat.must_accept_confidentiality and action not in self.statement_actions:
                raise ConfidentialityNotAccepted(self._statement_first())
        elif not in_service(request.user, self.region):
            raise Http404
        self._resolved = True
        self.check_rules()  # 403
        if self.case is not None and self.action != "metadata":  # OPTIONS shows no case data
            self._log_read(request, action)

    def _log_read(self, request: Request, action: str) -> None:
        """C8: every request that reaches the case is a line of its log: an `export` for the
        family's data, else a `view` (the log's words are the catalog's, casework.log.WHAT)."""
        assert self.case is not None
        export = action in self.export_actions
        case_log(
            self.case,
            actor=self.actor,
            action=CaseLogAction.EXPORT if export else CaseLogAction.VIEW,
            what="data export (JSON)" if export else "read through the API",
            request=request,
        )

    def _statement_first(self) -> str:
        assert self.case is not None
        address = reverse(
            "v1:case-confidentiality",
            kwargs={"region_slug": self.region.slug, "reference": self.case.reference},
        )
        return str(
            _(
                "You have not accepted the duty of confidentiality of this table yet. Read the "
                "confidentiality statement and accept it (POST %(address)s) before you see the "
                "case."
            )
            % {"address": address}
        )

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, ConfidentialityNotAccepted):
            detail = str(exc.detail)
            response = problem(
                self.request,
                status_code=403,
                title=str(_("Accept the duty of confidentiality first.")),
                detail=detail,
                errors=[{"field": None, "detail": detail, "code": exc.default_code}],
            )
            response.exception = True
            return response
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    def permission_object(self) -> Model | None:
        return self.case if self.case is not None else self.region

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "case": self.case, "seat": self.seat}

    @property
    def _case(self) -> Case:
        assert self.case is not None
        return self.case

    def _of_case(self, queryset: QuerySet[Any], pk: int, **lookup: Any) -> Any:
        """A record of this case (404 otherwise)."""
        return get_object_or_404(queryset, pk=pk, **(lookup or {"case": self._case}))

    def _detail(self, *, status_code: int = 200) -> Response:
        """The case as it stands after a service: what the case page shows this user."""
        case = Case.objects.select_related("region", "chair").get(pk=self._case.pk)
        self.case, self.seat = case, case_seat(self.actor, case)
        overview = queries.case_table(case, self.seat)
        detail = {
            "case": case,
            "clients": list(case.clients.all()),
            "participants": overview["seated"] + overview["former"],
            "regime": overview["regime"],
            "consultations": list(consultations.open_consultations(case)),
            "plan": case_plan_summary({"request": self.request}, case, self.seat),
        }
        return self.output(detail, serializer_class=CaseDetailSerializer, status_code=status_code)


# --- The case: intake, confidentiality, consent, follow-up, closing, log, export ----------------

"""API of the cliëntoverleg (issue 5, C1–C9) under /api/v1/regions/{region_slug}/cases/.

The same services as the pages, with the same permissions (casework.permissions). Like the
pages, the API does not go by region membership: a family, a teacher or a neighbour at the table
is no member of the region, and a region administrator who is one sees no case. So:

- 401 without a login; 404 for a region that does not exist, a case that does not, and a case the
  user has no seat at — alike, so nobody learns that a case exists;
- the data protection officer reaches the case log only (404 elsewhere);
- a non-professional who has not accepted the duty of confidentiality gets 403 with the code
  `confidentiality_not_accepted` everywhere but the endpoint that accepts it (C5);
- 403 for someone at the table who may not do this step;
- every request that reaches a case writes a line to the case log (C8): `view`, or `export` for
  the family's data. Case addresses are kept out of error reports (casework/reporting.py).
"""

from typing import Any

from django.urls import path

from ._base import CASE, CASES, CaseApiViewSet
from .cases import CaseViewSet
from .plan import PlanViewSet
from .table import ConsultationViewSet, ParticipantViewSet


def _route(view: type[CaseApiViewSet], suffix: str, name: str, **actions: Any) -> Any:
    """A case address (CASE + suffix) served by `view`, its methods mapped to its actions."""
    return path(CASE + suffix, view.as_view(actions), name=name)


urlpatterns = [
    path(CASES, CaseViewSet.as_view({"get": "list"}), name="case-list"),
    _route(CaseViewSet, "", "case-detail", get="retrieve"),
    _route(CaseViewSet, "accept/", "case-accept", post="accept"),
    _route(CaseViewSet, "decline/", "case-decline", post="decline"),
    _route(CaseViewSet, "chair/", "case-chair", post="chair"),
    _route(CaseViewSet, "confidentiality/", "case-confidentiality", post="confidentiality"),
    _route(
        CaseViewSet,
        "consents/<int:pk>/withdraw/",
        "case-consent-withdraw",
        post="withdraw_consent",
    ),
    _route(CaseViewSet, "follow-up/", "case-follow-up", post="follow_up"),
    _route(CaseViewSet, "close/", "case-close", post="close"),
    _route(CaseViewSet, "log/", "case-log", get="log"),
    _route(CaseViewSet, "export/", "case-export", get="export"),
    _route(ParticipantViewSet, "participants/", "case-participant-list", post="create"),
    _route(
        ParticipantViewSet, "participants/<int:pk>/", "case-participant-detail", delete="destroy"
    ),
    _route(
        ParticipantViewSet,
        "participants/<int:pk>/help-coordinator/",
        "case-participant-help-coordinator",
        post="help_coordinator",
    ),
    _route(
        ConsultationViewSet, "consultations/", "case-consultation-list", get="list", post="create"
    ),
    *(
        _route(
            ConsultationViewSet,
            f"consultations/<int:pk>/{step}/",
            f"case-consultation-{step}",
            post=step,
        )
        for step in ("reschedule", "cancel", "held", "notes")
    ),
    _route(PlanViewSet, "plan/", "case-plan", get="retrieve"),
    _route(PlanViewSet, "plan/draft/", "case-plan-draft", post="draft"),
    _route(PlanViewSet, "plan/goals/", "case-plan-goal-list", post="goal_create"),
    _route(
        PlanViewSet,
        "plan/goals/<int:pk>/",
        "case-plan-goal-detail",
        patch="goal_update",
        delete="goal_destroy",
    ),
    _route(PlanViewSet, "plan/actions/", "case-plan-action-list", post="action_create"),
    _route(
        PlanViewSet,
        "plan/actions/<int:pk>/",
        "case-plan-action-detail",
        patch="action_update",
        delete="action_destroy",
    ),
    _route(
        PlanViewSet,
        "plan/actions/<int:pk>/agreement/",
        "case-plan-action-agreement",
        post="agreement",
    ),
    _route(PlanViewSet, "plan/actions/<int:pk>/done/", "case-plan-action-done", post="done"),
    _route(PlanViewSet, "plan/agree/", "case-plan-agree", post="agree"),
    _route(PlanViewSet, "plan/confirm/", "case-plan-confirm", post="confirm"),
]

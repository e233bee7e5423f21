"""C8: the case log. Views write a `view` line per page or API read (through `case_view` and
the API's lookup), services a `change` line in the same transaction as the change. A line names
the case by its row and says what, in a few words: never any case content."""

from allauth.account.adapter import get_adapter
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from aantafel.core.request_id import current_request_id
from aantafel.core.typing import Actor

from .models import Case, CaseLog, CaseLogAction


def _client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    try:  # the same rule for "which address is the client's" as login throttling
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return None


def case_log(
    case: Case,
    *,
    actor: Actor,
    action: str,
    what: str,
    request: HttpRequest | None = None,
) -> CaseLog:
    person = actor if actor is not None and actor.is_authenticated else None
    request_id = current_request_id()
    return CaseLog.objects.create(
        region_id=case.region_id,
        case=case,
        user=person,
        user_repr=str(person) if person else "",
        action=action,
        what=what[:100],
        ip_address=_client_ip(request),
        request_id="" if request_id == "-" else request_id,
    )


def log_change(case: Case, *, actor: Actor, what: str) -> CaseLog:
    """For services: one `change` line, in the service's transaction."""
    return case_log(case, actor=actor, action=CaseLogAction.CHANGE, what=what)

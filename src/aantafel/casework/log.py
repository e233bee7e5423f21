"""C8: the case log. Views write a `view` line per page or API read (through `case_view` and
the API's lookup), services a `change` line in the same transaction as the change. A line names
the case by its row and says what, in a few words: never any case content."""

from allauth.account.adapter import get_adapter
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext_noop

from aantafel.core.request_id import current_request_id
from aantafel.core.typing import Actor

from .models import Case, CaseLog, CaseLogAction

# Every `what` a line of the case log can hold. A line stores these English words; the log's
# pages show them in the reader's language (`{% translate line.what %}`), so each must be here
# for the catalog to hold it (tests/casework/test_case_log_words.py checks the code against it).
WHAT = frozenset(
    {
        # Pages and API reads (casework.decorators.case_view and the API).
        gettext_noop("case page"),
        gettext_noop("case log"),
        gettext_noop("intake"),
        gettext_noop("chair appointment"),
        gettext_noop("confidentiality statement"),
        gettext_noop("participant invitation"),
        gettext_noop("participant removal"),
        gettext_noop("help coordinator"),
        gettext_noop("consultation planning"),
        gettext_noop("consultation"),
        gettext_noop("consultation calendar file"),
        gettext_noop("work plan"),
        gettext_noop("work plan versions"),
        gettext_noop("work plan new version"),
        gettext_noop("work plan goal"),
        gettext_noop("work plan action"),
        gettext_noop("work plan agreement"),
        gettext_noop("work plan agree"),
        gettext_noop("work plan confirm"),
        gettext_noop("work plan action done"),
        gettext_noop("work plan PDF"),
        gettext_noop("follow-up request"),
        gettext_noop("close case"),
        gettext_noop("consent withdrawal"),
        gettext_noop("data export (JSON)"),
        gettext_noop("data export (PDF)"),
        gettext_noop("read through the API"),
        # Changes (the services).
        gettext_noop("requested"),
        gettext_noop("accepted"),
        gettext_noop("declined"),
        gettext_noop("chair appointed"),
        gettext_noop("chair replaced"),
        gettext_noop("consent given"),
        gettext_noop("consent withdrawn"),
        gettext_noop("participant invited"),
        gettext_noop("participant removed"),
        gettext_noop("help coordinator set"),
        gettext_noop("confidentiality accepted"),
        gettext_noop("consultation scheduled"),
        gettext_noop("consultation rescheduled"),
        gettext_noop("consultation cancelled"),
        gettext_noop("consultation held"),
        gettext_noop("consultation notes saved"),
        gettext_noop("work plan version started"),
        gettext_noop("work plan goal added"),
        gettext_noop("work plan goal changed"),
        gettext_noop("work plan goal removed"),
        gettext_noop("work plan action added"),
        gettext_noop("work plan action changed"),
        gettext_noop("work plan action removed"),
        gettext_noop("client agreed to an action"),
        gettext_noop("client did not agree to an action"),
        gettext_noop("work plan agreed"),
        gettext_noop("work plan confirmed"),
        gettext_noop("work plan action done"),
        gettext_noop("follow-up consultation requested"),
        gettext_noop("case closed"),
        gettext_noop("anonymised"),
    }
)


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

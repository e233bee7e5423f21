"""C8: the family's data — all of it in one export, and nothing of it after the retention period.

- `case_export_data(case)`: everything Aan Tafel holds about the family in one case (GDPR right
  of access), one dictionary for both the JSON file and the PDF.
- `case_anonymise(...)`: overwrites every identifying and free-text field of a closed case whose
  retention period (the region's `case_retention_months`) is over; the case log keeps that it
  happened. `cases_due_for_anonymisation(now)` finds them for the scheduled command
  (`manage.py anonymise_closed_cases`).
- Key rotation is `manage.py rotate_case_keys` (a command: it works on the stored tokens, not on
  cases).
"""

import calendar
import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from aantafel.accounts.services import account_anonymise
from aantafel.core.errors import ConflictError
from aantafel.core.typing import Actor
from aantafel.regions.models import Region

from ..log import case_log
from ..models import (
    PROFESSIONAL_KINDS,
    Case,
    CaseBottleneck,
    CaseClient,
    CaseLog,
    CaseLogAction,
    CaseMail,
    CaseworkRole,
    Consent,
    Consultation,
    Participant,
    PlanAction,
    PlanConfirmation,
    PlanGoal,
    WorkPlan,
)
from ..workflow import CaseStatus

if TYPE_CHECKING:
    from aantafel.accounts.models import User

# --- The family's export (GDPR right of access) -------------------------------------------------


def _person(user: "User | None") -> str:
    return str(user) if user is not None else ""


def _action_data(action: PlanAction) -> dict[str, Any]:
    return {
        "who": action.owner_kind,
        "who_display": str(action.get_owner_kind_display()),
        "participant": action.participant.name if action.participant else "",
        "text": action.text,
        "due_date": action.due_date,
        "agreement": action.agreement,
        "agreement_display": str(action.get_agreement_display()),
        "agreement_reason": action.agreement_reason,
        "done_at": action.done_at,
    }


def _plan_data(plan: WorkPlan) -> dict[str, Any]:
    actions = list(plan.actions.all())
    goals = []
    for goal in plan.goals.all():
        goals.append(
            {
                "text": goal.text,
                "actions": [_action_data(a) for a in actions if a.goal_id == goal.pk],
            }
        )
    return {
        "version": plan.version,
        "status": plan.status,
        "status_display": str(plan.get_status_display()),
        "reason": plan.reason,
        "created_at": plan.created_at,
        "agreed_at": plan.agreed_at,
        "goals": goals,
        "actions_without_goal": [_action_data(a) for a in actions if a.goal_id is None],
        "confirmations": [
            {"by": _person(c.user), "at": c.confirmed_at} for c in plan.confirmations.all()
        ],
    }


def case_export_data(case: Case) -> dict[str, Any]:
    """C8: all data of the family in the case, for the family (and the coordinator who helps
    them): the request, the clients, every consent (given and withdrawn), who sat at the table,
    the consultations with their notes, every version of the work plan with its goals, actions
    and agreements, the confirmations, the bottleneck tags and the case log (without the
    addresses it was read from). Values are Python values (dates stay dates); the JSON view
    encodes them, the PDF formats them. A fixed number of queries."""
    case = Case.objects.select_related("region", "chair", "coordinator").get(pk=case.pk)
    clients = list(CaseClient.objects.filter(case=case))
    consents = Consent.objects.filter(case=case).select_related("given_by", "participant")
    participants = Participant.objects.filter(case=case)
    consultations = Consultation.objects.filter(case=case)
    plans = (
        WorkPlan.objects.filter(case=case)
        .order_by("version")
        .prefetch_related(
            Prefetch("goals", queryset=PlanGoal.objects.order_by("position", "pk")),
            Prefetch(
                "actions",
                queryset=PlanAction.objects.select_related("participant").order_by(
                    "due_date", "pk"
                ),
            ),
            Prefetch(
                "confirmations",
                queryset=PlanConfirmation.objects.select_related("user").order_by("confirmed_at"),
            ),
        )
    )
    bottlenecks = CaseBottleneck.objects.filter(case=case).order_by("tag")
    log = CaseLog.objects.filter(case=case).order_by("at", "pk")
    return {
        "reference": case.reference,
        "region": case.region.name,
        "status": case.status,
        "status_display": str(case.get_status_display()),
        "purpose": case.purpose,
        "purpose_display": str(case.get_purpose_display()),
        "requested_at": case.created_at,
        "decided_at": case.decided_at,
        "chair_appointed_at": case.chair_appointed_at,
        "closed_at": case.closed_at,
        "anonymised_at": case.anonymised_at,
        "request": {
            "question": case.question,
            "address": case.address,
            "requester_kind": case.requester_kind,
            "requester_kind_display": str(case.get_requester_kind_display()),
            "requester_name": case.requester_name,
            "requester_email": case.requester_email,
            "requester_phone": case.requester_phone,
            "requester_organisation": case.requester_organisation,
            "requester_relation": case.requester_relation,
            "decline_reason": case.decline_reason,
        },
        "outcome": case.outcome,
        "coordinator": _person(case.coordinator),
        "chair": _person(case.chair),
        "clients": [
            {
                "role": c.role,
                "role_display": str(c.get_role_display()),
                "name": c.name,
                "birth_date": c.birth_date,
                "email": c.email,
            }
            for c in clients
        ],
        "consents": [
            {
                "given_by": c.given_by.name,
                "given_by_role": c.given_by.role,
                "for_participant": c.participant.name if c.participant else "",
                "for_request": c.participant is None,
                "given_at": c.given_at,
                "method": c.method,
                "method_display": str(c.get_method_display()),
                "withdrawn_at": c.withdrawn_at,
            }
            for c in consents
        ],
        "participants": [
            {
                "kind": p.kind,
                "kind_display": str(p.get_kind_display()),
                "name": p.name,
                "organisation": p.organisation,
                "function": p.function,
                "help_coordinator": p.is_help_coordinator,
                "confidentiality_accepted_at": p.confidentiality_accepted_at,
                "joined_at": p.created_at,
                "left_at": p.removed_at,
            }
            for p in participants
        ],
        "consultations": [
            {
                "kind": c.kind,
                "kind_display": str(c.get_kind_display()),
                "status": c.status,
                "status_display": str(c.get_status_display()),
                "starts_at": c.starts_at,
                "ends_at": c.ends_at,
                "location": c.location,
                "request_reason": c.request_reason,
                "notes": c.notes,
            }
            for c in consultations
        ],
        "work_plans": [_plan_data(plan) for plan in plans],
        "bottlenecks": [
            {"tag": b.tag, "tag_display": str(b.get_tag_display()), "quarter": b.quarter}
            for b in bottlenecks
        ],
        "log": [
            {
                "at": line.at,
                "who": line.user_repr,
                "action": line.action,
                "action_display": str(line.get_action_display()),
                "what": line.what,
            }
            for line in log
        ],
    }


# --- Retention and anonymisation --------------------------------------------------------------

# Who a line of the case log was by, once the case is anonymised: stored in English, shown
# translated (the log pages translate `user_repr`; a name has no translation and stays as it is).
REMOVED_CLIENT = gettext_noop("a client (name removed)")
REMOVED_PERSON = gettext_noop("someone at the table (name removed)")


def add_months(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same moment `months` calendar months later (or earlier, when negative); the day is
    clamped to the month's end: 31 March - 1 month = 28 (or 29) February."""
    index = moment.year * 12 + (moment.month - 1) + months
    year, month0 = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month0 + 1)[1])
    return moment.replace(year=year, month=month0 + 1, day=day)


def retention_ends(case: Case, region: Region) -> datetime.datetime | None:
    """When the closed case's retention period is over; None while it is not closed."""
    if case.closed_at is None:
        return None
    return add_months(case.closed_at, region.case_retention_months)


def cases_due_for_anonymisation(now: datetime.datetime) -> QuerySet[Case]:
    """C8: closed cases whose retention period — their region's `case_retention_months` since
    closing — is over, and that are not anonymised yet. Two queries (regions, then cases)."""
    pending = Case.objects.filter(
        status=CaseStatus.CLOSED, anonymised_at__isnull=True, closed_at__isnull=False
    )
    due = Q(pk__in=[])
    for region_id, months in Region.objects.filter(pk__in=pending.values("region_id")).values_list(
        "pk", "case_retention_months"
    ):
        due |= Q(region_id=region_id, closed_at__lte=add_months(now, -months))
    return pending.filter(due).order_by("closed_at", "pk")


@transaction.atomic
def _accounts_only_for(case: Case, user_ids: set[int]) -> list["User"]:
    """The logins of the family and of private persons that exist only for this case: no
    password, no role anywhere else, no seat at another case. Anonymised with the case."""
    from aantafel.accounts.models import User
    from aantafel.bodies.models import Membership

    elsewhere = (
        Exists(CaseClient.objects.filter(user=OuterRef("pk")).exclude(case=case))
        | Exists(Participant.objects.filter(user=OuterRef("pk")).exclude(case=case))
        | Exists(CaseworkRole.objects.filter(user=OuterRef("pk")))
        | Exists(Membership.objects.filter(user=OuterRef("pk")))
    )
    candidates = User.objects.filter(
        pk__in=user_ids, is_staff=False, is_superuser=False, region_memberships__isnull=True
    ).exclude(elsewhere)
    return [user for user in candidates if not user.has_usable_password()]


def case_anonymise(
    *, actor: Actor = None, case: Case, now: datetime.datetime | None = None
) -> Case:
    """C8: a closed case is anonymised after the region's retention period: every identifying
    and free-text field of the case and its rows is overwritten (names, birth dates, e-mail
    addresses, the address, the question, notes, plan text, reasons), the clients' logins are
    unlinked, every standing consent is withdrawn and everyone leaves the table, the case's
    mails are deleted, and the lines of the case log by the family and non-professionals lose
    who they were and where from. What stays: the process (statuses, kinds, dates), the
    anonymous bottleneck tags (C9) and a `system` line in the case log that it happened.
    Refused (409) for a case that is not closed, whose retention period is not over, or that
    was anonymised already."""
    now = now or timezone.now()
    locked = Case.objects.select_for_update(of=("self",)).select_related("region").get(pk=case.pk)
    if locked.anonymised_at is not None:
        raise ConflictError(_("This case has already been anonymised."), code="already_anonymised")
    if locked.status != CaseStatus.CLOSED:
        raise ConflictError(_("Only a closed case can be anonymised."), code="case_not_closed")
    ends = retention_ends(locked, locked.region)
    if ends is None or ends > now:
        raise ConflictError(
            _("The retention period of this case is not over yet."), code="retention_not_over"
        )

    # Whose lines in the log are the family's and the non-professionals' (private persons).
    clients = set(
        CaseClient.objects.filter(case=locked, user__isnull=False).values_list("user", flat=True)
    )
    others = (
        set(
            Participant.objects.filter(case=locked)
            .exclude(kind__in=sorted(PROFESSIONAL_KINDS))
            .values_list("user", flat=True)
        )
        - clients
    )

    CaseClient.objects.filter(case=locked).update(
        name="", birth_date=None, email="", user=None, updated_at=now
    )
    Consent.objects.filter(case=locked, withdrawn_at__isnull=True).update(
        withdrawn_at=now, withdrawn_by=None, updated_at=now
    )
    participants = Participant.objects.filter(case=locked)
    participants.update(name="", email="", organisation="", function="", updated_at=now)
    participants.filter(removed_at__isnull=True).update(removed_at=now)
    Consultation.objects.filter(case=locked).update(
        location="", notes="", request_reason="", updated_at=now
    )
    WorkPlan.objects.filter(case=locked).update(reason="", updated_at=now)
    PlanGoal.objects.filter(plan__case=locked).update(text="", updated_at=now)
    PlanAction.objects.filter(plan__case=locked).update(
        text="", agreement_reason="", updated_at=now
    )
    CaseMail.objects.filter(case=locked).delete()
    for user in _accounts_only_for(locked, clients | others):
        account_anonymise(user=user)
    # The log is append-only for the application (CaseLog.save refuses); retention is the one
    # exception C8 itself asks for: the lines stay, without the family's names and addresses.
    lines = CaseLog.objects.filter(case=locked)
    lines.filter(user__in=clients).update(user=None, user_repr=REMOVED_CLIENT, ip_address=None)
    lines.filter(user__in=others).update(user=None, user_repr=REMOVED_PERSON, ip_address=None)

    for name in (
        "question",
        "address",
        "requester_name",
        "requester_email",
        "requester_phone",
        "requester_organisation",
        "requester_relation",
        "decline_reason",
        "outcome",
    ):
        setattr(locked, name, "")
    locked.anonymised_at = now
    locked.save()
    case_log(locked, actor=actor, action=CaseLogAction.SYSTEM, what="anonymised")
    return locked

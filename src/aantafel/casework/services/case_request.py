"""C1 and C2: the request of a cliëntoverleg — who may ask, about whom, why, and with whose
consent — made on the public form (or by the coordinator on someone's behalf)."""

import datetime
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.accounts.models import User
from aantafel.core.errors import DomainError
from aantafel.core.text import limited_text, plain
from aantafel.regions.models import Region

from .. import notices
from ..log import log_change
from ..models import (
    CLIENT_REQUESTERS,
    ENTITLED_REQUESTERS,
    MAX_TEXT,
    Case,
    CaseClient,
    CaseworkRole,
    CaseworkRoleKind,
    ClientRole,
    Consent,
    ConsentMethod,
    Purpose,
    RequesterKind,
)
from .consent import age_on, consent_give, consent_role_for

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

NAME_MAX = 150
SHORT_MAX = 200
PHONE_MAX = 40
ADDRESS_MAX = 500

# Requesters who ask from their work: they say for which organisation.
WORK_REQUESTERS = frozenset(
    {RequesterKind.PROFESSIONAL, RequesterKind.SPECIAL_SERVICE, RequesterKind.CARE_DIRECTOR}
)


class ConsentGiver(models.TextChoices):
    """C1: on the form, which of the clients gave their consent to a request by someone else."""

    MINOR = "minor", _("the young person")
    PARENT = "parent", _("the parent")
    SECOND_PARENT = "second_parent", _("the second parent")


@dataclass(frozen=True)
class CaseRequest:
    """What the public request form (or an API) hands in. Dates are dates; the rest is text
    as typed — the service trims and checks it."""

    requester_kind: str
    requester_name: str
    purpose: str
    question: str
    minor_name: str = ""
    minor_birth_date: datetime.date | None = None
    minor_email: str = ""
    parent_name: str = ""
    parent_email: str = ""
    second_parent_name: str = ""
    second_parent_email: str = ""
    address: str = ""
    requester_email: str = ""
    requester_phone: str = ""
    requester_organisation: str = ""
    requester_relation: str = ""
    consent_given_by: str = ""
    consent_date: datetime.date | None = None
    consent_method: str = ""

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "CaseRequest":
        """From a form's cleaned data: the known keys; an empty text field may come as None."""
        values: dict[str, Any] = {
            "requester_kind": "",
            "requester_name": "",
            "purpose": "",
            "question": "",
        }
        for field in fields(cls):
            if field.name in data:
                value = data[field.name]
                values[field.name] = "" if value is None and field.name not in _DATES else value
        return cls(**values)


_DATES = frozenset({"minor_birth_date", "consent_date"})


# --- Checks --------------------------------------------------------------------------------


def _email(value: str, *, field: str) -> str:
    email = plain(value).lower()
    if not email:
        return ""
    try:
        validate_email(email)
    except ValidationError as error:
        raise DomainError(
            _("This e-mail address does not look right."), field=field, code="invalid_email"
        ) from error
    return email


def _name(value: str, *, field: str, message: "str | _StrPromise") -> str:
    return limited_text(value, field=field, max_length=NAME_MAX, required=message)


def check_requester_kind(kind: str) -> str:
    """C1: only the clients, a trusted person of the young person, an involved professional,
    a professional of SDJ, VK, OCJ or an MDT, and a youth care director may ask."""
    if kind not in RequesterKind.values:
        raise DomainError(_("Choose who you are."), field="requester_kind", code="required")
    if kind not in ENTITLED_REQUESTERS:
        raise DomainError(
            _(
                "You cannot ask for a cliëntoverleg yourself. The young person, a parent, a "
                "trusted person of the young person, a professional who works with the family, "
                "a professional of SDJ, VK, OCJ or an MDT, or a youth care director can ask. "
                "Police, the public prosecutor and the juvenile judge cannot."
            ),
            field="requester_kind",
            code="not_entitled",
        )
    return kind


def _past_date(
    day: datetime.date | None, *, field: str, today: datetime.date, message: "str | _StrPromise"
) -> None:
    if day is None:
        raise DomainError(message, field=field, code="required")
    if day > today:
        raise DomainError(
            _("This date is in the future. Check the date."), field=field, code="in_future"
        )


def _region_today(region: Region) -> datetime.date:
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(region.timezone))


def _given_at(region: Region, day: datetime.date) -> datetime.datetime:
    """The moment stored for consent given on `day`: midday there, or now if that is later
    than now (consent cannot be given in the future)."""
    midday = datetime.datetime.combine(
        day, datetime.time(12, 0), tzinfo=zoneinfo.ZoneInfo(region.timezone)
    )
    return min(midday, timezone.now())


@dataclass(frozen=True)
class _Checked:
    """The request after every check: what is saved."""

    case: dict[str, Any]
    minor: dict[str, Any]
    parents: list[dict[str, Any]]
    own_consent: str  # the requesting client's role on the form (ConsentGiver), or ""
    consent_giver: str  # ConsentGiver of the consent given to someone else, or ""
    consent_at: datetime.datetime | None
    consent_method: str


def _check(region: Region, data: CaseRequest) -> _Checked:
    today = _region_today(region)
    kind = check_requester_kind(data.requester_kind)
    is_client = kind in CLIENT_REQUESTERS
    requester_name = _name(
        data.requester_name, field="requester_name", message=_("Fill in your name.")
    )
    requester_email = _email(data.requester_email, field="requester_email")
    requester_phone = limited_text(
        data.requester_phone, field="requester_phone", max_length=PHONE_MAX
    )
    if not (requester_email or requester_phone):
        raise DomainError(
            _("Fill in your e-mail address or your phone number, so that we can reach you."),
            field="requester_email",
            code="contact_missing",
        )
    organisation = limited_text(
        data.requester_organisation, field="requester_organisation", max_length=SHORT_MAX
    )
    if kind in WORK_REQUESTERS and not organisation:
        raise DomainError(
            _("Fill in the organisation you work for."),
            field="requester_organisation",
            code="required",
        )
    relation = limited_text(
        data.requester_relation,
        field="requester_relation",
        max_length=SHORT_MAX,
        required=None if is_client else _("Say how you know the family."),
    )

    # The young person: under the region's age limit on the day of the request (C1).
    minor_name = plain(data.minor_name) or (requester_name if kind == RequesterKind.MINOR else "")
    minor_name = _name(
        minor_name, field="minor_name", message=_("Fill in the name of the young person.")
    )
    birth_date = data.minor_birth_date
    _past_date(
        birth_date,
        field="minor_birth_date",
        today=today,
        message=_("Fill in the date of birth of the young person."),
    )
    assert birth_date is not None
    limit = region.minor_age_limit
    if age_on(birth_date, today) >= limit:
        raise DomainError(
            _(
                "A cliëntoverleg is for young people under %(limit)s. This young person is "
                "%(limit)s or older."
            )
            % {"limit": limit},
            field="minor_birth_date",
            code="too_old",
        )
    minor_email = _email(data.minor_email, field="minor_email") or (
        requester_email if kind == RequesterKind.MINOR else ""
    )

    # One or two parents.
    parent_name = plain(data.parent_name) or (
        requester_name if kind == RequesterKind.PARENT else ""
    )
    parent_name = _name(
        parent_name, field="parent_name", message=_("Fill in the name of a parent.")
    )
    parent_email = _email(data.parent_email, field="parent_email") or (
        requester_email if kind == RequesterKind.PARENT else ""
    )
    parents = [{"name": parent_name, "email": parent_email}]
    second_email = _email(data.second_parent_email, field="second_parent_email")
    second_name = limited_text(
        data.second_parent_name,
        field="second_parent_name",
        max_length=NAME_MAX,
        required=_("Fill in the name of the second parent, or leave out their e-mail address.")
        if second_email
        else None,
    )
    if second_name:
        parents.append({"name": second_name, "email": second_email})

    if data.purpose not in Purpose.values:
        raise DomainError(
            _("Choose what the cliëntoverleg is for."), field="purpose", code="required"
        )
    question = limited_text(
        data.question,
        field="question",
        max_length=MAX_TEXT,
        required=_("Write your question."),
    )
    address = limited_text(data.address, field="address", max_length=ADDRESS_MAX)

    # C1: the clients ask, or they agreed. From 12 the young person's own consent counts,
    # below 12 a parent's — so a young person under 12 who asks still needs a parent's. Whose
    # consent counts on its day is checked where it is recorded (consent.consent_give).
    own_consent = ""
    if is_client:
        own_consent = ConsentGiver.MINOR if kind == RequesterKind.MINOR else ConsentGiver.PARENT
    needs_other_consent = not is_client or (
        kind == RequesterKind.MINOR and consent_role_for(birth_date, today) == ClientRole.PARENT
    )
    giver, consent_at, method = "", None, ""
    if needs_other_consent:
        giver = data.consent_given_by
        if not giver:
            raise DomainError(
                _("Without the consent of the young person or a parent, we cannot start."),
                field="consent_given_by",
                code="consent_missing",
            )
        if giver not in ConsentGiver.values or (
            giver == ConsentGiver.SECOND_PARENT and len(parents) < 2
        ):
            raise DomainError(
                _("Choose who gave consent."), field="consent_given_by", code="invalid"
            )
        _past_date(
            data.consent_date,
            field="consent_date",
            today=today,
            message=_("Fill in when consent was given."),
        )
        assert data.consent_date is not None
        if data.consent_date < birth_date:
            raise DomainError(
                _("This date is before the young person was born. Check the date."),
                field="consent_date",
                code="invalid",
            )
        method = data.consent_method
        if method not in ConsentMethod.values or method == ConsentMethod.ONLINE:
            raise DomainError(
                _("Choose how consent was given."), field="consent_method", code="required"
            )
        consent_at = _given_at(region, data.consent_date)

    return _Checked(
        case={
            "purpose": data.purpose,
            "question": question,
            "address": address,
            "requester_kind": kind,
            "requester_name": requester_name,
            "requester_email": requester_email,
            "requester_phone": requester_phone,
            "requester_organisation": organisation,
            "requester_relation": relation,
        },
        minor={"name": minor_name, "birth_date": birth_date, "email": minor_email},
        parents=parents,
        own_consent=own_consent,
        consent_giver=giver,
        consent_at=consent_at,
        consent_method=method,
    )


def _coordinators(region: Region) -> QuerySet[User]:
    return User.objects.filter(
        is_active=True,
        pk__in=CaseworkRole.objects.filter(region=region, role=CaseworkRoleKind.COORDINATOR).values(
            "user_id"
        ),
    ).order_by("pk")


# --- C1, C2: the request -------------------------------------------------------------------


@transaction.atomic
def case_request_submit(*, region: Region, data: CaseRequest | Mapping[str, Any]) -> Case:
    """C1, C2: a request for a cliëntoverleg through the region's public form, no account.

    C1: only the clients (the young person under the region's age limit, a parent) and those
    who ask on their behalf (a trusted person, an involved professional, a professional of SDJ,
    VK, OCJ or an MDT, a youth care director) may ask; police, prosecutor, judge and anyone
    else are refused with who may. A request by anyone but the clients carries the clients'
    consent — from 12 the young person's own, below 12 a parent's — recorded with who, when
    and how; a client who asks records their own consent (and a young person under 12 who asks
    still needs a parent's). C2: the purpose is coordination, continuity or ending youth care.

    Saves the case, its clients and the consent at once; the region's coordinators hear of a
    new request and the requester gets the reference, after commit, and nothing more."""
    if not isinstance(data, CaseRequest):
        data = CaseRequest.from_mapping(data)
    checked = _check(region, data)
    case = Case.objects.create(region=region, **checked.case)
    by_giver: dict[str, CaseClient] = {
        ConsentGiver.MINOR: CaseClient.objects.create(
            region=region, case=case, role=ClientRole.MINOR, **checked.minor
        )
    }
    for giver, parent in zip(
        (ConsentGiver.PARENT, ConsentGiver.SECOND_PARENT), checked.parents, strict=False
    ):
        by_giver[giver] = CaseClient.objects.create(
            region=region, case=case, role=ClientRole.PARENT, **parent
        )
    log_change(case, actor=None, what="requested")
    if checked.own_consent:
        _request_consent(case, by_giver[checked.own_consent], ConsentMethod.ONLINE, None)
    if checked.consent_giver:
        _request_consent(
            case, by_giver[checked.consent_giver], checked.consent_method, checked.consent_at
        )
    for coordinator in _coordinators(region):
        notices.notice_add(case, notices.REQUEST_RECEIVED, coordinator.email)
    notices.notice_add(case, notices.REQUEST_CONFIRMATION, case.requester_email)
    return case


def _request_consent(
    case: Case, given_by: CaseClient, method: str, given_at: datetime.datetime | None
) -> None:
    """The consent for the request itself (no participant). A requesting client's own consent
    is not subject to the age rule: they asked (C1)."""
    if given_at is None:
        Consent.objects.create(
            region_id=case.region_id,
            case=case,
            given_by=given_by,
            given_at=timezone.now(),
            method=method,
        )
        log_change(case, actor=None, what="consent given")
        return
    try:
        consent_give(actor=None, case=case, given_by=given_by, method=method, given_at=given_at)
    except DomainError as error:
        # C1's age rule (consent.require_consent_giver), said beside the form's field; the
        # transaction rolls the request back, so nothing of it is kept.
        raise DomainError(error.message, field="consent_given_by", code=error.code) from error

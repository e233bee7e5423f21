"""Every write of client tests (PRODUCT.md S5), one function per use case.

Permissions are checked by the pages and the API before they call these (permissions.py); the
services enforce the rules of S5 themselves, write their audit event in the same transaction,
and lock the row whose status decides what may happen.
"""

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_created, audit_record, changes_between, snapshot
from aantafel.bodies.models import Body
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.text import limited_text
from aantafel.core.typing import Actor
from aantafel.core.workflow import require_transition

from . import links
from .models import (
    MAX_COMMENT,
    MAX_LABEL,
    MAX_LINKS_PER_BATCH,
    MAX_PROPOSAL,
    MAX_REMARKS,
    MAX_TITLE,
    RATING_MAX,
    RATING_MIN,
    ClientTest,
    ClientTestAnswer,
    ClientTestLink,
    Dimension,
    TargetGroup,
)
from .workflow import ClientTestStatus, can_move

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

AUDITED = ["body", "title", "proposal", "document_url", "target_groups", "closes_on", "status"]


class LinkGone(ConflictError):
    """The link can no longer be used and never will again: expired, or the test closed (410)."""

    status_code = 410
    code = "gone"


# --- Checks --------------------------------------------------------------------------------------


def _text(
    value: str | None,
    *,
    field: str,
    max_length: int,
    required: "str | _StrPromise | None" = None,
) -> str:
    """Free text as stored: trimmed. A NUL character is refused (no person types one, and
    PostgreSQL cannot store it); so are empty required text and text that is too long."""
    if "\x00" in (value or ""):
        raise DomainError(
            _("This text holds a character that is not allowed."),
            field=field,
            code="null_character",
        )
    return limited_text(value or "", field=field, max_length=max_length, required=required)


def _target_groups(values: Iterable[str]) -> list[str]:
    chosen = set(values or [])
    if not chosen:
        raise DomainError(
            _("Choose at least one target group."), field="target_groups", code="required"
        )
    if not chosen <= set(TargetGroup.values):
        raise DomainError(_("This choice does not exist."), field="target_groups", code="unknown")
    return [g for g in TargetGroup.values if g in chosen]  # a fixed order for the report


def _url(value: str) -> str:
    value = _text(value, field="document_url", max_length=200)
    if value:
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError as error:
            raise DomainError(
                _("Enter a web address that starts with https://."),
                field="document_url",
                code="invalid",
            ) from error
    return value


def _future(day: datetime.date | None, *, field: str) -> datetime.date:
    if not isinstance(day, datetime.date):
        raise DomainError(_("Choose a date."), field=field, code="required")
    if day < timezone.localdate():
        raise DomainError(_("Choose today or a later date."), field=field, code="in_the_past")
    return day


def _body(body: Body, *, region_id: int | None = None) -> Body:
    if body is None or (region_id is not None and body.region_id != region_id):
        raise DomainError(
            _("This choice does not exist in this region."), field="body", code="unknown"
        )
    return body


def lock(test: ClientTest) -> ClientTest:
    """Reads the test again under a row lock: its status decides what may happen next."""
    return (
        ClientTest.objects.select_for_update(of=("self",))
        .select_related("region", "body")
        .get(pk=test.pk)
    )


# --- The test ------------------------------------------------------------------------------------


@transaction.atomic
def client_test_create(
    *,
    actor: Actor,
    body: Body,
    title: str,
    proposal: str,
    target_groups: Iterable[str],
    closes_on: datetime.date,
    document_url: str = "",
) -> ClientTest:
    """S5: a draft client test of a body: the proposal in plain words, the target groups asked
    about, the last day answers are taken."""
    body = _body(body)
    test = ClientTest.objects.create(
        region_id=body.region_id,
        body=body,
        title=_text(title, field="title", max_length=MAX_TITLE, required=_("Give it a title.")),
        proposal=_text(
            proposal,
            field="proposal",
            max_length=MAX_PROPOSAL,
            required=_("Write the proposal in plain words."),
        ),
        document_url=_url(document_url),
        target_groups=_target_groups(target_groups),
        closes_on=_future(closes_on, field="closes_on"),
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    audit_created(
        actor=actor, action="client_test.create", target=test, region=body.region, fields=AUDITED
    )
    return test


UNSET: Any = object()


@transaction.atomic
def client_test_update(
    *,
    actor: Actor,
    test: ClientTest,
    title: str = UNSET,
    proposal: str = UNSET,
    target_groups: Iterable[str] = UNSET,
    closes_on: datetime.date = UNSET,
    document_url: str = UNSET,
) -> ClientTest:
    """S5: a draft may change in everything. Once open, people are answering the proposal as it
    stands: only the closing date may still move (not into the past); a closed test is final."""
    test = lock(test)
    before = snapshot(test, AUDITED)
    changes: dict[str, Any] = {}
    if title is not UNSET:
        changes["title"] = _text(
            title, field="title", max_length=MAX_TITLE, required=_("Give it a title.")
        )
    if proposal is not UNSET:
        changes["proposal"] = _text(
            proposal,
            field="proposal",
            max_length=MAX_PROPOSAL,
            required=_("Write the proposal in plain words."),
        )
    if target_groups is not UNSET:
        changes["target_groups"] = _target_groups(target_groups)
    if document_url is not UNSET:
        changes["document_url"] = _url(document_url)
    if closes_on is not UNSET and closes_on != test.closes_on:
        changes["closes_on"] = _future(closes_on, field="closes_on")
    changed = {k: v for k, v in changes.items() if getattr(test, k) != v}
    if test.status == ClientTestStatus.CLOSED and changed:
        raise ConflictError(_("A closed client test cannot change."), code="closed")
    if test.status == ClientTestStatus.OPEN and set(changed) - {"closes_on"}:
        raise ConflictError(
            _("People are answering this client test: only its closing date can change."),
            code="frozen_when_open",
        )
    for name, value in changed.items():
        setattr(test, name, value)
    if changed:
        test.save(update_fields=[*changed, "updated_at"])
        audit_record(
            actor=actor,
            action="client_test.update",
            target=test,
            region=test.region,
            changes=changes_between(before, snapshot(test, AUDITED)),
        )
    return test


def _move(actor: Actor, test: ClientTest, target: str) -> None:
    require_transition(
        ClientTestStatus,
        test.status,
        target,
        allowed=can_move,
        message=_("A client test cannot go from “%(from)s” to “%(to)s”."),
    )
    before = test.status
    test.status = target
    audit_record(
        actor=actor,
        action="client_test.status",
        target=test,
        region=test.region,
        changes={"status": [before, target]},
    )


@transaction.atomic
def client_test_open(*, actor: Actor, test: ClientTest) -> ClientTest:
    """S5: the links start to work. Only a draft whose closing date has not passed opens."""
    test = lock(test)
    if test.status == ClientTestStatus.DRAFT and test.closes_on < timezone.localdate():
        raise DomainError(
            _("The closing date has passed: choose a later one first."),
            field="closes_on",
            code="in_the_past",
        )
    _move(actor, test, ClientTestStatus.OPEN)
    test.opened_at = timezone.now()
    test.save(update_fields=["status", "opened_at", "updated_at"])
    return test


@transaction.atomic
def client_test_close(*, actor: Actor, test: ClientTest) -> ClientTest:
    """S5: no more answers; the report stays."""
    test = lock(test)
    _move(actor, test, ClientTestStatus.CLOSED)
    test.closed_at = timezone.now()
    test.save(update_fields=["status", "closed_at", "updated_at"])
    return test


# --- Links ---------------------------------------------------------------------------------------


@transaction.atomic
def client_test_links_create(
    *,
    actor: Actor,
    test: ClientTest,
    count: int,
    label: str = "",
    expires_on: datetime.date | None = None,
) -> list[ClientTestLink]:
    """S5: a batch of 1–200 personal single-use links to hand out (to a constituency, a class,
    a group of parents). A link never works longer than the test: its date may not be after the
    test's closing date. No links for a closed test."""
    test = lock(test)
    if test.status == ClientTestStatus.CLOSED or test.closes_on < timezone.localdate():
        raise ConflictError(
            _("This client test is closed: it takes no more answers."), code="closed"
        )
    if (
        isinstance(count, bool)
        or not isinstance(count, int)
        or not (1 <= count <= MAX_LINKS_PER_BATCH)
    ):
        raise DomainError(
            _("Make between 1 and %(max)s links at a time.") % {"max": MAX_LINKS_PER_BATCH},
            field="count",
            code="out_of_range",
        )
    label = _text(label, field="label", max_length=MAX_LABEL)
    if expires_on is not None:
        expires_on = _future(expires_on, field="expires_on")
        if expires_on > test.closes_on:
            raise DomainError(
                _("A link cannot work longer than the client test: choose %(day)s or earlier.")
                % {"day": test.closes_on.isoformat()},
                field="expires_on",
                code="after_closing",
            )
    made_by = actor if actor is not None and actor.is_authenticated else None
    batch = [
        ClientTestLink(
            region_id=test.region_id,
            test=test,
            key=links.new_key(),
            label=label,
            created_by=made_by,
            expires_on=expires_on,
        )
        for _n in range(count)
    ]
    created = ClientTestLink.objects.bulk_create(batch)
    audit_record(
        actor=actor,
        action="client_test.links_create",
        target=test,
        region=test.region,
        changes={
            "links": [None, count],
            "label": [None, label],
            "expires_on": [None, expires_on.isoformat() if expires_on else None],
        },
    )
    return created


# --- The answer ----------------------------------------------------------------------------------


def link_state(link: ClientTestLink, on: datetime.date | None = None) -> str:
    """Whether the link can be answered now: "ok", or the code of why not (the public page shows
    the matching explanation)."""
    test = link.test
    if link.used_at is not None:
        return "already_answered"
    if test.status == ClientTestStatus.DRAFT:
        return "not_open"
    if not test.takes_answers(on):
        return "closed"
    if link.expired(on):
        return "expired"
    return "ok"


def _refuse(state: str) -> None:
    if state == "already_answered":
        raise ConflictError(
            _("Someone already answered with this link. Each link works once."),
            code="already_answered",
        )
    if state == "not_open":
        raise ConflictError(_("This client test is not open yet."), code="not_open")
    if state == "closed":
        raise LinkGone(_("This client test is closed: it takes no more answers."), code="closed")
    if state == "expired":
        raise LinkGone(_("This link is no longer valid."), code="expired")


def _rating(value: object, *, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise DomainError(_("Choose one of the answers."), field=field, code="required")
    if not RATING_MIN <= value <= RATING_MAX:
        raise DomainError(_("Choose one of the answers."), field=field, code="out_of_range")
    return value


@transaction.atomic
def client_test_answer_submit(
    *,
    link: ClientTestLink,
    target_group: str,
    clarity: int,
    accessibility: int,
    participation: int,
    impact: int,
    clarity_comment: str = "",
    accessibility_comment: str = "",
    participation_comment: str = "",
    impact_comment: str = "",
    remarks: str = "",
) -> ClientTestAnswer:
    """S5: someone answers a client test through their personal link, without an account.

    One link, one answer: the link is read under a row lock and marked used with a conditional
    update in the same transaction, so of two answers sent at the same moment one is refused
    (409), and the database's one-to-one key refuses it too, should a database without row locks
    let both through. An expired link or a closed test is refused (410), a draft too (409). All
    or nothing: a bad answer saves nothing and leaves the link unused.

    The audit event names no actor and holds no answer: it records that the link was used, and
    when, so a "this link was already used" can be explained without anything the person said.
    """
    link = (
        ClientTestLink.objects.select_for_update(of=("self",))
        .select_related("test__region")
        .get(pk=link.pk)
    )
    test = link.test
    _refuse(link_state(link))
    if target_group not in test.target_groups:
        raise DomainError(
            _("Choose the group you belong to."), field="target_group", code="unknown"
        )
    values: dict[str, Any] = {}
    for dimension in Dimension.values:
        given = {
            "clarity": clarity,
            "accessibility": accessibility,
            "participation": participation,
            "impact": impact,
        }[dimension]
        values[dimension] = _rating(given, field=dimension)
    for name, text in (
        ("clarity_comment", clarity_comment),
        ("accessibility_comment", accessibility_comment),
        ("participation_comment", participation_comment),
        ("impact_comment", impact_comment),
    ):
        values[name] = _text(text, field=name, max_length=MAX_COMMENT)
    values["remarks"] = _text(remarks, field="remarks", max_length=MAX_REMARKS)
    now = timezone.now()
    if not ClientTestLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=now):
        _refuse("already_answered")
    try:
        with transaction.atomic():
            answer = ClientTestAnswer.objects.create(
                region_id=test.region_id,
                test=test,
                link=link,
                target_group=target_group,
                submitted_at=now,
                **values,
            )
    except IntegrityError:
        _refuse("already_answered")
        raise  # pragma: no cover - _refuse raised
    audit_record(
        actor=None,
        action="client_test.answer",
        target=link,
        region=test.region,
        changes={"used": [False, True]},
    )
    return answer

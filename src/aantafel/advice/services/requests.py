"""S4: an advice request comes in with a question, documents and a deadline."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_created, audit_record
from aantafel.bodies.models import Body
from aantafel.core.errors import DomainError
from aantafel.core.typing import Actor
from aantafel.core.uploads import check_upload

from ..models import AdviceDocument, AdviceEvent, AdviceRequest, RequesterKind
from ._common import NAME_MAX, TITLE_MAX, checked_text, lock, plain, record, require_open

AUDITED = [
    "body",
    "requester_kind",
    "requester_name",
    "requester_email",
    "title",
    "deadline",
    "status",
]
DOCUMENT_AUDITED = ["title", "original_name", "content_type", "size"]


def _checked_deadline(deadline: datetime.date | None) -> datetime.date:
    if deadline is None:
        raise DomainError(_("Give the deadline of the advice."), field="deadline", code="required")
    if deadline < timezone.localdate():
        raise DomainError(
            _("The deadline cannot be in the past."), field="deadline", code="deadline_in_past"
        )
    return deadline


def _checked_email(email: str) -> str:
    email = plain(email)
    if not email:
        return ""
    try:
        validate_email(email)
    except ValidationError as error:
        raise DomainError(
            _("This e-mail address does not look right."), field="requester_email"
        ) from error
    return email


def _checked_title(title: str) -> str:
    return checked_text(
        title, field="title", message=_("Give the request a title."), max_length=TITLE_MAX
    )


def _checked_question(question: str) -> str:
    return checked_text(question, field="question", message=_("Write the question to the body."))


def _add_document(
    actor: Actor, advice_request: AdviceRequest, upload: UploadedFile | None, title: str = ""
) -> AdviceDocument:
    checked = check_upload(upload)
    title = plain(title) or checked.original_name.rsplit(".", 1)[0]
    document = AdviceDocument(
        region_id=advice_request.region_id,
        advice_request=advice_request,
        title=title[:TITLE_MAX],
        original_name=checked.original_name,
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=actor,
    )
    document.file.save(checked.original_name, checked.file, save=False)
    document.save()
    record(advice_request, AdviceEvent.Kind.DOCUMENT, actor=actor, note=document.title)
    audit_created(
        actor=actor,
        action="advice_document.add",
        target=document,
        region=advice_request.region,
        fields=DOCUMENT_AUDITED,
    )
    return document


@transaction.atomic
def advice_request_create(
    *,
    actor: Actor,
    body: Body,
    requester_kind: str,
    requester_name: str,
    title: str,
    question: str,
    deadline: datetime.date | None,
    requester_email: str = "",
    documents: Iterable[UploadedFile] = (),
) -> AdviceRequest:
    """S4: an advice request from the parent body or the department to a body, with a
    question, documents and a deadline that is not in the past. Who may create it (the region
    administrator, policy staff, the body's supporter or chair) is checked by the caller
    (advice.manage on the body)."""
    if requester_kind not in RequesterKind.values:
        raise DomainError(_("Choose who asks for the advice."), field="requester_kind")
    advice_request = AdviceRequest(
        region_id=body.region_id,
        body=body,
        requester_kind=requester_kind,
        requester_name=checked_text(
            requester_name,
            field="requester_name",
            message=_("Give the name of the requester."),
            max_length=NAME_MAX,
        ),
        requester_email=_checked_email(requester_email),
        title=_checked_title(title),
        question=_checked_question(question),
        deadline=_checked_deadline(deadline),
        created_by=actor,
    )
    advice_request.save()
    record(advice_request, AdviceEvent.Kind.CREATED, actor=actor, to_status=advice_request.status)
    audit_created(
        actor=actor,
        action="advice_request.create",
        target=advice_request,
        region=body.region,
        fields=AUDITED,
    )
    for upload in documents:
        _add_document(actor, advice_request, upload)
    return advice_request


@transaction.atomic
def advice_request_edit(
    *,
    actor: Actor,
    advice_request: AdviceRequest,
    title: str,
    question: str,
    deadline: datetime.date | None,
) -> AdviceRequest:
    """S4: the title, question and deadline can be corrected until the advice is given. A new
    deadline cannot be in the past."""
    advice_request = lock(advice_request)
    require_open(advice_request)
    before = {
        "title": advice_request.title,
        "question": advice_request.question,
        "deadline": advice_request.deadline,
    }
    title, question = _checked_title(title), _checked_question(question)
    if deadline != advice_request.deadline:
        deadline = _checked_deadline(deadline)
    after = {"title": title, "question": question, "deadline": deadline}
    if after == before:
        return advice_request
    advice_request.title, advice_request.question = title, question
    assert deadline is not None
    advice_request.deadline = deadline
    advice_request.save(update_fields=["title", "question", "deadline", "updated_at"])
    changes: dict[str, list] = {
        name: (
            [len(str(before[name])), len(str(value))]  # the question's length, not its text
            if name == "question"
            else [str(before[name]), str(value)]
        )
        for name, value in after.items()
        if before[name] != value
    }
    record(advice_request, AdviceEvent.Kind.EDITED, actor=actor, note=", ".join(sorted(changes)))
    audit_record(
        actor=actor,
        action="advice_request.edit",
        target=advice_request,
        region=advice_request.region,
        changes=changes,
    )
    return advice_request


@transaction.atomic
def advice_document_add(
    *, actor: Actor, advice_request: AdviceRequest, upload: UploadedFile | None, title: str = ""
) -> AdviceDocument:
    """S4: a document with the question (through the upload check: size and type by content),
    until the advice is given."""
    advice_request = lock(advice_request)
    require_open(advice_request)
    return _add_document(actor, advice_request, upload, title)

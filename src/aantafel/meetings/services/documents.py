"""M5 and the storage rules: meeting documents."""

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_created
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.typing import Actor
from aantafel.core.uploads import check_upload

from .. import notify
from ..models import AgendaItem, Document, ItemProposal, MeetingStatus, ProposalStatus
from ._common import lock_meeting, require_open

AUDITED = ["title", "original_name", "content_type", "size", "late"]


@transaction.atomic
def document_add(
    *,
    actor: Actor,
    upload: UploadedFile | None,
    title: str = "",
    item: AgendaItem | None = None,
    proposal: ItemProposal | None = None,
) -> Document:
    """Attach a document to an agenda item or to a proposal still waiting for a decision.
    Added after the agenda went out, it is marked late and the invited are told (M5)."""
    if (item is None) == (proposal is None):
        raise DomainError(_("A document belongs to one item."), code="no_item")
    checked = check_upload(upload)
    late = False
    if item is not None:
        meeting = lock_meeting(item.meeting)
        require_open(meeting)
        late = meeting.status == MeetingStatus.PUBLISHED
        region = meeting.region
    else:
        assert proposal is not None
        if proposal.status in (ProposalStatus.ACCEPTED, ProposalStatus.DECLINED):
            raise ConflictError(
                _("A decision about this item has already been taken."), code="already_decided"
            )
        region = proposal.region
    title = (title or "").strip() or checked.original_name.rsplit(".", 1)[0]
    document = Document(
        region=region,
        item=item,
        proposal=proposal,
        title=title[:200],
        original_name=checked.original_name,
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=actor,
        late=late,
    )
    document.file.save(checked.original_name, checked.file, save=False)
    document.save()
    audit_created(
        actor=actor, action="document.add", target=document, region=region, fields=AUDITED
    )
    if late:
        transaction.on_commit(lambda: notify.late_document(document.pk))
    return document

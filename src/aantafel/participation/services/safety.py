"""Safety concerns (P5, and S1 of the signals): staff flag a story, idea or campaign response
that makes them worry about someone's safety. The region's safeguarding contact
(Region.safeguarding_email) is told at once, by a message with a link to the staff page and
never the text itself; the flagged item leaves every public view in the same transaction.

Who may call this (participation.manage) is checked by the caller.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_record
from aantafel.core.text import limited_text
from aantafel.core.typing import Actor

from .. import mail_safety
from ..models import MAX_TEXT, CampaignResponse, Idea, SafetyConcern, SafetyConcernMail, Story

Subject = Story | Idea | CampaignResponse
FIELD = {Story: "story", Idea: "idea", CampaignResponse: "response"}


@transaction.atomic
def flag_concern(*, actor: Actor, subject: Subject, reason: str) -> SafetyConcern:
    """Records the concern, takes `subject` off the public site and queues the message to the
    safeguarding contact (none when the region has no address: the concern still shows on the
    region's list of concerns, and the page says the address is missing)."""
    reason = limited_text(
        reason,
        field="reason",
        max_length=MAX_TEXT,
        required=_("Say in a few words what worries you."),
    )
    locked = type(subject).objects.select_for_update().get(pk=subject.pk)
    concern = SafetyConcern.objects.create(
        region_id=locked.region_id,
        reason=reason,
        flagged_by=actor,
        **{FIELD[type(subject)]: locked},
    )
    if not locked.safety_flagged:
        locked.safety_flagged = True
        locked.save(update_fields=["safety_flagged", "updated_at"])
    subject.safety_flagged = True
    audit_record(
        actor=actor,
        action="participation.safety_concern",
        target=locked,
        region=locked.region,
        changes={"safety_flagged": [False, True]},
    )
    address = locked.region.safeguarding_email
    if address:
        message = SafetyConcernMail.objects.create(
            region_id=locked.region_id, concern=concern, email=address
        )
        mail_safety.queue([message])
    return concern

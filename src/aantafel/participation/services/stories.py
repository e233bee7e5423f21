"""P5: experience stories, published only with the teller's explicit consent, after moderation,
anonymised where asked; the teller can withdraw consent with the link in their mail, and the
story goes offline at once (PRODUCT.md section 5).

The life of a story: submitted (with consent, a receipt with the withdrawal link) → published
by staff (the public title, text and name are theirs to edit: names and places taken out) or
not published (with a reason the teller reads) → withdrawn by the teller, or by staff on the
teller's behalf. A published story can be edited again, or taken offline by rejecting it.

Withdrawal means the consent is gone, so we keep nothing of the story: its title and text, the
public version and the teller's name and e-mail address are emptied in the same transaction.
What stays is that a story existed (region, trajectory, the kind of teller, the dates, the
status), so the figures and the audit trail still add up, and the key, so the link used again
says "already withdrawn". The teller's address lives on only in the record of the withdrawal
receipt until that mail has gone out (mail_stories.send empties it then); the records of the
earlier mails lose it at once, and unsent ones are dropped.

One exception: a story flagged as a safety concern (services/safety.py) keeps its original
text and its teller's details behind the login after a withdrawal, for the region's
safeguarding contact. Someone's safety outweighs the wish to be forgotten here (AVG art. 6(1)(d),
the vital interests of a child); the public version is emptied all the same.

Who may call the staff functions (participation.manage) is checked by the caller. The teller's
name, address and text never go into an audit event (a Story prints as "story <pk>").
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_created, audit_record
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.text import limited_text
from aantafel.core.typing import Actor
from aantafel.regions.models import Region

from .. import links_stories, mail_stories
from ..models import MAX_TEXT, AudienceType, Story, StoryMail, StoryStatus, Trajectory

TITLE_MAX = 150
TEXT_MAX = 5000
NAME_MAX = 100
# What a teller may say they are: the audiences of the public site (not a municipality).
TELLER_AUDIENCES = [AudienceType.YOUNG_PERSON, AudienceType.PARENT, AudienceType.OTHER]
# Written where an anonymous story's name would be; the only name an anonymous story may carry.
ANONYMOUS_NAMES = {"anoniem", "anonymous"}


class UnknownLinkError(DomainError):
    """A withdrawal link that is forged, altered or of no story (404)."""

    status_code = 404
    code = "unknown_link"


# --- Checks ----------------------------------------------------------------------------------------
def _email(email: str) -> str:
    email = (email or "").strip()
    if not email:
        raise DomainError(
            _("Fill in your e-mail address. We send you the link to withdraw your story."),
            field="teller_email",
            code="required",
        )
    try:
        validate_email(email)
    except ValidationError as error:
        raise DomainError(
            _("This e-mail address does not look right."), field="teller_email", code="invalid"
        ) from error
    return email


def _trajectory(region: Region, trajectory: Trajectory | None) -> Trajectory | None:
    if trajectory is not None and trajectory.region_id != region.pk:
        raise DomainError(
            _("Choose a trajectory of this region."), field="trajectory", code="other_region"
        )
    return trajectory


def _lock(story: Story) -> Story:
    """The story again, under a row lock: its status decides what may happen next."""
    return Story.objects.select_for_update(of=("self",)).select_related("region").get(pk=story.pk)


def _names_teller(story: Story, text: str) -> bool:
    """Whether `text` still holds the teller's full name, or their first name as a word."""
    full = " ".join(story.teller_name.split())
    if not full:
        return False
    candidates = {full}
    first = full.split()[0]
    if len(first) >= 3:
        candidates.add(first)
    return any(
        re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags=re.IGNORECASE)
        for name in candidates
    )


def _refuse_if_withdrawn(story: Story) -> None:
    if story.status == StoryStatus.WITHDRAWN:
        raise ConflictError(
            _("The teller has withdrawn this story. It can no longer be published."),
            code="already_withdrawn",
        )


# --- The teller ------------------------------------------------------------------------------------
@transaction.atomic
def story_submit(
    *,
    region: Region,
    title: str,
    text: str,
    teller_name: str,
    teller_email: str,
    teller_audience: str = "",
    consent: bool,
    anonymous: bool = False,
    trajectory: Trajectory | None = None,
) -> Story:
    """P5: someone tells their story on the public site, without an account. Refused without
    their explicit consent to publish it (nothing is saved), with an empty title or text, or a
    text longer than 5,000 characters. Nothing is public yet: staff moderate it first. After
    the commit: a receipt with the link to withdraw the story."""
    if consent is not True:
        raise DomainError(
            _(
                "We can only publish your story if you say yes. Tick the box to give "
                "permission. You can withdraw it at any time."
            ),
            field="consent",
            code="consent_required",
        )
    title = limited_text(
        title, field="title", max_length=TITLE_MAX, required=_("Give your story a title.")
    )
    text = limited_text(
        text, field="text", max_length=TEXT_MAX, required=_("Write your story in the box.")
    )
    teller_name = limited_text(
        teller_name,
        field="teller_name",
        max_length=NAME_MAX,
        required=_("Fill in your name. Only your first name is fine too."),
    )
    teller_email = _email(teller_email)
    teller_audience = teller_audience or ""
    if teller_audience and teller_audience not in TELLER_AUDIENCES:
        raise DomainError(
            _("Choose one of the options."), field="teller_audience", code="invalid_choice"
        )
    story = Story.objects.create(
        region=region,
        trajectory=_trajectory(region, trajectory),
        title=title,
        text=text,
        teller_name=teller_name,
        teller_email=teller_email,
        teller_audience=teller_audience,
        consent_given_at=timezone.now(),
        anonymous=bool(anonymous),
    )
    audit_created(
        actor=None,
        action="story.submit",
        target=story,
        region=region,
        fields=["status", "anonymous", "trajectory", "teller_audience", "consent_given_at"],
    )
    mail_stories.queue([mail_stories.record(story, mail_stories.RECEIPT)])
    return story


def story_for_link(token: str) -> Story:
    """The story of a withdrawal link (links_stories.token_for), with its region;
    UnknownLinkError (404) for a forged, altered or unknown one."""
    key = links_stories.key_from_token(token or "")
    story = (
        Story.objects.select_related("region").filter(key=key).first() if key is not None else None
    )
    if story is None:
        raise UnknownLinkError(_("This link does not work."), code="unknown_link")
    return story


# --- Moderation ------------------------------------------------------------------------------------
@transaction.atomic
def story_publish(
    *, actor: Actor, story: Story, public_title: str, public_text: str, public_name: str = ""
) -> Story:
    """P5: staff publish a story in the version they checked: names and places taken out where
    needed. A story whose teller asked to be anonymous is published without a name (empty, or
    "Anoniem"), never under the teller's name, and its public title and text may not hold the
    teller's name either. The first publication mails the teller the link to the public page
    and the withdrawal link; publishing again only changes the public version. Refused for a
    withdrawn story (409) and for one flagged as a safety concern (409)."""
    story = _lock(story)
    _refuse_if_withdrawn(story)
    if story.safety_flagged:
        raise ConflictError(
            _("This story is flagged as a safety concern. It cannot be published."),
            code="safety_flagged",
        )
    public_title = limited_text(
        public_title,
        field="public_title",
        max_length=TITLE_MAX,
        required=_("Give the story a title for the site."),
    )
    public_text = limited_text(
        public_text,
        field="public_text",
        max_length=TEXT_MAX,
        required=_("Write the text for the site."),
    )
    public_name = limited_text(public_name, field="public_name", max_length=NAME_MAX)
    if story.anonymous:
        if public_name.casefold() in ANONYMOUS_NAMES:
            public_name = ""
        if public_name:
            explain = (
                _(
                    "The teller asked to publish the story without their name. Leave the name "
                    "empty: the site then shows “Anonymous”."
                )
                if public_name.casefold() == " ".join(story.teller_name.split()).casefold()
                else _(
                    "The teller asked to publish the story without their name, so no other "
                    "name either. Leave the name empty: the site then shows “Anonymous”."
                )
            )
            raise DomainError(explain, field="public_name", code="anonymous")
        for field, value in (("public_title", public_title), ("public_text", public_text)):
            if _names_teller(story, value):
                raise DomainError(
                    _(
                        "The teller asked to be anonymous, but this still contains their "
                        "name. Take it out."
                    ),
                    field=field,
                    code="names_teller",
                )
    first_time = story.status != StoryStatus.PUBLISHED
    before = story.status
    now = timezone.now()
    story.public_title = public_title
    story.public_text = public_text
    story.public_name = public_name
    story.status = StoryStatus.PUBLISHED
    story.moderated_by = actor
    story.moderated_at = now
    story.reject_reason = ""
    if first_time:
        story.published_at = now
    story.save()
    audit_record(
        actor=actor,
        action="story.publish",
        target=story,
        region=story.region,
        # Lengths, not the text: the trail says what changed, never what the story says.
        changes={"status": [before, story.status], "public_text_length": len(public_text)},
    )
    if first_time:
        mail_stories.queue([mail_stories.record(story, mail_stories.PUBLISHED)])
    return story


@transaction.atomic
def story_reject(*, actor: Actor, story: Story, reason: str) -> Story:
    """P5: staff do not publish a story, or take a published one offline, with a reason the
    teller reads in a mail. The teller's text stays (their consent stands) until they withdraw
    it. Refused for a withdrawn story, or one turned down already (409)."""
    story = _lock(story)
    _refuse_if_withdrawn(story)
    if story.status == StoryStatus.REJECTED:
        raise ConflictError(_("This story has already been turned down."), code="already_rejected")
    reason = limited_text(
        reason,
        field="reason",
        max_length=MAX_TEXT,
        required=_("Say why the story is not published. The teller reads this."),
    )
    before = story.status
    story.status = StoryStatus.REJECTED
    story.reject_reason = reason
    story.moderated_by = actor
    story.moderated_at = timezone.now()
    story.save()
    audit_record(
        actor=actor,
        action="story.reject",
        target=story,
        region=story.region,
        changes={"status": [before, story.status]},
    )
    mail_stories.queue([mail_stories.record(story, mail_stories.REJECTED)])
    return story


@transaction.atomic
def story_withdraw(*, story: Story, actor: Actor = None, reason: str = "") -> Story:
    """P5: the teller withdraws their consent with the link from their mail (no actor), or staff
    do it on their behalf, e.g. after a phone call (actor and reason required). The story is
    offline from this commit on and its text, the public version and the teller's details are
    emptied (see the module's docstring; a story flagged as a safety concern keeps its original
    for the safeguarding contact). The teller gets a receipt. A second withdrawal is refused
    (409 already_withdrawn)."""
    story = _lock(story)
    if story.status == StoryStatus.WITHDRAWN:
        raise ConflictError(_("This story has already been withdrawn."), code="already_withdrawn")
    if actor is not None:
        reason = limited_text(
            reason,
            field="reason",
            max_length=MAX_TEXT,
            required=_("Say how the teller asked to withdraw the story, e.g. by phone."),
        )
    before = story.status
    address = story.teller_email
    story.status = StoryStatus.WITHDRAWN
    story.withdrawn_at = timezone.now()
    story.public_title = story.public_text = story.public_name = ""
    story.reject_reason = ""
    if not story.safety_flagged:
        story.title = story.text = story.teller_name = story.teller_email = ""
    story.save()
    changes: dict = {"status": [before, story.status]}
    if actor is not None:
        changes["reason"] = reason  # staff's words about the request, not the story
    audit_record(
        actor=actor, action="story.withdraw", target=story, region=story.region, changes=changes
    )
    earlier = StoryMail.objects.filter(story=story)
    earlier.filter(sent_at__isnull=True).delete()  # a receipt or notice not yet gone: no point now
    if not story.safety_flagged:
        earlier.update(email="")
    mail_stories.queue([mail_stories.record(story, mail_stories.WITHDRAWN, email=address)])
    return story

"""P4: ideas and priorities young people and parents put forward themselves; others support
them, and each gets an official response of the region (PRODUCT.md section 5).

The life of an idea: submitted on the public site (waiting for a check) → published by staff
after a check (no names of others, nothing hurtful) or declined with a reason → answered by the
region (the response can be rewritten later). Only published and answered ideas that are not
flagged as a safety concern show on the public site (`Idea.objects.public()`), and only those
can be supported.

Support counts once per person: `supporter_key` is a keyed hash of the logged-in user or of the
visitor's browser session (views_public_ideas.supporter_key); the unique constraint
`idea_support_once` holds under concurrency, and a second support is refused with a plain
message (ConflictError "already_supported"), never counted twice.

Privacy: the author's name and e-mail address never go into the audit trail (an Idea's audit
holds its status and the length of its texts); the address only serves to send the receipt, a
decline and the response (mail_ideas.py). Public submissions and supports have no actor.
Who may publish, decline and respond (participation.manage) is checked by the caller.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_record
from aantafel.core.errors import ConflictError, DomainError
from aantafel.core.text import limited_text
from aantafel.core.typing import Actor
from aantafel.regions.models import Region

from .. import mail_ideas
from ..models import (
    MAX_TEXT,
    AudienceType,
    Idea,
    IdeaStatus,
    IdeaSupport,
    Pillar,
    Trajectory,
)

TITLE_MAX = 150
TEXT_MAX = 2000
NAME_MAX = 100
# The statuses in which staff may still decline an idea: an answered idea stays answered.
DECLINABLE = [IdeaStatus.SUBMITTED, IdeaStatus.PUBLISHED]
RESPONDABLE = [IdeaStatus.PUBLISHED, IdeaStatus.RESPONDED]
SUPPORT_SALT = "aantafel.participation.idea_support"


class NotPublicError(DomainError):
    """An idea that is not on the public site (not checked yet, declined or flagged): to the
    public it does not exist (404)."""

    status_code = 404
    code = "not_public"


# --- Checks ----------------------------------------------------------------------------------------
def _email(value: str) -> str:
    value = (value or "").strip()
    if value:
        try:
            validate_email(value)
        except ValidationError:
            raise DomainError(
                _("Give a valid e-mail address, or leave it empty."),
                field="author_email",
                code="invalid_email",
            ) from None
    return value


def _audience(value: str) -> str:
    value = value or ""
    if value and value not in AudienceType.values:
        raise DomainError(
            _("Choose who you are from the list."), field="author_audience", code="invalid_choice"
        )
    return value


def _trajectory_and_pillar(
    region: Region, trajectory: Trajectory | None, pillar: Pillar | None
) -> tuple[Trajectory | None, Pillar | None]:
    """Both of the idea's region; the pillar of the trajectory (without one: the pillar's)."""
    if trajectory is not None and trajectory.region_id != region.pk:
        raise DomainError(
            _("Choose a trajectory of this region."), field="trajectory", code="other_region"
        )
    if pillar is None:
        return trajectory, None
    if pillar.region_id != region.pk:
        raise DomainError(_("Choose a pillar of this region."), field="pillar", code="other_region")
    if trajectory is not None and pillar.trajectory_id != trajectory.pk:
        raise DomainError(
            _("This pillar belongs to another trajectory."),
            field="pillar",
            code="pillar_of_other_trajectory",
        )
    return pillar.trajectory, pillar


def _lock(idea: Idea) -> Idea:
    """The idea again, under a row lock: its status decides what may happen next."""
    return Idea.objects.select_for_update(of=("self",)).select_related("region").get(pk=idea.pk)


def _audit(actor: Actor, action: str, idea: Idea, before: str, **extra: list) -> None:
    # The status and the length of texts only: never the author's name or address.
    audit_record(
        actor=actor,
        action=action,
        target=idea,
        region=idea.region,
        changes={"status": [before or None, idea.status], **extra},
    )


def _refresh(target: Idea, source: Idea) -> Idea:
    """Copies what the service changed into the caller's object, so a view shows it at once."""
    for name in (
        "status",
        "moderated_by",
        "moderated_at",
        "decline_reason",
        "response",
        "responded_by",
        "responded_at",
        "updated_at",
    ):
        setattr(target, name, getattr(source, name))
    return target


# --- Submitting ------------------------------------------------------------------------------------
@transaction.atomic
def idea_submit(
    *,
    region: Region,
    title: str,
    text: str,
    author_name: str = "",
    author_email: str = "",
    author_audience: str = "",
    trajectory: Trajectory | None = None,
    pillar: Pillar | None = None,
) -> Idea:
    """P4: an idea from the public site, waiting for a check by staff. A title and a text are
    required (the text at most 2,000 characters); a name is optional (shown with the idea) and
    so is an e-mail address (never shown): with one, the author gets a receipt now and the
    region's response later."""
    title = limited_text(
        title, field="title", max_length=TITLE_MAX, required=_("Give your idea a short title.")
    )
    text = limited_text(
        text, field="text", max_length=TEXT_MAX, required=_("Write down your idea.")
    )
    author_name = limited_text(author_name, field="author_name", max_length=NAME_MAX)
    author_email = _email(author_email)
    author_audience = _audience(author_audience)
    trajectory, pillar = _trajectory_and_pillar(region, trajectory, pillar)
    idea = Idea.objects.create(
        region=region,
        trajectory=trajectory,
        pillar=pillar,
        title=title,
        text=text,
        author_name=author_name,
        author_email=author_email,
        author_audience=author_audience,
        status=IdeaStatus.SUBMITTED,
    )
    _audit(None, "idea.submit", idea, "", text_length=[None, len(text)])
    if author_email:
        mail_ideas.queue([mail_ideas.record(idea, mail_ideas.RECEIPT)])
    return idea


# --- Checking and answering ------------------------------------------------------------------------
@transaction.atomic
def idea_publish(*, actor: Actor, idea: Idea) -> Idea:
    """P4: after a check the idea goes on the public site, where others can support it. Only an
    idea waiting for a check can be published."""
    locked = _lock(idea)
    if locked.status != IdeaStatus.SUBMITTED:
        raise ConflictError(
            _("Only an idea that is waiting for a check can be published."),
            code="not_submitted",
        )
    before = locked.status
    locked.status = IdeaStatus.PUBLISHED
    locked.moderated_by = actor
    locked.moderated_at = timezone.now()
    locked.save(update_fields=["status", "moderated_by", "moderated_at", "updated_at"])
    _audit(actor, "idea.publish", locked, before)
    return _refresh(idea, locked)


@transaction.atomic
def idea_decline(*, actor: Actor, idea: Idea, reason: str) -> Idea:
    """P4: the idea is not published (or goes off the public site), with a reason. The author
    hears why if they gave an e-mail address. An answered idea cannot be declined any more."""
    reason = limited_text(
        reason,
        field="reason",
        max_length=MAX_TEXT,
        required=_("Say why the idea is not published: the author reads it."),
    )
    locked = _lock(idea)
    if locked.status not in DECLINABLE:
        raise ConflictError(_("This idea can no longer be declined."), code="not_declinable")
    before = locked.status
    locked.status = IdeaStatus.DECLINED
    locked.decline_reason = reason
    locked.moderated_by = actor
    locked.moderated_at = timezone.now()
    locked.save(
        update_fields=["status", "decline_reason", "moderated_by", "moderated_at", "updated_at"]
    )
    _audit(actor, "idea.decline", locked, before, reason_length=[None, len(reason)])
    if locked.author_email:
        mail_ideas.queue([mail_ideas.record(locked, mail_ideas.DECLINED)])
    return _refresh(idea, locked)


@transaction.atomic
def idea_respond(*, actor: Actor, idea: Idea, response: str) -> Idea:
    """P4: the region's official response to a published idea, shown with it on the public
    site. The first response is mailed to the author (if they gave an address); a later edit
    overwrites it (the audit trail records that it changed) without mailing again."""
    response = limited_text(
        response,
        field="response",
        max_length=MAX_TEXT,
        required=_("Write the region's response."),
    )
    locked = _lock(idea)
    if locked.status not in RESPONDABLE:
        raise ConflictError(
            _("Publish the idea first: only a published idea gets a response."),
            code="not_published",
        )
    before, before_length = locked.status, len(locked.response)
    first = locked.status != IdeaStatus.RESPONDED
    locked.status = IdeaStatus.RESPONDED
    locked.response = response
    locked.responded_by = actor
    locked.responded_at = timezone.now()
    locked.save(update_fields=["status", "response", "responded_by", "responded_at", "updated_at"])
    _audit(
        actor,
        "idea.respond" if first else "idea.response_edit",
        locked,
        before,
        response_length=[before_length or None, len(response)],
    )
    if first and locked.author_email:
        mail_ideas.queue([mail_ideas.record(locked, mail_ideas.RESPONSE)])
    return _refresh(idea, locked)


# --- Support ---------------------------------------------------------------------------------------
def supporter_key_of(identity: str) -> str:
    """The key of one supporter, from "user:<id>" or "session:<key>" (views_public_ideas): an
    HMAC-SHA256 under the site's secret, so that nobody can work back from a key to a user id
    by trying them all (a plain sha256 of "user:42" could)."""
    return salted_hmac(SUPPORT_SALT, identity, algorithm="sha256").hexdigest()


@transaction.atomic
def idea_support(*, idea: Idea, supporter_key: str) -> IdeaSupport:
    """P4: one person supports a public idea, once. An idea that is not public (not checked yet,
    declined, flagged) cannot be supported (404); a second support of the same person is
    refused with a plain message (409), also when two arrive at the same moment."""
    if len(supporter_key or "") != 64:
        raise DomainError(_("Your support could not be counted."), code="invalid_supporter")
    if not Idea.objects.public().filter(pk=idea.pk).exists():
        raise NotPublicError(_("This idea is not on the public site."))
    try:
        with transaction.atomic():  # a savepoint: the refusal leaves the outer transaction usable
            support = IdeaSupport.objects.create(idea=idea, supporter_key=supporter_key)
    except IntegrityError:
        raise ConflictError(_("You already support this idea."), code="already_supported") from None
    return support


def supports(idea: Idea, supporter_key: str | None) -> bool:
    """Whether this supporter supports the idea already (None: a visitor without a session)."""
    if not supporter_key:
        return False
    return IdeaSupport.objects.filter(idea=idea, supporter_key=supporter_key).exists()


# --- Lists -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class IdeaFilters:
    """The staff list's filters; empty values filter nothing."""

    status: str = ""
    trajectory: Trajectory | None = None
    pillar: Pillar | None = None
    responded: str = ""  # "yes": with a response, "no": without
    q: str = ""
    sort: str = ""  # "support": most supported first; otherwise the newest first


def idea_list(region: Region, filters: IdeaFilters = IdeaFilters()) -> QuerySet[Idea]:
    """The region's ideas for staff, filtered, each with its support count (one query)."""
    ideas = Idea.objects.filter(region=region).with_support().select_related("trajectory", "pillar")
    if filters.status in IdeaStatus.values:
        ideas = ideas.filter(status=filters.status)
    if filters.trajectory is not None:
        ideas = ideas.filter(trajectory=filters.trajectory)
    if filters.pillar is not None:
        ideas = ideas.filter(pillar=filters.pillar)
    if filters.responded == "yes":
        ideas = ideas.exclude(response="")
    elif filters.responded == "no":
        ideas = ideas.filter(response="")
    q = (filters.q or "").strip()
    if q:
        ideas = ideas.filter(Q(title__icontains=q) | Q(text__icontains=q))
    if filters.sort == "support":
        return ideas.order_by("-support_count", "-created_at", "-pk")
    return ideas.order_by("-created_at", "-pk")


def public_ideas(region: Region, sort: str = "") -> QuerySet[Idea]:
    """The region's public ideas with their support count: the most supported first, or with
    sort "new" the newest first."""
    ideas = Idea.objects.filter(region=region).public().with_support()
    if sort == "new":
        return ideas.order_by("-created_at", "-pk")
    return ideas.order_by("-support_count", "-created_at", "-pk")

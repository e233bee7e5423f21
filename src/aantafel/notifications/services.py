"""Every write of the notifications app: preferences, the calendar feed address, and the records
that make mail safe to send from tasks that may run twice (ADR 0007)."""

import datetime
import logging
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from aantafel.accounts.models import User, hash_token
from aantafel.audit.services import audit_record
from aantafel.core.errors import DomainError

from . import messages
from .models import (
    MUST_GET,
    CalendarFeed,
    Delivery,
    DeliveryMode,
    DeliveryStatus,
    DigestItem,
    Kind,
    NotificationPreference,
)

logger = logging.getLogger(__name__)

# A failed send is tried again after 2, 4, 8 … minutes; after this many attempts it is given up
# and stays visible in the admin as failed.
MAX_ATTEMPTS = 8


# --- Preferences -----------------------------------------------------------------------------------
@transaction.atomic
def preference_set(*, actor: User, kind: str, delivery: str) -> NotificationPreference:
    """People choose per kind of message: at once, in a daily digest, or not at all — except
    the messages they must get (an invitation, a change or cancellation of a meeting they are
    invited to), which always come at once (PRODUCT.md, "What every part must do")."""
    if kind not in Kind.values or kind == Kind.DIGEST:
        raise DomainError(_("Choose a kind of message."), field="kind", code="unknown")
    if delivery not in DeliveryMode.values:
        raise DomainError(_("Choose how you want to hear about it."), field="delivery")
    if kind in MUST_GET and delivery != DeliveryMode.IMMEDIATE:
        raise DomainError(
            _("You always get this message at once: it is about a meeting you are invited to."),
            field="delivery",
            code="must_get",
        )
    preference = (
        NotificationPreference.objects.select_for_update().filter(user=actor, kind=kind).first()
    )
    before = preference.delivery if preference is not None else DeliveryMode.IMMEDIATE
    if preference is None:
        preference = NotificationPreference.objects.create(user=actor, kind=kind, delivery=delivery)
    elif preference.delivery != delivery:
        preference.delivery = delivery
        preference.save(update_fields=["delivery", "updated_at"])
    if before != delivery:
        audit_record(
            actor=actor,
            action="notification_preference.set",
            target=preference,
            region=None,
            changes={"kind": [None, kind], "delivery": [before, delivery]},
        )
    return preference


def _mode(kind: str, preferences: dict[int, str], user_id: int) -> str:
    if kind in MUST_GET:
        return DeliveryMode.IMMEDIATE
    return preferences.get(user_id, DeliveryMode.IMMEDIATE)


# --- The calendar feed -------------------------------------------------------------------------------
@transaction.atomic
def calendar_feed_renew(*, actor: User) -> str:
    """M5: make (or replace) the actor's personal calendar feed address. Returns the secret
    token, shown only now; the old address stops working."""
    token = secrets.token_urlsafe(32)
    feed, created = CalendarFeed.objects.update_or_create(
        user=actor, defaults={"token_hash": hash_token(token)}
    )
    audit_record(
        actor=actor,
        action="calendar_feed.create" if created else "calendar_feed.renew",
        target=feed,
        region=None,
    )
    return token


@transaction.atomic
def calendar_feed_stop(*, actor: User) -> None:
    """M5: the actor's feed address stops working."""
    feed = CalendarFeed.objects.select_for_update().filter(user=actor).first()
    if feed is None:
        return
    audit_record(actor=actor, action="calendar_feed.stop", target=feed, region=None)
    feed.delete()


# --- Events into deliveries ----------------------------------------------------------------------------
@transaction.atomic
def event_fan_out(*, event: str, object_id: int, on: datetime.date | None = None) -> list[int]:
    """Turn one event of the meeting cycle into messages: a Delivery per recipient who wants
    it at once (and for every must-get message), a DigestItem for those who chose the daily
    digest, nothing for those who turned it off. Safe to run twice: existing records are kept.
    Returns the ids of the deliveries still to be sent."""
    with translation.override(settings.LANGUAGE_CODE):
        batches = messages.outgoing(event, object_id, on=on)
    pending: list[int] = []
    for batch in batches:
        if not batch.recipients:
            continue
        ids = [user.pk for user in batch.recipients]
        preferences = dict(
            NotificationPreference.objects.filter(user_id__in=ids, kind=batch.kind).values_list(
                "user_id", "delivery"
            )
        )
        immediate = [i for i in ids if _mode(batch.kind, preferences, i) == DeliveryMode.IMMEDIATE]
        digest = [i for i in ids if _mode(batch.kind, preferences, i) == DeliveryMode.DIGEST]
        Delivery.objects.bulk_create(
            [
                Delivery(
                    kind=batch.kind,
                    object_id=batch.object_id,
                    recipient_id=user_id,
                    version=batch.version,
                    region=batch.region,
                )
                for user_id in immediate
            ],
            ignore_conflicts=True,
        )
        DigestItem.objects.bulk_create(
            [
                DigestItem(
                    user_id=user_id,
                    kind=batch.kind,
                    object_id=batch.object_id,
                    version=batch.version,
                    region=batch.region,
                    summary=batch.summary[:400],
                    url=batch.url[:500],
                )
                for user_id in digest
            ],
            ignore_conflicts=True,
        )
        pending += Delivery.objects.filter(
            kind=batch.kind,
            object_id=batch.object_id,
            version=batch.version,
            recipient_id__in=immediate,
            status=DeliveryStatus.PENDING,
        ).values_list("pk", flat=True)
    return pending


@transaction.atomic
def digests_prepare(*, on: datetime.date) -> list[int]:
    """The daily digest: one Delivery per person per day, carrying every item waiting for
    them. Running it again the same day adds nothing to a digest already sent (those items
    wait for the next day) and makes no second digest. Returns the deliveries to send."""
    user_ids = (
        DigestItem.objects.filter(delivery__isnull=True)
        .values_list("user_id", flat=True)
        .distinct()
        .order_by("user_id")
    )
    pending = []
    for user_id in user_ids:
        delivery, _created = Delivery.objects.get_or_create(
            kind=Kind.DIGEST, object_id=user_id, recipient_id=user_id, version=on.isoformat()
        )
        if delivery.status == DeliveryStatus.PENDING:
            DigestItem.objects.filter(user_id=user_id, delivery__isnull=True).update(
                delivery=delivery
            )
            pending.append(delivery.pk)
    # Digests of today that failed before still go out, with what they carry.
    pending += (
        Delivery.objects.filter(
            kind=Kind.DIGEST, version=on.isoformat(), status=DeliveryStatus.PENDING
        )
        .exclude(pk__in=pending)
        .values_list("pk", flat=True)
    )
    return pending


# --- Sending -------------------------------------------------------------------------------------------
def retry_delay(attempts: int) -> datetime.timedelta:
    return datetime.timedelta(minutes=2 ** min(attempts, 8))


def delivery_send(*, delivery_id: int) -> tuple[str, datetime.timedelta | None]:
    """Send one delivery, at most once. The row is locked while the message goes out, so a
    second worker with the same task waits and then finds it sent. An error leaves it pending
    (and says when to try again) until MAX_ATTEMPTS; a message that is no longer current (an
    invitation to a meeting cancelled since) is skipped. Returns the status and the delay
    before a retry, if one is due."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None or delivery.status != DeliveryStatus.PENDING:
            return ("absent" if delivery is None else delivery.status), None
        retry: datetime.timedelta | None = None
        try:
            # A savepoint, so that a database error while building still lets us record it.
            with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
                message = messages.build(delivery)
                if message is not None:
                    message.send()
        except Exception as error:
            delivery.attempts += 1
            delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
            if delivery.attempts >= MAX_ATTEMPTS:
                delivery.status = DeliveryStatus.FAILED
            else:
                retry = retry_delay(delivery.attempts)
            logger.warning(
                "mail not sent",
                extra={"delivery": delivery.pk, "kind": delivery.kind, "error": str(error)},
            )
        else:
            delivery.attempts += 1
            if message is None:
                delivery.status = DeliveryStatus.SKIPPED
            else:
                delivery.status = DeliveryStatus.SENT
                delivery.sent_at = timezone.now()
                delivery.last_error = ""
        delivery.save(update_fields=["status", "attempts", "last_error", "sent_at", "updated_at"])
        return delivery.status, retry

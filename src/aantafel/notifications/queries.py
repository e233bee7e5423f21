"""Reads of the notifications app, shared by pages, commands and the calendar feed."""

import datetime

from django.utils import timezone

from aantafel.accounts.models import User, hash_token

from .models import (
    OPTIONAL,
    CalendarFeed,
    Delivery,
    DeliveryMode,
    DeliveryStatus,
    NotificationPreference,
)


def preferences_of(user: User) -> dict[str, str]:
    """How the user hears about each optional kind of message (no choice made: at once)."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return {str(kind): chosen.get(kind, DeliveryMode.IMMEDIATE) for kind in OPTIONAL}


def calendar_feed_of(user: User) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()


def calendar_feed_owner(token: str) -> User | None:
    """M5: whose feed this secret token opens; None for an unknown token or an inactive user."""
    if not token or len(token) > 128:
        return None
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token_hash=hash_token(token), user__is_active=True)
        .first()
    )
    return feed.user if feed is not None else None


def deliveries_to_retry(*, older_than: datetime.timedelta) -> list[int]:
    """Pending deliveries untouched for a while: their send failed, or its task was lost."""
    return list(
        Delivery.objects.filter(
            status=DeliveryStatus.PENDING, updated_at__lte=timezone.now() - older_than
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )

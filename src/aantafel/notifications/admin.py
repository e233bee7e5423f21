from django.contrib import admin

from aantafel.audit.admin import AuditedAdmin

from .models import CalendarFeed, Delivery, DigestItem, NotificationPreference


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """For looking into mail that did not go out; deliveries are written by the tasks only."""

    list_display = ["kind", "object_id", "recipient", "version", "status", "attempts", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["recipient__email"]
    readonly_fields = [
        "kind",
        "object_id",
        "recipient",
        "version",
        "region",
        "status",
        "attempts",
        "last_error",
        "sent_at",
        "created_at",
        "updated_at",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(DigestItem)
class DigestItemAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "summary", "created_at", "delivery"]
    list_filter = ["kind"]
    search_fields = ["user__email"]
    readonly_fields = [
        "user",
        "kind",
        "object_id",
        "version",
        "region",
        "summary",
        "url",
        "delivery",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    """Read-only: people set their own preferences (the service enforces the must-get kinds)."""

    list_display = ["user", "kind", "delivery"]
    list_filter = ["kind", "delivery"]
    search_fields = ["user__email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CalendarFeed)
class CalendarFeedAdmin(AuditedAdmin):
    """An address can be revoked here (delete, audited); it cannot be read: only its hash is
    stored."""

    list_display = ["user", "created_at", "updated_at"]
    search_fields = ["user__email"]
    exclude = ["token_hash"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        return {}  # one at a time, so that each revocation is audited

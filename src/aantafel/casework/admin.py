"""Only the roles of the cliëntoverleg service are managed in the Django admin (by superusers):
cases, clients, participants and the case log are never shown here (ADR 0010)."""

from django.contrib import admin

from aantafel.audit.admin import AuditedAdmin

from .models import CaseworkRole


@admin.register(CaseworkRole)
class CaseworkRoleAdmin(AuditedAdmin):
    list_display = ["user", "role", "region"]
    list_filter = ["region", "role"]
    autocomplete_fields = ["user"]
    audit_fields = ["region", "user", "role"]

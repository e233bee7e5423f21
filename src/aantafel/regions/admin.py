from django.contrib import admin

from aantafel.audit.admin import AuditedAdmin

from .models import Region, RegionMembership


class RegionMembershipInline(admin.TabularInline):
    model = RegionMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Region)
class RegionAdmin(AuditedAdmin):
    """Superusers set up regions here; everything inside a region is managed in the app."""

    list_display = ["name", "slug", "country", "theme"]
    audit_fields = [
        "name",
        "slug",
        "country",
        "timezone",
        "theme",
        "department_name",
        "safety_contact_line",
        "minor_age_limit",
        "case_retention_months",
        "mfa_required_roles",
    ]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RegionMembershipInline]

from django.contrib import admin

from .models import Region, RegionMembership


class RegionMembershipInline(admin.TabularInline):
    model = RegionMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    """Superusers set up regions here; everything inside a region is managed in the app."""

    list_display = ["name", "slug", "country", "theme"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RegionMembershipInline]

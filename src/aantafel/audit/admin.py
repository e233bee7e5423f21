"""The Django admin (/beheer/) writes outside the services, so it writes its own audit events."""

from django.contrib import admin
from django.db import transaction

from .services import audit_record, changes_between, snapshot


class AuditedAdmin(admin.ModelAdmin):
    """Every create, update and delete made in the admin leaves an audit event, like a service."""

    audit_fields: list[str] = []

    def _region(self, obj):
        return getattr(obj, "region", None) if obj._meta.label_lower != "regions.region" else obj

    def save_model(self, request, obj, form, change):
        fields = self.audit_fields
        before = snapshot(type(obj).objects.get(pk=obj.pk), fields) if change else {}
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            changes = changes_between(before, snapshot(obj, fields))
            if changes or not change:
                action = f"{obj._meta.model_name}.{'update' if change else 'create'}"
                audit_record(
                    actor=request.user,
                    action=f"admin.{action}",
                    target=obj,
                    region=self._region(obj),
                    changes=changes,
                )

    def delete_model(self, request, obj):
        with transaction.atomic():
            audit_record(
                actor=request.user,
                action=f"admin.{obj._meta.model_name}.delete",
                target=obj,
                region=self._region(obj),
                changes=changes_between(snapshot(obj, self.audit_fields), {}),
            )
            super().delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        """Inline rows (a region's members) are audited one by one."""
        with transaction.atomic():
            instances = formset.save(commit=False)
            for obj in formset.deleted_objects:
                audit_record(
                    actor=request.user,
                    action=f"admin.{obj._meta.model_name}.delete",
                    target=obj,
                    region=self._region(obj),
                )
                obj.delete()
            for obj in instances:
                created = obj.pk is None
                obj.save()
                audit_record(
                    actor=request.user,
                    action=f"admin.{obj._meta.model_name}.{'create' if created else 'update'}",
                    target=obj,
                    region=self._region(obj),
                )
            formset.save_m2m()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "aantafel.reports"
    verbose_name = _("reports")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the rules)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdviceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "aantafel.advice"
    label = "advice"
    verbose_name = _("advice requests")

    def ready(self) -> None:
        from . import permissions  # noqa: F401

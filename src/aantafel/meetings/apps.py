from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "aantafel.meetings"
    verbose_name = _("meetings")

    def ready(self) -> None:
        from . import permissions  # noqa: F401

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "aantafel.signals"
    # "signals" is taken by nothing in Django's own apps, but Django's own module of that name
    # makes the label easy to misread; keep it explicit.
    label = "signals"
    verbose_name = _("signals")

    def ready(self) -> None:
        from . import permissions  # noqa: F401

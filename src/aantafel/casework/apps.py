from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "aantafel.casework"
    verbose_name = _("cliëntoverleg")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the rules)

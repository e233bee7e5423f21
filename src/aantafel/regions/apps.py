from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "aantafel.regions"
    label = "regions"
    verbose_name = _("Regions")

    def ready(self) -> None:
        # The `rules` permissions live in permissions.py; register them at start-up, so that
        # commands and tasks see them as well as views.
        from . import permissions  # noqa: F401

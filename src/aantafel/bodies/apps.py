from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BodiesConfig(AppConfig):
    name = "aantafel.bodies"
    label = "bodies"
    verbose_name = _("Bodies")

    def ready(self) -> None:
        # The `rules` permissions live in permissions.py; register them at start-up, so that
        # commands and tasks see them as well as views.
        from . import permissions  # noqa: F401

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "aantafel.participation"
    verbose_name = _("participation trajectories")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the rules)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "aantafel.casework"
    verbose_name = _("cliëntoverleg")

    def ready(self) -> None:
        # The rules, and every kind of case mail with its builder: a retry in any process (the
        # worker, a command) must find the builder of whatever mail it picks up.
        from . import notices, permissions, plan_mail, tasks  # noqa: F401

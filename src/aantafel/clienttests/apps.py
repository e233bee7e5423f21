from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClientTestsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "aantafel.clienttests"
    label = "clienttests"
    verbose_name = _("client tests")

    def ready(self) -> None:
        from . import permissions  # noqa: F401

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "aantafel.core"
    label = "core"

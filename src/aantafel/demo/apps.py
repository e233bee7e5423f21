from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data of both regions in the source documents (manage.py load_demo)."""

    name = "aantafel.demo"
    label = "demo"

"""The live reading-level indicator (included under leesbaarheid/ in config/urls.py)."""

from django.urls import path

from .readability_views import readability

urlpatterns = [
    path("", readability, name="readability"),
]

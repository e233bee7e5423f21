"""Public pages of participation, at /doe-mee/: no account needed."""

from django.urls import include, path

urlpatterns = [
    path("", include("aantafel.participation.urls_public_events")),
]

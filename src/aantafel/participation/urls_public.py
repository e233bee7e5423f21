"""Public pages of participation, at /doe-mee/: no account needed. One module per part; the
region's public home page and trajectory pages (P7) in urls_public_site."""

from django.urls import include, path

urlpatterns = [
    path("", include("aantafel.participation.urls_public_events")),
    path("", include("aantafel.participation.urls_public_campaigns")),
    path("", include("aantafel.participation.urls_public_ideas")),
    path("", include("aantafel.participation.urls_public_stories")),
    path("", include("aantafel.participation.urls_public_site")),
]

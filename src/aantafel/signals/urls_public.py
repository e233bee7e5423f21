"""Public pages of the signal loop, mounted at /signaal/: no account needed."""

from django.urls import path

from . import views_public

urlpatterns = [
    path("<slug:region_slug>/", views_public.signal_public_form, name="signal_public_form"),
    path(
        "<slug:region_slug>/bedankt/",
        views_public.signal_public_thanks,
        name="signal_public_thanks",
    ),
    path(
        "<slug:region_slug>/jullie-zeiden-wij-deden/",
        views_public.you_said_we_did,
        name="you_said_we_did",
    ),
]

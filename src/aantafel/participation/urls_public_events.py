"""Public pages of events (P2), at /doe-mee/: no account needed."""

from django.urls import path

from . import views_public_events as views

urlpatterns = [
    path("<slug:region_slug>/bijeenkomsten/", views.event_public_list, name="event_public_list"),
    path(
        "<slug:region_slug>/bijeenkomsten/<int:pk>/",
        views.event_public_detail,
        name="event_public_detail",
    ),
    path(
        "<slug:region_slug>/bijeenkomsten/<int:pk>/aangemeld/",
        views.event_public_thanks,
        name="event_public_thanks",
    ),
    path("afmelden/<str:token>/", views.registration_cancel, name="registration_cancel"),
]

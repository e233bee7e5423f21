"""Staff pages of participation trajectories and events, under /regio/<region_slug>/."""

from django.urls import include, path

urlpatterns = [
    path("traject/", include("aantafel.participation.urls_trajectories")),
    path("bijeenkomsten/", include("aantafel.participation.urls_events")),
    path("register/", include("aantafel.participation.urls_register")),
]

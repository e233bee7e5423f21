"""Staff pages of participation, under /regio/<region_slug>/."""

from django.urls import include, path

urlpatterns = [
    path("traject/", include("aantafel.participation.urls_trajectories")),
    path("bijeenkomsten/", include("aantafel.participation.urls_events")),
    path("register/", include("aantafel.participation.urls_register")),
    path("vragenlijsten/", include("aantafel.participation.urls_campaigns")),
    path("plan/", include("aantafel.participation.urls_plan")),
    path("ideeen/", include("aantafel.participation.urls_ideas")),
    path("verhalen/", include("aantafel.participation.urls_stories")),
    path("zorgen/", include("aantafel.participation.urls_safety")),
]

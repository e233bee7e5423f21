"""Staff pages of events (P2), at /regio/<region_slug>/bijeenkomsten/."""

from django.urls import path

from . import views_events as views

urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("nieuw/", views.event_create, name="event_create"),
    path("<int:pk>/", views.event_detail, name="event_detail"),
    path("<int:pk>/wijzigen/", views.event_edit, name="event_edit"),
    path("<int:pk>/publiceren/", views.event_publish, name="event_publish"),
    path("<int:pk>/afgelasten/", views.event_cancel, name="event_cancel"),
    path("<int:pk>/beeld/", views.event_media, name="event_media"),
    path("<int:pk>/aanwezigen/", views.event_attendees, name="event_attendees"),
    path("<int:pk>/aanwezigen/export.csv", views.event_attendees_csv, name="event_attendees_csv"),
    path(
        "<int:pk>/aanwezigen/export.xlsx", views.event_attendees_xlsx, name="event_attendees_xlsx"
    ),
    path(
        "<int:pk>/aanwezigen/<int:registration_pk>/inchecken/",
        views.event_check_in,
        name="event_check_in",
    ),
    path(
        "<int:pk>/aanwezigen/code/<str:token>/",
        views.event_check_in_code,
        name="event_check_in_code",
    ),
]

from django.urls import path

from . import views

urlpatterns = [
    path("", views.preferences, name="notification_preferences"),
    path("agenda/", views.calendar_feed_renew_view, name="calendar_feed_renew"),
    path("agenda/stoppen/", views.calendar_feed_stop_view, name="calendar_feed_stop"),
]

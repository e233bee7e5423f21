from django.urls import path

from .views import calendar

urlpatterns = [
    path("<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
]

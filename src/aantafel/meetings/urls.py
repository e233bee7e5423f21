from django.urls import include, path

urlpatterns = [
    path("", include("aantafel.meetings.urls_record")),
    path("", include("aantafel.meetings.urls_participation")),
    path("", include("aantafel.meetings.urls_exports")),
]

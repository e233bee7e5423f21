from django.contrib import admin
from django.urls import include, path

from aantafel.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("health", core_views.health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("leesbaarheid/", include("aantafel.core.urls_readability")),
    path("accounts/meldingen/", include("aantafel.notifications.urls")),
    path("accounts/", include("aantafel.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("regio/<slug:region_slug>/", include("aantafel.regions.urls")),
    path("regio/<slug:region_slug>/", include("aantafel.bodies.urls")),
    path("regio/<slug:region_slug>/", include("aantafel.meetings.urls")),
    path("regio/<slug:region_slug>/", include("aantafel.signals.urls")),
    path("signaal/", include("aantafel.signals.urls_public")),
    path("regio/<slug:region_slug>/", include("aantafel.advice.urls")),
    path("regio/<slug:region_slug>/", include("aantafel.clienttests.urls")),
    path("toets/", include("aantafel.clienttests.urls_public")),
    path("regio/<slug:region_slug>/", include("aantafel.casework.urls")),
    path("clientoverleg/", include("aantafel.casework.urls_public")),
    path("regio/<slug:region_slug>/", include("aantafel.participation.urls")),
    path("doe-mee/", include("aantafel.participation.urls_public")),
    path("regio/<slug:region_slug>/", include("aantafel.reports.urls_dashboards")),
    path("regio/<slug:region_slug>/", include("aantafel.reports.urls")),
    path("agenda/", include("aantafel.meetings.urls_calendar")),
    path("achterban/", include("aantafel.meetings.urls_public")),
    path("uitnodiging/", include("aantafel.bodies.invitation_urls")),
    path("api/", include("aantafel.config.api_urls")),
    path("beheer/", admin.site.urls),
]

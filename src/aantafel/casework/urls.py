"""Pages of the cliëntoverleg under /regio/<region_slug>/clientoverleg/. Case addresses carry
the case's opaque reference, never a number that could be counted through."""

from django.urls import include, path

urlpatterns = [
    path("clientoverleg/", include("aantafel.casework.urls_intake")),
    path("clientoverleg/", include("aantafel.casework.urls_family")),
    path("clientoverleg/<str:reference>/", include("aantafel.casework.urls_table")),
    path("clientoverleg/<str:reference>/", include("aantafel.casework.urls_plan")),
]

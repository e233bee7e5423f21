"""Pages of the cliëntoverleg outside a region's address space, at /clientoverleg/: the public
request form of a region's service (no account) and a client's own cases ("mijn")."""

from django.urls import include, path

urlpatterns = [
    path("mijn/", include("aantafel.casework.urls_mine")),
    path("<slug:region_slug>/", include("aantafel.casework.urls_request")),
]

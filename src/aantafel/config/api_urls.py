"""The versioned REST API. /api/v1/ is stable; a breaking change gets /api/v2/."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from aantafel.accounts import api as accounts_api
from aantafel.advice import api as advice_api
from aantafel.audit import api as audit_api
from aantafel.bodies import api as bodies_api
from aantafel.casework import api as casework_api
from aantafel.clienttests import api as clienttests_api
from aantafel.meetings import api as meetings_api
from aantafel.participation import api as participation_api
from aantafel.regions import api as regions_api
from aantafel.reports import api as reports_api
from aantafel.signals import api as signals_api

v1 = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="v1:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="v1:schema"), name="redoc"),
    *accounts_api.urlpatterns,
    *regions_api.urlpatterns,
    *bodies_api.urlpatterns,
    *meetings_api.urlpatterns,
    *signals_api.urlpatterns,
    *advice_api.urlpatterns,
    *clienttests_api.urlpatterns,
    *reports_api.urlpatterns,
    *audit_api.urlpatterns,
    *casework_api.urlpatterns,
    *participation_api.urlpatterns,
]

urlpatterns = [path("v1/", include((v1, "v1"), namespace="v1"))]

"""The public request form (C1), no account needed. Mounted at /clientoverleg/<region_slug>/."""

from django.urls import path

from . import views_intake as views

urlpatterns = [
    path("aanvragen/", views.case_request, name="case_request"),
    # The thanks page names nothing of the request: the reference comes as a message, once.
    path("bedankt/", views.case_request_thanks, name="case_request_thanks"),
]

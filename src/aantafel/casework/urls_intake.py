"""Pages of the cliëntoverleg (intake, C1–C3): the region's list of cases, taking a request in
and appointing its chair. Mounted at /regio/<region_slug>/clientoverleg/."""

from django.urls import path

from . import views_intake as views

urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("<str:reference>/intake/", views.case_intake, name="case_intake"),
    path("<str:reference>/voorzitter/", views.case_chair_appoint, name="case_chair_appoint"),
]

"""Pages of the cliëntoverleg (family, C8) under /regio/<region_slug>/clientoverleg/: the case
log, withdrawing consent, the family's data export, and the region's case log."""

from django.urls import path

from . import views_family as views

urlpatterns = [
    path("logboek/", views.casework_region_log, name="casework_region_log"),
    path("<str:reference>/logboek/", views.case_log, name="case_log"),
    path(
        "<str:reference>/toestemming/<int:pk>/intrekken/",
        views.case_consent_withdraw,
        name="case_consent_withdraw",
    ),
    path("<str:reference>/mijn-gegevens.json", views.case_export_json, name="case_export_json"),
    path("<str:reference>/mijn-gegevens.pdf", views.case_export_pdf, name="case_export_pdf"),
]

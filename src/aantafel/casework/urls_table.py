"""Pages of the cliëntoverleg (table): the case page, the confidentiality statement (C5), the
participants (C4, C7) and the consultations, at /regio/<slug>/clientoverleg/<reference>/."""

from django.urls import path

from . import views_table as views

urlpatterns = [
    path("", views.case_detail, name="case_detail"),
    path("geheimhouding/", views.case_confidentiality, name="case_confidentiality"),
    path("deelnemers/nieuw/", views.case_participant_invite, name="case_participant_invite"),
    path(
        "deelnemers/<int:pk>/verwijderen/",
        views.case_participant_remove,
        name="case_participant_remove",
    ),
    path(
        "deelnemers/<int:pk>/hulpcoordinator/",
        views.case_help_coordinator,
        name="case_help_coordinator",
    ),
    path(
        "overleggen/nieuw/",
        views.case_consultation_schedule,
        name="case_consultation_schedule",
    ),
    path("overleggen/<int:pk>/", views.case_consultation_edit, name="case_consultation_edit"),
    path(
        "overleggen/<int:pk>/agenda.ics",
        views.case_consultation_ics,
        name="case_consultation_ics",
    ),
]

"""Pages of the cliëntoverleg (plan): the work plan (C6), its follow-up (C7) and closing the
case (C7, C9). Mounted at /regio/<region_slug>/clientoverleg/<reference>/."""

from django.urls import path

from . import views_plan as views

urlpatterns = [
    path("werkplan/", views.case_plan, name="case_plan"),
    path("werkplan/versies/", views.case_plan_versions, name="case_plan_versions"),
    path("werkplan/nieuw/", views.case_plan_draft, name="case_plan_draft"),
    path("werkplan/doelen/nieuw/", views.case_plan_goal_add, name="case_plan_goal_add"),
    path("werkplan/doelen/<int:pk>/", views.case_plan_goal_edit, name="case_plan_goal_edit"),
    path(
        "werkplan/doelen/<int:pk>/verwijderen/",
        views.case_plan_goal_remove,
        name="case_plan_goal_remove",
    ),
    path("werkplan/acties/nieuw/", views.case_plan_action_add, name="case_plan_action_add"),
    path("werkplan/acties/<int:pk>/", views.case_plan_action_edit, name="case_plan_action_edit"),
    path(
        "werkplan/acties/<int:pk>/verwijderen/",
        views.case_plan_action_remove,
        name="case_plan_action_remove",
    ),
    path(
        "werkplan/acties/<int:pk>/akkoord/",
        views.case_plan_action_agreement,
        name="case_plan_action_agreement",
    ),
    path(
        "werkplan/acties/<int:pk>/gedaan/",
        views.case_plan_action_done,
        name="case_plan_action_done",
    ),
    path("werkplan/akkoord/", views.case_plan_agree, name="case_plan_agree"),
    path("werkplan/bevestigen/", views.case_plan_confirm, name="case_plan_confirm"),
    path("werkplan/werkplan.pdf", views.case_plan_pdf, name="case_plan_pdf"),
    path("opvolgoverleg/", views.case_follow_up_request, name="case_follow_up_request"),
    path("afsluiten/", views.case_close, name="case_close"),
]

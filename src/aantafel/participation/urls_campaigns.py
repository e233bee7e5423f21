"""Staff pages of input campaigns (P3), at /regio/<region_slug>/vragenlijsten/."""

from django.urls import path

from . import views_campaigns as views

urlpatterns = [
    path("", views.campaign_list, name="campaign_list"),
    path("nieuw/", views.campaign_create, name="campaign_create"),
    path("<int:pk>/", views.campaign_detail, name="campaign_detail"),
    path("<int:pk>/wijzigen/", views.campaign_edit, name="campaign_edit"),
    path("<int:pk>/openen/", views.campaign_open, name="campaign_open"),
    path("<int:pk>/sluiten/", views.campaign_close, name="campaign_close"),
    path("<int:pk>/vragen/nieuw/", views.question_add, name="campaign_question_add"),
    path(
        "<int:pk>/vragen/<int:question_pk>/",
        views.question_edit,
        name="campaign_question_edit",
    ),
    path(
        "<int:pk>/vragen/<int:question_pk>/verplaatsen/",
        views.question_move,
        name="campaign_question_move",
    ),
    path(
        "<int:pk>/vragen/<int:question_pk>/verwijderen/",
        views.question_remove,
        name="campaign_question_remove",
    ),
    path(
        "<int:pk>/vragen/<int:question_pk>/coderen/",
        views.campaign_coding,
        name="campaign_coding",
    ),
    path("<int:pk>/resultaten/", views.campaign_results, name="campaign_results"),
    path("<int:pk>/resultaten/export.<str:fmt>", views.campaign_export, name="campaign_export"),
    path("<int:pk>/antwoorden/", views.campaign_responses, name="campaign_responses"),
    path(
        "<int:pk>/antwoorden/invoeren/",
        views.campaign_response_enter,
        name="campaign_response_enter",
    ),
    path(
        "<int:campaign_pk>/antwoorden/<int:response_pk>/",
        views.campaign_response_detail,
        name="campaign_response_detail",
    ),
    path("<int:pk>/themas/", views.campaign_themes, name="campaign_themes"),
    path("<int:pk>/themas/<int:theme_pk>/", views.campaign_theme_edit, name="campaign_theme_edit"),
]

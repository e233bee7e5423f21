"""Public pages of input campaigns (P3), at /doe-mee/: no account needed."""

from django.urls import path

from . import views_public_campaigns as views

urlpatterns = [
    path(
        "<slug:region_slug>/vragenlijsten/",
        views.campaign_public_list,
        name="campaign_public_list",
    ),
    path(
        "<slug:region_slug>/vragenlijsten/<int:pk>/",
        views.campaign_answer,
        name="campaign_answer",
    ),
    path(
        "<slug:region_slug>/vragenlijsten/<int:pk>/bedankt/",
        views.campaign_answer_thanks,
        name="campaign_answer_thanks",
    ),
]

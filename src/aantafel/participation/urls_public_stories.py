"""Public pages of experience stories (P5), at /doe-mee/: no account needed."""

from django.urls import path

from . import views_public_stories as views

urlpatterns = [
    path("<slug:region_slug>/verhalen/", views.story_public_list, name="story_public_list"),
    path(
        "<slug:region_slug>/verhalen/<int:pk>/",
        views.story_public_detail,
        name="story_public_detail",
    ),
    path("<slug:region_slug>/verhalen/vertel/", views.story_submit, name="story_submit"),
    path(
        "<slug:region_slug>/verhalen/vertel/bedankt/",
        views.story_submit_thanks,
        name="story_submit_thanks",
    ),
    path("verhaal-intrekken/<str:token>/", views.story_withdraw, name="story_withdraw"),
]

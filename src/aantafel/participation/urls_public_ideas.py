"""Public pages of ideas (P4), at /doe-mee/: no account needed."""

from django.urls import path

from . import views_public_ideas as views

urlpatterns = [
    path("<slug:region_slug>/ideeen/", views.idea_public_list, name="idea_public_list"),
    path("<slug:region_slug>/ideeen/nieuw/", views.idea_submit, name="idea_submit"),
    path(
        "<slug:region_slug>/ideeen/nieuw/bedankt/",
        views.idea_submit_thanks,
        name="idea_submit_thanks",
    ),
    path(
        "<slug:region_slug>/ideeen/<int:pk>/", views.idea_public_detail, name="idea_public_detail"
    ),
    path("<slug:region_slug>/ideeen/<int:pk>/steunen/", views.idea_support, name="idea_support"),
]

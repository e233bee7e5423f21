"""Each region's public participation site (P7), at /doe-mee/<region>/: no account needed."""

from django.urls import path

from . import views_public_site as views

urlpatterns = [
    path("<slug:region_slug>/", views.participation_public_home, name="participation_public_home"),
    path(
        "<slug:region_slug>/traject/<int:pk>/",
        views.trajectory_public_detail,
        name="trajectory_public_detail",
    ),
    path(
        "<slug:region_slug>/traject/<int:pk>/documenten/<int:doc_pk>/",
        views.trajectory_public_document,
        name="trajectory_public_document",
    ),
    path(
        "<slug:region_slug>/initiatieven/",
        views.initiative_public_list,
        name="initiative_public_list",
    ),
]

"""Staff pages of participation trajectories (P1), under /regio/<region_slug>/traject/."""

from django.urls import path

from . import views_trajectories as views

urlpatterns = [
    path("", views.trajectory_list, name="trajectory_list"),
    path("nieuw/", views.trajectory_create, name="trajectory_create"),
    path("<int:pk>/", views.trajectory_detail, name="trajectory_detail"),
    path("<int:pk>/wijzigen/", views.trajectory_edit, name="trajectory_edit"),
    path("<int:pk>/pijlers/nieuw/", views.trajectory_pillar_add, name="trajectory_pillar_add"),
    path(
        "<int:pk>/pijlers/<int:pillar_pk>/wijzigen/",
        views.trajectory_pillar_edit,
        name="trajectory_pillar_edit",
    ),
    path("<int:pk>/fasen/nieuw/", views.trajectory_phase_add, name="trajectory_phase_add"),
    path(
        "<int:pk>/fasen/<int:phase_pk>/wijzigen/",
        views.trajectory_phase_edit,
        name="trajectory_phase_edit",
    ),
    path("<int:pk>/berichten/nieuw/", views.trajectory_update_post, name="trajectory_update_post"),
    path(
        "<int:pk>/berichten/<int:update_pk>/wijzigen/",
        views.trajectory_update_edit,
        name="trajectory_update_edit",
    ),
    path(
        "<int:pk>/documenten/nieuw/",
        views.trajectory_document_add,
        name="trajectory_document_add",
    ),
    path(
        "<int:pk>/documenten/<int:document_pk>/",
        views.trajectory_document_download,
        name="trajectory_document_download",
    ),
    path(
        "<int:pk>/documenten/<int:document_pk>/status/",
        views.trajectory_document_status,
        name="trajectory_document_status",
    ),
]

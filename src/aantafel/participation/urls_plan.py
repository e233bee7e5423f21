"""Staff pages of the plan's actions (P3), at /regio/<region_slug>/plan/."""

from django.urls import path

from . import views_plan as views

urlpatterns = [
    path("", views.plan_index, name="plan_index"),
    path("<int:trajectory_pk>/", views.plan_detail, name="plan_detail"),
    path("<int:trajectory_pk>/nieuw/", views.plan_action_create, name="plan_action_create"),
    path(
        "<int:trajectory_pk>/<int:pk>/wijzigen/",
        views.plan_action_edit,
        name="plan_action_edit",
    ),
]

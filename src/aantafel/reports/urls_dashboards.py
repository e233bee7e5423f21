"""Dashboards of the feedback loop (S6), under /regio/<region_slug>/."""

from django.urls import path, re_path

from . import views_dashboards as views

urlpatterns = [
    path("dashboards/", views.dashboard_index, name="dashboard_index"),
    path("dashboards/<slug:slug>/", views.dashboard_page, name="dashboard"),
    re_path(
        r"^dashboards/(?P<slug>[-\w]+)/(?P<table_key>[-\w]+)\.(?P<fmt>csv|xlsx)$",
        views.dashboard_export,
        name="dashboard_export",
    ),
]

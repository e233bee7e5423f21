"""Staff pages of client tests, under /regio/<region_slug>/."""

from django.urls import path

from . import views

urlpatterns = [
    path("clienttoetsen/", views.client_test_list, name="client_test_list"),
    path("clienttoetsen/nieuw/", views.client_test_create, name="client_test_create"),
    path("clienttoetsen/<int:pk>/", views.client_test_detail, name="client_test_detail"),
    path("clienttoetsen/<int:pk>/bewerken/", views.client_test_edit, name="client_test_edit"),
    path("clienttoetsen/<int:pk>/openen/", views.client_test_open, name="client_test_open"),
    path("clienttoetsen/<int:pk>/sluiten/", views.client_test_close, name="client_test_close"),
    path("clienttoetsen/<int:pk>/links/", views.client_test_links, name="client_test_links"),
    path(
        "clienttoetsen/<int:pk>/links.csv",
        views.client_test_links_export,
        name="client_test_links_export",
    ),
    path("clienttoetsen/<int:pk>/rapport/", views.client_test_report, name="client_test_report"),
    path(
        "clienttoetsen/<int:pk>/rapport.pdf",
        views.client_test_report_pdf,
        name="client_test_report_pdf",
    ),
    path(
        "clienttoetsen/<int:pk>/rapport.csv",
        views.client_test_report_csv,
        name="client_test_report_csv",
    ),
]

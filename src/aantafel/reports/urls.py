from django.urls import path

from . import views

urlpatterns = [
    path(
        "organen/<int:pk>/jaarverslag/<int:year>/",
        views.body_year_report,
        name="body_year_report",
    ),
    path(
        "organen/<int:pk>/jaarverslag/<int:year>.pdf",
        views.body_year_report_pdf,
        name="body_year_report_pdf",
    ),
]

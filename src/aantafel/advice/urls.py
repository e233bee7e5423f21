"""Staff pages of advice requests (S4), under /regio/<region_slug>/."""

from django.urls import path

from . import views

urlpatterns = [
    path("advies/", views.advice_list, name="advice_list"),
    path("advies/nieuw/", views.advice_create, name="advice_create"),
    path("advies/<int:pk>/", views.advice_detail, name="advice_detail"),
    path("advies/<int:pk>/wijzigen/", views.advice_edit, name="advice_edit"),
    path("advies/<int:pk>/standpunt/", views.advice_view_record, name="advice_view_record"),
    path("advies/<int:pk>/advies-geven/", views.advice_give, name="advice_give"),
    path("advies/<int:pk>/reactie/", views.advice_response, name="advice_response"),
    path("advies/<int:pk>/opvolging/", views.advice_follow_up, name="advice_follow_up"),
    path("advies/<int:pk>/afsluiten/", views.advice_close, name="advice_close"),
    path("advies/<int:pk>/agenderen/", views.advice_agenda, name="advice_agenda"),
    path(
        "advies/<int:pk>/documenten/nieuw/",
        views.advice_document_upload,
        name="advice_document_upload",
    ),
    path(
        "advies/<int:pk>/documenten/<int:document_pk>/",
        views.advice_document_download,
        name="advice_document_download",
    ),
    path("advies/<int:pk>/advies.pdf", views.advice_pdf, name="advice_pdf"),
]

from django.urls import path

from .views import exports as e

urlpatterns = [
    path("vergaderingen/<int:pk>/agenda.pdf", e.meeting_agenda_pdf, name="meeting_agenda_pdf"),
    path(
        "vergaderingen/<int:pk>/stukken.pdf", e.meeting_documents_pdf, name="meeting_documents_pdf"
    ),
    path("vergaderingen/<int:pk>/verslag.pdf", e.meeting_minutes_pdf, name="meeting_minutes_pdf"),
    path("zoeken/", e.search_page, name="search"),
]

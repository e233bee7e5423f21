from django.urls import include, path

from .views import meetings as m
from .views import proposals as p

meeting = "vergaderingen/<int:pk>/"

urlpatterns = [
    path("organen/<int:pk>/vergaderingen/", m.body_meetings, name="body_meetings"),
    path("organen/<int:pk>/vergaderingen/nieuw/", m.meeting_plan, name="meeting_plan"),
    path("organen/<int:pk>/agendapunt-inbrengen/", p.proposal_submit, name="proposal_submit"),
    path("organen/<int:pk>/voorstellen/", p.proposal_list, name="proposal_list"),
    path(
        "organen/<int:pk>/voorstellen/<int:proposal_pk>/",
        p.proposal_decide,
        name="proposal_decide",
    ),
    path(meeting, m.meeting_detail, name="meeting_detail"),
    path(meeting + "bewerken/", m.meeting_edit, name="meeting_edit"),
    path(meeting + "afgelasten/", m.meeting_cancel, name="meeting_cancel"),
    path(meeting + "publiceren/", m.meeting_publish, name="meeting_publish"),
    path(meeting + "gehouden/", m.meeting_held, name="meeting_held"),
    path(meeting + "punten/nieuw/", m.item_add, name="item_add"),
    path(meeting + "punten/<int:item_pk>/bewerken/", m.item_edit, name="item_edit"),
    path(meeting + "punten/<int:item_pk>/verplaatsen/", m.item_move, name="item_move"),
    path(meeting + "punten/<int:item_pk>/stukken/nieuw/", m.document_add, name="document_add"),
    path(
        meeting + "acties/<int:action_pk>/agenderen/", m.item_from_action, name="item_from_action"
    ),
    path(meeting + "stukken/<int:document_pk>/", m.document_download, name="document_download"),
    path(meeting + "aanwezigheid/antwoord/", m.attendance_respond, name="attendance_respond"),
    path(meeting + "aanwezigheid/", m.attendance_record, name="attendance_record"),
    path("", include("aantafel.meetings.urls_record")),
    path("", include("aantafel.meetings.urls_participation")),
    path("", include("aantafel.meetings.urls_exports")),
]

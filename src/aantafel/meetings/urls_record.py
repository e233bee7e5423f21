"""Pages of what a meeting decides, its minutes and the follow-up (M7–M10)."""

from django.urls import path

from .views import follow_up as f
from .views import minutes as m
from .views import record as r

meeting = "vergaderingen/<int:pk>/"
item = meeting + "punten/<int:item_pk>/"
body = "organen/<int:pk>/"

urlpatterns = [
    # M7–M9: recording the outcome of an item
    path(item + "aantekeningen/", r.item_notes, name="item_notes"),
    path(item + "besluit/", r.decision_add, name="decision_add"),
    path(
        item + "besluiten/<int:decision_pk>/standpunt/",
        r.position_edit,
        name="position_edit",
    ),
    path(item + "actie/", r.action_add, name="item_action_add"),
    path(meeting + "rapporteur/", r.reporter_assign, name="reporter_assign"),
    path(meeting + "terugkoppeling/", r.report_back, name="report_back"),
    # M10: minutes
    path(meeting + "verslag/", m.minutes_detail, name="minutes_detail"),
    path(meeting + "verslag/opstellen/", m.minutes_draft, name="minutes_draft"),
    path(meeting + "verslag/bewerken/", m.minutes_edit, name="minutes_edit"),
    path(meeting + "verslag/rondsturen/", m.minutes_circulate, name="minutes_circulate"),
    path(meeting + "verslag/corrigeren/", m.minutes_correct, name="minutes_correct"),
    path(meeting + "verslag/versies/<int:number>/", m.minutes_version, name="minutes_version"),
    path(item + "verslag-goedkeuren/", m.minutes_approve, name="minutes_approve"),
    # M8, M9: following up across meetings
    path(body + "opvolging/", f.follow_up_view, name="follow_up"),
    path(body + "acties/", f.action_list, name="action_list"),
    path(body + "acties/nieuw/", f.action_add, name="action_add"),
    path(body + "acties/export.csv", f.action_export, name="action_export"),
    path(body + "acties/<int:action_pk>/status/", f.action_status, name="action_status"),
    path(body + "besluiten/", f.decision_list, name="decision_list"),
    path(body + "besluiten/export.csv", f.decision_export, name="decision_export"),
]

from django.urls import path

from . import views

urlpatterns = [
    path("organen/", views.body_list, name="body_list"),
    path("organen/nieuw/", views.body_create, name="body_create"),
    path("organen/<int:pk>/", views.body_detail, name="body_detail"),
    path("organen/<int:pk>/bewerken/", views.body_edit, name="body_edit"),
    path("organen/<int:pk>/afsprakenkader/nieuw/", views.terms_add, name="terms_add"),
    path(
        "organen/<int:pk>/afsprakenkader/<int:version>/", views.terms_version, name="terms_version"
    ),
    path("organen/<int:pk>/zetels/nieuw/", views.seat_add, name="seat_add"),
    path("organen/<int:pk>/zetels/<int:seat_pk>/", views.seat_edit, name="seat_edit"),
    path("organen/<int:pk>/leden/uitnodigen/", views.member_invite, name="member_invite"),
    path(
        "organen/<int:pk>/leden/<int:membership_pk>/beeindigen/",
        views.membership_end,
        name="membership_end",
    ),
    path(
        "organen/<int:pk>/uitnodigingen/<int:invitation_pk>/intrekken/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "organen/<int:pk>/uitnodigingen/<int:invitation_pk>/opnieuw/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path("organen/<int:pk>/initiatieven/nieuw/", views.initiative_add, name="initiative_add"),
    path(
        "organen/<int:pk>/initiatieven/<int:initiative_pk>/geinformeerd/",
        views.initiative_informed,
        name="initiative_informed",
    ),
    path("achterbannen/", views.registers, name="registers"),
]

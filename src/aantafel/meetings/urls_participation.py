"""M12 (reactions, questions to the constituency) and M14 (mirroring the parent body's items)."""

from django.urls import path

from .views import participation as views

ITEM = "vergaderingen/<int:pk>/punten/<int:item_pk>/"

urlpatterns = [
    path(f"{ITEM}reageren/", views.reaction_add, name="reaction_add"),
    path(
        f"{ITEM}reacties/<int:reaction_pk>/intrekken/",
        views.reaction_withdraw,
        name="reaction_withdraw",
    ),
    path(f"{ITEM}vraag/", views.question_ask, name="question_ask"),
    path(f"{ITEM}vraag/<int:question_pk>/", views.question_detail, name="question_detail"),
    path(f"{ITEM}vraag/<int:question_pk>/sluiten/", views.question_close, name="question_close"),
    path(
        f"{ITEM}clientperspectief/",
        views.client_perspective_edit,
        name="client_perspective_edit",
    ),
    path("vergaderingen/<int:pk>/spiegelen/", views.mirror_list, name="mirror_list"),
    path(
        "vergaderingen/<int:pk>/spiegelen/<int:source_pk>/",
        views.item_mirror,
        name="item_mirror",
    ),
    path(
        "vergaderingen/<int:pk>/spiegelen/advies/<int:advice_pk>/",
        views.advice_mirror,
        name="advice_mirror",
    ),
]

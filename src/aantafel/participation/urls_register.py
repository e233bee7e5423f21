"""Staff pages of the register of participation initiatives (P6), under
/regio/<region_slug>/register/."""

from django.urls import path

from . import views_register as views

urlpatterns = [
    path("", views.initiative_list, name="initiative_list"),
    path("nieuw/", views.initiative_create, name="initiative_create"),
    path("<int:pk>/wijzigen/", views.initiative_edit, name="initiative_edit"),
]

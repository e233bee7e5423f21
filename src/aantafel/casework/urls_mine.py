"""A client's own cases, across regions (C8), at /clientoverleg/mijn/."""

from django.urls import path

from . import views_family

urlpatterns = [
    path("", views_family.my_cases, name="my_cases"),
]

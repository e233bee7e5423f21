"""Public pages of client tests, mounted at /toets/: no account needed, the link is the key."""

from django.urls import path

from . import views_public

urlpatterns = [
    path("<str:token>/", views_public.client_test_answer, name="client_test_answer"),
    path("<str:token>/bedankt/", views_public.client_test_thanks, name="client_test_thanks"),
]

"""Pages of the meeting cycle that work without an account (a link in a message)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []

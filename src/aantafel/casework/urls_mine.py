"""A client's own cases, across regions (C8)."""

urlpatterns: list = []

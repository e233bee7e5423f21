"""The public request form (C1), no account needed."""

urlpatterns: list = []

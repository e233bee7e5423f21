"""Pages of participation (public_events)."""

urlpatterns: list = []

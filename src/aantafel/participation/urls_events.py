"""Pages of participation (events)."""

urlpatterns: list = []

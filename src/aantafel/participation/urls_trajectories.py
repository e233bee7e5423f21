"""Pages of participation (trajectories)."""

urlpatterns: list = []

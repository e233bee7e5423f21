"""Pages of the cliëntoverleg (plan)."""

urlpatterns: list = []

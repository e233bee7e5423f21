"""Pages of the cliëntoverleg (table)."""

urlpatterns: list = []

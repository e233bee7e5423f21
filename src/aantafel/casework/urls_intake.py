"""Pages of the cliëntoverleg (intake)."""

urlpatterns: list = []

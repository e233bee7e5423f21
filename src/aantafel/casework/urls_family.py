"""Pages of the cliëntoverleg (family)."""

urlpatterns: list = []

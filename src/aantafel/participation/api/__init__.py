"""The participation API (P1–P7), one module per part, under /api/v1/regions/<slug>/ and, for
what the public site does without an account, /api/v1/public/<slug>/. Every endpoint calls the
same service as its page, with the same permission."""

from . import campaigns, events, ideas, register, stories, trajectories

urlpatterns = [
    *trajectories.urlpatterns,
    *events.urlpatterns,
    *register.urlpatterns,
    *campaigns.urlpatterns,
    *ideas.urlpatterns,
    *stories.urlpatterns,
]

"""API of the meeting cycle (section 2 of PRODUCT.md) under
/api/v1/regions/{region_slug}/bodies/{body_id}/, one module per use case.

The same permissions as the pages (meetings/permissions.py) and the same services for every
write; serializers/ parses input and writes output, queries_api.py reads. Each view's
docstring states its permissions. Another region's body, meeting or item is a 404, and so is a
confidential item for whoever may not see it (M4).
"""

from . import (
    agenda,
    attendance,
    meetings,
    minutes,
    mirroring,
    outcomes,
    participation,
    proposals,
    reporting,
)

urlpatterns = [
    *meetings.urlpatterns,
    *agenda.urlpatterns,
    *attendance.urlpatterns,
    *proposals.urlpatterns,
    *outcomes.urlpatterns,
    *minutes.urlpatterns,
    *participation.urlpatterns,
    *reporting.urlpatterns,
    *mirroring.urlpatterns,
]

__all__ = ["urlpatterns"]

"""Reads of the cliëntoverleg shared by the pages and the API."""

from typing import Any

from django.db.models import Prefetch

from .models import Case, Consent, Participant
from .permissions import Seat, standing_consent
from .services import table


def case_table(case: Case, seat: Seat) -> dict:
    """Who is at the table, with the consent for each (two queries, whatever their number)."""
    participants: list[Any] = list(
        Participant.objects.filter(case=case)
        .annotate(consent_stands=standing_consent())
        .prefetch_related(
            Prefetch(
                "consents",
                queryset=Consent.objects.select_related("given_by").order_by("-given_at", "-pk"),
                to_attr="consent_list",
            )
        )
        .order_by("created_at", "pk")
    )
    seated: list[Any] = []
    former: list[Any] = []
    for p in participants:
        standing = [c for c in p.consent_list if c.withdrawn_at is None]
        p.consent = standing[0] if standing else (p.consent_list[0] if p.consent_list else None)
        (seated if p.consent_stands and p.removed_at is None else former).append(p)
    regime = table.regime_of(seated)
    return {
        "seated": seated,
        "former": former if seat.leads else [],
        "regime": regime,
        "regime_label": table.ConfidentialityRegime(regime).label,
        "regime_explanation": table.REGIME_EXPLANATIONS[table.ConfidentialityRegime(regime)],
        "can_set_help_coordinator": seat.leads and case.is_open,
    }

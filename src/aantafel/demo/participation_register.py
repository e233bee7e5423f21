"""The register of participation initiatives of Jeugdhulp Zuid-Limburg (P6), written through
services/register.py: the existing initiatives the trajectory connects with ("de bestaande
initiatieven: cliëntenraden, adviesraden en netwerkorganisaties", seeds/004).

Six entries: the client council of a youth care provider, a municipal youth council, the
regional youth advisory council, a network of parents, an advisory council of the social domain,
and one client council that stopped (inactive: it stays in the register, off the public site).
The organisations and the municipality of the youth council are fictional; nobody is named (the
contact is a role), and every address is at example.org. The register has no mail, so nobody
is mailed. Loaded only while the region has none of these entries, so a second run adds nothing.
"""

from collections import Counter
from dataclasses import dataclass

from aantafel.core.typing import Actor
from aantafel.participation.models import InitiativeKind, ParticipationInitiative, Trajectory
from aantafel.participation.services import register
from aantafel.regions.models import Region


@dataclass(frozen=True)
class InitiativeSpec:
    name: str
    kind: str
    organisation: str
    scope: str
    contact_name: str
    contact_email: str
    website: str
    active: bool = True


REGISTER = (
    InitiativeSpec(
        "Cliëntenraad Jeugdhulp De Geul",
        InitiativeKind.CLIENT_COUNCIL,
        "Jeugdhulp De Geul",
        "Jongeren en ouders die hulp krijgen van Jeugdhulp De Geul, in heel Zuid-Limburg. De raad "
        "praat mee over de kwaliteit van de hulp, het klachtenreglement en nieuwe plannen van de "
        "organisatie.",
        "Secretariaat van de cliëntenraad",
        "clientenraad@degeul.example.org",
        "https://degeul.example.org/clientenraad",
    ),
    InitiativeSpec(
        "Jongerenraad Geuldal",
        InitiativeKind.ADVISORY_COUNCIL,
        "Gemeente Geuldal",
        "Jongeren van 14 tot 23 jaar die in de gemeente Geuldal wonen. De raad geeft de "
        "gemeenteraad gevraagd en ongevraagd advies over jeugd, school, sport en jeugdhulp.",
        "Jongerenwerker van de gemeente",
        "jongerenraad@geuldal.example.org",
        "https://geuldal.example.org/jongerenraad",
    ),
    InitiativeSpec(
        "Jongerenadviesraad Jeugdhulp Zuid-Limburg",
        InitiativeKind.ADVISORY_COUNCIL,
        "Jeugdhulp Zuid-Limburg",
        "Jongeren met ervaring in de jeugdhulp, uit alle zestien gemeenten. De raad adviseert de "
        "regiogemeenten samen, bijvoorbeeld over het inkopen van jeugdhulp en over wachttijden.",
        "Coördinator participatie",
        "jongerenadviesraad@jeugdhulp-zl.example.org",
        "https://jeugdhulp-zl.example.org/jongerenadviesraad",
    ),
    InitiativeSpec(
        "Ouderplatform Jeugd Zuid-Limburg",
        InitiativeKind.NETWORK_ORGANISATION,
        "",
        "Een netwerk van ouders van kinderen met een hulpvraag. Ouders delen ervaringen, helpen "
        "elkaar op weg en brengen samen hun stem in bij gemeenten en zorgaanbieders.",
        "Ouder uit het kernteam",
        "contact@ouderplatform-zl.example.org",
        "https://ouderplatform-zl.example.org",
    ),
    InitiativeSpec(
        "Adviesraad Sociaal Domein Maasvallei",
        InitiativeKind.ADVISORY_COUNCIL,
        "Gemeente Maasvallei",
        "Inwoners die het college adviseren over zorg, werk en jeugd. Twee plaatsen zijn voor "
        "ouders van jonge kinderen en één voor een jongere.",
        "Secretaris van de adviesraad",
        "adviesraad@maasvallei.example.org",
        "",
    ),
    InitiativeSpec(
        "Cliëntenraad Jeugd-GGZ Mergelland",
        InitiativeKind.CLIENT_COUNCIL,
        "Jeugd-GGZ Mergelland",
        "Jongeren en ouders in de jeugd-ggz van Mergelland. Gestopt na de fusie met Jeugdhulp "
        "De Geul: de leden zitten nu in de cliëntenraad daar.",
        "",
        "",
        "",
        active=False,
    ),
)


def load_register(
    region: Region, trajectory: Trajectory | None, staff: Actor, created: Counter[str]
) -> None:
    """P6: the region's register, when it has none of these entries yet. `trajectory` is not
    used: the register belongs to the region, not to one trajectory (the loaders share one
    signature)."""
    names = [spec.name for spec in REGISTER]
    if ParticipationInitiative.objects.filter(region=region, name__in=names).exists():
        return
    for spec in REGISTER:
        register.initiative_create(
            actor=staff,
            region=region,
            name=spec.name,
            kind=spec.kind,
            organisation=spec.organisation,
            scope=spec.scope,
            contact_name=spec.contact_name,
            contact_email=spec.contact_email,
            website=spec.website,
            active=spec.active,
        )
    created["participation initiatives"] += len(REGISTER)

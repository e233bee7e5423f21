"""The demo data of `manage.py load_demo`: the two regions of the source documents (seeds/).

Only data lives here; `loader.py` writes it through the services. The texts of the terms of
reference are those of the seeds (bullets as lines starting with "- "). The people are fictional;
their addresses use the reserved .example domain.

Every date lies in the past, so the services' rules on dates (no approval in the future, no
"parent informed" in the future) hold whatever day the command runs.
"""

import datetime
from dataclasses import dataclass, field

from aantafel.bodies.models import (
    BodyType,
    ConstituencyKind,
    DecisionRule,
    MembershipRole,
    SeatRole,
)
from aantafel.regions.models import Country, RegionRole, Theme

# One password for every demo account, printed by the command. It passes Django's validators.
DEMO_PASSWORD = "aantafel-demo-2026"

d = datetime.date


@dataclass(frozen=True)
class Person:
    email: str
    full_name: str
    # What the login table says about this person; people without it are not listed there.
    login_role: str = ""


@dataclass(frozen=True)
class Terms:
    """One version of an afsprakenkader (B3)."""

    decision_rule: str
    approved_by: str
    approved_on: datetime.date
    objectives: str = ""
    tasks: str = ""
    other_themes: str = ""
    composition: str = ""
    cooperation: str = ""
    mandate: str = ""


@dataclass(frozen=True)
class SeatSpec:
    """B4: places for one constituency; `label` tells two seats of one constituency apart."""

    constituency: str
    places: int = 1
    label: str = ""


@dataclass(frozen=True)
class Member:
    """B5: a membership. `seat` names (constituency, label) of a seat of the same body;
    a substitute names the e-mail address of the holder they stand in for."""

    email: str
    role: str
    start: datetime.date
    seat: tuple[str, str] | None = None
    seat_role: str = ""
    substitute_for: str = ""
    constituency: str = ""
    organisation: str = ""
    ended_on: datetime.date | None = None
    end_reason: str = ""


@dataclass(frozen=True)
class InitiativeSpec:
    """B7."""

    title: str
    taken_on: datetime.date
    description: str = ""
    parent_informed_on: datetime.date | None = None


@dataclass(frozen=True)
class BodySpec:
    name: str
    body_type: str
    parent: str = ""
    supporting_department: str = ""
    description: str = ""
    # Oldest version first; the last one is the current terms of reference.
    terms: tuple[Terms, ...] = ()
    seats: tuple[SeatSpec, ...] = ()
    # In the order they are added: an ended membership before its successor, a holder before
    # their substitute.
    members: tuple[Member, ...] = ()
    initiatives: tuple[InitiativeSpec, ...] = ()


@dataclass(frozen=True)
class RegionSpec:
    slug: str
    name: str
    country: str
    timezone: str
    theme: str
    department_name: str
    safety_contact_line: str
    # The region administrator: actor of every write in the region (B1).
    admin: str
    # Region roles other than participant; everyone else in the region is a participant.
    region_roles: tuple[tuple[str, str], ...] = ()
    constituencies: tuple[tuple[str, str, str], ...] = ()  # name, kind, description
    organisations: tuple[tuple[str, str], ...] = ()  # name, website
    # Parents before the bodies that report to them.
    bodies: tuple[BodySpec, ...] = field(default_factory=tuple)


# --- People ---------------------------------------------------------------------------------

L = "iroj-limburg.example"
Z = "zuid-limburg.example"
# The one person in both regions: works for the expertise network that spans both Limburgs.
BOTH = "ine.smeets@expertisenetwerk-limburg.example"

PEOPLE: tuple[Person, ...] = (
    # IROJ Limburg (Flemish names)
    Person(f"beheerder@{L}", "Katrien Vanhoof", "regiobeheerder"),
    Person(f"beleid@{L}", "Pieter Claes", "beleidsmedewerker"),
    Person(f"ondersteuner@{L}", "Els Janssens", "IROJ-ondersteuner (alle overleggen)"),
    Person(f"voorzitter.iroj@{L}", "Marc Vanderhoven", "voorzitter IROJ Limburg"),
    Person(
        f"voorzitter.overleg@{L}",
        "Hilde Peeters",
        "voorzitter Overleg Cliëntvertegenwoordigers (ouders)",
    ),
    Person(f"voorzitter.rtj@{L}", "Bart Lemmens", "voorzitter Kerngroep RTJ"),
    Person(f"sofie.wouters@{L}", "Sofie Wouters", "lid, ouders (Overleg en Kerngroep RTJ)"),
    Person(f"tom.gielen@{L}", "Tom Gielen", "plaatsvervanger ouders"),
    Person(f"robbe.schepers@{L}", "Robbe Schepers", "lid, minderjarigen"),
    Person(f"an.vrancken@{L}", "An Vrancken"),
    Person(f"luc.cuypers@{L}", "Luc Cuypers"),
    Person(f"fatma.yilmaz@{L}", "Fatma Yılmaz"),
    Person(f"nele.bosmans@{L}", "Nele Bosmans"),
    Person(f"kristof.vos@{L}", "Kristof Vos"),
    Person(f"griet.maes@{L}", "Griet Maes"),
    Person(f"dirk.hermans@{L}", "Dirk Hermans"),
    Person(f"veerle.jacobs@{L}", "Veerle Jacobs"),
    Person(f"wim.aerts@{L}", "Wim Aerts"),
    Person(f"sarah.willems@{L}", "Sarah Willems"),
    Person(f"jan.stevens@{L}", "Jan Stevens"),
    Person(f"koen.vandeweyer@{L}", "Koen Vandeweyer"),
    Person(f"ann.bollen@{L}", "Ann Bollen"),
    Person(f"geert.nijs@{L}", "Geert Nijs"),
    Person(f"paul.geerts@{L}", "Paul Geerts"),
    # In both regions
    Person(BOTH, "Ine Smeets", "gast (IROJ Limburg) en lid (Zuid-Limburg)"),
    # Jeugdhulp Zuid-Limburg (Dutch names)
    Person(f"beheerder@{Z}", "Marieke Janssen", "regiobeheerder"),
    Person(f"beleid@{Z}", "Jeroen Hendriks", "beleidsmedewerker, ondersteuner bestuurlijk overleg"),
    Person(f"ondersteuner@{Z}", "Sanne Debets", "ondersteuner kerngroep"),
    Person(f"voorzitter.kerngroep@{Z}", "Ruud Vliegen", "voorzitter kerngroep"),
    Person(
        f"voorzitter.bestuurlijk@{Z}", "Petra Kusters", "wethouder, voorzitter bestuurlijk overleg"
    ),
    Person(f"huub.hamers@{Z}", "Huub Hamers"),
    Person(f"anja.coenen@{Z}", "Anja Coenen"),
    Person(f"noah.bemelmans@{Z}", "Noah Bemelmans", "lid, jongeren"),
    Person(f"linda.frijns@{Z}", "Linda Frijns", "lid, ouders"),
    Person(f"esther.wetzels@{Z}", "Esther Wetzels"),
    Person(f"bas.ramakers@{Z}", "Bas Ramakers"),
    Person(f"ilse.houben@{Z}", "Ilse Houben"),
    Person(f"karin.schreurs@{Z}", "Karin Schreurs"),
    Person(f"maurice.notermans@{Z}", "Maurice Notermans"),
)

# --- IROJ Limburg (Flanders) ------------------------------------------------------------------

# Seeds/000. Version 1 is an earlier, shorter afsprakenkader (fictional, for the history of B3).
OCV_TERMS_V1 = Terms(
    decision_rule=DecisionRule.CONSENSUS_WITH_RESERVATION,
    approved_by="IROJ Limburg",
    approved_on=d(2016, 5, 10),
    objectives=(
        "Het overleg cliëntvertegenwoordigers ondersteunt de cliëntvertegenwoordigers in hun "
        "opdracht om deel te nemen aan beleidsprocessen, bepaald door het BVR Integrale "
        "Jeugdhulp van 21/02/2014."
    ),
    tasks=(
        "Het overleg cliëntvertegenwoordigers\n"
        "- bereidt de IROJ-bijeenkomsten voor door standpunten bij elkaar af te toetsen\n"
        "Het overleg koppelt terug naar IROJ Limburg."
    ),
    composition=(
        "De werkgroep is samengesteld uit cliëntvertegenwoordigers van ouders, minderjarigen, "
        "personen met een handicap en mensen uit armoede.\n"
        "Het overleg krijgt ondersteuning van het departement WVG."
    ),
    cooperation="Het overleg rapporteert aan IROJ Limburg.",
    mandate=(
        "Het overleg Cliëntvertegenwoordigers kan initiatieven nemen die de beleidsparticipatie "
        "van cliënten bevorderen. Het informeert hierover IROJ Limburg."
    ),
)

OCV_TERMS_V2 = Terms(
    decision_rule=DecisionRule.CONSENSUS_WITH_RESERVATION,
    approved_by="IROJ Limburg",
    approved_on=d(2020, 3, 12),
    objectives=(
        "Het overleg cliëntvertegenwoordigers ondersteunt de cliëntvertegenwoordigers in hun "
        "opdracht om deel te nemen aan beleidsprocessen, bepaalt door het BVR Integrale "
        "Jeugdhulp van 21/02/2014. Het overleg streeft naar een kwaliteitsvolle "
        "beleidsparticipatie in Limburg."
    ),
    tasks=(
        "Het overleg cliëntvertegenwoordigers\n"
        "- bereidt de IROJ-bijeenkomsten voor door standpunten bij elkaar af te toetsen en na te "
        "gaan welk de inbreng kan zijn vanuit het cliëntperspectief\n"
        "- mbt. de voorliggende agendapunten\n"
        "- mbt. adviesopdrachten\n"
        "Het overleg koppelt structureel terug ten aanzien van IROJ Limburg."
    ),
    other_themes=(
        "Het overleg\n"
        "- kan thema’s, aandachtspunten en signalen inhoudelijk voorbereiden die door cliënten "
        "worden aangebracht, deze op het IROJ en/of andere beleidstafels brengen, deze opvolgen "
        "en hier zo nodig acties of themadagen aan koppelen.\n"
        "- kan als reflectiekader (feedback-kader) optreden voor beleidsprocessen die lopende "
        "zijn in Limburg (bv. 1 gezin 1 plan, werkgroepen …)\n"
        "- zoekt naar werkzame methodieken om de stem van cliënten maximaal op de "
        "beleidstafels te krijgen en te zorgen dat hieraan opvolging wordt gegeven\n"
        "- kan regionale acties ontwikkelen in het kader van de verschillende thema’s van het "
        "regioplan IROJ Limburg en voert deze uit al dan niet in samenwerking met andere actoren."
    ),
    composition=(
        "De werkgroep is samengesteld uit cliëntvertegenwoordigers van ouders, minderjarigen, "
        "personen met een handicap, mensen uit armoede en etnisch culturele minderheden.\n"
        "De leden nemen zoveel als mogelijk deel aan dit overleg. Indien mogelijk houden de "
        "leden tijd vrij voor het uitwerken van acties.\n"
        "Het overleg krijgt ondersteuning van het departement WVG."
    ),
    cooperation=(
        "Het overleg rapporteert en signaleert aan IROJ Limburg. Wanneer er linken zijn met "
        "andere werkgroepen/netwerken, wordt hiermee contact gezocht."
    ),
    mandate=(
        "Het overleg Cliëntvertegenwoordigers heeft het mandaat om elk mogelijk initiatief dat "
        "de beleidsparticipatie van cliënten bevordert, te nemen. Minimaal informeert het "
        "hierover IROJ Limburg."
    ),
)

# Seeds/001: "Goedgekeurd IROJ 9 juni 2021".
RTJ_TERMS = Terms(
    decision_rule=DecisionRule.CONSENSUS,
    approved_by="IROJ Limburg",
    approved_on=d(2021, 6, 9),
    objectives=(
        "- Inventarisatie en informatie-uitwisseling\n"
        "- Uitdragen visie 1G1P\n"
        "- We stimuleren continuïteit in trajecten om zo een écht laagdrempelige jeugdhulp te "
        "realiseren"
    ),
    tasks=(
        "De kerngroep RTJ draagt de visie 1G1P uit, door ondersteuning te bieden aan:\n"
        "- Afspraken inzake eenvormige monitoring van RTJ in de regio. Naast monitoring is er "
        "ook het signaleren van pijnpunten en verbetervoorstellen\n"
        "- Uitwerken van gezamenlijke communicatie inzake RTJ in de regio, met aandacht voor de "
        "nood aan heldere bewegwijzering, informatie en bekendmaking van RTJ-aanbod. We werken "
        "daarbij aan kwaliteitsvol onthaal in de hele regio.\n"
        "- Info-uitwisseling en -deling inzake RTJ\n"
        "- Voorzien in een ondersteunend aanbod (vorming etc).\n"
        "\n"
        "Hiertoe is de werkgroep de plaats van afstemming met/tussen de bovenlokale "
        "samenwerkingsverbanden 1G1P, en wordt hier onderzocht op welke wijze complementair "
        "gewerkt kan worden op provinciaal vlak."
    ),
    composition=(
        "De kerngroep RTJ bestaat uit leden met intrinsieke motivatie omtrent het thema RTJ, "
        "waarbij gestreefd wordt naar vertegenwoordiging van cliënten, alle sectoren, van elk "
        "samenwerkingsverband 1G1P, Ligant, van de gemandateerde voorzieningen en van ACT. De "
        "leden van de kerngroep worden daarbij gevraagd maximaal af te stemmen met de eigen "
        "sector, met dien verstande dat ze geen sectoraal gemandateerden zijn. We hebben "
        "expliciet ook oog voor het perspectief van de lokale besturen.\n"
        "\n"
        "Van de leden van de kerngroep RTJ wordt verwacht dat ze actiegericht en actief "
        "deelnemen aan de realisatie van de doelstellingen.\n"
        "\n"
        "De voorzitter van de kerngroep heeft geen beslissende rol, maar bereidt wel het overleg "
        "voor en structureert dit, samen met de IROJ-ondersteuner. De voorzitter is:\n"
        "- Aanspreekpunt van de kerngroep RTJ\n"
        "- Leidt de vergadering, met oog voor de groepsdynamiek en voldoende ruimte voor "
        "afstemming tussen de leden.\n"
        "- Bewaakt en volgt de uitvoering van de acties RTJ uit het regionale actieplan op, van "
        "gemaakte afspraken en van de uitvoering van beslissingen van de kerngroep.\n"
        "- De gelijkwaardigheid van elke deelnemer in de kerngroep bewaken.\n"
        "- Mee waken over de betekenis en/of gevolgen van bepaalde agendapunten voor cliënten.\n"
        "- Communicatie vanuit de kerngroep naar buiten toe\n"
        "\n"
        "De IROJ-ondersteuner stelt de verslaggeving op, bereidt de agenda voor en verstuurt de "
        "uitnodiging. Het verslag van de vergadering wordt op de eerstvolgende vergadering ter "
        "goedkeuring voorgelegd.\n"
        "\n"
        "Elk lid van de kerngroep kan agendapunten inbrengen. Wie een agendapunt wil inbrengen, "
        "laat dit weten aan de IROJ-ondersteuner. Op de vergadering zelf kunnen nog agendapunten "
        "worden ingebracht, mits goedkeuring van de vergadering.\n"
        "\n"
        "De IROJ-ondersteuner voorziet in het tijdig bezorgen van agenda en vergaderstukken aan "
        "de leden."
    ),
    cooperation=(
        "De kerngroep rapporteert en signaleert aan IROJ Limburg. Wanneer er linken zijn met "
        "andere werkgroepen/netwerken, wordt hiermee contact gezocht. In de eerste plaats wordt "
        "deze brugfunctie opgenomen door de voorzitter van de kerngroep en de ondersteuner.\n"
        "\n"
        "Per vergadering wordt afgesproken welk lid van de kerngroep instaat voor terugkoppeling "
        "over de werkzaamheden aan het IROJ voor wat de nuttige agendapunten betreft."
    ),
    mandate=(
        "De kerngroep RTJ heeft het mandaat om elk mogelijk initiatief inzake RTJ te nemen, "
        "binnen het strategisch kader van IROJ Limburg. Minimaal informeert het hierover IROJ "
        "Limburg."
    ),
)

# Constituency names, used by seats and members below.
OUDERS = "ouders"
MINDERJARIGEN = "minderjarigen"
HANDICAP = "personen met een handicap"
ARMOEDE = "mensen in armoede"
MINDERHEDEN = "etnisch-culturele minderheden"
CAW = "CAW (algemeen welzijnswerk)"
KG = "Kind en Gezin"
VAPH = "VAPH (personen met een handicap)"
CGG = "CGG (geestelijke gezondheidszorg)"
JWW = "Jongerenwelzijn (JWW)"
SWV_1G1P = "samenwerkingsverbanden 1G1P"
LIGANT = "Ligant"
GEMANDATEERD = "gemandateerde voorzieningen"
ACT = "ACT"
LOKAAL = "lokale besturen"

WVG = "departement WVG"
OUDERPLATFORM = "Ouderplatform Limburg"
JONGERENRAAD = "Jongerenraad Jeugdhulp Limburg"
HANDICAPPLATFORM = "Handicapplatform Limburg"
ARMOEDEPLATFORM = "Armoedeplatform Limburg"
DIVERSITEIT = "Platform Diversiteit Limburg"

IROJ_LIMBURG = RegionSpec(
    slug="iroj-limburg",
    name="IROJ Limburg",
    country=Country.BELGIUM,
    timezone="Europe/Brussels",
    theme=Theme.LIMBURG_BE,
    department_name=WVG,
    safety_contact_line="1712 – gratis en anoniem, elke werkdag",
    admin=f"beheerder@{L}",
    region_roles=((f"beleid@{L}", RegionRole.STAFF), (f"ondersteuner@{L}", RegionRole.STAFF)),
    constituencies=(
        (OUDERS, ConstituencyKind.CLIENTS, "Ouders van kinderen en jongeren in de jeugdhulp."),
        (MINDERJARIGEN, ConstituencyKind.CLIENTS, "Kinderen en jongeren in de jeugdhulp."),
        (HANDICAP, ConstituencyKind.CLIENTS, ""),
        (ARMOEDE, ConstituencyKind.CLIENTS, ""),
        (MINDERHEDEN, ConstituencyKind.CLIENTS, ""),
        (CAW, ConstituencyKind.SECTOR, "Centra voor Algemeen Welzijnswerk."),
        (KG, ConstituencyKind.SECTOR, ""),
        (VAPH, ConstituencyKind.SECTOR, "Vlaams Agentschap voor Personen met een Handicap."),
        (CGG, ConstituencyKind.SECTOR, "Centra voor Geestelijke Gezondheidszorg."),
        (JWW, ConstituencyKind.SECTOR, ""),
        (SWV_1G1P, ConstituencyKind.PARTNERSHIP, "Bovenlokale samenwerkingsverbanden 1G1P."),
        (LIGANT, ConstituencyKind.PARTNERSHIP, ""),
        (GEMANDATEERD, ConstituencyKind.INSTITUTION, ""),
        (ACT, ConstituencyKind.OTHER, ""),
        (LOKAAL, ConstituencyKind.LOCAL_AUTHORITY, "Steden en gemeenten in Limburg."),
    ),
    organisations=(
        (WVG, ""),
        (OUDERPLATFORM, ""),
        (JONGERENRAAD, ""),
        (HANDICAPPLATFORM, ""),
        (ARMOEDEPLATFORM, ""),
        (DIVERSITEIT, ""),
    ),
    bodies=(
        BodySpec(
            name="IROJ Limburg",
            body_type=BodyType.STEERING,
            supporting_department=WVG,
            description="Intersectoraal Regionaal Overleg Jeugdhulp Limburg.",
            seats=(
                SeatSpec(OUDERS),
                SeatSpec(MINDERJARIGEN),
                SeatSpec(CAW),
                SeatSpec(VAPH),
            ),
            members=(
                Member(
                    f"voorzitter.iroj@{L}",
                    MembershipRole.CHAIR,
                    d(2022, 1, 1),
                    seat=(CAW, ""),
                    seat_role=SeatRole.HOLDER,
                ),
                Member(
                    f"ondersteuner@{L}",
                    MembershipRole.SUPPORTER,
                    d(2022, 1, 1),
                    organisation=WVG,
                ),
                Member(
                    f"voorzitter.overleg@{L}",
                    MembershipRole.MEMBER,
                    d(2022, 1, 1),
                    seat=(OUDERS, ""),
                    seat_role=SeatRole.HOLDER,
                    organisation=OUDERPLATFORM,
                ),
                Member(
                    f"paul.geerts@{L}",
                    MembershipRole.MEMBER,
                    d(2022, 9, 1),
                    seat=(VAPH, ""),
                    seat_role=SeatRole.HOLDER,
                ),
            ),
        ),
        BodySpec(
            name="Overleg Cliëntvertegenwoordigers",
            body_type=BodyType.CLIENT_REPRESENTATIVES,
            parent="IROJ Limburg",
            supporting_department=WVG,
            description=(
                "Cliëntvertegenwoordigers bereiden samen de IROJ-bijeenkomsten voor vanuit het "
                "cliëntperspectief."
            ),
            terms=(OCV_TERMS_V1, OCV_TERMS_V2),
            seats=(
                SeatSpec(OUDERS, places=2),
                SeatSpec(MINDERJARIGEN, places=2),
                SeatSpec(HANDICAP),
                SeatSpec(ARMOEDE),
                SeatSpec(MINDERHEDEN),
            ),
            members=(
                Member(
                    f"voorzitter.overleg@{L}",
                    MembershipRole.CHAIR,
                    d(2022, 1, 1),
                    seat=(OUDERS, ""),
                    seat_role=SeatRole.HOLDER,
                    organisation=OUDERPLATFORM,
                ),
                Member(
                    f"ondersteuner@{L}",
                    MembershipRole.SUPPORTER,
                    d(2022, 1, 1),
                    organisation=WVG,
                ),
                Member(
                    f"sofie.wouters@{L}",
                    MembershipRole.MEMBER,
                    d(2022, 3, 1),
                    seat=(OUDERS, ""),
                    seat_role=SeatRole.HOLDER,
                    organisation=OUDERPLATFORM,
                ),
                Member(
                    f"tom.gielen@{L}",
                    MembershipRole.MEMBER,
                    d(2023, 1, 15),
                    seat=(OUDERS, ""),
                    seat_role=SeatRole.SUBSTITUTE,
                    substitute_for=f"voorzitter.overleg@{L}",
                    organisation=OUDERPLATFORM,
                ),
                Member(
                    f"robbe.schepers@{L}",
                    MembershipRole.MEMBER,
                    d(2023, 9, 1),
                    seat=(MINDERJARIGEN, ""),
                    seat_role=SeatRole.HOLDER,
                    organisation=JONGERENRAAD,
                ),
                Member(
                    f"an.vrancken@{L}",
                    MembershipRole.MEMBER,
                    d(2022, 1, 1),
                    seat=(HANDICAP, ""),
                    seat_role=SeatRole.HOLDER,
                    organisation=HANDICAPPLATFORM,
                ),
                Member(
                    f"luc.cuypers@{L}",
                    MembershipRole.MEMBER,
                    d(2022, 6, 1),
                    seat=(ARMOEDE, ""),
                    seat_role=SeatRole.HOLDER,
                    organisation=ARMOEDEPLATFORM,
                ),
                # History: the seat for ethnic-cultural minorities is vacant since she left.
                Member(
                    f"fatma.yilmaz@{L}",
                    MembershipRole.MEMBER,
                    d(2022, 1, 1),
                    seat=(MINDERHEDEN, ""),
                    seat_role=SeatRole.HOLDER,
                    organisation=DIVERSITEIT,
                    ended_on=d(2023, 6, 30),
                    end_reason="Stopt als cliëntvertegenwoordiger (eigen keuze).",
                ),
                Member(BOTH, MembershipRole.GUEST, d(2024, 2, 1)),
            ),
            initiatives=(
                InitiativeSpec(
                    title="Themadag 'De stem van cliënten op de beleidstafels'",
                    taken_on=d(2023, 10, 14),
                    description=(
                        "Een themadag met cliëntvertegenwoordigers, ouders en jongeren over hoe "
                        "hun signalen op de beleidstafels komen en wat ermee gebeurt."
                    ),
                    parent_informed_on=d(2023, 11, 9),
                ),
                InitiativeSpec(
                    title="Bevraging van jongeren over hun ervaring met het cliëntoverleg",
                    taken_on=d(2024, 9, 16),
                    description=(
                        "Korte vragenlijst voor jongeren die een cliëntoverleg hebben meegemaakt: "
                        "werden ze gehoord, en wat kan beter?"
                    ),
                ),
            ),
        ),
        BodySpec(
            name="Kerngroep RTJ",
            body_type=BodyType.CORE_GROUP,
            parent="IROJ Limburg",
            supporting_department=WVG,
            description="Kerngroep rechtstreeks toegankelijke jeugdhulp (RTJ).",
            terms=(RTJ_TERMS,),
            seats=(
                SeatSpec(OUDERS),
                SeatSpec(MINDERJARIGEN),
                SeatSpec(CAW),
                SeatSpec(KG),
                SeatSpec(VAPH),
                SeatSpec(CGG),
                SeatSpec(JWW),
                SeatSpec(SWV_1G1P, places=3),
                SeatSpec(LIGANT),
                SeatSpec(GEMANDATEERD),
                SeatSpec(ACT),
                SeatSpec(LOKAAL),
            ),
            members=(
                Member(
                    f"voorzitter.rtj@{L}",
                    MembershipRole.CHAIR,
                    d(2021, 9, 1),
                    seat=(SWV_1G1P, ""),
                    seat_role=SeatRole.HOLDER,
                ),
                Member(
                    f"ondersteuner@{L}",
                    MembershipRole.SUPPORTER,
                    d(2021, 9, 1),
                    organisation=WVG,
                ),
                Member(
                    f"nele.bosmans@{L}",
                    MembershipRole.MEMBER,
                    d(2021, 9, 1),
                    seat=(SWV_1G1P, ""),
                    seat_role=SeatRole.HOLDER,
                ),
                Member(
                    f"sofie.wouters@{L}",
                    MembershipRole.MEMBER,
                    d(2022, 3, 1),
                    seat=(OUDERS, ""),
                    seat_role=SeatRole.HOLDER,
                    organisation=OUDERPLATFORM,
                ),
                Member(
                    f"kristof.vos@{L}",
                    MembershipRole.MEMBER,
                    d(2021, 9, 1),
                    seat=(CAW, ""),
                    seat_role=SeatRole.HOLDER,
                ),
                Member(
                    f"griet.maes@{L}",
                    MembershipRole.MEMBER,
                    d(2021, 9, 1),
                    seat=(KG, ""),
                    seat_role=SeatRole.HOLDER,
                ),
                Member(
                    f"dirk.hermans@{L}",
                    MembershipRole.MEMBER,
                    d(2022, 2, 1),
                    seat=(VAPH, ""),
                    seat_role=SeatRole.HOLDER,
                ),
                Member(
                    f"veerle.jacobs@{L}",
                    MembershipRole.MEMBER,
                    d(2021, 9, 1),
                    seat=(CGG, ""),
                    seat_role=SeatRole.HOLDER,
                ),
                Member(
                    f"wim.aerts@{L}",
                    MembershipRole.MEMBER,
                    d(2023, 4, 1),
                    seat=(JWW, ""),
                    seat_role=SeatRole.HOLDER,
                ),
                Member(
                    f"sarah.willems@{L}",
                    MembershipRole.MEMBER,
                    d(2021, 9, 1),
                    seat=(LIGANT, ""),
                    seat_role=SeatRole.HOLDER,
                ),
                Member(
                    f"jan.stevens@{L}",
                    MembershipRole.MEMBER,
                    d(2022, 5, 1),
                    seat=(GEMANDATEERD, ""),
                    seat_role=SeatRole.HOLDER,
                ),
                Member(
                    f"koen.vandeweyer@{L}",
                    MembershipRole.MEMBER,
                    d(2021, 9, 1),
                    seat=(ACT, ""),
                    seat_role=SeatRole.HOLDER,
                ),
                Member(
                    f"geert.nijs@{L}",
                    MembershipRole.MEMBER,
                    d(2021, 9, 1),
                    seat=(LOKAAL, ""),
                    seat_role=SeatRole.HOLDER,
                    ended_on=d(2022, 12, 31),
                    end_reason="Nieuwe functie buiten de jeugdhulp.",
                ),
                Member(
                    f"ann.bollen@{L}",
                    MembershipRole.MEMBER,
                    d(2023, 2, 1),
                    seat=(LOKAAL, ""),
                    seat_role=SeatRole.HOLDER,
                ),
            ),
            initiatives=(
                InitiativeSpec(
                    title="Gezamenlijke communicatie over het RTJ-aanbod in Limburg",
                    taken_on=d(2022, 4, 21),
                    description=(
                        "Eén overzicht van het RTJ-aanbod per regio, met heldere "
                        "bewegwijzering voor ouders, jongeren en doorverwijzers."
                    ),
                    parent_informed_on=d(2022, 5, 19),
                ),
                InitiativeSpec(
                    title="Vormingsaanbod 'kwaliteitsvol onthaal' voor RTJ-medewerkers",
                    taken_on=d(2024, 3, 7),
                    description="Een vormingsreeks over onthaal, voor alle sectoren samen.",
                ),
            ),
        ),
    ),
)

# --- Jeugdhulp Zuid-Limburg (Netherlands) -----------------------------------------------------

BESTUURLIJK = "Bestuurlijk overleg Jeugdhulp Zuid-Limburg"
JONGEREN = "jongeren"
OUDERS_NL = "ouders"
GEMEENTEN = "gemeenten"
INSTELLINGEN = "instellingen"

JZL = "Jeugdhulp Zuid-Limburg"
EXPERTISENETWERK = "Bovenregionaal Expertisenetwerk Limburg"
JONGERENPANEL = "Jongerenpanel Zuid-Limburg"
OUDERKRACHT = "Ouderkracht Zuid-Limburg"
GEMEENTE_MAASTRICHT = "Gemeente Maastricht"
GEMEENTE_HEERLEN = "Gemeente Heerlen"
GEMEENTE_SITTARD = "Gemeente Sittard-Geleen"

# Derived from seeds/004.
KERNGROEP_ZL_TERMS = Terms(
    decision_rule=DecisionRule.CONSENSUS,
    approved_by=BESTUURLIJK,
    approved_on=d(2023, 2, 15),
    objectives=(
        "De kerngroep heeft als doel om medio dit jaar een plan aan de regiogemeenten ter "
        "besluitvorming voor te leggen. Het plan geeft richting aan de gewenste ontwikkeling.\n"
        "- Een projectplan dat moet leiden tot een meerjarig proces (concreet, actiegericht, op "
        "verschillende niveaus en schaalgrootte)\n"
        "- Het cliëntenperspectief versterken: medezeggenschap moet leiden tot méér invloed\n"
        "- Ervaringskennis veel meer gebruiken dan nu het geval is"
    ),
    tasks=(
        "Om tot dit plan te komen is een bottom-up aanpak vereist. Ophalen, ophalen, ophalen … "
        "dat moet de nodige bouwstenen opleveren. Om het proces beheersbaar te houden focussen "
        "we op drie pijlers:\n"
        "- Pijler 1: Versterking van de reguliere (georganiseerde) medezeggenschap;\n"
        "- Pijler 2: Ontwikkelen van medezeggenschap op regionaal gemeentelijk niveau;\n"
        "- Pijler 3: Betrekken van de cliëntenpopulatie in de brede zin (empowerment).\n"
        "\n"
        "De kerngroep bereidt de kick-off van de beweging voor: een startbijeenkomst om de "
        "aanwezigen te informeren, inspireren, enthousiasmeren en een doorkijk te geven naar de "
        "follow-up."
    ),
    composition=(
        "Er is een kerngroep ingesteld met vertegenwoordigers van cliënten, gemeenten en "
        "instellingen.\n"
        "- cliënten: jongeren en ouders\n"
        "- gemeenten: de zestien Zuid-Limburgse gemeenten\n"
        "- instellingen: zorgaanbieders en andere samenwerkingspartners"
    ),
    cooperation=(
        "De kerngroep legt het plan ter besluitvorming voor aan de regiogemeenten. De inzet "
        "wordt gevoed vanuit het cliëntperspectief en verbindt de bestaande initiatieven "
        "(cliëntenraden, adviesraden en netwerkorganisaties)."
    ),
    mandate=(
        "De kerngroep neemt initiatieven die de cliënt- en jongerenparticipatie in Zuid-Limburg "
        "bevorderen, binnen het regionale beleidskader. Zij informeert hierover het "
        "Bestuurlijk overleg Jeugdhulp Zuid-Limburg."
    ),
)

ZUID_LIMBURG = RegionSpec(
    slug="zuid-limburg",
    name="Jeugdhulp Zuid-Limburg",
    country=Country.NETHERLANDS,
    timezone="Europe/Amsterdam",
    theme=Theme.ZUID_LIMBURG,
    department_name="Jeugdhulp Zuid-Limburg (16 gemeenten)",
    safety_contact_line="Veilig Thuis: 0800-2000 – gratis, dag en nacht",
    admin=f"beheerder@{Z}",
    region_roles=((f"beleid@{Z}", RegionRole.STAFF),),
    constituencies=(
        (JONGEREN, ConstituencyKind.CLIENTS, "Jongeren in de jeugdhulp."),
        (OUDERS_NL, ConstituencyKind.CLIENTS, "Ouders en andere naasten van jongeren."),
        (GEMEENTEN, ConstituencyKind.LOCAL_AUTHORITY, "De zestien Zuid-Limburgse gemeenten."),
        (
            INSTELLINGEN,
            ConstituencyKind.INSTITUTION,
            "Zorgaanbieders en andere samenwerkingspartners.",
        ),
    ),
    organisations=(
        (JZL, ""),
        (EXPERTISENETWERK, ""),
        (JONGERENPANEL, ""),
        (OUDERKRACHT, ""),
        (GEMEENTE_MAASTRICHT, ""),
        (GEMEENTE_HEERLEN, ""),
        (GEMEENTE_SITTARD, ""),
    ),
    bodies=(
        BodySpec(
            name=BESTUURLIJK,
            body_type=BodyType.STEERING,
            description=(
                "Het overleg van de zestien Zuid-Limburgse gemeenten, verantwoordelijk voor de "
                "jeugdhulp in de regio."
            ),
            seats=(
                SeatSpec(GEMEENTEN, label="Maastricht-Heuvelland"),
                SeatSpec(GEMEENTEN, label="Parkstad"),
                SeatSpec(GEMEENTEN, label="Westelijke Mijnstreek"),
                # Pillar 2 of seeds/004: co-decision at the level of the regional municipalities.
                SeatSpec(JONGEREN),
            ),
            members=(
                Member(
                    f"voorzitter.bestuurlijk@{Z}",
                    MembershipRole.CHAIR,
                    d(2022, 5, 1),
                    seat=(GEMEENTEN, "Maastricht-Heuvelland"),
                    seat_role=SeatRole.HOLDER,
                    organisation=GEMEENTE_MAASTRICHT,
                ),
                Member(
                    f"beleid@{Z}",
                    MembershipRole.SUPPORTER,
                    d(2022, 5, 1),
                    organisation=JZL,
                ),
                Member(
                    f"huub.hamers@{Z}",
                    MembershipRole.MEMBER,
                    d(2022, 5, 1),
                    seat=(GEMEENTEN, "Parkstad"),
                    seat_role=SeatRole.HOLDER,
                    organisation=GEMEENTE_HEERLEN,
                ),
                Member(
                    f"anja.coenen@{Z}",
                    MembershipRole.MEMBER,
                    d(2022, 5, 1),
                    seat=(GEMEENTEN, "Westelijke Mijnstreek"),
                    seat_role=SeatRole.HOLDER,
                    organisation=GEMEENTE_SITTARD,
                ),
            ),
        ),
        BodySpec(
            name="Kerngroep Cliënt- en Jongerenparticipatie",
            body_type=BodyType.CORE_GROUP,
            parent=BESTUURLIJK,
            description=(
                "Kerngroep met vertegenwoordigers van cliënten, gemeenten en instellingen die "
                "het participatietraject 2023-2028 vormgeeft."
            ),
            terms=(KERNGROEP_ZL_TERMS,),
            seats=(
                SeatSpec(JONGEREN, places=2),
                SeatSpec(OUDERS_NL, places=2),
                SeatSpec(GEMEENTEN, places=2),
                SeatSpec(INSTELLINGEN, places=2),
            ),
            members=(
                Member(
                    f"voorzitter.kerngroep@{Z}",
                    MembershipRole.CHAIR,
                    d(2023, 1, 9),
                    organisation=JZL,
                ),
                Member(
                    f"ondersteuner@{Z}",
                    MembershipRole.SUPPORTER,
                    d(2023, 1, 9),
                    organisation=JZL,
                ),
                Member(
                    f"noah.bemelmans@{Z}",
                    MembershipRole.MEMBER,
                    d(2023, 1, 9),
                    seat=(JONGEREN, ""),
                    seat_role=SeatRole.HOLDER,
                    organisation=JONGERENPANEL,
                ),
                Member(
                    f"linda.frijns@{Z}",
                    MembershipRole.MEMBER,
                    d(2023, 1, 9),
                    seat=(OUDERS_NL, ""),
                    seat_role=SeatRole.HOLDER,
                    organisation=OUDERKRACHT,
                ),
                Member(
                    f"esther.wetzels@{Z}",
                    MembershipRole.MEMBER,
                    d(2023, 3, 1),
                    seat=(OUDERS_NL, ""),
                    seat_role=SeatRole.HOLDER,
                ),
                Member(
                    f"bas.ramakers@{Z}",
                    MembershipRole.MEMBER,
                    d(2023, 1, 9),
                    seat=(GEMEENTEN, ""),
                    seat_role=SeatRole.HOLDER,
                    organisation=GEMEENTE_HEERLEN,
                ),
                Member(
                    f"ilse.houben@{Z}",
                    MembershipRole.MEMBER,
                    d(2023, 1, 9),
                    seat=(GEMEENTEN, ""),
                    seat_role=SeatRole.HOLDER,
                    organisation=GEMEENTE_MAASTRICHT,
                ),
                Member(
                    f"karin.schreurs@{Z}",
                    MembershipRole.MEMBER,
                    d(2023, 1, 9),
                    seat=(INSTELLINGEN, ""),
                    seat_role=SeatRole.HOLDER,
                ),
                Member(
                    f"maurice.notermans@{Z}",
                    MembershipRole.MEMBER,
                    d(2023, 1, 9),
                    seat=(INSTELLINGEN, ""),
                    seat_role=SeatRole.HOLDER,
                ),
                Member(
                    BOTH,
                    MembershipRole.MEMBER,
                    d(2023, 9, 1),
                    organisation=EXPERTISENETWERK,
                ),
            ),
            initiatives=(
                InitiativeSpec(
                    title="Startconferentie Cliënt- en jongerenparticipatie in Kerkrade",
                    taken_on=d(2023, 6, 7),
                    description=(
                        "Startconferentie in het Flexiforum in Kerkrade met zo'n 200 cliënten, "
                        "jongeren en vertegenwoordigers van gemeenten en instellingen."
                    ),
                    parent_informed_on=d(2023, 6, 29),
                ),
                InitiativeSpec(
                    title="Ophaalronde bij bestaande cliëntenraden en adviesraden",
                    taken_on=d(2024, 4, 15),
                    description=(
                        "Gesprekken met cliëntenraden, adviesraden en netwerkorganisaties als "
                        "bouwstenen voor het plan van aanpak."
                    ),
                ),
            ),
        ),
    ),
)

REGIONS: tuple[RegionSpec, ...] = (IROJ_LIMBURG, ZUID_LIMBURG)

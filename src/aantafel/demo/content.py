"""The demo data of `manage.py load_demo`: the two regions of the source documents (seeds/).

Only data lives here; `loader.py` writes it through the services. The texts of the terms of
reference are those of the seeds (bullets as lines starting with "- "). The people are fictional;
their addresses use the reserved .example domain.

Every date of section 1 lies in the past, so the services' rules on dates (no approval in the
future, no "parent informed" in the future) hold whatever day the command runs. The meetings
(section 2, at the end) have no dates: `meetings.py` counts them back from the day the command
runs, following each body's monthly rhythm.
"""

import datetime
from dataclasses import dataclass, field, replace

from aantafel.bodies.models import (
    BodyType,
    ConstituencyKind,
    DecisionRule,
    MembershipRole,
    SeatRole,
)
from aantafel.meetings.models import ActionStatus, DecisionOutcome, ItemType, Stance
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


# --- Meetings (M1–M10) ------------------------------------------------------------------------


@dataclass(frozen=True)
class PositionSpec:
    """B6/M8: a constituency's own position beside a decision."""

    constituency: str
    stance: str
    statement: str = ""


@dataclass(frozen=True)
class DecisionSpec:
    text: str
    outcome: str = DecisionOutcome.AGREED
    positions: tuple[PositionSpec, ...] = ()
    # Under majority rule: for, against, abstained.
    votes: tuple[int, int, int] | None = None


@dataclass(frozen=True)
class ActionSpec:
    """M9. Due `due_days` after the meeting. Without a status the action is done once its due
    date has passed and open before; "open" keeps it open after its due date (overdue)."""

    title: str
    owner: str
    due_days: int
    theme: str = ""
    status: str = ""
    note: str = ""
    description: str = ""


@dataclass(frozen=True)
class ItemSpec:
    """M4, and what became of the item at the meeting. Titles are unique within a meeting."""

    title: str
    item_type: str
    explanation: str = ""
    client_impact: str = ""
    presenter: str = ""
    minutes: int = 20
    confidential: bool = False
    notes: str = ""
    decision: DecisionSpec | None = None
    actions: tuple[ActionSpec, ...] = ()
    # M2: brought in by this member as an item proposal, accepted by the supporter.
    proposed_by: str = ""
    # M3: added at the meeting itself; the approval of the meeting as recorded.
    added_at_meeting: str = ""


@dataclass(frozen=True)
class MeetingSpec:
    title: str
    items: tuple[ItemSpec, ...] = ()
    apologies: tuple[str, ...] = ()
    # Invited but never answered (recorded absent).
    no_answer: tuple[str, ...] = ()
    # Said they would come but were not there.
    absent: tuple[str, ...] = ()
    # Of a meeting to come: who has answered so far (the others have not yet).
    answered: tuple[str, ...] = ()
    # M10: amendments made when this meeting approved the previous minutes.
    amendments: str = ""
    # M7: the opening of the report-back; its decisions and actions follow.
    report_back: str = ""


@dataclass(frozen=True)
class ProposalSpec:
    """M2: an item a member has just brought in for the meeting to come."""

    submitted_by: str
    title: str
    explanation: str
    desired_type: str = ItemType.DISCUSSION


@dataclass(frozen=True)
class BodyMeetings:
    """A body's year of meetings: its monthly rhythm ("2nd Tuesday, 13:30"), the meetings it
    held (oldest first) and the one to come."""

    body: str
    weekday: int  # Monday is 0
    week: int  # 1–4: the week of the month
    start: datetime.time
    duration_minutes: int
    location: str
    online_url: str = ""
    # On every agenda, before and after the meeting's own items.
    opening_items: tuple[ItemSpec, ...] = ()
    closing_items: tuple[ItemSpec, ...] = ()
    held: tuple[MeetingSpec, ...] = ()
    upcoming: MeetingSpec | None = None
    publish_upcoming: bool = True
    proposal: ProposalSpec | None = None
    # M7: who reports back to the parent body, in turn, meeting by meeting.
    reporters: tuple[str, ...] = ()


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
    # Themes of the regional plan (M9): name, description.
    plan_themes: tuple[tuple[str, str], ...] = ()
    meetings: tuple[BodyMeetings, ...] = ()
    # S1: who hears of a signal flagged as a safety concern at once.
    safeguarding_email: str = ""


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

# Fictional: the working agreements of the IROJ itself, so its meetings have a decision rule (B6).
IROJ_TERMS = Terms(
    decision_rule=DecisionRule.CONSENSUS,
    approved_by="IROJ Limburg",
    approved_on=d(2022, 1, 20),
    objectives=(
        "IROJ Limburg is het intersectoraal regionaal overleg jeugdhulp van de provincie "
        "Limburg. Het stemt het jeugdhulpaanbod van de sectoren op elkaar af en werkt het "
        "regioplan uit, met de cliëntvertegenwoordigers aan tafel."
    ),
    tasks=(
        "- Het regioplan opstellen, opvolgen en jaarlijks bijsturen\n"
        "- Signalen van cliënten, sectoren en werkgroepen bespreken en opvolgen\n"
        "- De kerngroepen en werkgroepen van de regio aansturen"
    ),
    mandate=(
        "IROJ Limburg beslist over het regioplan en de werking van zijn kerngroepen en "
        "werkgroepen, binnen het kader van het decreet integrale jeugdhulp."
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
    safeguarding_email=f"veiligheid@{L}",
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
            terms=(IROJ_TERMS,),
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

# Fictional: the municipalities decide by majority, one vote per subregion (B6).
BESTUURLIJK_TERMS = Terms(
    decision_rule=DecisionRule.MAJORITY,
    approved_by="Colleges van de zestien Zuid-Limburgse gemeenten",
    approved_on=d(2022, 4, 14),
    objectives=(
        "Het bestuurlijk overleg geeft samen invulling aan de jeugdhulp waarvoor de zestien "
        "Zuid-Limburgse gemeenten verantwoordelijk zijn."
    ),
    tasks=(
        "- Het regionale beleidskader jeugdhulp vaststellen en de uitvoering volgen\n"
        "- Besluiten over de regionale inkoop en de gezamenlijke budgetten\n"
        "- Het participatietraject aansturen via de kerngroep"
    ),
    mandate=(
        "Elke subregio (Maastricht-Heuvelland, Parkstad, Westelijke Mijnstreek) heeft één "
        "stem; een voorstel is aangenomen als meer stemmen voor dan tegen zijn."
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
    safeguarding_email=f"veiligheid@{Z}",
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
            terms=(BESTUURLIJK_TERMS,),
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


# --- Section 2: a year of meetings ------------------------------------------------------------
# The meetings each body held in the last twelve months, oldest first, and the one to come
# (see meetings.py for the dates). The texts are fictional but follow the seeds: monitoring and
# communication of RTJ, 1 gezin 1 plan, waiting lists, client participation, the theme day.

# Texts the loader puts together (data, so they stay Dutch like the rest of the demo).
REPORT_BACK_TITLE = "Terugkoppeling {body} van {date}"
REPORT_BACK_INTRO = "Uit de vergadering '{title}':"
REPORT_BACK_DECISIONS = "Besluiten:"
REPORT_BACK_ACTIONS = "Afgesproken acties:"
MINUTES_CLOSING = "<p><em>Verslag: {supporter}.</em></p>"

# People of the meetings below.
ELS = f"ondersteuner@{L}"
MARC = f"voorzitter.iroj@{L}"
HILDE = f"voorzitter.overleg@{L}"
BART = f"voorzitter.rtj@{L}"
SOFIE = f"sofie.wouters@{L}"
ROBBE = f"robbe.schepers@{L}"
AN = f"an.vrancken@{L}"
LUC = f"luc.cuypers@{L}"
NELE = f"nele.bosmans@{L}"
KRISTOF = f"kristof.vos@{L}"
GRIET = f"griet.maes@{L}"
DIRK = f"dirk.hermans@{L}"
VEERLE = f"veerle.jacobs@{L}"
WIM = f"wim.aerts@{L}"
SARAH = f"sarah.willems@{L}"
JAN = f"jan.stevens@{L}"
KOEN = f"koen.vandeweyer@{L}"
ANN = f"ann.bollen@{L}"
PAUL = f"paul.geerts@{L}"
JEROEN = f"beleid@{Z}"
SANNE = f"ondersteuner@{Z}"
RUUD = f"voorzitter.kerngroep@{Z}"
PETRA = f"voorzitter.bestuurlijk@{Z}"
HUUB = f"huub.hamers@{Z}"
ANJA = f"anja.coenen@{Z}"
NOAH = f"noah.bemelmans@{Z}"
LINDA = f"linda.frijns@{Z}"
ESTHER = f"esther.wetzels@{Z}"
BAS = f"bas.ramakers@{Z}"
ILSE = f"ilse.houben@{Z}"
KARIN = f"karin.schreurs@{Z}"
MAURICE = f"maurice.notermans@{Z}"

# Plan themes (M9).
RTJ = "Rechtstreeks toegankelijke jeugdhulp"
PARTICIPATIE = "Participatie"
WACHTLIJSTEN = "Wachtlijsten"
EEN_GEZIN = "1 gezin 1 plan"
PIJLER_1 = "Pijler 1: georganiseerde medezeggenschap"
PIJLER_2 = "Pijler 2: medezeggenschap op regionaal niveau"
PIJLER_3 = "Pijler 3: empowerment"

INFO, DISCUSSION, DECISION, ADVICE = (
    ItemType.INFORMATION,
    ItemType.DISCUSSION,
    ItemType.DECISION,
    ItemType.ADVICE,
)
AGREED, RESERVED = DecisionOutcome.AGREED, DecisionOutcome.AGREED_WITH_RESERVATIONS

HASSELT = "Provinciehuis Limburg, Universiteitslaan 1, Hasselt"
VAC = "Vlaams Administratief Centrum, Koningin Astridlaan 50, Hasselt"
HEERLEN = "Regiokantoor Jeugdhulp Zuid-Limburg, Heerlen"

# --- IROJ Limburg -------------------------------------------------------------------------------

IROJ_MEETINGS = BodyMeetings(
    body="IROJ Limburg",
    weekday=3,
    week=3,
    start=datetime.time(9, 30),
    duration_minutes=150,
    location=HASSELT,
    opening_items=(
        ItemSpec(
            "Mededelingen", INFO, "Korte mededelingen van de voorzitter en de sectoren.", minutes=10
        ),
    ),
    held=(
        MeetingSpec(
            "IROJ Limburg – prioriteiten van het werkjaar",
            items=(
                ItemSpec(
                    "Prioriteiten regioplan",
                    DECISION,
                    "Voorstel om het komende werkjaar drie prioriteiten voorop te zetten.",
                    client_impact=(
                        "De prioriteiten bepalen waar de regio dit jaar tijd en middelen in "
                        "steekt. De cliëntvertegenwoordigers vroegen om de wachtlijsten er "
                        "uitdrukkelijk in op te nemen."
                    ),
                    presenter=MARC,
                    minutes=40,
                    notes=(
                        "De voorzitter licht het voorstel toe.\n"
                        "Hilde Peeters vraagt namens het Overleg Cliëntvertegenwoordigers om bij "
                        "elke prioriteit te vermelden hoe cliënten betrokken worden."
                    ),
                    decision=DecisionSpec(
                        "IROJ Limburg zet dit werkjaar drie prioriteiten voorop: rechtstreeks "
                        "toegankelijke jeugdhulp, de wachtlijsten en de participatie van "
                        "cliënten."
                    ),
                    actions=(
                        ActionSpec(
                            "Regioplan bijwerken met de drie prioriteiten en rondsturen",
                            ELS,
                            21,
                            theme=PARTICIPATIE,
                        ),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "IROJ Limburg – wachtlijsten",
            items=(
                ItemSpec(
                    "Stand van zaken wachtlijsten",
                    INFO,
                    "De sectoren brengen hun cijfers over wachttijden mee.",
                    presenter=PAUL,
                    notes=(
                        "De cijfers zijn moeilijk te vergelijken: elke sector telt anders.\n"
                        "Vooral voor jongeren met een dubbele problematiek is de wachttijd lang."
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "IROJ Limburg – advies over het regioplan",
            items=(
                ItemSpec(
                    "Advies Overleg Cliëntvertegenwoordigers over het regioplan",
                    ADVICE,
                    "Het Overleg Cliëntvertegenwoordigers bracht een advies uit over het regioplan.",
                    client_impact=(
                        "Met dit advies staat in elk actiepunt wie de ouders en jongeren erbij "
                        "betrekt, en wanneer."
                    ),
                    presenter=HILDE,
                    minutes=30,
                    notes="Het advies wordt goed onthaald. De sectoren vragen tijd om het uit te werken.",
                    decision=DecisionSpec(
                        "IROJ Limburg neemt het advies over: in elk actiepunt van het regioplan "
                        "staat voortaan hoe en wanneer cliënten betrokken worden."
                    ),
                    actions=(
                        ActionSpec(
                            "Actiepunten van het regioplan aanvullen met de betrokkenheid van cliënten",
                            ELS,
                            45,
                            theme=PARTICIPATIE,
                        ),
                    ),
                ),
            ),
            apologies=(PAUL,),
        ),
        MeetingSpec(
            "IROJ Limburg – 1 gezin 1 plan",
            items=(
                ItemSpec(
                    "Stand van zaken samenwerkingsverbanden 1G1P",
                    INFO,
                    "Hoe ver staan de bovenlokale samenwerkingsverbanden 1 gezin 1 plan?",
                    notes=(
                        "Alle samenwerkingsverbanden werken met een gezinscoach.\n"
                        "Gezinnen zeggen dat ze hun verhaal minder vaak moeten herhalen."
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "IROJ Limburg – themadag cliëntparticipatie",
            items=(
                ItemSpec(
                    "Voorstel themadag 'De stem van cliënten'",
                    DECISION,
                    "Het Overleg Cliëntvertegenwoordigers wil een nieuwe themadag organiseren.",
                    client_impact=(
                        "Ouders en jongeren kunnen op de themadag zelf vertellen wat er met hun "
                        "signalen gebeurt, rechtstreeks aan wie beslist."
                    ),
                    presenter=HILDE,
                    decision=DecisionSpec(
                        "IROJ Limburg steunt de themadag, organiseert hem samen met het Overleg "
                        "Cliëntvertegenwoordigers en stelt een zaal in het provinciehuis ter "
                        "beschikking."
                    ),
                    actions=(
                        ActionSpec(
                            "Zaal in het provinciehuis vastleggen", ELS, 14, theme=PARTICIPATIE
                        ),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "IROJ Limburg – crisisjeugdhulp",
            items=(
                ItemSpec(
                    "Signalen uit de crisisjeugdhulp",
                    DISCUSSION,
                    "Het crisismeldpunt ziet meer aanmeldingen van jongeren zonder opvolging.",
                    presenter=PAUL,
                    notes="Afgesproken om het signaal mee te nemen in de aanpak van de wachtlijsten.",
                ),
            ),
        ),
        MeetingSpec(
            "IROJ Limburg – jaarverslag",
            items=(
                ItemSpec(
                    "Jaarverslag IROJ Limburg",
                    DECISION,
                    "Het ontwerp van het jaarverslag ligt voor.",
                    client_impact="Het jaarverslag toont ook welke signalen van cliënten werden opgevolgd.",
                    decision=DecisionSpec("Het jaarverslag wordt goedgekeurd."),
                ),
            ),
        ),
        MeetingSpec(
            "IROJ Limburg – aanpak wachtlijsten",
            items=(
                ItemSpec(
                    "Gezamenlijke aanpak wachtlijsten",
                    DECISION,
                    "Voorstel om wachtlijsten voortaan op één manier te tellen en elk kwartaal te bespreken.",
                    client_impact=(
                        "Ouders die wachten krijgen zo een eerlijker beeld van hoe lang het "
                        "duurt, en de regio ziet waar het vastloopt."
                    ),
                    presenter=PAUL,
                    minutes=40,
                    decision=DecisionSpec(
                        "De sectoren leveren hun wachtlijstcijfers voortaan elk kwartaal op "
                        "dezelfde manier aan; IROJ bespreekt ze elk kwartaal."
                    ),
                    actions=(
                        ActionSpec(
                            "Wachtlijstcijfers per sector op één manier aanleveren",
                            PAUL,
                            30,
                            theme=WACHTLIJSTEN,
                            status=ActionStatus.OPEN,
                        ),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "IROJ Limburg – RTJ-wegwijzer",
            items=(
                ItemSpec(
                    "Voorstelling RTJ-wegwijzer",
                    INFO,
                    "De Kerngroep RTJ stelt de wegwijzer voor het rechtstreeks toegankelijke aanbod voor.",
                    notes="Positief onthaal. Vraag om de wegwijzer ook te verspreiden via scholen en huisartsen.",
                ),
            ),
            apologies=(HILDE,),
        ),
        MeetingSpec(
            "IROJ Limburg – ondersteuning van cliëntvertegenwoordigers",
            items=(
                ItemSpec(
                    "Werkingsmiddelen voor cliëntparticipatie",
                    DECISION,
                    "Voorstel om een deel van de werkingsmiddelen te gebruiken voor de vergoeding "
                    "en vorming van cliëntvertegenwoordigers.",
                    client_impact=(
                        "Ouders en jongeren die meedenken krijgen hun onkosten terug en kunnen "
                        "een vorming volgen."
                    ),
                    presenter=HILDE,
                    decision=DecisionSpec(
                        "IROJ Limburg trekt werkingsmiddelen uit voor onkostenvergoeding en "
                        "vorming van cliëntvertegenwoordigers."
                    ),
                    actions=(
                        ActionSpec(
                            "Regeling onkostenvergoeding uitschrijven", ELS, 60, theme=PARTICIPATIE
                        ),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "IROJ Limburg – evaluatie van het werkjaar",
            items=(
                ItemSpec(
                    "Evaluatie van het werkjaar",
                    DISCUSSION,
                    "Wat hebben we bereikt met de drie prioriteiten, en wat nemen we mee?",
                    minutes=45,
                    notes=(
                        "De wegwijzer en de monitoring van RTJ zijn op de rails.\n"
                        "De wachtlijsten blijven de grootste zorg."
                    ),
                ),
            ),
        ),
    ),
    upcoming=MeetingSpec(
        "IROJ Limburg – actieplan volgend werkjaar",
        items=(
            ItemSpec(
                "Ontwerp actieplan volgend werkjaar",
                DISCUSSION,
                "Eerste bespreking van het actieplan, met de inbreng van de kerngroepen en het "
                "Overleg Cliëntvertegenwoordigers.",
                presenter=MARC,
                minutes=45,
            ),
        ),
        answered=(MARC, HILDE),
    ),
    proposal=ProposalSpec(
        HILDE,
        "Vergoeding voor cliëntvertegenwoordigers in werkgroepen",
        "Cliëntvertegenwoordigers die aan werkgroepen deelnemen krijgen nog geen vergoeding. "
        "Kunnen we de nieuwe regeling ook voor hen laten gelden?",
        ItemType.DECISION,
    ),
)

# --- Overleg Cliëntvertegenwoordigers (consensus with reservation) ------------------------------

OCV_MEETINGS = BodyMeetings(
    body="Overleg Cliëntvertegenwoordigers",
    weekday=0,
    week=1,
    start=datetime.time(19, 0),
    duration_minutes=120,
    location=VAC,
    online_url="https://vergaderen.iroj-limburg.example/overleg-clientvertegenwoordigers",
    opening_items=(
        ItemSpec(
            "Signalen uit de achterban",
            INFO,
            "Elke vertegenwoordiger brengt kort mee wat hij of zij hoorde.",
            minutes=20,
        ),
    ),
    reporters=(HILDE,),
    held=(
        MeetingSpec(
            "Voorbereiding IROJ: het regioplan",
            items=(
                ItemSpec(
                    "Regioplan IROJ: wat vinden cliënten belangrijk?",
                    DISCUSSION,
                    "Welke punten willen we vanuit het cliëntperspectief in het regioplan zien?",
                    minutes=40,
                    notes=(
                        "Ouders: minder wachten en één aanspreekpunt.\n"
                        "Jongeren: inspraak in hun eigen hulp, ook na hun 18 jaar.\n"
                        "Armoede: hulp mag niets kosten en moet bereikbaar zijn met het openbaar "
                        "vervoer."
                    ),
                ),
                ItemSpec(
                    "Werkafspraken voor het werkjaar",
                    DECISION,
                    "Hoe bereiden we de IROJ-vergaderingen voor en hoe koppelen we terug?",
                    client_impact="Elke achterban weet vooraf wat op het IROJ besproken wordt.",
                    decision=DecisionSpec(
                        "We bereiden elke IROJ-vergadering voor in het overleg ervoor; Hilde "
                        "Peeters koppelt terug naar IROJ en brengt het antwoord terug."
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Advies over het regioplan",
            items=(
                ItemSpec(
                    "Advies aan IROJ over het regioplan",
                    ADVICE,
                    "Ontwerp van advies op basis van de bespreking vorige maand.",
                    client_impact=(
                        "Het advies vraagt dat bij elk actiepunt van het regioplan staat hoe "
                        "ouders en jongeren erbij betrokken worden."
                    ),
                    presenter=HILDE,
                    minutes=40,
                    notes=(
                        "Robbe Schepers mist het aanbod voor jongeren van 16 tot 18 jaar in het "
                        "advies. Het wordt toegevoegd als aandachtspunt."
                    ),
                    decision=DecisionSpec(
                        "Het overleg brengt het advies over het regioplan uit aan IROJ Limburg.",
                        outcome=RESERVED,
                        positions=(
                            PositionSpec(OUDERS, Stance.AGREES),
                            PositionSpec(
                                MINDERJARIGEN,
                                Stance.RESERVATION,
                                "Akkoord, maar de jongeren willen dat het aanbod voor 16- tot "
                                "18-jarigen een eigen actiepunt wordt, en niet alleen een "
                                "aandachtspunt.",
                            ),
                            PositionSpec(HANDICAP, Stance.AGREES),
                            PositionSpec(ARMOEDE, Stance.AGREES),
                        ),
                    ),
                    actions=(
                        ActionSpec(
                            "Advies bezorgen aan IROJ Limburg", HILDE, 10, theme=PARTICIPATIE
                        ),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Ervaringen met het cliëntoverleg",
            items=(
                ItemSpec(
                    "Resultaten bevraging jongeren over het cliëntoverleg",
                    DISCUSSION,
                    "De Jongerenraad bevroeg jongeren die een cliëntoverleg meemaakten.",
                    client_impact=(
                        "Jongeren voelen zich niet altijd gehoord in het cliëntoverleg. Wat we "
                        "hier afspreken, moet dat verbeteren."
                    ),
                    presenter=ROBBE,
                    minutes=40,
                    notes=(
                        "De meeste jongeren wisten niet dat ze zelf een cliëntoverleg konden "
                        "aanvragen.\n"
                        "Ze willen vooraf weten wie er aan tafel zit, en een vertrouwenspersoon "
                        "kunnen meebrengen."
                    ),
                    actions=(
                        ActionSpec(
                            "Resultaten van de bevraging delen met de voorzitters van het cliëntoverleg",
                            ROBBE,
                            30,
                            theme=PARTICIPATIE,
                        ),
                    ),
                ),
            ),
            apologies=(HILDE,),
        ),
        MeetingSpec(
            "Themadag voorbereiden",
            items=(
                ItemSpec(
                    "Themadag cliëntparticipatie: opzet",
                    DECISION,
                    "Voorstel voor een themadag met ouders, jongeren en beleidsmakers.",
                    client_impact=(
                        "Ouders en jongeren kunnen hun ervaringen zelf vertellen aan de mensen "
                        "die over de jeugdhulp beslissen."
                    ),
                    presenter=SOFIE,
                    minutes=45,
                    notes=(
                        "De themadag valt op een zaterdag, zodat jongeren niet van school moeten "
                        "wegblijven.\n"
                        "Luc Cuypers wijst erop dat gezinnen in armoede vaak afhaken door de "
                        "verplaatsingskosten."
                    ),
                    decision=DecisionSpec(
                        "Het overleg organiseert een themadag 'De stem van cliënten op de "
                        "beleidstafels' op een zaterdag in het provinciehuis.",
                        outcome=RESERVED,
                        positions=(
                            PositionSpec(OUDERS, Stance.AGREES),
                            PositionSpec(MINDERJARIGEN, Stance.AGREES),
                            PositionSpec(HANDICAP, Stance.AGREES),
                            PositionSpec(
                                ARMOEDE,
                                Stance.RESERVATION,
                                "Akkoord op voorwaarde dat deelname gratis is en de "
                                "verplaatsingskosten worden terugbetaald; anders kunnen "
                                "gezinnen in armoede niet komen.",
                            ),
                        ),
                    ),
                    actions=(
                        ActionSpec(
                            "Getuigenissen van ouders en jongeren verzamelen",
                            SOFIE,
                            40,
                            theme=PARTICIPATIE,
                        ),
                        ActionSpec(
                            "Terugbetaling van verplaatsingskosten regelen",
                            ELS,
                            30,
                            theme=PARTICIPATIE,
                        ),
                    ),
                ),
            ),
            absent=(AN,),
        ),
        MeetingSpec(
            "Wachten op hulp",
            items=(
                ItemSpec(
                    "Wachten op hulp: verhalen uit de achterban",
                    DISCUSSION,
                    "Wat betekent wachten voor gezinnen, en wat vragen we aan IROJ?",
                    presenter=LUC,
                    minutes=45,
                    notes=(
                        "Gezinnen horen vaak maandenlang niets nadat ze zich hebben aangemeld.\n"
                        "Een ouder: 'Het wachten zelf is niet het ergste, wel dat niemand zegt "
                        "hoe lang het nog duurt.'"
                    ),
                    decision=DecisionSpec(
                        "Het overleg bundelt de verhalen in een signaalnota over de wachtlijsten "
                        "voor IROJ Limburg.",
                        positions=(
                            PositionSpec(OUDERS, Stance.AGREES),
                            PositionSpec(MINDERJARIGEN, Stance.AGREES),
                            PositionSpec(HANDICAP, Stance.AGREES),
                            PositionSpec(ARMOEDE, Stance.AGREES),
                        ),
                    ),
                    actions=(
                        ActionSpec(
                            "Signaalnota wachtlijsten schrijven",
                            LUC,
                            45,
                            theme=WACHTLIJSTEN,
                            status=ActionStatus.OPEN,
                        ),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Programma themadag",
            items=(
                ItemSpec(
                    "Programma themadag",
                    DECISION,
                    "Ontwerp van programma met getuigenissen, tafelgesprekken en een panel.",
                    client_impact="Het programma laat ouders en jongeren eerst aan het woord.",
                    presenter=SOFIE,
                    decision=DecisionSpec(
                        "Het programma wordt goedgekeurd: getuigenissen in de voormiddag, "
                        "tafelgesprekken met beleidsmakers in de namiddag."
                    ),
                ),
                ItemSpec(
                    "Vacature vertegenwoordiger etnisch-culturele minderheden",
                    DISCUSSION,
                    "De zetel is nog altijd vrij. Hoe vinden we een nieuwe vertegenwoordiger?",
                    notes="Voorstel om het Platform Diversiteit Limburg opnieuw te contacteren.",
                    actions=(
                        ActionSpec(
                            "Platform Diversiteit Limburg contacteren voor een nieuwe vertegenwoordiger",
                            HILDE,
                            30,
                            theme=PARTICIPATIE,
                        ),
                    ),
                    proposed_by=AN,
                ),
            ),
        ),
        MeetingSpec(
            "Evaluatie themadag",
            items=(
                ItemSpec(
                    "Evaluatie themadag",
                    DISCUSSION,
                    "Hoe liep de themadag, en wat nemen we mee naar IROJ?",
                    presenter=SOFIE,
                    notes=(
                        "Ruim 80 deelnemers, van wie een derde ouders en jongeren.\n"
                        "De terugbetaling van verplaatsingskosten werkte: ook gezinnen uit "
                        "armoede waren er."
                    ),
                    decision=DecisionSpec(
                        "De vijf belangrijkste opvolgpunten van de themadag gaan naar IROJ Limburg."
                    ),
                ),
            ),
            amendments="Bij 'Programma themadag': de getuigenissen vinden in de voormiddag plaats, niet in de namiddag.",
        ),
        MeetingSpec(
            "1 gezin 1 plan vanuit cliëntperspectief",
            items=(
                ItemSpec(
                    "Feedback op 1 gezin 1 plan",
                    ADVICE,
                    "Het overleg treedt op als reflectiekader voor 1 gezin 1 plan.",
                    client_impact=(
                        "Gezinnen moeten één plan hebben voor al hun hulp, niet één plan per "
                        "dienst."
                    ),
                    minutes=40,
                    notes="Ouders zijn tevreden over de gezinscoach, maar weten niet altijd wie dat is.",
                    decision=DecisionSpec(
                        "Het overleg adviseert dat elk gezin bij de start een naam en een "
                        "telefoonnummer krijgt van zijn vaste aanspreekpunt.",
                        outcome=RESERVED,
                        positions=(
                            PositionSpec(OUDERS, Stance.AGREES),
                            PositionSpec(MINDERJARIGEN, Stance.AGREES),
                            PositionSpec(
                                HANDICAP,
                                Stance.RESERVATION,
                                "Voor gezinnen met een kind met een handicap moet het plan ook "
                                "de VAPH-ondersteuning omvatten; anders blijven het twee plannen.",
                            ),
                            PositionSpec(ARMOEDE, Stance.AGREES),
                        ),
                    ),
                ),
            ),
            apologies=(ROBBE,),
        ),
        MeetingSpec(
            "RTJ-wegwijzer nalezen",
            items=(
                ItemSpec(
                    "Teksten RTJ-wegwijzer in eenvoudige taal",
                    DECISION,
                    "De Kerngroep RTJ vraagt ons de teksten van de wegwijzer na te lezen.",
                    client_impact="Ouders en jongeren moeten de wegwijzer zonder hulp kunnen lezen.",
                    presenter=SOFIE,
                    decision=DecisionSpec(
                        "Het overleg leest de teksten na; twee leden testen de wegwijzer met "
                        "ouders en jongeren uit hun achterban."
                    ),
                    actions=(
                        ActionSpec(
                            "Wegwijzer testen met jongeren van de Jongerenraad",
                            ROBBE,
                            28,
                            theme=RTJ,
                        ),
                        ActionSpec(
                            "Wegwijzer testen met ouders van het Ouderplatform",
                            SOFIE,
                            28,
                            theme=RTJ,
                        ),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Ondersteuning van cliëntvertegenwoordigers",
            items=(
                ItemSpec(
                    "Wat hebben cliëntvertegenwoordigers nodig?",
                    DISCUSSION,
                    "Onkostenvergoeding, vorming, een meter of peter voor nieuwe leden.",
                    minutes=40,
                    notes="Nieuwe leden willen een vast aanspreekpunt en de vergaderstukken op tijd.",
                    actions=(
                        ActionSpec(
                            "Onthaalmap voor nieuwe cliëntvertegenwoordigers maken",
                            ELS,
                            60,
                            theme=PARTICIPATIE,
                        ),
                    ),
                ),
            ),
            no_answer=(AN,),
        ),
        MeetingSpec(
            "Voorbereiding IROJ: evaluatie van het werkjaar",
            items=(
                ItemSpec(
                    "Inbreng voor de evaluatie van het werkjaar",
                    DECISION,
                    "Wat zeggen we op het IROJ over het voorbije werkjaar?",
                    client_impact="De evaluatie bepaalt mee welke signalen van cliënten volgend jaar voorrang krijgen.",
                    presenter=HILDE,
                    decision=DecisionSpec(
                        "Hilde Peeters brengt in: de wegwijzer en de themadag zijn goed "
                        "gelukt, de wachtlijsten blijven de grootste zorg van alle achterbannen.",
                        outcome=AGREED,
                    ),
                ),
            ),
        ),
    ),
    upcoming=MeetingSpec(
        "Voorbereiding IROJ: actieplan",
        items=(
            ItemSpec(
                "Actieplan IROJ: inbreng vanuit het cliëntperspectief",
                DISCUSSION,
                "Welke drie punten brengen we in voor het actieplan van volgend werkjaar?",
                presenter=HILDE,
                minutes=45,
            ),
        ),
        answered=(HILDE, SOFIE, LUC),
        apologies=(AN,),
    ),
    proposal=ProposalSpec(
        ROBBE,
        "Eigen overleg van de Jongerenraad met IROJ",
        "De Jongerenraad wil één keer per jaar rechtstreeks met IROJ Limburg praten. Kan het "
        "overleg dat mee voorstellen?",
    ),
)

# --- Kerngroep RTJ (consensus) ------------------------------------------------------------------

RTJ_MEETINGS = BodyMeetings(
    body="Kerngroep RTJ",
    weekday=1,
    week=2,
    start=datetime.time(13, 30),
    duration_minutes=150,
    location=HASSELT,
    online_url="https://vergaderen.iroj-limburg.example/kerngroep-rtj",
    opening_items=(
        ItemSpec(
            "Info-uitwisseling uit de sectoren en de samenwerkingsverbanden",
            INFO,
            "Wat is er nieuw in het RTJ-aanbod van elke sector?",
            minutes=20,
        ),
    ),
    # "Per vergadering wordt afgesproken welk lid instaat voor terugkoppeling" (seeds/001).
    reporters=(BART, NELE, KRISTOF, SOFIE, VEERLE),
    held=(
        MeetingSpec(
            "Kerngroep RTJ – acties uit het regionale actieplan",
            items=(
                ItemSpec(
                    "Acties RTJ uit het regionale actieplan",
                    DECISION,
                    "Welke acties uit het regionale actieplan neemt de kerngroep dit jaar op?",
                    client_impact=(
                        "Ouders en jongeren moeten in heel Limburg op dezelfde manier weten waar "
                        "ze zonder verwijzing terechtkunnen."
                    ),
                    presenter=BART,
                    minutes=40,
                    decision=DecisionSpec(
                        "De kerngroep werkt dit jaar aan drie sporen: eenvormige monitoring, "
                        "gezamenlijke communicatie over RTJ en een vormingsaanbod rond onthaal."
                    ),
                    actions=(
                        ActionSpec(
                            "Actieplan RTJ voor dit werkjaar uitschrijven", ELS, 21, theme=RTJ
                        ),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Kerngroep RTJ – monitoring: vertrekpunt",
            items=(
                ItemSpec(
                    "Hoe registreren de sectoren vandaag?",
                    DISCUSSION,
                    "Overzicht van wat elke sector nu bijhoudt over aanmeldingen en wachttijden.",
                    presenter=NELE,
                    minutes=40,
                    notes=(
                        "Elke sector telt anders: aanmeldingen, dossiers of gezinnen.\n"
                        "Wachttijd wordt bijna nergens bijgehouden."
                    ),
                    actions=(
                        ActionSpec(
                            "Overzicht van de registratie per sector opmaken", NELE, 28, theme=RTJ
                        ),
                    ),
                ),
            ),
            apologies=(DIRK,),
        ),
        MeetingSpec(
            "Kerngroep RTJ – monitoring: indicatoren",
            items=(
                ItemSpec(
                    "Voorstel gemeenschappelijke indicatoren",
                    DECISION,
                    "Voorstel van vijf indicatoren die alle RTJ-diensten bijhouden.",
                    client_impact=(
                        "Als alle diensten hetzelfde meten, zien we waar ouders en jongeren te "
                        "lang wachten op een eerste gesprek."
                    ),
                    presenter=NELE,
                    minutes=40,
                    decision=DecisionSpec(
                        "Alle RTJ-diensten houden vijf indicatoren bij: aanmeldingen, wachttijd "
                        "tot het eerste gesprek, doorverwijzingen, afgesloten trajecten en "
                        "tevredenheid van de cliënt."
                    ),
                    actions=(
                        ActionSpec("Indicatoren aftoetsen bij de CGG", VEERLE, 30, theme=RTJ),
                        ActionSpec("Indicatoren aftoetsen bij de CAW", KRISTOF, 30, theme=RTJ),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Kerngroep RTJ – communicatie over RTJ",
            items=(
                ItemSpec(
                    "RTJ-wegwijzer per regio",
                    DECISION,
                    "Voorstel voor één online wegwijzer met het RTJ-aanbod, per regio, met een folder.",
                    client_impact=(
                        "Ouders, jongeren en doorverwijzers vinden op één plek waar ze zonder "
                        "verwijzing terechtkunnen."
                    ),
                    presenter=GRIET,
                    decision=DecisionSpec(
                        "De kerngroep maakt één online wegwijzer met het RTJ-aanbod per regio, "
                        "met een folder voor wie niet online zoekt."
                    ),
                    actions=(
                        ActionSpec(
                            "Eerste versie van de teksten van de wegwijzer schrijven",
                            GRIET,
                            35,
                            theme=RTJ,
                        ),
                    ),
                ),
                ItemSpec(
                    "Signaal: lange wachttijd bij de CGG voor jongeren",
                    INFO,
                    "Veerle Jacobs brengt een signaal over de wachttijd voor jongeren.",
                    presenter=VEERLE,
                    minutes=10,
                    notes="Doorgegeven aan IROJ Limburg voor de aanpak van de wachtlijsten.",
                    added_at_meeting="Toegevoegd bij de start van de vergadering, met akkoord van alle aanwezigen.",
                ),
            ),
        ),
        MeetingSpec(
            "Kerngroep RTJ – vorming kwaliteitsvol onthaal",
            items=(
                ItemSpec(
                    "Programma vormingsreeks onthaal",
                    DECISION,
                    "Drie sessies over onthaal voor medewerkers van alle sectoren samen.",
                    client_impact="Wie voor het eerst hulp vraagt, wordt overal even goed ontvangen.",
                    presenter=SARAH,
                    decision=DecisionSpec(
                        "De vormingsreeks 'kwaliteitsvol onthaal' telt drie sessies en staat "
                        "open voor alle RTJ-medewerkers."
                    ),
                    actions=(
                        ActionSpec("Vormingsreeks inplannen en aankondigen", SARAH, 30, theme=RTJ),
                    ),
                ),
            ),
            absent=(JAN,),
        ),
        MeetingSpec(
            "Kerngroep RTJ – eerste cijfers van de monitoring",
            items=(
                ItemSpec(
                    "Eerste kwartaalcijfers",
                    DISCUSSION,
                    "Eerste cijfers volgens de vijf indicatoren.",
                    presenter=NELE,
                    notes=(
                        "De gemiddelde wachttijd tot een eerste gesprek is drie weken.\n"
                        "In twee regio's ligt ze veel hoger."
                    ),
                ),
                ItemSpec(
                    "Cijfers per voorziening",
                    INFO,
                    "Cijfers per voorziening, niet voor verspreiding.",
                    presenter=NELE,
                    minutes=15,
                    confidential=True,
                    notes="Twee voorzieningen krijgen ondersteuning om hun registratie op orde te brengen.",
                ),
            ),
        ),
        MeetingSpec(
            "Kerngroep RTJ – wegwijzer nalezen met cliënten",
            items=(
                ItemSpec(
                    "Feedback van cliëntvertegenwoordigers op de wegwijzer",
                    DECISION,
                    "Het Overleg Cliëntvertegenwoordigers las de teksten na.",
                    client_impact="De wegwijzer is geschreven in taal die ouders en jongeren begrijpen.",
                    presenter=SOFIE,
                    decision=DecisionSpec(
                        "De teksten van de wegwijzer worden herschreven in eenvoudige taal, met "
                        "de opmerkingen van ouders en jongeren."
                    ),
                    actions=(
                        ActionSpec("Teksten herschrijven in eenvoudige taal", GRIET, 21, theme=RTJ),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Kerngroep RTJ – pijnpunten en verbetervoorstellen",
            items=(
                ItemSpec(
                    "Verbetervoorstellen voor IROJ",
                    ADVICE,
                    "Welke verbetervoorstellen uit de monitoring leggen we aan IROJ voor?",
                    client_impact=(
                        "De voorstellen moeten de wachttijd tot een eerste gesprek korter maken."
                    ),
                    presenter=BART,
                    minutes=40,
                    decision=DecisionSpec(
                        "De kerngroep legt drie verbetervoorstellen voor aan IROJ: een "
                        "gezamenlijk aanmeldpunt per regio, een terugbelbelofte binnen vijf "
                        "werkdagen en afspraken met de lokale besturen over doorverwijzing."
                    ),
                    actions=(
                        ActionSpec(
                            "Afspraken met de lokale besturen over doorverwijzing voorbereiden",
                            ANN,
                            30,
                            theme=RTJ,
                            status=ActionStatus.OPEN,
                        ),
                    ),
                ),
            ),
            amendments="De naam van de vertegenwoordiger van de CGG werd verbeterd.",
        ),
        MeetingSpec(
            "Kerngroep RTJ – samenwerking met lokale besturen",
            items=(
                ItemSpec(
                    "Lokale loketten en RTJ",
                    DISCUSSION,
                    "Hoe verwijzen de sociale huizen van de gemeenten door naar RTJ?",
                    presenter=ANN,
                    notes="Loketmedewerkers kennen het RTJ-aanbod te weinig. De wegwijzer kan helpen.",
                ),
                ItemSpec(
                    "Gezamenlijk aanmeldformulier",
                    DECISION,
                    "Voorstel voor één aanmeldformulier voor alle RTJ-diensten.",
                    client_impact="Ouders en jongeren hoeven hun verhaal maar één keer te vertellen.",
                    presenter=KOEN,
                    decision=DecisionSpec(
                        "De beslissing wordt uitgesteld tot het advies van de "
                        "privacyverantwoordelijken er is.",
                        outcome=DecisionOutcome.POSTPONED,
                    ),
                    actions=(
                        ActionSpec(
                            "Privacyadvies vragen over het aanmeldformulier", KOEN, 30, theme=RTJ
                        ),
                    ),
                ),
            ),
            apologies=(SOFIE, WIM),
        ),
        MeetingSpec(
            "Kerngroep RTJ – aanmeldformulier en vorming",
            items=(
                ItemSpec(
                    "Gezamenlijk aanmeldformulier (vervolg)",
                    DECISION,
                    "Het privacyadvies is er: het formulier kan, met toestemming van de cliënt.",
                    client_impact=(
                        "Met één formulier, en alleen met hun toestemming, hoeven ouders en "
                        "jongeren hun verhaal niet telkens opnieuw te doen."
                    ),
                    presenter=KOEN,
                    decision=DecisionSpec(
                        "De kerngroep kiest voor één aanmeldformulier, dat alleen met "
                        "toestemming van de cliënt wordt doorgegeven."
                    ),
                    actions=(
                        ActionSpec("Aanmeldformulier testen in twee regio's", WIM, 60, theme=RTJ),
                    ),
                ),
                ItemSpec(
                    "Evaluatie vormingsreeks onthaal",
                    INFO,
                    "Terugblik op de drie sessies.",
                    presenter=SARAH,
                    minutes=15,
                    notes="Honderdtwintig deelnemers uit alle sectoren. Vraag naar een vervolg.",
                ),
            ),
        ),
        MeetingSpec(
            "Kerngroep RTJ – vooruitblik volgend werkjaar",
            items=(
                ItemSpec(
                    "Voorstel actieplan RTJ volgend werkjaar",
                    DECISION,
                    "Ontwerp van de acties voor volgend werkjaar.",
                    client_impact="De terugbelbelofte en het aanmeldformulier worden in heel Limburg ingevoerd.",
                    presenter=BART,
                    minutes=40,
                    decision=DecisionSpec(
                        "De kerngroep stelt aan IROJ voor om volgend werkjaar de terugbelbelofte "
                        "en het aanmeldformulier in heel Limburg in te voeren."
                    ),
                    actions=(
                        ActionSpec(
                            "Actieplan RTJ voorleggen aan IROJ Limburg", BART, 40, theme=RTJ
                        ),
                    ),
                ),
            ),
        ),
    ),
    upcoming=MeetingSpec(
        "Kerngroep RTJ – jaarafsluiting",
        items=(
            ItemSpec(
                "Jaarverslag Kerngroep RTJ",
                DISCUSSION,
                "Ontwerp van het jaarverslag voor IROJ Limburg.",
                presenter=BART,
            ),
            ItemSpec(
                "Wegwijzer: stand van zaken",
                INFO,
                "De wegwijzer staat online; eerste bezoekcijfers.",
                presenter=GRIET,
                minutes=15,
            ),
        ),
        answered=(BART, NELE, GRIET, VEERLE, KOEN),
        apologies=(JAN,),
    ),
    proposal=ProposalSpec(
        SOFIE,
        "Ouders op de hoogte houden tijdens het wachten",
        "Ouders horen na hun aanmelding vaak weken niets. Kunnen we afspreken dat elke dienst "
        "laat weten hoe lang het ongeveer nog duurt?",
    ),
)

# --- Bestuurlijk overleg Jeugdhulp Zuid-Limburg (majority) --------------------------------------

BESTUURLIJK_MEETINGS = BodyMeetings(
    body=BESTUURLIJK,
    weekday=2,
    week=4,
    start=datetime.time(16, 0),
    duration_minutes=90,
    location="Gemeentehuis Heerlen, Geleenstraat 27, Heerlen",
    opening_items=(ItemSpec("Mededelingen", INFO, minutes=10),),
    held=(
        MeetingSpec(
            "Uitvoering beleidskader jeugdhulp",
            items=(
                ItemSpec(
                    "Uitvoeringsagenda beleidskader jeugdhulp 2024-2028",
                    DECISION,
                    "De uitvoeringsagenda van het beleidskader voor het komende jaar.",
                    client_impact="Cliëntparticipatie krijgt een vaste plaats in de uitvoering.",
                    presenter=PETRA,
                    decision=DecisionSpec(
                        "De uitvoeringsagenda wordt vastgesteld.",
                        outcome=DecisionOutcome.ADOPTED,
                        votes=(3, 0, 0),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Plan van aanpak cliëntparticipatie",
            items=(
                ItemSpec(
                    "Voortgang plan van aanpak cliëntparticipatie",
                    INFO,
                    "De kerngroep geeft een stand van zaken per pijler.",
                    notes="De ophaalronde bij cliëntenraden loopt; de jongerenzetel wordt voorbereid.",
                ),
            ),
        ),
        MeetingSpec(
            "Innovatiebudget",
            items=(
                ItemSpec(
                    "Bijdrage innovatiebudget Bovenregionaal Expertisenetwerk",
                    DECISION,
                    "Voorstel om een bijdrage aan te vragen voor het participatietraject.",
                    client_impact="Met het budget kunnen jongeren en ouders een vergoeding krijgen voor hun inzet.",
                    presenter=HUUB,
                    decision=DecisionSpec(
                        "De regio vraagt een bijdrage uit het innovatiebudget aan.",
                        outcome=DecisionOutcome.ADOPTED,
                        votes=(3, 0, 0),
                    ),
                    actions=(ActionSpec("Subsidieaanvraag indienen", JEROEN, 30, theme=PIJLER_3),),
                ),
            ),
        ),
        MeetingSpec(
            "Wachttijden jeugdhulp",
            items=(
                ItemSpec(
                    "Rapportage wachttijden",
                    DISCUSSION,
                    "Wachttijden per soort hulp in de drie subregio's.",
                    presenter=ANJA,
                    notes="De wachttijd voor specialistische GGZ voor jongeren blijft te lang.",
                    actions=(
                        ActionSpec(
                            "Gesprek met aanbieders over wachttijden GGZ",
                            ANJA,
                            45,
                            theme=WACHTLIJSTEN,
                        ),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Jongerenzetel",
            items=(
                ItemSpec(
                    "Jongerenzetel in het bestuurlijk overleg",
                    DECISION,
                    "Advies van de kerngroep: een zetel voor een jongere aan deze tafel (pijler 2).",
                    client_impact="Een jongere praat mee waar over de jeugdhulp in de regio beslist wordt.",
                    presenter=PETRA,
                    notes="Parkstad wil eerst een proefperiode van een jaar.",
                    decision=DecisionSpec(
                        "Het bestuurlijk overleg krijgt een jongerenzetel.",
                        outcome=DecisionOutcome.ADOPTED,
                        votes=(2, 1, 0),
                    ),
                    actions=(
                        ActionSpec(
                            "Werving van een jongere voor de jongerenzetel",
                            JEROEN,
                            45,
                            theme=PIJLER_2,
                            status=ActionStatus.OPEN,
                        ),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Cliëntervaringen in de inkoop",
            items=(
                ItemSpec(
                    "Cliëntervaringen in de contractgesprekken",
                    DECISION,
                    "Voorstel om ervaringen van cliënten vast te bespreken met elke aanbieder.",
                    client_impact="Wat cliënten ervaren, telt mee in de afspraken met aanbieders.",
                    presenter=HUUB,
                    decision=DecisionSpec(
                        "Ervaringen van cliënten worden een vast punt in elk contractgesprek.",
                        outcome=DecisionOutcome.ADOPTED,
                        votes=(3, 0, 0),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Monitor jeugdhulp",
            items=(
                ItemSpec(
                    "Halfjaarmonitor jeugdhulp",
                    INFO,
                    "Cijfers over gebruik, kosten en wachttijden.",
                    presenter=ANJA,
                    notes="Het gebruik stijgt licht; de kosten blijven binnen de begroting.",
                ),
            ),
            apologies=(HUUB,),
        ),
        MeetingSpec(
            "Ervaringsdeskundigheid",
            items=(
                ItemSpec(
                    "Inzet van ervaringsdeskundigen",
                    DECISION,
                    "Voorstel om ervaringsdeskundigen in te zetten bij de toegang tot jeugdhulp.",
                    client_impact="Gezinnen kunnen bij de toegang praten met iemand die het zelf heeft meegemaakt.",
                    presenter=PETRA,
                    decision=DecisionSpec(
                        "De regio start een proef met ervaringsdeskundigen bij de toegang.",
                        outcome=DecisionOutcome.ADOPTED,
                        votes=(3, 0, 0),
                    ),
                    actions=(
                        ActionSpec(
                            "Proef ervaringsdeskundigen uitwerken", JEROEN, 60, theme=PIJLER_3
                        ),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Begroting participatie",
            items=(
                ItemSpec(
                    "Regionale begroting participatie",
                    DECISION,
                    "Voorstel om het budget voor participatie volgend jaar te verdubbelen.",
                    client_impact="Meer jongeren en ouders kunnen meedoen en krijgen een vergoeding.",
                    presenter=HUUB,
                    notes="Westelijke Mijnstreek wil eerst de resultaten van de proef zien.",
                    decision=DecisionSpec(
                        "Het voorstel wordt verworpen; een nieuw voorstel volgt na de tussenevaluatie.",
                        outcome=DecisionOutcome.REJECTED,
                        votes=(1, 2, 0),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Tussenevaluatie participatietraject",
            items=(
                ItemSpec(
                    "Tussenevaluatie participatietraject",
                    DISCUSSION,
                    "Wat heeft het traject tot nu toe opgeleverd?",
                    presenter=ANJA,
                    notes="Veel energie bij jongeren en ouders; gemeenten moeten sneller terugkoppelen.",
                ),
            ),
        ),
        MeetingSpec(
            "Jaarplan",
            items=(
                ItemSpec(
                    "Jaarplan jeugdhulp Zuid-Limburg",
                    DECISION,
                    "Het jaarplan voor volgend jaar.",
                    client_impact="Het jaarplan bevat de jongerenzetel en de proef met ervaringsdeskundigen.",
                    presenter=PETRA,
                    decision=DecisionSpec(
                        "Het jaarplan wordt vastgesteld.",
                        outcome=DecisionOutcome.ADOPTED,
                        votes=(3, 0, 0),
                    ),
                ),
            ),
        ),
    ),
    upcoming=MeetingSpec(
        "Vooruitblik",
        items=(
            ItemSpec(
                "Begroting participatie (nieuw voorstel)",
                DECISION,
                "Nieuw voorstel na de tussenevaluatie.",
                client_impact="Bepaalt hoeveel jongeren en ouders volgend jaar kunnen meedoen.",
                presenter=HUUB,
            ),
        ),
    ),
    publish_upcoming=False,
    proposal=ProposalSpec(
        ANJA,
        "Vergoeding voor jongeren en ouders die meedenken",
        "Eén regeling voor alle zestien gemeenten, zodat niemand minder krijgt omdat hij in een "
        "andere gemeente woont.",
        ItemType.DECISION,
    ),
)

# --- Kerngroep Cliënt- en Jongerenparticipatie (consensus) ---------------------------------------

KERNGROEP_ZL_MEETINGS = BodyMeetings(
    body="Kerngroep Cliënt- en Jongerenparticipatie",
    weekday=3,
    week=2,
    start=datetime.time(15, 30),
    duration_minutes=120,
    location=HEERLEN,
    online_url="https://vergaderen.zuid-limburg.example/kerngroep-participatie",
    opening_items=(
        ItemSpec(
            "Ophalen: wat hoorden we?",
            INFO,
            "Wat hoorden de leden bij jongeren, ouders, gemeenten en instellingen?",
            minutes=20,
        ),
    ),
    reporters=(RUUD,),
    held=(
        MeetingSpec(
            "Werkplan per pijler",
            items=(
                ItemSpec(
                    "Werkplan per pijler",
                    DECISION,
                    "Wat doen we dit jaar in elk van de drie pijlers?",
                    client_impact="Jongeren en ouders krijgen op drie niveaus meer te zeggen.",
                    presenter=RUUD,
                    minutes=40,
                    decision=DecisionSpec(
                        "Pijler 1: ophaalronde bij cliëntenraden. Pijler 2: een jongerenzetel "
                        "in het bestuurlijk overleg. Pijler 3: ervaringsverhalen verzamelen."
                    ),
                    actions=(
                        ActionSpec(
                            "Ophaalronde bij cliëntenraden plannen", KARIN, 30, theme=PIJLER_1
                        ),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Pijler 1: cliëntenraden",
            items=(
                ItemSpec(
                    "Ophaalronde cliëntenraden: eerste opbrengst",
                    DISCUSSION,
                    "Gesprekken met vijf cliëntenraden van instellingen.",
                    presenter=KARIN,
                    notes=(
                        "Cliëntenraden horen zelden wat er met hun advies gebeurt.\n"
                        "Jongeren haken af bij lange vergaderingen."
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Pijler 2: regionale medezeggenschap",
            items=(
                ItemSpec(
                    "Advies jongerenzetel bestuurlijk overleg",
                    ADVICE,
                    "Advies aan het bestuurlijk overleg over een zetel voor een jongere.",
                    client_impact="Een jongere praat mee waar over de jeugdhulp in de regio beslist wordt.",
                    presenter=NOAH,
                    decision=DecisionSpec(
                        "De kerngroep adviseert het bestuurlijk overleg een jongerenzetel in te "
                        "stellen, met begeleiding voor de jongere."
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Pijler 3: ervaringsverhalen",
            items=(
                ItemSpec(
                    "Ervaringsverhalen verzamelen",
                    DECISION,
                    "Hoe halen we verhalen op van jongeren en ouders die we nog niet bereiken?",
                    client_impact="Ook wie nooit naar een vergadering komt, kan zijn verhaal kwijt.",
                    presenter=NOAH,
                    decision=DecisionSpec(
                        "Het Jongerenpanel en Ouderkracht verzamelen verhalen, ook via korte "
                        "gesprekken op plekken waar jongeren en ouders al komen."
                    ),
                    actions=(
                        ActionSpec("Verhalen ophalen bij jongeren", NOAH, 45, theme=PIJLER_3),
                        ActionSpec("Verhalen ophalen bij ouders", LINDA, 45, theme=PIJLER_3),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Vergoedingsregeling",
            items=(
                ItemSpec(
                    "Vergoeding voor meedenkende jongeren en ouders",
                    DECISION,
                    "Voorstel voor een vaste vergoeding per bijeenkomst.",
                    client_impact="Meedenken mag jongeren en ouders geen geld kosten.",
                    presenter=LINDA,
                    notes="De gemeenten willen eerst weten of er budget is.",
                    decision=DecisionSpec(
                        "Geen overeenstemming: de gemeenten wachten op het besluit over het "
                        "innovatiebudget.",
                        outcome=DecisionOutcome.NOT_AGREED,
                    ),
                ),
            ),
            apologies=(ILSE,),
        ),
        MeetingSpec(
            "Vervolg op de startconferentie",
            items=(
                ItemSpec(
                    "Vervolgbijeenkomst na de startconferentie",
                    DECISION,
                    "Een tweede bijeenkomst om te laten zien wat er met de ideeën gebeurd is.",
                    client_impact="Wie op de startconferentie meedacht, hoort wat ermee gedaan is.",
                    presenter=SANNE,
                    decision=DecisionSpec("De kerngroep organiseert een vervolgbijeenkomst."),
                    actions=(
                        ActionSpec("Vervolgbijeenkomst organiseren", SANNE, 60, theme=PIJLER_3),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Pijler 1: training cliëntenraden",
            items=(
                ItemSpec(
                    "Training voor cliëntenraden",
                    DECISION,
                    "Een training over adviseren voor leden van cliëntenraden.",
                    client_impact="Cliëntenraden kunnen sterker adviseren en weten wat ermee gebeurt.",
                    presenter=MAURICE,
                    decision=DecisionSpec(
                        "De kerngroep biedt twee trainingen aan voor cliëntenraden."
                    ),
                    actions=(
                        ActionSpec(
                            "Trainer zoeken voor de cliëntenraden",
                            MAURICE,
                            30,
                            theme=PIJLER_1,
                            status=ActionStatus.OPEN,
                        ),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Wachtlijsten door de ogen van jongeren",
            items=(
                ItemSpec(
                    "Wachtlijsten door de ogen van jongeren",
                    DISCUSSION,
                    "Het Jongerenpanel vertelt wat wachten met jongeren doet.",
                    presenter=NOAH,
                    notes="Jongeren willen tijdens het wachten iemand die ze kunnen bellen.",
                    proposed_by=NOAH,
                ),
            ),
        ),
        MeetingSpec(
            "Vergoedingsregeling (vervolg)",
            items=(
                ItemSpec(
                    "Vergoeding voor meedenkende jongeren en ouders (vervolg)",
                    DECISION,
                    "Het innovatiebudget is toegekend; nieuw voorstel.",
                    client_impact="Jongeren en ouders krijgen een vaste vergoeding per bijeenkomst.",
                    presenter=LINDA,
                    decision=DecisionSpec(
                        "Jongeren en ouders die meedenken krijgen een vaste vergoeding per "
                        "bijeenkomst, betaald uit het innovatiebudget."
                    ),
                    actions=(
                        ActionSpec("Vergoedingsregeling bekendmaken", SANNE, 21, theme=PIJLER_3),
                    ),
                ),
            ),
        ),
        MeetingSpec(
            "Participatie in de inkoop",
            items=(
                ItemSpec(
                    "Participatie in de inkoop",
                    DISCUSSION,
                    "Hoe kunnen jongeren en ouders meedenken over de inkoop van jeugdhulp?",
                    presenter=BAS,
                    notes="Voorstel om een jongere en een ouder te laten meelezen bij de volgende aanbesteding.",
                ),
            ),
        ),
        MeetingSpec(
            "Evaluatie en jaarplan",
            items=(
                ItemSpec(
                    "Evaluatie en jaarplan kerngroep",
                    DECISION,
                    "Terugblik op het jaar en voorstel voor volgend jaar.",
                    client_impact="Volgend jaar ligt de nadruk op terugkoppelen aan wie meedacht.",
                    presenter=RUUD,
                    decision=DecisionSpec(
                        "De kerngroep zet volgend jaar in op terugkoppeling aan jongeren en "
                        "ouders die meedachten."
                    ),
                    actions=(
                        ActionSpec(
                            "Jaarplan voorleggen aan het bestuurlijk overleg",
                            RUUD,
                            30,
                            theme=PIJLER_2,
                        ),
                    ),
                ),
            ),
        ),
    ),
    upcoming=MeetingSpec(
        "Terugkoppelen aan wie meedacht",
        items=(
            ItemSpec(
                "Hoe koppelen we terug?",
                DISCUSSION,
                "Ideeën om jongeren en ouders te laten weten wat er met hun inbreng gebeurd is.",
                presenter=RUUD,
            ),
        ),
        answered=(RUUD, NOAH, LINDA),
    ),
    proposal=ProposalSpec(
        LINDA,
        "Ouderavond over de wachtlijsten",
        "Ouders willen uitleg over de wachtlijsten en wat ze intussen kunnen doen. Kan de "
        "kerngroep een ouderavond organiseren?",
    ),
)

IROJ_PLAN_THEMES = (
    (RTJ, "Rechtstreeks toegankelijke jeugdhulp: monitoring, communicatie en onthaal."),
    (PARTICIPATIE, "De stem van cliënten op de beleidstafels en wat ermee gebeurt."),
    (WACHTLIJSTEN, "Wachtlijsten en wachttijden in de jeugdhulp."),
    (EEN_GEZIN, "Eén gezin, één plan: de bovenlokale samenwerkingsverbanden."),
)
ZUID_LIMBURG_PLAN_THEMES = (
    (PIJLER_1, "Versterking van de reguliere (georganiseerde) medezeggenschap."),
    (PIJLER_2, "Ontwikkelen van medezeggenschap op regionaal gemeentelijk niveau."),
    (PIJLER_3, "Betrekken van de cliëntenpopulatie in de brede zin."),
    (WACHTLIJSTEN, "Wachttijden in de jeugdhulp."),
)

# The regions with their section 2 added (their bodies are defined above, before the people of
# the meetings). The order of the meetings does not matter: they are loaded in the order they
# took place, across the region's bodies.
REGIONS: tuple[RegionSpec, ...] = (
    replace(
        IROJ_LIMBURG,
        plan_themes=IROJ_PLAN_THEMES,
        meetings=(IROJ_MEETINGS, OCV_MEETINGS, RTJ_MEETINGS),
    ),
    replace(
        ZUID_LIMBURG,
        plan_themes=ZUID_LIMBURG_PLAN_THEMES,
        meetings=(BESTUURLIJK_MEETINGS, KERNGROEP_ZL_MEETINGS),
    ),
)

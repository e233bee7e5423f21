"""A year of signals for each demo region (S1–S3), written through the signal services.

Per region about twenty-five concerns of young people and parents, in their own words, in
every status of the flow: new, in preparation, on the table (an item proposal the supporter
accepted onto a body's coming meeting), answered, follow-up and closed, most of the closed
ones with an anonymised summary for the public "you said, we did" page. Some come from the
public form (anonymous, or with an example address for feedback), some from representatives
for the constituency they represent; one is the same concern reworded and linked to the
first, one is flagged as a safety concern.

The services stamp "now" on everything they write, so `_backdate` afterwards puts each
signal and its timeline on the day it was brought in and the days that followed, with plain
updates (the same trick as `meetings._date_the_record`). The audit log keeps the moment the
demo was really written.

Nobody is told about this history: while loading, tasks go nowhere (the loader's QUIET), and
the e-mail records the feedback functions write when the transaction commits (SignalMail, one
per signal and topic) are removed again by `_forget_mails`, which is queued after them, so no
retry (`send_pending_signal_mail`) ever sends them. A region that already has signals is left
alone, so running the command twice adds nothing.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from aantafel.accounts.models import User
from aantafel.bodies.models import Body, Membership, MembershipRole
from aantafel.meetings.models import Meeting
from aantafel.meetings.services import proposal_accept
from aantafel.meetings.services.planning import item_deadline
from aantafel.regions.models import PlanTheme, Region
from aantafel.signals.models import Signal, SignalEvent, SignalMail
from aantafel.signals.services import (
    signal_answer,
    signal_close,
    signal_flag_safety,
    signal_link_duplicate,
    signal_move,
    signal_put_on_table,
    signal_submit_for_constituency,
    signal_submit_public,
)
from aantafel.signals.workflow import SignalStatus as S

from .content import (
    EEN_GEZIN,
    PARTICIPATIE,
    PIJLER_1,
    PIJLER_2,
    PIJLER_3,
    RTJ,
    WACHTLIJSTEN,
    RegionSpec,
)

# The longest a step of the demo's flow waits for the next one.
MAX_STEP = datetime.timedelta(days=21)
# Timeline lines a service writes together with the status change before them.
TOGETHER_WITH_STATUS = {SignalEvent.Kind.ANSWERED, SignalEvent.Kind.PUBLICATION}


@dataclass(frozen=True)
class SignalSpec:
    """One demo signal and how far it got. `status` is where it ends; the steps before it are
    taken in the order of the flow."""

    days_ago: int
    theme: str
    text: str
    status: str = S.NEW
    contact: str = ""  # public form: an address for feedback, or none (anonymous)
    representative: str = ""  # e-mail of a member bringing it in for their constituency
    constituency: str = ""
    note: str = ""  # the supporter's note when taking it up
    body: str = ""  # on the table: the body whose coming meeting takes it
    title: str = ""
    answer: str = ""
    follow_up: str = ""  # the note of the follow-up step
    summary: str = ""  # closed: the anonymised text for the public page (publishable)
    duplicate_of: int | None = None  # index of the earlier signal it repeats
    safety: str = ""  # a safety concern: the note of the flag


@dataclass(frozen=True)
class RegionSignals:
    triage: str  # the supporter or policy officer who takes the signals up
    signals: tuple[SignalSpec, ...]


# --- IROJ Limburg ---------------------------------------------------------------------------

KERNGROEP_RTJ = "Kerngroep RTJ"
OVERLEG = "Overleg Cliëntvertegenwoordigers"
IROJ = "IROJ Limburg"
L = "iroj-limburg.example"

IROJ_SIGNALS = RegionSignals(
    triage=f"ondersteuner@{L}",
    signals=(
        SignalSpec(
            350,
            WACHTLIJSTEN,
            "Mijn zoon van 14 wacht al negen maanden op begeleiding. Niemand belt ons terug. "
            "We weten niet eens waar we op de lijst staan.",
            status=S.CLOSED,
            contact="moeder.hasselt@voorbeeld.example",
            note="Navragen bij de intersectorale toegangspoort hoe ouders hun plaats horen.",
            answer="Je krijgt nu elke drie maanden een brief met je plaats op de wachtlijst. "
            "Je kunt ook bellen naar één vast nummer.",
            summary="Ouders wisten niet waar ze stonden op de wachtlijst. Nu krijgen ze elke "
            "drie maanden een brief en er is één vast nummer om te bellen.",
        ),
        SignalSpec(
            330,
            RTJ,
            "Ik ging naar het onthaal van het CAW. Ik moest drie keer mijn verhaal opnieuw "
            "vertellen aan drie verschillende mensen. Dat was zwaar.",
            status=S.CLOSED,
            representative=f"robbe.schepers@{L}",
            constituency="minderjarigen",
            note="Bespreken met de onthaalpunten van de RTJ.",
            answer="De onthaalpunten werken nu met één onthaalmedewerker per jongere. Je vertelt "
            "je verhaal één keer.",
            follow_up="Na drie maanden vragen we jongeren of het beter gaat.",
            summary="Jongeren moesten bij het onthaal hun verhaal vaak opnieuw doen. Nu heb je "
            "één vaste onthaalmedewerker.",
        ),
        SignalSpec(
            310,
            PARTICIPATIE,
            "Wij als ouders mogen meepraten, maar we horen nooit wat er met ons advies gebeurt.",
            status=S.CLOSED,
            representative=f"sofie.wouters@{L}",
            constituency="ouders",
            answer="Na elke vergadering krijgt het ouderplatform een korte terugkoppeling: wat "
            "we met jullie advies deden en waarom.",
            summary="Ouders hoorden niet wat er met hun advies gebeurde. Nu komt er na elke "
            "vergadering een korte terugkoppeling.",
        ),
        SignalSpec(
            290,
            RTJ,
            "Het contactcentrum van de jeugdhulp is alleen open als ik op school zit. Ik kan "
            "dus nooit bellen zonder dat mijn klas het hoort.",
            status=S.CLOSED,
            contact="jongere.genk@voorbeeld.example",
            answer="Je kunt nu ook chatten, op werkdagen tot 21 uur. En je kunt vragen om "
            "teruggebeld te worden na schooltijd.",
            summary="Jongeren konden alleen tijdens de schooluren bellen. Nu kun je chatten tot "
            "21 uur of vragen om na school teruggebeld te worden.",
        ),
        SignalSpec(
            270,
            EEN_GEZIN,
            "Bij ons thuis komen vier hulpverleners. Ze weten niet van elkaar wat ze doen. Ik "
            "moet alles zelf aan elkaar doorgeven.",
            status=S.CLOSED,
            contact="",
            answer="Gezinnen met meer dan twee hulpverleners krijgen één gezinsplan en één "
            "aanspreekpunt.",
            follow_up="De samenwerkingsverbanden 1G1P volgen dit op.",
            summary="Gezinnen moesten zelf alles doorgeven tussen hulpverleners. Nu is er één "
            "gezinsplan met één aanspreekpunt.",
        ),
        SignalSpec(
            250,
            WACHTLIJSTEN,
            "Onze dochter kreeg een plaats in een voorziening in Tongeren. We wonen in Lommel. "
            "Er is geen bus die op tijd rijdt. Hoe moet ze daar geraken?",
            status=S.CLOSED,
            representative=f"luc.cuypers@{L}",
            constituency="mensen in armoede",
            answer="Voor vervoer naar een voorziening ver van huis kun je nu een tegemoetkoming "
            "vragen. Je begeleider helpt je met de aanvraag.",
        ),
        SignalSpec(
            220,
            RTJ,
            "Mijn begeleider verandert steeds. Dit jaar had ik er al vijf. Elke keer moet ik "
            "opnieuw vertrouwen opbouwen.",
            status=S.FOLLOW_UP,
            contact="",
            note="Komt vaker terug: navragen bij de voorzieningen.",
            answer="We vragen de voorzieningen om een vaste begeleider en één vaste vervanger "
            "per jongere.",
            follow_up="Actie in het regionaal plan: in juni kijken we hoeveel wissels er waren.",
        ),
        SignalSpec(
            200,
            PARTICIPATIE,
            "Ik zit in een leefgroep. Mijn dossier werd voorgelezen waar andere jongeren bij "
            "waren. Dat voelde niet oké.",
            status=S.FOLLOW_UP,
            representative=f"robbe.schepers@{L}",
            constituency="minderjarigen",
            answer="Over je dossier praten mag alleen met jou alleen. De voorzieningen krijgen "
            "daar duidelijke afspraken over.",
            follow_up="Afspraken over privacy in leefgroepen komen in de kwaliteitsopvolging.",
        ),
        SignalSpec(
            180,
            WACHTLIJSTEN,
            "Terwijl we wachten op hulp krijgen we niets. Kan er niet iets zijn in de tussentijd?",
            status=S.FOLLOW_UP,
            representative=f"sofie.wouters@{L}",
            constituency="ouders",
            answer="Er komt overbruggingshulp: een paar gesprekken terwijl je wacht.",
            follow_up="Het Ouderplatform evalueert de overbruggingshulp na een half jaar.",
        ),
        SignalSpec(
            150,
            EEN_GEZIN,
            "Ik ben 17 en word binnenkort 18. Niemand zegt me wat er dan met mijn begeleiding "
            "gebeurt.",
            status=S.ANSWERED,
            contact="jongere.hasselt@voorbeeld.example",
            answer="Vanaf 17 jaar maak je samen met je begeleider een plan voor na je 18de. "
            "Vraag ernaar bij je volgende gesprek.",
        ),
        SignalSpec(
            130,
            RTJ,
            "De website van de jeugdhulp is heel moeilijk. Ik snap de woorden niet.",
            status=S.ANSWERED,
            contact="",
            answer="We herschrijven de website in eenvoudige taal, samen met jongeren.",
        ),
        SignalSpec(
            110,
            PARTICIPATIE,
            "Als ouder van een kind met een handicap moet ik elk jaar opnieuw bewijzen dat "
            "mijn kind een handicap heeft.",
            status=S.ANSWERED,
            representative=f"an.vrancken@{L}",
            constituency="personen met een handicap",
            answer="Voor een blijvende handicap hoef je dat niet meer elk jaar te bewijzen. Het "
            "VAPH past dat aan.",
        ),
        SignalSpec(
            45,
            WACHTLIJSTEN,
            "Er zijn te weinig plaatsen in de crisisopvang. Jongeren slapen soms een nacht in "
            "het ziekenhuis omdat er niets is.",
            status=S.ON_THE_TABLE,
            representative=f"sofie.wouters@{L}",
            constituency="ouders",
            note="Voor de kerngroep: cijfers opvragen bij de crisismeldpunten.",
            body=KERNGROEP_RTJ,
            title="Signaal: te weinig plaatsen in de crisisopvang",
        ),
        SignalSpec(
            40,
            PARTICIPATIE,
            "Jongeren willen zelf aan tafel zitten, niet alleen via ouders of organisaties.",
            status=S.ON_THE_TABLE,
            representative=f"robbe.schepers@{L}",
            constituency="minderjarigen",
            body=OVERLEG,
            title="Signaal: jongeren zelf aan tafel",
        ),
        SignalSpec(
            35,
            RTJ,
            "Op school weet niemand waar je naartoe kunt met vragen over jeugdhulp. Het CLB "
            "verwijst door, maar niemand legt uit wat er dan gebeurt.",
            status=S.ON_THE_TABLE,
            contact="leerling.bilzen@voorbeeld.example",
            body=IROJ,
            title="Signaal: uitleg over jeugdhulp op school",
        ),
        SignalSpec(
            60,
            RTJ,
            "Mijn begeleiders wisselen de hele tijd. Ik ken ze niet meer. Ik heb geen zin om "
            "alles weer te vertellen aan iemand nieuw.",
            status=S.IN_PREPARATION,
            contact="",
            duplicate_of=6,
        ),
        SignalSpec(
            28,
            WACHTLIJSTEN,
            "We wachten al een jaar op een plaats voor onze zoon met autisme. School belt ons "
            "elke week omdat het niet gaat.",
            status=S.IN_PREPARATION,
            contact="vader.beringen@voorbeeld.example",
            note="Samen met het vorige signaal over wachtlijsten bekijken.",
        ),
        SignalSpec(
            21,
            EEN_GEZIN,
            "Het gezinsplan staat op papier, maar ik mag het niet zien. Het gaat over mij.",
            status=S.IN_PREPARATION,
            representative=f"robbe.schepers@{L}",
            constituency="minderjarigen",
        ),
        SignalSpec(
            18,
            PARTICIPATIE,
            "Thuis is het niet veilig. Mijn stiefvader slaat. Ik durf het niet aan mijn "
            "begeleider te zeggen.",
            status=S.IN_PREPARATION,
            contact="",
            safety="Meteen doorgegeven aan de vertrouwenspersoon van de regio.",
        ),
        SignalSpec(
            12,
            RTJ,
            "Ik wil mijn verslag lezen voor het naar school gaat. Nu krijgt de school het eerst.",
            contact="",
        ),
        SignalSpec(
            9,
            WACHTLIJSTEN,
            "Hoe lang duurt het nog voor mijn dochter naar een psycholoog kan? Het CGG zegt "
            "zes maanden.",
            contact="mama.maasmechelen@voorbeeld.example",
        ),
        SignalSpec(
            6,
            PARTICIPATIE,
            "Ouders met weinig geld kunnen niet naar het overleg komen: de verplaatsing kost "
            "te veel.",
            representative=f"luc.cuypers@{L}",
            constituency="mensen in armoede",
        ),
        SignalSpec(
            3,
            EEN_GEZIN,
            "Ik moet elke keer weer toestemming geven om mijn gegevens te delen. Wie ziet wat "
            "over mij?",
            contact="",
        ),
    ),
)

# --- Jeugdhulp Zuid-Limburg -----------------------------------------------------------------

KERNGROEP_ZL = "Kerngroep Cliënt- en Jongerenparticipatie"
BESTUURLIJK = "Bestuurlijk overleg Jeugdhulp Zuid-Limburg"
Z = "zuid-limburg.example"

ZUID_LIMBURG_SIGNALS = RegionSignals(
    triage=f"beleid@{Z}",
    signals=(
        SignalSpec(
            345,
            WACHTLIJSTEN,
            "Mijn zoon wacht al tien maanden op een plek bij de GGZ. De huisarts weet het ook "
            "niet meer.",
            status=S.CLOSED,
            contact="ouder.heerlen@voorbeeld.example",
            note="Navragen bij de gemeenten hoe lang de wachttijden nu zijn.",
            answer="De gemeenten hebben samen een wachtlijstteam. Je krijgt binnen twee weken "
            "een gesprek over wat er nu al kan.",
            summary="Ouders wachtten lang zonder te weten wat er kon. Nu is er een "
            "wachtlijstteam: binnen twee weken een gesprek.",
        ),
        SignalSpec(
            320,
            PIJLER_1,
            "In de cliëntenraad van mijn instelling zitten alleen volwassenen. Jongeren worden "
            "niet gevraagd.",
            status=S.CLOSED,
            representative=f"noah.bemelmans@{Z}",
            constituency="jongeren",
            answer="Elke instelling krijgt een jongerenraad naast de cliëntenraad.",
            follow_up="We kijken na een jaar of elke instelling er een heeft.",
            summary="Jongeren zaten niet in de cliëntenraad. Nu krijgt elke instelling een "
            "jongerenraad.",
        ),
        SignalSpec(
            300,
            PIJLER_3,
            "Ik kreeg een brief van de gemeente over mijn beschikking. Ik begreep er niets van.",
            status=S.CLOSED,
            contact="",
            answer="De gemeenten schrijven de brieven opnieuw in eenvoudige taal. Jongeren "
            "lezen mee.",
            summary="Brieven over een beschikking waren moeilijk. Ze worden nu in eenvoudige "
            "taal geschreven, met hulp van jongeren.",
        ),
        SignalSpec(
            280,
            PIJLER_2,
            "Het taxivervoer naar de dagbesteding van mijn dochter is elke week te laat. Ze "
            "mist zo een uur.",
            status=S.CLOSED,
            representative=f"linda.frijns@{Z}",
            constituency="ouders",
            answer="De gemeenten hebben met de vervoerder afgesproken: vaste chauffeur, vaste "
            "tijd. Is het toch te laat, bel dan het klachtennummer.",
            summary="Het vervoer naar de dagbesteding was vaak te laat. Nu is er een vaste "
            "chauffeur en een vaste tijd.",
        ),
        SignalSpec(
            260,
            PIJLER_3,
            "Bij elk gesprek zit een andere begeleider. Ik moet steeds opnieuw beginnen.",
            status=S.CLOSED,
            contact="jongere.kerkrade@voorbeeld.example",
            answer="Je hebt recht op een vaste begeleider. Vraag ernaar; lukt het niet, dan "
            "helpt de cliëntondersteuner je.",
            summary="Jongeren kregen steeds een andere begeleider. Je hebt recht op een vaste "
            "begeleider; de cliëntondersteuner helpt.",
        ),
        SignalSpec(
            240,
            WACHTLIJSTEN,
            "Wij moesten zelf een instelling zoeken met plek. We hebben dertig instellingen "
            "gebeld.",
            status=S.CLOSED,
            representative=f"esther.wetzels@{Z}",
            constituency="ouders",
            answer="Het zoeken naar een plek doet nu het regionale matchpunt voor jou.",
        ),
        SignalSpec(
            210,
            PIJLER_1,
            "Op school wisten ze van mijn hulp voordat ik het zelf verteld had. Wie heeft dat "
            "doorgegeven?",
            status=S.FOLLOW_UP,
            contact="",
            note="Privacy: navragen welke gegevens met school gedeeld worden.",
            answer="Alleen met jouw toestemming mag school iets horen over je hulp. We spreken "
            "dat opnieuw af met de instellingen.",
            follow_up="De kerngroep controleert de afspraken over privacy met de scholen.",
        ),
        SignalSpec(
            190,
            PIJLER_2,
            "Elke gemeente doet het anders. Mijn vriendin in Maastricht krijgt wel vervoer, "
            "ik in Heerlen niet.",
            status=S.FOLLOW_UP,
            representative=f"noah.bemelmans@{Z}",
            constituency="jongeren",
            answer="De zestien gemeenten maken één regel voor vervoer naar jeugdhulp.",
            follow_up="Besluit in het bestuurlijk overleg; daarna uitleg aan jongeren.",
        ),
        SignalSpec(
            170,
            PIJLER_3,
            "Ouders van jonge kinderen hebben overdag geen tijd voor een panel. Doe het ook "
            "eens 's avonds.",
            status=S.FOLLOW_UP,
            representative=f"linda.frijns@{Z}",
            constituency="ouders",
            answer="Het ouderpanel komt voortaan om en om overdag en 's avonds samen.",
            follow_up="Na vier avonden kijken we wie er kwamen.",
        ),
        SignalSpec(
            140,
            WACHTLIJSTEN,
            "Mijn broertje krijgt pas hulp als het echt misgaat. Waarom niet eerder?",
            status=S.ANSWERED,
            contact="zus.sittard@voorbeeld.example",
            answer="De wijkteams krijgen meer tijd voor lichte hulp, zodat het niet eerst mis "
            "hoeft te gaan.",
        ),
        SignalSpec(
            120,
            PIJLER_1,
            "De vergaderingen van de cliëntenraad zijn onder schooltijd. Ik kan nooit.",
            status=S.ANSWERED,
            contact="",
            answer="De cliëntenraden plannen hun overleg na 16 uur als er jongeren in zitten.",
        ),
        SignalSpec(
            100,
            PIJLER_2,
            "Ik heb een klacht ingediend en nooit iets gehoord. Bij wie moet ik zijn?",
            status=S.ANSWERED,
            representative=f"esther.wetzels@{Z}",
            constituency="ouders",
            answer="Elke klacht krijgt binnen twee weken een antwoord. Hoor je niets, bel dan "
            "de vertrouwenspersoon.",
        ),
        SignalSpec(
            42,
            WACHTLIJSTEN,
            "Jongeren die 18 worden vallen tussen wal en schip: de jeugdhulp stopt en de "
            "volwassenenzorg heeft nog geen plek.",
            status=S.ON_THE_TABLE,
            representative=f"noah.bemelmans@{Z}",
            constituency="jongeren",
            note="Voor de kerngroep: ervaringen van jongeren verzamelen.",
            body=KERNGROEP_ZL,
            title="Signaal: van 18- naar 18+ zonder gat",
        ),
        SignalSpec(
            38,
            PIJLER_2,
            "De gemeenten beslissen over jeugdhulp, maar ouders worden pas achteraf gevraagd.",
            status=S.ON_THE_TABLE,
            representative=f"linda.frijns@{Z}",
            constituency="ouders",
            body=BESTUURLIJK,
            title="Signaal: ouders vooraf betrekken bij besluiten",
        ),
        SignalSpec(
            33,
            PIJLER_3,
            "Mijn dossier gaat mee naar elke nieuwe hulpverlener. Ik wil eerst zien wat erin "
            "staat.",
            status=S.ON_THE_TABLE,
            contact="jongere.brunssum@voorbeeld.example",
            body=KERNGROEP_ZL,
            title="Signaal: je dossier eerst zelf lezen",
        ),
        SignalSpec(
            55,
            PIJLER_3,
            "Telkens een nieuwe begeleider. Ik moet alles steeds opnieuw uitleggen, dat is "
            "vermoeiend.",
            status=S.IN_PREPARATION,
            contact="",
            duplicate_of=4,
        ),
        SignalSpec(
            25,
            WACHTLIJSTEN,
            "Onze dochter staat al een half jaar op de wachtlijst voor dyslexiezorg. School "
            "zegt dat ze intussen achterop raakt.",
            status=S.IN_PREPARATION,
            contact="moeder.valkenburg@voorbeeld.example",
        ),
        SignalSpec(
            20,
            PIJLER_1,
            "In de groep wordt er over mij gepraat door de begeleiders terwijl ik erbij sta.",
            status=S.IN_PREPARATION,
            representative=f"noah.bemelmans@{Z}",
            constituency="jongeren",
            note="Privacy in de groep: meenemen naar de kerngroep.",
        ),
        SignalSpec(
            16,
            PIJLER_3,
            "Ik voel me niet veilig op mijn woongroep. Een begeleider raakt me aan en dat wil "
            "ik niet.",
            status=S.IN_PREPARATION,
            contact="",
            safety="Meteen doorgegeven aan de veiligheidscontactpersoon van de regio.",
        ),
        SignalSpec(
            10,
            PIJLER_2,
            "De taxi naar de dagbesteding heeft steeds een andere chauffeur. Mijn zoon raakt "
            "daar erg van in de war.",
            contact="vader.geleen@voorbeeld.example",
        ),
        SignalSpec(
            7,
            WACHTLIJSTEN,
            "Kan er een plek zijn waar je kunt praten terwijl je wacht op hulp?",
            contact="",
        ),
        SignalSpec(
            4,
            PIJLER_1,
            "Wij willen als ouders weten wat er met onze signalen gebeurt.",
            representative=f"esther.wetzels@{Z}",
            constituency="ouders",
        ),
        SignalSpec(
            2,
            PIJLER_3,
            "Ik wil kunnen kiezen of mijn ouders mijn verslag lezen. Ik ben 16.",
            contact="",
        ),
    ),
)

SIGNALS: dict[str, RegionSignals] = {
    "iroj-limburg": IROJ_SIGNALS,
    "zuid-limburg": ZUID_LIMBURG_SIGNALS,
}


# --- time -----------------------------------------------------------------------------------


def _backdate(signal: Signal, brought_in: datetime.datetime) -> None:
    """The demo's way around "now": the signal was brought in at `brought_in`, each later line
    of its timeline followed the previous one after a while (at most MAX_STEP, never in the
    future); the signal's own moments (answered, closed, last change) go with them."""
    events = list(SignalEvent.objects.filter(signal=signal).order_by("pk"))
    now = timezone.now()
    step = min(MAX_STEP, (now - brought_in) / (len(events) + 1))
    answered_at = closed_at = None
    when = brought_in
    for index, event in enumerate(events):
        # Lines written in one go (an answer or a publication with its status) share their
        # moment; every other step came a while after the one before.
        if index and event.kind not in TOGETHER_WITH_STATUS:
            when = when + step
        SignalEvent.objects.filter(pk=event.pk).update(created_at=when, updated_at=when)
        if event.to_status == S.ANSWERED:
            answered_at = when
        if event.to_status == S.CLOSED:
            closed_at = when
    Signal.objects.filter(pk=signal.pk).update(
        created_at=brought_in,
        updated_at=when,
        answered_at=answered_at,
        closed_at=closed_at,
    )


# --- loading --------------------------------------------------------------------------------


def load_signals(region: Region, spec: RegionSpec, *, created: Counter[str]) -> None:
    """Writes the region's demo signals unless it has signals already, counting them in
    `created`. Runs inside the loader's transaction, after the meetings (the signals on the
    table go onto a body's coming meeting)."""
    demo = SIGNALS.get(spec.slug)
    if demo is None or Signal.objects.filter(region=region).exists():
        return
    _Signals(region, demo).load()
    created["signals"] += len(demo.signals)
    transaction.on_commit(lambda: _forget_mails(region.pk))


def _forget_mails(region_id: int) -> None:
    """Runs after the feedback functions queued at the same commit: the demo's history told no
    one, so the mail records they wrote for it go (no task ran: the loader's tasks go nowhere)."""
    SignalMail.objects.filter(region_id=region_id, sent_at__isnull=True, attempts=0).delete()


class _Signals:
    def __init__(self, region: Region, demo: RegionSignals) -> None:
        self.region = region
        self.demo = demo
        self.triage = User.objects.get(email__iexact=demo.triage)
        self.themes = {t.name: t for t in PlanTheme.objects.filter(region=region)}
        self.bodies = {b.name: b for b in Body.objects.filter(region=region)}
        self.now = timezone.now()

    def load(self) -> None:
        made: list[Signal] = []
        for spec in self.demo.signals:
            signal = self.submit(spec)
            if spec.duplicate_of is not None:
                signal = signal_link_duplicate(
                    actor=self.triage, signal=signal, original=made[spec.duplicate_of]
                )
            if spec.safety:
                signal = signal_flag_safety(actor=self.triage, signal=signal, note=spec.safety)
            signal = self.take_along(signal, spec)
            _backdate(signal, self.now - datetime.timedelta(days=spec.days_ago))
            made.append(signal)

    def submit(self, spec: SignalSpec) -> Signal:
        theme = self.themes[spec.theme]
        if not spec.representative:
            return signal_submit_public(
                region=self.region, text=spec.text, contact_email=spec.contact, theme=theme
            )
        membership = (
            Membership.objects.current()
            .select_related("user", "constituency")
            .filter(
                region=self.region,
                user__email__iexact=spec.representative,
                constituency__name=spec.constituency,
            )
            .first()
        )
        if membership is None or membership.constituency is None:
            # A mistake in this module, not a rule a user broke.
            raise LookupError(f"{spec.representative} represents no {spec.constituency}")
        return signal_submit_for_constituency(
            actor=membership.user,
            region=self.region,
            text=spec.text,
            constituency=membership.constituency,
            theme=theme,
        )

    def take_along(self, signal: Signal, spec: SignalSpec) -> Signal:
        """Takes the signal through the flow up to its status, the way a supporter would."""
        if spec.status == S.NEW:
            return signal
        actor = self.triage
        signal = signal_move(actor=actor, signal=signal, status=S.IN_PREPARATION, note=spec.note)
        if spec.status == S.ON_THE_TABLE:
            return self.put_on_table(signal, spec)
        if spec.status == S.IN_PREPARATION:
            return signal
        signal = signal_answer(actor=actor, signal=signal, answer=spec.answer)
        if spec.follow_up:
            signal = signal_move(
                actor=actor, signal=signal, status=S.FOLLOW_UP, note=spec.follow_up
            )
        if spec.status == S.CLOSED:
            signal = signal_close(
                actor=actor,
                signal=signal,
                publishable=bool(spec.summary),
                public_summary=spec.summary,
            )
        return signal

    def put_on_table(self, signal: Signal, spec: SignalSpec) -> Signal:
        """S2 with M2: an item proposal for the body's coming meeting, which the supporter
        accepts onto its agenda (a body without one open for items keeps it as a proposal)."""
        body = self.bodies[spec.body]
        meeting = (
            Meeting.objects.select_related("body", "region")
            .filter(body=body, starts_at__gt=self.now)
            .order_by("starts_at")
            .first()
        )
        if meeting is not None and timezone.localdate() > item_deadline(meeting):
            meeting = None
        # The body's own supporter brings it in and presents it (a presenter is a member, M4).
        supporter = (
            Membership.objects.current()
            .select_related("user")
            .filter(body=body, role=MembershipRole.SUPPORTER)
            .first()
        )
        actor = supporter.user if supporter is not None else self.triage
        signal = signal_put_on_table(
            actor=actor, signal=signal, body=body, title=spec.title, meeting=meeting
        )
        if meeting is not None and signal.proposal is not None:
            proposal_accept(actor=actor, proposal=signal.proposal, meeting=meeting)
        return signal

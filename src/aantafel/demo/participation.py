"""The participation trajectory of Jeugdhulp Zuid-Limburg (P1) and its events (P2), written
through the participation services, after seeds/004 (the source document).

- The trajectory "Cliënt- en jongerenparticipatie 2023–2028", on the public site, with its three
  pillars, three phases (collecting input, the plan of approach, carrying it out), updates
  (process descriptions and results, per pillar and for the whole) and the plan of approach
  as a document the regional municipalities adopted (a small PDF built here, no file in the
  repository). The source gives no date for that decision: 14 December 2023 is the demo's.
- The kick-off conference of 7 June 2023 in the Flexiforum in Kerkrade, for all five
  audiences: 212 registrations of fictional people (`FIRST_NAMES` × `SURNAMES`, addresses at
  voorbeeld.example), 8 cancelled, 191 checked in, and the after-movie. The registration
  services only take registrations for an event still to come, so the conference is created
  a month ahead, registered for, cancelled and checked in, and then put back in June 2023 with
  plain updates (as the meetings, signals and advice of the demo are dated back). The audit
  trail, which the application never changes, says when the demo was loaded.
- A focus group for young people next month with room for 8: full, 2 on the waiting list. To
  try the waiting list by hand: register on its public page (/doe-mee/zuid-limburg/
  bijeenkomsten/), or log in as beleid@zuid-limburg.example and give it one place more, which
  goes to the first on the waiting list.
- A draft regional meeting about pillar 2, not yet open for registration.

- The other parts, each in a module of its own that loads while its records are missing: the
  register of participation initiatives (P6, `participation_register`), input campaigns with
  coded answers and the plan's actions built from them (P3, `participation_campaigns`), ideas
  with support and the region's responses (P4, `participation_ideas`) and experience stories
  (P5, `participation_stories`).

The registration services queue a mail per registration (a confirmation, a waiting-list
notice, a receipt): the loader's tasks go nowhere, and the records are removed at the commit,
so nobody is mailed. The trajectory is looked up by its title and written only when missing;
the events only while the region has none, so a second run adds nothing.
"""

import datetime
import random
import zoneinfo
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from aantafel.accounts.models import User
from aantafel.participation import links
from aantafel.participation.models import (
    AudienceType,
    DecisionStatus,
    Event,
    Phase,
    Pillar,
    Registration,
    RegistrationMail,
    Trajectory,
    TrajectoryDocument,
    TrajectoryUpdate,
    UpdateKind,
)
from aantafel.participation.services import events, trajectories
from aantafel.regions.models import Region

from .content import RegionSpec
from .participation_campaigns import load_campaigns
from .participation_ideas import load_ideas
from .participation_register import load_register
from .participation_stories import load_stories

SLUG = "zuid-limburg"
STAFF = "beleid@zuid-limburg.example"
FAMILY = "voorbeeld.example"

TITLE = "Cliënt- en jongerenparticipatie 2023–2028"
SUMMARY = (
    "Gemeenten, zorgaanbieders en andere samenwerkingspartners investeren komende jaren "
    "structureel in cliëntparticipatie binnen Zuid-Limburg. De stem van jeugdigen en hun "
    "netwerk krijgt een belangrijke plek in de beleidsontwikkeling van onze regio en bij het "
    "continu verbeteren van de hulpverlening.\n\n"
    "Voor een effectieve jeugdhulp werken we niet voor, maar samen met jeugd en ouders. "
    "Cliëntenparticipatie betekent dat ouders en hun kinderen centraal staan in beleid en "
    "ondersteuning; daarin een stem hebben en niet slechts ergens ‘worden betrokken’. "
    "Participatie is daarom niet alleen reactief (reageren op voorstellen van ‘bovenaf’), "
    "maar vooral proactief: zelf ideeën, voorstellen en prioriteiten kunnen aandragen.\n\n"
    "Op deze pagina delen we tussentijds updates, procesbeschrijvingen en opbrengsten."
)
STARTS_ON = datetime.date(2023, 1, 1)
ENDS_ON = datetime.date(2028, 12, 31)

PILLARS = (
    (
        "Versterking van de reguliere (georganiseerde) medezeggenschap",
        "De cliëntenraden, jongerenraden en adviesraden die er al zijn krijgen meer invloed. "
        "Ervaringskennis wordt veel meer gebruikt dan nu het geval is.",
    ),
    (
        "Ontwikkelen van medezeggenschap op regionaal gemeentelijk niveau",
        "Jongeren en ouders praten mee waar de zestien gemeenten samen beslissen over de "
        "jeugdhulp in de regio.",
    ),
    (
        "Betrekken van de cliëntenpopulatie in de brede zin (empowerment)",
        "Zo veel mogelijk cliënten, met name ook de jongeren, en hun naasten kunnen meetellen "
        "en meedoen, ook wie niet in een raad zit.",
    ),
)

# (name, description, starts on, ends on)
PHASES = (
    (
        "Ophalen",
        "Bottom-up bouwstenen ophalen bij jongeren, ouders, gemeenten en instellingen, tot en "
        "met de startconferentie.",
        datetime.date(2023, 1, 1),
        datetime.date(2023, 6, 30),
    ),
    (
        "Plan van aanpak",
        "De kerngroep schrijft het plan van aanpak en legt het de regiogemeenten ter "
        "besluitvorming voor.",
        datetime.date(2023, 7, 1),
        datetime.date(2024, 1, 31),
    ),
    (
        "Uitvoering",
        "Het vastgestelde plan wordt uitgevoerd, per pijler, met de ervaringen van jongeren en "
        "ouders als voortdurende voeding.",
        datetime.date(2024, 2, 1),
        ENDS_ON,
    ),
)

AFTER_MOVIE = "https://youtu.be/-adavpHGCrw"
PLAN_TITLE = "Plan van aanpak cliëntparticipatie"
PLAN_DECIDED_ON = datetime.date(2023, 12, 14)
PLAN_DECIDED_BY = "regiogemeenten Zuid-Limburg"


@dataclass(frozen=True)
class UpdateSpec:
    kind: str
    pillar: int | None  # the pillar's number; None: the whole trajectory
    title: str
    body: str
    published_on: datetime.date


UPDATES = (
    UpdateSpec(
        UpdateKind.PROCESS,
        None,
        "Kerngroep ingesteld: ophalen, ophalen, ophalen",
        "Er is een kerngroep ingesteld met vertegenwoordigers van cliënten, gemeenten en "
        "instellingen. De kerngroep wil medio dit jaar een plan aan de regiogemeenten ter "
        "besluitvorming voorleggen: een plan dat richting geeft aan een meerjarig proces, "
        "concreet en actiegericht, op verschillende niveaus en schaalgrootte.\n\n"
        "Om tot dit plan te komen is een bottom-up aanpak nodig. Ophalen, ophalen, ophalen … "
        "dat moet de bouwstenen opleveren. Om het proces beheersbaar te houden focussen we op "
        "drie pijlers.",
        datetime.date(2023, 2, 6),
    ),
    UpdateSpec(
        UpdateKind.PROCESS,
        1,
        "Gesprekken met cliëntenraden en adviesraden",
        "De kerngroep gaat langs bij de cliëntenraden, jongerenraden en adviesraden van de "
        "instellingen. Wat gaat goed? Waar lopen de raden tegenaan? En wat hebben ze nodig om "
        "echt invloed te hebben? Medezeggenschap moet leiden tot méér invloed.",
        datetime.date(2023, 3, 13),
    ),
    UpdateSpec(
        UpdateKind.PROCESS,
        2,
        "Gesprekken met de regiogemeenten",
        "Met beleidsmedewerkers en wethouders van de regiogemeenten verkennen we hoe jongeren "
        "en ouders een stem krijgen waar de gemeenten samen beslissen over de jeugdhulp. De "
        "kloof tussen systeemwereld en leefwereld moet worden gedicht.",
        datetime.date(2023, 3, 27),
    ),
    UpdateSpec(
        UpdateKind.PROCESS,
        3,
        "Bijeenkomsten in voorbereiding, en een startconferentie",
        "In het kader van de drie pijlers worden diverse bijeenkomsten voorbereid. Ook de "
        "organisatie van een kick-off van de beweging komt op gang. Deze startbijeenkomst "
        "heeft als doel om de aanwezigen te informeren, inspireren, enthousiasmeren en een "
        "doorkijk te geven naar de follow-up. Hoe steviger het draagvlak, des te groter de "
        "kans op medewerking en échte resultaten.",
        datetime.date(2023, 4, 17),
    ),
    UpdateSpec(
        UpdateKind.RESULT,
        None,
        "Terugblik op de startconferentie in Kerkrade",
        "De startconferentie markeert de start van de in gang gezette beweging. Ze vond plaats "
        "op 7 juni 2023 in het Flexiforum in Kerkrade. Zo’n 200 mensen waren er: jongeren, "
        "ouders en vertegenwoordigers van gemeenten en instellingen. Ervaringsverhalen en "
        "presentaties van goede praktijken vormden de hoofdmoot van het programma.\n\n"
        "Mede door de startconferentie is er een stevig draagvlak ontstaan voor het bevorderen "
        "van cliëntparticipatie en ervaringsdeskundigheid.\n\n"
        f"Bekijk de aftermovie: {AFTER_MOVIE}",
        datetime.date(2023, 6, 12),
    ),
    UpdateSpec(
        UpdateKind.RESULT,
        1,
        "Plan van aanpak, pijler 1: sterkere raden",
        "Leden van cliëntenraden en jongerenraden krijgen scholing en ondersteuning. De raden "
        "van de regio ontmoeten elkaar twee keer per jaar en delen wat werkt. Ervaringskennis "
        "krijgt een vaste plek in de kerngroep.",
        datetime.date(2023, 12, 18),
    ),
    UpdateSpec(
        UpdateKind.RESULT,
        2,
        "Plan van aanpak, pijler 2: een stem aan de regionale tafel",
        "Jongeren krijgen een vaste plek in het bestuurlijk overleg jeugdhulp. Adviesvragen van "
        "de regiogemeenten gaan voortaan ook naar jongeren en ouders, en zij horen terug wat "
        "er met hun advies is gedaan.",
        datetime.date(2023, 12, 18),
    ),
    UpdateSpec(
        UpdateKind.RESULT,
        3,
        "Plan van aanpak, pijler 3: iedereen kan meedoen",
        "Ook wie niet in een raad zit, kan meedenken: in focusgroepen, op bijeenkomsten dicht "
        "bij huis en online. Jongeren en ouders kunnen zelf ideeën, voorstellen en prioriteiten "
        "aandragen.",
        datetime.date(2023, 12, 18),
    ),
    UpdateSpec(
        UpdateKind.RESULT,
        None,
        "Plan van aanpak vastgesteld",
        "De regiogemeenten hebben het plan van aanpak ter versterking van de "
        "cliëntenparticipatie vastgesteld. Participatie heeft een prominente plek gekregen in "
        "het beleidskader jeugdhulp Zuid-Limburg 2024–2028. Extra slagkracht komt uit de "
        "subsidieregeling innovatiebudget van het Bovenregionaal Expertisenetwerk Limburg.",
        datetime.date(2023, 12, 18),
    ),
    UpdateSpec(
        UpdateKind.NEWS,
        None,
        "De uitvoering is begonnen",
        "De inzet moet betekenisvol zijn: voortdurend gevoed vanuit het cliëntperspectief, en "
        "verbonden met wat er al is – cliëntenraden, adviesraden en netwerkorganisaties. In "
        "2024 starten de eerste focusgroepen met jongeren.",
        datetime.date(2024, 2, 5),
    ),
)

# --- The kick-off ------------------------------------------------------------------------------

KICK_OFF_TITLE = "Startconferentie cliënt- en jongerenparticipatie"
KICK_OFF_DAY = datetime.date(2023, 6, 7)
KICK_OFF_DESCRIPTION = (
    "De startconferentie markeert de start van de beweging voor cliënt- en "
    "jongerenparticipatie in Zuid-Limburg. We willen u informeren, inspireren en "
    "enthousiasmeren, en een doorkijk geven naar wat er hierna komt. Voor jongeren, ouders, "
    "gemeenten, instellingen en iedereen die de jeugdhulp samen met jongeren en ouders beter "
    "wil maken."
)
KICK_OFF_PROGRAMME = (
    "09.30 Inloop met koffie en thee\n"
    "10.00 Opening en welkom\n"
    "10.20 Ervaringsverhalen van jongeren en ouders\n"
    "11.15 Presentaties van goede praktijken, ronde 1\n"
    "12.30 Lunch\n"
    "13.30 Presentaties van goede praktijken, ronde 2\n"
    "14.45 De drie pijlers: hoe gaan we verder?\n"
    "15.30 Afsluiting en ontmoeting"
)
KICK_OFF_CAPACITY = 220
# How many registered as what; 8 of them cancelled, and 13 of those left did not come.
KICK_OFF_AUDIENCES = (
    (AudienceType.YOUNG_PERSON, 48),
    (AudienceType.PARENT, 34),
    (AudienceType.MUNICIPALITY, 46),
    (AudienceType.INSTITUTION, 62),
    (AudienceType.OTHER, 22),
)
KICK_OFF_CANCELLED = 8
KICK_OFF_ABSENT = 13

FOCUS_GROUP_TITLE = "Focusgroep jongeren: meepraten over je eigen hulp"
FOCUS_GROUP_CAPACITY = 8
FOCUS_GROUP_WAITING = 2

DRAFT_TITLE = "Regiobijeenkomst: jongeren en ouders aan tafel bij de gemeenten"

# Fictional people: common first names and Limburg surnames, none of a demo account.
FIRST_NAMES = (
    "Lotte", "Daan", "Sanne", "Luuk", "Femke", "Bram", "Noor", "Sem", "Iris", "Thijs",
    "Eva", "Jesse", "Lieke", "Stijn", "Anouk", "Tim", "Maud", "Ruben", "Fleur", "Niels",
    "Demi", "Joep", "Roos", "Koen", "Yara", "Mohamed", "Fatima", "Ayoub", "Zeynep", "Milan",
    "Julia", "Lars", "Emma", "Finn", "Sophie", "Gijs", "Isa", "Teun", "Mila", "Jasper",
)  # fmt: skip
SURNAMES = (
    "Kuijpers", "Smeets", "Vossen", "Lemmens", "Willems", "Crombach", "Stassen", "Geurts",
    "Claessens", "Dassen", "Schepers", "Lahaye", "Meijers", "Ubachs", "Paulissen", "Habets",
    "Pluijmen", "Senden", "Franssen", "Leunissen", "Vliex", "Kleijnen", "Ortmans", "Bessems",
    "Coumans", "Hendrix", "Offermans", "Dreessen", "Voncken", "Beckers", "Lenssen", "Cremers",
)  # fmt: skip
NEEDS = (
    "Ik kom met een rolstoel.",
    "Ik heb een tolk Nederlandse Gebarentaal nodig.",
    "Graag een rustige plek om even bij te komen.",
    "Ik eet vegetarisch.",
    "Ik neem mijn begeleider mee.",
)


def _people() -> Iterator[tuple[str, str]]:
    """(name, address) of fictional people, each once, in a fixed order."""
    pairs = [(first, last) for first in FIRST_NAMES for last in SURNAMES]
    # A fixed order, not a secret.
    random.Random(2023).shuffle(pairs)  # noqa: S311
    for first, last in pairs:
        yield f"{first} {last}", f"{first}.{last}@{FAMILY}".lower()


# --- The plan of approach as a PDF -------------------------------------------------------------


def _pdf_text(text: str) -> bytes:
    """A PDF literal string in the WinAnsi encoding of the standard fonts."""
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def plan_pdf(lines: list[str]) -> bytes:
    """A small valid PDF of one A4 page with the lines in Helvetica, built by hand (the demo
    keeps no binary files in the repository)."""
    content = [b"BT", b"/F1 18 Tf", b"56 780 Td", b"22 TL", _pdf_text(lines[0]) + b" Tj"]
    content += [b"/F1 11 Tf", b"16 TL", b"T*"]
    content += [_pdf_text(line) + b" '" for line in lines[1:]]
    content.append(b"ET")
    stream = b"\n".join(content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


PLAN_LINES = [
    PLAN_TITLE,
    "Jeugdhulp Zuid-Limburg – cliënt- en jongerenparticipatie 2023–2028",
    "",
    f"Vastgesteld door de {PLAN_DECIDED_BY} op 14 december 2023.",
    "",
    "Ambitie: de jeugdhulp wordt effectiever, efficiënter en vernieuwender, samen met",
    "jongeren en ouders. Ervaringskennis is een excellente bron.",
    "",
    *(f"Pijler {number}: {name}" for number, (name, _) in enumerate(PILLARS, start=1)),
    "",
    "Extra slagkracht: subsidieregeling innovatiebudget van het Bovenregionaal",
    "Expertisenetwerk Limburg.",
    "",
    "Dit is een voorbeelddocument van de demo van Aan Tafel.",
]


# --- Loading -----------------------------------------------------------------------------------


def load_participation(region: Region, spec: RegionSpec, *, created: Counter[str]) -> None:
    """The trajectory when it is missing, and the events while the region has none. Only
    Jeugdhulp Zuid-Limburg has a participation trajectory in the demo."""
    if spec.slug != SLUG:
        return
    loader = _Participation(region, created=created)
    trajectory = loader.trajectory()
    if not Event.objects.filter(region=region).exists():
        loader.kick_off(trajectory)
        loader.focus_group(trajectory)
        loader.draft(trajectory)
        transaction.on_commit(lambda: _forget_mails(region.pk))
    # Each part loads while its own records are missing, and sends no mail.
    for load in (load_register, load_campaigns, load_ideas, load_stories):
        load(region, trajectory, loader.staff, created)


def _forget_mails(region_id: int) -> None:
    """Runs after the registration services queued their mail at the same commit (no task ran:
    the loader's tasks go nowhere): the demo's registrants are told nothing."""
    RegistrationMail.objects.filter(region_id=region_id, sent_at__isnull=True, attempts=0).delete()


class _Participation:
    def __init__(self, region: Region, *, created: Counter[str]) -> None:
        self.region = region
        self.created = created
        self.staff = User.objects.get(email__iexact=STAFF)
        self.tz = zoneinfo.ZoneInfo(region.timezone)
        self.now = timezone.now()
        self.today = timezone.localdate(self.now, self.tz)
        self.people = _people()

    def at(self, day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
        return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=self.tz)

    def daytime(self, first: datetime.date, days: int, fraction: float) -> datetime.datetime:
        """The moment `fraction` of the way through the daytimes (8.00–22.00) of `days` days from
        `first`, to the minute: registrations spread like people make them."""
        minutes = int(days * 14 * 60 * fraction)
        day, minute = divmod(minutes, 14 * 60)
        return self.at(first + datetime.timedelta(days=day), 8 + minute // 60, minute % 60)

    # --- P1 -----------------------------------------------------------------------------------

    def trajectory(self) -> Trajectory:
        existing = Trajectory.objects.filter(region=self.region, title=TITLE).first()
        if existing is not None:
            return existing
        trajectory = trajectories.trajectory_create(
            actor=self.staff,
            region=self.region,
            title=TITLE,
            summary=SUMMARY,
            starts_on=STARTS_ON,
            ends_on=ENDS_ON,
            published=True,
        )
        pillars = {
            number: trajectories.pillar_add(
                actor=self.staff,
                trajectory=trajectory,
                number=number,
                name=name,
                description=description,
            )
            for number, (name, description) in enumerate(PILLARS, start=1)
        }
        for name, description, starts_on, ends_on in PHASES:
            trajectories.phase_add(
                actor=self.staff,
                trajectory=trajectory,
                name=name,
                description=description,
                starts_on=starts_on,
                ends_on=ends_on,
            )
        for spec in UPDATES:
            update = trajectories.update_post(
                actor=self.staff,
                trajectory=trajectory,
                kind=spec.kind,
                pillar=pillars[spec.pillar] if spec.pillar else None,
                title=spec.title,
                body=spec.body,
            )
            when = self.at(spec.published_on, 10)
            TrajectoryUpdate.objects.filter(pk=update.pk).update(
                published_at=when, created_at=when, updated_at=when
            )
        document = trajectories.document_add(
            actor=self.staff,
            trajectory=trajectory,
            upload=SimpleUploadedFile(
                "plan-van-aanpak-clientparticipatie.pdf",
                plan_pdf(PLAN_LINES),
                content_type="application/pdf",
            ),
            title=PLAN_TITLE,
            decision_status=DecisionStatus.ADOPTED,
            decided_on=PLAN_DECIDED_ON,
            decided_by=PLAN_DECIDED_BY,
        )
        decided = self.at(PLAN_DECIDED_ON + datetime.timedelta(days=4), 9)
        TrajectoryDocument.objects.filter(pk=document.pk).update(
            created_at=decided, updated_at=decided
        )
        # The kerngroep set the trajectory up at the start of 2023.
        began = self.at(datetime.date(2023, 1, 16), 9)
        for model in (Pillar, Phase):
            model.objects.filter(trajectory=trajectory).update(created_at=began, updated_at=began)
        Trajectory.objects.filter(pk=trajectory.pk).update(
            created_at=began, updated_at=self.at(datetime.date(2024, 2, 5), 10)
        )
        self.created["participation trajectories"] += 1
        return trajectory

    # --- P2 -----------------------------------------------------------------------------------

    def register(
        self, event: Event, audiences: list[tuple[str, int]], needs_every: int = 0
    ) -> list[Registration]:
        """Registrations through the public service, the audiences taking turns (as people
        register: not group by group)."""
        left = dict(audiences)
        order: list[str] = []
        while any(left.values()):
            for audience, _ in audiences:
                if left[audience]:
                    order.append(audience)
                    left[audience] -= 1
        made = []
        for index, audience in enumerate(order):
            name, email = next(self.people)
            needs = ""
            if needs_every and index % needs_every == 0:
                needs = NEEDS[index // needs_every % len(NEEDS)]
            made.append(
                events.registration_submit(
                    event=event,
                    name=name,
                    email=email,
                    audience=audience,
                    accessibility_needs=needs,
                )
            )
        self.created["event registrations"] += len(made)
        return made

    def kick_off(self, trajectory: Trajectory) -> Event:
        """The conference of 7 June 2023, built a month ahead and then dated back."""
        ahead = self.at(self.today + datetime.timedelta(days=30), 10)
        event = events.event_create(
            actor=self.staff,
            region=self.region,
            trajectory=trajectory,
            title=KICK_OFF_TITLE,
            description=KICK_OFF_DESCRIPTION,
            programme=KICK_OFF_PROGRAMME,
            place="Flexiforum",
            address="Kerkrade",
            starts_at=ahead,
            ends_at=ahead + datetime.timedelta(hours=6),
            capacity=KICK_OFF_CAPACITY,
            audiences=[audience for audience, _ in KICK_OFF_AUDIENCES],
        )
        event = events.event_publish(actor=self.staff, event=event)
        registrations = self.register(event, list(KICK_OFF_AUDIENCES), needs_every=23)
        # A few gave their place back with the link in their mail, spread over the list.
        step = len(registrations) // KICK_OFF_CANCELLED
        cancelled = registrations[step // 2 :: step][:KICK_OFF_CANCELLED]
        for registration in cancelled:
            events.registration_cancel(key=links.token_for(registration))
        # On the day, staff checked in everyone who came.
        gone = {r.pk for r in cancelled}
        confirmed = [r for r in registrations if r.pk not in gone]
        absent = {r.pk for r in confirmed[5 :: len(confirmed) // KICK_OFF_ABSENT][:KICK_OFF_ABSENT]}
        came = [r for r in confirmed if r.pk not in absent]
        for registration in came:
            events.registration_check_in(actor=self.staff, registration=registration)
        events.event_set_media(actor=self.staff, event=event, media_url=AFTER_MOVIE)
        self.created["events"] += 1
        self._kick_off_back_in_time(event, registrations, gone, came)
        return event

    def _kick_off_back_in_time(
        self,
        event: Event,
        registrations: list[Registration],
        cancelled: set[int],
        came: list[Registration],
    ) -> None:
        """Registrations from 12 April to 4 June 2023 in the order they were made, the
        cancellations a few days after, the check-ins on the morning of 7 June."""
        starts = self.at(KICK_OFF_DAY, 10)
        first = datetime.date(2023, 4, 12)
        days = (datetime.date(2023, 6, 4) - first).days + 1
        checked_in = {
            r.pk: self.at(KICK_OFF_DAY, 9, 15) + datetime.timedelta(seconds=17 * index)
            for index, r in enumerate(came)
        }
        for index, registration in enumerate(registrations):
            registered = self.daytime(first, days, index / len(registrations))
            registration.created_at = registration.updated_at = registered
            registration.cancelled_at = registration.checked_in_at = None
            if registration.pk in cancelled:
                registration.cancelled_at = min(
                    registered + datetime.timedelta(days=3 + index % 9),
                    self.at(datetime.date(2023, 6, 6), 12),
                )
                registration.updated_at = registration.cancelled_at
            elif registration.pk in checked_in:
                registration.checked_in_at = registration.updated_at = checked_in[registration.pk]
        Registration.objects.bulk_update(
            registrations, ["created_at", "updated_at", "cancelled_at", "checked_in_at"]
        )
        Event.objects.filter(pk=event.pk).update(
            starts_at=starts,
            ends_at=self.at(KICK_OFF_DAY, 16),
            registration_closes_at=self.at(datetime.date(2023, 6, 5), 12),
            created_at=self.at(datetime.date(2023, 4, 3), 11),
            updated_at=self.at(datetime.date(2023, 6, 12), 10),
        )

    def focus_group(self, trajectory: Trajectory) -> Event:
        """Next month, for young people, room for 8: full, and 2 on the waiting list."""
        starts = self.at(self.today + datetime.timedelta(days=30), 15, 30)
        event = events.event_create(
            actor=self.staff,
            region=self.region,
            trajectory=trajectory,
            pillar=trajectory.pillars.get(number=3),
            title=FOCUS_GROUP_TITLE,
            description=(
                "Ben je tussen de 12 en 23 jaar en heb je hulp gehad of krijg je die nu? Praat "
                "mee in een kleine groep over wat jou helpt om zelf mee te beslissen over je "
                "hulp. Je krijgt een cadeaubon van 25 euro als bedankje."
            ),
            programme=(
                "15.30 Binnenkomen, iets drinken\n"
                "15.45 Kennismaken\n"
                "16.00 In gesprek: wanneer voelde jij je gehoord?\n"
                "17.00 Wat moet er anders? Jouw tips\n"
                "17.30 Einde"
            ),
            place="Jongerencentrum",
            address="Heerlen",
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            capacity=FOCUS_GROUP_CAPACITY,
            audiences=[AudienceType.YOUNG_PERSON],
            registration_closes_at=starts - datetime.timedelta(days=2),
        )
        event = events.event_publish(actor=self.staff, event=event)
        count = FOCUS_GROUP_CAPACITY + FOCUS_GROUP_WAITING
        registrations = self.register(event, [(AudienceType.YOUNG_PERSON, count)], needs_every=4)
        # Over the last ten days, in the order they came in (the waiting list keeps it).
        first = self.today - datetime.timedelta(days=10)
        for index, registration in enumerate(registrations):
            when = self.daytime(first, 10, index / len(registrations))
            Registration.objects.filter(pk=registration.pk).update(created_at=when, updated_at=when)
        Event.objects.filter(pk=event.pk).update(
            created_at=self.now - datetime.timedelta(days=12),
            updated_at=self.now - datetime.timedelta(days=12),
        )
        self.created["events"] += 1
        return event

    def draft(self, trajectory: Trajectory) -> Event:
        """Pillar 2: a meeting being prepared, not yet open for registration."""
        starts = self.at(self.today + datetime.timedelta(days=75), 19)
        event = events.event_create(
            actor=self.staff,
            region=self.region,
            trajectory=trajectory,
            pillar=trajectory.pillars.get(number=2),
            title=DRAFT_TITLE,
            description=(
                "Hoe krijgen jongeren en ouders een stem waar de zestien gemeenten samen "
                "beslissen? We bespreken het met wethouders en beleidsmedewerkers."
            ),
            place="Gemeentehuis",
            address="Sittard",
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            capacity=60,
            audiences=[
                AudienceType.YOUNG_PERSON,
                AudienceType.PARENT,
                AudienceType.MUNICIPALITY,
                AudienceType.INSTITUTION,
            ],
        )
        self.created["events"] += 1
        return event

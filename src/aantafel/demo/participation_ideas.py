"""Ideas and priorities of young people and parents in Jeugdhulp Zuid-Limburg (P4), written
through the idea services, in the spirit of seeds/004: participation is proactive as well as
reactive.

Seven ideas of fictional people (addresses at voorbeeld.example): five on the public site with
several dozen supports between them, three of those with the region's official response; one
waiting for a check, so staff can try publishing it by hand; and one declined because it names a
care worker. They are dated back over the months after the kick-off conference (as the rest of
the demo), the responses a few weeks after each idea.

The services queue a receipt, a decline and the responses to the authors: the records are
removed at the commit, so nobody is mailed. The loader does nothing while the region has ideas.
"""

import datetime
import zoneinfo
from collections import Counter
from dataclasses import dataclass

from django.db import transaction

from aantafel.accounts.models import User
from aantafel.participation.models import AudienceType, Idea, IdeaMail, Pillar, Trajectory
from aantafel.participation.services import ideas
from aantafel.regions.models import Region

FAMILY = "voorbeeld.example"
WAITING_TITLE = "Ervaringsdeskundigen in de klas"
DECLINED_TITLE = "Mijn begeleider moet weg"


@dataclass(frozen=True)
class DemoIdea:
    title: str
    text: str
    author_name: str
    email: str  # the part before @voorbeeld.example; empty: no address
    audience: str
    pillar: int | None
    submitted: datetime.date
    supports: int = 0
    response: str = ""
    responded_after_days: int = 21
    state: str = "published"  # "published", "submitted" or "declined"
    decline_reason: str = ""


IDEAS = (
    DemoIdea(
        title="Eén vaste hulpverlener voor het hele gezin",
        text=(
            "Wij hebben ons verhaal in twee jaar vijf keer moeten vertellen, steeds aan iemand "
            "nieuw. Dat kost veel energie en je voelt je niet gehoord. Geef elk gezin één vaste "
            "persoon die blijft, ook als de hulp verandert."
        ),
        author_name="Moeder uit Heerlen",
        email="moeder.heerlen",
        audience=AudienceType.PARENT,
        pillar=1,
        submitted=datetime.date(2023, 9, 12),
        supports=23,
        response=(
            "Dank je wel voor dit idee. Veel ouders zeggen hetzelfde. In het plan van aanpak "
            "staat nu dat elk gezin één vaste contactpersoon krijgt. In 2024 proberen vier "
            "gemeenten dit eerst uit. Daarna kijken we samen met ouders of het werkt."
        ),
    ),
    DemoIdea(
        title="Een chat waar je 's avonds terecht kunt",
        text=(
            "Als het thuis misgaat is dat vaak 's avonds of in het weekend. Dan is er niemand "
            "om mee te praten. Maak een chat met jongeren en hulpverleners die tot 's nachts "
            "open is."
        ),
        author_name="Daan (16)",
        email="daan",
        audience=AudienceType.YOUNG_PERSON,
        pillar=3,
        submitted=datetime.date(2023, 10, 3),
        supports=17,
        response=(
            "Goed idee, Daan. We hebben gekeken wat er al is. Via de chat van Veilig Thuis en "
            "de Kindertelefoon kun je al 's avonds praten. We gaan die beter bekend maken op "
            "scholen. Een eigen chat van de regio komt er voorlopig niet."
        ),
        responded_after_days=30,
    ),
    DemoIdea(
        title="Een jongerenraad die echt meebeslist",
        text=(
            "De gemeenten beslissen samen over de jeugdhulp, maar jongeren zitten daar niet "
            "bij. Laat een jongerenraad van de regio meepraten vóór er besloten wordt, niet "
            "achteraf."
        ),
        author_name="Lotte",
        email="lotte",
        audience=AudienceType.YOUNG_PERSON,
        pillar=2,
        submitted=datetime.date(2023, 11, 20),
        supports=12,
        response=(
            "Dit idee nemen we over. Vanaf 2024 praat een groep jongeren mee over elk groot "
            "besluit van de regiogemeenten over jeugdhulp. Ze krijgen de stukken op tijd en in "
            "gewone taal. Wil je meedoen? Kijk bij de bijeenkomsten."
        ),
        responded_after_days=45,
    ),
    DemoIdea(
        title="Laat weten waar je staat op de wachtlijst",
        text=(
            "We wachten nu acht maanden en horen niets. Stuur elke maand een berichtje: waar "
            "sta je, hoe lang duurt het nog, en wat kun je in de tussentijd doen."
        ),
        author_name="Vader van twee",
        email="vader.sittard",
        audience=AudienceType.PARENT,
        pillar=1,
        submitted=datetime.date(2024, 2, 8),
        supports=9,
    ),
    DemoIdea(
        title="Brieven en websites in gewone taal",
        text=(
            "De brieven over mijn hulp snap ik vaak niet. Er staan moeilijke woorden in. "
            "Schrijf zo dat een jongere van 14 het ook begrijpt."
        ),
        author_name="",
        email="",
        audience=AudienceType.YOUNG_PERSON,
        pillar=3,
        submitted=datetime.date(2024, 3, 15),
        supports=6,
    ),
    DemoIdea(
        title=WAITING_TITLE,
        text=(
            "Laat jongeren die zelf jeugdhulp hebben gehad op school vertellen hoe dat ging. "
            "Dan durven anderen ook eerder hulp te vragen."
        ),
        author_name="Sem",
        email="sem",
        audience=AudienceType.YOUNG_PERSON,
        pillar=3,
        submitted=datetime.date(2024, 4, 2),
        state="submitted",
    ),
    DemoIdea(
        title=DECLINED_TITLE,
        text="Mijn begeleider luistert nooit en moet ontslagen worden.",
        author_name="",
        email="jongere.kerkrade",
        audience=AudienceType.YOUNG_PERSON,
        pillar=None,
        submitted=datetime.date(2024, 3, 28),
        state="declined",
        decline_reason=(
            "Je idee gaat over één persoon. Dat zetten we niet op de website. Ben je niet "
            "tevreden over je hulp? Praat erover met de aanbieder of met een "
            "vertrouwenspersoon van het AKJ. Die helpt je gratis."
        ),
    ),
)


def load_ideas(region: Region, trajectory: Trajectory, staff: User, created: Counter[str]) -> None:
    """The demo's ideas, while the region has none."""
    if Idea.objects.filter(region=region).exists():
        return
    zone = zoneinfo.ZoneInfo(region.timezone)
    pillars = {p.number: p for p in Pillar.objects.filter(trajectory=trajectory)}
    for number, demo in enumerate(IDEAS):
        idea = ideas.idea_submit(
            region=region,
            title=demo.title,
            text=demo.text,
            author_name=demo.author_name,
            author_email=f"{demo.email}@{FAMILY}" if demo.email else "",
            author_audience=demo.audience,
            trajectory=trajectory,
            pillar=pillars.get(demo.pillar) if demo.pillar else None,
        )
        created["ideas"] += 1
        if demo.state == "declined":
            ideas.idea_decline(actor=staff, idea=idea, reason=demo.decline_reason)
        elif demo.state == "published":
            ideas.idea_publish(actor=staff, idea=idea)
            for n in range(demo.supports):
                ideas.idea_support(
                    idea=idea, supporter_key=ideas.supporter_key_of(f"demo:{number}:{n}")
                )
            created["idea supports"] += demo.supports
            if demo.response:
                ideas.idea_respond(actor=staff, idea=idea, response=demo.response)
        _back_in_time(idea, demo, zone)
    transaction.on_commit(lambda: _forget_mails(region.pk))


def _back_in_time(idea: Idea, demo: DemoIdea, zone: zoneinfo.ZoneInfo) -> None:
    """Dates the idea back to its day (as the rest of the demo is): submitted in the evening,
    checked two days later, answered some weeks after."""
    submitted = datetime.datetime.combine(demo.submitted, datetime.time(19, 30), tzinfo=zone)
    values: dict = {"created_at": submitted, "updated_at": submitted}
    if idea.moderated_at is not None:
        values["moderated_at"] = submitted + datetime.timedelta(days=2, hours=-5)
    if idea.responded_at is not None:
        values["responded_at"] = submitted + datetime.timedelta(
            days=demo.responded_after_days, hours=-4
        )
        values["updated_at"] = values["responded_at"]
    Idea.objects.filter(pk=idea.pk).update(**values)
    idea.supports.update(created_at=values.get("moderated_at", submitted))


def _forget_mails(region_id: int) -> None:
    """Runs after the idea services queued their mail at the same commit (no task ran: the
    loader's tasks go nowhere): the demo's authors are told nothing."""
    IdeaMail.objects.filter(region_id=region_id, sent_at__isnull=True, attempts=0).delete()

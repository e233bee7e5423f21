"""Experience stories of Jeugdhulp Zuid-Limburg (P5), told and moderated through the story
services: three on the public site — a young person about waiting for help, a parent about
being heard at the table, a young person about turning 18 (published without a name, as the
teller asked) — and one waiting for moderation, to try the moderation by hand
(/regio/zuid-limburg/verhalen/, logged in as staff).

Fictional tellers at voorbeeld.example. The services queue a receipt and a notice of
publication per story: the records are removed at the commit, so nobody is mailed. The stories
are dated back over the past months with plain updates (as the rest of the demo), and written
only while the region has none, so a second run adds nothing.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from aantafel.accounts.models import User
from aantafel.participation.models import AudienceType, Story, StoryMail, Trajectory
from aantafel.participation.services import stories as services
from aantafel.regions.models import Region


@dataclass(frozen=True)
class DemoStory:
    title: str
    text: str
    teller_name: str
    teller_email: str
    audience: str
    anonymous: bool
    days_ago: int
    # The version on the site (None: still waiting for moderation).
    public_title: str | None = None
    public_text: str | None = None
    public_name: str = ""


WAITING_FOR_HELP = DemoStory(
    title="Acht maanden wachten",
    text=(
        "Toen ik 15 was ging het thuis en op school echt niet goed. Mijn mentor op het "
        "Sintermeertencollege in Heerlen heeft me aangemeld. Daarna moest ik acht maanden "
        "wachten. In die tijd hoorde ik bijna niks. Ik dacht dat ze me vergeten waren.\n\n"
        "Wat had geholpen: dat iemand af en toe belt om te vragen hoe het gaat. Ook als er nog "
        "geen plek is. Nu heb ik een begeleider en dat gaat goed, maar die acht maanden waren "
        "de zwaarste van mijn leven."
    ),
    teller_name="Daan Hermans",
    teller_email="daan.hermans@voorbeeld.example",
    audience=AudienceType.YOUNG_PERSON,
    anonymous=False,
    days_ago=120,
    public_title="Acht maanden wachten",
    public_text=(
        "Toen ik 15 was ging het thuis en op school echt niet goed. Mijn mentor heeft me "
        "aangemeld. Daarna moest ik acht maanden wachten. In die tijd hoorde ik bijna niks. Ik "
        "dacht dat ze me vergeten waren.\n\n"
        "Wat had geholpen: dat iemand af en toe belt om te vragen hoe het gaat. Ook als er nog "
        "geen plek is. Nu heb ik een begeleider en dat gaat goed, maar die acht maanden waren "
        "de zwaarste van mijn leven."
    ),
    public_name="Daan (16)",
)
HEARD_AT_THE_TABLE = DemoStory(
    title="Eindelijk aan tafel",
    text=(
        "Jarenlang werd er over ons gepraat in plaats van met ons. Verslagen kwamen per post, "
        "met besluiten waar ik niets van wist. Vorig jaar was het anders: bij het overleg in "
        "Sittard zaten mijn zoon en ik gewoon aan tafel. De voorzitter vroeg eerst aan hem wat "
        "hij wilde. Niet aan de school, niet aan mij.\n\n"
        "Het plan dat er kwam is ons plan. We weten wie wat doet, en wanneer. Mijn advies aan "
        "andere ouders: vraag of je erbij mag zijn. En aan de hulpverleners: laat ons meepraten "
        "voordat er iets besloten is."
    ),
    teller_name="Marion Lemmens",
    teller_email="marion.lemmens@voorbeeld.example",
    audience=AudienceType.PARENT,
    anonymous=False,
    days_ago=75,
    public_title="Eindelijk aan tafel",
    public_text=(
        "Jarenlang werd er over ons gepraat in plaats van met ons. Verslagen kwamen per post, "
        "met besluiten waar ik niets van wist. Vorig jaar was het anders: bij het overleg zaten "
        "mijn zoon en ik gewoon aan tafel. De voorzitter vroeg eerst aan hem wat hij wilde. "
        "Niet aan de school, niet aan mij.\n\n"
        "Het plan dat er kwam is ons plan. We weten wie wat doet, en wanneer. Mijn advies aan "
        "andere ouders: vraag of je erbij mag zijn. En aan de hulpverleners: laat ons meepraten "
        "voordat er iets besloten is."
    ),
    public_name="Marion, moeder",
)
TURNING_18 = DemoStory(
    title="18 worden en ineens alles zelf",
    text=(
        "Ik woonde in een gezinshuis in Maastricht. Op mijn 18e verjaardag stopte mijn "
        "jeugdhulp. Ik moest ineens zelf een zorgverzekering regelen, toeslagen aanvragen en "
        "een huis zoeken. Niemand had me verteld hoe dat moet.\n\n"
        "Gelukkig hielp mijn oude begeleider me nog, in haar eigen tijd. Dat mag eigenlijk "
        "niet. Ik vind dat je een jaar voor je 18e al moet beginnen met plannen, samen met "
        "iemand die je kent. En dat de hulp niet stopt op één dag."
    ),
    teller_name="Noor Jacobs",
    teller_email="noor.jacobs@voorbeeld.example",
    audience=AudienceType.YOUNG_PERSON,
    anonymous=True,
    days_ago=40,
    public_title="18 worden en ineens alles zelf",
    public_text=(
        "Ik woonde in een gezinshuis. Op mijn 18e verjaardag stopte mijn jeugdhulp. Ik moest "
        "ineens zelf een zorgverzekering regelen, toeslagen aanvragen en een huis zoeken. "
        "Niemand had me verteld hoe dat moet.\n\n"
        "Gelukkig hielp mijn oude begeleider me nog, in haar eigen tijd. Ik vind dat je een "
        "jaar voor je 18e al moet beginnen met plannen, samen met iemand die je kent. En dat "
        "de hulp niet stopt op één dag."
    ),
)
WAITING_FOR_MODERATION = DemoStory(
    title="Steeds een nieuwe hulpverlener",
    text=(
        "In twee jaar heb ik vijf verschillende hulpverleners gehad. Elke keer moest ik mijn "
        "hele verhaal opnieuw vertellen. Bij de vierde, Sandra van het wijkteam in Kerkrade, "
        "ben ik gestopt met praten. Ik wil gewoon één vast iemand."
    ),
    teller_name="Ilse Vroemen",
    teller_email="ilse.vroemen@voorbeeld.example",
    audience=AudienceType.YOUNG_PERSON,
    anonymous=True,
    days_ago=3,
)
PUBLISHED = (WAITING_FOR_HELP, HEARD_AT_THE_TABLE, TURNING_18)
STORIES = (*PUBLISHED, WAITING_FOR_MODERATION)


def load_stories(
    region: Region, trajectory: Trajectory | None, staff: User, created: Counter[str]
) -> None:
    """The stories, while the region has none."""
    if Story.objects.filter(region=region).exists():
        return
    now = timezone.now()
    for spec in STORIES:
        story = services.story_submit(
            region=region,
            title=spec.title,
            text=spec.text,
            teller_name=spec.teller_name,
            teller_email=spec.teller_email,
            teller_audience=spec.audience,
            consent=True,
            anonymous=spec.anonymous,
            trajectory=trajectory,
        )
        told = now - datetime.timedelta(days=spec.days_ago, hours=3)
        dates = {"created_at": told, "consent_given_at": told}
        if spec.public_title is not None:
            services.story_publish(
                actor=staff,
                story=story,
                public_title=spec.public_title,
                public_text=spec.public_text or "",
                public_name=spec.public_name,
            )
            published = told + datetime.timedelta(days=2)
            dates |= {"published_at": published, "moderated_at": published}
        # Back in time with a plain update, as the rest of the demo: the services stamp "now".
        Story.objects.filter(pk=story.pk).update(**dates)
        created["experience stories"] += 1
    transaction.on_commit(lambda: _forget_mails(region.pk))


def _forget_mails(region_id: int) -> None:
    """Runs after the story services queued their mail at the same commit (no task ran: the
    loader's tasks go nowhere): the demo's tellers are told nothing."""
    StoryMail.objects.filter(region_id=region_id, sent_at__isnull=True, attempts=0).delete()

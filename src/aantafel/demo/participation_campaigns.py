"""The input campaigns of Jeugdhulp Zuid-Limburg (P3), written through the campaign services,
after seeds/004 ("ophalen, ophalen, ophalen": bottom-up building blocks from young people and
parents, in the first half of 2023).

- A closed campaign for pillar 1 (regular co-decision), "Praat mee over de jeugdhulp", with five
  short questions in plain Dutch (a choice, a rating, a choice, two open questions) and 60
  responses: 36 online, 14 on paper (entered by staff after a walk-in evening) and 10 from a
  focus group of the youth council. The open answers are coded with four themes, and three
  actions of the plan are linked to them, so the plan shows which input it came from. The
  services only take answers while a campaign is open, so it is opened, answered and closed
  now, and then put back in spring 2023 with plain updates (as the events of the demo are).
- An open campaign for young people, "Wat vind jij van de jeugdhulp?", with four questions, so
  a visitor can answer it on /doe-mee/zuid-limburg/vragenlijsten/.

Answers are fictional and anonymous (the campaigns are anonymous: no names). The campaign
services queue no mail; nothing needs forgetting. `load_campaigns` does nothing when the
trajectory has campaigns already, so a second run adds nothing.
"""

import datetime
import random
import zoneinfo
from collections import Counter

from django.utils import timezone

from aantafel.accounts.models import User
from aantafel.participation.models import (
    Answer,
    AudienceType,
    Campaign,
    CampaignResponse,
    Pillar,
    QuestionKind,
    ResponseChannel,
    Theme,
    Trajectory,
)
from aantafel.participation.services import campaigns, coding, plan
from aantafel.regions.models import Region

CLOSED_TITLE = "Praat mee over de jeugdhulp"
OPEN_TITLE = "Wat vind jij van de jeugdhulp?"
CLOSED_INTRO = (
    "We willen weten hoe jij de jeugdhulp in Zuid-Limburg ervaart. En hoe jij wilt meepraten. "
    "Het duurt ongeveer twee minuten. Je naam vragen we niet."
)
OPEN_INTRO = (
    "Jij weet het best wat goed gaat en wat beter kan. Vertel het ons! Het duurt twee minuten "
    "en je naam vragen we niet."
)

KNOWS = ("Ja", "Nee", "Weet ik niet")
HOW = ("Online", "In een groepje", "In een gesprek met één persoon", "Ik wil niet meepraten")

# Open answers as young people and parents give them, each with the themes staff coded it with.
BETTER = (
    ("Ik moest heel lang wachten voordat ik hulp kreeg.", ("Wachtlijsten",)),
    ("Sneller hulp. Nu sta je maanden op een wachtlijst.", ("Wachtlijsten",)),
    ("Dat ze echt luisteren naar wat ik zelf wil.", ("Gehoord worden",)),
    ("Steeds een andere hulpverlener. Dan moet je alles weer vertellen.", ("Vaste hulpverlener",)),
    ("Dat ouders ook gehoord worden, niet alleen de school.", ("Gehoord worden",)),
    ("Eén vast persoon die je kunt bellen.", ("Vaste hulpverlener",)),
    ("Minder formulieren en sneller beginnen.", ("Wachtlijsten",)),
    ("Dat je weet hoe lang het nog duurt.", ("Wachtlijsten", "Gehoord worden")),
    ("Meer uitleg in gewone taal.", ("Gehoord worden",)),
    ("Goed zo, ik heb niks te klagen.", ()),
)
HELPS = (
    ("Online meepraten, dan hoef ik niet te reizen.", ("Meepraten op eigen manier",)),
    ("Samen met andere jongeren die hetzelfde meemaken.", ("Meepraten op eigen manier",)),
    ("Dat ik hoor wat er met mijn mening gebeurt.", ("Gehoord worden",)),
    ("Een avond in de buurt, niet overdag.", ("Meepraten op eigen manier",)),
    ("Iemand die ik al ken die het vraagt.", ("Vaste hulpverlener",)),
    ("Weet ik niet.", ()),
)
THEMES = (
    ("Wachtlijsten", "Lang wachten op hulp, en niet weten hoe lang nog."),
    ("Gehoord worden", "Serieus genomen worden, en horen wat er met je mening gebeurt."),
    ("Vaste hulpverlener", "Eén vast gezicht in plaats van steeds iemand anders."),
    ("Meepraten op eigen manier", "Online, in een groepje of in de buurt: zoals het jou past."),
)
# (title, pillar number, status, owner, themes, description)
ACTIONS = (
    (
        "Wachttijd zichtbaar maken en tussendoor contact houden",
        2,
        "underway",
        "Regiogemeenten Zuid-Limburg",
        ("Wachtlijsten",),
        "Wie wacht, hoort hoe lang het nog duurt en krijgt tussendoor een vast contactmoment.",
    ),
    (
        "Jongerenpanel per aanbieder, met terugkoppeling binnen zes weken",
        1,
        "planned",
        "Kerngroep cliëntparticipatie",
        ("Gehoord worden", "Meepraten op eigen manier"),
        "Elke aanbieder vraagt jongeren mee te praten, online of in een groepje, en laat weten "
        "wat er met hun mening is gedaan.",
    ),
    (
        "Eén vaste contactpersoon tijdens de hele hulp",
        1,
        "planned",
        "Zorgaanbieders Zuid-Limburg",
        ("Vaste hulpverlener",),
        "Jongeren en ouders houden één vast gezicht, ook als de hulp van vorm verandert.",
    ),
)

ONLINE, PAPER, FOCUS = 36, 14, 10


def load_campaigns(
    region: Region, trajectory: Trajectory, staff: User, created: Counter[str]
) -> None:
    """The two campaigns, the coding and the plan's actions, while the trajectory has no
    campaign yet."""
    if Campaign.objects.filter(trajectory=trajectory).exists():
        return
    pillars = {p.number: p for p in Pillar.objects.filter(trajectory=trajectory)}
    closed = _closed_campaign(region, trajectory, pillars.get(1), staff, created)
    themes = _code(closed, staff, created)
    for title, number, status, owner, names, description in ACTIONS:
        plan.plan_action_create(
            actor=staff,
            trajectory=trajectory,
            pillar=pillars.get(number),
            title=title,
            description=description,
            owner=owner,
            status=status,
            themes=[themes[name] for name in names],
        )
        created["plan actions"] += 1
    _open_campaign(region, trajectory, pillars.get(3), staff, created)


def _closed_campaign(region, trajectory, pillar, staff, created) -> Campaign:
    campaign = campaigns.campaign_create(
        actor=staff,
        region=region,
        trajectory=trajectory,
        pillar=pillar,
        title=CLOSED_TITLE,
        introduction=CLOSED_INTRO,
        audiences=[AudienceType.YOUNG_PERSON, AudienceType.PARENT, AudienceType.OTHER],
    )
    ask = _asker(staff, campaign)
    knows = ask(
        QuestionKind.CHOICE,
        "Weet je dat er een cliëntenraad of jongerenraad is bij jouw hulpverlener?",
        choices=KNOWS,
        required=True,
    )
    heard = ask(
        QuestionKind.RATING,
        "Hoe goed luisteren ze naar jou bij de jeugdhulp?",
        help_text="1 is heel slecht, 5 is heel goed.",
    )
    how = ask(QuestionKind.CHOICE, "Hoe wil jij het liefst meepraten?", choices=HOW)
    better = ask(QuestionKind.OPEN, "Wat moet er beter bij de jeugdhulp?")
    helps = ask(QuestionKind.OPEN, "Wat helpt jou om mee te praten?")
    campaigns.campaign_open(actor=staff, campaign=campaign)

    # Answers spread the way a real round would (seeded: every load the same), not evenly.
    rng = random.Random(2023)  # noqa: S311 - demo answers, not secrets

    def answers(i: int) -> dict:
        given = {
            knows.pk: rng.choices(KNOWS, weights=(3, 5, 2))[0],
            heard.pk: rng.choices((1, 2, 3, 4, 5), weights=(2, 4, 6, 5, 2))[0],
            how.pk: rng.choices(HOW, weights=(6, 4, 3, 1))[0],
        }
        if i % 6 != 5:  # not everyone writes something
            given[better.pk] = BETTER[i % len(BETTER)][0]
        if i % 3 == 0:
            given[helps.pk] = HELPS[(i // 3) % len(HELPS)][0]
        return given

    audiences = (AudienceType.YOUNG_PERSON, AudienceType.YOUNG_PERSON, AudienceType.PARENT)
    for i in range(ONLINE):
        audience = audiences[i % 3] if i % 11 else AudienceType.OTHER
        campaigns.response_submit(campaign=campaign, answers=answers(i), audience=audience)
    for i in range(ONLINE, ONLINE + PAPER):
        campaigns.response_enter(
            actor=staff,
            campaign=campaign,
            channel=ResponseChannel.PAPER,
            answers=answers(i),
            audience=AudienceType.PARENT if i % 2 else AudienceType.YOUNG_PERSON,
            source_note="Inloopavond ouders, Sittard-Geleen",
        )
    for i in range(ONLINE + PAPER, ONLINE + PAPER + FOCUS):
        campaigns.response_enter(
            actor=staff,
            campaign=campaign,
            channel=ResponseChannel.FOCUS_GROUP,
            answers=answers(i),
            audience=AudienceType.YOUNG_PERSON,
            source_note="Focusgroep jongerenraad Heerlen",
        )
    campaigns.campaign_close(actor=staff, campaign=campaign)
    _back_in_time(campaign, region)
    created["input campaigns"] += 1
    created["campaign responses"] += ONLINE + PAPER + FOCUS
    return campaign


def _asker(staff, campaign):
    def ask(kind, text, *, choices=(), help_text="", required=False):
        return campaigns.question_add(
            actor=staff,
            campaign=campaign,
            kind=kind,
            text=text,
            help_text=help_text,
            choices=list(choices),
            required=required,
        )

    return ask


def _back_in_time(campaign: Campaign, region: Region) -> None:
    """The campaign ran from 1 March to 15 May 2023; the answers spread over those weeks."""
    tz = zoneinfo.ZoneInfo(region.timezone)
    opened = datetime.datetime(2023, 3, 1, 9, 0, tzinfo=tz)
    closed = datetime.datetime(2023, 5, 15, 17, 0, tzinfo=tz)
    Campaign.objects.filter(pk=campaign.pk).update(
        created_at=opened - datetime.timedelta(days=14), opened_at=opened, closed_at=closed
    )
    made = list(CampaignResponse.objects.filter(campaign=campaign).order_by("pk"))
    span = (closed - opened).total_seconds() - 3600
    for i, response in enumerate(made):
        moment = opened + datetime.timedelta(seconds=span * (i + 1) / (len(made) + 1))
        CampaignResponse.objects.filter(pk=response.pk).update(created_at=moment, updated_at=moment)


def _code(campaign: Campaign, staff: User, created: Counter[str]) -> dict[str, Theme]:
    """Staff code the open answers with the four themes, as they read them."""
    themes = {
        name: coding.theme_create(actor=staff, campaign=campaign, name=name, description=text)
        for name, text in THEMES
    }
    created["campaign themes"] += len(themes)
    coded = dict((*BETTER, *HELPS))
    for question in campaign.questions.filter(kind=QuestionKind.OPEN):
        codes = {
            answer.pk: [themes[name] for name in coded.get(answer.text, ())]
            for answer in Answer.objects.filter(question=question)
        }
        coding.coding_save(actor=staff, question=question, codes=codes)
    return themes


def _end_of_day(moment: datetime.datetime, region: Region) -> datetime.datetime:
    """23.59 in the region on the day of `moment`."""
    day = timezone.localdate(moment, zoneinfo.ZoneInfo(region.timezone))
    return datetime.datetime.combine(
        day, datetime.time(23, 59), tzinfo=zoneinfo.ZoneInfo(region.timezone)
    )


def _open_campaign(region, trajectory, pillar, staff, created) -> Campaign:
    campaign = campaigns.campaign_create(
        actor=staff,
        region=region,
        trajectory=trajectory,
        pillar=pillar,
        title=OPEN_TITLE,
        introduction=OPEN_INTRO,
        audiences=[AudienceType.YOUNG_PERSON, AudienceType.PARENT, AudienceType.OTHER],
        # Sixty days ahead, at the end of that day: a time people can read on a poster.
        closes_at=_end_of_day(timezone.now() + datetime.timedelta(days=60), region),
    )
    ask = _asker(staff, campaign)
    ask(
        QuestionKind.CHOICE,
        "Heb je nu hulp van de jeugdhulp?",
        choices=("Ja", "Nee, maar wel gehad", "Nee"),
    )
    ask(
        QuestionKind.RATING,
        "Welk cijfer geef je de hulp?",
        help_text="1 is heel slecht, 5 is heel goed.",
    )
    ask(QuestionKind.OPEN, "Wat gaat goed?")
    ask(QuestionKind.OPEN, "Wat moet anders?")
    campaigns.campaign_open(actor=staff, campaign=campaign)
    created["input campaigns"] += 1
    return campaign

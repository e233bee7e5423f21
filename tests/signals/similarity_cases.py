"""The test set for similar-signal suggestions (S2), written before the method was tuned.

ORIGINALS are earlier signals in one region, as young people, parents and representatives write
them (Flemish and Dutch youth care: wachtlijsten, RTJ, onthaal, school, vervoer, privacy,
begeleiders die wisselen, …). Several are deliberately close to each other in words while
being about something else (the distractors), so a method that only counts shared words
such as "jeugdhulp" or "begeleider" loses precision on them.

REWORDED are later signals with the same concern as one original, in other words. They range
from close (shared key words) to hard (hardly a shared word). The pair is the answer key:
for each reworded signal, its original should be among the first suggestions.

How these cases came about, and the rule that they are not edited to make the method look
better, is in docs/similarity.md.
"""

ORIGINALS: dict[str, str] = {
    # Waiting lists and access
    "wachtlijst_gesprek": (
        "Ik wacht al vier maanden op een eerste gesprek bij de jeugdhulp. "
        "Niemand belt terug en ik weet niet hoe lang het nog duurt."
    ),
    "wachtlijst_ouder": (
        "Als ouder sta ik al een half jaar op een wachtlijst voor thuisbegeleiding. "
        "Ondertussen gaat het thuis steeds slechter met onze zoon."
    ),
    "rtj_info": (
        "Op de website van de RTJ staat niet duidelijk wat rechtstreeks toegankelijke hulp is. "
        "Ik wist niet dat ik zelf kon bellen zonder verwijzing."
    ),
    "onthaal_telefoon": (
        "Het onthaal is alleen telefonisch bereikbaar tijdens de schooluren. "
        "Als jongere kan ik dan niet bellen omdat ik in de klas zit."
    ),
    "crisis_weekend": (
        "In het weekend is er niemand bereikbaar als het thuis misloopt. "
        "Het crisismeldpunt verwees ons door naar maandag."
    ),
    # Changing and absent workers
    "begeleider_wisselt": (
        "Mijn begeleider is dit jaar al drie keer veranderd. "
        "Telkens moet ik mijn hele verhaal opnieuw vertellen."
    ),
    "begeleider_ziek": (
        "Mijn begeleider is al weken ziek en er is geen vervanger. "
        "Afspraken worden gewoon geschrapt zonder dat iemand het laat weten."
    ),
    "consulent_onbereikbaar": (
        "De consulent van het OCMW antwoordt nooit op mijn mails. "
        "Ik heb haar nodig voor mijn leefgeld en mijn huur."
    ),
    # School
    "school_begrip": (
        "Op school weten de leerkrachten niet dat ik in een voorziening woon. "
        "Als ik te laat kom door een gesprek, krijg ik een strafstudie."
    ),
    "clb_samenwerking": (
        "Het CLB en de jeugdhulp werken niet samen. "
        "Mijn dochter moet bij allebei hetzelfde vertellen en ze spreken elkaar tegen."
    ),
    "school_afwezig": (
        "Mijn zoon mag pas terug naar school als er een plan is, "
        "maar dat plan komt er maar niet. Hij zit nu al twee maanden thuis."
    ),
    # Transport
    "vervoer_taxi": (
        "De taxi naar de dagbesteding komt vaak een uur te laat. "
        "Dan mist mijn kind de ochtendactiviteit en is het hele dag van slag."
    ),
    "vervoer_bus": (
        "De voorziening ligt ver van het station en er rijdt geen bus in het weekend. "
        "Daardoor kan ik mijn ouders bijna nooit bezoeken."
    ),
    "vervoer_kosten": (
        "Wij moeten zelf de treinkaart betalen om naar de therapie in de stad te gaan. "
        "Dat kost ons meer dan honderd euro per maand."
    ),
    # Privacy
    "privacy_dossier": (
        "Ik mag mijn eigen dossier niet lezen. "
        "Er staan dingen in over mij waar ik het niet mee eens ben."
    ),
    "privacy_groepsapp": (
        "De begeleiders zetten informatie over jongeren in een groepsapp. "
        "Ik wil niet dat iedereen mijn problemen kan lezen."
    ),
    "privacy_school": (
        "De jeugdhulp heeft zonder te vragen informatie over ons gezin aan de school gegeven."
    ),
    # Participation and being heard
    "niet_gehoord": (
        "Bij het overleg over mijn toekomst praten de volwassenen over mij "
        "en niemand vraagt wat ik zelf wil."
    ),
    "ouders_niet_betrokken": (
        "Als ouders worden we niet betrokken bij beslissingen over de hulp aan ons kind. "
        "We horen het pas achteraf."
    ),
    "verslag_moeilijk": (
        "Het verslag van de jeugdrechter is geschreven in moeilijke woorden. "
        "Ik begrijp niet wat er over mij beslist is."
    ),
    # Living in a facility
    "leefgroep_regels": (
        "In de leefgroep zijn de regels over gsm-gebruik heel streng. "
        "Na negen uur moet je je telefoon afgeven, ook als je achttien bent."
    ),
    "leefgroep_eten": (
        "Het eten in de leefgroep is elke week hetzelfde en er is te weinig. "
        "We mogen zelf niets koken."
    ),
    "kamer_privacy": (
        "Begeleiders komen mijn kamer binnen zonder te kloppen. "
        "Ik heb nergens een plek voor mezelf."
    ),
    "zakgeld": (
        "Het zakgeld in de voorziening is al jaren niet verhoogd. "
        "Met tien euro per week kan je bijna niets."
    ),
    # Turning eighteen
    "achttien_stopt": (
        "Als ik achttien word, stopt mijn hulp. "
        "Ik weet niet waar ik dan moet wonen en niemand heeft een plan met mij gemaakt."
    ),
    "kamertraining": (
        "Ik wil graag op kamertraining, maar er zijn te weinig plaatsen. "
        "Ik moet wachten tot iemand anders vertrekt."
    ),
    # Mental health
    "psycholoog_kosten": (
        "Een psycholoog is te duur voor ons gezin. "
        "De gratis sessies via de eerstelijn zijn na acht keer op."
    ),
    "opname_ver": (
        "Mijn dochter is opgenomen in een ziekenhuis ver van huis. "
        "We kunnen haar maar één keer per week zien."
    ),
    # Other
    "pleegzorg_contact": (
        "Als pleegkind mag ik mijn broer maar één keer per maand zien. "
        "Hij woont in een ander pleeggezin en ik mis hem heel erg."
    ),
    "digitaal_formulier": (
        "Het aanmeldformulier voor hulp is alleen online en heel lang. "
        "Mijn moeder spreekt weinig Nederlands en kan het niet invullen."
    ),
}

# (reworded text, key of its original)
REWORDED: list[tuple[str, str]] = [
    (
        "Het duurt zo lang voor iemand tijd heeft om met mij te praten. "
        "Ik heb me in het voorjaar aangemeld en heb nog steeds niemand gezien.",
        "wachtlijst_gesprek",
    ),
    (
        "Onze zoon moet maanden wachten op begeleiding aan huis en thuis escaleert het.",
        "wachtlijst_ouder",
    ),
    (
        "Ik had geen idee dat je zonder doorverwijzing zelf hulp kan vragen. "
        "Dat moet veel beter uitgelegd worden.",
        "rtj_info",
    ),
    (
        "Je kan het onthaal alleen overdag bellen, maar dan zit ik op school.",
        "onthaal_telefoon",
    ),
    (
        "Steeds een nieuwe begeleider. Ik ben het beu om alles telkens opnieuw uit te leggen.",
        "begeleider_wisselt",
    ),
    (
        "Mijn leraren snappen niet dat ik in een instelling woon en straffen me als ik te laat ben.",
        "school_begrip",
    ),
    (
        "Het busje dat mijn dochter ophaalt is bijna elke ochtend te laat, "
        "en dan is haar dag verpest.",
        "vervoer_taxi",
    ),
    (
        "Ik kan in het weekend niet naar huis omdat er geen openbaar vervoer is naar de instelling.",
        "vervoer_bus",
    ),
    (
        "Waarom mag ik niet lezen wat er in mijn dossier over mij geschreven staat?",
        "privacy_dossier",
    ),
    (
        "Er wordt over mij beslist zonder dat ze naar mijn mening vragen.",
        "niet_gehoord",
    ),
    (
        "Ik snap het vonnis van de rechter niet, er staan allemaal moeilijke woorden in.",
        "verslag_moeilijk",
    ),
    (
        "Waarom moeten we onze gsm 's avonds inleveren, zelfs als we meerderjarig zijn?",
        "leefgroep_regels",
    ),
    (
        "Straks ben ik 18 en dan valt alle begeleiding weg. Waar moet ik dan naartoe?",
        "achttien_stopt",
    ),
    (
        "Mijn broertje woont bij een ander gezin en ik zie hem bijna nooit.",
        "pleegzorg_contact",
    ),
    (
        "Het inschrijfformulier is te ingewikkeld en staat alleen op internet. "
        "Ouders die geen Nederlands kunnen lezen lukt het niet.",
        "digitaal_formulier",
    ),
]

# Later signals about something no original is about: nothing should be suggested for them
# above the threshold (they measure false alarms, not ranking).
UNRELATED: list[str] = [
    "Er is geen sportclub in ons dorp waar jongeren met een beperking kunnen meedoen.",
    "Ik wil graag een stage doen in een garage, maar ik vind niets in de buurt.",
    "De speeltuin achter onze flat is al een jaar kapot en niemand repareert hem.",
    "Ik ben gepest op sociale media en de politie zegt dat ze niets kunnen doen.",
    "Mijn oma zorgt voor mij maar krijgt daar geen enkele ondersteuning voor.",
]

"""Demo data of client tests (S5): per region one open client test of a body with a supporter
and representatives, with links handed out and answers across the target groups, written
through the services.

Foster carers answered only twice: the report shows how a group that small is counted but not
shown. Idempotent: a region that already has a client test is left alone.
"""

import datetime
import random
from collections import Counter

from django.db.models import Exists, OuterRef
from django.utils import timezone

from aantafel.bodies.models import Body, Membership, MembershipRole
from aantafel.clienttests.models import ClientTest
from aantafel.clienttests.services import (
    client_test_answer_submit,
    client_test_create,
    client_test_links_create,
    client_test_open,
)
from aantafel.regions.models import Region

from .content import RegionSpec

TITLE = "Eén vaste begeleider voor elke jongere"
PROPOSAL = (
    "We willen dat elke jongere in de jeugdhulp één vaste begeleider krijgt.\n\n"
    "Die begeleider blijft bij je, ook als je naar een andere plek of een andere hulp gaat. "
    "Je hoeft je verhaal dan niet steeds opnieuw te vertellen. Je ouders of pleegouders "
    "kunnen die begeleider ook altijd bellen.\n\n"
    "We beginnen hiermee in januari, eerst in twee gemeenten. Na een jaar kijken we samen "
    "met jongeren en ouders of het werkt."
)
# (target group, number of answers, comments the group writes)
ANSWERS = (
    (
        "young_people",
        9,
        {
            "clarity_comment": ["Duidelijk. Maar wat als ik mijn begeleider niet leuk vind?"],
            "impact_comment": [
                "Fijn, ik heb al vier begeleiders gehad dit jaar.",
                "Dan hoef ik niet alles opnieuw te vertellen.",
            ],
            "remarks": ["Vraag ook jongeren die nu in een groep wonen."],
        },
    ),
    (
        "young_adults",
        4,
        {
            "participation_comment": ["Wat gebeurt er als je 18 wordt? Blijft die begeleider?"],
            "remarks": ["Denk ook aan jongvolwassenen na hun 18de."],
        },
    ),
    (
        "parents",
        8,
        {
            "accessibility_comment": ["Kan ik de begeleider ook 's avonds bereiken?"],
            "impact_comment": ["Eindelijk één vast aanspreekpunt voor ons gezin."],
            "remarks": ["Twee gemeenten is weinig. Wanneer komen de andere?"],
        },
    ),
    (
        "foster_carers",
        2,
        {"remarks": ["Wij willen ook meepraten over de keuze van de begeleider."]},
    ),
)


def _body(region: Region) -> Body | None:
    """The body that runs the demo test: one with a supporter and a representative now."""
    current = Membership.objects.current().filter(body=OuterRef("pk"))
    return (
        Body.objects.filter(region=region)
        .filter(Exists(current.filter(role=MembershipRole.SUPPORTER)))
        .filter(Exists(current.filter(constituency__isnull=False)))
        .order_by("name")
        .first()
    )


def load_client_tests(region: Region, spec: RegionSpec, *, created: Counter[str]) -> None:
    """Idempotent: records that already exist are left as they are."""
    if ClientTest.objects.filter(region=region).exists():
        return
    body = _body(region)
    if body is None:
        return
    current = Membership.objects.current().filter(body=body).select_related("user")
    supporter = current.filter(role=MembershipRole.SUPPORTER).first()
    representative = current.filter(constituency__isnull=False).order_by("pk").first()
    assert supporter is not None
    assert representative is not None
    rng = random.Random(spec.slug)  # noqa: S311 - demo marks, not secrets
    test = client_test_create(
        actor=supporter.user,
        body=body,
        title=TITLE,
        proposal=PROPOSAL,
        target_groups=["young_people", "young_adults", "parents", "foster_carers"],
        closes_on=timezone.localdate() + datetime.timedelta(days=21),
        document_url="",
    )
    client_test_open(actor=supporter.user, test=test)
    total = sum(count for _g, count, _c in ANSWERS)
    handed_out = client_test_links_create(
        actor=representative.user, test=test, count=total + 6, label="achterban"
    )
    links = iter(handed_out)
    for group, count, comments in ANSWERS:
        for i in range(count):
            texts = {name: values[i] for name, values in comments.items() if i < len(values)}
            client_test_answer_submit(
                link=next(links),
                target_group=group,
                clarity=rng.choice([3, 4, 4, 5]),
                accessibility=rng.choice([2, 3, 4, 4]),
                participation=rng.choice([2, 3, 3, 4]),
                impact=rng.choice([3, 4, 5, 5]),
                **texts,
            )
    created["client tests"] += 1
    created["client test answers"] += total

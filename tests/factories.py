"""Factories with a trait per lifecycle state. Rules are tested through the services; these
only set the scene."""

import datetime

import factory
from django.utils import timezone

from aantafel.accounts.models import User
from aantafel.bodies import models as b
from aantafel.regions.models import Region, RegionMembership, RegionRole


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Regio {n}")
    slug = factory.Sequence(lambda n: f"regio-{n}")
    country = "BE"
    timezone = "Europe/Brussels"
    theme = "limburg-be"
    department_name = "departement WVG"
    safety_contact_line = "1712"

    class Params:
        dutch = factory.Trait(
            country="NL",
            timezone="Europe/Amsterdam",
            theme="zuid-limburg",
            safety_contact_line="Veilig Thuis: 0800-2000",
            department_name="",
        )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@voorbeeld.example")
    full_name = factory.Sequence(lambda n: f"Persoon {n}")
    password = factory.PostGenerationMethodCall("set_password", "een-goed-wachtwoord-42")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class RegionMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegionMembership

    region = factory.SubFactory(RegionFactory)
    user = factory.SubFactory(UserFactory)
    role = RegionRole.PARTICIPANT


class ConstituencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = b.Constituency

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Achterban {n}")
    kind = b.ConstituencyKind.CLIENTS


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = b.Organisation

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Organisatie {n}")


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = b.Body

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Overleg {n}")
    body_type = b.BodyType.WORKING_GROUP


class TermsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = b.TermsOfReference

    body = factory.SubFactory(BodyFactory)
    region = factory.SelfAttribute("body.region")
    version = factory.Sequence(lambda n: n + 1)
    objectives = "- Inventarisatie en informatie-uitwisseling"
    mandate = "Elk initiatief nemen dat de participatie bevordert."
    decision_rule = b.DecisionRule.CONSENSUS
    approved_by = "IROJ Limburg"
    approved_on = datetime.date(2021, 6, 9)


class SeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = b.Seat

    body = factory.SubFactory(BodyFactory)
    region = factory.SelfAttribute("body.region")
    constituency = factory.SubFactory(ConstituencyFactory, region=factory.SelfAttribute("..region"))
    places = 1


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = b.Membership
        skip_postgeneration_save = True

    body = factory.SubFactory(BodyFactory)
    region = factory.SelfAttribute("body.region")
    user = factory.SubFactory(UserFactory)
    role = b.MembershipRole.MEMBER
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=365))

    class Params:
        chair = factory.Trait(role=b.MembershipRole.CHAIR)
        supporter = factory.Trait(role=b.MembershipRole.SUPPORTER)
        ended = factory.Trait(
            end_date=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=30)
            ),
            end_reason="Termijn voorbij",
        )

    @factory.post_generation
    def in_region(obj, create, extracted, **kwargs):
        """A member of a body belongs to its region (B1)."""
        if create:
            RegionMembership.objects.get_or_create(
                region=obj.region, user=obj.user, defaults={"role": RegionRole.PARTICIPANT}
            )


# --- The meeting cycle ---------------------------------------------------------------------------
from aantafel.meetings import models as m  # noqa: E402
from aantafel.regions.models import PlanTheme  # noqa: E402


def _in_days(days: int, hour: int = 14) -> datetime.datetime:
    """A moment `days` from now at `hour` o'clock in the current time zone."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class PlanThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanTheme

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Thema {n}")


class MeetingFactory(factory.django.DjangoModelFactory):
    """A meeting three weeks ahead. Traits: published, held (a week ago), draft (held, minutes
    in draft)."""

    class Meta:
        model = m.Meeting

    body = factory.SubFactory(BodyFactory)
    region = factory.SelfAttribute("body.region")
    starts_at = factory.LazyFunction(lambda: _in_days(21))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    location = "Provinciehuis Hasselt, zaal 2"

    class Params:
        published = factory.Trait(
            status=m.MeetingStatus.PUBLISHED,
            published_at=factory.LazyFunction(timezone.now),
        )
        held = factory.Trait(
            status=m.MeetingStatus.HELD,
            starts_at=factory.LazyFunction(lambda: _in_days(-7)),
            published_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=20)),
            held_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7)),
        )


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    region = factory.SelfAttribute("meeting.region")
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Agendapunt {n}")
    item_type = m.ItemType.DISCUSSION
    explanation = "Toelichting bij het punt."


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Attendance

    meeting = factory.SubFactory(MeetingFactory, published=True)
    region = factory.SelfAttribute("meeting.region")
    user = factory.SubFactory(UserFactory)


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Decision

    item = factory.SubFactory(AgendaItemFactory, meeting__held=True, item_type=m.ItemType.DECISION)
    region = factory.SelfAttribute("item.region")
    text = "Het overleg stemt in met het voorstel."
    decision_rule = b.DecisionRule.CONSENSUS
    outcome = m.DecisionOutcome.AGREED


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Action

    body = factory.SubFactory(BodyFactory)
    region = factory.SelfAttribute("body.region")
    title = factory.Sequence(lambda n: f"Actie {n}")
    owner = factory.SubFactory(UserFactory)
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))

    class Params:
        overdue = factory.Trait(
            due_date=factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
        )


# --- Signals -------------------------------------------------------------------------------------
from aantafel.signals import models as sig  # noqa: E402


class SignalFactory(factory.django.DjangoModelFactory):
    """A public signal, new. Trait: representative (raised for a constituency)."""

    class Meta:
        model = sig.Signal

    region = factory.SubFactory(RegionFactory)
    text = factory.Sequence(lambda n: f"Signaal {n}: ouders wachten lang op hulp.")
    source = sig.SignalSource.PUBLIC


# --- Client tests (S5) ---------------------------------------------------------------------------
from aantafel.clienttests import models as ct  # noqa: E402


class ClientTestFactory(factory.django.DjangoModelFactory):
    """A draft client test asking young people and parents. Traits: open, closed."""

    class Meta:
        model = ct.ClientTest

    body = factory.SubFactory(BodyFactory)
    region = factory.SelfAttribute("body.region")
    title = factory.Sequence(lambda n: f"Voorstel {n}: een vaste begeleider")
    proposal = "Elke jongere krijgt één vaste begeleider. Die blijft, ook als je verhuist."
    target_groups = factory.LazyFunction(lambda: ["young_people", "parents"])
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=21))

    class Params:
        open = factory.Trait(status="open")
        closed = factory.Trait(status="closed")


class ClientTestLinkFactory(factory.django.DjangoModelFactory):
    """An unused link without its own end date."""

    class Meta:
        model = ct.ClientTestLink

    test = factory.SubFactory(ClientTestFactory)
    region = factory.SelfAttribute("test.region")
    key = factory.Sequence(lambda n: f"k{n:015d}")
    label = "achterban"


# --- Advice requests (S4) ------------------------------------------------------------------------
from aantafel.advice import models as adv  # noqa: E402


class AdviceRequestFactory(factory.django.DjangoModelFactory):
    """An advice request as received, due in three weeks. Build later states through the
    services (aantafel.advice.services)."""

    class Meta:
        model = adv.AdviceRequest

    body = factory.SubFactory(BodyFactory)
    region = factory.SelfAttribute("body.region")
    requester_kind = adv.RequesterKind.DEPARTMENT
    requester_name = "Departement WVG"
    title = factory.Sequence(lambda n: f"Adviesvraag {n}")
    question = "Hoe kijken jullie naar de nieuwe regels voor crisisopvang?"
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=21))

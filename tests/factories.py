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

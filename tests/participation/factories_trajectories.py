"""Factories of participation trajectories (P1), with a trait per lifecycle state. Rules are
tested through the services; these only set the scene."""

import datetime

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from aantafel.participation import models as p

from ..factories import RegionFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_upload(name: str = "plan-van-aanpak.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


class TrajectoryFactory(factory.django.DjangoModelFactory):
    """Zuid-Limburg's model: 2023–2028."""

    class Meta:
        model = p.Trajectory

    region = factory.SubFactory(RegionFactory)
    title = factory.Sequence(lambda n: f"Cliënt- en jongerenparticipatie {n}")
    summary = "De stem van jeugdigen en hun netwerk krijgt een plek in het beleid."
    starts_on = datetime.date(2023, 1, 1)
    ends_on = datetime.date(2028, 12, 31)

    class Params:
        public = factory.Trait(published=True)


class PillarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = p.Pillar

    trajectory = factory.SubFactory(TrajectoryFactory)
    region = factory.SelfAttribute("trajectory.region")
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Pijler {n + 1}")


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = p.Phase

    trajectory = factory.SubFactory(TrajectoryFactory)
    region = factory.SelfAttribute("trajectory.region")
    name = "Ophalen"
    starts_on = factory.SelfAttribute("trajectory.starts_on")


class TrajectoryUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = p.TrajectoryUpdate

    trajectory = factory.SubFactory(TrajectoryFactory)
    region = factory.SelfAttribute("trajectory.region")
    kind = p.UpdateKind.PROCESS
    title = factory.Sequence(lambda n: f"Bericht {n}")
    body = "De kerngroep is gestart."
    published_at = factory.LazyFunction(timezone.now)

    class Params:
        result = factory.Trait(kind=p.UpdateKind.RESULT)


class TrajectoryDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = p.TrajectoryDocument

    trajectory = factory.SubFactory(TrajectoryFactory)
    region = factory.SelfAttribute("trajectory.region")
    title = "Plan van aanpak"
    file = factory.django.FileField(data=PDF, filename="plan.pdf")
    original_name = "plan.pdf"
    content_type = "application/pdf"
    size = len(PDF)

    class Params:
        submitted = factory.Trait(decision_status=p.DecisionStatus.SUBMITTED)
        adopted = factory.Trait(
            decision_status=p.DecisionStatus.ADOPTED,
            decided_on=datetime.date(2023, 11, 1),
            decided_by="Regiogemeenten Zuid-Limburg",
        )

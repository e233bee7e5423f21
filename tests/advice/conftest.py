"""The scene of the advice tests: a body with two seats (parents, young people), a
representative for each, its chair and supporter, and an advice request to it."""

from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from aantafel.advice import services
from aantafel.bodies.models import DecisionRule
from aantafel.meetings.models import Stance
from aantafel.regions.models import RegionRole

from .. import factories as f

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_upload(name: str = "notitie.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def set_rule(body, rule: str) -> None:
    """B3: a new version of the terms of reference with this decision rule."""
    version = body.terms_versions.count() + 1
    f.TermsFactory(body=body, version=version, decision_rule=rule)


@pytest.fixture
def scene(region, other_region):
    body = f.BodyFactory(region=region, name="Cliëntvertegenwoordigersoverleg")
    f.TermsFactory(body=body, version=1, decision_rule=DecisionRule.CONSENSUS_WITH_RESERVATION)
    parents = f.ConstituencyFactory(region=region, name="Ouders")
    youth = f.ConstituencyFactory(region=region, name="Jongeren")
    f.SeatFactory(body=body, constituency=parents)
    f.SeatFactory(body=body, constituency=youth)
    other_body = f.BodyFactory(region=region, name="Werkgroep Onderwijs")
    elsewhere = f.ConstituencyFactory(region=region, name="Scholen")
    f.SeatFactory(body=other_body, constituency=elsewhere)
    foreign = f.ConstituencyFactory(region=other_region, name="Ouders Zuid")
    users = SimpleNamespace(
        parent_rep=f.MembershipFactory(body=body, constituency=parents).user,
        youth_rep=f.MembershipFactory(body=body, constituency=youth).user,
        member=f.MembershipFactory(body=body).user,
        other_body_member=f.MembershipFactory(body=other_body, constituency=elsewhere).user,
        chair=f.MembershipFactory(body=body, chair=True).user,
        supporter=f.MembershipFactory(body=body, supporter=True).user,
        staff=f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user,
        region_admin=f.RegionMembershipFactory(region=region, role=RegionRole.ADMIN).user,
        outsider=f.RegionMembershipFactory(region=other_region, role=RegionRole.ADMIN).user,
    )
    request = services.advice_request_create(
        actor=users.supporter,
        body=body,
        requester_kind="department",
        requester_name="Departement WVG",
        requester_email="wvg@departement.example",
        title="Nieuwe regels crisisopvang",
        question="Wat vinden jullie van de nieuwe regels voor crisisopvang?",
        deadline=f.timezone.localdate() + f.datetime.timedelta(days=21),
    )
    return SimpleNamespace(
        region=region,
        body=body,
        other_body=other_body,
        parents=parents,
        youth=youth,
        elsewhere=elsewhere,
        foreign=foreign,
        users=users,
        request=request,
    )


def record_views(scene, request) -> None:
    """Both seats' representatives agree: the request is ready for the advice."""
    u = scene.users
    for rep, constituency in ((u.parent_rep, scene.parents), (u.youth_rep, scene.youth)):
        services.advice_view_record(
            actor=rep,
            advice_request=request,
            constituency=constituency,
            stance=Stance.AGREES,
            view="Eens.",
        )


# The roles of the advice permission matrices (the pages' and the API's), in their order.
ROLES = [
    "anonymous",
    "representative",
    "member",
    "other_body_member",
    "supporter",
    "chair",
    "staff",
    "region_admin",
    "outsider",
]


def users_by_role(scene) -> dict:
    """The scene's user of each role but anonymous."""
    u = scene.users
    return {
        "representative": u.parent_rep,
        "member": u.member,
        "other_body_member": u.other_body_member,
        "supporter": u.supporter,
        "chair": u.chair,
        "staff": u.staff,
        "region_admin": u.region_admin,
        "outsider": u.outsider,
    }


class FailingBackend:
    """An e-mail backend whose server always says no."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        import smtplib

        raise smtplib.SMTPServerDisconnected("the server went away")

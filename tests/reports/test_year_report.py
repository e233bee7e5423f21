"""M13: a yearly report per body, generated from its registers, as a page and a PDF/A."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aantafel.advice.models import AdviceRequest
from aantafel.advice.workflow import AdviceResponse, AdviceStatus
from aantafel.bodies.models import Initiative
from aantafel.meetings.models import (
    Action,
    ActionStatus,
    AgendaItem,
    DecisionOutcome,
    ItemProposal,
    ItemType,
    MeetingStatus,
    Presence,
    ProposalSource,
    ProposalStatus,
)
from aantafel.reports.queries import year_report
from aantafel.signals.workflow import SignalStatus
from tests import factories as f
from tests import pdf_text

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def _at(*args):
    return datetime.datetime(*args, tzinfo=BRUSSELS)


def _meeting(body, start, status=MeetingStatus.HELD, **kwargs):
    return f.MeetingFactory(
        body=body,
        starts_at=start,
        ends_at=start + datetime.timedelta(minutes=20),
        status=status,
        **kwargs,
    )


@pytest.fixture
def year(body, chair):
    """The Kerngroep's 2024: two meetings held (one late on New Year's Eve), one cancelled,
    one the year before."""
    parents = f.ConstituencyFactory(region=body.region, name="Ouders")
    youth = f.ConstituencyFactory(region=body.region, name="Jongeren")
    ouder = f.MembershipFactory(body=body, constituency=parents)
    jongere = f.MembershipFactory(body=body, constituency=youth)
    chair_membership = body.memberships.get(user=chair)

    spring = _meeting(body, _at(2024, 3, 4, 14))
    eve = _meeting(body, _at(2024, 12, 31, 23, 30))  # 22:30 UTC: still 2024 in Hasselt
    _meeting(body, _at(2024, 6, 1, 14), MeetingStatus.CANCELLED, cancelled_reason="Te weinig")
    before = _meeting(body, _at(2023, 12, 31, 23, 30))  # 2023 in Hasselt
    for meeting, presences in (
        (spring, (Presence.PRESENT, Presence.PRESENT, Presence.ABSENT)),
        (eve, (Presence.PRESENT, Presence.EXCUSED, Presence.PRESENT)),
        (before, (Presence.ABSENT, Presence.ABSENT, Presence.ABSENT)),
    ):
        for membership, presence in zip((ouder, jongere, chair_membership), presences, strict=True):
            f.AttendanceFactory(
                meeting=meeting, user=membership.user, membership=membership, presence=presence
            )

    item = f.AgendaItemFactory(meeting=spring, title="Cliëntforum", item_type=ItemType.DECISION)
    f.DecisionFactory(item=item, text="Het cliëntforum komt er.")
    f.DecisionFactory(item=item, text="Tweede besluit.", outcome=DecisionOutcome.POSTPONED)
    secret = f.AgendaItemFactory(meeting=eve, title="Zorgbedrijf", confidential=True)
    f.DecisionFactory(item=secret, text="Geheim besluit over het zorgbedrijf.")
    f.DecisionFactory(item=f.AgendaItemFactory(meeting=before), text="Besluit van 2023.")

    done = f.ActionFactory(body=body, title="Folder maken", status=ActionStatus.DONE)
    Action.objects.filter(pk=done.pk).update(completed_at=_at(2024, 5, 1, 12))
    f.ActionFactory(body=body, title="Website bijwerken")  # open
    f.ActionFactory(body=body, title="Nog niet bedacht")  # open, but taken on after 2024
    old = f.ActionFactory(body=body, title="Oud werk", status=ActionStatus.DONE)
    Action.objects.filter(pk=old.pk).update(completed_at=_at(2023, 5, 1, 12))
    f.ActionFactory(body=body, item=secret, title="Geheime actie")
    Action.objects.exclude(title="Nog niet bedacht").update(created_at=_at(2024, 2, 1, 12))

    parent_meeting = _meeting(body.parent, _at(2024, 4, 10, 10))
    accepted = ItemProposal.objects.create(
        region=body.region,
        body=body.parent,
        submitted_by=chair,
        title="Terugkoppeling maart",
        desired_type=ItemType.REPORT_BACK,
        source=ProposalSource.REPORT_BACK,
        source_meeting=spring,
        status=ProposalStatus.ACCEPTED,
        meeting=parent_meeting,
    )
    parent_item = AgendaItem.objects.create(
        region=body.region,
        meeting=parent_meeting,
        position=1,
        title=accepted.title,
        item_type=ItemType.REPORT_BACK,
        proposal=accepted,
    )
    f.DecisionFactory(item=parent_item, text="IROJ neemt het advies over.")
    ItemProposal.objects.create(
        region=body.region,
        body=body.parent,
        submitted_by=chair,
        title="Terugkoppeling december",
        desired_type=ItemType.REPORT_BACK,
        source=ProposalSource.REPORT_BACK,
        source_meeting=eve,
        status=ProposalStatus.DECLINED,
        decision_reason="Al besproken",
    )
    Initiative.objects.create(
        region=body.region, body=body, title="Jongerendag", taken_on=datetime.date(2024, 9, 1)
    )
    Initiative.objects.create(
        region=body.region, body=body, title="Oud initiatief", taken_on=datetime.date(2023, 9, 1)
    )
    return 2024


def test_m13_year_report_from_the_registers(body, year):
    report = year_report(body, year, include_confidential=True, include_parent_confidential=True)
    assert len(report.meetings_held) == 2
    assert [m.cancelled_reason for m in report.meetings_cancelled] == ["Te weinig"]
    attendance = {a.name: (a.present, a.excused, a.absent, a.rate) for a in report.attendance}
    assert attendance == {
        "Jongeren": (1, 1, 0, 50),
        "Ouders": (2, 0, 0, 100),
        "": (1, 0, 1, 50),  # the chair sits for no constituency
    }
    assert report.attendance[-1].name == ""
    assert [(o.outcome, o.count) for o in report.outcomes] == [("agreed", 2), ("postponed", 1)]
    assert len(report.decisions) == 3
    assert [a.title for a in report.actions_done] == ["Folder maken"]
    assert {a.title for a in report.actions_open} == {"Website bijwerken", "Geheime actie"}
    backs = {rb.proposal.title: rb for rb in report.report_backs}
    assert backs["Terugkoppeling maart"].accepted
    assert [d.text for d in backs["Terugkoppeling maart"].decisions] == [
        "IROJ neemt het advies over."
    ]
    assert backs["Terugkoppeling december"].proposal.status == ProposalStatus.DECLINED
    assert backs["Terugkoppeling december"].decisions == []
    assert [i.title for i in report.initiatives] == ["Jongerendag"]


def test_m13_confidential_decisions_and_actions_stay_out_for_others(body, year):
    report = year_report(body, year, include_confidential=False, include_parent_confidential=False)
    assert "Geheim besluit over het zorgbedrijf." not in [d.text for d in report.decisions]
    assert len(report.decisions) == 2
    assert [a.title for a in report.actions_open] == ["Website bijwerken"]


def test_m13_year_report_page_for_any_region_member_with_fixed_queries(client, body, year, region):
    reader = f.MembershipFactory(body=f.BodyFactory(region=region, name="Werkgroep")).user
    client.force_login(reader)
    url = reverse("body_year_report", args=[region.slug, body.pk, year])
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["report"].year == year
    assert b"Geheim besluit" not in response.content  # not seated in the Kerngroep
    spring = body.meetings.get(starts_at=_at(2024, 3, 4, 14))
    for _ in range(5):  # more of everything
        item = f.AgendaItemFactory(meeting=spring)
        f.DecisionFactory(item=item)
        f.ActionFactory(body=body)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


def test_m13_year_report_404_for_other_region_and_odd_years(client, body, outsider, member):
    url = reverse("body_year_report", args=[body.region.slug, body.pk, 2024])
    assert client.get(url).status_code == 302  # login first
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    pdf_url = reverse("body_year_report_pdf", args=[body.region.slug, body.pk, 2024])
    assert client.get(pdf_url).status_code == 404
    client.force_login(member)
    assert (
        client.get(reverse("body_year_report", args=[body.region.slug, body.pk, 1])).status_code
        == 404
    )


def test_m13_year_report_pdf_is_pdfa(client, body, year, member):
    client.force_login(member)
    response = client.get(reverse("body_year_report_pdf", args=[body.region.slug, body.pk, year]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "jaarverslag-kerngroep-rtj-2024.pdf" in response["Content-Disposition"]
    pdf = response.content
    assert pdf.startswith(b"%PDF-")
    xmp = pdf_text.metadata(pdf)
    assert 'pdfaid:part="3"' in xmp
    assert "Kerngroep RTJ" in xmp
    text = pdf_text.text(pdf)
    for expected in (
        "Ouders",
        "Jongeren",
        "Het cliëntforum komt er.",
        "Folder maken",
        "Terugkoppeling maart",
        "IROJ neemt het advies over.",
        "Jongerendag",
    ):
        assert expected in text
    assert "Geheim besluit over het zorgbedrijf." in text  # a seated member sees it


def _signal_on_table(body, proposer, *, status, summary="", created):
    proposal = ItemProposal.objects.create(
        region=body.region,
        body=body,
        submitted_by=proposer,
        title="Signaal over wachttijden",
        desired_type=ItemType.DISCUSSION,
    )
    ItemProposal.objects.filter(pk=proposal.pk).update(created_at=created)
    closed = status == SignalStatus.CLOSED
    return f.SignalFactory(
        region=body.region,
        proposal=proposal,
        status=status,
        answer="We passen de wachtlijst aan." if status != SignalStatus.ON_THE_TABLE else "",
        answered_at=created if status != SignalStatus.ON_THE_TABLE else None,
        closed_at=created if closed else None,
        publishable=closed,
        public_summary=summary,
    )


def test_m13_signals_and_advice_to_the_table_and_what_became_of_them(body, year, client, member):
    proposer = f.MembershipFactory(body=body, supporter=True).user
    _signal_on_table(body, proposer, status=SignalStatus.ON_THE_TABLE, created=_at(2024, 4, 1, 9))
    _signal_on_table(
        body,
        proposer,
        status=SignalStatus.CLOSED,
        summary="Jongeren wachtten lang; de intake gaat nu sneller.",
        created=_at(2024, 5, 1, 9),
    )
    _signal_on_table(body, proposer, status=SignalStatus.CLOSED, created=_at(2023, 5, 1, 9))
    AdviceRequest.objects.create(
        region=body.region,
        body=body,
        requester_kind="parent_body",
        requester_name="IROJ Limburg",
        title="Regioplan 2025",
        question="Wat vinden cliënten van het regioplan?",
        deadline=datetime.date(2024, 6, 1),
        status=AdviceStatus.RESPONSE_RECEIVED,
        advice_text="Maak de toegang eenvoudiger.",
        advice_given_at=_at(2024, 6, 2, 10),  # a day late
        decision_rule="consensus",
        response=AdviceResponse.PARTLY_ADOPTED,
        response_reason="De toegang wordt eenvoudiger, het budget blijft gelijk.",
        response_recorded_at=_at(2024, 7, 1, 10),
    )

    report = year_report(body, year, include_confidential=False, include_parent_confidential=False)

    assert [(c.status, c.count) for c in report.signal_counts] == [
        (SignalStatus.ON_THE_TABLE, 1),
        (SignalStatus.CLOSED, 1),
    ]
    assert [s.public_summary for s in report.signals_published] == [
        "Jongeren wachtten lang; de intake gaat nu sneller."
    ]
    [advice] = report.advice_given
    assert advice.response == AdviceResponse.PARTLY_ADOPTED
    assert advice.given_on > advice.deadline

    client.force_login(member)
    page = client.get(reverse("body_year_report", args=[body.region.slug, body.pk, year]))
    assert "Regioplan 2025" in page.content.decode()
    assert "de intake gaat nu sneller" in page.content.decode()
    assert "We passen de wachtlijst aan." not in page.content.decode()  # only the summary

"""A known data set for the dashboards (S6), shared by the page, export, API and budget tests.

The region's time zone is Europe/Brussels; the period of the tests is January to June 2025.

Signals (duplicates and another region's signals must never count):
- January: A (new; themes Onderwijs and Wachtlijsten), B (closed; Wachtlijsten; brought in on
  31 January at 23:30 in Brussels, 22:30 UTC), C (new, a safety concern, no theme);
  E is a duplicate of A (Wachtlijsten) and is left out.
- February: D (new; Onderwijs; 1 February 00:30 in Brussels, still 31 January in UTC), and three
  of the five answered signals below.
- March: one of the answered signals.
- The five answered on 15 March 2025 took 10, 20, 30, 40 and 100 days (the last brought in in
  December 2024, before the period): median 30, 90th percentile 76.
- Outside: a signal of July 2025, and one in another region in January.

Attendance (meetings held in the period, representatives only):
- Jongeren: invited 2 (body 1: present, absent), Ouders: invited 2 (body 1 excused, body 2
  present). Not counted: the chair's presence, a planned meeting, a meeting of November 2024,
  another region's meeting.
"""

import datetime
import zoneinfo
from types import SimpleNamespace

from aantafel.meetings.models import MeetingStatus, Presence
from aantafel.regions.models import RegionRole
from aantafel.signals.models import Signal
from aantafel.signals.workflow import SignalStatus
from tests import factories as f

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
PERIOD = {"from_month": "2025-01", "to_month": "2025-06"}
ANSWER_DAYS = (10, 20, 30, 40, 100)


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=BRUSSELS)


def signal(region, created, *, status=SignalStatus.NEW, answered=None, themes=(), **kwargs):
    s = f.SignalFactory(region=region, **kwargs)
    s.themes.set(themes)
    Signal.objects.filter(pk=s.pk).update(
        created_at=created,
        status=status,
        answered_at=answered,
        answer="Een antwoord." if answered or status == SignalStatus.CLOSED else "",
    )
    return s


def meeting(body, start, status=MeetingStatus.HELD):
    return f.MeetingFactory(
        body=body,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        status=status,
    )


def build_signals(region, other_region) -> SimpleNamespace:
    waiting = f.PlanThemeFactory(region=region, name="Wachtlijsten")
    school = f.PlanThemeFactory(region=region, name="Onderwijs")
    a = signal(region, at(2025, 1, 10, 12), themes=[waiting, school])
    b = signal(region, at(2025, 1, 31, 23, 30), status=SignalStatus.CLOSED, themes=[waiting])
    c = signal(region, at(2025, 1, 15, 9), safety_concern=True)
    signal(region, at(2025, 1, 20, 9), themes=[waiting], duplicate_of=a)
    d = signal(region, at(2025, 2, 1, 0, 30), themes=[school])
    answered_on = at(2025, 3, 15, 12)
    answered = [
        signal(
            region,
            answered_on - datetime.timedelta(days=days),
            status=SignalStatus.ANSWERED,
            answered=answered_on,
        )
        for days in ANSWER_DAYS
    ]
    signal(region, at(2025, 7, 2, 12))
    signal(other_region, at(2025, 1, 12, 12), themes=[f.PlanThemeFactory(region=other_region)])
    # A duplicate answered in the period does not count in the answer times either.
    signal(
        region,
        at(2025, 3, 1, 12),
        status=SignalStatus.ANSWERED,
        answered=answered_on,
        duplicate_of=a,
    )
    return SimpleNamespace(waiting=waiting, school=school, a=a, b=b, c=c, d=d, answered=answered)


def build_attendance(region, other_region, body) -> SimpleNamespace:
    body2 = f.BodyFactory(region=region, name="Werkgroep Onderwijs")
    youth = f.ConstituencyFactory(region=region, name="Jongeren")
    parents = f.ConstituencyFactory(region=region, name="Ouders")
    j1 = f.MembershipFactory(body=body, constituency=youth)
    j2 = f.MembershipFactory(body=body, constituency=youth)
    p1 = f.MembershipFactory(body=body, constituency=parents)
    p1b = f.MembershipFactory(body=body2, constituency=parents, user=p1.user)
    chair = f.MembershipFactory(body=body, chair=True)
    m1 = meeting(body, at(2025, 2, 10, 14))
    m2 = meeting(body2, at(2025, 3, 10, 14), MeetingStatus.MINUTES_APPROVED)
    m3 = meeting(body, at(2025, 4, 10, 14), MeetingStatus.PUBLISHED)
    m4 = meeting(body, at(2024, 11, 10, 14))
    for m, membership, presence in (
        (m1, j1, Presence.PRESENT),
        (m1, j2, Presence.ABSENT),
        (m1, p1, Presence.EXCUSED),
        (m1, chair, Presence.PRESENT),
        (m2, p1b, Presence.PRESENT),
        (m3, j1, ""),
        (m4, j1, Presence.ABSENT),
    ):
        f.AttendanceFactory(
            meeting=m, user=membership.user, membership=membership, presence=presence
        )
    other_body = f.BodyFactory(region=other_region)
    other_youth = f.ConstituencyFactory(region=other_region, name="Jongeren")
    elsewhere = f.MembershipFactory(body=other_body, constituency=other_youth)
    f.AttendanceFactory(
        meeting=meeting(other_body, at(2025, 2, 10, 14)),
        user=elsewhere.user,
        membership=elsewhere,
        presence=Presence.PRESENT,
    )
    return SimpleNamespace(body2=body2, youth=youth, parents=parents)


def staff_user(region):
    return f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user


def advice(body, given, deadline, response=""):
    from aantafel.advice.models import AdviceRequest

    request = f.AdviceRequestFactory(body=body, deadline=deadline)
    if given is not None:
        AdviceRequest.objects.filter(pk=request.pk).update(
            status="response_received" if response else "advice_given",
            advice_text="Ons advies.",
            advice_given_at=given,
            decision_rule="consensus",
            response=response,
            response_reason="Omdat." if response else "",
            response_recorded_at=given + datetime.timedelta(days=5) if response else None,
        )
    return request


def build_advice(region, other_region, body) -> SimpleNamespace:
    """Q1 2025: one advice, adopted, given on its deadline day. Q2 2025: three — partly adopted
    and late (given at 00:30 on 1 April in Brussels, still 31 March in UTC, the deadline day),
    no response yet and on time, not adopted and late (of a second body). Not counted: advice
    of December 2024, a request without advice yet, another region's advice."""
    second = f.BodyFactory(region=region, name="Werkgroep Crisis")
    advice(body, at(2025, 2, 10, 20), datetime.date(2025, 2, 10), "adopted")
    advice(body, at(2025, 4, 1, 0, 30), datetime.date(2025, 3, 31), "partly_adopted")
    advice(body, at(2025, 5, 5, 10), datetime.date(2025, 6, 1))
    advice(second, at(2025, 5, 6, 10), datetime.date(2025, 5, 1), "not_adopted")
    advice(body, at(2024, 12, 20, 10), datetime.date(2024, 12, 31), "adopted")
    advice(body, None, datetime.date(2025, 3, 1))
    advice(f.BodyFactory(region=other_region), at(2025, 2, 10, 10), datetime.date(2025, 3, 1))
    return SimpleNamespace(second=second)

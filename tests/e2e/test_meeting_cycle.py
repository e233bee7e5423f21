"""A whole month of a body's work in the browser (M1–M10): an item brought in, accepted,
the agenda published with its calendar invitation, attendance, a decision with a constituency's
reservation and an action, minutes drafted and approved at the next meeting, the PDF downloaded.
Every page is checked by axe (Journey.check)."""

import datetime
import zoneinfo

import icalendar
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from aantafel.meetings.models import (
    Action,
    AgendaItem,
    Attendance,
    ConstituencyPosition,
    Decision,
    Meeting,
    MeetingStatus,
    MinutesVersion,
    Response,
)

from .. import factories as f
from .conftest import either

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def _world():
    region = f.RegionFactory(name="IROJ Limburg", slug="iroj-limburg")
    parent = f.BodyFactory(region=region, name="IROJ Limburg", body_type="steering")
    body = f.BodyFactory(region=region, name="Kerngroep RTJ", body_type="core_group", parent=parent)
    f.TermsFactory(body=body, version=1, decision_rule="consensus_with_reservation")
    parents = f.ConstituencyFactory(region=region, name="Ouders")
    seat = f.SeatFactory(body=body, constituency=parents)
    supporter = f.MembershipFactory(body=body, supporter=True, user__full_name="Sanne Ondersteuner")
    chair = f.MembershipFactory(body=body, chair=True, user__full_name="Chris Voorzitter")
    member = f.MembershipFactory(
        body=body,
        user__full_name="Lotte Janssen",
        seat=seat,
        seat_role="holder",
        constituency=parents,
    )
    day = timezone.localdate() + datetime.timedelta(days=30)
    start = datetime.datetime.combine(day, datetime.time(14), tzinfo=BRUSSELS)
    meeting = f.MeetingFactory(
        body=body, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    return body, meeting, supporter.user, chair.user, member.user


def _into_the_past(meeting: Meeting) -> None:
    """Time goes by: the meeting is happening now."""
    now = timezone.now()
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=now - datetime.timedelta(hours=1), ends_at=now + datetime.timedelta(hours=1)
    )


def _submit(journey) -> None:
    journey.click(journey.page.locator("form.aantafel-form button[type=submit]"))


def _calendar(message) -> icalendar.Calendar:
    for alternative in getattr(message, "alternatives", []):
        content, mimetype = alternative[0], alternative[1]
        if mimetype.startswith("text/calendar"):
            return icalendar.Calendar.from_ical(content)
    for attachment in message.attachments:
        name, content, mimetype = attachment[0], attachment[1], attachment[2]
        if mimetype.startswith("text/calendar") or str(name).endswith(".ics"):
            return icalendar.Calendar.from_ical(content)
    raise AssertionError(f"no calendar in {message.subject!r}")


def test_m1_m10_a_month_of_work_from_item_to_approved_minutes(journey):
    body, meeting, supporter, chair, member = _world()
    page = journey.page
    meeting_url = f"/regio/iroj-limburg/vergaderingen/{meeting.pk}/"

    # M2: a member brings in an item with an explanation.
    journey.login(member.email)
    journey.visit(meeting_url)
    journey.click(
        page.get_by_role("link", name=either("Agendapunt inbrengen", "Bring in an agenda item"))
    )
    page.locator("#id_title").fill("Wachtlijsten in de RTJ")
    page.locator("#id_explanation").fill("Ouders wachten maanden op een eerste gesprek.")
    _submit(journey)
    journey.logout()

    # M2, M4: the supporter accepts it, fills in what it means for clients, publishes (M5).
    journey.login(supporter.email)
    journey.visit(f"/regio/iroj-limburg/organen/{body.pk}/voorstellen/")
    journey.click(page.get_by_role("link", name=either("Beslissen", "Decide")))
    page.locator("input[name=decision][value=accept]").check()
    page.locator("#id_meeting").select_option(str(meeting.pk))
    page.locator("#id_item_type").select_option("decision")
    _submit(journey)
    journey.visit(meeting_url)
    item = AgendaItem.objects.get(meeting=meeting)
    journey.visit(f"{meeting_url}punten/{item.pk}/bewerken/")
    page.locator("#id_client_impact").fill("Ouders weten sneller waar ze terecht kunnen.")
    _submit(journey)
    mail.outbox.clear()
    journey.click(
        page.get_by_role(
            "button",
            name=either(
                "Agenda publiceren en uitnodigingen versturen",
                "Publish the agenda and send the invitations",
            ),
        )
    )
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PUBLISHED

    # M5: everyone got the invitation with a calendar entry in the region's time zone.
    invitations = {m.to[0]: m for m in mail.outbox}
    assert set(invitations) >= {supporter.email, chair.email, member.email}
    event = _calendar(invitations[member.email]).walk("VEVENT")[0]
    assert str(event["ORGANIZER"]).lower() == f"mailto:{supporter.email}"
    attendees = {str(a).lower() for a in event.get("ATTENDEE")}
    assert f"mailto:{member.email}" in attendees
    assert event.decoded("DTSTART") == meeting.starts_at.astimezone(BRUSSELS)
    assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert event.decoded("DTEND") == meeting.ends_at.astimezone(BRUSSELS)
    uid = str(event["UID"])

    # M5: moving the meeting updates the same calendar entry.
    mail.outbox.clear()
    journey.visit(f"{meeting_url}bewerken/")
    page.locator("#id_start").fill("15:00")
    page.locator("#id_end").fill("17:00")
    _submit(journey)
    update = _calendar(next(m for m in mail.outbox if m.to[0] == member.email)).walk("VEVENT")[0]
    assert str(update["UID"]) == uid
    assert int(update["SEQUENCE"]) > int(event.get("SEQUENCE", 0))
    journey.logout()

    # M6: the member says they come.
    journey.login(member.email)
    journey.visit(meeting_url)
    page.locator("input[name=response][value=attending]").check()
    journey.click(
        page.get_by_role("button", name=either("Mijn antwoord opslaan", "Save my answer"))
    )
    assert Attendance.objects.get(meeting=meeting, user=member).response == Response.ATTENDING
    journey.logout()

    # The meeting takes place. M8: a decision with the parents' reservation; M9: an action.
    _into_the_past(meeting)
    journey.login(supporter.email)
    journey.visit(meeting_url)
    journey.click(
        page.get_by_role(
            "button", name=either("De vergadering is gehouden", "The meeting was held")
        )
    )
    journey.visit(f"{meeting_url}punten/{item.pk}/besluit/")
    page.locator("#id_text").fill("De kerngroep vraagt IROJ om wachttijden per regio te monitoren.")
    page.locator("#id_outcome").select_option("agreed_with_reservations")
    page.locator("select[name^='positions-stance_']").select_option("reservation")
    page.locator("textarea[name^='positions-statement_']").fill(
        "Ouders willen eerst een tussenoplossing."
    )
    _submit(journey)
    decision = Decision.objects.get(item=item)
    assert ConstituencyPosition.objects.get(decision=decision).stance == "reservation"
    journey.visit(f"{meeting_url}punten/{item.pk}/actie/")
    page.locator("#id_title").fill("Cijfers wachttijden opvragen bij het agentschap")
    page.locator("#id_owner").select_option(str(member.pk))
    page.locator("#id_due_date").fill(
        (timezone.localdate() + datetime.timedelta(days=21)).isoformat()
    )
    _submit(journey)
    assert Action.objects.get(item=item).owner == member

    # M10: minutes drafted from the record, edited, circulated.
    journey.visit(f"{meeting_url}verslag/")
    journey.click(
        page.get_by_role(
            "button",
            name=either(
                "Verslag opstellen uit het verloop van de vergadering",
                "Draft the minutes from the meeting's record",
            ),
        )
    )
    # Drafting opens the editor, prefilled with the decision and the action.
    editor = page.locator("trix-editor")
    expect(editor).to_contain_text("wachttijden per regio")
    expect(editor).to_contain_text("Cijfers wachttijden opvragen")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Met dank aan alle aanwezigen.")
    _submit(journey)
    expect(page.locator("article")).to_contain_text("wachttijden per regio")
    expect(page.locator("article")).to_contain_text("Met dank aan alle aanwezigen.")
    journey.click(
        page.get_by_role(
            "button", name=either("Rondsturen naar de leden", "Circulate to the members")
        )
    )

    # M10: the next meeting holds the approval of these minutes and approves them.
    next_start = timezone.now() + datetime.timedelta(days=40)
    following = Meeting.objects.create(
        region=body.region,
        body=body,
        starts_at=next_start,
        ends_at=next_start + datetime.timedelta(hours=2),
        location="Hasselt",
    )
    from aantafel.meetings.services import agenda_add_minutes_approval_if_due, meeting_publish

    approval = agenda_add_minutes_approval_if_due(actor=supporter, meeting=following)
    assert approval is not None
    meeting_publish(actor=supporter, meeting=following)
    _into_the_past(following)
    journey.visit(f"/regio/iroj-limburg/vergaderingen/{following.pk}/")
    journey.click(
        page.get_by_role("link", name=either("verslag goedkeuren", "approve the minutes"))
    )
    _submit(journey)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.MINUTES_APPROVED
    assert MinutesVersion.objects.get(minutes__meeting=meeting).number == 1

    # M11: the approved minutes as PDF.
    journey.visit(meeting_url)
    with page.expect_download() as download:
        page.get_by_role("link", name=either("Verslag (pdf)", "Minutes (PDF)")).click()
    path = download.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

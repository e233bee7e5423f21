"""The signal loop in the browser (S1–S3): a young person brings in a signal on a phone, the
supporter triages it onto a meeting agenda and answers it, closes it for publication, and the
feedback e-mail and the public "you said, we did" page show what was done. axe on every page."""

from django.core import mail
from playwright.sync_api import expect

from aantafel.meetings.models import ItemProposal
from aantafel.signals.models import Signal
from aantafel.signals.workflow import SignalStatus

from .. import factories as f
from .conftest import PHONE, either


def _submit(journey, action: str) -> None:
    form = journey.page.locator(f"form:has(input[name=action][value={action}])")
    journey.click(form.locator("button[type=submit]"))


def test_s1_s3_a_signal_from_a_phone_reaches_a_table_and_comes_back_answered(journey):
    region = f.RegionFactory(name="IROJ Limburg", slug="iroj-limburg")
    theme = f.PlanThemeFactory(region=region, name="Wachtlijsten")
    body = f.BodyFactory(region=region, name="Overleg Cliëntvertegenwoordigers")
    f.TermsFactory(body=body, version=1)
    supporter = f.MembershipFactory(body=body, supporter=True).user
    meeting = f.MeetingFactory(body=body)
    page = journey.page

    # S1: a young person, no account, on a phone.
    page.set_viewport_size(PHONE)
    journey.visit(f"/signaal/{region.slug}/")
    expect(page.locator("main")).to_contain_text(region.safety_contact_line)
    page.locator("#id_text").fill(
        "Ik wacht al vier maanden op een gesprek bij de jeugdhulp. Niemand belt terug."
    )
    page.locator("#id_theme").select_option(label="Wachtlijsten")
    page.locator("input[name=contact][value=email]").check()
    page.locator("#id_contact_email").fill("jongere@voorbeeld.example")
    journey.click(page.locator("form.aantafel-form button[type=submit]"))
    signal = Signal.objects.get()
    assert signal.contact_email == "jongere@voorbeeld.example"
    assert list(signal.themes.all()) == [theme]

    # S2: the supporter triages it onto the agenda of the next meeting, then answers it.
    page.set_viewport_size({"width": 1280, "height": 800})
    journey.login(supporter.email)
    journey.visit(f"/regio/{region.slug}/signalen/")
    journey.click(page.locator(f"a[href$='/signalen/{signal.pk}/']").first)
    page.locator("input[name=move-status][value=in_preparation]").check()
    _submit(journey, "move")
    page.locator("#id_table-body").select_option(str(body.pk))
    page.locator("#id_table-meeting").select_option(str(meeting.pk))
    page.locator("#id_table-title").fill("Wachttijden bij de eerste hulpvraag")
    mail.outbox.clear()
    _submit(journey, "table")
    signal.refresh_from_db()
    assert signal.status == SignalStatus.ON_THE_TABLE
    assert ItemProposal.objects.get(pk=signal.proposal_id).meeting == meeting
    page.locator("#id_answer-answer").fill(
        "Het overleg bracht je signaal naar IROJ. Vanaf januari belt de jeugdhulp binnen "
        "twee weken terug."
    )
    _submit(journey, "answer")
    page.locator("#id_close-publishable").check()
    page.locator("#id_close-public_summary").fill(
        "Jongeren wachten lang op een eerste gesprek. Vanaf januari belt de jeugdhulp binnen "
        "twee weken terug."
    )
    _submit(journey, "close")
    signal.refresh_from_db()
    assert signal.status == SignalStatus.CLOSED

    # S3: the young person heard at each step, and the public page shows what was done.
    to_raiser = [m for m in mail.outbox if m.to == ["jongere@voorbeeld.example"]]
    assert len(to_raiser) == 3  # on the table, answered, closed
    assert "binnen twee weken terug" in to_raiser[1].body
    journey.logout()
    page.set_viewport_size(PHONE)
    journey.visit(f"/signaal/{region.slug}/jullie-zeiden-wij-deden/")
    expect(page.locator("main")).to_contain_text("Jongeren wachten lang op een eerste gesprek")
    expect(page.locator("main")).not_to_contain_text("Niemand belt terug")
    expect(page.locator("main")).not_to_contain_text("jongere@voorbeeld.example")
    assert either("Jullie zeiden", "You said").search(page.title())

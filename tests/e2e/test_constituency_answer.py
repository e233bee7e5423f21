"""M12 in the browser: a member of a constituency answers a representative's question on the
public page, with the link from the mail, on a phone, without an account. axe on every page."""

import datetime

from django.utils import timezone

from aantafel.meetings.models import QuestionAnswer
from aantafel.meetings.services import question_ask

from .. import factories as f
from .conftest import PHONE


def test_m12_a_constituency_member_answers_on_a_phone_without_an_account(journey):
    region = f.RegionFactory(name="IROJ Limburg", slug="iroj-limburg")
    body = f.BodyFactory(region=region, name="Overleg Cliëntvertegenwoordigers")
    f.TermsFactory(body=body, version=1)
    parents = f.ConstituencyFactory(region=region, name="Ouders")
    representative = f.MembershipFactory(body=body, constituency=parents).user
    item = f.AgendaItemFactory(meeting=f.MeetingFactory(body=body), title="Wachtlijsten")
    question, token = question_ask(
        actor=representative,
        item=item,
        question="Hoe lang wachtte uw kind op hulp?",
        closes_at=timezone.now() + datetime.timedelta(days=3),
    )
    page = journey.page
    page.set_viewport_size(PHONE)

    journey.visit(f"/achterban/{token}/")
    page.locator("textarea").first.fill("Vier maanden, en niemand belde terug.")
    journey.click(page.locator("form.aantafel-form button[type=submit]"))

    assert "/bedankt/" in page.url  # the form was accepted (not refused by a CSRF check)
    assert QuestionAnswer.objects.filter(question=question).count() == 1

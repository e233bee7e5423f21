"""M12: written reactions before the meeting, and a representative's question to their
constituency that anyone with the link answers on a phone."""

import datetime
import hashlib
import zoneinfo
from urllib.parse import urlparse

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aantafel.audit.models import AuditEvent
from aantafel.core.errors import ConflictError, DomainError
from aantafel.meetings import services
from aantafel.meetings.models import ConstituencyQuestion, MeetingStatus, QuestionAnswer, Reaction
from aantafel.meetings.views.participation import QUESTION_ANSWER_LIMIT, QUESTION_GUESS_LIMIT

from .. import factories as f


def _soon(hours: int = 24) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(hours=hours)


@pytest.fixture
def item(meeting):
    return f.AgendaItemFactory(meeting=meeting, title="Wachtlijsten jeugdhulp")


@pytest.fixture
def constituency(region):
    return f.ConstituencyFactory(region=region, name="Ouders")


@pytest.fixture
def representative(body, constituency):
    return f.MembershipFactory(body=body, constituency=constituency).user


@pytest.fixture
def started_item(body):
    """An item of a meeting that began an hour ago and is not yet recorded as held."""
    now = timezone.now()
    meeting = f.MeetingFactory(
        body=body,
        published=True,
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=1),
    )
    return f.AgendaItemFactory(meeting=meeting)


def _ask(representative, item, **kwargs):
    return services.question_ask(
        actor=representative,
        item=item,
        question=kwargs.get("question", "Wat vinden jullie van de wachtlijsten?"),
        closes_at=kwargs.get("closes_at", _soon()),
    )


# --- Services: reactions ------------------------------------------------------------------------


def test_m12_member_reacts_before_the_meeting(item, member):
    reaction = services.reaction_add(actor=member, item=item, text="  Graag meer uitleg.  ")
    assert reaction.text == "Graag meer uitleg."
    assert reaction.region == item.region
    event = AuditEvent.objects.get(action="reaction.add")
    assert event.actor == member
    assert event.target_id == str(reaction.pk)


def test_m12_representative_reacts_for_their_constituency(item, representative, constituency):
    reaction = services.reaction_add(
        actor=representative, item=item, text="Ouders maken zich zorgen.", constituency=constituency
    )
    assert reaction.constituency == constituency


def test_m12_reaction_for_a_constituency_one_does_not_represent_is_refused(
    item, representative, region
):
    other = f.ConstituencyFactory(region=region, name="Jongeren")
    with pytest.raises(DomainError) as error:
        services.reaction_add(actor=representative, item=item, text="x", constituency=other)
    assert error.value.field == "constituency"
    assert error.value.code == "not_represented"
    assert not Reaction.objects.exists()


def test_m12_member_without_constituency_cannot_react_for_one(item, member, constituency):
    with pytest.raises(DomainError) as error:
        services.reaction_add(actor=member, item=item, text="x", constituency=constituency)
    assert error.value.field == "constituency"


@pytest.mark.parametrize("who", ["guest", "other_body_member", "ended", "outsider"])
def test_m12_only_seated_members_of_the_body_react(request, item, body, who):
    if who == "ended":
        user = f.MembershipFactory(body=body, ended=True).user
    else:
        user = request.getfixturevalue(who)
    with pytest.raises(DomainError) as error:
        services.reaction_add(actor=user, item=item, text="Mijn mening")
    assert error.value.code == "not_a_member"
    assert not Reaction.objects.exists()


def test_m12_reaction_after_the_start_is_refused(started_item, body, member):
    with pytest.raises(ConflictError) as error:
        services.reaction_add(actor=member, item=started_item, text="Te laat")
    assert error.value.code == "started"


def test_m12_reaction_on_a_cancelled_meeting_is_refused(item, member):
    item.meeting.status = MeetingStatus.CANCELLED
    item.meeting.save()
    with pytest.raises(ConflictError) as error:
        services.reaction_add(actor=member, item=item, text="x")
    assert error.value.code == "cancelled"


def test_m12_empty_reaction_is_refused(item, member):
    with pytest.raises(DomainError) as error:
        services.reaction_add(actor=member, item=item, text="   ")
    assert error.value.field == "text"


def test_m12_author_withdraws_their_reaction(item, member):
    reaction = services.reaction_add(actor=member, item=item, text="Toch niet")
    services.reaction_withdraw(actor=member, reaction=reaction)
    assert not Reaction.objects.exists()
    event = AuditEvent.objects.get(action="reaction.withdraw")
    assert event.changes == {"text": ["Toch niet", None]}


def test_m12_only_the_author_withdraws_a_reaction(item, member, chair):
    reaction = services.reaction_add(actor=member, item=item, text="Van mij")
    with pytest.raises(DomainError) as error:
        services.reaction_withdraw(actor=chair, reaction=reaction)
    assert error.value.code == "not_author"
    assert Reaction.objects.count() == 1


def test_m12_reaction_cannot_be_withdrawn_after_the_start(started_item, member):
    reaction = Reaction.objects.create(
        region=started_item.region, item=started_item, author=member, text="Eerder geschreven"
    )
    with pytest.raises(ConflictError) as error:
        services.reaction_withdraw(actor=member, reaction=reaction)
    assert error.value.code == "started"
    assert Reaction.objects.count() == 1


# --- Services: questions to the constituency ----------------------------------------------------


def test_m12_representative_asks_their_constituency(item, representative, constituency):
    question, token = _ask(representative, item)
    assert question.constituency == constituency
    assert question.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in question.token_hash
    assert len(token) >= 32
    event = AuditEvent.objects.get(action="question.ask")
    assert "token_hash" not in event.changes
    assert token not in str(event.changes)


def test_m12_each_question_gets_its_own_token(item, representative):
    _, first = _ask(representative, item)
    _, second = _ask(representative, item)
    assert first != second


@pytest.mark.parametrize("who", ["member", "guest_with_constituency", "other_body_member"])
def test_m12_only_a_representative_of_the_body_asks(request, item, body, constituency, who):
    if who == "guest_with_constituency":
        user = f.MembershipFactory(body=body, role="guest", constituency=constituency).user
    else:
        user = request.getfixturevalue(who)
    with pytest.raises(DomainError) as error:
        _ask(user, item)
    assert error.value.code == "not_a_representative"
    assert not ConstituencyQuestion.objects.exists()


def test_m12_a_confidential_item_cannot_be_asked_about(meeting, representative):
    secret = f.AgendaItemFactory(meeting=meeting, confidential=True)
    with pytest.raises(DomainError) as error:
        _ask(representative, secret)
    assert error.value.code == "confidential"
    assert not ConstituencyQuestion.objects.exists()


def test_m12_question_is_short(item, representative):
    with pytest.raises(DomainError) as error:
        _ask(representative, item, question="x" * 301)
    assert (error.value.field, error.value.code) == ("question", "too_long")


def test_m12_question_closes_in_the_future(item, representative):
    with pytest.raises(DomainError) as error:
        _ask(representative, item, closes_at=timezone.now() - datetime.timedelta(minutes=1))
    assert (error.value.field, error.value.code) == ("closes_at", "in_past")


def test_m12_question_closes_before_the_meeting_starts(item, representative):
    late = item.meeting.starts_at + datetime.timedelta(minutes=1)
    with pytest.raises(DomainError) as error:
        _ask(representative, item, closes_at=late)
    assert (error.value.field, error.value.code) == ("closes_at", "after_start")


def test_m12_question_after_the_start_is_refused(started_item, body, constituency):
    representative = f.MembershipFactory(body=body, constituency=constituency).user
    with pytest.raises(ConflictError) as error:
        _ask(representative, started_item)
    assert error.value.code == "started"


def test_m12_anyone_with_the_link_answers(item, representative):
    question, token = _ask(representative, item)
    answer = services.question_answer(token=token, text="  Het duurt te lang.  ")
    assert answer.question == question
    assert answer.text == "Het duurt te lang."
    event = AuditEvent.objects.get(action="question.answer")
    assert event.actor is None
    assert event.changes == {}  # the answer's text stays out of the audit trail


def test_m12_wrong_token_is_refused(item, representative):
    _ask(representative, item)
    with pytest.raises(DomainError) as error:
        services.question_answer(token="niet-de-goede-sleutel", text="Hallo")
    assert error.value.code == "unknown"
    assert not QuestionAnswer.objects.exists()


def test_m12_answer_is_at_most_1000_characters(item, representative):
    _, token = _ask(representative, item)
    with pytest.raises(DomainError) as error:
        services.question_answer(token=token, text="x" * 1001)
    assert (error.value.field, error.value.code) == ("text", "too_long")


def test_m12_closed_question_takes_no_answers(item, representative):
    question, token = _ask(representative, item)
    ConstituencyQuestion.objects.filter(pk=question.pk).update(
        closes_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    with pytest.raises(ConflictError) as error:
        services.question_answer(token=token, text="Te laat")
    assert error.value.code == "closed"


def test_m12_question_of_a_cancelled_meeting_takes_no_answers(item, representative):
    _, token = _ask(representative, item)
    item.meeting.status = MeetingStatus.CANCELLED
    item.meeting.save()
    with pytest.raises(ConflictError) as error:
        services.question_answer(token=token, text="x")
    assert error.value.code == "closed"


def test_m12_representative_closes_their_question(item, representative):
    question, token = _ask(representative, item)
    services.question_close(actor=representative, question=question)
    assert AuditEvent.objects.filter(action="question.close").count() == 1
    with pytest.raises(ConflictError) as error:
        services.question_answer(token=token, text="x")
    assert error.value.code == "closed"
    services.question_close(actor=representative, question=question)  # closing twice is fine
    assert AuditEvent.objects.filter(action="question.close").count() == 1


def test_m12_only_the_asker_closes_a_question(item, representative, chair):
    question, _ = _ask(representative, item)
    with pytest.raises(DomainError) as error:
        services.question_close(actor=chair, question=question)
    assert error.value.code == "not_asker"


# --- Pages --------------------------------------------------------------------------------------


def _url(name, item, *extra):
    return reverse(name, args=[item.region.slug, item.meeting_id, item.pk, *extra])


def test_m12_reaction_page_adds_a_reaction(client, item, representative, constituency):
    client.force_login(representative)
    url = _url("reaction_add", item)
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"text": "Ouders willen meepraten.", "constituency": constituency.pk}
    )
    assert response.status_code == 302
    reaction = Reaction.objects.get()
    assert (reaction.author, reaction.constituency) == (representative, constituency)


def test_m12_reaction_page_shows_a_refusal_beside_the_field(client, started_item, member):
    client.force_login(member)
    response = client.post(_url("reaction_add", started_item), {"text": "Te laat"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Reaction.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("other_body_member", 403), ("guest", 403)])
def test_m12_reaction_page_is_for_seated_members(request, client, item, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(_url("reaction_add", item)).status_code == status
    assert client.post(_url("reaction_add", item), {"text": "x"}).status_code == status
    assert not Reaction.objects.exists()


def test_m12_reaction_pages_are_404_for_another_region(client, item, member, outsider):
    reaction = services.reaction_add(actor=member, item=item, text="x")
    client.force_login(outsider)
    assert client.get(_url("reaction_add", item)).status_code == 404
    assert client.post(_url("reaction_withdraw", item, reaction.pk)).status_code == 404
    assert Reaction.objects.count() == 1


def test_m12_reaction_withdraw_page(client, item, member, other_body_member):
    reaction = services.reaction_add(actor=member, item=item, text="x")
    url = _url("reaction_withdraw", item, reaction.pk)
    client.force_login(other_body_member)
    assert client.post(url).status_code == 403
    client.force_login(member)
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    assert not Reaction.objects.exists()


def test_m12_confidential_item_pages_are_404_for_other_bodies(client, meeting, other_body_member):
    secret = f.AgendaItemFactory(meeting=meeting, confidential=True)
    client.force_login(other_body_member)
    assert client.get(_url("reaction_add", secret)).status_code == 404
    assert client.get(_url("question_ask", secret)).status_code == 404


def test_m12_question_page_offers_no_form_for_a_confidential_item(client, meeting, representative):
    secret = f.AgendaItemFactory(meeting=meeting, confidential=True)
    client.force_login(representative)
    response = client.get(_url("question_ask", secret))
    assert response.status_code == 200
    assert response.context["takes_input"] is False
    assert "<textarea" not in response.text


def test_m12_question_link_is_shown_once_and_answered_anonymously(client, item, representative):
    client.force_login(representative)
    local = timezone.localtime(_soon(48), zoneinfo.ZoneInfo(item.region.timezone))
    response = client.post(
        _url("question_ask", item),
        {
            "question": "Herkennen jullie de wachtlijsten?",
            "closes_at": local.strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 302
    question = ConstituencyQuestion.objects.get()
    detail = client.get(response["Location"])
    assert detail.status_code == 200
    share_url = detail.context["share_url"]
    assert share_url.startswith("http")
    assert client.get(response["Location"]).context["share_url"] is None  # only once

    client.logout()
    path = urlparse(share_url).path
    assert path.startswith("/achterban/")
    page = client.get(path)
    assert page.status_code == 200
    assert "Herkennen jullie de wachtlijsten?" in page.text
    assert item.title in page.text
    assert page["X-Robots-Tag"].startswith("noindex")
    sent = client.post(path, {"text": "Ja, wij wachten al maanden."})
    assert sent.status_code == 302
    assert client.get(sent["Location"]).status_code == 200
    answer = QuestionAnswer.objects.get()
    assert (answer.question, answer.text) == (question, "Ja, wij wachten al maanden.")


def test_m12_question_page_refuses_for_a_member_without_constituency(client, item, member):
    client.force_login(member)
    response = client.get(_url("question_ask", item))
    assert response.status_code == 200
    assert response.context["represented"] == []
    when = _soon().strftime("%Y-%m-%dT%H:%M")
    response = client.post(_url("question_ask", item), {"question": "Vraag?", "closes_at": when})
    assert response.status_code == 200
    assert not ConstituencyQuestion.objects.exists()


@pytest.mark.parametrize("name", ["question_ask", "question_detail", "question_close"])
def test_m12_question_pages_403_for_another_body_and_404_for_another_region(
    client, item, representative, other_body_member, outsider, name
):
    question, _ = _ask(representative, item)
    extra = [] if name == "question_ask" else [question.pk]
    url = _url(name, item, *extra)
    call = client.post if name == "question_close" else client.get
    client.force_login(other_body_member)
    assert call(url).status_code == 403
    client.force_login(outsider)
    assert call(url).status_code == 404


def test_m12_question_detail_lists_the_answers_for_the_table(client, item, representative, chair):
    question, token = _ask(representative, item)
    services.question_answer(token=token, text="Eerste antwoord")
    services.question_answer(token=token, text="Tweede antwoord")
    client.force_login(chair)
    response = client.get(_url("question_detail", item, question.pk))
    assert response.status_code == 200
    assert [a.text for a in response.context["answers"]] == ["Eerste antwoord", "Tweede antwoord"]
    assert response.context["share_url"] is None
    assert response.context["is_asker"] is False


def test_m12_question_close_page(client, item, representative):
    question, _ = _ask(representative, item)
    client.force_login(representative)
    response = client.post(_url("question_close", item, question.pk))
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.closes_at <= timezone.now()


# --- The public answer page ---------------------------------------------------------------------


def test_m12_public_page_wrong_token_is_404(client, db):
    response = client.get(reverse("question_answer", args=["geen-geldige-sleutel"]))
    assert response.status_code == 404
    assert (
        client.post(
            reverse("question_answer", args=["geen-geldige-sleutel"]), {"text": "x"}
        ).status_code
        == 404
    )
    assert client.get(reverse("question_thanks", args=["geen-geldige-sleutel"])).status_code == 404
    assert not QuestionAnswer.objects.exists()


def test_m12_public_page_says_a_closed_question_is_closed(client, item, representative):
    question, token = _ask(representative, item)
    services.question_close(actor=representative, question=question)
    url = reverse("question_answer", args=[token])
    response = client.get(url)
    assert response.status_code == 200
    assert "meetings/public/question_closed.html" in [t.name for t in response.templates]
    assert client.post(url, {"text": "Te laat"}).status_code == 200
    assert not QuestionAnswer.objects.exists()


def test_m12_public_page_refuses_an_empty_answer(client, item, representative):
    _, token = _ask(representative, item)
    response = client.post(reverse("question_answer", args=[token]), {"text": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["text"]
    assert not QuestionAnswer.objects.exists()


def test_m12_public_page_never_shows_a_confidential_title(client, meeting, representative):
    # The service refuses such a question; should an item become confidential afterwards,
    # the page still keeps its title to itself.
    item = f.AgendaItemFactory(meeting=meeting, title="Geheim dossier")
    _, token = _ask(representative, item)
    item.confidential = True
    item.save()
    response = client.get(reverse("question_answer", args=[token]))
    assert response.status_code == 200
    assert "Geheim dossier" not in response.text


def test_m12_public_page_works_on_a_phone_without_javascript(client, item, representative):
    _, token = _ask(representative, item)
    response = client.get(reverse("question_answer", args=[token]))
    html = response.text
    assert 'name="viewport"' in html
    assert '<form method="post"' in html
    assert '<textarea name="text"' in html
    assert '<label class="utrecht-form-label" for="id_text"' in html
    assert 'type="submit"' in html


def test_m12_public_page_query_count_does_not_grow_with_answers(client, item, representative):
    _, few = _ask(representative, item)
    _, many = _ask(representative, item)
    services.question_answer(token=few, text="een")
    for n in range(25):
        services.question_answer(token=many, text=f"antwoord {n}")

    def count(token):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("question_answer", args=[token])).status_code == 200
        return len(queries)

    assert count(few) == count(many) == 1


def test_m12_guessing_answer_links_is_limited(client, item, representative):
    """Twenty unknown links an hour from one connection; then even a real link waits (429)."""
    _question, token = _ask(representative, item)
    for n in range(QUESTION_GUESS_LIMIT.limit):
        assert client.get(reverse("question_answer", args=[f"geraden-{n}"])).status_code == 404
    assert client.get(reverse("question_answer", args=[token])).status_code == 429
    assert client.get(reverse("question_thanks", args=[token])).status_code == 429


def test_m12_a_flood_of_answers_from_one_connection_is_refused(client, item, representative):
    question, token = _ask(representative, item)
    url = reverse("question_answer", args=[token])
    for n in range(QUESTION_ANSWER_LIMIT.limit):
        assert client.post(url, {"text": f"Antwoord {n}"}).status_code == 302
    refused = client.post(url, {"text": "Nog een antwoord"})
    assert refused.status_code == 429
    assert QuestionAnswer.objects.filter(question=question).count() == QUESTION_ANSWER_LIMIT.limit
    assert client.get(url).status_code == 200  # reading the question still works

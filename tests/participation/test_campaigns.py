"""P3: input campaigns through their services — questions, opening and closing, answers online
and entered by staff, results, coding with themes, and the plan's actions that show the input
they came from. Bad input gets a clear refusal and saves nothing."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from django.utils.translation import gettext

from aantafel.audit.models import AuditEvent
from aantafel.core.errors import ConflictError, DomainError
from aantafel.participation import queries_campaigns as queries
from aantafel.participation.models import (
    Answer,
    Campaign,
    CampaignResponse,
    CampaignStatus,
    Question,
    QuestionKind,
    ResponseChannel,
)
from aantafel.participation.services import campaigns as services
from aantafel.participation.services import coding, plan

from .factories_campaigns import (
    CampaignFactory,
    QuestionFactory,
    ThemeFactory,
    questions,
    responses,
)
from .factories_events import EventFactory
from .factories_trajectories import PillarFactory, TrajectoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trajectory(region):
    return TrajectoryFactory(region=region)


@pytest.fixture
def campaign(trajectory):
    return CampaignFactory(trajectory=trajectory)


def _codes(error) -> str:
    return error.value.code


# --- Campaigns -------------------------------------------------------------------------------------
def test_p3_a_campaign_is_created_as_a_draft_of_a_trajectory_and_pillar(region, staff, trajectory):
    pillar = PillarFactory(trajectory=trajectory, number=1)
    campaign = services.campaign_create(
        actor=staff,
        region=region,
        trajectory=trajectory,
        pillar=pillar,
        title="  Jouw stem telt  ",
        audiences=["parent", "young_person"],
    )
    assert campaign.status == CampaignStatus.DRAFT
    assert campaign.title == "Jouw stem telt"
    assert campaign.audiences == ["young_person", "parent"]  # in the order of the choices
    assert campaign.anonymous is True
    assert AuditEvent.objects.filter(action="campaign.create", target_id=campaign.pk).exists()


def test_p3_a_campaign_needs_a_trajectory_of_the_region_and_a_group(
    region, other_region, staff, trajectory
):
    foreign = TrajectoryFactory(region=other_region)
    other_pillar = PillarFactory(trajectory=TrajectoryFactory(region=region))
    cases = [
        ({"trajectory": foreign}, "trajectory"),
        ({"trajectory": trajectory, "pillar": other_pillar}, "pillar"),
        ({"trajectory": trajectory, "audiences": []}, "audiences"),
        ({"trajectory": trajectory, "audiences": ["robot"]}, "audiences"),
        ({"trajectory": trajectory, "title": " "}, "title"),
        (
            {"trajectory": trajectory, "closes_at": timezone.now() - datetime.timedelta(days=1)},
            "closes_at",
        ),
    ]
    for change, field in cases:
        kwargs = {"title": "Vragen", "audiences": ["parent"]} | change
        with pytest.raises(DomainError) as error:
            services.campaign_create(actor=staff, region=region, **kwargs)
        assert error.value.field == field
    assert not Campaign.objects.exists()


def test_p3_a_campaign_opens_only_with_a_question_and_closes_once(staff, trajectory):
    campaign = CampaignFactory(trajectory=trajectory, draft=True)
    with pytest.raises(ConflictError) as error:
        services.campaign_open(actor=staff, campaign=campaign)
    assert _codes(error) == "no_questions"
    QuestionFactory(campaign=campaign)
    campaign = services.campaign_open(actor=staff, campaign=campaign)
    assert campaign.status == CampaignStatus.OPEN
    assert campaign.opened_at is not None
    campaign = services.campaign_close(actor=staff, campaign=campaign)
    assert campaign.status == CampaignStatus.CLOSED
    assert campaign.closed_at is not None
    with pytest.raises(ConflictError):
        services.campaign_close(actor=staff, campaign=campaign)
    with pytest.raises(ConflictError):
        services.campaign_update(
            actor=staff,
            campaign=campaign,
            trajectory=trajectory,
            title="Anders",
            audiences=["parent"],
        )


def test_p3_anonymity_cannot_change_once_people_answered(staff, campaign):
    QuestionFactory(campaign=campaign)
    responses(campaign, 1)
    with pytest.raises(ConflictError) as error:
        services.campaign_update(
            actor=staff,
            campaign=campaign,
            trajectory=campaign.trajectory,
            title=campaign.title,
            audiences=campaign.audiences,
            anonymous=False,
        )
    assert error.value.field == "anonymous"
    campaign.refresh_from_db()
    assert campaign.anonymous is True


# --- Questions -------------------------------------------------------------------------------------
def test_p3_a_choice_question_needs_two_different_options(staff, campaign):
    for options in (["Ja"], ["Ja", " ja "], ["Ja", "", "  "]):
        with pytest.raises(DomainError) as error:
            services.question_add(
                actor=staff, campaign=campaign, kind="choice", text="Klopt dit?", choices=options
            )
        assert error.value.field == "choices"
    question = services.question_add(
        actor=staff, campaign=campaign, kind="choice", text="Klopt dit?", choices=["Ja", "Nee", ""]
    )
    assert question.choices == ["Ja", "Nee"]
    rating = services.question_add(
        actor=staff, campaign=campaign, kind="rating", text="Cijfer?", choices=["x", "y"]
    )
    assert rating.choices == []  # only a choice has options
    assert [q.position for q in queries.questions_of(campaign)] == [0, 1]


def test_p3_a_question_is_short_and_a_campaign_has_at_most_eight(staff, campaign):
    with pytest.raises(DomainError) as error:
        services.question_add(actor=staff, campaign=campaign, kind="open", text="x" * 301)
    assert (error.value.field, error.value.code) == ("text", "too_long")
    with pytest.raises(DomainError) as error:
        services.question_add(actor=staff, campaign=campaign, kind="essay", text="Vraag?")
    assert error.value.field == "kind"
    for i in range(services.MAX_QUESTIONS):
        services.question_add(actor=staff, campaign=campaign, kind="open", text=f"Vraag {i}?")
    with pytest.raises(ConflictError) as error:
        services.question_add(actor=staff, campaign=campaign, kind="open", text="Nog een?")
    assert _codes(error) == "too_many_questions"
    assert Question.objects.filter(campaign=campaign).count() == services.MAX_QUESTIONS


def test_p3_questions_move_up_and_down(staff, campaign):
    first, second, third = questions(campaign)
    services.question_move(actor=staff, question=third, direction="up")
    assert [q.pk for q in queries.questions_of(campaign)] == [first.pk, third.pk, second.pk]
    services.question_move(actor=staff, question=first, direction="up")  # first stays first
    services.question_move(actor=staff, question=first, direction="down")
    assert [q.pk for q in queries.questions_of(campaign)] == [third.pk, first.pk, second.pk]


def test_p3_questions_cannot_change_once_answers_exist(staff, campaign):
    choice, _rating, open_ = questions(campaign)
    responses(campaign, 1)
    calls = [
        lambda: services.question_add(actor=staff, campaign=campaign, kind="open", text="Nieuw?"),
        lambda: services.question_update(
            actor=staff, question=open_, kind="open", text="Anders gevraagd?"
        ),
        lambda: services.question_remove(actor=staff, question=choice),
        lambda: services.question_move(actor=staff, question=open_, direction="up"),
    ]
    for call in calls:
        with pytest.raises(ConflictError) as error:
            call()
        assert _codes(error) == "has_answers"
    open_.refresh_from_db()
    assert open_.text == "Wat moet anders?"
    assert Question.objects.filter(campaign=campaign).count() == 3


# --- Answers online --------------------------------------------------------------------------------
def test_p3_an_online_answer_is_saved_with_each_kind(campaign):
    choice, rating, open_ = questions(campaign)
    response = services.response_submit(
        campaign=campaign,
        answers={choice.pk: "Goed", f"question_{rating.pk}": "4", open_.pk: " Sneller hulp. "},
        audience="young_person",
    )
    assert response.channel == ResponseChannel.ONLINE
    saved = {a.question_id: a for a in Answer.objects.filter(response=response)}
    assert saved[choice.pk].choice == "Goed"
    assert saved[rating.pk].rating == 4
    assert saved[open_.pk].text == "Sneller hulp."


def test_p3_an_answer_after_closing_is_refused_and_nothing_is_saved(staff, campaign):
    choice, _rating, _open = questions(campaign)
    services.campaign_close(actor=staff, campaign=campaign)
    with pytest.raises(ConflictError) as error:
        services.response_submit(campaign=campaign, answers={choice.pk: "Goed"}, audience="parent")
    assert _codes(error) == "closed"
    assert str(error.value.message) == gettext("This campaign is closed.")
    expired = CampaignFactory(trajectory=campaign.trajectory, expired=True)
    question = QuestionFactory(campaign=expired)
    with pytest.raises(ConflictError):
        services.response_submit(campaign=expired, answers={question.pk: "Iets"}, audience="parent")
    draft = CampaignFactory(trajectory=campaign.trajectory, draft=True)
    with pytest.raises(ConflictError):
        services.response_submit(
            campaign=draft, answers={QuestionFactory(campaign=draft).pk: "x"}, audience="parent"
        )
    assert not CampaignResponse.objects.exists()
    assert not Answer.objects.exists()


@pytest.mark.parametrize(
    ("which", "value", "code"),
    [
        ("rating", "6", "invalid_rating"),
        ("rating", "0", "invalid_rating"),
        ("rating", "vier", "invalid_rating"),
        ("choice", "Super", "unknown_choice"),
        ("open", "x" * 2001, "too_long"),
        ("choice", "", "required_answer"),
    ],
)
def test_p3_a_bad_answer_is_refused_beside_its_question(campaign, which, value, code):
    choice, rating, open_ = questions(campaign)
    question = {"choice": choice, "rating": rating, "open": open_}[which]
    answers = {choice.pk: "Goed", question.pk: value}
    with pytest.raises(DomainError) as error:
        services.response_submit(campaign=campaign, answers=answers, audience="parent")
    assert (error.value.field, error.value.code) == (f"question_{question.pk}", code)
    assert not CampaignResponse.objects.exists()


def test_p3_who_you_are_is_asked_and_must_be_a_group_of_the_campaign(campaign):
    choice, *_ = questions(campaign)
    for audience, code in (("", "required"), ("municipality", "invalid_audience")):
        with pytest.raises(DomainError) as error:
            services.response_submit(
                campaign=campaign, answers={choice.pk: "Goed"}, audience=audience
            )
        assert (error.value.field, error.value.code) == ("audience", code)
    with pytest.raises(DomainError) as error:
        services.response_submit(campaign=campaign, answers={999999: "x"}, audience="parent")
    assert error.value.code == "unknown_question"
    assert not CampaignResponse.objects.exists()


def test_p3_an_anonymous_campaign_stores_no_name(campaign):
    choice, *_ = questions(campaign)
    response = services.response_submit(
        campaign=campaign, answers={choice.pk: "Goed"}, audience="parent", respondent_name="Sam"
    )
    assert response.respondent_name == ""
    assert not CampaignResponse.objects.exclude(respondent_name="").exists()
    named = CampaignFactory(trajectory=campaign.trajectory, named=True)
    question = QuestionFactory(campaign=named, kind=QuestionKind.OPEN)
    response = services.response_submit(
        campaign=named, answers={question.pk: "Meer tijd"}, audience="parent", respondent_name="Kim"
    )
    assert response.respondent_name == "Kim"
    # The audit trail never holds the answers or a name.
    events = AuditEvent.objects.filter(action="campaign.response_submit")
    assert "Kim" not in str(list(events.values_list("changes", "target_repr")))


# --- Staff entry -----------------------------------------------------------------------------------
def test_p3_staff_entry_is_marked_with_its_channel_also_after_closing(staff, campaign):
    choice, rating, _open = questions(campaign)
    event = EventFactory(region=campaign.region)
    response = services.response_enter(
        actor=staff,
        campaign=campaign,
        channel=ResponseChannel.FOCUS_GROUP,
        answers={choice.pk: "Slecht", rating.pk: 2},
        source_note="Focusgroep jongerenraad Heerlen",
    )
    assert (response.channel, response.entered_by) == (ResponseChannel.FOCUS_GROUP, staff)
    assert response.source_note == "Focusgroep jongerenraad Heerlen"
    services.campaign_close(actor=staff, campaign=campaign)
    campaign.refresh_from_db()
    late = services.response_enter(
        actor=staff,
        campaign=campaign,
        channel=ResponseChannel.EVENT,
        event=event,
        answers={choice.pk: "Goed"},
    )
    assert late.channel == ResponseChannel.EVENT
    assert late.event == event
    assert services.entered_after_closing(late, campaign)
    assert not services.entered_after_closing(response, campaign)
    for channel in (ResponseChannel.ONLINE, "pigeon"):
        with pytest.raises(DomainError) as error:
            services.response_enter(
                actor=staff, campaign=campaign, channel=channel, answers={choice.pk: "Goed"}
            )
        assert error.value.field == "channel"
    with pytest.raises(DomainError):
        services.response_enter(
            actor=staff, campaign=campaign, channel="paper", answers={choice.pk: "Prima"}
        )
    assert CampaignResponse.objects.filter(campaign=campaign).count() == 2


def test_p3_staff_cannot_enter_answers_for_a_draft(staff, trajectory):
    draft = CampaignFactory(trajectory=trajectory, draft=True)
    question = QuestionFactory(campaign=draft)
    with pytest.raises(ConflictError):
        services.response_enter(
            actor=staff, campaign=draft, channel="paper", answers={question.pk: "Iets"}
        )


# --- Results ---------------------------------------------------------------------------------------
def test_p3_results_count_choices_and_ratings_per_channel_and_group(staff, campaign):
    choice, rating, _open = questions(campaign)
    responses(campaign, 6)  # choices Goed, Gaat wel, Slecht ×2; ratings 1..5, 1
    services.response_enter(
        actor=staff, campaign=campaign, channel="paper", answers={choice.pk: "Goed", rating.pk: 5}
    )
    results = queries.campaign_results(campaign)
    assert results.responses == 7
    by_question = {r.question.pk: r for r in results.questions}
    assert by_question[choice.pk].table.rows == [["Goed", 3], ["Gaat wel", 2], ["Slecht", 2]]
    assert [row[1] for row in by_question[rating.pk].table.rows] == [2, 1, 1, 1, 2]
    assert by_question[rating.pk].average == Decimal("3.0")  # (1+2+3+4+5+1+5) / 7
    channels = {row[0]: row[1] for row in results.channels.rows}
    assert channels[str(ResponseChannel.PAPER.label)] == 1
    assert channels[str(ResponseChannel.ONLINE.label)] == 6
    paper = queries.campaign_results(campaign, channel="paper")
    assert paper.responses == 1
    young = queries.campaign_results(campaign, audience="young_person")
    assert young.responses == 2


# --- Coding ----------------------------------------------------------------------------------------
def test_p3_coding_counts_answers_per_theme(staff, campaign):
    _choice, _rating, open_ = questions(campaign)
    responses(campaign, 5)
    waiting = coding.theme_create(actor=staff, campaign=campaign, name="Wachtlijsten")
    heard = coding.theme_create(actor=staff, campaign=campaign, name="Gehoord worden")
    with pytest.raises(ConflictError):
        coding.theme_create(actor=staff, campaign=campaign, name=" wachtlijsten ")
    answers = list(Answer.objects.filter(question=open_).order_by("pk"))
    coding.coding_save(
        actor=staff,
        question=open_,
        codes={
            answers[0].pk: [waiting],
            answers[1].pk: [waiting, heard],
            answers[2].pk: [heard],
        },
    )
    counts = {t.name: t.answer_count for t in queries.themes_of(campaign)}
    assert counts == {"Wachtlijsten": 2, "Gehoord worden": 2}
    result = next(r for r in queries.campaign_results(campaign).questions if r.question == open_)
    assert {t.name: n for t, n in result.themes} == counts
    assert result.uncoded == 2
    # Unassigning: an empty list takes the themes off.
    coding.answer_code(actor=staff, answer=answers[1], themes=[])
    assert {t.name: t.answer_count for t in queries.themes_of(campaign)} == {
        "Wachtlijsten": 1,
        "Gehoord worden": 1,
    }


def test_p3_coding_takes_only_themes_of_the_campaign_and_open_answers(staff, campaign):
    choice, _rating, open_ = questions(campaign)
    responses(campaign, 1)
    foreign = ThemeFactory(campaign=CampaignFactory(trajectory=campaign.trajectory))
    answer = Answer.objects.get(question=open_)
    with pytest.raises(DomainError) as error:
        coding.answer_code(actor=staff, answer=answer, themes=[foreign])
    assert error.value.field == "themes"
    with pytest.raises(DomainError):
        coding.coding_save(actor=staff, question=choice, codes={})
    assert not answer.themes.exists()


# --- Plan actions ----------------------------------------------------------------------------------
def test_p3_a_plan_action_shows_its_source_themes(staff, campaign):
    _choice, _rating, open_ = questions(campaign)
    responses(campaign, 3)
    pillar = PillarFactory(trajectory=campaign.trajectory, number=1)
    theme = coding.theme_create(actor=staff, campaign=campaign, name="Wachtlijsten")
    coding.coding_save(
        actor=staff,
        question=open_,
        codes={a.pk: [theme] for a in Answer.objects.filter(question=open_)},
    )
    action = plan.plan_action_create(
        actor=staff,
        trajectory=campaign.trajectory,
        pillar=pillar,
        title="Wachttijd zichtbaar maken",
        themes=[theme],
    )
    [shown] = queries.plan_actions(campaign.trajectory)
    [source] = shown.themes.all()
    assert (source.name, source.campaign.title, source.answer_count) == (
        "Wachtlijsten",
        campaign.title,
        3,
    )
    groups = queries.plan_by_pillar([shown])
    assert groups[0].pillar == pillar
    action = plan.plan_action_update(
        actor=staff, action=action, title="Wachttijd zichtbaar maken", status="underway"
    )
    assert action.status == "underway"
    assert not action.themes.exists()


def test_p3_a_plan_action_takes_themes_of_its_own_trajectory_only(staff, region, campaign):
    other = CampaignFactory(trajectory=TrajectoryFactory(region=region))
    foreign = ThemeFactory(campaign=other)
    with pytest.raises(DomainError) as error:
        plan.plan_action_create(
            actor=staff, trajectory=campaign.trajectory, title="Actie", themes=[foreign]
        )
    assert error.value.field == "themes"
    with pytest.raises(DomainError) as error:
        plan.plan_action_create(actor=staff, trajectory=campaign.trajectory, title=" ")
    assert error.value.field == "title"
    with pytest.raises(DomainError) as error:
        plan.plan_action_create(
            actor=staff,
            trajectory=campaign.trajectory,
            title="Actie",
            pillar=PillarFactory(trajectory=other.trajectory),
        )
    assert error.value.field == "pillar"
    assert not campaign.trajectory.plan_actions.exists()


def test_p3_the_export_has_a_row_per_response_and_a_column_per_question(staff, campaign):
    _choice, _rating, open_ = questions(campaign)
    responses(campaign, 4)
    theme = coding.theme_create(actor=staff, campaign=campaign, name="Wachtlijsten")
    first = Answer.objects.filter(question=open_).order_by("pk").first()
    coding.answer_code(actor=staff, answer=first, themes=[theme])
    table = queries.export_table(campaign)
    assert len(table.rows) == 4
    keys = [c.key for c in table.columns]
    assert keys == ["response", "date", "channel", "audience", "source", "q1", "q2", "q3", "themes"]
    assert table.rows[0][-1] == "Wachtlijsten"

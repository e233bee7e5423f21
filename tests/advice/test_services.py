"""The advice services, rule by rule (S4): create, views, the advice under each decision rule,
the requester's response, follow-up and closing; bad input leaves nothing half-saved."""

import datetime

import pytest
from django.core import mail as outbox
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.utils import timezone

from aantafel.advice import mail, services
from aantafel.advice.models import (
    AdviceDocument,
    AdviceEvent,
    AdviceMail,
    AdviceRequest,
    ConstituencyView,
)
from aantafel.advice.permissions import advice_request_get_for_user
from aantafel.advice.workflow import AdviceResponse, AdviceStatus
from aantafel.audit.models import AuditEvent
from aantafel.bodies.models import DecisionRule
from aantafel.core.errors import ConflictError, DomainError
from aantafel.meetings.models import ItemProposal, ItemType, Stance
from tests import pdf_text

from .. import factories as f
from .conftest import pdf_upload, set_rule

TODAY = timezone.localdate


def _create(scene, **kwargs) -> AdviceRequest:
    data = {
        "actor": scene.users.supporter,
        "body": scene.body,
        "requester_kind": "parent_body",
        "requester_name": "IROJ Limburg",
        "title": "Jaarplan jeugdhulp",
        "question": "Welke drie prioriteiten zien jullie voor volgend jaar?",
        "deadline": TODAY() + datetime.timedelta(days=10),
    } | kwargs
    return services.advice_request_create(**data)


def _view(scene, user, constituency, stance=Stance.AGREES, text="Wij steunen dit."):
    return services.advice_view_record(
        actor=user,
        advice_request=scene.request,
        constituency=constituency,
        stance=stance,
        view=text,
    )


def _all_views(scene):
    _view(scene, scene.users.parent_rep, scene.parents, Stance.AGREES, "Ouders steunen dit.")
    _view(
        scene,
        scene.users.youth_rep,
        scene.youth,
        Stance.RESERVATION,
        "Jongeren willen inspraak in de uitvoering.",
    )


def _give(scene, user=None, **kwargs) -> AdviceRequest:
    return services.advice_give(
        actor=user or scene.users.chair,
        advice_request=scene.request,
        advice_text=kwargs.pop("advice_text", "Houd de opvang dicht bij huis."),
        **kwargs,
    )


def _answered(scene) -> AdviceRequest:
    _all_views(scene)
    _give(scene)
    return services.advice_response_record(
        actor=scene.users.supporter,
        advice_request=scene.request,
        response=AdviceResponse.PARTLY_ADOPTED,
        reason="Het budget laat maar een deel toe.",
    )


# --- Create and edit ----------------------------------------------------------------------------
def test_s4_an_advice_request_comes_in_with_question_deadline_and_documents(scene):
    request = _create(scene, documents=[pdf_upload("nota.pdf")], requester_email="a@b.example")
    assert request.status == AdviceStatus.RECEIVED
    assert request.created_by == scene.users.supporter
    document = AdviceDocument.objects.get(advice_request=request)
    assert (document.original_name, document.content_type) == ("nota.pdf", "application/pdf")
    assert not document.file.name.endswith("nota.pdf")  # the stored name is generated
    kinds = list(request.events.values_list("kind", flat=True))
    assert kinds == [AdviceEvent.Kind.CREATED, AdviceEvent.Kind.DOCUMENT]
    audit = AuditEvent.objects.get(action="advice_request.create", target_id=str(request.pk))
    assert audit.actor == scene.users.supporter
    assert audit.changes["deadline"] == [None, request.deadline.isoformat()]
    assert AuditEvent.objects.filter(action="advice_document.add").count() == 1


@pytest.mark.parametrize(
    ("kwargs", "field", "code"),
    [
        ({"question": "   "}, "question", "required"),
        ({"question": "\x00"}, "question", "required"),
        ({"question": "x" * 20_000}, "question", "too_long"),
        ({"title": ""}, "title", "required"),
        ({"requester_name": " "}, "requester_name", "required"),
        ({"requester_kind": "minister"}, "requester_kind", "invalid"),
        ({"requester_email": "geen-adres"}, "requester_email", "invalid"),
        ({"deadline": None}, "deadline", "required"),
        (
            {"deadline": datetime.date.today() - datetime.timedelta(days=2)},
            "deadline",
            "deadline_in_past",
        ),
    ],
)
def test_s4_bad_input_on_create_is_refused_and_nothing_is_saved(scene, kwargs, field, code):
    before = (AdviceRequest.objects.count(), AuditEvent.objects.count())
    with pytest.raises(DomainError) as error:
        _create(scene, **kwargs)
    assert (error.value.field, error.value.code) == (field, code)
    assert (AdviceRequest.objects.count(), AuditEvent.objects.count()) == before


def test_s4_a_bad_document_undoes_the_whole_request(scene):
    before = AdviceRequest.objects.count()
    bad = SimpleUploadedFile("virus.exe", b"MZ\x90\x00 not allowed", content_type="text/plain")
    with pytest.raises(DomainError) as error:
        _create(scene, documents=[pdf_upload(), bad])
    assert error.value.code == "type_not_allowed"
    assert AdviceRequest.objects.count() == before
    assert not AdviceDocument.objects.exists()


def test_s4_nul_characters_are_dropped_from_free_text(scene):
    request = _create(scene, question="Wat\x00 vinden jullie?")
    assert request.question == "Wat vinden jullie?"


def test_s4_the_question_and_deadline_can_change_until_the_advice_is_given(scene):
    new_deadline = TODAY() + datetime.timedelta(days=30)
    request = services.advice_request_edit(
        actor=scene.users.staff,
        advice_request=scene.request,
        title="Crisisopvang 2026",
        question="Wat vinden jullie van de regels?",
        deadline=new_deadline,
    )
    assert (request.title, request.deadline) == ("Crisisopvang 2026", new_deadline)
    audit = AuditEvent.objects.get(action="advice_request.edit")
    assert set(audit.changes) == {"title", "question", "deadline"}
    with pytest.raises(DomainError) as error:
        services.advice_request_edit(
            actor=scene.users.staff,
            advice_request=request,
            title="x",
            question="y",
            deadline=TODAY() - datetime.timedelta(days=1),
        )
    assert error.value.code == "deadline_in_past"
    _all_views(scene)
    _give(scene)
    with pytest.raises(ConflictError) as conflict:
        services.advice_request_edit(
            actor=scene.users.staff,
            advice_request=request,
            title="Later",
            question="Later",
            deadline=new_deadline,
        )
    assert conflict.value.code == "advice_given"
    with pytest.raises(ConflictError):
        services.advice_document_add(
            actor=scene.users.staff, advice_request=request, upload=pdf_upload()
        )


def test_s4_a_past_deadline_may_stay_when_only_the_question_changes(scene):
    AdviceRequest.objects.filter(pk=scene.request.pk).update(
        deadline=TODAY() - datetime.timedelta(days=3)
    )
    scene.request.refresh_from_db()
    request = services.advice_request_edit(
        actor=scene.users.chair,
        advice_request=scene.request,
        title=scene.request.title,
        question="Een scherpere vraag.",
        deadline=scene.request.deadline,
    )
    assert request.question == "Een scherpere vraag."


# --- Views of the constituencies ---------------------------------------------------------------
def test_s4_a_representative_records_their_constituencys_view(scene):
    view = _view(scene, scene.users.parent_rep, scene.parents, Stance.RESERVATION)
    assert (view.stance, view.recorded_on_behalf) == (Stance.RESERVATION, False)
    scene.request.refresh_from_db()
    assert scene.request.status == AdviceStatus.IN_PREPARATION  # the first view
    kinds = list(scene.request.events.values_list("kind", flat=True))
    assert kinds[-2:] == [AdviceEvent.Kind.VIEW, AdviceEvent.Kind.STATUS]
    assert AuditEvent.objects.filter(action="advice_view.record", actor=scene.users.parent_rep)
    assert AuditEvent.objects.filter(action="advice_request.status").count() == 1


def test_s4_the_supporter_or_chair_records_a_view_on_behalf_of_a_constituency(scene):
    view = _view(scene, scene.users.supporter, scene.youth)
    assert view.recorded_on_behalf is True
    # The representative changes it later: it is theirs again.
    view = _view(scene, scene.users.youth_rep, scene.youth, Stance.DISAGREES, "Toch niet.")
    assert (view.stance, view.recorded_on_behalf) == (Stance.DISAGREES, False)
    assert ConstituencyView.objects.count() == 1
    assert AuditEvent.objects.filter(action="advice_view.change").count() == 1


@pytest.mark.parametrize("who", ["member", "youth_rep", "other_body_member", "staff"])
def test_s4_only_the_representative_or_a_lead_of_the_body_records_a_view(scene, who):
    with pytest.raises(DomainError) as error:
        _view(scene, getattr(scene.users, who), scene.parents)
    assert (error.value.field, error.value.code) == ("constituency", "not_representative")
    assert not ConstituencyView.objects.exists()
    scene.request.refresh_from_db()
    assert scene.request.status == AdviceStatus.RECEIVED


@pytest.mark.parametrize("which", ["foreign", "elsewhere"])
def test_s4_a_constituency_of_another_region_or_without_a_seat_is_refused(scene, which):
    with pytest.raises(DomainError) as error:
        _view(scene, scene.users.supporter, getattr(scene, which))
    assert (error.value.field, error.value.code) == ("constituency", "not_in_body")
    assert not ConstituencyView.objects.exists()


def test_s4_a_view_needs_a_position_and_a_text(scene):
    with pytest.raises(DomainError) as error:
        _view(scene, scene.users.parent_rep, scene.parents, stance="maybe")
    assert error.value.field == "stance"
    with pytest.raises(DomainError) as error:
        _view(scene, scene.users.parent_rep, scene.parents, text="  ")
    assert (error.value.field, error.value.code) == ("view", "required")
    assert not AuditEvent.objects.filter(action__startswith="advice_view").exists()


def test_s4_views_are_frozen_once_the_advice_is_given(scene):
    _all_views(scene)
    _give(scene)
    with pytest.raises(ConflictError) as error:
        _view(scene, scene.users.parent_rep, scene.parents, Stance.DISAGREES, "Alsnog niet.")
    assert (error.value.status_code, error.value.code) == (409, "advice_given")
    assert ConstituencyView.objects.get(constituency=scene.parents).stance == Stance.AGREES


# --- The advice under the decision rule ---------------------------------------------------------
def test_s4_with_reservation_every_constituency_must_have_its_say(scene):
    _view(scene, scene.users.parent_rep, scene.parents)
    with pytest.raises(DomainError) as error:
        _give(scene)
    assert (error.value.field, error.value.code) == ("missing_views_reason", "views_missing")
    assert "Jongeren" in str(error.value.message)  # the missing one is named
    assert "Ouders" not in str(error.value.message)
    scene.request.refresh_from_db()
    assert scene.request.status == AdviceStatus.IN_PREPARATION
    assert scene.request.advice_text == ""
    assert not AuditEvent.objects.filter(action="advice_request.give").exists()


def test_s4_only_the_chair_may_give_the_advice_without_every_view(scene):
    _view(scene, scene.users.parent_rep, scene.parents)
    with pytest.raises(DomainError) as error:
        _give(scene, scene.users.supporter, missing_views_reason="De jongeren kwamen niet.")
    assert error.value.code == "reason_chair_only"
    request = _give(scene, missing_views_reason="De jongerenvertegenwoordiger was ziek.")
    assert request.status == AdviceStatus.ADVICE_GIVEN
    assert request.missing_views_reason == "De jongerenvertegenwoordiger was ziek."
    assert request.decision_rule == DecisionRule.CONSENSUS_WITH_RESERVATION
    audit = AuditEvent.objects.get(action="advice_request.give")
    assert audit.changes["missing_views_reason"][1] == request.missing_views_reason


def test_s4_with_every_view_the_supporter_gives_the_advice_and_reservations_stay(scene):
    _all_views(scene)
    request = _give(scene, scene.users.supporter, missing_views_reason="niet nodig")
    assert request.status == AdviceStatus.ADVICE_GIVEN
    assert request.missing_views_reason == ""  # nobody was missing
    assert request.advice_given_by == scene.users.supporter
    assert request.advice_given_at is not None
    stances = dict(ConstituencyView.objects.values_list("constituency__name", "stance"))
    assert stances == {"Ouders": Stance.AGREES, "Jongeren": Stance.RESERVATION}
    assert AdviceEvent.objects.filter(advice_request=request, kind=AdviceEvent.Kind.GIVEN)


def test_s4_under_consensus_the_text_is_enough(scene):
    set_rule(scene.body, DecisionRule.CONSENSUS)
    request = _give(scene, scene.users.supporter)
    assert (request.status, request.decision_rule) == (
        AdviceStatus.ADVICE_GIVEN,
        DecisionRule.CONSENSUS,
    )


def test_s4_votes_are_counted_only_under_majority(scene):
    set_rule(scene.body, DecisionRule.CONSENSUS)
    with pytest.raises(DomainError) as error:
        _give(scene, votes_for=3, votes_against=1)
    assert error.value.code == "votes_not_allowed"


@pytest.mark.parametrize(
    ("votes", "code"),
    [
        ({}, "votes_required"),
        ({"votes_for": 3}, "votes_required"),
        ({"votes_for": 2, "votes_against": 2}, "votes_do_not_match"),
        ({"votes_for": -1, "votes_against": 0}, "invalid"),
    ],
)
def test_s4_under_majority_more_votes_for_than_against(scene, votes, code):
    set_rule(scene.body, DecisionRule.MAJORITY)
    with pytest.raises(DomainError) as error:
        _give(scene, **votes)
    assert error.value.code == code
    scene.request.refresh_from_db()
    assert scene.request.status == AdviceStatus.RECEIVED


def test_s4_a_majority_advice_keeps_its_votes(scene):
    set_rule(scene.body, DecisionRule.MAJORITY)
    request = _give(scene, votes_for=5, votes_against=2, votes_abstained=1)
    assert (request.votes_for, request.votes_against, request.votes_abstained) == (5, 2, 1)
    assert request.decision_rule == DecisionRule.MAJORITY


def test_s4_a_body_without_terms_of_reference_cannot_give_an_advice(scene):
    scene.body.terms_versions.all().delete()
    with pytest.raises(DomainError) as error:
        _give(scene)
    assert error.value.code == "no_decision_rule"


@pytest.mark.parametrize("who", ["member", "parent_rep", "staff", "region_admin"])
def test_s4_only_the_chair_or_supporter_gives_the_advice(scene, who):
    _all_views(scene)
    with pytest.raises(DomainError) as error:
        _give(scene, getattr(scene.users, who))
    assert error.value.code == "not_chair_or_supporter"


def test_s4_the_advice_needs_a_text(scene):
    _all_views(scene)
    with pytest.raises(DomainError) as error:
        _give(scene, advice_text=" \x00 ")
    assert (error.value.field, error.value.code) == ("advice_text", "required")


def test_s4_the_advice_is_given_once(scene):
    _all_views(scene)
    _give(scene)
    with pytest.raises(ConflictError) as error:
        _give(scene)
    assert error.value.code == "transition_not_allowed"


# --- The PDF and the e-mail ---------------------------------------------------------------------
def test_s4_the_advice_pdf_holds_the_advice_and_each_view(scene):
    from aantafel.advice.pdf import advice_pdf_bytes

    _all_views(scene)
    _give(scene)
    pdf = advice_pdf_bytes(scene.request)
    assert pdf.startswith(b"%PDF-")
    text = " ".join(pdf_text.text(pdf).split())
    assert "Houd de opvang dicht bij huis." in text
    assert "Ouders steunen dit." in text
    assert "Jongeren willen inspraak in de uitvoering." in text
    assert "Departement WVG" in text
    assert "pdfaid:part" in pdf_text.metadata(pdf) or "pdfaid" in pdf_text.metadata(pdf)


def test_s4_the_requester_gets_the_advice_pdf_by_mail_once(
    scene, django_capture_on_commit_callbacks
):
    _all_views(scene)
    outbox.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _give(scene)
    assert [m.to for m in outbox.outbox] == [["wvg@departement.example"]]
    message = outbox.outbox[0]
    (name, content, mimetype) = message.attachments[0]
    assert mimetype == "application/pdf"
    assert name.endswith(".pdf")
    assert content.startswith(b"%PDF-")
    record = AdviceMail.objects.get(advice_request=scene.request)
    assert record.sent_at is not None
    assert record.attempts == 1
    # A task that runs again, or a second queueing, sends nothing more.
    assert mail.send(record.pk) is False
    mail.advice_sent(scene.request.pk)
    assert len(outbox.outbox) == 1


def test_s4_no_mail_without_an_address(scene, django_capture_on_commit_callbacks):
    request = _create(scene, requester_email="")
    set_rule(scene.body, DecisionRule.CONSENSUS)
    outbox.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.advice_give(
            actor=scene.users.chair, advice_request=request, advice_text="Ja, doen."
        )
    assert outbox.outbox == []
    assert not AdviceMail.objects.exists()


def test_s4_a_failed_mail_is_retried_and_then_sent_once(scene, settings):
    _all_views(scene)
    locmem = settings.EMAIL_BACKEND
    settings.EMAIL_BACKEND = "tests.advice.conftest.FailingBackend"
    _give(scene)
    mail.advice_sent(scene.request.pk)  # what the commit of advice_give queues
    record = AdviceMail.objects.get()
    assert record.sent_at is None
    assert record.attempts == 1
    assert record.last_error
    settings.EMAIL_BACKEND = locmem
    outbox.outbox.clear()
    assert mail.send(record.pk) is False
    assert list(mail.pending(older_than=datetime.timedelta(0))) == []
    assert mail.send(record.pk) is False
    assert len(outbox.outbox) == 1


# --- Response, follow-up, closing --------------------------------------------------------------
def test_s4_the_requesters_response_needs_a_reason(scene):
    _all_views(scene)
    _give(scene)
    with pytest.raises(DomainError) as error:
        services.advice_response_record(
            actor=scene.users.staff,
            advice_request=scene.request,
            response=AdviceResponse.ADOPTED,
            reason=" ",
        )
    assert (error.value.field, error.value.code) == ("response_reason", "required")
    with pytest.raises(DomainError) as error:
        services.advice_response_record(
            actor=scene.users.staff, advice_request=scene.request, response="maybe", reason="x"
        )
    assert error.value.field == "response"
    scene.request.refresh_from_db()
    assert (scene.request.status, scene.request.response) == (AdviceStatus.ADVICE_GIVEN, "")


def test_s4_response_follow_up_and_close(scene):
    request = _answered(scene)
    assert request.status == AdviceStatus.RESPONSE_RECEIVED
    assert request.response == AdviceResponse.PARTLY_ADOPTED
    assert AuditEvent.objects.filter(action="advice_request.response").count() == 1
    follow_up = services.advice_follow_up_add(
        actor=scene.users.region_admin,
        advice_request=request,
        text="Thema-dag over crisisopvang gepland.",
    )
    assert follow_up.on == TODAY()
    assert AuditEvent.objects.filter(action="advice_follow_up.add").count() == 1
    with pytest.raises(DomainError) as error:
        services.advice_follow_up_add(
            actor=scene.users.region_admin,
            advice_request=request,
            text="Later",
            on=TODAY() + datetime.timedelta(days=3),
        )
    assert error.value.code == "in_future"
    request = services.advice_close(actor=scene.users.supporter, advice_request=request)
    assert request.status == AdviceStatus.CLOSED
    assert request.closed_at is not None
    assert AuditEvent.objects.filter(action="advice_request.close").count() == 1
    with pytest.raises(ConflictError):
        services.advice_follow_up_add(
            actor=scene.users.region_admin, advice_request=request, text="Nog iets"
        )


@pytest.mark.parametrize("step", ["response", "close", "follow_up"])
def test_s4_a_status_jump_the_flow_does_not_allow_is_refused(scene, step):
    calls = {
        "response": lambda: services.advice_response_record(
            actor=scene.users.staff,
            advice_request=scene.request,
            response=AdviceResponse.ADOPTED,
            reason="Overgenomen.",
        ),
        "close": lambda: services.advice_close(
            actor=scene.users.staff, advice_request=scene.request
        ),
        "follow_up": lambda: services.advice_follow_up_add(
            actor=scene.users.staff, advice_request=scene.request, text="Iets"
        ),
    }
    with pytest.raises(ConflictError) as error:
        calls[step]()
    assert error.value.code == "transition_not_allowed"
    scene.request.refresh_from_db()
    assert scene.request.status == AdviceStatus.RECEIVED


def test_s4_closing_needs_the_response_first(scene):
    _all_views(scene)
    _give(scene)
    with pytest.raises(ConflictError):
        services.advice_close(actor=scene.users.staff, advice_request=scene.request)


# --- On the agenda -------------------------------------------------------------------------------
def test_s4_the_request_goes_on_the_agenda_as_an_advice_item(scene):
    meeting = f.MeetingFactory(body=scene.body)
    request = services.advice_put_on_agenda(
        actor=scene.users.supporter, advice_request=scene.request, meeting=meeting
    )
    proposal = ItemProposal.objects.get(pk=request.proposal_id)
    assert (proposal.body, proposal.meeting, proposal.desired_type) == (
        scene.body,
        meeting,
        ItemType.ADVICE,
    )
    assert proposal.title == scene.request.title
    assert AuditEvent.objects.filter(action="advice_request.agenda").count() == 1
    with pytest.raises(ConflictError) as error:
        services.advice_put_on_agenda(actor=scene.users.supporter, advice_request=request)
    assert error.value.code == "already_on_agenda"


def test_s4_a_meeting_of_another_body_is_refused_for_the_agenda(scene):
    meeting = f.MeetingFactory(body=scene.other_body)
    with pytest.raises(DomainError) as error:
        services.advice_put_on_agenda(
            actor=scene.users.supporter, advice_request=scene.request, meeting=meeting
        )
    assert error.value.field == "meeting"
    assert not ItemProposal.objects.exists()
    scene.request.refresh_from_db()
    assert scene.request.proposal_id is None


# --- Who sees what (B1) --------------------------------------------------------------------------
@pytest.mark.parametrize("who", ["outsider", "other_body_member"])
def test_s4_a_request_of_another_region_or_body_is_404(scene, who):
    user = getattr(scene.users, who)
    region = scene.region if who != "outsider" else f.RegionFactory(slug="zuid-limburg")
    with pytest.raises(Http404):
        advice_request_get_for_user(user, region, scene.request.pk)


@pytest.mark.parametrize("who", ["parent_rep", "member", "chair", "staff", "region_admin"])
def test_s4_the_body_and_the_region_staff_see_the_request(scene, who):
    found = advice_request_get_for_user(getattr(scene.users, who), scene.region, scene.request.pk)
    assert found == scene.request

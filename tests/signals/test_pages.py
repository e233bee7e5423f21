"""The staff pages of the signal loop (S1–S3): who reaches which page, and each triage form
with its happy path and a refusal that saves nothing."""

import datetime

import pytest
from django.core.exceptions import NON_FIELD_ERRORS
from django.urls import reverse
from django.utils import timezone

from aantafel.meetings.models import ItemProposal, ProposalStatus
from aantafel.regions.models import RegionRole
from aantafel.signals import services
from aantafel.signals.models import Signal, SignalEvent, SignalSource
from aantafel.signals.workflow import SignalStatus

from .. import factories as f

ADDRESS = "jongere@voorbeeld.example"


@pytest.fixture
def staff(region):
    """Policy staff (beleidsmedewerker) of the region."""
    return f.RegionMembershipFactory(region=region, role=RegionRole.STAFF).user


@pytest.fixture
def constituency(region):
    return f.ConstituencyFactory(region=region, name="Ouders")


@pytest.fixture
def representative(body, constituency):
    return f.MembershipFactory(body=body, constituency=constituency).user


@pytest.fixture
def theme(region):
    return f.PlanThemeFactory(region=region, name="Wachtlijsten")


@pytest.fixture
def signal(region):
    return services.signal_submit_public(
        region=region, text="Ik wacht al maanden op een eerste gesprek.", contact_email=ADDRESS
    )


@pytest.fixture
def raised(region, representative, constituency):
    return services.signal_submit_for_constituency(
        actor=representative,
        region=region,
        text="Ouders horen niet wanneer hun kind aan de beurt is.",
        constituency=constituency,
    )


def _url(name, region, *args):
    return reverse(name, args=[region.slug, *args])


def _post(client, region, signal, action, **data):
    payload = {"action": action, **{f"{action}-{k}": v for k, v in data.items()}}
    return client.post(_url("signal_detail", region, signal.pk), payload)


def _prepared(signal, user) -> Signal:
    return services.signal_move(actor=user, signal=signal, status=SignalStatus.IN_PREPARATION)


def _answered(signal, user) -> Signal:
    _prepared(signal, user)
    return services.signal_answer(actor=user, signal=signal, answer="We pakken het op.")


# --- Who reaches which page -----------------------------------------------------------------------
TRIAGERS = ["region_admin", "supporter", "staff"]


@pytest.mark.parametrize("role", TRIAGERS)
def test_s2_triagers_see_the_list_the_signal_and_its_contact_address(
    client, request, region, signal, role
):
    client.force_login(request.getfixturevalue(role))
    listing = client.get(_url("signal_list", region))
    assert listing.status_code == 200
    assert [s.pk for s in listing.context["page"].object_list] == [signal.pk]
    page = client.get(_url("signal_detail", region, signal.pk))
    assert page.status_code == 200
    assert ADDRESS in page.text
    assert set(page.context["forms"]) == {"themes", "move", "duplicate"}
    assert client.get(_url("signal_export", region)).status_code == 200
    assert client.get(_url("signal_flag_safety", region, signal.pk)).status_code == 200


def test_s1_the_representative_sees_their_own_signal_without_triage_forms(
    client, region, representative, raised, signal
):
    client.force_login(representative)
    page = client.get(_url("signal_detail", region, raised.pk))
    assert page.status_code == 200
    assert page.context["forms"] == {}
    assert 'name="action"' not in page.text
    # Their list holds only what they brought in; the public signal is not theirs to see.
    listing = client.get(_url("signal_list", region))
    assert [s.pk for s in listing.context["page"].object_list] == [raised.pk]
    assert client.get(_url("signal_detail", region, signal.pk)).status_code == 404
    # Reading is all: the triage steps, the export and the safety flag are 403.
    assert _post(client, region, raised, "answer", answer="Klaar.").status_code == 403
    assert client.get(_url("signal_export", region)).status_code == 403
    assert client.get(_url("signal_flag_safety", region, raised.pk)).status_code == 403
    assert Signal.objects.get(pk=raised.pk).answer == ""


def test_s1_only_triagers_see_the_contact_address(client, region, representative, constituency):
    # A representative who also raised a public-looking signal never sees an address: the raiser
    # sees whether one was left, not which.
    mine = services.signal_submit_for_constituency(
        actor=representative, region=region, text="Te lange wachttijden.", constituency=constituency
    )
    Signal.objects.filter(pk=mine.pk).update(contact_email=ADDRESS)
    client.force_login(representative)
    page = client.get(_url("signal_detail", region, mine.pk))
    assert page.status_code == 200
    assert ADDRESS not in page.text


@pytest.mark.parametrize("role", ["member", "chair"])
def test_s2_another_member_gets_404_on_a_signal_and_403_on_the_list(
    client, request, region, signal, raised, role
):
    client.force_login(request.getfixturevalue(role))
    for target in (signal, raised):
        assert client.get(_url("signal_detail", region, target.pk)).status_code == 404
        assert _post(client, region, target, "answer", answer="x").status_code == 404
    assert client.get(_url("signal_list", region)).status_code == 403
    assert client.get(_url("signal_export", region)).status_code == 403
    assert client.get(_url("signal_raise", region)).status_code == 403


def test_s2_another_region_gets_404_everywhere(client, region, outsider, signal):
    client.force_login(outsider)
    for url in (
        _url("signal_list", region),
        _url("signal_export", region),
        _url("signal_raise", region),
        _url("signal_detail", region, signal.pk),
        _url("signal_flag_safety", region, signal.pk),
    ):
        assert client.get(url).status_code == 404, url


def test_s2_a_signal_of_another_region_is_404_for_its_triager(
    client, region, other_region, region_admin
):
    theirs = f.SignalFactory(region=other_region)
    client.force_login(region_admin)
    assert client.get(_url("signal_detail", region, theirs.pk)).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, region, signal):
    for url in (
        _url("signal_list", region),
        _url("signal_export", region),
        _url("signal_raise", region),
        _url("signal_detail", region, signal.pk),
        _url("signal_flag_safety", region, signal.pk),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


# --- The list ------------------------------------------------------------------------------------
def test_s2_the_list_filters_and_pages(client, region, region_admin, theme):
    for i in range(30):
        f.SignalFactory(region=region, text=f"Wachttijd {i}")
    flagged = f.SignalFactory(
        region=region, text="Iemand is niet veilig thuis", safety_concern=True
    )
    themed = f.SignalFactory(region=region, status=SignalStatus.IN_PREPARATION)
    themed.themes.add(theme)
    client.force_login(region_admin)
    url = _url("signal_list", region)

    first = client.get(url)
    assert len(first.context["page"].object_list) == 25
    assert first.context["page"].paginator.count == 32
    assert len(client.get(url, {"page": 2}).context["page"].object_list) == 7

    def pks(**params):
        return [s.pk for s in client.get(url, params).context["page"].object_list]

    assert pks(safety="yes") == [flagged.pk]
    assert flagged.pk not in pks(safety="no")
    assert pks(theme=theme.pk) == [themed.pk]
    assert pks(status=SignalStatus.IN_PREPARATION) == [themed.pk]
    assert pks(text="NIET VEILIG") == [flagged.pk]
    assert len(pks(source=SignalSource.REPRESENTATIVE)) == 0


def test_s2_the_export_holds_the_filtered_list_without_addresses(client, region, region_admin):
    f.SignalFactory(region=region, text="=SOM(A1) wachttijd", contact_email=ADDRESS)
    f.SignalFactory(region=region, text="Iets anders", safety_concern=True)
    client.force_login(region_admin)
    response = client.get(_url("signal_export", region), {"safety": "no"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    lines = body.strip().splitlines()
    assert len(lines) == 2  # header and the one signal that is not a safety concern
    assert "'=SOM(A1) wachttijd" in body  # a formula stays text
    assert ADDRESS not in body


# --- S1: the representative's form ---------------------------------------------------------------
def test_s1_a_representative_brings_in_a_signal_and_lands_on_its_page(
    client, region, representative, constituency, theme
):
    client.force_login(representative)
    url = _url("signal_raise", region)
    form = client.get(url).context["form"]
    assert list(form.fields["constituency"].queryset) == [constituency]
    response = client.post(
        url, {"constituency": constituency.pk, "text": "Ouders wachten lang.", "theme": theme.pk}
    )
    signal = Signal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("signal_detail", region, signal.pk)
    assert (signal.source, signal.raised_by, signal.constituency) == (
        SignalSource.REPRESENTATIVE,
        representative,
        constituency,
    )
    assert list(signal.themes.all()) == [theme]


def test_s1_a_representative_cannot_bring_in_for_a_constituency_they_do_not_represent(
    client, region, representative
):
    elsewhere = f.ConstituencyFactory(region=region, name="Minderjarigen")
    client.force_login(representative)
    response = client.post(
        _url("signal_raise", region), {"constituency": elsewhere.pk, "text": "Iets."}
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("constituency", "invalid_choice")
    assert not Signal.objects.exists()


def test_s1_an_ended_representative_can_no_longer_bring_in(client, region, body, constituency):
    former = f.MembershipFactory(body=body, constituency=constituency, ended=True).user
    client.force_login(former)
    assert client.get(_url("signal_raise", region)).status_code == 403
    assert client.get(_url("signal_list", region)).status_code == 403


# --- S2: the triage forms ------------------------------------------------------------------------
def test_s2_set_themes(client, region, supporter, signal, theme):
    client.force_login(supporter)
    response = _post(client, region, signal, "themes", themes=[theme.pk])
    assert response.status_code == 302
    assert list(signal.themes.all()) == [theme]
    assert signal.events.filter(kind=SignalEvent.Kind.THEMES).exists()


def test_s2_a_theme_of_another_region_is_refused(client, region, other_region, supporter, signal):
    theirs = f.PlanThemeFactory(region=other_region)
    client.force_login(supporter)
    response = _post(client, region, signal, "themes", themes=[theirs.pk])
    assert response.status_code == 200
    assert response.context["posted_form"].has_error("themes", "invalid_choice")
    assert not signal.themes.exists()
    assert not signal.events.filter(kind=SignalEvent.Kind.THEMES).exists()


def test_s2_move_to_in_preparation_with_a_note(client, region, supporter, signal):
    client.force_login(supporter)
    response = _post(
        client, region, signal, "move", status=SignalStatus.IN_PREPARATION, note="Navragen"
    )
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.status == SignalStatus.IN_PREPARATION
    event = signal.events.get(kind=SignalEvent.Kind.STATUS)
    assert (event.actor, event.note) == (supporter, "Navragen")


def test_s2_a_step_the_flow_does_not_allow_is_not_offered_nor_taken(
    client, region, supporter, signal
):
    client.force_login(supporter)
    response = _post(client, region, signal, "move", status=SignalStatus.FOLLOW_UP)
    assert response.status_code == 200
    assert response.context["posted_form"].has_error("status", "invalid_choice")
    signal.refresh_from_db()
    assert signal.status == SignalStatus.NEW


def test_s2_only_the_steps_the_flow_allows_are_offered(client, region, supporter, signal):
    client.force_login(supporter)
    url = _url("signal_detail", region, signal.pk)
    assert set(client.get(url).context["forms"]) == {"themes", "move", "duplicate"}
    _prepared(signal, supporter)
    assert set(client.get(url).context["forms"]) == {"themes", "table", "answer", "duplicate"}
    services.signal_answer(actor=supporter, signal=signal, answer="Antwoord.")
    forms = client.get(url).context["forms"]
    assert set(forms) == {"themes", "move", "close", "duplicate"}
    assert [c[0] for c in forms["move"].fields["status"].choices] == [SignalStatus.FOLLOW_UP]


def test_s2_put_on_the_table_of_a_meeting(client, region, body, supporter, signal):
    meeting = f.MeetingFactory(body=body)
    _prepared(signal, supporter)
    client.force_login(supporter)
    response = _post(
        client, region, signal, "table", body=body.pk, meeting=meeting.pk, title="Wachttijden"
    )
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.status == SignalStatus.ON_THE_TABLE
    assert (signal.proposal.body, signal.proposal.meeting, signal.proposal.title) == (
        body,
        meeting,
        "Wachttijden",
    )
    # Once the body accepts it on that meeting, the signal's page links to the meeting.
    ItemProposal.objects.filter(pk=signal.proposal_id).update(status=ProposalStatus.ACCEPTED)
    page = client.get(_url("signal_detail", region, signal.pk))
    assert page.context["detail"].accepted_meeting == meeting
    assert _url("meeting_detail", region, meeting.pk) in page.text


def test_s2_put_on_the_table_after_the_item_deadline_is_refused_beside_the_meeting(
    client, region, body, supporter, signal
):
    soon = f.MeetingFactory(body=body, starts_at=timezone.now() + datetime.timedelta(days=3))
    _prepared(signal, supporter)
    client.force_login(supporter)
    response = _post(
        client, region, signal, "table", body=body.pk, meeting=soon.pk, title="Wachttijden"
    )
    assert response.status_code == 200
    assert response.context["posted_form"].has_error("meeting", "deadline_passed")
    assert 'id="id_table-meeting_error"' in response.text
    signal.refresh_from_db()
    assert (signal.status, signal.proposal) == (SignalStatus.IN_PREPARATION, None)
    assert not ItemProposal.objects.exists()


def test_s2_a_meeting_of_another_body_is_refused(client, region, body, supporter, signal):
    other = f.BodyFactory(region=region, name="Werkgroep")
    meeting = f.MeetingFactory(body=other)
    _prepared(signal, supporter)
    client.force_login(supporter)
    response = _post(
        client, region, signal, "table", body=body.pk, meeting=meeting.pk, title="Wachttijden"
    )
    assert response.context["posted_form"].has_error("meeting", "unknown")
    assert not ItemProposal.objects.exists()


def test_s3_answer(client, region, supporter, signal):
    _prepared(signal, supporter)
    client.force_login(supporter)
    response = _post(client, region, signal, "answer", answer="De kerngroep vraagt het na.")
    assert response.status_code == 302
    signal.refresh_from_db()
    assert (signal.status, signal.answer) == (SignalStatus.ANSWERED, "De kerngroep vraagt het na.")


def test_s3_an_empty_answer_is_refused(client, region, supporter, signal):
    _prepared(signal, supporter)
    client.force_login(supporter)
    response = _post(client, region, signal, "answer", answer="   ")
    assert response.status_code == 200
    assert response.context["posted_form"].has_error("answer", "required")
    signal.refresh_from_db()
    assert (signal.status, signal.answer) == (SignalStatus.IN_PREPARATION, "")


def test_s3_close_and_publish(client, region, supporter, signal):
    _answered(signal, supporter)
    client.force_login(supporter)
    response = _post(
        client, region, signal, "close", publishable="on", public_summary="Wachttijden korter."
    )
    assert response.status_code == 302
    signal.refresh_from_db()
    assert (signal.status, signal.publishable, signal.public_summary) == (
        SignalStatus.CLOSED,
        True,
        "Wachttijden korter.",
    )


def test_s3_publishable_without_a_summary_is_refused(client, region, supporter, signal):
    _answered(signal, supporter)
    client.force_login(supporter)
    response = _post(client, region, signal, "close", publishable="on", public_summary="")
    assert response.status_code == 200
    assert response.context["posted_form"].has_error("public_summary", "required")
    signal.refresh_from_db()
    assert (signal.status, signal.publishable) == (SignalStatus.ANSWERED, False)


def test_s2_a_new_signal_cannot_be_closed(client, region, supporter, signal):
    client.force_login(supporter)
    response = _post(client, region, signal, "close", public_summary="")
    assert response.status_code == 200
    assert response.context["posted_form"].has_error(NON_FIELD_ERRORS, "transition_not_allowed")
    assert list(response.context["messages"])  # said above the page: the form is not offered
    signal.refresh_from_db()
    assert (signal.status, signal.closed_at) == (SignalStatus.NEW, None)


def test_s2_link_a_duplicate_by_number(client, region, supporter, signal):
    later = f.SignalFactory(region=region)
    client.force_login(supporter)
    response = _post(client, region, later, "duplicate", original=signal.pk)
    assert response.status_code == 302
    later.refresh_from_db()
    assert later.duplicate_of == signal
    page = client.get(_url("signal_detail", region, signal.pk))
    assert page.context["detail"].duplicates == [later]


@pytest.mark.parametrize("case", ["itself", "other_region", "missing"])
def test_s2_a_duplicate_that_does_not_exist_here_is_refused(
    client, region, other_region, supporter, signal, case
):
    original = {
        "itself": signal.pk,
        "other_region": f.SignalFactory(region=other_region).pk,
        "missing": 999_999,
    }[case]
    client.force_login(supporter)
    response = _post(client, region, signal, "duplicate", original=original)
    assert response.status_code == 200
    code = "circular" if case == "itself" else "unknown"
    assert response.context["posted_form"].has_error("original", code)
    signal.refresh_from_db()
    assert signal.duplicate_of is None


def test_s1_flag_as_a_safety_concern_after_confirming(client, region, supporter, signal):
    client.force_login(supporter)
    url = _url("signal_flag_safety", region, signal.pk)
    assert client.get(url).status_code == 200  # the confirmation step
    signal.refresh_from_db()
    assert not signal.safety_concern
    response = client.post(url, {"note": "Geweld thuis genoemd."})
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.safety_concern
    assert signal.events.get(kind=SignalEvent.Kind.SAFETY).note == "Geweld thuis genoemd."


def test_an_unknown_action_changes_nothing(client, region, supporter, signal):
    client.force_login(supporter)
    response = client.post(_url("signal_detail", region, signal.pk), {"action": "delete"})
    assert response.status_code == 302
    assert Signal.objects.get(pk=signal.pk).status == SignalStatus.NEW


def test_s2_similar_earlier_signals_are_offered_to_link_as_duplicates(client, region, supporter):
    earlier = services.signal_submit_public(
        region=region, text="Wij wachten al maanden op de wachtlijst voor jeugdhulp in Hasselt."
    )
    services.signal_submit_public(region=region, text="De bus naar school rijdt niet op zondag.")
    later = services.signal_submit_public(
        region=region, text="Al maanden wachten wij op de wachtlijst voor jeugdhulp in Genk."
    )
    client.force_login(supporter)
    page = client.get(_url("signal_detail", region, later.pk))
    assert [s.pk for s in page.context["detail"].similar] == [earlier.pk]
    assert f'name="duplicate-original" value="{earlier.pk}"' in page.text
    response = _post(client, region, later, "duplicate", original=earlier.pk)
    assert response.status_code == 302
    later.refresh_from_db()
    assert later.duplicate_of == earlier


def test_s3_the_answer_and_public_text_show_their_reading_level(client, region, supporter, signal):
    _prepared(signal, supporter)
    client.force_login(supporter)
    page = client.get(_url("signal_detail", region, signal.pk))
    assert 'id="id_answer-answer_readability"' in page.text
    services.signal_answer(actor=supporter, signal=signal, answer="We pakken het op.")
    page = client.get(_url("signal_detail", region, signal.pk))
    assert 'id="id_close-public_summary_readability"' in page.text

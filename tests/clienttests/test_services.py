"""S5: the rules of client tests, through the services (and the public page where the rule is
about what a person sees)."""

import datetime
import threading

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from aantafel.audit.models import AuditEvent
from aantafel.clienttests import links, services
from aantafel.clienttests.models import ClientTest, ClientTestAnswer, ClientTestLink
from aantafel.clienttests.permissions import (
    client_test_get_for_user,
    client_tests_visible_to,
    manageable_bodies,
)
from aantafel.clienttests.queries import client_test_report
from aantafel.clienttests.workflow import ClientTestStatus
from aantafel.core.errors import ConflictError, DomainError

from .. import factories as f
from .conftest import ANSWER

pytestmark = pytest.mark.django_db


def today() -> datetime.date:
    return timezone.localdate()


def in_days(n: int) -> datetime.date:
    return today() + datetime.timedelta(days=n)


def one_link(test: ClientTest, **kwargs) -> ClientTestLink:
    return services.client_test_links_create(actor=None, test=test, count=1, **kwargs)[0]


def answer(link: ClientTestLink, **changes):
    return services.client_test_answer_submit(link=link, **{**ANSWER, **changes})


# --- The test and its life ------------------------------------------------------------------------


def test_s5_a_new_client_test_is_a_draft_and_audited(body, supporter):
    test = services.client_test_create(
        actor=supporter,
        body=body,
        title="  Een vaste begeleider ",
        proposal="Elke jongere krijgt één vaste begeleider.",
        target_groups=["parents", "young_people", "parents"],
        closes_on=in_days(14),
        document_url="https://voorbeeld.example/voorstel",
    )
    assert test.status == ClientTestStatus.DRAFT
    assert test.region == body.region
    assert test.title == "Een vaste begeleider"
    assert test.target_groups == ["young_people", "parents"]  # deduplicated, fixed order
    event = AuditEvent.objects.get(action="client_test.create")
    assert event.actor == supporter
    assert event.target_id == str(test.pk)
    assert event.changes["status"] == [None, "draft"]


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"title": "  "}, "title", "required"),
        ({"title": "x" * 201}, "title", "too_long"),
        ({"proposal": ""}, "proposal", "required"),
        ({"proposal": "a\x00b"}, "proposal", "null_character"),
        ({"target_groups": []}, "target_groups", "required"),
        ({"target_groups": ["pets"]}, "target_groups", "unknown"),
        ({"closes_on": datetime.date(2000, 1, 1)}, "closes_on", "in_the_past"),
        ({"document_url": "javascript:alert(1)"}, "document_url", "invalid"),
    ],
)
def test_s5_a_client_test_with_bad_input_is_refused_and_nothing_saved(
    body, supporter, changes, field, code
):
    data = {
        "title": "Voorstel",
        "proposal": "Tekst",
        "target_groups": ["parents"],
        "closes_on": in_days(7),
        **changes,
    }
    with pytest.raises(DomainError) as refused:
        services.client_test_create(actor=supporter, body=body, **data)
    assert (refused.value.field, refused.value.code) == (field, code)
    assert not ClientTest.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="client_test").exists()


def test_s5_open_then_close_with_a_row_lock_and_audit(body, supporter):
    test = f.ClientTestFactory(body=body)
    services.client_test_open(actor=supporter, test=test)
    services.client_test_close(actor=supporter, test=test)
    test.refresh_from_db()
    assert test.status == ClientTestStatus.CLOSED
    assert test.opened_at
    assert test.closed_at
    steps = AuditEvent.objects.filter(action="client_test.status").order_by("id")
    assert [e.changes["status"] for e in steps] == [["draft", "open"], ["open", "closed"]]
    with pytest.raises(ConflictError) as refused:
        services.client_test_open(actor=supporter, test=test)
    assert refused.value.code == "transition_not_allowed"


def test_s5_a_draft_whose_closing_date_passed_does_not_open(body, supporter):
    test = f.ClientTestFactory(body=body, closes_on=in_days(-1))
    with pytest.raises(DomainError) as refused:
        services.client_test_open(actor=supporter, test=test)
    assert refused.value.field == "closes_on"
    test.refresh_from_db()
    assert test.status == ClientTestStatus.DRAFT


def test_s5_an_open_test_keeps_its_proposal_but_its_closing_date_may_move(test_open, supporter):
    with pytest.raises(ConflictError) as refused:
        services.client_test_update(actor=supporter, test=test_open, proposal="Iets anders.")
    assert refused.value.code == "frozen_when_open"
    services.client_test_update(actor=supporter, test=test_open, closes_on=in_days(60))
    test_open.refresh_from_db()
    assert test_open.closes_on == in_days(60)
    event = AuditEvent.objects.get(action="client_test.update")
    assert event.changes == {"closes_on": [in_days(21).isoformat(), in_days(60).isoformat()]}


def test_s5_a_closed_test_does_not_change(body, supporter):
    test = f.ClientTestFactory(body=body, closed=True)
    with pytest.raises(ConflictError):
        services.client_test_update(actor=supporter, test=test, title="Nieuw")


# --- Links ---------------------------------------------------------------------------------------


def test_s5_a_batch_of_links_each_with_its_own_signed_token(test_open, representative):
    made = services.client_test_links_create(
        actor=representative, test=test_open, count=5, label="achterban ouders"
    )
    assert len(made) == 5
    assert len({link.key for link in made}) == 5
    assert all(link.created_by == representative for link in made)
    token = links.token_for(made[0])
    assert len(token) == links.TOKEN_LENGTH
    assert links.key_from_token(token) == made[0].key
    # The stored key alone, or a token with a wrong signature, opens nothing.
    assert links.key_from_token(made[0].key) is None
    forged = made[0].key + ("A" if token[-1] != "A" else "B") * links.TOKEN_LENGTH
    assert links.key_from_token(forged[: links.TOKEN_LENGTH]) is None
    event = AuditEvent.objects.get(action="client_test.links_create")
    assert event.actor == representative
    assert event.changes["links"] == [None, 5]


@pytest.mark.parametrize("count", [0, 201, -3])
def test_s5_between_1_and_200_links_at_a_time(test_open, supporter, count):
    with pytest.raises(DomainError) as refused:
        services.client_test_links_create(actor=supporter, test=test_open, count=count)
    assert refused.value.field == "count"
    assert not ClientTestLink.objects.exists()


def test_s5_a_link_never_works_longer_than_the_test(test_open, supporter):
    with pytest.raises(DomainError) as refused:
        services.client_test_links_create(
            actor=supporter,
            test=test_open,
            count=3,
            expires_on=test_open.closes_on + datetime.timedelta(days=1),
        )
    assert (refused.value.field, refused.value.code) == ("expires_on", "after_closing")
    assert not ClientTestLink.objects.exists()


def test_s5_no_links_for_a_closed_test(body, supporter):
    test = f.ClientTestFactory(body=body, closed=True)
    with pytest.raises(ConflictError):
        services.client_test_links_create(actor=supporter, test=test, count=3)
    assert not ClientTestLink.objects.exists()


# --- Answering -----------------------------------------------------------------------------------


def test_s5_an_answer_is_counted_and_the_link_used(test_open):
    link = one_link(test_open)
    saved = answer(link, clarity_comment="  Duidelijk genoeg. ", remarks="Graag snel.")
    link.refresh_from_db()
    assert link.used_at is not None
    assert saved.test == test_open
    assert saved.clarity_comment == "Duidelijk genoeg."
    assert ClientTestAnswer.objects.filter(test=test_open).count() == 1
    # Audited without an actor and without anything the person said.
    event = AuditEvent.objects.get(action="client_test.answer")
    assert event.actor is None
    assert event.actor_repr == ""
    assert event.changes == {"used": [False, True]}
    assert event.target_type == "clienttests.clienttestlink"
    assert "Duidelijk" not in str(event.changes) + event.target_repr


def test_s5_an_answer_stores_nothing_about_the_person():
    fields = {field.name for field in ClientTestAnswer._meta.get_fields()}
    assert not fields & {"ip", "ip_address", "user", "user_agent", "email", "name"}


def test_s5_answered_twice_from_the_same_link_is_refused(test_open):
    link = one_link(test_open)
    answer(link)
    with pytest.raises(ConflictError) as refused:
        answer(link, target_group="parents")
    assert refused.value.code == "already_answered"
    assert refused.value.status_code == 409
    assert ClientTestAnswer.objects.count() == 1
    assert ClientTestAnswer.objects.get().target_group == "young_people"


@pytest.mark.django_db(transaction=True)
def test_s5_answered_twice_at_the_same_moment_only_one_counts(body):
    """Two threads, two database connections, one link: the row lock and the conditional update
    let exactly one answer through."""
    test = f.ClientTestFactory(body=body, open=True)
    link = one_link(test)
    barrier = threading.Barrier(2)
    results: list[str] = []

    def submit(group: str) -> None:
        try:
            barrier.wait(timeout=10)
            answer(ClientTestLink.objects.get(pk=link.pk), target_group=group)
            results.append("saved")
        except ConflictError as error:
            results.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(g,)) for g in ("young_people", "parents")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results) == ["already_answered", "saved"]
    assert ClientTestAnswer.objects.filter(link=link).count() == 1
    assert AuditEvent.objects.filter(action="client_test.answer").count() == 1


def test_s5_an_expired_link_is_refused(test_open):
    link = one_link(test_open, expires_on=in_days(1))
    ClientTestLink.objects.filter(pk=link.pk).update(expires_on=in_days(-1))
    link.refresh_from_db()
    with pytest.raises(ConflictError) as refused:
        answer(link)
    assert (refused.value.code, refused.value.status_code) == ("expired", 410)
    assert not ClientTestAnswer.objects.exists()


@pytest.mark.parametrize("how", ["closed", "past_closing_date"])
def test_s5_a_closed_test_is_refused(test_open, supporter, how):
    link = one_link(test_open)
    if how == "closed":
        services.client_test_close(actor=supporter, test=test_open)
    else:
        ClientTest.objects.filter(pk=test_open.pk).update(closes_on=in_days(-1))
    with pytest.raises(ConflictError) as refused:
        answer(link)
    assert (refused.value.code, refused.value.status_code) == ("closed", 410)
    assert not ClientTestAnswer.objects.exists()
    link.refresh_from_db()
    assert link.used_at is None


def test_s5_a_draft_test_is_not_answerable(body):
    test = f.ClientTestFactory(body=body)
    link = one_link(test)
    with pytest.raises(ConflictError) as refused:
        answer(link)
    assert (refused.value.code, refused.value.status_code) == ("not_open", 409)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"clarity": 6}, "clarity"),
        ({"impact": 0}, "impact"),
        ({"participation": "3"}, "participation"),
        ({"accessibility": True}, "accessibility"),
        ({"target_group": "pets"}, "target_group"),
        ({"target_group": "foster_carers"}, "target_group"),  # not asked in this test
        ({"impact_comment": "x" * 1001}, "impact_comment"),
        ({"remarks": "x" * 2001}, "remarks"),
        ({"clarity_comment": "a\x00b"}, "clarity_comment"),
        ({"remarks": "\x00"}, "remarks"),
    ],
)
def test_s5_bad_answers_save_nothing_and_leave_the_link_unused(test_open, changes, field):
    link = one_link(test_open)
    with pytest.raises(DomainError) as refused:
        answer(link, **changes)
    assert refused.value.field == field
    assert refused.value.status_code == 400
    assert not ClientTestAnswer.objects.exists()
    link.refresh_from_db()
    assert link.used_at is None
    assert not AuditEvent.objects.filter(action="client_test.answer").exists()
    answer(link)  # the link still works
    assert ClientTestAnswer.objects.count() == 1


# --- The report ----------------------------------------------------------------------------------


def test_s5_the_report_summarises_per_target_group(body):
    test = f.ClientTestFactory(
        body=body, open=True, target_groups=["young_people", "parents", "foster_carers"]
    )
    for clarity, comment in ((5, "Helder."), (4, ""), (3, "Wat is een begeleider?")):
        answer(
            one_link(test), target_group="young_people", clarity=clarity, clarity_comment=comment
        )
    for _n in range(2):  # too few to show on their own
        answer(one_link(test), target_group="parents", clarity=1, remarks="Wij willen meepraten.")
    report = client_test_report(test)
    groups = {g.group: g for g in report.groups}
    assert list(groups) == ["young_people", "parents", "foster_carers"]
    young = groups["young_people"]
    assert (young.answers, young.shown) == (3, True)
    clarity = young.dimensions[0]
    assert clarity.dimension == "clarity"
    assert clarity.average == 4.0
    assert [s.count for s in clarity.distribution] == [0, 0, 1, 1, 1]
    assert [(c.dimension, c.texts) for c in young.comments] == [
        ("clarity", ["Helder.", "Wat is een begeleider?"])
    ]
    parents = groups["parents"]
    assert (parents.answers, parents.shown, parents.dimensions, parents.comments) == (
        2,
        False,
        [],
        [],
    )
    assert groups["foster_carers"].answers == 0
    overall = report.overall
    assert overall.answers == 5
    assert overall.shown
    assert overall.dimensions[0].average == round((5 + 4 + 3 + 1 + 1) / 5, 1)
    assert [s.count for s in overall.dimensions[0].distribution] == [2, 0, 1, 1, 1]
    assert overall.comments == []  # comments only per group


# --- Permissions ----------------------------------------------------------------------------------

ROLES = [
    "representative",
    "other_member",
    "other_body_member",
    "supporter",
    "chair",
    "region_admin",
    "staff",
    "outsider",
]
MANAGE = {"supporter", "chair", "region_admin", "staff"}
LINKS = MANAGE | {"representative"}
VIEW = LINKS | {"other_member"}


@pytest.mark.parametrize("role", ROLES)
def test_s5_who_may_manage_make_links_and_see(scene, test_open, role):
    user = scene.users[role]
    assert user.has_perm("clienttests.manage_test", test_open) == (role in MANAGE)
    assert user.has_perm("clienttests.make_links", test_open) == (role in LINKS)
    assert user.has_perm("clienttests.view_test", test_open) == (role in VIEW)
    assert user.has_perm("clienttests.add_test", scene.region) == (role in MANAGE)
    visible = list(client_tests_visible_to(user, scene.region))
    assert visible == ([test_open] if role in VIEW else [])


def test_s5_a_former_member_no_longer_sees_the_test(body, test_open):
    former = f.MembershipFactory(body=body, ended=True).user
    assert not former.has_perm("clienttests.view_test", test_open)


def test_s5_a_supporter_makes_tests_only_for_the_body_they_run(scene, body):
    other = f.BodyFactory(region=scene.region, name="Andere tafel")
    assert list(manageable_bodies(scene.users["supporter"], scene.region)) == [body]
    assert set(manageable_bodies(scene.users["staff"], scene.region)) >= {body, other}


def test_b1_a_client_test_of_another_region_is_a_404(scene, other_region, test_open):
    from django.http import Http404

    elsewhere = f.ClientTestFactory(body=f.BodyFactory(region=other_region))
    with pytest.raises(Http404):
        client_test_get_for_user(scene.users["region_admin"], scene.region, elsewhere.pk)
    with pytest.raises(Http404):
        client_test_get_for_user(scene.users["outsider"], scene.region, test_open.pk)
    assert client_test_get_for_user(scene.users["staff"], scene.region, test_open.pk) == test_open


# --- The public page ------------------------------------------------------------------------------


def _post(client, token, **changes):
    return client.post(reverse("client_test_answer", args=[token]), {**ANSWER, **changes})


def test_s5_the_public_page_takes_an_answer_and_says_thank_you(client, test_open):
    link = one_link(test_open)
    token = links.token_for(link)
    page = client.get(reverse("client_test_answer", args=[token]))
    assert page.status_code == 200
    assert test_open.region.safety_contact_line in page.content.decode()
    assert 'type="radio"' in page.content.decode()
    response = _post(client, token, remarks="Goed plan.")
    assert response.status_code == 302
    assert response["Location"] == reverse("client_test_thanks", args=[token])
    assert client.get(response["Location"]).status_code == 200
    assert ClientTestAnswer.objects.get().remarks == "Goed plan."


def test_s5_the_public_page_says_already_answered_expired_or_closed(client, test_open, supporter):
    used, expired, fresh = (one_link(test_open, expires_on=in_days(3)) for _n in range(3))
    answer(used)
    ClientTestLink.objects.filter(pk=expired.pk).update(expires_on=in_days(-1))

    def get(link):
        return client.get(reverse("client_test_answer", args=[links.token_for(link)]))

    assert get(used).status_code == 409
    assert 'data-state="already_answered"' in get(used).content.decode()
    assert _post(client, links.token_for(used)).status_code == 409
    assert get(expired).status_code == 410
    services.client_test_close(actor=supporter, test=test_open)
    response = _post(client, links.token_for(fresh))
    assert response.status_code == 410
    assert 'data-state="closed"' in response.content.decode()
    assert ClientTestAnswer.objects.count() == 1


def test_s5_an_unknown_or_forged_token_is_a_404(client, test_open):
    link = one_link(test_open)
    for token in ("nope", link.key, link.key + "x" * 16):
        assert client.get(reverse("client_test_answer", args=[token])).status_code == 404


def test_s5_a_bad_answer_on_the_page_comes_back_beside_the_field(client, test_open):
    link = one_link(test_open)
    response = _post(client, links.token_for(link), clarity="9", target_group="")
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"clarity", "target_group"}
    assert not ClientTestAnswer.objects.exists()


def test_s5_the_public_page_is_rate_limited_against_guessing(client, test_open):
    link = one_link(test_open)
    for _n in range(20):
        client.get(reverse("client_test_answer", args=["x" * 32]))
    response = client.get(reverse("client_test_answer", args=[links.token_for(link)]))
    assert response.status_code == 429

"""P5: experience stories, published only with the teller's explicit consent, after moderation,
anonymised where asked; withdrawn with the link from the mail, offline at once and deleted.
Through the services (and, where the rule is about what the public sees, the public pages).

Mail goes out after the commit: tests that read the mailbox run the commit callbacks
(django_capture_on_commit_callbacks(execute=True)); the task backend runs at once."""

import pytest
from django.urls import reverse

from aantafel.audit.models import AuditEvent
from aantafel.core.errors import ConflictError, DomainError
from aantafel.participation import links_stories, mail_stories
from aantafel.participation.models import Story, StoryMail, StoryStatus
from aantafel.participation.services import stories as services
from aantafel.participation.services.safety import flag_concern

from .factories_events import TrajectoryFactory
from .factories_stories import StoryFactory

pytestmark = pytest.mark.django_db

TELLER = "Sam de Vries"
EMAIL = "sam@voorbeeld.example"


def _submit(region, **extra) -> Story:
    values = {
        "region": region,
        "title": "Wachten op hulp",
        "text": "Ik moest acht maanden wachten. Niemand belde.",
        "teller_name": TELLER,
        "teller_email": EMAIL,
        "teller_audience": "young_person",
        "consent": True,
        "anonymous": False,
    } | extra
    return services.story_submit(**values)


def _publish(staff, story, **extra) -> Story:
    values = {
        "public_title": "Wachten op hulp",
        "public_text": "Ik moest acht maanden wachten. Niemand belde.",
        "public_name": "",
    } | extra
    return services.story_publish(actor=staff, story=story, **values)


def _public_pages(client, story) -> str:
    """The public list and, if it answers, the story's page: all a visitor can see of it."""
    slug = story.region.slug
    html = client.get(reverse("story_public_list", args=[slug])).content.decode()
    detail = client.get(reverse("story_public_detail", args=[slug, story.pk]))
    return html + (detail.content.decode() if detail.status_code == 200 else "")


# --- Telling a story -------------------------------------------------------------------------------
@pytest.mark.parametrize("consent", [False, None, "on", 1])
def test_p5_a_story_without_explicit_consent_is_refused_and_nothing_is_saved(region, consent):
    with pytest.raises(DomainError) as refused:
        _submit(region, consent=consent)
    assert (refused.value.field, refused.value.code) == ("consent", "consent_required")
    assert not Story.objects.exists()
    assert not StoryMail.objects.exists()
    assert not AuditEvent.objects.filter(action="story.submit").exists()


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("title", "   ", "required"),
        ("text", "", "required"),
        ("text", "x" * 5001, "too_long"),
        ("title", "x" * 151, "too_long"),
        ("teller_name", "", "required"),
        ("teller_email", "", "required"),
        ("teller_email", "geen-adres", "invalid"),
        ("teller_audience", "municipality", "invalid_choice"),
    ],
)
def test_p5_a_story_with_bad_input_is_refused_beside_its_field(region, field, value, code):
    with pytest.raises(DomainError) as refused:
        _submit(region, **{field: value})
    assert (refused.value.field, refused.value.code) == (field, code)
    assert not Story.objects.exists()


def test_p5_a_story_of_5000_characters_is_accepted(region):
    assert len(_submit(region, text="x" * 5000).text) == 5000


def test_p5_a_trajectory_of_another_region_is_refused(region, other_region):
    with pytest.raises(DomainError) as refused:
        _submit(region, trajectory=TrajectoryFactory(region=other_region))
    assert refused.value.field == "trajectory"
    assert not Story.objects.exists()


def test_p5_a_told_story_waits_for_moderation_and_the_teller_gets_the_withdrawal_link(
    region, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = _submit(region, anonymous=True)
    assert story.status == StoryStatus.SUBMITTED
    assert story.consent_given_at is not None
    assert story.anonymous
    assert not Story.objects.public().exists()
    (receipt,) = mailoutbox
    assert receipt.to == [EMAIL]
    assert links_stories.withdraw_url(story) in receipt.body
    assert StoryMail.objects.get(story=story).kind == mail_stories.RECEIPT
    assert StoryMail.objects.get(story=story).sent_at is not None


# --- Moderation ------------------------------------------------------------------------------------
def test_p5_a_story_is_published_only_after_moderation(
    client, region, staff, mailoutbox, django_capture_on_commit_callbacks
):
    story = _submit(region)
    page = reverse("story_public_detail", args=[region.slug, story.pk])
    assert client.get(page).status_code == 404
    assert TELLER not in _public_pages(client, story)
    with django_capture_on_commit_callbacks(execute=True):
        _publish(staff, story, public_text="Ik moest lang wachten.", public_name="Sam")
    story.refresh_from_db()
    assert (story.status, story.moderated_by) == (StoryStatus.PUBLISHED, staff)
    assert story.published_at is not None
    assert list(Story.objects.public()) == [story]
    response = client.get(page)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Ik moest lang wachten." in body
    assert "acht maanden" not in body  # the teller's own text stays behind the login
    assert EMAIL not in body
    (published,) = mailoutbox
    assert mail_stories.public_url(story) in published.body
    assert links_stories.withdraw_url(story) in published.body
    # Publishing again changes the public version without a second mail.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _publish(staff, story, public_title="Wachten", public_name="Sam")
    assert not mailoutbox
    assert Story.objects.get(pk=story.pk).public_title == "Wachten"


@pytest.mark.parametrize(
    ("field", "value"), [("public_title", ""), ("public_text", " "), ("public_text", "x" * 5001)]
)
def test_p5_publishing_needs_a_title_and_text_for_the_site(region, staff, field, value):
    story = _submit(region)
    with pytest.raises(DomainError) as refused:
        _publish(staff, story, **{field: value})
    assert refused.value.field == field
    assert Story.objects.get(pk=story.pk).status == StoryStatus.SUBMITTED


def test_p5_an_anonymous_story_never_shows_the_name(client, region, staff):
    story = _submit(region, anonymous=True)
    for name in (TELLER, "sam de  vries", "Sam", "Kim"):
        with pytest.raises(DomainError) as refused:
            _publish(staff, story, public_name=name)
        assert (refused.value.field, refused.value.code) == ("public_name", "anonymous")
    # The teller's name in the text or title is refused too, as a whole word only.
    for field, value in (
        ("public_text", "Hoi, ik ben Sam en ik moest wachten."),
        ("public_title", "Het verhaal van Sam de Vries"),
    ):
        with pytest.raises(DomainError) as refused:
            _publish(staff, story, **{field: value})
        assert (refused.value.field, refused.value.code) == (field, "names_teller")
    assert Story.objects.get(pk=story.pk).status == StoryStatus.SUBMITTED
    _publish(staff, story, public_name="Anoniem", public_text="Samen vonden we een oplossing.")
    story.refresh_from_db()
    assert story.public_name == ""
    html = _public_pages(client, story)
    assert "Samen vonden we een oplossing." in html
    assert "Sam" not in html.replace("Samen", "")
    assert "Vries" not in html


def test_p5_a_named_story_shows_the_name_staff_chose(client, region, staff):
    story = _publish(staff, _submit(region), public_name="Sam (16)")
    assert "Sam (16)" in _public_pages(client, story)
    assert "Vries" not in _public_pages(client, story)


def test_p5_staff_turn_a_story_down_with_a_reason_the_teller_reads(
    client, region, staff, mailoutbox, django_capture_on_commit_callbacks
):
    story = _submit(region)
    with pytest.raises(DomainError) as refused:
        services.story_reject(actor=staff, story=story, reason=" ")
    assert refused.value.field == "reason"
    with django_capture_on_commit_callbacks(execute=True):
        services.story_reject(actor=staff, story=story, reason="Je noemt je school bij naam.")
    story.refresh_from_db()
    assert story.status == StoryStatus.REJECTED
    assert story.text  # the consent stands: the text stays until the teller withdraws it
    (message,) = mailoutbox
    assert "Je noemt je school bij naam." in message.body
    assert "acht maanden" not in message.body
    with pytest.raises(ConflictError):
        services.story_reject(actor=staff, story=story, reason="Nog eens.")


def test_p5_rejecting_a_published_story_takes_it_offline(client, region, staff):
    story = _publish(staff, _submit(region))
    services.story_reject(actor=staff, story=story, reason="Toch te herkenbaar.")
    assert client.get(reverse("story_public_detail", args=[region.slug, story.pk])).status_code == (
        404
    )


# --- Withdrawal ------------------------------------------------------------------------------------
def test_p5_withdrawal_takes_the_story_offline_at_once_and_clears_the_text(
    client, region, staff, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = _publish(staff, _submit(region), public_name="Sam")
    page = reverse("story_public_detail", args=[region.slug, story.pk])
    assert client.get(page).status_code == 200
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.story_withdraw(story=services.story_for_link(links_stories.token_for(story)))
    assert client.get(page).status_code == 404  # the very next request
    assert not Story.objects.public().exists()
    story.refresh_from_db()
    assert story.status == StoryStatus.WITHDRAWN
    assert story.withdrawn_at is not None
    for field in ("title", "text", "public_title", "public_text", "public_name"):
        assert getattr(story, field) == "", field
    assert (story.teller_name, story.teller_email) == ("", "")
    # The receipt went to the address the story no longer holds, and then forgot it too.
    (receipt,) = mailoutbox
    assert receipt.to == [EMAIL]
    assert "Wachten op hulp" not in receipt.body
    assert not StoryMail.objects.filter(story=story).exclude(email="").exists()
    assert StoryMail.objects.filter(story=story, kind=mail_stories.WITHDRAWN).count() == 1
    assert not AuditEvent.objects.filter(changes__icontains="acht maanden").exists()


def test_p5_unsent_mail_of_a_withdrawn_story_is_dropped(region, staff):
    story = _publish(staff, _submit(region))  # the commit callbacks do not run: nothing sent
    services.story_withdraw(story=story)
    kinds = list(StoryMail.objects.filter(story=story).values_list("kind", "email"))
    assert kinds == [(mail_stories.WITHDRAWN, EMAIL)]


def test_p5_the_withdrawal_link_used_twice_says_already_withdrawn(region):
    story = _submit(region)
    token = links_stories.token_for(story)
    services.story_withdraw(story=services.story_for_link(token))
    with pytest.raises(ConflictError) as twice:
        services.story_withdraw(story=services.story_for_link(token))
    assert twice.value.code == "already_withdrawn"
    assert StoryMail.objects.filter(story=story, kind=mail_stories.WITHDRAWN).count() == 1


def test_p5_a_forged_withdrawal_link_changes_nothing(region, staff):
    story = _publish(staff, _submit(region))
    token = links_stories.token_for(story)
    other_salt = "participation.cancel"
    from django.core import signing

    for forged in (
        str(story.key),
        token[:-2] + "xx",
        "onzin",
        "",
        signing.Signer(salt=other_salt).sign(str(story.key)),
    ):
        with pytest.raises(services.UnknownLinkError):
            services.story_for_link(forged)
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED
    assert story.text


def test_p5_staff_withdraw_on_the_tellers_behalf_with_how_they_asked(
    region, staff, mailoutbox, django_capture_on_commit_callbacks
):
    story = _publish(staff, _submit(region))
    with pytest.raises(DomainError) as refused:
        services.story_withdraw(story=story, actor=staff, reason="")
    assert refused.value.field == "reason"
    assert Story.objects.get(pk=story.pk).status == StoryStatus.PUBLISHED
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.story_withdraw(story=story, actor=staff, reason="Belde op 3 mei.")
    story.refresh_from_db()
    assert (story.status, story.text) == (StoryStatus.WITHDRAWN, "")
    assert [m.to for m in mailoutbox] == [[EMAIL]]
    event = AuditEvent.objects.get(action="story.withdraw")
    assert (event.actor, event.changes["reason"]) == (staff, "Belde op 3 mei.")


def test_p5_a_withdrawn_story_cannot_be_published_again(region, staff):
    story = _submit(region)
    services.story_withdraw(story=story)
    with pytest.raises(ConflictError) as refused:
        _publish(staff, story)
    assert refused.value.code == "already_withdrawn"
    with pytest.raises(ConflictError):
        services.story_reject(actor=staff, story=story, reason="Nee.")


# --- Safety ----------------------------------------------------------------------------------------
def test_p5_a_flagged_story_leaves_the_public_pages_and_the_safeguarding_contact_is_mailed(
    client, region, staff, mailoutbox, django_capture_on_commit_callbacks
):
    region.safeguarding_email = "veilig@voorbeeld.example"
    region.save()
    story = _publish(
        staff, _submit(region), public_text="Thuis slaat mijn vader me.", public_name="Sam"
    )
    page = reverse("story_public_detail", args=[region.slug, story.pk])
    assert client.get(page).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        flag_concern(actor=staff, subject=story, reason="Mogelijk onveilig thuis.")
    assert client.get(page).status_code == 404
    assert "Thuis slaat" not in _public_pages(client, story)
    (alert,) = mailoutbox
    assert alert.to == ["veilig@voorbeeld.example"]
    assert reverse("story_detail", args=[region.slug, story.pk]) in alert.body
    for secret in ("Thuis slaat", "acht maanden", TELLER, EMAIL, "Wachten op hulp"):
        assert secret not in alert.body
        assert secret not in alert.subject
    with pytest.raises(ConflictError) as refused:
        _publish(staff, story)
    assert refused.value.code == "safety_flagged"


def test_p5_a_flagged_story_keeps_its_original_for_safeguarding_after_withdrawal(
    region, staff, django_capture_on_commit_callbacks
):
    story = _publish(staff, _submit(region))
    flag_concern(actor=staff, subject=story, reason="Zorgen.")
    with django_capture_on_commit_callbacks(execute=True):
        services.story_withdraw(story=story)
    story.refresh_from_db()
    assert story.status == StoryStatus.WITHDRAWN
    assert (story.public_title, story.public_text) == ("", "")
    assert (story.text, story.teller_email) != ("", "")


# --- Privacy of the trail --------------------------------------------------------------------------
def test_p5_the_audit_trail_holds_no_story_text_name_or_address(region, staff):
    story = _submit(region)
    _publish(staff, story)
    services.story_reject(actor=staff, story=story, reason="Toch niet.")
    events = AuditEvent.objects.filter(target_type="participation.story")
    assert {e.action for e in events} == {"story.submit", "story.publish", "story.reject"}
    for event in events:
        trail = f"{event.changes} {event.target_repr}"
        for secret in ("acht maanden", "Sam", EMAIL, "Wachten op hulp"):
            assert secret not in trail


def test_p5_unsent_story_mail_is_found_for_a_retry(region):
    story = StoryFactory(region=region)
    mail = mail_stories.record(story, mail_stories.RECEIPT)
    StoryMail.objects.filter(pk=mail.pk).update(updated_at=story.created_at.replace(year=2020))
    assert list(mail_stories.pending()) == [mail.pk]

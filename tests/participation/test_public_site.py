"""Each region's public participation site (P7): the home, a published trajectory's page with its
documents and the plan's actions with the input they came from, and the register of active
initiatives (P6), as an anonymous visitor meets them; every page against every role; and the
query budgets, which do not grow with the rows.

The matrix is exhaustive by construction: `test_every_url_of_the_public_site_is_in_the_matrix`
walks urls_public_site, and a new URL without an entry here fails it.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from aantafel.participation import models as p
from aantafel.participation.queries_public_site import (
    HOME_IDEAS,
    HOME_STORIES,
    REGISTER_PAGE_SIZE,
    UPDATES_PAGE_SIZE,
)

from ..page_matrix import NOT_FOUND, OK, answers, get, uncovered
from .factories_events import EventFactory
from .factories_trajectories import (
    PDF,
    PhaseFactory,
    PillarFactory,
    TrajectoryDocumentFactory,
    TrajectoryFactory,
    TrajectoryUpdateFactory,
)

pytestmark = pytest.mark.django_db

URL_MODULES = ["aantafel.participation.urls_public_site"]
ROLES = ["anonymous", "member", "supporter", "staff", "region_admin", "outsider"]
EVERYONE = set(ROLES)

# The region; the published trajectories; its pillars, phases and three newest updates; the
# upcoming events with their places; open campaigns; the newest stories; the most supported
# ideas; the number of active initiatives.
HOME_BUDGET = 10
# The region; the trajectory; its pillars, phases, documents, plan actions and their themes
# (with their answer counts); the updates' count and page.
TRAJECTORY_BUDGET = 9
# The region; the initiatives' count and page.
REGISTER_BUDGET = 3


# --- The scene -----------------------------------------------------------------------------------
def story(region, *, n: int = 0, **kw) -> p.Story:
    """A published story unless `kw` says otherwise."""
    values = {
        "status": p.StoryStatus.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(hours=n),
        "public_title": f"Verhaal {n}",
        "public_text": "Eindelijk werd er naar mij geluisterd.",
    } | kw
    return p.Story.objects.create(
        region=region,
        title=f"Mijn verhaal {n}",
        text="Eindelijk werd er naar mij geluisterd.",
        teller_name="Sam",
        teller_email="sam@voorbeeld.example",
        consent_given_at=timezone.now(),
        **values,
    )


def idea(region, *, supports: int = 0, **kw) -> p.Idea:
    """A published idea unless `kw` says otherwise, with `supports` supporters."""
    values = {"title": "Een jongerenpanel per gemeente", "status": p.IdeaStatus.PUBLISHED} | kw
    made = p.Idea.objects.create(region=region, text="Laat jongeren meepraten.", **values)
    p.IdeaSupport.objects.bulk_create(
        p.IdeaSupport(idea=made, supporter_key=f"key-{made.pk}-{i}") for i in range(supports)
    )
    return made


def campaign(trajectory, **kw) -> p.Campaign:
    values = {"title": "Wat vind jij van je hulp?", "status": p.CampaignStatus.OPEN} | kw
    return p.Campaign.objects.create(region=trajectory.region, trajectory=trajectory, **values)


def coded_answers(theme: p.Theme, count: int, *, flagged: bool = False) -> None:
    """`count` open answers of the theme's campaign coded with the theme."""
    question, _ = p.Question.objects.get_or_create(
        region=theme.region,
        campaign=theme.campaign,
        position=1,
        defaults={"kind": p.QuestionKind.OPEN, "text": "Wat kan er beter?"},
    )
    for _ in range(count):
        response = p.CampaignResponse.objects.create(
            region=theme.region, campaign=theme.campaign, safety_flagged=flagged
        )
        answer = p.Answer.objects.create(
            region=theme.region, response=response, question=question, text="Sneller hulp."
        )
        answer.themes.add(theme)


def plan_action(trajectory, pillar=None, themes=(), **kw) -> p.PlanAction:
    values = {"title": "Een vaste plek voor jongeren in het overleg"} | kw
    action = p.PlanAction.objects.create(
        region=trajectory.region, trajectory=trajectory, pillar=pillar, **values
    )
    action.themes.set(themes)
    return action


def initiative(region, name: str, **kw) -> p.ParticipationInitiative:
    values = {"kind": p.InitiativeKind.CLIENT_COUNCIL} | kw
    return p.ParticipationInitiative.objects.create(region=region, name=name, **values)


def home(client, region):
    return client.get(reverse("participation_public_home", args=[region.slug]))


# --- The page matrix -----------------------------------------------------------------------------
def region_(w):
    return [w.slug]


def published(w):
    return [w.slug, w.trajectory.pk]


def unpublished(w):
    return [w.slug, w.draft.pk]


def foreign(w):
    return [w.slug, w.foreign.pk]


def document(w):
    return [w.slug, w.trajectory.pk, w.document.pk]


def draft_document(w):
    return [w.slug, w.draft.pk, w.draft_document.pk]


def public(name, args, **kw):
    return get(name, args, EVERYONE, region_page=False, **kw)


MATRIX = [
    public("participation_public_home", region_),
    public("trajectory_public_detail", published),
    public("trajectory_public_detail", unpublished, ok=NOT_FOUND, label="unpublished"),
    public("trajectory_public_detail", foreign, ok=NOT_FOUND, label="other-region"),
    public("trajectory_public_document", document),
    public("trajectory_public_document", draft_document, ok=NOT_FOUND, label="unpublished"),
    public("initiative_public_list", region_),
]


@pytest.fixture
def world(region, other_region, member, supporter, staff, region_admin, outsider):
    trajectory = TrajectoryFactory(region=region, public=True)
    draft = TrajectoryFactory(region=region)
    return SimpleNamespace(
        users={
            "member": member,
            "supporter": supporter,
            "staff": staff,
            "region_admin": region_admin,
            "outsider": outsider,
        },
        slug=region.slug,
        trajectory=trajectory,
        draft=draft,
        foreign=TrajectoryFactory(region=other_region, public=True),
        document=TrajectoryDocumentFactory(trajectory=trajectory),
        draft_document=TrajectoryDocumentFactory(trajectory=draft),
    )


@pytest.mark.parametrize("row", MATRIX, ids=[row.method_id for row in MATRIX])
def test_p7_every_page_of_the_public_site_answers_each_role_as_documented(world, row):
    """Public pages: the same answer for anyone, logged in or not, of this region or another."""
    assert answers(world, row, ROLES) == {role: row.expected(role) for role in ROLES}


def test_every_url_of_the_public_site_is_in_the_matrix():
    """A new URL without an entry in the matrix fails the test."""
    assert uncovered(MATRIX, URL_MODULES) == ([], [])


def test_p7_an_unknown_region_has_no_public_site(client):
    for name, args in (
        ("participation_public_home", ["nergens"]),
        ("trajectory_public_detail", ["nergens", 1]),
        ("initiative_public_list", ["nergens"]),
    ):
        assert client.get(reverse(name, args=args)).status_code == NOT_FOUND


def test_p7_the_public_pages_answer_only_get(client, region):
    url = reverse("participation_public_home", args=[region.slug])
    assert client.post(url).status_code == 405


# --- The home ------------------------------------------------------------------------------------
def test_p7_the_home_shows_the_published_trajectory_its_pillars_current_phase_and_news(
    client, region
):
    trajectory = TrajectoryFactory(region=region, public=True, title="Samen beter 2023–2028")
    PillarFactory(trajectory=trajectory, number=1, name="Sterke cliëntenraden")
    today = timezone.localdate()
    PhaseFactory(
        trajectory=trajectory,
        name="Ophalen",
        starts_on=datetime.date(2023, 1, 1),
        ends_on=datetime.date(2023, 6, 30),
    )
    now = PhaseFactory(trajectory=trajectory, name="Uitvoering", starts_on=today)
    for i in range(5):
        TrajectoryUpdateFactory(
            trajectory=trajectory,
            title=f"Bericht {i}",
            published_at=timezone.now() - datetime.timedelta(days=i),
        )
    TrajectoryUpdateFactory(trajectory=trajectory, title="Nog niet uit", published_at=None)
    TrajectoryFactory(region=region, title="Concept, nog niet openbaar")

    response = home(client, region)
    assert response.status_code == OK
    shown = response.context["home"]
    assert shown.trajectory == trajectory
    assert shown.other_trajectories == []
    assert [pillar.name for pillar in shown.pillars] == ["Sterke cliëntenraden"]
    assert shown.current_phase.phase == now
    assert [u.title for u in shown.updates] == ["Bericht 0", "Bericht 1", "Bericht 2"]
    page = response.content.decode()
    assert "Nog niet uit" not in page
    assert "Concept, nog niet openbaar" not in page
    assert reverse("trajectory_public_detail", args=[region.slug, trajectory.pk]) in page
    assert reverse("initiative_public_list", args=[region.slug]) in page
    assert reverse("you_said_we_did", args=[region.slug]) in page
    assert region.safety_contact_line in page


def test_p7_a_region_without_a_published_trajectory_still_has_a_home(client, region):
    TrajectoryFactory(region=region, title="Concept, nog niet openbaar")
    event = EventFactory(region=region, title="Ontmoetingsavond ouders")
    initiative(region, "Jongerenraad Heerlen")
    response = home(client, region)
    assert response.status_code == OK
    shown = response.context["home"]
    assert shown.trajectory is None
    assert shown.events == [event]
    assert shown.initiative_count == 1
    page = response.content.decode()
    assert "Concept, nog niet openbaar" not in page
    assert reverse("event_public_detail", args=[region.slug, event.pk]) + "#register" in page
    assert reverse("initiative_public_list", args=[region.slug]) in page


def test_p7_the_home_features_the_trajectory_running_today_and_lists_the_others(client, region):
    today = timezone.localdate()
    running = TrajectoryFactory(
        region=region,
        public=True,
        starts_on=today - datetime.timedelta(days=300),
        ends_on=today + datetime.timedelta(days=300),
    )
    later = TrajectoryFactory(
        region=region,
        public=True,
        starts_on=today + datetime.timedelta(days=400),
        ends_on=today + datetime.timedelta(days=800),
    )
    shown = home(client, region).context["home"]
    assert shown.trajectory == running
    assert shown.other_trajectories == [later]


def test_p7_only_upcoming_published_events_are_on_the_home(client, region, other_region):
    upcoming = EventFactory(region=region)
    EventFactory(region=region, draft=True)
    EventFactory(region=region, past=True)
    EventFactory(region=region, cancelled=True)
    EventFactory(region=other_region)
    assert home(client, region).context["home"].events == [upcoming]


def test_p7_only_open_campaigns_are_on_the_home(client, region):
    trajectory = TrajectoryFactory(region=region, public=True)
    open_ = campaign(trajectory, title="Open vragen")
    campaign(trajectory, title="Concept", status=p.CampaignStatus.DRAFT)
    campaign(trajectory, title="Gesloten", status=p.CampaignStatus.CLOSED)
    campaign(trajectory, title="Te laat", closes_at=timezone.now() - datetime.timedelta(hours=1))
    response = home(client, region)
    assert response.context["home"].campaigns == [open_]
    page = response.content.decode()
    assert reverse("campaign_answer", args=[region.slug, open_.pk]) in page
    assert reverse("campaign_public_list", args=[region.slug]) in page


def test_p7_flagged_or_withdrawn_stories_and_declined_ideas_are_not_on_the_home(
    client, region, other_region
):
    shown_story = story(region, n=1, public_title="Ik werd gehoord")
    story(region, n=2, public_title="Gemeld als zorg", safety_flagged=True)
    story(region, n=3, public_title="Ingetrokken", status=p.StoryStatus.WITHDRAWN)
    story(
        region,
        n=4,
        public_title="Nog niet bekeken",
        status=p.StoryStatus.SUBMITTED,
        published_at=None,
    )
    story(other_region, n=5, public_title="Andere regio")
    shown_idea = idea(region, title="Een app voor je hulpverlener")
    idea(region, title="Afgewezen idee", status=p.IdeaStatus.DECLINED)
    idea(region, title="Gemeld idee", safety_flagged=True)
    idea(region, title="Nog niet gecontroleerd", status=p.IdeaStatus.SUBMITTED)
    idea(other_region, title="Idee andere regio")

    response = home(client, region)
    assert response.context["home"].stories == [shown_story]
    assert response.context["home"].ideas == [shown_idea]
    page = response.content.decode()
    for hidden in (
        "Gemeld als zorg",
        "Ingetrokken",
        "Nog niet bekeken",
        "Andere regio",
        "Afgewezen idee",
        "Gemeld idee",
        "Nog niet gecontroleerd",
        "Idee andere regio",
    ):
        assert hidden not in page
    assert reverse("story_public_detail", args=[region.slug, shown_story.pk]) in page
    assert reverse("idea_public_detail", args=[region.slug, shown_idea.pk]) in page
    for name in ("story_submit", "story_public_list", "idea_submit", "idea_public_list"):
        assert reverse(name, args=[region.slug]) in page


def test_p7_the_home_shows_the_three_newest_stories(client, region):
    stories = [story(region, n=n) for n in range(5)]  # n hours ago: the first is the newest
    assert home(client, region).context["home"].stories == stories[:HOME_STORIES]


def test_p7_the_most_supported_ideas_come_first_and_say_whether_the_region_answered(client, region):
    answered = idea(
        region,
        title="Wachtlijsten korter",
        supports=5,
        status=p.IdeaStatus.RESPONDED,
        response="We gaan dit doen.",
        responded_at=timezone.now(),
    )
    waiting = idea(region, title="Vaste hulpverlener", supports=2)
    quiet = [idea(region, title=f"Idee {i}") for i in range(HOME_IDEAS)]
    response = home(client, region)
    ideas = response.context["home"].ideas
    assert ideas[:2] == [answered, waiting]
    assert len(ideas) == HOME_IDEAS
    assert [i.support_count for i in ideas[:2]] == [5, 2]
    assert ideas[2:] == quiet[::-1][: HOME_IDEAS - 2]  # as much support: the newest first
    page = response.content.decode()
    assert gettext("The region has answered this idea.") in page
    assert gettext("Waiting for an answer from the region.") in page


def test_p7_the_public_pages_take_the_regions_theme(client, region, other_region):
    dutch = TrajectoryFactory(region=other_region, public=True)
    assert 'aantafel-theme--zuid-limburg"' in home(client, other_region).content.decode()
    url = reverse("trajectory_public_detail", args=[other_region.slug, dutch.pk])
    assert 'aantafel-theme--zuid-limburg"' in client.get(url).content.decode()
    url = reverse("initiative_public_list", args=[region.slug])
    assert 'aantafel-theme--limburg-be"' in client.get(url).content.decode()


# --- A trajectory's page ------------------------------------------------------------------------
def test_p7_an_unpublished_or_another_regions_trajectory_is_404(client, region, other_region):
    draft = TrajectoryFactory(region=region)
    foreign = TrajectoryFactory(region=other_region, public=True)
    for trajectory in (draft, foreign):
        url = reverse("trajectory_public_detail", args=[region.slug, trajectory.pk])
        assert client.get(url).status_code == NOT_FOUND
    # The other region's trajectory is on its own site.
    url = reverse("trajectory_public_detail", args=[other_region.slug, foreign.pk])
    assert client.get(url).status_code == OK


def test_p7_a_trajectory_goes_off_the_site_when_it_is_unpublished(client, region):
    trajectory = TrajectoryFactory(region=region, public=True)
    url = reverse("trajectory_public_detail", args=[region.slug, trajectory.pk])
    assert client.get(url).status_code == OK
    p.Trajectory.objects.filter(pk=trajectory.pk).update(published=False)
    assert client.get(url).status_code == NOT_FOUND
    assert home(client, region).context["home"].trajectory is None


def test_p7_the_trajectory_page_marks_the_current_phase(client, region):
    trajectory = TrajectoryFactory(region=region, public=True)
    today = timezone.localdate()
    PhaseFactory(
        trajectory=trajectory,
        name="Ophalen",
        starts_on=today - datetime.timedelta(days=100),
        ends_on=today - datetime.timedelta(days=50),
    )
    PhaseFactory(trajectory=trajectory, name="Plan", starts_on=today - datetime.timedelta(days=49))
    PhaseFactory(
        trajectory=trajectory, name="Uitvoering", starts_on=today + datetime.timedelta(days=30)
    )
    response = client.get(reverse("trajectory_public_detail", args=[region.slug, trajectory.pk]))
    phases = response.context["detail"].phases
    assert [(line.phase.name, line.state) for line in phases] == [
        ("Ophalen", "past"),
        ("Plan", "current"),
        ("Uitvoering", "upcoming"),
    ]
    assert response.content.decode().count('aria-current="step"') == 1


def test_p7_the_trajectory_page_shows_published_updates_ten_a_page(client, region):
    trajectory = TrajectoryFactory(region=region, public=True)
    for i in range(UPDATES_PAGE_SIZE + 3):
        TrajectoryUpdateFactory(
            trajectory=trajectory,
            title=f"Bericht {i:02d}",
            kind=[p.UpdateKind.PROCESS, p.UpdateKind.RESULT, p.UpdateKind.NEWS][i % 3],
            published_at=timezone.now() - datetime.timedelta(days=i),
        )
    TrajectoryUpdateFactory(trajectory=trajectory, title="Nog niet uit", published_at=None)
    TrajectoryUpdateFactory(
        trajectory=TrajectoryFactory(region=region, public=True), title="Ander traject"
    )
    url = reverse("trajectory_public_detail", args=[region.slug, trajectory.pk])
    first = client.get(url).context["updates"]
    assert first.paginator.count == UPDATES_PAGE_SIZE + 3
    assert [u.title for u in first.object_list][:2] == ["Bericht 00", "Bericht 01"]
    second = client.get(url, {"page": 2}).context["updates"]
    assert [u.title for u in second.object_list] == ["Bericht 10", "Bericht 11", "Bericht 12"]
    assert client.get(url, {"page": "onzin"}).status_code == OK


def test_p7_a_plan_action_shows_the_themes_it_came_from_and_their_answers(client, region):
    trajectory = TrajectoryFactory(region=region, public=True)
    pillar_one = PillarFactory(trajectory=trajectory, number=1, name="Raden")
    pillar_two = PillarFactory(trajectory=trajectory, number=2, name="Gemeenten")
    asked = campaign(trajectory, title="Ophalen bij jongeren", status=p.CampaignStatus.CLOSED)
    waiting = p.Theme.objects.create(region=region, campaign=asked, name="Wachtlijsten")
    heard = p.Theme.objects.create(region=region, campaign=asked, name="Gehoord worden")
    coded_answers(waiting, 4)
    coded_answers(waiting, 2, flagged=True)  # flagged: out of every public view, counts too
    coded_answers(heard, 1)
    second = plan_action(trajectory, pillar_two, [heard], title="Jongeren aan tafel bij de regio")
    first = plan_action(trajectory, pillar_one, [waiting, heard], title="Sneller hulp")
    whole = plan_action(trajectory, None, [], title="Evaluatie na een jaar")
    plan_action(TrajectoryFactory(region=region, public=True), title="Ander traject")

    response = client.get(reverse("trajectory_public_detail", args=[region.slug, trajectory.pk]))
    plan = response.context["detail"].plan
    assert [(g.pillar, [a.title for a in g.actions]) for g in plan] == [
        (pillar_one, [first.title]),
        (pillar_two, [second.title]),
        (None, [whole.title]),
    ]
    themes = {t.name: (t.campaign.title, t.answer_count) for t in plan[0].actions[0].themes.all()}
    assert themes == {
        "Wachtlijsten": ("Ophalen bij jongeren", 4),
        "Gehoord worden": ("Ophalen bij jongeren", 1),
    }
    page = response.content.decode()
    assert gettext("This comes from what you told us:") in page
    assert "Ander traject" not in page


def test_p7_a_document_of_a_published_trajectory_downloads_under_its_original_name(
    client, region, other_region
):
    trajectory = TrajectoryFactory(region=region, public=True)
    plan = TrajectoryDocumentFactory(
        trajectory=trajectory, adopted=True, original_name="plan-van-aanpak.pdf"
    )
    url = reverse("trajectory_public_document", args=[region.slug, trajectory.pk, plan.pk])
    response = client.get(url)
    assert response.status_code == OK
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="plan-van-aanpak.pdf"'
    page = client.get(reverse("trajectory_public_detail", args=[region.slug, trajectory.pk]))
    assert url in page.content.decode()
    assert page.context["detail"].documents == [plan]


def test_p7_no_document_downloads_from_an_unpublished_or_another_trajectory(
    client, region, other_region
):
    draft = TrajectoryFactory(region=region)
    hidden = TrajectoryDocumentFactory(trajectory=draft)
    shown = TrajectoryFactory(region=region, public=True)
    foreign = TrajectoryFactory(region=other_region, public=True)
    foreign_document = TrajectoryDocumentFactory(trajectory=foreign)
    for args in (
        [region.slug, draft.pk, hidden.pk],
        [region.slug, shown.pk, hidden.pk],  # a draft's document through a published one
        [region.slug, foreign.pk, foreign_document.pk],
        [region.slug, shown.pk, foreign_document.pk],
    ):
        assert client.get(reverse("trajectory_public_document", args=args)).status_code == 404


# --- The register --------------------------------------------------------------------------------
def test_p7_the_register_shows_only_active_initiatives_of_the_region(client, region, other_region):
    council = initiative(
        region,
        "Cliëntenraad Jeugdzorg Voorbeeld",
        scope="Jongeren in de jeugdzorg",
        contact_email="raad@example.org",
        website="https://example.org/raad",
    )
    youth = initiative(region, "Jongerenraad Sittard", kind=p.InitiativeKind.ADVISORY_COUNCIL)
    initiative(region, "Opgeheven raad", active=False)
    initiative(other_region, "Raad andere regio")
    url = reverse("initiative_public_list", args=[region.slug])
    response = client.get(url)
    assert list(response.context["page"].object_list) == [council, youth]
    page = response.content.decode()
    assert "Opgeheven raad" not in page
    assert "Raad andere regio" not in page
    assert "mailto:raad@example.org" in page
    assert "https://example.org/raad" in page
    filtered = client.get(url, {"kind": p.InitiativeKind.ADVISORY_COUNCIL})
    assert list(filtered.context["page"].object_list) == [youth]
    # A kind that does not exist filters nothing and breaks nothing.
    unknown = client.get(url, {"kind": "onzin"})
    assert unknown.status_code == OK
    assert list(unknown.context["page"].object_list) == [council, youth]


def test_p7_the_register_pages_keep_the_filter(client, region):
    for i in range(REGISTER_PAGE_SIZE + 2):
        initiative(region, f"Netwerk {i:02d}", kind=p.InitiativeKind.NETWORK_ORGANISATION)
    initiative(region, "Aa-raad")
    url = reverse("initiative_public_list", args=[region.slug])
    response = client.get(url, {"kind": p.InitiativeKind.NETWORK_ORGANISATION})
    assert response.context["page"].paginator.count == REGISTER_PAGE_SIZE + 2
    assert "?kind=network_organisation&amp;page=2" in response.content.decode()
    second = client.get(url, {"kind": p.InitiativeKind.NETWORK_ORGANISATION, "page": 2})
    assert [i.name for i in second.context["page"].object_list] == ["Netwerk 25", "Netwerk 26"]


# --- Query budgets -------------------------------------------------------------------------------
def _busy_region(region, size: int) -> p.Trajectory:
    """A region with `size` of everything the public pages show."""
    trajectory = TrajectoryFactory(region=region, public=True)
    pillars = [PillarFactory(trajectory=trajectory, number=n + 1) for n in range(3)]
    PhaseFactory(trajectory=trajectory, starts_on=datetime.date(2023, 1, 1))
    PhaseFactory(trajectory=trajectory, name="Uitvoering", starts_on=timezone.localdate())
    for i in range(size):
        TrajectoryUpdateFactory(trajectory=trajectory, pillar=pillars[i % 3])
        TrajectoryDocumentFactory(trajectory=trajectory)
        EventFactory(region=region)
        story(region, n=i)
        idea(region, supports=i % 4)
        initiative(region, f"Raad {i:03d}")
    asked = campaign(trajectory)
    themes = [p.Theme.objects.create(region=region, campaign=asked, name=f"T{i}") for i in range(4)]
    for theme in themes:
        coded_answers(theme, 2)
    for i in range(size):
        plan_action(trajectory, pillars[i % 3], themes[i % 4 : i % 4 + 2])
    return trajectory


@pytest.mark.parametrize("size", [3, 30])
def test_p7_the_home_has_a_fixed_query_budget(client, region, size, django_assert_num_queries):
    _busy_region(region, size)
    with django_assert_num_queries(HOME_BUDGET):
        response = home(client, region)
    assert response.status_code == OK
    assert len(response.context["home"].stories) == HOME_STORIES


@pytest.mark.parametrize("size", [3, 30])
def test_p7_the_trajectory_page_has_a_fixed_query_budget(
    client, region, size, django_assert_num_queries
):
    trajectory = _busy_region(region, size)
    url = reverse("trajectory_public_detail", args=[region.slug, trajectory.pk])
    with django_assert_num_queries(TRAJECTORY_BUDGET):
        response = client.get(url)
    assert response.status_code == OK
    assert sum(len(group.actions) for group in response.context["detail"].plan) == size


@pytest.mark.parametrize("size", [3, 50])
def test_p7_the_register_has_a_fixed_query_budget(client, region, size, django_assert_num_queries):
    for i in range(size):
        initiative(region, f"Raad {i:03d}", contact_email=f"raad{i}@example.org")
    url = reverse("initiative_public_list", args=[region.slug])
    with django_assert_num_queries(REGISTER_BUDGET):
        response = client.get(url)
    assert response.context["page"].paginator.count == size

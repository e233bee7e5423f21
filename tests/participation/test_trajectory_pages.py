"""The trajectory pages (P1): every page against every role (anonymous, a member of the region
(participant), a body's supporter (also a participant of the region), policy staff, the region
administrator and a user of the other region), the pages' forms with a refusal beside its
field, the download, and the query budgets.

The matrix is exhaustive by construction: `test_every_url_of_trajectories_is_in_the_matrix`
walks aantafel.participation.urls_trajectories, and a new URL without an entry here fails it.
"""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aantafel.audit.models import AuditEvent
from aantafel.participation.models import (
    DecisionStatus,
    Phase,
    Pillar,
    Trajectory,
    TrajectoryDocument,
    TrajectoryUpdate,
    UpdateKind,
)

from ..page_matrix import NOT_FOUND, OK, REDIRECT, answers, form, get, uncovered
from .factories_trajectories import (
    PDF,
    PhaseFactory,
    PillarFactory,
    TrajectoryDocumentFactory,
    TrajectoryFactory,
    TrajectoryUpdateFactory,
    pdf_upload,
)

ROLES = ["anonymous", "member", "supporter", "staff", "region_admin", "outsider"]
VIEW = {"member", "supporter", "staff", "region_admin"}  # participation.view
MANAGE = {"staff", "region_admin"}  # participation.manage
HIDDEN = frozenset(VIEW)  # another region's trajectory or its parts: 404
# A part of another trajectory of the region under this trajectory's number: 404 for those who
# manage; a member is refused the change page (403) before the part is looked up.
SIBLING = frozenset(MANAGE)
URL_MODULES = ["aantafel.participation.urls_trajectories"]


def region_(w):
    return [w.slug]


def own(w):
    return [w.slug, w.trajectory.pk]


def foreign(w):
    """A trajectory of the other region, asked for under this region."""
    return [w.slug, w.foreign.trajectory.pk]


def pillar(w):
    return [w.slug, w.trajectory.pk, w.pillar.pk]


def phase(w):
    return [w.slug, w.trajectory.pk, w.phase.pk]


def update(w):
    return [w.slug, w.trajectory.pk, w.update.pk]


def document(w):
    return [w.slug, w.trajectory.pk, w.document.pk]


def _foreign_part(name):
    """A part of the other region's trajectory, under that trajectory's number."""
    return lambda w: [w.slug, w.foreign.trajectory.pk, getattr(w.foreign, name).pk]


def _sibling_part(name):
    """A part of another trajectory of the same region, under this trajectory's number."""
    return lambda w: [w.slug, w.trajectory.pk, getattr(w.sibling, name).pk]


# `form`: the page and an empty POST to it, which shows the form again with its errors (200).
MATRIX = [
    get("trajectory_list", region_, VIEW),
    *form("trajectory_create", region_, MANAGE),
    get("trajectory_detail", own, VIEW),
    get("trajectory_detail", foreign, set(), hidden=HIDDEN, label="other-region"),
    *form("trajectory_edit", own, MANAGE),
    *form("trajectory_edit", foreign, set(), hidden=HIDDEN, label="other-region"),
    *form("trajectory_pillar_add", own, MANAGE),
    *form("trajectory_pillar_add", foreign, set(), hidden=HIDDEN, label="other-region"),
    *form("trajectory_pillar_edit", pillar, MANAGE),
    get("trajectory_pillar_edit", _foreign_part("pillar"), set(), hidden=HIDDEN, label="foreign"),
    get("trajectory_pillar_edit", _sibling_part("pillar"), set(), hidden=SIBLING, label="sibling"),
    *form("trajectory_phase_add", own, MANAGE),
    *form("trajectory_phase_add", foreign, set(), hidden=HIDDEN, label="other-region"),
    *form("trajectory_phase_edit", phase, MANAGE),
    get("trajectory_phase_edit", _foreign_part("phase"), set(), hidden=HIDDEN, label="foreign"),
    get("trajectory_phase_edit", _sibling_part("phase"), set(), hidden=SIBLING, label="sibling"),
    *form("trajectory_update_post", own, MANAGE),
    *form("trajectory_update_post", foreign, set(), hidden=HIDDEN, label="other-region"),
    *form("trajectory_update_edit", update, MANAGE),
    get("trajectory_update_edit", _foreign_part("update"), set(), hidden=HIDDEN, label="foreign"),
    get("trajectory_update_edit", _sibling_part("update"), set(), hidden=SIBLING, label="sibling"),
    *form("trajectory_document_add", own, MANAGE),
    *form("trajectory_document_add", foreign, set(), hidden=HIDDEN, label="other-region"),
    *form("trajectory_document_status", document, MANAGE),
    get(
        "trajectory_document_status",
        _foreign_part("document"),
        set(),
        hidden=HIDDEN,
        label="foreign",
    ),
    get(
        "trajectory_document_status",
        _sibling_part("document"),
        set(),
        hidden=SIBLING,
        label="sibling",
    ),
    get("trajectory_document_download", document, VIEW),
    get(
        "trajectory_document_download",
        _foreign_part("document"),
        set(),
        hidden=HIDDEN,
        label="foreign",
    ),
    # The document of another trajectory of the region is not this trajectory's: 404 to all.
    get(
        "trajectory_document_download",
        _sibling_part("document"),
        set(),
        hidden=HIDDEN,
        label="sibling",
    ),
]


def _parts(trajectory) -> SimpleNamespace:
    return SimpleNamespace(
        trajectory=trajectory,
        pillar=PillarFactory(trajectory=trajectory, number=1),
        phase=PhaseFactory(trajectory=trajectory),
        update=TrajectoryUpdateFactory(trajectory=trajectory),
        document=TrajectoryDocumentFactory(trajectory=trajectory),
    )


@pytest.fixture
def world(region, other_region, member, supporter, staff, region_admin, outsider):
    own_ = _parts(TrajectoryFactory(region=region))
    return SimpleNamespace(
        users={
            "member": member,
            "supporter": supporter,
            "staff": staff,
            "region_admin": region_admin,
            "outsider": outsider,
        },
        slug=region.slug,
        trajectory=own_.trajectory,
        pillar=own_.pillar,
        phase=own_.phase,
        update=own_.update,
        document=own_.document,
        sibling=_parts(TrajectoryFactory(region=region)),
        foreign=_parts(TrajectoryFactory(region=other_region)),
    )


@pytest.mark.parametrize("row", MATRIX, ids=[row.method_id for row in MATRIX])
def test_p1_every_trajectory_page_answers_each_role_as_documented(world, row):
    """Each role's request runs in a savepoint that is rolled back, so every role meets the
    same scene."""
    assert answers(world, row, ROLES) == {role: row.expected(role) for role in ROLES}


def test_every_url_of_trajectories_is_in_the_matrix():
    """A new URL without an entry in the matrix fails the test."""
    assert uncovered(MATRIX, URL_MODULES) == ([], [])


# --- The forms: a refusal beside its field, nothing saved ---------------------------------------


def _error_codes(response, field: str) -> list[str]:
    assert response.status_code == OK
    return [e.code for e in response.context["form"].errors.as_data().get(field, [])]


@pytest.fixture
def trajectory(region):
    return TrajectoryFactory(
        region=region, starts_on=datetime.date(2023, 1, 1), ends_on=datetime.date(2028, 12, 31)
    )


def test_p1_staff_set_up_a_trajectory_on_its_page(client, region, staff):
    client.force_login(staff)
    response = client.post(
        reverse("trajectory_create", args=[region.slug]),
        {
            "title": "Cliënt- en jongerenparticipatie 2023–2028",
            "summary": "De stem van jeugdigen krijgt een plek.",
            "starts_on": "2023-01-01",
            "ends_on": "2028-12-31",
            "published": "on",
        },
    )
    trajectory = Trajectory.objects.get(region=region)
    assert response.status_code == REDIRECT
    assert response["Location"] == reverse("trajectory_detail", args=[region.slug, trajectory.pk])
    assert trajectory.published
    assert AuditEvent.objects.filter(action="trajectory.create").count() == 1


def test_p1_a_trajectory_that_ends_before_it_starts_shows_the_error_beside_its_end(
    client, region, staff
):
    client.force_login(staff)
    response = client.post(
        reverse("trajectory_create", args=[region.slug]),
        {"title": "Traject", "starts_on": "2028-01-01", "ends_on": "2023-01-01"},
    )
    assert _error_codes(response, "ends_on") == ["ends_before_start"]
    assert not Trajectory.objects.exists()


def test_p1_a_phase_outside_the_period_shows_the_error_beside_its_start(
    client, region, staff, trajectory
):
    client.force_login(staff)
    response = client.post(
        reverse("trajectory_phase_add", args=[region.slug, trajectory.pk]),
        {"name": "Ophalen", "starts_on": "2022-06-01"},
    )
    assert _error_codes(response, "starts_on") == ["outside_trajectory"]
    assert not Phase.objects.exists()


def test_p1_pillars_get_their_number_on_the_page(client, region, staff, trajectory):
    client.force_login(staff)
    url = reverse("trajectory_pillar_add", args=[region.slug, trajectory.pk])
    for name in ("Regulier", "Regionaal"):
        assert client.post(url, {"name": name}).status_code == REDIRECT
    assert list(Pillar.objects.values_list("number", "name")) == [
        (1, "Regulier"),
        (2, "Regionaal"),
    ]
    response = client.post(url, {"name": "Dubbel", "number": "2"})
    assert _error_codes(response, "number") == ["number_taken"]
    pillar = Pillar.objects.get(number=1)
    response = client.post(
        reverse("trajectory_pillar_edit", args=[region.slug, trajectory.pk, pillar.pk]),
        {"name": "Reguliere medezeggenschap", "number": "1"},
    )
    assert response.status_code == REDIRECT
    pillar.refresh_from_db()
    assert pillar.name == "Reguliere medezeggenschap"


def test_p1_an_update_is_posted_with_a_pillar_of_its_own_trajectory_only(
    client, region, staff, trajectory
):
    own_pillar = PillarFactory(trajectory=trajectory, number=1)
    other_pillar = PillarFactory(trajectory=TrajectoryFactory(region=region), number=1)
    client.force_login(staff)
    url = reverse("trajectory_update_post", args=[region.slug, trajectory.pk])
    data = {"kind": UpdateKind.RESULT, "title": "Startconferentie", "body": "200 mensen."}
    response = client.post(url, data | {"pillar": other_pillar.pk})
    assert _error_codes(response, "pillar") == ["invalid_choice"]
    response = client.post(url, data | {"body": "   "})
    assert _error_codes(response, "body") == ["required"]
    assert not TrajectoryUpdate.objects.exists()
    assert client.post(url, data | {"pillar": own_pillar.pk}).status_code == REDIRECT
    update = TrajectoryUpdate.objects.get()
    assert (update.pillar, update.author) == (own_pillar, staff)
    response = client.post(
        reverse("trajectory_update_edit", args=[region.slug, trajectory.pk, update.pk]),
        data | {"title": "Startconferentie Kerkrade"},
    )
    assert response.status_code == REDIRECT
    update.refresh_from_db()
    assert (update.title, update.pillar) == ("Startconferentie Kerkrade", None)


def test_p1_the_update_text_shows_its_reading_level(client, region, staff, trajectory):
    client.force_login(staff)
    response = client.get(reverse("trajectory_update_post", args=[region.slug, trajectory.pk]))
    assert 'id="id_body_readability"' in response.content.decode()


def test_p1_a_phase_is_changed_on_its_page(client, region, staff, trajectory):
    phase = PhaseFactory(trajectory=trajectory)
    client.force_login(staff)
    response = client.post(
        reverse("trajectory_phase_edit", args=[region.slug, trajectory.pk, phase.pk]),
        {"name": "Plan", "starts_on": "2023-07-01", "ends_on": "2023-12-31"},
    )
    assert response.status_code == REDIRECT
    phase.refresh_from_db()
    assert (phase.name, phase.ends_on) == ("Plan", datetime.date(2023, 12, 31))


def test_p1_a_document_is_uploaded_with_its_status_and_downloaded_as_it_was_checked(
    client, region, staff, member, trajectory
):
    client.force_login(staff)
    url = reverse("trajectory_document_add", args=[region.slug, trajectory.pk])
    bad = SimpleUploadedFile("plan.pdf", b"<html>niet echt</html>", content_type="application/pdf")
    response = client.post(url, {"decision_status": DecisionStatus.DRAFT, "file": bad})
    assert _error_codes(response, "file") == ["type_not_allowed"]
    response = client.post(
        url,
        {
            "decision_status": DecisionStatus.ADOPTED,
            "decided_by": "Regiogemeenten",
            "file": pdf_upload(),
        },
    )
    assert _error_codes(response, "decided_on") == ["required"]
    assert not TrajectoryDocument.objects.exists()
    response = client.post(
        url,
        {
            "title": "Plan van aanpak",
            "decision_status": DecisionStatus.SUBMITTED,
            "file": pdf_upload("plan van aanpak.pdf"),
        },
    )
    assert response.status_code == REDIRECT
    document = TrajectoryDocument.objects.get()
    response = client.post(
        reverse("trajectory_document_status", args=[region.slug, trajectory.pk, document.pk]),
        {
            "decision_status": DecisionStatus.ADOPTED,
            "decided_on": "2023-11-01",
            "decided_by": "Regiogemeenten Zuid-Limburg",
        },
    )
    assert response.status_code == REDIRECT
    document.refresh_from_db()
    assert document.decision_status == DecisionStatus.ADOPTED

    client.force_login(member)
    response = client.get(
        reverse("trajectory_document_download", args=[region.slug, trajectory.pk, document.pk])
    )
    assert response.status_code == OK
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "plan van aanpak.pdf" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"


def test_p1_the_trajectory_page_shows_updates_newest_first_and_each_pillar_its_own(
    client, region, member, trajectory
):
    first = PillarFactory(trajectory=trajectory, number=1, name="Regulier")
    PillarFactory(trajectory=trajectory, number=2, name="Regionaal")
    old = TrajectoryUpdateFactory(
        trajectory=trajectory,
        pillar=first,
        title="Kerngroep ingesteld",
        published_at=datetime.datetime(2023, 3, 1, 12, tzinfo=datetime.UTC),
    )
    new = TrajectoryUpdateFactory(
        trajectory=trajectory,
        title="Startconferentie",
        published_at=datetime.datetime(2023, 6, 8, 12, tzinfo=datetime.UTC),
    )
    TrajectoryDocumentFactory(trajectory=trajectory, adopted=True)
    client.force_login(member)
    response = client.get(reverse("trajectory_detail", args=[region.slug, trajectory.pk]))
    detail = response.context["detail"]
    assert [u.pk for u in detail.updates] == [new.pk, old.pk]
    assert [(line.pillar.number, [u.pk for u in line.updates]) for line in detail.pillars] == [
        (1, [old.pk]),
        (2, []),
    ]
    html = response.content.decode()
    assert html.index("Startconferentie") < html.index(f'id="update-{old.pk}"')
    # A member reads; the change links are for those who manage.
    assert reverse("trajectory_update_post", args=[region.slug, trajectory.pk]) not in html
    assert not response.context["can_manage"]


def test_p1_the_list_is_filtered_by_the_public_site(client, region, member):
    TrajectoryFactory(region=region, title="Openbaar traject", public=True)
    TrajectoryFactory(region=region, title="Intern traject")
    client.force_login(member)
    url = reverse("trajectory_list", args=[region.slug])
    titles = [t.title for t in client.get(url, {"published": "yes"}).context["page"]]
    assert titles == ["Openbaar traject"]
    titles = [t.title for t in client.get(url, {"published": "no"}).context["page"]]
    assert titles == ["Intern traject"]
    assert client.get(url).context["page"].paginator.count == 2


def test_p1_a_trajectory_of_an_unknown_number_is_404(client, region, staff):
    client.force_login(staff)
    response = client.get(reverse("trajectory_detail", args=[region.slug, 999999]))
    assert response.status_code == NOT_FOUND


# --- Query budgets --------------------------------------------------------------------------

# Session, user, the user's roles (two-factor and the like), the region role, the body
# memberships (for the navigation), the region; the trajectory; its pillars, phases, updates
# (with their pillar and author) and documents.
DETAIL_BUDGET = 13
# The same six; the count and the page's rows (with their numbers of parts).
LIST_BUDGET = 8


def _fill(trajectory, count: int, author) -> None:
    pillars = [PillarFactory(trajectory=trajectory, number=n) for n in (1, 2, 3)]
    for i in range(count):
        TrajectoryUpdateFactory(
            trajectory=trajectory, pillar=pillars[i % 4] if i % 4 < 3 else None, author=author
        )
        TrajectoryDocumentFactory(trajectory=trajectory, adopted=bool(i % 2))
        PhaseFactory(trajectory=trajectory, starts_on=datetime.date(2023, 1 + i % 12, 1))


@pytest.mark.parametrize("count", [2, 10])
def test_p1_the_trajectory_page_has_a_fixed_query_budget(
    client, region, member, staff, trajectory, count, django_assert_num_queries
):
    _fill(trajectory, count, staff)
    client.force_login(member)
    url = reverse("trajectory_detail", args=[region.slug, trajectory.pk])
    with django_assert_num_queries(DETAIL_BUDGET):
        response = client.get(url)
    assert response.status_code == OK
    assert len(response.context["detail"].updates) == count
    assert len(re.findall(r'id="update-\d+"', response.content.decode())) == count


@pytest.mark.parametrize("count", [2, 10])
def test_p1_the_trajectory_list_has_a_fixed_query_budget(
    client, region, staff, count, django_assert_num_queries
):
    for _ in range(count):
        _fill(TrajectoryFactory(region=region), 2, staff)
    client.force_login(staff)
    url = reverse("trajectory_list", args=[region.slug])
    with django_assert_num_queries(LIST_BUDGET):
        response = client.get(url)
    assert response.status_code == OK
    assert response.context["page"].paginator.count == count

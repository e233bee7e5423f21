"""The pages of events (P2): every page against every role, the public registration and
cancellation as a visitor meets them, the check-in list and its export, and the query budgets.

The matrix is exhaustive by construction: `test_every_url_of_events_is_in_the_matrix` walks
urls_events and urls_public_events, and a new URL without an entry here fails it. Public pages
(region_page=False) answer anyone, anonymous visitors and users of another region included.
"""

import csv
import io
from types import SimpleNamespace

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aantafel.participation import links
from aantafel.participation.models import AudienceType, Registration, RegistrationStatus
from aantafel.participation.views_public_events import REGISTRATION_LIMIT

from ..page_matrix import FORBIDDEN, NOT_FOUND, OK, REDIRECT, answers, form, get, post, uncovered
from .factories_events import EventFactory, RegistrationFactory, registrations

pytestmark = pytest.mark.django_db

URL_MODULES = ["aantafel.participation.urls_events", "aantafel.participation.urls_public_events"]
ROLES = ["anonymous", "member", "supporter", "staff", "region_admin", "outsider"]
VIEW = {"member", "supporter", "staff", "region_admin"}  # participation.view
MANAGE = {"staff", "region_admin"}  # participation.manage
EVERYONE = set(ROLES)

# Session, user, two-factor check, region membership, body memberships, the region; the event;
# the count and the page's rows.
ATTENDEES_BUDGET = 9
# The region; the page of events with their confirmed places (one query, whatever the number).
PUBLIC_LIST_BUDGET = 2


def region_(w):
    return [w.slug]


def published(w):
    return [w.slug, w.event.pk]


def draft(w):
    return [w.slug, w.draft.pk]


def attendee(w):
    return [w.slug, w.event.pk, w.registration.pk]


def token(w):
    return [links.token_for(w.registration)]


def check_in_code(w):
    return [w.slug, w.event.pk, links.check_in_url(w.registration).rstrip("/").rsplit("/", 1)[1]]


MATRIX = [
    get("event_list", region_, VIEW),
    *form("event_create", region_, MANAGE),
    get("event_detail", published, VIEW),
    *form("event_edit", published, MANAGE),
    post("event_publish", draft, MANAGE),
    get("event_cancel", published, MANAGE),
    post("event_cancel", published, MANAGE),
    get("event_media", published, MANAGE),
    post("event_media", published, MANAGE),  # an empty link is allowed: it removes the link
    get("event_attendees", published, MANAGE),
    get("event_attendees_csv", published, MANAGE),
    get("event_attendees_xlsx", published, MANAGE),
    post("event_check_in", attendee, MANAGE),
    get("event_check_in_code", check_in_code, MANAGE),
    post("event_check_in_code", check_in_code, MANAGE),
    get("event_public_list", region_, EVERYONE, region_page=False),
    *form("event_public_detail", published, EVERYONE, region_page=False),
    get("event_public_thanks", published, EVERYONE, region_page=False),
    get("registration_cancel", token, EVERYONE, region_page=False),
    post("registration_cancel", token, EVERYONE, region_page=False),
]


@pytest.fixture
def world(region, member, supporter, staff, region_admin, outsider):
    event = EventFactory(region=region, capacity=3)
    return SimpleNamespace(
        users={
            "member": member,
            "supporter": supporter,
            "staff": staff,
            "region_admin": region_admin,
            "outsider": outsider,
        },
        slug=region.slug,
        event=event,
        draft=EventFactory(region=region, draft=True),
        registration=RegistrationFactory(event=event),
    )


@pytest.mark.parametrize("row", MATRIX, ids=[row.method_id for row in MATRIX])
def test_p2_every_page_of_events_answers_each_role_as_documented(world, row):
    """Each role's request runs in a savepoint that is rolled back, so every role meets the
    same scene."""
    assert answers(world, row, ROLES) == {role: row.expected(role) for role in ROLES}


def test_every_url_of_events_is_in_the_matrix():
    """A new URL without an entry in the matrix fails the test."""
    assert uncovered(MATRIX, URL_MODULES) == ([], [])


def test_p2_an_event_of_another_region_is_404(client, staff, region, other_region):
    foreign = EventFactory(region=other_region)
    registration = RegistrationFactory(event=foreign)
    client.force_login(staff)
    pages = ("event_detail", "event_edit", "event_attendees", "event_attendees_csv")
    for name in (*pages, "event_attendees_xlsx"):
        assert client.get(reverse(name, args=[region.slug, foreign.pk])).status_code == NOT_FOUND
    url = reverse("event_check_in", args=[region.slug, foreign.pk, registration.pk])
    assert client.post(url).status_code == NOT_FOUND
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_p2_a_draft_or_another_regions_event_is_not_on_the_public_site(
    client, region, other_region
):
    drafted = EventFactory(region=region, draft=True)
    foreign = EventFactory(region=other_region)
    for event in (drafted, foreign):
        for name in ("event_public_detail", "event_public_thanks"):
            url = reverse(name, args=[region.slug, event.pk])
            assert client.get(url).status_code == NOT_FOUND
    shown = EventFactory(region=region)
    past = EventFactory(region=region, past=True)
    response = client.get(reverse("event_public_list", args=[region.slug]))
    assert list(response.context["events"]) == [shown]
    assert past.title not in response.content.decode()


# --- Public registration -------------------------------------------------------------------------
def _register(client, event, email: str, **extra):
    data = {"name": "Sam", "email": email, "audience": AudienceType.YOUNG_PERSON} | extra
    return client.post(reverse("event_public_detail", args=[event.region.slug, event.pk]), data)


def test_p2_the_public_page_tells_places_left_and_shows_the_safety_line(client, region):
    event = EventFactory(region=region, capacity=2, audiences=["young_person", "parent"])
    url = reverse("event_public_detail", args=[region.slug, event.pk])
    response = client.get(url)
    assert response.context["places_left"] == 2
    assert [value for value, _label in response.context["form"].fields["audience"].choices] == [
        "young_person",
        "parent",
    ]
    assert region.safety_contact_line in response.content.decode()
    registrations(event, 2)
    response = client.get(url)
    assert response.context["places_left"] == 0
    assert response.context["state"] == "open"


def test_p2_registering_on_the_public_page_says_confirmed_or_waiting(client, region):
    event = EventFactory(region=region, capacity=1)
    thanks = reverse("event_public_thanks", args=[region.slug, event.pk])
    response = _register(client, event, "eerste@voorbeeld.example")
    assert (response.status_code, response["Location"]) == (REDIRECT, thanks)
    assert "eerste" not in response["Location"]
    assert client.get(thanks).context["status"] == RegistrationStatus.CONFIRMED
    other = client.__class__()
    _register(other, event, "tweede@voorbeeld.example")
    response = other.get(thanks)
    assert response.context["status"] == RegistrationStatus.WAITING
    assert region.safety_contact_line in response.content.decode()
    # Without a registration in this session: the general text, no status.
    assert client.__class__().get(thanks).context["status"] is None


def test_p2_registering_twice_on_the_public_page_shows_it_beside_the_address(client, region):
    event = EventFactory(region=region)
    _register(client, event, "sam@voorbeeld.example")
    response = _register(client, event, "SAM@voorbeeld.example")
    assert response.status_code == OK
    assert [e.code for e in response.context["form"].errors.as_data()["email"]] == [
        "already_registered"
    ]
    assert Registration.objects.filter(event=event).count() == 1


def test_p2_an_audience_not_offered_is_refused_beside_its_field(client, region):
    event = EventFactory(region=region, audiences=["young_person"])
    response = _register(client, event, "sam@voorbeeld.example", audience="municipality")
    assert response.status_code == OK
    assert "audience" in response.context["form"].errors
    assert not Registration.objects.exists()


def test_p2_a_closed_event_shows_no_form_and_saves_nothing(client, region):
    event = EventFactory(region=region, closed=True)
    response = _register(client, event, "sam@voorbeeld.example")
    assert response.status_code == OK
    assert response.context["state"] == "closed"
    assert 'name="email"' not in response.content.decode()
    assert not Registration.objects.exists()


def test_p2_the_honeypot_keeps_robots_out(client, region):
    event = EventFactory(region=region)
    response = _register(client, event, "robot@voorbeeld.example", website="http://spam.example")
    assert response.status_code == REDIRECT
    assert not Registration.objects.exists()


def test_p2_registrations_are_limited_per_client(client, region):
    event = EventFactory(region=region)
    for i in range(REGISTRATION_LIMIT.limit):
        assert _register(client, event, f"p{i}@voorbeeld.example").status_code == REDIRECT
    response = _register(client, event, "een-te-veel@voorbeeld.example")
    assert response.status_code == 429
    assert region.safety_contact_line in response.content.decode()
    assert Registration.objects.filter(event=event).count() == REGISTRATION_LIMIT.limit
    page = client.get(reverse("event_public_detail", args=[region.slug, event.pk]))
    assert page.status_code == OK
    assert page.context["too_many"] is True
    assert 'name="email"' not in page.content.decode()


# --- Public cancellation -------------------------------------------------------------------------
def test_p2_cancelling_by_the_link_asks_first_then_cancels_once(client, region):
    event = EventFactory(region=region, capacity=1)
    registration = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, waiting=True)
    url = reverse("registration_cancel", args=[links.token_for(registration)])

    response = client.get(url)
    assert (response.status_code, response.context["state"]) == (OK, "confirm")
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED  # a GET changes nothing

    response = client.post(url)
    assert (response.status_code, response["Location"]) == (REDIRECT, url)
    response = client.get(url)
    assert (response.status_code, response.context["state"]) == (OK, "done")
    assert region.safety_contact_line in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED

    # The link again, in another browser or after the session: used already, said plainly.
    again = client.__class__()
    assert again.get(url).status_code == 409
    response = again.post(url)
    assert (response.status_code, response.context["state"]) == (409, "already_cancelled")


def test_p2_a_forged_or_unknown_cancel_link_is_404(client, region):
    registration = RegistrationFactory(event=EventFactory(region=region))
    token = links.token_for(registration)
    for forged in (str(registration.key), token[:-2] + "xx", "onzin"):
        url = reverse("registration_cancel", args=[forged])
        response = client.get(url)
        assert (response.status_code, response.context["state"]) == (NOT_FOUND, "unknown_link")
        assert client.post(url).status_code == NOT_FOUND
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


# --- Check-in, attendance, export ----------------------------------------------------------------
def test_p2_staff_check_in_from_the_searchable_list(client, region, staff):
    event = EventFactory(region=region, capacity=10)
    sam = RegistrationFactory(event=event, name="Sam de Vries")
    RegistrationFactory(event=event, name="Kim Jansen")
    client.force_login(staff)
    url = reverse("event_attendees", args=[region.slug, event.pk])
    response = client.get(url, {"q": "vries"})
    assert [r.name for r in response.context["page"].object_list] == ["Sam de Vries"]

    check_in = reverse("event_check_in", args=[region.slug, event.pk, sam.pk])
    response = client.post(check_in, {"q": "vries"})
    assert response.status_code == REDIRECT
    assert response["Location"] == f"{url}?q=vries#registration-{sam.pk}"
    sam.refresh_from_db()
    assert sam.checked_in_by == staff
    response = client.post(check_in, follow=True)  # twice: a plain message, nothing changes
    assert [m.level_tag for m in response.context["messages"]][-1] == "error"
    detail = client.get(reverse("event_detail", args=[region.slug, event.pk]))
    assert detail.context["attendance"].total.checked_in == 1


def test_p2_the_attendee_list_exports_to_csv_without_addresses(client, region, staff):
    event = EventFactory(region=region)
    RegistrationFactory(event=event, name="=HYPERLINK(1)", accessibility_needs="Rolstoel")
    RegistrationFactory(event=event, name="Kim", checked_in=True, audience="parent")
    RegistrationFactory(event=event, name="Weg", cancelled=True)
    client.force_login(staff)
    url = reverse("event_attendees_csv", args=[region.slug, event.pk])
    response = client.get(url, {"status": "all"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows[0]) == 5
    assert len(rows) == 4
    body = response.content.decode()
    assert "'=HYPERLINK(1)" in body  # a formula stays text
    assert "Rolstoel" in body
    assert "@voorbeeld.example" not in body
    assert client.get(url).content.decode().count("\n") == 3  # default: not the cancelled


def test_p2_the_attendee_list_exports_to_xlsx_with_the_rows_of_the_csv(client, region, staff):
    event = EventFactory(region=region)
    RegistrationFactory(event=event, name="Kim", checked_in=True, audience="parent")
    RegistrationFactory(event=event, name="Weg", cancelled=True)
    client.force_login(staff)
    url = reverse("event_attendees_xlsx", args=[region.slug, event.pk])
    response = client.get(url)
    assert response["Content-Disposition"].endswith('.xlsx"')
    assert response["Cache-Control"] == "private, no-store"
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert len(rows) == 2  # the header and Kim; the cancelled registration is not attending
    assert rows[1][0] == "Kim"


def test_p2_a_member_may_not_see_the_attendee_list(client, region, member):
    event = EventFactory(region=region)
    client.force_login(member)
    for name in ("event_attendees", "event_attendees_csv", "event_attendees_xlsx"):
        assert client.get(reverse(name, args=[region.slug, event.pk])).status_code == FORBIDDEN


# --- Query budgets -------------------------------------------------------------------------------
@pytest.mark.parametrize("count", [10, 1000])
def test_p2_the_attendee_list_has_a_fixed_query_budget(
    client, region, staff, count, django_assert_num_queries
):
    event = EventFactory(region=region, capacity=2000)
    registrations(event, count)
    client.force_login(staff)
    url = reverse("event_attendees", args=[region.slug, event.pk])
    client.get(url)  # the session and the login settle first
    with django_assert_num_queries(ATTENDEES_BUDGET):
        response = client.get(url, {"page": 2} if count > 100 else {})
    assert response.status_code == OK
    assert response.context["page"].paginator.count == count


def test_p2_the_attendee_list_costs_the_same_with_10_or_1000(client, region, staff):
    client.force_login(staff)
    counts = []
    for size in (10, 1000):
        event = EventFactory(region=region, capacity=2000)
        registrations(event, size)
        url = reverse("event_attendees", args=[region.slug, event.pk])
        with CaptureQueriesContext(connection) as queries:
            client.get(url, {"q": "Deelnemer"})
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.parametrize("count", [2, 20])
def test_p2_the_public_list_has_a_fixed_query_budget(
    client, region, count, django_assert_num_queries
):
    for _ in range(count):
        registrations(EventFactory(region=region, capacity=5), 3)
    url = reverse("event_public_list", args=[region.slug])
    with django_assert_num_queries(PUBLIC_LIST_BUDGET):
        response = client.get(url)
    assert len(response.context["events"]) == count

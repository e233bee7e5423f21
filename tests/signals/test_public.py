"""S1, S3: the public side of the signal loop: the form without an account, its protection
against abuse, and the "you said, we did" page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aantafel.audit.models import AuditEvent
from aantafel.core.ratelimit import RateLimit, client_fingerprint
from aantafel.signals.models import MAX_TEXT, Signal, SignalEvent, SignalSource
from aantafel.signals.services import signal_answer, signal_close, signal_move
from aantafel.signals.views_public import SIGNAL_LIMIT
from aantafel.signals.workflow import SignalStatus

from .. import factories as f

IP = "203.0.113.77"
OTHER_IP = "198.51.100.23"


def form_url(region):
    return reverse("signal_public_form", args=[region.slug])


def public_url(region):
    return reverse("you_said_we_did", args=[region.slug])


def post(client, region, ip=IP, **data):
    payload = {"text": "", "contact": "anonymous", "contact_email": "", "website": ""}
    payload.update(data)
    return client.post(form_url(region), payload, REMOTE_ADDR=ip)


def rows_containing(needle: str) -> list[str]:
    """Every table of the database whose rows mention `needle` anywhere, in any column."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(
                f'SELECT count(*) FROM "{table}" t WHERE t::text LIKE %s',  # noqa: S608
                [f"%{needle}%"],
            )
            if cursor.fetchone()[0]:
                found.append(table)
    return found


def published(region, summary="Wachttijden worden korter.", closed_days_ago=3, **kwargs):
    defaults = {
        "status": SignalStatus.CLOSED,
        "answer": "Beste Sanne, we hebben je signaal besproken.",
        "answered_at": timezone.now() - datetime.timedelta(days=closed_days_ago + 1),
        "closed_at": timezone.now() - datetime.timedelta(days=closed_days_ago),
        "publishable": True,
        "public_summary": summary,
    }
    defaults.update(kwargs)
    return f.SignalFactory(region=region, **defaults)


# --- The form (S1) -----------------------------------------------------------------------------


def test_s1_form_shows_the_safety_line_before_the_form_without_an_account(client, region):
    response = client.get(form_url(region))
    assert response.status_code == 200
    html = response.content.decode()
    assert region.safety_contact_line in html
    assert html.index(region.safety_contact_line) < html.index('<form method="post"')
    assert f"aantafel-theme--{region.theme}" in html


def test_s1_unknown_region_is_404(client, db):
    assert client.get("/signaal/bestaat-niet/").status_code == 404
    assert client.get("/signaal/bestaat-niet/bedankt/").status_code == 404
    assert client.get("/signaal/bestaat-niet/jullie-zeiden-wij-deden/").status_code == 404


def test_s1_anonymous_signal_is_saved_with_its_timeline_and_no_address(client, region):
    response = post(client, region, text="  Ik wacht al een jaar op hulp.  ")
    assert response.status_code == 302
    assert response["Location"] == reverse("signal_public_thanks", args=[region.slug])
    signal = Signal.objects.get()
    assert signal.region == region
    assert signal.text == "Ik wacht al een jaar op hulp."
    assert signal.source == SignalSource.PUBLIC
    assert signal.contact_email == ""
    assert signal.raised_by is None
    assert signal.status == SignalStatus.NEW
    event = SignalEvent.objects.get(signal=signal)
    assert event.kind == SignalEvent.Kind.SUBMITTED
    assert event.actor is None
    assert rows_containing(IP) == []
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert region.safety_contact_line in thanks.content.decode()


def test_s1_signal_with_email_and_theme(client, region):
    theme = f.PlanThemeFactory(region=region, name="Wachtlijsten")
    response = post(
        client,
        region,
        text="Mijn zoon wacht te lang.",
        contact="email",
        contact_email="ouder@example.org",
        theme=theme.pk,
    )
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert signal.contact_email == "ouder@example.org"
    assert signal.suggested_theme == theme
    assert list(signal.themes.all()) == [theme]
    assert SignalEvent.objects.filter(signal=signal, kind=SignalEvent.Kind.SUBMITTED).count() == 1
    assert rows_containing(IP) == []


def test_s1_anonymous_means_an_address_typed_anyway_is_not_kept(client, region):
    post(client, region, text="Iets.", contact="anonymous", contact_email="ouder@example.org")
    assert Signal.objects.get().contact_email == ""
    assert rows_containing("ouder@example.org") == []


def test_s1_with_email_chosen_the_address_is_required_and_checked(client, region):
    response = post(client, region, text="Iets.", contact="email", contact_email="")
    assert response.status_code == 200
    assert response.context["form"].has_error("contact_email", "required")
    response = post(client, region, text="Iets.", contact="email", contact_email="geen-adres")
    assert response.context["form"].has_error("contact_email", "invalid")
    assert Signal.objects.count() == 0


@pytest.mark.parametrize(
    ("text", "code"), [("", "required"), ("   ", "required"), ("x" * 20_000, "too_long")]
)
def test_s1_empty_or_too_long_text_is_refused_beside_the_field(client, region, text, code):
    response = post(client, region, text=text)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("text", code)
    html = response.content.decode()
    assert 'id="id_text_error"' in html
    assert 'aria-describedby="id_text_error' in html
    assert Signal.objects.count() == 0
    assert SignalEvent.objects.count() == 0
    assert AuditEvent.objects.filter(action="signal.submit").count() == 0


def test_s1_text_of_exactly_the_maximum_is_accepted(client, region):
    assert post(client, region, text="x" * MAX_TEXT).status_code == 302
    assert Signal.objects.count() == 1


def test_s1_theme_of_another_region_is_refused(client, region, other_region):
    foreign = f.PlanThemeFactory(region=other_region)
    f.PlanThemeFactory(region=region)
    response = post(client, region, text="Iets.", theme=foreign.pk)
    assert response.status_code == 200
    assert response.context["form"].has_error("theme", "invalid_choice")
    assert Signal.objects.count() == 0


def test_s1_only_active_themes_of_the_region_are_offered(client, region, other_region):
    active = f.PlanThemeFactory(region=region, name="Actief thema")
    retired = f.PlanThemeFactory(region=region, name="Oud thema", active=False)
    f.PlanThemeFactory(region=other_region, name="Ander thema")
    form = client.get(form_url(region)).context["form"]
    assert list(form.fields["theme"].queryset) == [active]
    response = post(client, region, text="Iets.", theme=retired.pk)
    assert response.context["form"].has_error("theme", "invalid_choice")


def test_s1_without_themes_in_the_region_the_choice_is_not_shown(client, region):
    form = client.get(form_url(region)).context["form"]
    assert "theme" not in form.fields
    assert post(client, region, text="Iets.").status_code == 302


# --- Abuse protection --------------------------------------------------------------------------


def test_s1_honeypot_pretends_success_and_keeps_nothing(client, region):
    response = post(client, region, text="Koop nu goedkope pillen", website="http://spam.example")
    assert response.status_code == 302
    assert response["Location"] == reverse("signal_public_thanks", args=[region.slug])
    assert Signal.objects.count() == 0
    assert SignalEvent.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_s1_honeypot_is_hidden_from_people_and_assistive_technology(client, region):
    html = client.get(form_url(region)).content.decode()
    field = html[html.index('<div class="visually-hidden" aria-hidden="true">') :]
    field = field[: field.index("</div>")]
    assert 'name="website"' in field
    assert 'tabindex="-1"' in field
    assert 'autocomplete="off"' in field


def test_s1_rate_limit_429_after_five_an_hour_other_address_unaffected(client, region):
    for n in range(SIGNAL_LIMIT.limit):
        assert post(client, region, text=f"Signaal {n}").status_code == 302
    refused = post(client, region, text="Nog een")
    assert refused.status_code == 429
    assert region.safety_contact_line in refused.content.decode()
    # Said before one starts typing, too.
    assert client.get(form_url(region), REMOTE_ADDR=IP).status_code == 429
    assert Signal.objects.count() == SIGNAL_LIMIT.limit
    # Another address is not affected.
    assert post(client, region, ip=OTHER_IP, text="Van iemand anders").status_code == 302
    assert Signal.objects.count() == SIGNAL_LIMIT.limit + 1
    assert rows_containing(IP) == []
    assert rows_containing(OTHER_IP) == []


def test_s1_refused_forms_do_not_count_against_the_limit(client, region):
    for _ in range(SIGNAL_LIMIT.limit + 2):
        assert post(client, region, text="").status_code == 200
    assert post(client, region, text="Nu wel").status_code == 302


def test_s1_rate_limit_key_is_a_salted_hash_that_expires(rf):
    request = rf.get("/", REMOTE_ADDR=IP)
    fingerprint = client_fingerprint(request, "signal_public")
    assert IP not in fingerprint
    assert fingerprint != client_fingerprint(request, "another_form")
    assert fingerprint != client_fingerprint(rf.get("/", REMOTE_ADDR=OTHER_IP), "signal_public")
    limit = RateLimit("test_expiry", limit=1, window=3600)
    limit.hit(request)
    assert limit.exceeded(request)
    from django.core.cache import cache

    key = limit._key(request)
    assert IP not in key
    # locmem keeps the expiry beside the value: at most an hour from now.
    expiry = cache._expire_info[cache.make_and_validate_key(key)]  # type: ignore[attr-defined]
    assert expiry <= timezone.now().timestamp() + 3600 + 1


# --- The "you said, we did" page (S3) ----------------------------------------------------------


def test_s3_page_shows_only_closed_publishable_signals_without_a_safety_concern(
    client, region, other_region
):
    shown = published(region, summary="Jongeren krijgen sneller een gesprek.")
    published(region, summary="VEILIGHEID-VERBORGEN", safety_concern=True, publishable=False)
    published(region, summary="VEILIGHEID-OOK-VERBORGEN", safety_concern=True)  # bad data too
    published(region, summary="NIET-PUBLICEERBAAR", publishable=False)
    f.SignalFactory(
        region=region,
        status=SignalStatus.ANSWERED,
        answer="Antwoord",
        publishable=True,
        public_summary="NOG-NIET-GESLOTEN",
    )
    published(other_region, summary="ANDERE-REGIO")
    response = client.get(public_url(region))
    assert response.status_code == 200
    html = response.content.decode()
    assert list(response.context["page"].object_list) == [shown]
    assert "Jongeren krijgen sneller een gesprek." in html
    for hidden in (
        "VEILIGHEID",
        "NIET-PUBLICEERBAAR",
        "NOG-NIET-GESLOTEN",
        "ANDERE-REGIO",
    ):
        assert hidden not in html
    assert form_url(region) in html
    assert f"aantafel-theme--{region.theme}" in html


def test_s3_page_never_shows_the_raisers_text_address_or_the_answer(client, region, supporter):
    signal = Signal.objects.create(
        region=region,
        text="Ik ben Sanne uit Hasselt en wacht al lang.",
        source=SignalSource.PUBLIC,
        contact_email="sanne@example.org",
    )
    signal_move(actor=supporter, signal=signal, status=SignalStatus.IN_PREPARATION)
    signal_answer(actor=supporter, signal=signal, answer="Beste Sanne, we pakken het op.")
    signal_close(
        actor=supporter,
        signal=signal,
        publishable=True,
        public_summary="Een jongere wachtte lang. De wachttijd is nu korter.",
    )
    html = client.get(public_url(region)).content.decode()
    assert "De wachttijd is nu korter." in html
    for private in ("Sanne", "Hasselt", "sanne@example.org", "we pakken het op"):
        assert private not in html


def test_s3_page_newest_first_with_month_paginated_by_20(client, region):
    signals = [published(region, summary=f"Samenvatting {n}", closed_days_ago=n) for n in range(25)]
    first = client.get(public_url(region)).context["page"]
    assert list(first.object_list) == signals[:20]
    second = client.get(public_url(region), {"page": 2}).context["page"]
    assert list(second.object_list) == signals[20:]


def test_s3_page_filters_by_theme(client, region, other_region):
    waiting = f.PlanThemeFactory(region=region, name="Wachtlijsten")
    school = f.PlanThemeFactory(region=region, name="School")
    unused = f.PlanThemeFactory(region=region, name="Ongebruikt")
    a = published(region, summary="Over wachten")
    a.themes.add(waiting)
    b = published(region, summary="Over school")
    b.themes.add(school)
    response = client.get(public_url(region), {"theme": waiting.pk})
    assert list(response.context["page"].object_list) == [a]
    assert response.context["themes"] == [school, waiting]
    assert unused not in response.context["themes"]
    # A theme of another region (or nonsense) filters nothing away and shows no error.
    foreign = f.PlanThemeFactory(region=other_region)
    for value in (foreign.pk, "onzin"):
        response = client.get(public_url(region), {"theme": value})
        assert response.status_code == 200
        assert set(response.context["page"].object_list) == {a, b}


def test_s3_page_query_count_is_fixed(client, region):
    themes = [f.PlanThemeFactory(region=region) for _ in range(3)]
    published(region).themes.set(themes)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(public_url(region)).status_code == 200
        return len(ctx)

    few = count()
    for n in range(30):
        published(region, summary=f"S {n}").themes.set(themes[: n % 3 + 1])
    assert count() == few
    # region, theme choices, page count, page, themes of the page
    assert few == 5

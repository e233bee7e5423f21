"""S5: the report of a client test as a page, a PDF (PDF/A) and a CSV, per target group."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation

from aantafel.clienttests import services
from aantafel.clienttests.models import TargetGroup
from tests import pdf_text

from .. import factories as f
from .conftest import ANSWER

pytestmark = pytest.mark.django_db
GROUPS = ["young_people", "young_adults", "parents", "foster_carers"]


@pytest.fixture
def answered(body):
    test = f.ClientTestFactory(
        body=body, open=True, title="Een vaste begeleider", target_groups=GROUPS
    )
    links = services.client_test_links_create(actor=None, test=test, count=8)
    plan = ["young_people"] * 3 + ["parents"] * 3 + ["foster_carers"] * 2
    for i, (link, group) in enumerate(zip(links, plan, strict=True)):
        services.client_test_answer_submit(
            link=link,
            **{**ANSWER, "target_group": group, "clarity": 1 + i % 5},
            impact_comment=f"Opmerking {group} {i}",
        )
    return test


def test_s5_the_report_page_shows_each_group_in_tables(client, answered, member):
    client.force_login(member)
    response = client.get(reverse("client_test_report", args=[answered.region.slug, answered.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<table") == 3  # young people, parents, everyone
    assert "Opmerking young_people 0" in html
    assert "Opmerking parents 3" in html
    assert "Opmerking foster_carers" not in html  # two answers: not shown
    report = response.context["report"]
    assert [(g.group, g.answers, g.shown) for g in report.groups] == [
        ("young_people", 3, True),
        ("young_adults", 0, False),
        ("parents", 3, True),
        ("foster_carers", 2, False),
    ]


def test_s5_the_report_pdf_is_pdfa_and_names_each_target_group(client, answered, member):
    client.force_login(member)
    response = client.get(
        reverse("client_test_report_pdf", args=[answered.region.slug, answered.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "clienttoets-een-vaste-begeleider" in response["Content-Disposition"]
    pdf = response.content
    assert "pdfaid:part" in pdf_text.metadata(pdf)
    text = pdf_text.text(pdf)
    # The PDF is Dutch (meetings.pdf.PDF_LANGUAGE): the groups carry their labels in Dutch, or
    # the English source label where the catalog lacks one.
    with translation.override("nl"):
        labels = [str(label) for value, label in TargetGroup.choices if value in GROUPS]
    for label in labels:
        assert label in text, (label, text[:500])
    assert "Opmerking parents 3" in text
    assert "Opmerking foster_carers" not in text


def test_s5_the_report_csv_has_figures_and_comments_per_group(client, answered, member):
    client.force_login(member)
    response = client.get(
        reverse("client_test_report_csv", args=[answered.region.slug, answered.pk])
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][2:] == [rows[0][2], rows[0][3], "1", "2", "3", "4", "5"]
    figures = [r for r in rows[1:] if len(r) == 9]
    young = [r for r in figures if r[0] == str(dict(TargetGroup.choices)["young_people"])]
    assert len(young) == 4
    assert all(r[2] == "3" for r in young)
    comments = [r for r in rows if len(r) == 3]
    assert any(r[2] == "Opmerking parents 4" for r in comments)
    assert not any("foster_carers" in r[2] for r in comments)

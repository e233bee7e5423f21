"""Advice requests through the API (PRODUCT.md S4): the same services, so the same rules as the
pages, and the same permissions: anonymous 401, a user of the other region 404, a member who may
not do it 403, a request of a body one is not in 404."""

from django.core.files.uploadedfile import SimpleUploadedFile

from aantafel.advice import api as advice_api
from aantafel.advice import services
from aantafel.advice.models import AdviceRequest, ConstituencyView
from aantafel.advice.workflow import AdviceResponse, AdviceStatus
from aantafel.audit.models import AuditEvent
from aantafel.meetings.models import Stance
from tests.advice.conftest import (
    ROLES,
    pdf_upload,
    record_views,
    scene,  # noqa: F401 - the advice scene
    users_by_role,
)

from .conftest import problem_fields
from .matrix import check, client_for, each_role, routes, rows, url


def open_(s) -> AdviceRequest:
    return s.request


def ready(s) -> AdviceRequest:
    record_views(s, s.request)
    return s.request


def given(s) -> AdviceRequest:
    record_views(s, s.request)
    return services.advice_give(actor=s.users.chair, advice_request=s.request, advice_text="Ja.")


def answered(s) -> AdviceRequest:
    return services.advice_response_record(
        actor=s.users.staff,
        advice_request=given(s),
        response=AdviceResponse.ADOPTED,
        reason="Overgenomen.",
    )


def _expect(allowed: dict[str, int], hidden=("other_body_member",)) -> dict[str, int]:
    """Every role: 401 anonymous, 404 outsider and `hidden`, 403 unless in `allowed`."""
    result = {"anonymous": 401, "outsider": 404}
    for role in set(ROLES) - set(result):
        result[role] = allowed.get(role, 404 if role in hidden else 403)
    return result


VIEWERS = ("representative", "member", "supporter", "chair", "staff", "region_admin")
MANAGE = ("supporter", "chair", "staff", "region_admin")

ENDPOINTS = [
    (
        "advice-request-list",
        "get",
        None,
        lambda s: None,
        _expect(dict.fromkeys((*VIEWERS, "other_body_member"), 200)),
    ),
    (
        "advice-request-list",
        "post",
        None,
        lambda s: {
            "body": s.body.pk,
            "requester_kind": "department",
            "requester_name": "Departement WVG",
            "title": "Nieuwe vraag",
            "question": "Wat vinden jullie?",
            "deadline": str(s.request.deadline),
        },
        # other_body_member leads no body: advice.create is refused before the body is read
        _expect(dict.fromkeys(MANAGE, 201), hidden=()),
    ),
    ("advice-request-detail", "get", open_, lambda s: None, _expect(dict.fromkeys(VIEWERS, 200))),
    (
        "advice-request-detail",
        "put",
        open_,
        lambda s: {
            "title": "Scherpere vraag",
            "question": "Wat vinden jullie nu?",
            "deadline": str(s.request.deadline),
        },
        _expect(dict.fromkeys(MANAGE, 200)),
    ),
    (
        "advice-request-documents",
        "post",
        open_,
        lambda s: {"file": pdf_upload("notitie.pdf"), "title": "Notitie"},
        _expect(dict.fromkeys(MANAGE, 201)),
    ),
    ("advice-request-pdf", "get", given, lambda s: None, _expect(dict.fromkeys(VIEWERS, 200))),
    (
        "advice-request-views",
        "post",
        open_,
        lambda s: {"constituency": s.parents.pk, "stance": "reservation", "view": "Zorgen."},
        _expect({"representative": 200, "supporter": 200, "chair": 200}),
    ),
    (
        "advice-request-give",
        "post",
        ready,
        lambda s: {"advice_text": "Doe het, maar betrek de jongeren."},
        _expect({"supporter": 200, "chair": 200}),
    ),
    (
        "advice-request-response",
        "post",
        given,
        lambda s: {"response": "partly_adopted", "reason": "Deels betaalbaar."},
        _expect(dict.fromkeys(MANAGE, 200)),
    ),
    (
        "advice-request-follow-ups",
        "post",
        answered,
        lambda s: {"text": "Themadag gepland."},
        _expect(dict.fromkeys(MANAGE, 201)),
    ),
    ("advice-request-close", "post", answered, lambda s: {}, _expect(dict.fromkeys(MANAGE, 200))),
]


@each_role(ROLES, ("name", "method", "target", "payload", "expected"), ENDPOINTS)
def test_s4_every_advice_endpoint_answers_each_role_as_the_pages_do(
    scene,  # noqa: F811
    role,
    name,
    method,
    target,
    payload,
    expected,
):
    kwargs = {"pk": target(scene).pk} if target else {}
    data = payload(scene)
    # A document goes as a multipart upload; everything else as JSON.
    fmt = "multipart" if data and any(hasattr(v, "read") for v in data.values()) else "json"
    address = url(name, scene, **kwargs)
    check(users_by_role(scene), role, method, address, data, expected, fmt=fmt)


def test_advice_endpoints_are_all_in_the_matrix():
    """A new endpoint or method without a row in ENDPOINTS fails the test."""
    assert routes(advice_api.urlpatterns) == rows(ENDPOINTS)
    actions = set(advice_api.AdviceRequestViewSet.rules)
    assert actions == {
        "list",
        "create",
        "retrieve",
        "update",
        "documents",
        "pdf",
        "views",
        "give",
        "respond",
        "follow_ups",
        "close",
    }


def test_s4_the_writes_go_through_the_services_with_audit(scene):  # noqa: F811
    api = client_for(scene.users.parent_rep)
    response = api.post(
        url("advice-request-views", scene, pk=scene.request.pk),
        {"constituency": scene.parents.pk, "stance": "agrees", "view": "Goed plan."},
        format="json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["request"]["status"] == AdviceStatus.IN_PREPARATION
    views = {line["constituency"]["name"]: line["stance"] for line in body["views"]}
    assert views == {"Ouders": "agrees", "Jongeren": None}
    assert AuditEvent.objects.filter(action="advice_view.record").count() == 1


def test_s4_advice_before_every_view_is_refused_naming_the_field(scene):  # noqa: F811
    api = client_for(scene.users.supporter)
    response = api.post(
        url("advice-request-give", scene, pk=scene.request.pk),
        {"advice_text": "Ja.", "missing_views_reason": "Geen tijd."},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["missing_views_reason"]
    assert response.json()["errors"][0]["code"] == "reason_chair_only"
    scene.request.refresh_from_db()
    assert scene.request.status == AdviceStatus.RECEIVED


def test_s4_a_frozen_view_is_a_conflict(scene):  # noqa: F811
    given(scene)
    api = client_for(scene.users.parent_rep)
    response = api.post(
        url("advice-request-views", scene, pk=scene.request.pk),
        {"constituency": scene.parents.pk, "stance": "disagrees", "view": "Toch niet."},
        format="json",
    )
    assert response.status_code == 409
    assert ConstituencyView.objects.get(constituency=scene.parents).stance == Stance.AGREES


def test_s4_a_constituency_of_another_region_is_unknown(scene):  # noqa: F811
    api = client_for(scene.users.supporter)
    response = api.post(
        url("advice-request-views", scene, pk=scene.request.pk),
        {"constituency": scene.foreign.pk, "stance": "agrees", "view": "x"},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["constituency"]


def test_s4_a_response_without_reason_is_refused(scene):  # noqa: F811
    given(scene)
    api = client_for(scene.users.staff)
    response = api.post(
        url("advice-request-response", scene, pk=scene.request.pk),
        {"response": "adopted", "reason": " "},
        format="json",
    )
    assert response.status_code == 400
    assert problem_fields(response) == ["reason"]


def test_s4_creating_for_a_body_one_does_not_lead_is_forbidden(scene):  # noqa: F811
    api = client_for(scene.users.supporter)  # supporter of scene.body, not of the other body
    response = api.post(
        url("advice-request-list", scene),
        {
            "body": scene.other_body.pk,
            "requester_kind": "department",
            "requester_name": "Departement",
            "title": "Vraag",
            "question": "Wat vinden jullie?",
            "deadline": str(scene.request.deadline),
        },
        format="json",
    )
    assert response.status_code == 403
    assert AdviceRequest.objects.count() == 1


def test_s4_the_list_filters_by_status_and_body(scene):  # noqa: F811
    api = client_for(scene.users.staff)
    response = api.get(url("advice-request-list", scene), {"status": "closed"})
    assert response.json()["results"] == []
    response = api.get(url("advice-request-list", scene), {"body": scene.body.pk})
    assert [r["id"] for r in response.json()["results"]] == [scene.request.pk]


def test_s4_a_question_is_corrected_and_a_document_added_until_the_advice_is_given(
    scene,  # noqa: F811
):
    api = client_for(scene.users.supporter)
    detail = url("advice-request-detail", scene, pk=scene.request.pk)
    edit = {
        "title": "Crisisopvang",
        "question": "Wat vinden ouders ervan?",
        "deadline": str(scene.request.deadline),
    }
    response = api.put(detail, edit, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["question"] == "Wat vinden ouders ervan?"
    documents = url("advice-request-documents", scene, pk=scene.request.pk)
    added = api.post(
        documents, {"file": pdf_upload("nota.pdf"), "title": "Nota"}, format="multipart"
    )
    assert added.status_code == 201, added.content
    assert [d["title"] for d in added.json()["documents"]] == ["Nota"]
    bad = api.post(
        documents,
        {"file": SimpleUploadedFile("x.exe", b"MZ\x90\x00", content_type="text/plain")},
        format="multipart",
    )
    assert bad.status_code == 400
    assert problem_fields(bad) == ["file"]
    given(scene)
    assert api.put(detail, edit, format="json").status_code == 409
    late = api.post(documents, {"file": pdf_upload("laat.pdf")}, format="multipart")
    assert late.status_code == 409
    scene.request.refresh_from_db()
    assert scene.request.documents.count() == 1

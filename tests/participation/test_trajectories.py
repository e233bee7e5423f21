"""The trajectory services, rule by rule (P1): a trajectory with its period, numbered pillars,
phases inside the period, updates about a pillar of the same trajectory, documents checked by
content with their decision status. Bad input leaves nothing half-saved; every write is in the
audit trail."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from aantafel.audit.models import AuditEvent
from aantafel.core.errors import DomainError
from aantafel.participation.models import (
    DecisionStatus,
    Phase,
    Pillar,
    Trajectory,
    TrajectoryDocument,
    TrajectoryUpdate,
    UpdateKind,
)
from aantafel.participation.services import trajectories as services

from .factories_trajectories import (
    PhaseFactory,
    PillarFactory,
    TrajectoryDocumentFactory,
    TrajectoryFactory,
    TrajectoryUpdateFactory,
    pdf_upload,
)

START, END = datetime.date(2023, 1, 1), datetime.date(2028, 12, 31)
PLAN_ADOPTED = datetime.date(2023, 11, 1)


@pytest.fixture
def trajectory(region):
    return TrajectoryFactory(region=region, starts_on=START, ends_on=END)


def _counts(model) -> tuple[int, int]:
    return model.objects.count(), AuditEvent.objects.count()


def _stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _refused(call, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as error:
        call(**kwargs)
    return error.value


# --- The trajectory ---------------------------------------------------------------------------


def test_p1_a_trajectory_has_a_title_a_summary_and_a_period(region, staff):
    trajectory = services.trajectory_create(
        actor=staff,
        region=region,
        title="  Cliënt- en jongerenparticipatie 2023–2028 ",
        summary="De stem van jeugdigen krijgt een plek in het beleid.",
        starts_on=START,
        ends_on=END,
    )
    trajectory.refresh_from_db()
    assert trajectory.title == "Cliënt- en jongerenparticipatie 2023–2028"
    assert (trajectory.region, trajectory.created_by) == (region, staff)
    assert (trajectory.starts_on, trajectory.ends_on, trajectory.published) == (START, END, False)
    audit = AuditEvent.objects.get(action="trajectory.create", target_id=str(trajectory.pk))
    assert (audit.actor, audit.region) == (staff, region)
    assert audit.changes["ends_on"] == [None, "2028-12-31"]
    assert audit.changes["summary"] == [None, len(trajectory.summary)]  # its length, not its text


def test_p1_a_trajectory_may_start_and_end_on_the_same_day(region, staff):
    trajectory = services.trajectory_create(
        actor=staff, region=region, title="Startconferentie", starts_on=START, ends_on=START
    )
    assert trajectory.starts_on == trajectory.ends_on


def test_p1_a_trajectory_that_ends_before_it_starts_is_refused_and_nothing_is_saved(region, staff):
    before = _counts(Trajectory)
    error = _refused(
        services.trajectory_create,
        actor=staff,
        region=region,
        title="Achterstevoren",
        starts_on=END,
        ends_on=START,
    )
    assert (error.field, error.code) == ("ends_on", "ends_before_start")
    assert _counts(Trajectory) == before


@pytest.mark.parametrize(
    ("kwargs", "field", "code"),
    [
        ({"title": "   "}, "title", "required"),
        ({"title": "x" * 201}, "title", "too_long"),
        ({"summary": "x" * 20_000}, "summary", "too_long"),
        ({"starts_on": None}, "starts_on", "required"),
        ({"ends_on": None}, "ends_on", "required"),
    ],
)
def test_p1_bad_input_for_a_trajectory_is_refused_beside_its_field(
    region, staff, kwargs, field, code
):
    before = _counts(Trajectory)
    data = {"title": "Traject", "starts_on": START, "ends_on": END} | kwargs
    error = _refused(services.trajectory_create, actor=staff, region=region, **data)
    assert (error.field, error.code) == (field, code)
    assert _counts(Trajectory) == before


def test_p1_a_trajectory_update_records_what_changed(trajectory, staff):
    services.trajectory_update(
        actor=staff,
        trajectory=trajectory,
        title=trajectory.title,
        summary="Nieuw",
        starts_on=START,
        ends_on=datetime.date(2029, 6, 30),
        published=True,
    )
    trajectory.refresh_from_db()
    assert (trajectory.summary, trajectory.ends_on, trajectory.published) == (
        "Nieuw",
        datetime.date(2029, 6, 30),
        True,
    )
    audit = AuditEvent.objects.get(action="trajectory.update")
    assert audit.changes == {
        "summary": [len(TrajectoryFactory.summary), len("Nieuw")],
        "ends_on": ["2028-12-31", "2029-06-30"],
        "published": [False, True],
    }


def test_p1_an_unchanged_trajectory_writes_no_audit_event(trajectory, staff):
    services.trajectory_update(
        actor=staff,
        trajectory=trajectory,
        title=trajectory.title,
        summary=trajectory.summary,
        starts_on=START,
        ends_on=END,
    )
    assert not AuditEvent.objects.filter(action="trajectory.update").exists()


def test_p1_a_trajectory_update_that_ends_before_it_starts_changes_nothing(trajectory, staff):
    title = trajectory.title
    error = _refused(
        services.trajectory_update,
        actor=staff,
        trajectory=trajectory,
        title="Ander",
        starts_on=END,
        ends_on=START,
    )
    assert (error.field, error.code) == ("ends_on", "ends_before_start")
    trajectory.refresh_from_db()
    assert (trajectory.title, trajectory.starts_on, trajectory.ends_on) == (title, START, END)
    assert not AuditEvent.objects.filter(action="trajectory.update").exists()


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "field"),
    [
        (datetime.date(2024, 1, 1), END, "starts_on"),  # the phase starts in 2023
        (START, datetime.date(2025, 6, 30), "ends_on"),  # the phase runs to 2026
    ],
)
def test_p1_the_period_cannot_leave_a_phase_outside(trajectory, staff, starts_on, ends_on, field):
    PhaseFactory(
        trajectory=trajectory,
        starts_on=datetime.date(2023, 3, 1),
        ends_on=datetime.date(2026, 1, 1),
    )
    error = _refused(
        services.trajectory_update,
        actor=staff,
        trajectory=trajectory,
        title=trajectory.title,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    assert (error.field, error.code) == (field, "phases_outside")
    trajectory.refresh_from_db()
    assert (trajectory.starts_on, trajectory.ends_on) == (START, END)


# --- Pillars ----------------------------------------------------------------------------------


def test_p1_pillars_are_numbered_from_one_in_their_trajectory(trajectory, staff):
    names = [
        "Versterking van de reguliere medezeggenschap",
        "Medezeggenschap op regionaal gemeentelijk niveau",
        "Betrekken van de cliëntenpopulatie (empowerment)",
    ]
    pillars = [services.pillar_add(actor=staff, trajectory=trajectory, name=n) for n in names]
    assert [p.number for p in pillars] == [1, 2, 3]
    other = TrajectoryFactory(region=trajectory.region)
    assert services.pillar_add(actor=staff, trajectory=other, name="Eigen").number == 1
    assert AuditEvent.objects.filter(action="pillar.add").count() == 4


def test_p1_a_pillar_number_is_unique_per_trajectory(trajectory, staff):
    services.pillar_add(actor=staff, trajectory=trajectory, name="Eerste", number=1)
    before = _counts(Pillar)
    error = _refused(
        services.pillar_add, actor=staff, trajectory=trajectory, name="Nog een", number=1
    )
    assert (error.field, error.code) == ("number", "number_taken")
    assert _counts(Pillar) == before
    # Another trajectory has its own numbers.
    other = TrajectoryFactory(region=trajectory.region)
    assert services.pillar_add(actor=staff, trajectory=other, name="Eerste", number=1).number == 1


@pytest.mark.parametrize("number", [0, -1, 100])
def test_p1_a_pillar_number_counts_from_one(trajectory, staff, number):
    error = _refused(
        services.pillar_add, actor=staff, trajectory=trajectory, name="Pijler", number=number
    )
    assert (error.field, error.code) == ("number", "number_out_of_range")
    assert not Pillar.objects.exists()


def test_p1_a_pillar_without_a_name_is_refused(trajectory, staff):
    error = _refused(services.pillar_add, actor=staff, trajectory=trajectory, name="  ")
    assert (error.field, error.code) == ("name", "required")
    assert not Pillar.objects.exists()


def test_p1_a_pillar_update_keeps_the_numbers_unique(trajectory, staff):
    first = services.pillar_add(actor=staff, trajectory=trajectory, name="Eerste")
    second = services.pillar_add(actor=staff, trajectory=trajectory, name="Tweede")
    error = _refused(
        services.pillar_update, actor=staff, pillar=second, name="Tweede", number=first.number
    )
    assert (error.field, error.code) == ("number", "number_taken")
    second.refresh_from_db()
    assert second.number == 2
    pillar = services.pillar_update(
        actor=staff, pillar=second, name="Regionaal", description="Gemeenten", number=5
    )
    assert (pillar.number, pillar.name) == (5, "Regionaal")
    # Without a number it keeps its own.
    assert services.pillar_update(actor=staff, pillar=first, name="Regulier").number == 1
    audits = AuditEvent.objects.filter(action="pillar.update").order_by("pk")
    assert audits[0].changes == {
        "number": [2, 5],
        "name": ["Tweede", "Regionaal"],
        "description": [0, len("Gemeenten")],
    }
    assert audits.count() == 2


# --- Phases -----------------------------------------------------------------------------------


def test_p1_a_phase_lies_inside_the_trajectory(trajectory, staff):
    phase = services.phase_add(
        actor=staff,
        trajectory=trajectory,
        name="Ophalen, ophalen, ophalen",
        starts_on=START,
        ends_on=datetime.date(2023, 6, 30),
    )
    open_ended = services.phase_add(
        actor=staff, trajectory=trajectory, name="Plan", starts_on=datetime.date(2023, 7, 1)
    )
    assert (phase.region, phase.trajectory) == (trajectory.region, trajectory)
    assert open_ended.ends_on is None
    audit = AuditEvent.objects.filter(action="phase.add").order_by("pk").first()
    assert audit is not None
    assert audit.changes["starts_on"] == [None, "2023-01-01"]


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "field", "code"),
    [
        (datetime.date(2022, 12, 31), None, "starts_on", "outside_trajectory"),
        (datetime.date(2029, 1, 1), None, "starts_on", "outside_trajectory"),
        (datetime.date(2028, 1, 1), datetime.date(2029, 1, 1), "ends_on", "outside_trajectory"),
        (datetime.date(2024, 5, 1), datetime.date(2024, 4, 30), "ends_on", "ends_before_start"),
        (None, None, "starts_on", "required"),
    ],
)
def test_p1_a_phase_outside_the_period_is_refused_and_nothing_is_saved(
    trajectory, staff, starts_on, ends_on, field, code
):
    before = _counts(Phase)
    error = _refused(
        services.phase_add,
        actor=staff,
        trajectory=trajectory,
        name="Uitvoering",
        starts_on=starts_on,
        ends_on=ends_on,
    )
    assert (error.field, error.code) == (field, code)
    assert _counts(Phase) == before


def test_p1_a_phase_update_stays_inside_the_period(trajectory, staff):
    phase = services.phase_add(actor=staff, trajectory=trajectory, name="Plan", starts_on=START)
    error = _refused(
        services.phase_update,
        actor=staff,
        phase=phase,
        name="Plan",
        starts_on=START,
        ends_on=datetime.date(2030, 1, 1),
    )
    assert (error.field, error.code) == ("ends_on", "outside_trajectory")
    phase.refresh_from_db()
    assert phase.ends_on is None
    services.phase_update(
        actor=staff,
        phase=phase,
        name="Plan van aanpak",
        starts_on=START,
        ends_on=datetime.date(2023, 12, 31),
    )
    phase.refresh_from_db()
    assert (phase.name, phase.ends_on) == ("Plan van aanpak", datetime.date(2023, 12, 31))
    audit = AuditEvent.objects.get(action="phase.update")
    assert audit.changes == {
        "name": ["Plan", "Plan van aanpak"],
        "ends_on": [None, "2023-12-31"],
    }


# --- Updates ----------------------------------------------------------------------------------


def test_p1_an_update_is_published_when_it_is_posted(trajectory, staff):
    pillar = PillarFactory(trajectory=trajectory, number=1)
    before = timezone.now()
    update = services.update_post(
        actor=staff,
        trajectory=trajectory,
        kind=UpdateKind.RESULT,
        pillar=pillar,
        title="Startconferentie in Kerkrade",
        body="Zo'n 200 mensen waren erbij.",
    )
    update.refresh_from_db()
    assert update.published_at is not None
    assert before <= update.published_at <= timezone.now()
    assert (update.kind, update.pillar, update.author) == (UpdateKind.RESULT, pillar, staff)
    audit = AuditEvent.objects.get(action="trajectory_update.post")
    assert audit.changes["kind"] == [None, "result"]
    assert audit.changes["pillar"] == [None, str(pillar)]
    assert audit.changes["body"] == [None, len("Zo'n 200 mensen waren erbij.")]


def test_p1_an_update_about_the_whole_trajectory_has_no_pillar(trajectory, staff):
    update = services.update_post(
        actor=staff, trajectory=trajectory, kind=UpdateKind.NEWS, title="Nieuws", body="Tekst."
    )
    assert update.pillar is None


@pytest.mark.parametrize(
    ("kwargs", "field", "code"),
    [
        ({"body": "   "}, "body", "required"),
        ({"body": ""}, "body", "required"),
        ({"title": ""}, "title", "required"),
        ({"kind": "gossip"}, "kind", "invalid_choice"),
        ({"body": "x" * 20_000}, "body", "too_long"),
    ],
)
def test_p1_an_update_without_text_is_refused_and_nothing_is_saved(
    trajectory, staff, kwargs, field, code
):
    before = _counts(TrajectoryUpdate)
    data = {"kind": UpdateKind.PROCESS, "title": "Kerngroep", "body": "Gestart."} | kwargs
    error = _refused(services.update_post, actor=staff, trajectory=trajectory, **data)
    assert (error.field, error.code) == (field, code)
    assert _counts(TrajectoryUpdate) == before


def test_p1_an_update_about_a_pillar_of_another_trajectory_is_refused(
    trajectory, staff, other_region
):
    elsewhere = PillarFactory(trajectory=TrajectoryFactory(region=trajectory.region), number=1)
    foreign = PillarFactory(trajectory=TrajectoryFactory(region=other_region), number=1)
    for pillar, code in ((elsewhere, "other_trajectory"), (foreign, "unknown")):
        error = _refused(
            services.update_post,
            actor=staff,
            trajectory=trajectory,
            kind=UpdateKind.PROCESS,
            pillar=pillar,
            title="Bericht",
            body="Tekst.",
        )
        assert (error.field, error.code) == ("pillar", code)
    assert not TrajectoryUpdate.objects.exists()
    assert not AuditEvent.objects.exists()


def test_p1_an_edited_update_keeps_its_moment_of_publication(trajectory, staff):
    pillar = PillarFactory(trajectory=trajectory, number=1)
    update = services.update_post(
        actor=staff, trajectory=trajectory, kind=UpdateKind.PROCESS, title="Bericht", body="Tekst."
    )
    published_at = update.published_at
    services.update_edit(
        actor=staff,
        update=update,
        kind=UpdateKind.RESULT,
        pillar=pillar,
        title="Bericht",
        body="Tekst!",  # the same length: still a change
    )
    update.refresh_from_db()
    assert (update.kind, update.pillar, update.body) == (UpdateKind.RESULT, pillar, "Tekst!")
    assert update.published_at == published_at
    audit = AuditEvent.objects.get(action="trajectory_update.edit")
    assert audit.changes == {
        "kind": ["process", "result"],
        "pillar": [None, str(pillar)],
        "body": [len("Tekst."), len("Tekst!")],
    }


def test_p1_an_edited_update_refuses_a_pillar_of_another_trajectory(trajectory, staff):
    update = TrajectoryUpdateFactory(trajectory=trajectory)
    elsewhere = PillarFactory(trajectory=TrajectoryFactory(region=trajectory.region), number=1)
    error = _refused(
        services.update_edit,
        actor=staff,
        update=update,
        kind=update.kind,
        pillar=elsewhere,
        title=update.title,
        body=update.body,
    )
    assert (error.field, error.code) == ("pillar", "other_trajectory")
    update.refresh_from_db()
    assert update.pillar is None
    error = _refused(
        services.update_edit,
        actor=staff,
        update=update,
        kind=update.kind,
        title=update.title,
        body=" ",
    )
    assert (error.field, error.code) == ("body", "required")
    assert not AuditEvent.objects.exists()


# --- Documents --------------------------------------------------------------------------------


def test_p1_a_document_is_checked_by_content_and_stored_under_a_generated_name(trajectory, staff):
    document = services.document_add(
        actor=staff,
        trajectory=trajectory,
        upload=pdf_upload("Plan van Aanpak.pdf"),
        decision_status=DecisionStatus.SUBMITTED,
    )
    document.refresh_from_db()
    assert (document.title, document.original_name) == ("Plan van Aanpak", "Plan van Aanpak.pdf")
    assert (document.content_type, document.decision_status) == (
        "application/pdf",
        DecisionStatus.SUBMITTED,
    )
    assert (document.region, document.uploaded_by) == (trajectory.region, staff)
    assert document.file.name.startswith(f"participation/{trajectory.region_id}/")
    assert "Plan" not in document.file.name  # the stored name is generated
    audit = AuditEvent.objects.get(action="trajectory_document.add")
    assert audit.changes["decision_status"] == [None, "submitted"]
    assert audit.changes["content_type"] == [None, "application/pdf"]


def test_p1_an_adopted_document_says_when_and_by_whom(trajectory, staff):
    document = services.document_add(
        actor=staff,
        trajectory=trajectory,
        upload=pdf_upload(),
        title="Plan van aanpak",
        decision_status=DecisionStatus.ADOPTED,
        decided_on=PLAN_ADOPTED,
        decided_by="Regiogemeenten Zuid-Limburg",
    )
    assert (document.decided_on, document.decided_by) == (
        PLAN_ADOPTED,
        "Regiogemeenten Zuid-Limburg",
    )


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 a program", content_type="application/pdf"),
        SimpleUploadedFile("plan.html", b"<html><script>x</script></html>"),
        SimpleUploadedFile("leeg.pdf", b""),
        None,
    ],
    ids=["program-named-pdf", "html", "empty", "missing"],
)
def test_p1_a_document_of_a_forbidden_type_is_refused_and_nothing_is_saved(
    trajectory, staff, settings, upload
):
    before = _counts(TrajectoryDocument)
    error = _refused(services.document_add, actor=staff, trajectory=trajectory, upload=upload)
    assert error.field == "file"
    assert error.code in {"type_not_allowed", "empty", "required"}
    assert _counts(TrajectoryDocument) == before
    assert _stored_files(settings) == []


@pytest.mark.parametrize(
    ("kwargs", "field", "code"),
    [
        ({"decided_by": "Regiogemeenten"}, "decided_on", "required"),
        ({"decided_on": PLAN_ADOPTED}, "decided_by", "required"),
        (
            {"decided_on": timezone.localdate() + datetime.timedelta(days=2), "decided_by": "R"},
            "decided_on",
            "decided_in_future",
        ),
    ],
)
@pytest.mark.parametrize("status", [DecisionStatus.ADOPTED, DecisionStatus.REJECTED])
def test_p1_an_adopted_document_without_a_decision_date_is_refused_and_nothing_is_saved(
    trajectory, staff, settings, status, kwargs, field, code
):
    before = _counts(TrajectoryDocument)
    error = _refused(
        services.document_add,
        actor=staff,
        trajectory=trajectory,
        upload=pdf_upload(),
        decision_status=status,
        **kwargs,
    )
    assert (error.field, error.code) == (field, code)
    assert _counts(TrajectoryDocument) == before
    assert _stored_files(settings) == []


def test_p1_an_unknown_decision_status_is_refused(trajectory, staff):
    error = _refused(
        services.document_add,
        actor=staff,
        trajectory=trajectory,
        upload=pdf_upload(),
        decision_status="approved-ish",
    )
    assert (error.field, error.code) == ("decision_status", "invalid_choice")


def test_p1_a_submitted_document_needs_no_decision_and_keeps_none(trajectory, staff):
    document = TrajectoryDocumentFactory(trajectory=trajectory, adopted=True)
    services.document_status_set(
        actor=staff,
        document=document,
        decision_status=DecisionStatus.SUBMITTED,
        decided_on=PLAN_ADOPTED,
        decided_by="Iemand",
    )
    document.refresh_from_db()
    assert (document.decision_status, document.decided_on, document.decided_by) == (
        DecisionStatus.SUBMITTED,
        None,
        "",
    )


def test_p1_setting_the_decision_status_is_audited(trajectory, staff):
    document = TrajectoryDocumentFactory(trajectory=trajectory, submitted=True)
    services.document_status_set(
        actor=staff,
        document=document,
        decision_status=DecisionStatus.ADOPTED,
        decided_on=PLAN_ADOPTED,
        decided_by="Regiogemeenten Zuid-Limburg",
    )
    document.refresh_from_db()
    assert document.decision_status == DecisionStatus.ADOPTED
    audit = AuditEvent.objects.get(action="trajectory_document.status")
    assert audit.changes == {
        "decision_status": ["submitted", "adopted"],
        "decided_on": [None, "2023-11-01"],
        "decided_by": ["", "Regiogemeenten Zuid-Limburg"],
    }
    assert audit.target_repr == document.title


def test_p1_adopted_without_a_decision_date_leaves_the_status_as_it_was(trajectory, staff):
    document = TrajectoryDocumentFactory(trajectory=trajectory, submitted=True)
    error = _refused(
        services.document_status_set,
        actor=staff,
        document=document,
        decision_status=DecisionStatus.ADOPTED,
        decided_by="Regiogemeenten",
    )
    assert (error.field, error.code) == ("decided_on", "required")
    document.refresh_from_db()
    assert document.decision_status == DecisionStatus.SUBMITTED
    assert not AuditEvent.objects.exists()


# --- The audit trail --------------------------------------------------------------------------


def test_p1_every_write_records_one_audit_event_in_the_region(trajectory, staff):
    """Each service's action, once, with the actor and the region."""
    pillar = services.pillar_add(actor=staff, trajectory=trajectory, name="Pijler")
    services.pillar_update(actor=staff, pillar=pillar, name="Pijler 1")
    phase = services.phase_add(actor=staff, trajectory=trajectory, name="Ophalen", starts_on=START)
    services.phase_update(actor=staff, phase=phase, name="Ophalen!", starts_on=START)
    update = services.update_post(
        actor=staff, trajectory=trajectory, kind=UpdateKind.NEWS, title="Nieuws", body="Tekst."
    )
    services.update_edit(
        actor=staff, update=update, kind=UpdateKind.NEWS, title="Nieuws!", body="Tekst."
    )
    document = services.document_add(actor=staff, trajectory=trajectory, upload=pdf_upload())
    services.document_status_set(
        actor=staff, document=document, decision_status=DecisionStatus.SUBMITTED
    )
    services.trajectory_update(
        actor=staff, trajectory=trajectory, title="Nieuwe titel", starts_on=START, ends_on=END
    )
    created = services.trajectory_create(
        actor=staff, region=trajectory.region, title="Tweede", starts_on=START, ends_on=END
    )
    events = AuditEvent.objects.order_by("pk")
    assert [e.action for e in events] == [
        "pillar.add",
        "pillar.update",
        "phase.add",
        "phase.update",
        "trajectory_update.post",
        "trajectory_update.edit",
        "trajectory_document.add",
        "trajectory_document.status",
        "trajectory.update",
        "trajectory.create",
    ]
    assert {(e.actor_id, e.region_id) for e in events} == {(staff.pk, trajectory.region_id)}
    assert events.last().target_id == str(created.pk)

"""Staff pages of advice requests (S4): the list, the request's page with what the user may do,
and one page per step. Every view names its permission; a request outside the user's region,
or of a body they are not in, is 404."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm
from aantafel.meetings.pdf import pdf_response
from aantafel.meetings.services.outcomes import body_decision_rule
from aantafel.regions.decorators import region_view

from . import forms, queries, services
from .models import AdviceDocument, AdviceRequest
from .pdf import advice_pdf_bytes, advice_pdf_filename
from .permissions import (
    advice_request_get_for_user,
    advice_requests_visible_to,
    can_give,
    own_constituency_ids,
)
from .workflow import AdviceStatus, can_move


def _actions(user, advice: AdviceRequest) -> dict[str, bool]:
    """What the user may do with the request now: their permission and the status flow."""
    body = advice.body
    manage = user.has_perm("advice.manage", body)
    open_ = advice.is_open
    return {
        "edit": manage and open_,
        "document": manage and open_,
        "agenda": manage and open_ and advice.proposal_id is None,
        "record_view": open_ and user.has_perm("advice.record_view", body),
        "give": open_ and user.has_perm("advice.give", body),
        "response": can_move(advice.status, AdviceStatus.RESPONSE_RECEIVED)
        and user.has_perm("advice.respond", body),
        "follow_up": advice.status == AdviceStatus.RESPONSE_RECEIVED
        and user.has_perm("advice.respond", body),
        "close": can_move(advice.status, AdviceStatus.CLOSED)
        and user.has_perm("advice.respond", body),
        "pdf": advice.is_given,
    }


def _step(request, region, pk: int, perm: str) -> AdviceRequest:
    """The request for a step page: 404 when not visible, 403 without the permission."""
    advice = advice_request_get_for_user(request.user, region, pk)
    require_perm(request.user, perm, advice.body)
    return advice


def _posted(request, *, files: bool = False):
    """The form's data: bound on a POST, even an empty one (a form of optional fields only)."""
    if request.method != "POST":
        return (None, None) if files else None
    return (request.POST, request.FILES) if files else request.POST


def _not_now(request, region, advice: AdviceRequest):
    messages.error(request, _("This step is not possible now."))
    return redirect("advice_detail", region.slug, advice.pk)


def _step_form(request, region, advice: AdviceRequest, form, *, step: str, call, done, **context):
    """A step page: a valid POST runs the service (`call`) and goes back to the request with
    the message `done`; otherwise the form, with a refusal of the service beside its field."""
    if request.method == "POST" and form.is_valid() and call_service(form, call):
        return _done(request, region, advice, done)
    return render(
        request,
        "advice/step_form.html",
        {"form": form, "advice": advice, "step": step, **context},
    )


def _done(request, region, advice: AdviceRequest, message: str):
    messages.success(request, message)
    return redirect("advice_detail", region.slug, advice.pk)


@login_required
@region_view
def advice_list(request, region):
    """Permission: advice.view_list (region administrator and policy staff see every request of
    the region; a current member of a body sees that body's requests); any other member of the
    region 403."""
    require_perm(request.user, "advice.view_list", region)
    form = forms.AdviceFilterForm(
        request.GET or None, bodies=queries.visible_bodies(request.user, region)
    )
    requests = queries.advice_list(advice_requests_visible_to(request.user, region), form.filters())
    page = Paginator(requests, queries.PAGE_SIZE).get_page(request.GET.get("page"))
    for advice in page.object_list:
        advice.overdue = queries.is_overdue(advice)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "advice/advice_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_create": request.user.has_perm("advice.create", region),
        },
    )


@login_required
@region_view
def advice_create(request, region):
    """Permission: advice.create (region administrator, policy staff, the supporter or chair of
    a body); the body chosen must be one they may manage (advice.manage)."""
    require_perm(request.user, "advice.create", region)
    bodies = queries.creatable_bodies(request.user, region)
    form = forms.AdviceRequestForm(*_posted(request, files=True), bodies=bodies)
    if request.method == "POST" and form.is_valid():
        require_perm(request.user, "advice.manage", form.cleaned_data["body"])
        advice = call_service(
            form,
            lambda d: services.advice_request_create(
                actor=request.user,
                body=d["body"],
                requester_kind=d["requester_kind"],
                requester_name=d["requester_name"],
                requester_email=d["requester_email"],
                title=d["title"],
                question=d["question"],
                deadline=d["deadline"],
                documents=[d["document"]] if d["document"] else [],
            ),
        )
        if isinstance(advice, AdviceRequest):
            return _done(request, region, advice, _("The advice request has been saved."))
    return render(request, "advice/advice_form.html", {"form": form, "multipart": True})


@login_required
@region_view
def advice_detail(request, region, pk):
    """Permission: the region administrator and policy staff, and the current members of the
    request's body (any role); anyone else 404. The steps it links to need their own
    permission."""
    advice = advice_request_get_for_user(request.user, region, pk)
    detail = queries.advice_detail(advice)
    actions = _actions(request.user, detail.advice)
    own: set[int] | frozenset[int] = set()
    if actions["record_view"]:  # their own constituencies; a lead of the body records for all
        body = detail.advice.body
        seated = {line.constituency.pk for line in detail.lines}
        own = seated if can_give(request.user, body) else own_constituency_ids(request.user, body)
    return render(
        request,
        "advice/advice_detail.html",
        {
            "detail": detail,
            "advice": detail.advice,
            "actions": actions,
            "own_constituencies": own,
            "statuses": AdviceStatus,
        },
    )


@login_required
@region_view
def advice_edit(request, region, pk):
    """Permission: advice.manage on the request's body (region administrator, policy staff, the
    body's supporter or chair); until the advice is given."""
    advice = _step(request, region, pk, "advice.manage")
    if not advice.is_open:
        return _not_now(request, region, advice)
    form = forms.EditForm(
        _posted(request),
        initial={"title": advice.title, "question": advice.question, "deadline": advice.deadline},
    )
    return _step_form(
        request,
        region,
        advice,
        form,
        step="edit",
        call=lambda d: services.advice_request_edit(actor=request.user, advice_request=advice, **d),
        done=_("The question has been saved."),
    )


@login_required
@region_view
def advice_document_upload(request, region, pk):
    """Permission: advice.manage on the request's body; until the advice is given."""
    advice = _step(request, region, pk, "advice.manage")
    if not advice.is_open:
        return _not_now(request, region, advice)
    form = forms.DocumentForm(*_posted(request, files=True))
    return _step_form(
        request,
        region,
        advice,
        form,
        step="document",
        call=lambda d: services.advice_document_add(
            actor=request.user, advice_request=advice, upload=d["file"], title=d["title"]
        ),
        done=_("The document has been added."),
        multipart=True,
    )


@login_required
@region_view
def advice_document_download(request, region, pk, document_pk):
    """Permission: whoever sees the request (region administrator, policy staff, the current
    members of its body); anyone else 404."""
    advice = advice_request_get_for_user(request.user, region, pk)
    document = get_object_or_404(
        AdviceDocument, region=region, advice_request=advice, pk=document_pk
    )
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@region_view
def advice_view_record(request, region, pk):
    """Permission: advice.record_view on the request's body (a current member who represents a
    constituency of the body's seats, for that constituency; the body's supporter or chair, on
    behalf of any of them); until the advice is given."""
    advice = _step(request, region, pk, "advice.record_view")
    if not advice.is_open:
        return _not_now(request, region, advice)
    constituencies = queries.recordable_constituencies(request.user, advice)
    existing = {v.constituency_id: v for v in advice.views.all()}
    chosen = request.GET.get("constituency", "")
    initial: dict = {}
    first = next((c for c in constituencies if str(c.pk) == chosen), None) or (
        constituencies[0] if constituencies else None
    )
    if first is not None:
        initial["constituency"] = first.pk
        if first.pk in existing:
            initial |= {"stance": existing[first.pk].stance, "view": existing[first.pk].view}
    form = forms.ViewForm(_posted(request), constituencies=constituencies, initial=initial)
    return _step_form(
        request,
        region,
        advice,
        form,
        step="record_view",
        call=lambda d: services.advice_view_record(
            actor=request.user,
            advice_request=advice,
            constituency=d["constituency"],
            stance=d["stance"],
            view=d["view"],
        ),
        done=_("The view of the constituency has been saved."),
        no_constituency=not constituencies,
    )


@login_required
@region_view
def advice_give(request, region, pk):
    """Permission: advice.give on the request's body (its supporter or chair); until the advice
    is given. Only the chair may give it before every constituency had its say."""
    advice = _step(request, region, pk, "advice.give")
    if not advice.is_open:
        return _not_now(request, region, advice)
    rule = body_decision_rule(advice.body)
    form = forms.GiveForm(_posted(request), rule=rule)
    return _step_form(
        request,
        region,
        advice,
        form,
        step="give",
        call=lambda d: services.advice_give(
            actor=request.user, advice_request=advice, **form.service_data()
        ),
        done=_("The advice has been given."),
        rule=rule,
        lines=queries.view_lines(advice),
    )


@login_required
@region_view
def advice_response(request, region, pk):
    """Permission: advice.respond on the request's body (region administrator, policy staff,
    the body's supporter or chair); once the advice is given."""
    advice = _step(request, region, pk, "advice.respond")
    if not can_move(advice.status, AdviceStatus.RESPONSE_RECEIVED):
        return _not_now(request, region, advice)
    form = forms.ResponseForm(_posted(request))
    return _step_form(
        request,
        region,
        advice,
        form,
        step="response",
        call=lambda d: services.advice_response_record(
            actor=request.user,
            advice_request=advice,
            response=d["response"],
            reason=d["reason"],
        ),
        done=_("The response has been saved."),
    )


@login_required
@region_view
def advice_follow_up(request, region, pk):
    """Permission: advice.respond on the request's body; once the response is in, until the
    request is closed."""
    advice = _step(request, region, pk, "advice.respond")
    if advice.status != AdviceStatus.RESPONSE_RECEIVED:
        return _not_now(request, region, advice)
    form = forms.FollowUpForm(_posted(request))
    return _step_form(
        request,
        region,
        advice,
        form,
        step="follow_up",
        call=lambda d: services.advice_follow_up_add(
            actor=request.user, advice_request=advice, text=d["text"], on=d["on"]
        ),
        done=_("The follow-up has been saved."),
    )


@login_required
@region_view
def advice_close(request, region, pk):
    """Permission: advice.respond on the request's body; once the response is in."""
    advice = _step(request, region, pk, "advice.respond")
    if not can_move(advice.status, AdviceStatus.CLOSED):
        return _not_now(request, region, advice)
    form = forms.CloseForm(_posted(request))
    return _step_form(
        request,
        region,
        advice,
        form,
        step="close",
        call=lambda d: services.advice_close(
            actor=request.user, advice_request=advice, note=d["note"]
        ),
        done=_("The advice request has been closed."),
    )


@login_required
@region_view
def advice_agenda(request, region, pk):
    """Permission: advice.manage on the request's body; once, until the advice is given. The
    request becomes an item proposal of type advice (M2)."""
    advice = _step(request, region, pk, "advice.manage")
    if not advice.is_open or advice.proposal_id is not None:
        return _not_now(request, region, advice)
    form = forms.AgendaForm(
        _posted(request),
        meetings=queries.upcoming_meetings(advice),
        initial={"title": advice.title},
    )
    return _step_form(
        request,
        region,
        advice,
        form,
        step="agenda",
        call=lambda d: services.advice_put_on_agenda(
            actor=request.user, advice_request=advice, meeting=d["meeting"], title=d["title"]
        ),
        done=_("The request is on the agenda: the body's supporter has the item proposal."),
    )


@login_required
@region_view
def advice_pdf(request, region, pk):
    """Permission: whoever sees the request (region administrator, policy staff, the current
    members of its body), once the advice is given (404 before)."""
    advice = advice_request_get_for_user(request.user, region, pk)
    if not advice.is_given:
        raise Http404
    return pdf_response(advice_pdf_bytes(advice), advice_pdf_filename(advice))


StepCall = Callable[[dict], object]

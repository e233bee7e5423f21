"""Pages of M12 (written reactions, questions to the constituency) and M14 (mirroring the
parent body's items). Every view names its permission; another region's records are 404."""

import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from aantafel.bodies.models import Constituency, Membership
from aantafel.core.errors import DomainError
from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm
from aantafel.core.ratelimit import RateLimit
from aantafel.regions.decorators import region_view

from .. import services
from ..forms_participation import AnswerForm, ClientPerspectiveForm, QuestionForm, ReactionForm
from ..models import AgendaItem, ConstituencyQuestion, Meeting, Reaction
from ..permissions import SEATED_ROLES, item_get_for_user, meeting_get_for_user
from ..services._common import has_started


def _item(request, region, pk: int, item_pk: int) -> tuple[Meeting, AgendaItem]:
    meeting = meeting_get_for_user(request.user, region, pk)
    return meeting, item_get_for_user(request.user, meeting, item_pk)


def _takes_input(meeting: Meeting) -> bool:
    """M12: reactions and questions are for before the meeting."""
    return not (meeting.is_cancelled or meeting.is_held or has_started(meeting))


def _represented(user, meeting: Meeting) -> QuerySet[Constituency]:
    """The constituencies the user represents at this body's table now."""
    return Constituency.objects.filter(
        pk__in=Membership.objects.current()
        .filter(user=user, body_id=meeting.body_id, role__in=SEATED_ROLES)
        .values("constituency")
    )


def _token_key(question_pk: int) -> str:
    return f"meetings.question_token.{question_pk}"


# --- M12: reactions -----------------------------------------------------------------------------


@login_required
@region_view
def reaction_add(request, region, pk, item_pk):
    """Permission: meetings.react (a current chair, supporter or member of the body; not a
    guest)."""
    meeting, item = _item(request, region, pk, item_pk)
    require_perm(request.user, "meetings.react", item)
    form = ReactionForm(request.POST or None, constituencies=_represented(request.user, meeting))
    if request.method == "POST" and form.is_valid():
        reaction = call_service(
            form,
            lambda d: services.reaction_add(
                actor=request.user, item=item, text=d["text"], constituency=d.get("constituency")
            ),
        )
        if reaction:
            messages.success(request, _("Your reaction has been added."))
            return redirect("reaction_add", region.slug, meeting.pk, item.pk)
    reactions = item.reactions.select_related("author", "constituency")
    return render(
        request,
        "meetings/reaction_form.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "item": item,
            "form": form,
            "reactions": reactions,
            "takes_input": _takes_input(meeting),
        },
    )


@login_required
@region_view
@require_POST
def reaction_withdraw(request, region, pk, item_pk, reaction_pk):
    """Permission: meetings.react, and only the reaction's author (the service checks)."""
    meeting, item = _item(request, region, pk, item_pk)
    require_perm(request.user, "meetings.react", item)
    reaction = get_object_or_404(Reaction, item=item, pk=reaction_pk)
    try:
        services.reaction_withdraw(actor=request.user, reaction=reaction)
        messages.success(request, _("Your reaction has been withdrawn."))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("reaction_add", region.slug, meeting.pk, item.pk)


# --- M12: questions to the constituency --------------------------------------------------------


@login_required
@region_view
def question_ask(request, region, pk, item_pk):
    """Permission: meetings.react; the service allows only a member who represents a
    constituency in the body."""
    meeting, item = _item(request, region, pk, item_pk)
    require_perm(request.user, "meetings.react", item)
    represented = list(_represented(request.user, meeting))
    form = QuestionForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        result = call_service(
            form,
            lambda d: services.question_ask(
                actor=request.user, item=item, question=d["question"], closes_at=d["closes_at"]
            ),
        )
        if result:
            question, token = result
            # The link is shown once, on the next page; the session holds it only until then.
            request.session[_token_key(question.pk)] = token
            return redirect("question_detail", region.slug, meeting.pk, item.pk, question.pk)
    return render(
        request,
        "meetings/question_form.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "item": item,
            "form": form,
            "represented": represented,
            "takes_input": _takes_input(meeting) and not item.confidential,
        },
    )


@login_required
@region_view
def question_detail(request, region, pk, item_pk, question_pk):
    """Permission: meetings.react (the members at the table read the answers brought in)."""
    meeting, item = _item(request, region, pk, item_pk)
    require_perm(request.user, "meetings.react", item)
    question = get_object_or_404(
        ConstituencyQuestion.objects.select_related("asked_by", "constituency"),
        item=item,
        pk=question_pk,
    )
    question.item = item
    is_asker = question.asked_by_id == request.user.pk
    token = request.session.pop(_token_key(question.pk), None) if is_asker else None
    answers = list(question.answers.all())
    return render(
        request,
        "meetings/question_detail.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "item": item,
            "question": question,
            "answers": answers,
            "is_asker": is_asker,
            "is_open": services.question_is_open(question),
            "share_url": (
                request.build_absolute_uri(reverse("question_answer", args=[token]))
                if token
                else None
            ),
        },
    )


@login_required
@region_view
@require_POST
def question_close(request, region, pk, item_pk, question_pk):
    """Permission: meetings.react, and only the person who asked (the service checks)."""
    meeting, item = _item(request, region, pk, item_pk)
    require_perm(request.user, "meetings.react", item)
    question = get_object_or_404(ConstituencyQuestion, item=item, pk=question_pk)
    try:
        services.question_close(actor=request.user, question=question)
        messages.success(request, _("The question is closed. The link no longer takes answers."))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("question_detail", region.slug, meeting.pk, item.pk, question.pk)


# --- M14: mirroring the parent body's items ----------------------------------------------------


@login_required
@region_view
def mirror_list(request, region, pk):
    """Permission: meetings.lead_meeting (supporter, chair or region administrator)."""
    meeting = meeting_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.lead_meeting", meeting)
    can_mirror = services.can_mirror_into(meeting.body)
    sources = list(services.mirrorable_items(meeting.body).filter(region=region))
    mirrored = dict(
        AgendaItem.objects.filter(meeting=meeting, mirrors__isnull=False).values_list(
            "mirrors_id", "pk"
        )
    )
    rows = [{"source": s, "meeting": s.meeting, "mirrored_as": mirrored.get(s.pk)} for s in sources]
    advice_mirrored = dict(
        AgendaItem.objects.filter(meeting=meeting, mirrors_advice__isnull=False).values_list(
            "mirrors_advice_id", "pk"
        )
    )
    advice_rows = [
        {"request": a, "mirrored_as": advice_mirrored.get(a.pk)}
        for a in services.mirrorable_advice_requests(meeting.body).filter(region=region)
    ]
    return render(
        request,
        "meetings/mirror_list.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "can_mirror": can_mirror,
            "rows": rows,
            "advice_rows": advice_rows,
            "agenda_open": _takes_input(meeting),
        },
    )


@login_required
@region_view
@require_POST
def item_mirror(request, region, pk, source_pk):
    """Permission: meetings.lead_meeting (supporter, chair or region administrator)."""
    meeting = meeting_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.lead_meeting", meeting)
    # Only what the list offered: an item of the parent body, never a confidential one.
    source = get_object_or_404(
        services.mirrorable_items(meeting.body).filter(region=region), pk=source_pk
    )
    try:
        services.agenda_item_mirror(actor=request.user, meeting=meeting, source_item=source)
        messages.success(
            request,
            _("“%(title)s” is now on the agenda of this meeting.") % {"title": source.title},
        )
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("mirror_list", region.slug, meeting.pk)


@login_required
@region_view
@require_POST
def advice_mirror(request, region, pk, advice_pk):
    """Permission: meetings.lead_meeting (supporter, chair or region administrator)."""
    meeting = meeting_get_for_user(request.user, region, pk)
    require_perm(request.user, "meetings.lead_meeting", meeting)
    # Only what the list offered: an open advice request to the parent body.
    advice_request = get_object_or_404(
        services.mirrorable_advice_requests(meeting.body).filter(region=region), pk=advice_pk
    )
    try:
        services.advice_request_mirror(
            actor=request.user, meeting=meeting, advice_request=advice_request
        )
        messages.success(
            request,
            _("“%(title)s” is now on the agenda of this meeting.")
            % {"title": advice_request.title},
        )
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("mirror_list", region.slug, meeting.pk)


@login_required
@region_view
def client_perspective_edit(request, region, pk, item_pk):
    """Permission: meetings.lead_meeting (supporter, chair or region administrator)."""
    meeting, item = _item(request, region, pk, item_pk)
    require_perm(request.user, "meetings.lead_meeting", meeting)
    if item.mirrors_id is None and item.mirrors_advice_id is None:
        raise Http404
    source = (
        AgendaItem.objects.select_related("meeting", "meeting__body").get(pk=item.mirrors_id)
        if item.mirrors_id
        else None
    )
    form = ClientPerspectiveForm(
        request.POST or None, initial={"client_perspective": item.client_perspective}
    )
    if request.method == "POST" and form.is_valid():
        saved = call_service(
            form,
            lambda d: services.client_perspective_record(
                actor=request.user, item=item, text=d["client_perspective"]
            ),
        )
        if saved:
            messages.success(request, _("The client perspective has been saved."))
            return redirect("mirror_list", region.slug, meeting.pk)
    return render(
        request,
        "meetings/mirror_perspective.html",
        {"meeting": meeting, "body": meeting.body, "item": item, "source": source, "form": form},
    )


# --- M12: the public answer page ---------------------------------------------------------------

# Someone trying links: a few typos are human, twenty unknown links an hour is not.
QUESTION_GUESS_LIMIT = RateLimit("question_token", limit=20, window=3600)
# One link goes to a whole constituency, and a family may share one connection: generous, but
# a flood of answers from one connection is refused.
QUESTION_ANSWER_LIMIT = RateLimit("question_answer", limit=30, window=3600)


def _too_many(request, region=None):
    return _public(render(request, "components/too_many.html", {"region": region}, status=429))


def _public_question(request, token: str) -> ConstituencyQuestion:
    question = services.question_by_token(token)
    if question is None:
        QUESTION_GUESS_LIMIT.hit(request)
        raise Http404
    # The page takes the region's look and shows times in its zone, as a region page would.
    request.region = question.region
    timezone.activate(zoneinfo.ZoneInfo(question.region.timezone))
    return question


def _public(response):
    # The link is the key: keep the page out of caches and search engines, and its address out
    # of other sites' Referer. Not "no-referrer": browsers then post the form with
    # `Origin: null`, which the CSRF check must refuse.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    return response


@never_cache
def question_answer(request, token):
    """Permission: whoever holds the link (the token is the credential); no account, nothing
    asked about who answers. Limited to 20 unknown links and 30 answers per client per hour."""
    if QUESTION_GUESS_LIMIT.exceeded(request):
        return _too_many(request)
    try:
        question = _public_question(request, token)
    except Http404:
        return _public(render(request, "meetings/public/question_unknown.html", status=404))
    try:
        item = question.item
        if not services.question_is_open(question):
            return _public(
                render(request, "meetings/public/question_closed.html", {"question": question})
            )
        form = AnswerForm(request.POST or None)
        if request.method == "POST" and QUESTION_ANSWER_LIMIT.exceeded(request):
            return _too_many(request, question.region)
        if request.method == "POST" and form.is_valid():
            answer = call_service(
                form, lambda d: services.question_answer(token=token, text=d["text"])
            )
            if answer:
                QUESTION_ANSWER_LIMIT.hit(request)
                return redirect("question_thanks", token)
        return _public(
            render(
                request,
                "meetings/public/question_answer.html",
                {
                    "question": question,
                    # Questions about confidential items are refused; never show such a title.
                    "item_title": "" if item.confidential else item.title,
                    "form": form,
                },
            )
        )
    finally:
        timezone.deactivate()


@never_cache
def question_thanks(request, token):
    """Permission: whoever holds the link (the token is the credential)."""
    if QUESTION_GUESS_LIMIT.exceeded(request):
        return _too_many(request)
    try:
        question = _public_question(request, token)
    except Http404:
        return _public(render(request, "meetings/public/question_unknown.html", status=404))
    try:
        return _public(
            render(request, "meetings/public/question_thanks.html", {"question": question})
        )
    finally:
        timezone.deactivate()

"""Staff pages of experience stories (P5), under /regio/<region_slug>/verhalen/: the list with
its filters, and a story's page with the teller's original beside the public version and the
forms to publish, turn down or withdraw it, and to flag a safety concern.

Every page needs participation.manage (the region's administrator and policy staff): a story
waiting for moderation, and its teller's name and address, are not for every member of the
region. A story of another region is 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from aantafel.core.forms import call_service
from aantafel.core.permissions import require_perm
from aantafel.regions.decorators import region_view

from .forms_stories import PublishForm, RejectForm, StaffWithdrawForm, StoryFilterForm
from .models import Story, StoryStatus
from .services import stories as services

MANAGE = "participation.manage"
PAGE_SIZE = 25


def _story(region, pk: int) -> Story:
    return get_object_or_404(
        Story.objects.select_related("trajectory", "moderated_by"), region=region, pk=pk
    )


def _detail(request, story: Story, *, publish=None, reject=None, withdraw=None, status=200):
    """The story's page, with the forms as posted (a refused one shows its message)."""
    return render(
        request,
        "participation/stories/detail.html",
        {
            "story": story,
            "statuses": StoryStatus,
            "publish_form": publish or PublishForm(initial=PublishForm.initial_of(story)),
            "reject_form": reject or RejectForm(prefix="reject"),
            "withdraw_form": withdraw or StaffWithdrawForm(prefix="withdraw"),
        },
        status=status,
    )


@require_GET
@login_required
@region_view
def story_list(request, region):
    """Permission: participation.manage. The region's stories, newest first, by status and
    trajectory."""
    require_perm(request.user, MANAGE, region)
    form = StoryFilterForm(request.GET or None, region=region)
    filters = form.filters()
    stories = (
        Story.objects.filter(region=region)
        .select_related("trajectory")
        .only(
            "pk",
            "region_id",
            "title",
            "status",
            "anonymous",
            "safety_flagged",
            "created_at",
            "published_at",
            "trajectory__title",
        )
        .order_by("-created_at", "-pk")
    )
    if filters["status"]:
        stories = stories.filter(status=filters["status"])
    if filters["trajectory"] is not None:
        stories = stories.filter(trajectory=filters["trajectory"])
    page = Paginator(stories, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "participation/stories/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "waiting": Story.objects.filter(region=region, status=StoryStatus.SUBMITTED).count(),
        },
    )


@require_GET
@login_required
@region_view
def story_detail(request, region, pk):
    """Permission: participation.manage. The teller's original beside the public version, the
    teller's details, and the moderation forms."""
    require_perm(request.user, MANAGE, region)
    return _detail(request, _story(region, pk))


@require_POST
@login_required
@region_view
def story_publish(request, region, pk):
    """Permission: participation.manage. Publishes the story in the version staff checked (or
    changes the public version of a published one); a refusal shows beside its field."""
    require_perm(request.user, MANAGE, region)
    story = _story(region, pk)
    form = PublishForm(request.POST)
    if form.is_valid():
        published = call_service(
            form, lambda d: services.story_publish(actor=request.user, story=story, **d)
        )
        if published is not None:
            messages.success(request, _("The story is on the public site."))
            return redirect("story_detail", region.slug, story.pk)
    return _detail(request, story, publish=form)


@require_POST
@login_required
@region_view
def story_reject(request, region, pk):
    """Permission: participation.manage. Does not publish the story (or takes a published one
    offline), with a reason the teller reads."""
    require_perm(request.user, MANAGE, region)
    story = _story(region, pk)
    form = RejectForm(request.POST, prefix="reject")
    if form.is_valid():
        rejected = call_service(
            form,
            lambda d: services.story_reject(actor=request.user, story=story, reason=d["reason"]),
        )
        if rejected is not None:
            messages.success(request, _("The story is not published. The teller gets an e-mail."))
            return redirect("story_detail", region.slug, story.pk)
    return _detail(request, story, reject=form)


@require_POST
@login_required
@region_view
def story_withdraw_staff(request, region, pk):
    """Permission: participation.manage. Withdraws the story on the teller's behalf (e.g. they
    called), with how they asked: offline at once, text and details deleted."""
    require_perm(request.user, MANAGE, region)
    story = _story(region, pk)
    form = StaffWithdrawForm(request.POST, prefix="withdraw")
    if form.is_valid():
        withdrawn = call_service(
            form,
            lambda d: services.story_withdraw(story=story, actor=request.user, reason=d["reason"]),
        )
        if withdrawn is not None:
            messages.success(
                request, _("The story has been withdrawn and deleted. The teller gets an e-mail.")
            )
            return redirect("story_detail", region.slug, story.pk)
    return _detail(request, story, withdraw=form)

"""Staff pages of the signal loop (S1–S3): the list, the signal's page with its triage forms,
and the representative's form. Every view names its permission; a signal outside the user's
region, or not theirs to see, is 404."""

import csv
from collections.abc import Callable, Iterable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aantafel.core.errors import DomainError
from aantafel.core.forms import Form
from aantafel.core.permissions import require_perm
from aantafel.regions.decorators import region_view

from . import forms, queries, services
from .models import Signal
from .permissions import signal_get_for_user, signals_visible_to
from .similarity import similar_signals
from .workflow import SignalStatus

# A cell starting with one of these is a formula to a spreadsheet; a quote keeps it text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _run(form: Form, call: Callable[[dict], object]) -> object | None:
    """Runs a service with a valid form's data. A refusal lands beside the field that caused
    it (or above the form), with the service's error code; nothing was saved."""
    try:
        return call(form.cleaned_data)
    except DomainError as error:
        field = error.field if error.field in form.fields else None
        form.add_error(field, ValidationError(str(error.message), code=error.code))
        return None


def _list_access(request, region) -> bool:
    """True for a triager; False for a representative (who sees their own signals)."""
    if request.user.has_perm("signals.triage", region):
        return True
    if request.user.has_perm("signals.raise_for_constituency", region):
        return False
    raise PermissionDenied


@login_required
@region_view
def signal_list(request, region):
    """Permission: signals.triage (region administrator, policy staff, supporters of the
    region's bodies) sees every signal of the region; signals.raise_for_constituency (a current
    representative of a constituency) sees only the signals they brought in themselves; any
    other member of the region gets 403. A former representative reaches their own signals
    through the links in their e-mails (signal_detail)."""
    triager = _list_access(request, region)
    form = forms.SignalFilterForm(request.GET or None, region=region)
    signals = queries.signal_list(signals_visible_to(request.user, region), form.filters())
    page = Paginator(signals, queries.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "signals/signal_list.html",
        {
            "form": form,
            "page": page,
            "triager": triager,
            "query": query.urlencode(),
            "can_raise": request.user.has_perm("signals.raise_for_constituency", region),
        },
    )


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _csv(filename: str, header: list[str], rows: Iterable[list]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return response


@login_required
@region_view
def signal_export(request, region):
    """Permission: signals.triage. The filtered list as CSV, without contact addresses."""
    require_perm(request.user, "signals.triage", region)
    form = forms.SignalFilterForm(request.GET or None, region=region)
    signals = queries.signal_list(signals_visible_to(request.user, region), form.filters())
    yes, no = _("yes"), _("no")
    return _csv(
        f"signalen-{region.slug}-{timezone.localdate():%Y%m%d}.csv",
        [
            _("Number"),
            _("Brought in on"),
            _("Status"),
            _("Brought in through"),
            _("Constituency"),
            _("Themes"),
            _("Safety concern"),
            _("Same as"),
            _("E-mail left for feedback"),
            _("Text"),
        ],
        (
            [
                s.pk,
                timezone.localtime(s.created_at).date().isoformat(),
                s.get_status_display(),
                s.get_source_display(),
                s.constituency.name if s.constituency else "",
                ", ".join(t.name for t in s.themes.all()),
                yes if s.safety_concern else no,
                s.duplicate_of_id or "",
                yes if s.contact_email else no,
                s.text,
            ]
            for s in signals.iterator(chunk_size=2000)
        ),
    )


@login_required
@region_view
def signal_raise(request, region):
    """Permission: signals.raise_for_constituency (a current member of one of the region's
    bodies who represents a constituency)."""
    require_perm(request.user, "signals.raise_for_constituency", region)
    constituencies = queries.represented_constituencies(request.user, region)
    form = forms.RaiseForm(request.POST or None, constituencies=constituencies, region=region)
    if request.method == "POST" and form.is_valid():
        signal = _run(
            form,
            lambda d: services.signal_submit_for_constituency(
                actor=request.user,
                region=region,
                text=d["text"],
                constituency=d["constituency"],
                theme=d["theme"],
            ),
        )
        if isinstance(signal, Signal):
            messages.success(
                request, _("Thank you. The signal has been brought in; you can follow it here.")
            )
            return redirect("signal_detail", region.slug, signal.pk)
    return render(request, "signals/signal_raise.html", {"form": form})


# The triage forms of the signal page: the name of each form's submit button, and its class.
TRIAGE_FORMS = ("themes", "move", "table", "answer", "close", "duplicate")


def _triage_forms(region, signal: Signal, data=None, posted: str = "") -> dict[str, Form]:
    def bound(name: str):
        return data if name == posted else None

    return {
        "themes": forms.ThemesForm(
            bound("themes"),
            prefix="themes",
            region=region,
            signal=signal,
            initial={"themes": [t.pk for t in signal.themes.all()]},
        ),
        "move": forms.MoveForm(bound("move"), prefix="move", signal=signal),
        "table": forms.TableForm(
            bound("table"),
            prefix="table",
            region=region,
            initial={"title": " ".join(signal.text.split()[:10])[:200]},
        ),
        "answer": forms.AnswerForm(
            bound("answer"), prefix="answer", initial={"answer": signal.answer}
        ),
        "close": forms.CloseForm(bound("close"), prefix="close"),
        "duplicate": forms.DuplicateForm(bound("duplicate"), prefix="duplicate"),
    }


def _offered(signal: Signal) -> set[str]:
    """The forms the status flow allows now (signals.workflow.TRANSITIONS)."""
    offered = {"themes", "duplicate"}
    if forms.move_targets(signal):
        offered.add("move")
    if forms.allows(signal, SignalStatus.ON_THE_TABLE):
        offered.add("table")
    if forms.allows(signal, SignalStatus.ANSWERED):
        offered.add("answer")
    if forms.allows(signal, SignalStatus.CLOSED):
        offered.add("close")
    return offered


def _duplicate(region, user, signal: Signal, d: dict) -> Signal:
    original = queries.signal_in_region(region, d["original"])
    if original is None:
        raise DomainError(
            _("There is no signal with this number in this region."),
            field="original",
            code="unknown",
        )
    return services.signal_link_duplicate(actor=user, signal=signal, original=original)


def _service_call(request, region, signal: Signal, name: str) -> Callable[[dict], object]:
    user = request.user
    calls: dict[str, Callable[[dict], object]] = {
        "themes": lambda d: services.signal_set_themes(
            actor=user, signal=signal, themes=d["themes"]
        ),
        "move": lambda d: services.signal_move(
            actor=user, signal=signal, status=d["status"], note=d["note"]
        ),
        "table": lambda d: services.signal_put_on_table(
            actor=user, signal=signal, body=d["body"], title=d["title"], meeting=d["meeting"]
        ),
        "answer": lambda d: services.signal_answer(actor=user, signal=signal, answer=d["answer"]),
        "close": lambda d: services.signal_close(
            actor=user,
            signal=signal,
            publishable=d["publishable"],
            public_summary=d["public_summary"],
        ),
        "duplicate": lambda d: _duplicate(region, user, signal, d),
    }
    return calls[name]


DONE = {
    "themes": gettext_lazy("The themes have been saved."),
    "move": gettext_lazy("The signal has moved on."),
    "table": gettext_lazy(
        "The signal is on the table: the body's supporter has the item proposal."
    ),
    "answer": gettext_lazy("The answer has been saved. Whoever raised the signal hears of it."),
    "close": gettext_lazy("The signal has been closed."),
    "duplicate": gettext_lazy("The signal has been linked to the earlier one."),
}


@login_required
@region_view
def signal_detail(request, region, pk):
    """Permission: signals.triage (region administrator, policy staff, supporters of the
    region's bodies), or the representative who brought the signal in (read only, without
    contact address, internal notes or who did what); anyone else 404. The triage forms need
    signals.triage (403 otherwise)."""
    signal = signal_get_for_user(request.user, region, pk)
    triager = request.user.has_perm("signals.triage", region)
    posted = request.POST.get("action", "") if request.method == "POST" else ""
    if request.method == "POST":
        require_perm(request.user, "signals.triage", region)
        if posted not in TRIAGE_FORMS:
            messages.error(request, _("Choose what to do with the signal."))
            return redirect("signal_detail", region.slug, signal.pk)
    # Read once, with its themes: the forms start from what the page shows.
    detail = queries.signal_detail(signal, with_duplicates=triager)
    triage_forms = _triage_forms(region, detail.signal, request.POST, posted) if triager else {}
    offered = _offered(signal) if triager else set()
    posted_form = triage_forms.get(posted)
    if posted_form is not None:
        if posted_form.is_valid() and _run(
            posted_form, _service_call(request, region, signal, posted)
        ):
            messages.success(request, DONE[posted])
            return redirect("signal_detail", region.slug, signal.pk)
        if posted not in offered:
            # A step the flow no longer allows (the page was stale): say so above the page.
            errors = list(posted_form.non_field_errors()) or [_("This step is not possible now.")]
            for error in errors:
                messages.error(request, str(error))
    if triager and signal.duplicate_of_id is None:
        detail.similar = similar_signals(signal, limit=5)
    return render(
        request,
        "signals/signal_detail.html",
        {
            "detail": detail,
            "signal": detail.signal,
            "triager": triager,
            "forms": {name: f for name, f in triage_forms.items() if name in offered},
            "posted_form": posted_form,
            "statuses": SignalStatus,
        },
    )


@login_required
@region_view
def signal_flag_safety(request, region, pk):
    """Permission: signals.triage. A confirmation step before the safeguarding contact is
    alerted and the signal leaves every public view."""
    signal = signal_get_for_user(request.user, region, pk)
    require_perm(request.user, "signals.triage", region)
    form = forms.SafetyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _run(
            form,
            lambda d: services.signal_flag_safety(
                actor=request.user, signal=signal, note=d["note"]
            ),
        ):
            messages.success(
                request,
                _("The signal is flagged as a safety concern. The safeguarding contact is told."),
            )
            return redirect("signal_detail", region.slug, signal.pk)
    return render(
        request,
        "signals/signal_safety_confirm.html",
        {"form": form, "signal": signal, "has_contact": bool(region.safeguarding_email)},
    )

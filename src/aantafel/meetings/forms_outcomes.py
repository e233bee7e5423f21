"""Forms of what a meeting decides, the minutes and the follow-up (M7–M10). They parse input;
the services decide whether it is allowed."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.accounts.models import User
from aantafel.bodies.models import Body, Constituency, DecisionRule
from aantafel.core.forms import DateInput, Form, set_queryset
from aantafel.regions.models import PlanTheme

from .models import ActionStatus, DecisionOutcome, Stance
from .queries_follow_up import ActionFilters, DecisionFilters, member_choices
from .services.outcomes import PositionInput, allowed_outcomes

TEXTAREA = forms.Textarea(attrs={"rows": 5})
NUMBER = forms.NumberInput(attrs={"inputmode": "numeric", "min": 0})


class NotesForm(Form):
    notes = forms.CharField(
        label=_("Notes"),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        help_text=_("What was said about this item. The minutes are drafted from these notes."),
    )


class DecisionForm(Form):
    """M8: the decision and its outcome under the body's rule (votes under majority rule)."""

    text = forms.CharField(label=_("Decision"), widget=TEXTAREA)
    outcome = forms.ChoiceField(label=_("Outcome"))
    votes_for = forms.IntegerField(label=_("Votes for"), required=False, min_value=0, widget=NUMBER)
    votes_against = forms.IntegerField(
        label=_("Votes against"), required=False, min_value=0, widget=NUMBER
    )
    votes_abstained = forms.IntegerField(
        label=_("Abstentions"), required=False, min_value=0, widget=NUMBER
    )

    def __init__(self, *args, rule: str | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.rule = rule
        labels = dict(DecisionOutcome.choices)
        self.fields["outcome"].choices = [(o, labels[o]) for o in allowed_outcomes(rule)]  # type: ignore[attr-defined]
        if rule != DecisionRule.MAJORITY:
            for name in ("votes_for", "votes_against", "votes_abstained"):
                del self.fields[name]


class PositionsForm(Form):
    """M8/B6: under consensus with reservation, a stance and an explanation for each
    constituency with a seat in the body; a constituency left empty has no position on record."""

    def __init__(self, *args, constituencies: list[Constituency], **kwargs):
        kwargs.setdefault("prefix", "positions")
        super().__init__(*args, **kwargs)
        self.constituencies = constituencies
        for c in constituencies:
            self.fields[f"stance_{c.pk}"] = forms.ChoiceField(
                label=_("Position of %(name)s") % {"name": c.name},
                choices=[("", _("(no position recorded)")), *Stance.choices],
                required=False,
            )
            self.fields[f"statement_{c.pk}"] = forms.CharField(
                label=_("Explanation of %(name)s") % {"name": c.name},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )

    def positions(self) -> list[PositionInput]:
        data = self.cleaned_data
        return [
            PositionInput(c, data[f"stance_{c.pk}"], data.get(f"statement_{c.pk}", ""))
            for c in self.constituencies
            if data.get(f"stance_{c.pk}")
        ]


class PositionForm(Form):
    constituency: "forms.ModelChoiceField[Constituency]" = forms.ModelChoiceField(
        label=_("Constituency"), queryset=None
    )
    stance = forms.ChoiceField(label=_("Position"), choices=Stance.choices)
    statement = forms.CharField(label=_("Explanation"), widget=TEXTAREA, required=False)

    def __init__(self, *args, constituencies, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "constituency", constituencies)


class ActionForm(Form):
    title = forms.CharField(label=_("Action"), max_length=300)
    owner: "forms.ModelChoiceField[User]" = forms.ModelChoiceField(
        label=_("Owner"), queryset=None, required=False, empty_label=_("(choose a member)")
    )
    due_date = forms.DateField(label=_("Due date"), widget=DateInput(), required=False)
    theme: "forms.ModelChoiceField[PlanTheme]" = forms.ModelChoiceField(
        label=_("Plan theme"),
        queryset=None,
        required=False,
        empty_label=_("(no plan theme)"),
        help_text=_("The theme of the regional plan this action serves, if any."),
    )
    description = forms.CharField(label=_("Explanation"), widget=TEXTAREA, required=False)

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "owner", member_choices(body))
        set_queryset(self, "theme", PlanTheme.objects.filter(region_id=body.region_id, active=True))


class ActionStatusForm(Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ReporterForm(Form):
    reporter: "forms.ModelChoiceField[User]" = forms.ModelChoiceField(
        label=_("Reports back to the parent body"),
        queryset=None,
        required=False,
        empty_label=_("(nobody yet)"),
    )

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "reporter", member_choices(body))


class ReportBackForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Report-back"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("What the parent body should know of this meeting."),
    )


RICH_TEXT = forms.Textarea(attrs={"rows": 20, "data-rich-text": ""})
RICH_TEXT_HELP = _(
    "Headings, paragraphs, lists, bold, italics, links and tables are kept; anything else is "
    "removed when saving."
)


class MinutesForm(Form):
    text = forms.CharField(label=_("Minutes"), widget=RICH_TEXT, help_text=RICH_TEXT_HELP)
    revision = forms.IntegerField(widget=forms.HiddenInput)


class MinutesApproveForm(Form):
    amendments = forms.CharField(
        label=_("Amendments made by the meeting"),
        widget=TEXTAREA,
        required=False,
        help_text=_("Leave empty when the minutes are approved as they are."),
    )
    text = forms.CharField(
        label=_("Minutes as approved"), widget=RICH_TEXT, help_text=RICH_TEXT_HELP
    )
    revision = forms.IntegerField(widget=forms.HiddenInput)


class MinutesCorrectForm(Form):
    text = forms.CharField(label=_("Corrected minutes"), widget=RICH_TEXT, help_text=RICH_TEXT_HELP)
    reason = forms.CharField(label=_("Reason for the correction"), widget=TEXTAREA)


class ActionFilterForm(Form):
    owner: "forms.ModelChoiceField[User]" = forms.ModelChoiceField(
        label=_("Owner"), queryset=None, required=False, empty_label=_("(everyone)")
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("(any status)")), *ActionStatus.choices], required=False
    )
    theme: "forms.ModelChoiceField[PlanTheme]" = forms.ModelChoiceField(
        label=_("Plan theme"), queryset=None, required=False, empty_label=_("(any theme)")
    )
    overdue = forms.BooleanField(label=_("Only overdue actions"), required=False)

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "owner", User.objects.filter(meeting_actions__body=body).distinct())
        set_queryset(self, "theme", PlanTheme.objects.filter(region_id=body.region_id))

    def filters(self) -> ActionFilters:
        if not self.is_valid():
            return ActionFilters()
        d = self.cleaned_data
        return ActionFilters(d["owner"], d["status"], d["theme"], d["overdue"])


class DecisionFilterForm(Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("", _("(any outcome)")), *DecisionOutcome.choices],
        required=False,
    )
    text = forms.CharField(label=_("Words in the decision or item"), required=False, max_length=100)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("(every year)")), *((y, y) for y in years)]  # type: ignore[attr-defined]

    def filters(self) -> DecisionFilters:
        if not self.is_valid():
            return DecisionFilters()
        d = self.cleaned_data
        return DecisionFilters(d["year"], d["outcome"], d["text"].strip())


def default_due_date(meeting_date: datetime.date | None) -> datetime.date:
    """A month after the meeting (or today): a suggestion the chair changes."""
    return (meeting_date or timezone.localdate()) + datetime.timedelta(days=28)

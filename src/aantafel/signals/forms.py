"""Forms of the staff pages of the signal loop. They parse input; the services in services/
decide whether it is allowed."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.bodies.models import Body, Constituency
from aantafel.core.forms import Form, ReadabilityTextarea, set_queryset
from aantafel.meetings.models import Meeting
from aantafel.regions.models import PlanTheme, Region

from . import queries
from .models import MAX_TEXT, Signal, SignalSource
from .workflow import TRANSITIONS, SignalStatus

TEXTAREA = forms.Textarea(attrs={"rows": 5})
# Text the person who raised the signal reads (S3), and young people and parents on the public
# page: it shows its reading level while it is written.
CLIENT_TEXTAREA = ReadabilityTextarea(attrs={"rows": 6})


class SignalFilterForm(Form):
    YES, NO = "yes", "no"

    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("(any status)")), *SignalStatus.choices], required=False
    )
    theme: "forms.ModelChoiceField[PlanTheme]" = forms.ModelChoiceField(
        label=_("Plan theme"), queryset=None, required=False, empty_label=_("(any theme)")
    )
    source = forms.ChoiceField(
        label=_("Brought in through"),
        choices=[("", _("(any source)")), *SignalSource.choices],
        required=False,
    )
    text = forms.CharField(label=_("Words in the signal"), required=False, max_length=100)
    safety = forms.ChoiceField(
        label=_("Safety concern"),
        choices=[("", _("(all signals)")), (YES, _("only safety concerns")), (NO, _("none"))],
        required=False,
    )

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "theme", PlanTheme.objects.filter(region=region).order_by("name"))

    def filters(self) -> queries.SignalFilters:
        if not self.is_valid():
            return queries.SignalFilters()
        d = self.cleaned_data
        safety = {self.YES: True, self.NO: False}.get(d["safety"])
        return queries.SignalFilters(
            status=d["status"],
            theme=d["theme"],
            source=d["source"],
            text=d["text"].strip(),
            safety_concern=safety,
        )


class RaiseForm(Form):
    """S1: a representative brings in a signal for their constituency."""

    constituency: "forms.ModelChoiceField[Constituency]" = forms.ModelChoiceField(
        label=_("For which constituency?"), queryset=None, empty_label=None
    )
    text = forms.CharField(
        label=_("What is going on?"),
        widget=TEXTAREA,
        max_length=MAX_TEXT,
        help_text=_(
            "In the words of the people you represent. No names of young people or parents."
        ),
    )
    theme: "forms.ModelChoiceField[PlanTheme]" = forms.ModelChoiceField(
        label=_("Theme of the regional plan"),
        queryset=None,
        required=False,
        empty_label=_("(I don't know)"),
    )

    def __init__(self, *args, constituencies, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "constituency", constituencies)
        set_queryset(self, "theme", queries.theme_choices(region))


class ThemesForm(Form):
    themes: "forms.ModelMultipleChoiceField[PlanTheme]" = forms.ModelMultipleChoiceField(
        label=_("Themes of the regional plan"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, region: Region, signal: Signal, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["themes"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = queries.theme_choices(region, signal)


# The steps that need no more than a note; the others have their own form.
MOVE_TARGETS = (SignalStatus.IN_PREPARATION, SignalStatus.FOLLOW_UP)


def move_targets(signal: Signal) -> list[SignalStatus]:
    return [s for s in MOVE_TARGETS if s in TRANSITIONS.get(signal.status, set())]


def allows(signal: Signal, status: str) -> bool:
    return status in TRANSITIONS.get(signal.status, set())


class MoveForm(Form):
    status = forms.ChoiceField(label=_("Next step"), choices=(), widget=forms.RadioSelect)
    note = forms.CharField(label=_("Note"), widget=TEXTAREA, required=False)

    def __init__(self, *args, signal: Signal, **kwargs):
        super().__init__(*args, **kwargs)
        targets = move_targets(signal)
        field = self.fields["status"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(s.value, s.label) for s in targets]
        if len(targets) == 1:
            field.initial = targets[0].value


class BodyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Body) -> str:
        return obj.name


class UpcomingMeetingField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Meeting) -> str:
        when = f"{timezone.localtime(obj.starts_at):%d-%m-%Y %H:%M}"
        return f"{obj.body.name}: {when}" + (f" – {obj.title}" if obj.title else "")


class TableForm(Form):
    """S2: put the signal on the table of one of the region's bodies, as an item proposal."""

    body = BodyChoiceField(label=_("Body"), queryset=None)
    meeting = UpcomingMeetingField(
        label=_("Meeting"),
        queryset=None,
        required=False,
        empty_label=_("The next meeting that fits (the body's supporter decides)"),
        help_text=_("Only a meeting of the body chosen above."),
    )
    title = forms.CharField(label=_("Title of the agenda item"), max_length=200)

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "body", queries.table_bodies(region))
        set_queryset(self, "meeting", queries.table_meetings(region))


class AnswerForm(Form):
    answer = forms.CharField(
        label=_("Answer"),
        widget=CLIENT_TEXTAREA,
        max_length=MAX_TEXT,
        help_text=_(
            "Whoever raised the signal reads this. Write it for them: short sentences, common words."
        ),
    )


class CloseForm(Form):
    publishable = forms.BooleanField(
        label=_("May be published, anonymised, on the public page"), required=False
    )
    public_summary = forms.CharField(
        label=_("What we publish (anonymised)"),
        widget=CLIENT_TEXTAREA,
        required=False,
        max_length=MAX_TEXT,
        help_text=_(
            "Only when it may be published. Young people and parents read this: plain words, and no names, places or dates that point to a person."
        ),
    )


class DuplicateForm(Form):
    original = forms.IntegerField(
        label=_("Same as signal number"),
        min_value=1,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class SafetyForm(Form):
    note = forms.CharField(
        label=_("Note for the safeguarding contact"),
        widget=TEXTAREA,
        required=False,
        help_text=_("What you noticed. The signal's text goes with it."),
    )

"""Forms of the trajectory pages (P1). They parse input; services/trajectories.py decides whether
it is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aantafel.core.forms import DateInput, Form, ReadabilityTextarea, set_queryset

from .models import MAX_TEXT, DecisionStatus, Pillar, UpdateKind

TEXTAREA = forms.Textarea(attrs={"rows": 4})


class TrajectoryFilterForm(Form):
    published = forms.ChoiceField(
        label=_("Public site"),
        choices=[
            ("", _("(all trajectories)")),
            ("yes", _("on the public site")),
            ("no", _("not on the public site")),
        ],
        required=False,
    )

    def published_filter(self) -> bool | None:
        if not self.is_valid() or not self.cleaned_data["published"]:
            return None
        return self.cleaned_data["published"] == "yes"


class TrajectoryForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        widget=ReadabilityTextarea(attrs={"rows": 6}),
        required=False,
        max_length=MAX_TEXT,
        help_text=_("What the trajectory is for. Young people and parents read this: plain words."),
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=DateInput())
    ends_on = forms.DateField(label=_("Ends on"), widget=DateInput())
    published = forms.BooleanField(
        label=_("Show on the region's public site"),
        required=False,
    )


class PillarForm(Form):
    number = forms.IntegerField(
        label=_("Number"),
        required=False,
        min_value=1,
        help_text=_("Leave empty for the next number."),
    )
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        widget=ReadabilityTextarea(attrs={"rows": 4}),
        required=False,
        max_length=MAX_TEXT,
    )


class PhaseForm(Form):
    name = forms.CharField(
        label=_("Name"), max_length=200, help_text=_("For example: collecting input.")
    )
    description = forms.CharField(
        label=_("Description"), widget=TEXTAREA, required=False, max_length=MAX_TEXT
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=DateInput())
    ends_on = forms.DateField(
        label=_("Ends on"),
        widget=DateInput(),
        required=False,
        help_text=_("Leave empty when the phase runs until the next one starts."),
    )


class PillarChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Pillar) -> str:
        return str(obj)


class UpdateForm(Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=UpdateKind.choices, widget=forms.RadioSelect)
    pillar = PillarChoiceField(
        label=_("Pillar"),
        queryset=None,
        required=False,
        empty_label=_("(the whole trajectory)"),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        widget=ReadabilityTextarea(attrs={"rows": 10}),
        max_length=MAX_TEXT,
        help_text=_("Young people and parents read this: plain words."),
    )

    def __init__(self, *args, pillars, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "pillar", pillars)


class DecisionFields(Form):
    decision_status = forms.ChoiceField(
        label=_("Decision status"),
        choices=DecisionStatus.choices,
        initial=DecisionStatus.DRAFT,
        widget=forms.RadioSelect,
    )
    decided_on = forms.DateField(
        label=_("Decided on"),
        widget=DateInput(),
        required=False,
        help_text=_("Only when adopted or not adopted."),
    )
    decided_by = forms.CharField(
        label=_("Decided by"),
        max_length=200,
        required=False,
        help_text=_("For example: the board of the municipalities."),
    )


class DocumentForm(DecisionFields):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the name of the file."),
    )
    file = forms.FileField(label=_("File"), help_text=_("PDF, an office document or an image."))
    field_order = ["title", "file", "decision_status", "decided_on", "decided_by"]


class DocumentStatusForm(DecisionFields):
    pass

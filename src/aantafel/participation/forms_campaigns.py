"""Forms of input campaigns (P3): the staff's campaign and question forms, the answer form of
the public page (and its staff twin for paper, focus groups and events), themes and coding.
They parse input; services/campaigns.py and services/coding.py decide whether it is allowed."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aantafel.core.forms import Form, ReadabilityTextarea, set_queryset
from aantafel.meetings.forms_participation import DateTimeInput
from aantafel.regions.models import Region

from .models import (
    MAX_TEXT,
    AudienceType,
    Campaign,
    CampaignStatus,
    Event,
    Pillar,
    Question,
    QuestionKind,
    ResponseChannel,
    Trajectory,
)
from .services.campaigns import (
    HELP_MAX,
    NAME_MAX,
    OPEN_ANSWER_MAX,
    QUESTION_MAX,
    SOURCE_MAX,
    STAFF_CHANNELS,
    TITLE_MAX,
    answer_field,
)
from .services.coding import NAME_MAX as THEME_NAME_MAX

# The honeypot: a field people never see or reach. Only a robot fills it in.
HONEYPOT = "website"
# A rating question's five radio buttons, each with a visible label.
RATING_LABELS = {
    1: pgettext_lazy("rating", "1 – very bad"),
    2: pgettext_lazy("rating", "2 – bad"),
    3: pgettext_lazy("rating", "3 – okay"),
    4: pgettext_lazy("rating", "4 – good"),
    5: pgettext_lazy("rating", "5 – very good"),
}


class TrajectoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Trajectory) -> str:
        return obj.title


class PillarChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Pillar) -> str:
        return f"{obj.trajectory.title}: {obj}"


def _pillars(region: Region):
    return (
        Pillar.objects.filter(region=region)
        .select_related("trajectory")
        .order_by("trajectory__title", "number")
    )


class CampaignFilterForm(Form):
    trajectory = TrajectoryChoiceField(
        label=_("Trajectory"), queryset=None, required=False, empty_label=_("(all)")
    )
    pillar = PillarChoiceField(
        label=_("Pillar"), queryset=None, required=False, empty_label=_("(all)")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("(any status)")), *CampaignStatus.choices],
    )

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "trajectory", Trajectory.objects.filter(region=region))
        set_queryset(self, "pillar", _pillars(region))

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}


class CampaignForm(Form):
    """P3: a campaign, new or changed. The introduction is read by young people and parents: it
    shows its reading level while written."""

    trajectory = TrajectoryChoiceField(label=_("Trajectory"), queryset=None)
    pillar = PillarChoiceField(
        label=_("Pillar"), queryset=None, required=False, empty_label=_("(the whole trajectory)")
    )
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        max_length=MAX_TEXT,
        widget=ReadabilityTextarea(attrs={"rows": 4}),
        help_text=_("Why you ask and what you do with the answers. Short and in plain words."),
    )
    audiences = forms.MultipleChoiceField(
        label=_("For whom"),
        choices=AudienceType.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People say which of these they are. Results are counted per group."),
    )
    anonymous = forms.BooleanField(
        label=_("Anonymous: no name is asked or kept"), required=False, initial=True
    )
    closes_at = forms.DateTimeField(
        label=_("Closes at"),
        required=False,
        widget=DateTimeInput(),
        help_text=_("Empty: open until you close it."),
    )

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "trajectory", Trajectory.objects.filter(region=region))
        set_queryset(self, "pillar", _pillars(region))

    @staticmethod
    def initial_of(campaign: Campaign) -> dict:
        return {
            name: getattr(campaign, name)
            for name in (
                "trajectory",
                "pillar",
                "title",
                "introduction",
                "audiences",
                "anonymous",
                "closes_at",
            )
        }


class QuestionForm(Form):
    """P3: one short question. Its text shows its reading level while written."""

    kind = forms.ChoiceField(
        label=_("Kind of question"), choices=QuestionKind.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Question"),
        max_length=QUESTION_MAX,
        widget=ReadabilityTextarea(attrs={"rows": 2}),
        help_text=_("One short question a 14-year-old understands."),
    )
    help_text = forms.CharField(
        label=_("Explanation"),
        max_length=HELP_MAX,
        required=False,
        widget=ReadabilityTextarea(attrs={"rows": 2}),
        help_text=_("Only when the question needs it."),
    )
    choices = forms.CharField(
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Only for a choice: one option per line, at least two."),
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False)

    def clean_choices(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["choices"].splitlines() if line.strip()]

    @staticmethod
    def initial_of(question: Question) -> dict:
        return {
            "kind": question.kind,
            "text": question.text,
            "help_text": question.help_text,
            "choices": "\n".join(question.choices),
            "required": question.required,
        }


class AnswerForm(Form):
    """P3: the questions of a campaign on one page: radio buttons for a choice, 1 to 5 for a
    rating (radio buttons with their labels), a text box for an open question; who you are,
    and your name only when the campaign is not anonymous."""

    def __init__(self, *args, campaign: Campaign, questions: list[Question], **kwargs):
        super().__init__(*args, **kwargs)
        for question in questions:
            self.fields[answer_field(question)] = self._field(question)
        labels = dict(AudienceType.choices)
        if campaign.audiences:
            self.fields["audience"] = forms.ChoiceField(
                label=_("Who are you?"),
                choices=[(a, labels[a]) for a in campaign.audiences if a in labels],
                widget=forms.RadioSelect,
                required=self.audience_required,
                error_messages={"required": _("Tell us who you are.")},
            )
        if not campaign.anonymous:
            self.fields["respondent_name"] = forms.CharField(
                label=_("Your name"),
                max_length=NAME_MAX,
                required=False,
                widget=forms.TextInput(attrs={"autocomplete": "name"}),
            )

    audience_required = True

    @staticmethod
    def _field(question: Question) -> forms.Field:
        common: dict[str, Any] = {
            "label": question.text,
            "required": question.required,
            "help_text": question.help_text,
            "error_messages": {"required": _("This question needs an answer.")},
        }
        if question.kind == QuestionKind.CHOICE:
            return forms.ChoiceField(
                choices=[(c, c) for c in question.choices], widget=forms.RadioSelect, **common
            )
        if question.kind == QuestionKind.RATING:
            return forms.TypedChoiceField(
                choices=list(RATING_LABELS.items()),
                coerce=int,
                widget=forms.RadioSelect,
                **common,
            )
        return forms.CharField(
            max_length=OPEN_ANSWER_MAX, widget=forms.Textarea(attrs={"rows": 3}), **common
        )

    def answers(self) -> dict[str, object]:
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name.startswith("question_") and value not in (None, "")
        }

    def person(self) -> dict[str, str]:
        return {
            "audience": self.cleaned_data.get("audience") or "",
            "respondent_name": self.cleaned_data.get("respondent_name") or "",
        }


class EventChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Event) -> str:
        return f"{obj.title} ({obj.starts_at:%d-%m-%Y})"


class EnterResponseForm(AnswerForm):
    """P3: staff enter the answers of one sheet of paper, one person in a focus group or at an
    event: how it came in and where, then the answers."""

    audience_required = False

    def __init__(self, *args, campaign: Campaign, questions: list[Question], **kwargs):
        super().__init__(*args, campaign=campaign, questions=questions, **kwargs)
        channels = dict(ResponseChannel.choices)
        head = {
            "channel": forms.ChoiceField(
                label=_("How the answers were gathered"),
                choices=[(c, channels[c]) for c in STAFF_CHANNELS],
                widget=forms.RadioSelect,
            ),
            "event": EventChoiceField(
                label=_("At which event"),
                queryset=Event.objects.filter(region_id=campaign.region_id).order_by("-starts_at"),
                required=False,
                empty_label=_("(none)"),
            ),
            "source_note": forms.CharField(
                label=_("Where it was gathered"),
                max_length=SOURCE_MAX,
                required=False,
                help_text=_("For example: focus group of youth council Heerlen, 12 March."),
            ),
        }
        self.fields = {**head, **self.fields}
        if "audience" in self.fields:
            self.fields["audience"].label = _("Who answered")


class ResponseFilterForm(Form):
    channel = forms.ChoiceField(
        label=_("How it came in"),
        required=False,
        choices=[("", _("(all)")), *ResponseChannel.choices],
    )
    audience = forms.ChoiceField(
        label=_("Who"), required=False, choices=[("", _("(all)")), *AudienceType.choices]
    )

    def filters(self) -> dict[str, str]:
        if not self.is_valid():
            return {"channel": "", "audience": ""}
        return {"channel": self.cleaned_data["channel"], "audience": self.cleaned_data["audience"]}


class ThemeForm(Form):
    name = forms.CharField(label=_("Theme"), max_length=THEME_NAME_MAX)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("When an answer belongs to this theme."),
    )


class CodingFilterForm(Form):
    theme = forms.ChoiceField(label=_("Show"), required=False)

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["theme"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            ("", _("all answers")),
            ("none", _("answers without a theme")),
            *[(str(t.pk), t.name) for t in themes],
        ]

    def chosen_theme(self) -> str:
        return self.cleaned_data["theme"] if self.is_valid() else ""

"""Forms of ideas (P4): the public form to put an idea forward, the staff's filter, decline and
response forms. They parse input; services/ideas.py decides whether it is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aantafel.core.forms import Form, ReadabilityTextarea, set_queryset
from aantafel.regions.models import Region

from .forms_events import PillarChoiceField, TrajectoryChoiceField
from .models import MAX_TEXT, AudienceType, IdeaStatus, Pillar, Trajectory
from .services.ideas import NAME_MAX, TEXT_MAX, TITLE_MAX, IdeaFilters

# The honeypot: a field people never see or reach. Only a robot fills it in.
HONEYPOT = "website"


class PublicPillarField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Pillar) -> str:
        return obj.name


class IdeaSubmitForm(Form):
    """P4: put an idea forward on the public site, without an account. Plain words: a young
    person of 14 fills it in on a phone."""

    title = forms.CharField(
        label=_("Your idea in a few words"),
        max_length=TITLE_MAX,
        error_messages={"required": _("Give your idea a short title.")},
        help_text=_("For example: “A youth worker in every school”."),
    )
    text = forms.CharField(
        label=_("Tell us more"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write down your idea.")},
        help_text=_(
            "What would you like to change or keep? Why is it important? "
            "Please do not write names of other people."
        ),
    )
    pillar = PublicPillarField(
        label=_("What is it about?"),
        queryset=None,
        required=False,
        empty_label=_("I don't know"),
        help_text=_("You may skip this."),
    )
    author_audience = forms.ChoiceField(
        label=_("I am a"),
        required=False,
        choices=[("", _("I'd rather not say")), *AudienceType.choices],
    )
    author_name = forms.CharField(
        label=_("Your name or nickname"),
        required=False,
        max_length=NAME_MAX,
        help_text=_("We show it with your idea. Empty: we write “anonymous”."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    author_email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_(
            "We never show it. We only use it to tell you what happens with your idea. "
            "You may leave it empty."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        pillars = set_queryset(
            self,
            "pillar",
            Pillar.objects.filter(region=region, trajectory__published=True).order_by(
                "trajectory__title", "number"
            ),
        )
        self.has_pillars = pillars.queryset.exists()  # type: ignore[union-attr]
        if not self.has_pillars:
            del self.fields["pillar"]


class IdeaFilterForm(Form):
    """The staff list's filters."""

    q = forms.CharField(label=_("Search in title and text"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("(any status)")), *IdeaStatus.choices]
    )
    trajectory = TrajectoryChoiceField(
        label=_("Trajectory"), queryset=None, required=False, empty_label=_("(any)")
    )
    pillar = PillarChoiceField(
        label=_("Pillar"), queryset=None, required=False, empty_label=_("(any)")
    )
    responded = forms.ChoiceField(
        label=_("Response"),
        required=False,
        choices=[("", _("(with or without)")), ("yes", _("with a response")), ("no", _("without"))],
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("newest first")), ("support", _("most supported first"))],
    )

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "trajectory", Trajectory.objects.filter(region=region))
        set_queryset(
            self,
            "pillar",
            Pillar.objects.filter(region=region)
            .select_related("trajectory")
            .order_by("trajectory__title", "number"),
        )

    def filters(self) -> IdeaFilters:
        if not self.is_valid():
            return IdeaFilters()
        return IdeaFilters(
            **{
                name: self.cleaned_data[name] or "" for name in ("q", "status", "responded", "sort")
            },
            trajectory=self.cleaned_data["trajectory"],
            pillar=self.cleaned_data["pillar"],
        )


class IdeaDeclineForm(Form):
    reason = forms.CharField(
        label=_("Why is the idea not published?"),
        max_length=MAX_TEXT,
        widget=ReadabilityTextarea(attrs={"rows": 4}),
        error_messages={"required": _("Say why the idea is not published: the author reads it.")},
        help_text=_("The author reads this if they gave an e-mail address. Kind and plain words."),
    )


class IdeaResponseForm(Form):
    response = forms.CharField(
        label=_("Response of the region"),
        max_length=MAX_TEXT,
        widget=ReadabilityTextarea(attrs={"rows": 8}),
        error_messages={"required": _("Write the region's response.")},
        help_text=_(
            "Shown with the idea on the public site, with today's date. The author gets it by "
            "e-mail the first time."
        ),
    )

"""Forms of the plan's actions (P3). They parse input; services/plan.py decides whether it is
allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aantafel.core.forms import DateInput, Form, ReadabilityTextarea, set_queryset

from .models import MAX_TEXT, Pillar, PlanAction, PlanActionStatus, Theme, Trajectory
from .queries_campaigns import trajectory_themes
from .services.plan import OWNER_MAX, TITLE_MAX


class PillarChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Pillar) -> str:
        return str(obj)


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Theme) -> str:
        return f"{obj.name} ({obj.campaign.title})"


class PlanActionForm(Form):
    """P3: an action of the plan and the themes (coded input) it comes from. The plan is read
    by young people and parents too: the description shows its reading level."""

    title = forms.CharField(label=_("Action"), max_length=TITLE_MAX)
    pillar = PillarChoiceField(
        label=_("Pillar"), queryset=None, required=False, empty_label=_("(the whole trajectory)")
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=MAX_TEXT,
        widget=ReadabilityTextarea(attrs={"rows": 4}),
    )
    owner = forms.CharField(label=_("Who does it"), max_length=OWNER_MAX, required=False)
    due_on = forms.DateField(label=_("By when"), required=False, widget=DateInput())
    status = forms.ChoiceField(
        label=_("Status"),
        choices=PlanActionStatus.choices,
        initial=PlanActionStatus.PLANNED,
        widget=forms.RadioSelect,
    )
    themes = ThemeChoiceField(
        label=_("Comes from (themes of the campaigns)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The coded answers this action was built from."),
    )

    def __init__(self, *args, trajectory: Trajectory, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "pillar", Pillar.objects.filter(trajectory=trajectory))
        set_queryset(self, "themes", trajectory_themes(trajectory))

    @staticmethod
    def initial_of(action: PlanAction) -> dict:
        return {
            "title": action.title,
            "pillar": action.pillar,
            "description": action.description,
            "owner": action.owner,
            "due_on": action.due_on,
            "status": action.status,
            "themes": list(action.themes.all()),
        }

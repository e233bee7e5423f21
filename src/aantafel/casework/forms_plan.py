"""Forms of the work plan, its follow-up and the closing of a case (C6, C7, C9). They parse
input; services/plan.py and services/follow_up.py decide whether it is allowed. Goals and actions are written for the
family: their fields show the reading level (B1)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aantafel.core.forms import DateInput, Form, ReadabilityTextarea, set_queryset

from .models import MAX_TEXT, ActionOwner, Agreement, Bottleneck, Participant, PlanGoal

TEXTAREA = forms.Textarea(attrs={"rows": 4})


class DraftForm(Form):
    """C7: a new version of the plan says why."""

    reason = forms.CharField(
        label=_("Why does the plan change?"),
        widget=TEXTAREA,
        max_length=MAX_TEXT,
        required=False,
        help_text=_(
            "Every new version keeps its reason. Everyone at the table can read it, the family too."
        ),
    )

    def __init__(self, *args, first: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if first:  # the first version needs no reason
            del self.fields["reason"]


class GoalForm(Form):
    text = forms.CharField(
        label=_("Goal"),
        widget=ReadabilityTextarea(attrs={"rows": 3}),
        max_length=MAX_TEXT,
        help_text=_("What the family wants to reach, in their words. Short sentences."),
    )


class GoalChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: PlanGoal) -> str:
        text = " ".join(obj.text.split())
        return text if len(text) <= 80 else f"{text[:79]}…"


class ParticipantChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Participant) -> str:
        detail = obj.organisation or obj.get_kind_display()
        return f"{obj.name} ({detail})"


class ActionForm(Form):
    """C6: what someone takes on, by when."""

    goal = GoalChoiceField(
        label=_("For which goal"), queryset=None, required=False, empty_label=_("(no one goal)")
    )
    text = forms.CharField(
        label=_("What will be done"),
        widget=ReadabilityTextarea(attrs={"rows": 3}),
        max_length=MAX_TEXT,
        help_text=_("The family reads this. Write it in plain words."),
    )
    owner_kind = forms.ChoiceField(
        label=_("Who does it"), choices=ActionOwner.choices, widget=forms.RadioSelect
    )
    participant = ParticipantChoiceField(
        label=_("Person at the table"),
        queryset=None,
        required=False,
        empty_label=_("(nobody: an action of the young person or the parents)"),
        help_text=_("For an action of a professional or of the network: who takes it on."),
    )
    due_date = forms.DateField(label=_("By when"), widget=DateInput(), required=False)

    def __init__(self, *args, goals, participants, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "goal", goals)
        set_queryset(self, "participant", participants)


class AgreementForm(Form):
    """C6: the client's say on one action."""

    agreement = forms.ChoiceField(
        label=_("Does the client agree to this action?"),
        choices=[(Agreement.AGREED, _("Yes, agreed")), (Agreement.REFUSED, _("No, not agreed"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("The client's reason (if they want to give one)"),
        widget=TEXTAREA,
        max_length=MAX_TEXT,
        required=False,
        help_text=_(
            "Only when the client does not agree. The action stays visible outside the plan, with this reason."
        ),
    )

    def __init__(self, *args, own: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if own:  # the client answers for themselves (B1)
            self.fields["agreement"].label = _("Do you agree to this action?")
            self.fields["reason"].label = _("Your reason (if you want to give one)")
            self.fields["reason"].help_text = _(
                "Only when you do not agree. Then this action is not part of your plan."
            )


class AgreeForm(Form):
    """C6: agreeing the plan has nothing to fill in; the service checks the actions."""


class FollowUpForm(Form):
    """C7."""

    reason = forms.CharField(
        label=_("Why a follow-up consultation?"),
        widget=TEXTAREA,
        max_length=MAX_TEXT,
        help_text=_("The chair reads this and plans the consultation."),
    )


class CloseForm(Form):
    """C7/C9: the outcome, and the anonymous bottlenecks."""

    outcome = forms.CharField(
        label=_("Outcome"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MAX_TEXT,
        help_text=_("What the cliëntoverleg achieved, and how the help goes on."),
    )
    bottlenecks = forms.MultipleChoiceField(
        label=_("Bottlenecks (anonymous)"),
        choices=Bottleneck.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "What stood in the way of help for this family. The tags are anonymous: only the number "
            "of cases per tag and quarter is counted, and it reaches the policy level only when at "
            "least five cases share a tag."
        ),
    )

"""Forms parse input; the services in services/ decide whether it is allowed."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.core.forms import DateInput, Form, set_queryset

from .models import (
    Body,
    BodyType,
    Constituency,
    ConstituencyKind,
    DecisionRule,
    Membership,
    MembershipRole,
    Organisation,
    Seat,
    SeatRole,
)
from .queries import memberships_for_choice, parent_choices
from .services.memberships import MembershipTerms

TEXTAREA = forms.Textarea(attrs={"rows": 5})


class HolderChoiceField(forms.ModelChoiceField):
    """Names a seat holder with their seat, so the right person is chosen to stand in for."""

    def label_from_instance(self, obj: Membership) -> str:
        return f"{obj.user} ({obj.seat})"


class BodyForm(Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    body_type = forms.ChoiceField(label=_("Type"), choices=BodyType.choices)
    parent: "forms.ModelChoiceField[Body]" = forms.ModelChoiceField(
        label=_("Reports to"), queryset=None, required=False, empty_label=_("(no parent body)")
    )
    supporting_department = forms.CharField(
        label=_("Supported by"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the region's supporting department."),
    )
    description = forms.CharField(label=_("Description"), widget=TEXTAREA, required=False)

    agenda_lead_days = forms.IntegerField(
        label=_("Days the agenda goes out before a meeting"),
        min_value=0,
        max_value=60,
        initial=8,
        help_text=_("8 is the usual rule for councils in Flanders and the Netherlands."),
    )
    item_deadline_days = forms.IntegerField(
        label=_("Days before a meeting that item proposals close"),
        min_value=0,
        max_value=60,
        initial=10,
    )

    def __init__(self, *args, region, body=None, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "parent", parent_choices(region, exclude=body))


class TermsForm(Form):
    objectives = forms.CharField(
        label=_("Objectives"),
        widget=TEXTAREA,
        required=False,
        help_text=_("One objective per line."),
    )
    tasks = forms.CharField(label=_("Concrete tasks"), widget=TEXTAREA, required=False)
    other_themes = forms.CharField(label=_("Other themes"), widget=TEXTAREA, required=False)
    composition = forms.CharField(label=_("Composition"), widget=TEXTAREA, required=False)
    cooperation = forms.CharField(label=_("Cooperation"), widget=TEXTAREA, required=False)
    decision_rule = forms.ChoiceField(label=_("Decision rule"), choices=DecisionRule.choices)
    mandate = forms.CharField(label=_("Mandate"), widget=TEXTAREA, required=False)
    approved_by = forms.CharField(
        label=_("Approved by"), max_length=200, help_text=_("For example: IROJ Limburg.")
    )
    approved_on = forms.DateField(label=_("Approved on"), widget=DateInput())


class SeatForm(Form):
    constituency: "forms.ModelChoiceField[Constituency]" = forms.ModelChoiceField(
        label=_("Constituency or sector"), queryset=None
    )
    label = forms.CharField(
        label=_("Label"),
        max_length=150,
        required=False,
        help_text=_("Only needed when the body has two seats for the same constituency."),
    )
    places = forms.IntegerField(
        label=_("Number of places"),
        initial=1,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "constituency", Constituency.objects.filter(region=region))


class SeatPlacesForm(Form):
    places = forms.IntegerField(
        label=_("Number of places"), widget=forms.NumberInput(attrs={"inputmode": "numeric"})
    )


class InvitationForm(Form):
    full_name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(
        label=_("Role"), choices=MembershipRole.choices, initial=MembershipRole.MEMBER
    )
    seat: "forms.ModelChoiceField[Seat]" = forms.ModelChoiceField(
        label=_("Seat"), queryset=None, required=False, empty_label=_("(no seat)")
    )
    seat_role = forms.ChoiceField(
        label=_("Place in the seat"),
        required=False,
        choices=[("", _("(not in a seat)")), *SeatRole.choices],
    )
    substitute_for: "HolderChoiceField" = HolderChoiceField(
        label=_("Substitute for"),
        queryset=None,
        required=False,
        empty_label=_("(nobody)"),
        help_text=_("Only for a substitute: the holder they stand in for."),
    )
    constituency: "forms.ModelChoiceField[Constituency]" = forms.ModelChoiceField(
        label=_("Represents constituency"),
        queryset=None,
        required=False,
        help_text=_(
            "A seat holder represents the seat's constituency; you can leave this empty then."
        ),
    )
    organisation: "forms.ModelChoiceField[Organisation]" = forms.ModelChoiceField(
        label=_("Represents organisation"), queryset=None, required=False
    )
    start_date = forms.DateField(label=_("Start of term"), widget=DateInput())
    end_date = forms.DateField(label=_("End of term"), widget=DateInput(), required=False)

    def __init__(self, *args, body, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("start_date", timezone.localdate())
        super().__init__(*args, **kwargs)
        set_queryset(self, "seat", Seat.objects.filter(body=body).select_related("constituency"))
        set_queryset(self, "substitute_for", memberships_for_choice(body))
        set_queryset(self, "constituency", Constituency.objects.filter(region=body.region))
        set_queryset(self, "organisation", Organisation.objects.filter(region=body.region))

    def terms(self) -> MembershipTerms:
        data = self.cleaned_data
        assert data is not None
        return MembershipTerms(
            role=data["role"],
            start_date=data["start_date"],
            end_date=data.get("end_date"),
            constituency=data.get("constituency"),
            organisation=data.get("organisation"),
            seat=data.get("seat"),
            seat_role=data.get("seat_role") or "",
            substitute_for=data.get("substitute_for"),
        )


class MembershipEndForm(Form):
    end_date = forms.DateField(label=_("Last day of the term"), widget=DateInput())
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("end_date", timezone.localdate())
        super().__init__(*args, **kwargs)


class InitiativeForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=TEXTAREA, required=False)
    taken_on = forms.DateField(label=_("Taken on"), widget=DateInput())
    parent_informed_on = forms.DateField(
        label=_("Parent body informed on"),
        widget=DateInput(),
        required=False,
        help_text=_("Leave empty if the parent body has not been informed yet."),
    )


class InformedForm(Form):
    parent_informed_on = forms.DateField(label=_("Parent body informed on"), widget=DateInput())


class ConstituencyForm(Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    kind = forms.ChoiceField(label=_("Kind"), choices=ConstituencyKind.choices)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class OrganisationForm(Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")


class AcceptInvitationForm(Form):
    full_name = forms.CharField(label=_("Your name"), max_length=150)
    password1 = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters. Not a password you use elsewhere."),
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        if (
            data.get("password1")
            and data.get("password2")
            and data["password1"] != data["password2"]
        ):
            self.add_error("password2", _("The two passwords are not the same."))
        return data

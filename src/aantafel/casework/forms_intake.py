"""Forms of the intake (C1–C3): the public request form, taking the request in, the chair.

The rules live in services/case_request.py and services/intake.py; a refusal lands beside the field it names. The form
asks the service early about who asks (C1), so that someone who may not ask hears it with the
first submission, beside the other missing fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aantafel.accounts.models import User
from aantafel.core.errors import DomainError
from aantafel.core.forms import DateInput, Form, set_queryset

from .models import MAX_TEXT, ConsentMethod, Purpose, RequesterKind
from .services.case_request import (
    NAME_MAX,
    PHONE_MAX,
    SHORT_MAX,
    CaseRequest,
    ConsentGiver,
    check_requester_kind,
)
from .services.intake import chair_pool
from .workflow import CaseStatus

# The honeypot: a field people never see or reach. Only a robot fills it in.
HONEYPOT = "website"


def _text(
    label, *, required=None, max_length: int = SHORT_MAX, help_text="", **attrs
) -> forms.CharField:
    """A line of text; `required` is the message when it is left empty (or None: optional)."""
    return forms.CharField(
        label=label,
        required=required is not None,
        max_length=max_length,
        help_text=help_text,
        widget=forms.TextInput(attrs=attrs) if attrs else None,
        error_messages={"required": required} if required is not None else None,
    )


def _email(label, help_text=""):
    return forms.EmailField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class CaseRequestForm(Form):
    """C1, C2: the request for a cliëntoverleg, in plain language (B1). The groups of fields are
    laid out by the template, each in its own fieldset."""

    ABOUT_YOU = (
        "requester_kind",
        "requester_name",
        "requester_relation",
        "requester_organisation",
        "requester_email",
        "requester_phone",
    )
    YOUNG_PERSON = ("minor_name", "minor_birth_date", "minor_email")
    PARENTS = ("parent_name", "parent_email", "second_parent_name", "second_parent_email")
    QUESTION = ("purpose", "question", "address")
    CONSENT = ("consent_given_by", "consent_date", "consent_method")

    requester_kind = forms.ChoiceField(
        label=_("Who are you?"),
        choices=RequesterKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who you are.")},
    )
    requester_name = _text(
        _("Your name"), required=_("Fill in your name."), max_length=NAME_MAX, autocomplete="name"
    )
    requester_relation = _text(
        _("How do you know the family?"),
        help_text=_(
            "Not needed when you are the young person or a parent. For example: teacher of "
            "the young person, aunt, social worker at school."
        ),
    )
    requester_organisation = _text(
        _("Your organisation"),
        help_text=_("Only when you ask for your work."),
        autocomplete="organization",
    )
    requester_email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_(
            "We send you the reference of your request. Fill in an e-mail address or a phone number."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    requester_phone = _text(
        _("Your phone number"), max_length=PHONE_MAX, autocomplete="tel", type="tel"
    )

    minor_name = _text(
        _("Name of the young person"),
        required=_("Fill in the name of the young person."),
        max_length=NAME_MAX,
    )
    minor_birth_date = forms.DateField(
        label=_("Date of birth of the young person"),
        widget=DateInput,
        error_messages={"required": _("Fill in the date of birth of the young person.")},
    )
    minor_email = _email(
        _("E-mail address of the young person"),
        help_text=_("With this address the young person can later log in and see the case."),
    )

    parent_name = _text(
        _("Name of a parent"), required=_("Fill in the name of a parent."), max_length=NAME_MAX
    )
    parent_email = _email(
        _("E-mail address of this parent"),
        help_text=_("With this address the parent can later log in and see the case."),
    )
    second_parent_name = _text(_("Name of the second parent"), max_length=NAME_MAX)
    second_parent_email = _email(_("E-mail address of the second parent"))

    purpose = forms.ChoiceField(
        label=_("What should the cliëntoverleg help with?"),
        choices=Purpose.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what the cliëntoverleg is for.")},
    )
    question = forms.CharField(
        label=_("Your question"),
        max_length=MAX_TEXT,
        help_text=_(
            "What is going on? Who already helps? What should change? Write it in your own words."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write your question.")},
    )
    address = forms.CharField(
        label=_("Address of the family"),
        required=False,
        max_length=500,
        help_text=_("Street, number, postcode and town."),
        widget=forms.Textarea(attrs={"rows": 2, "autocomplete": "street-address"}),
    )

    consent_given_by = forms.ChoiceField(
        label=_("Who said yes to this request?"),
        choices=ConsentGiver.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "Is the young person 12 or older? Then the young person says yes. Younger than 12? "
            "Then a parent says yes."
        ),
    )
    consent_date = forms.DateField(label=_("On which day?"), required=False, widget=DateInput)
    consent_method = forms.ChoiceField(
        label=_("How did they say yes?"),
        choices=[(m.value, m.label) for m in ConsentMethod if m != ConsentMethod.ONLINE],
        required=False,
        widget=forms.RadioSelect,
    )

    def clean_requester_kind(self) -> str:
        kind = self.cleaned_data["requester_kind"]
        try:
            check_requester_kind(kind)
        except DomainError as error:
            raise forms.ValidationError(error.message, code=error.code) from error
        return kind

    def groups(self) -> list[tuple[str, list]]:
        """The bound fields per group, for the template's fieldsets."""
        return [
            (name, [self[field] for field in fields])
            for name, fields in (
                ("about_you", self.ABOUT_YOU),
                ("young_person", self.YOUNG_PERSON),
                ("parents", self.PARENTS),
                ("question", self.QUESTION),
                ("consent", self.CONSENT),
            )
        ]

    def error_summary(self) -> str:
        """Every problem at the top, each linking to its field (as components/form.html)."""
        return self.render("casework/intake/_error_summary.html")

    def request_data(self) -> CaseRequest:
        return CaseRequest.from_mapping(self.cleaned_data)


class DeclineForm(Form):
    reason = forms.CharField(
        label=_("Why is the request declined?"),
        max_length=MAX_TEXT,
        help_text=_("The reason stays with the request. Tell the requester yourself."),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say why the request is declined.")},
    )


class ChairForm(Form):
    """C3: a chair from the region's pool."""

    chair = forms.ModelChoiceField(
        label=_("Independent chair"),
        queryset=User.objects.none(),  # the region's pool, set in __init__
        empty_label=_("Choose a chair"),
        help_text=_(
            "The chair may have no other role in the care of this family: not at the table, "
            "not the requester and not the one who took the request in."
        ),
        error_messages={"required": _("Choose a chair.")},
    )

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "chair", chair_pool(region))


class CaseFilterForm(Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All statuses")), *list(CaseStatus.choices)],
        required=False,
    )

    def status_filter(self) -> str:
        return self.cleaned_data.get("status", "") if self.is_valid() else ""

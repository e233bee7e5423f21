"""Forms of the table (C4, C5) and its consultations. They parse input; the services in
services/table.py and services/consultations.py decide what is allowed, and their refusals
land beside these fields."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.core.forms import DateInput, Form, ReadabilityTextarea, set_queryset
from aantafel.meetings.forms_participation import DateTimeInput

from .models import (
    MAX_TEXT,
    Case,
    CaseClient,
    ClientRole,
    ConsentMethod,
    Consultation,
    ParticipantKind,
)
from .services.consent import consent_role_for
from .services.consultations import LOCATION_MAX
from .services.table import NAME_MAX, ORGANISATION_MAX

CONSENT_FIELDS = ("consent_given_by", "consent_method", "consent_given_at")


class ClientChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: CaseClient) -> str:  # type: ignore[override]
        return f"{obj.name} ({obj.get_role_display()})"


class ParticipantInviteForm(Form):
    """C4: who joins the table, and the clients' consent for them. Police, the public prosecutor
    and the juvenile judge are among the choices so that the refusal can say why."""

    kind = forms.ChoiceField(label=_("Takes part as"), choices=ParticipantKind.choices)
    name = forms.CharField(label=_("Name"), max_length=NAME_MAX)
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The invitation goes here. It says nothing about the family."),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=ORGANISATION_MAX,
        required=False,
        help_text=_("For a professional or an expert."),
    )
    function = forms.CharField(
        label=_("Function"),
        max_length=ORGANISATION_MAX,
        required=False,
        help_text=_("For a professional or an expert."),
    )
    is_help_coordinator = forms.BooleanField(
        label=_("This person is the help coordinator: they follow up the work plan"),
        required=False,
        help_text=_("Only a professional or an expert."),
    )
    consent_given_by = ClientChoiceField(
        label=_("Consent given by"),
        queryset=CaseClient.objects.none(),
        help_text=_("From 12 the young person gives consent themselves; below 12 a parent does."),
    )
    consent_method = forms.ChoiceField(label=_("How"), choices=ConsentMethod.choices)
    consent_given_at = forms.DateField(label=_("On"), widget=DateInput())

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        clients = list(case.clients.all())
        set_queryset(self, "consent_given_by", case.clients.all())
        today = timezone.localdate()
        minor = next((c for c in clients if c.role == ClientRole.MINOR), None)
        needed = consent_role_for(minor.birth_date if minor else None, today)
        self.fields["consent_given_by"].initial = next(
            (c.pk for c in clients if c.role == needed), None
        )
        self.fields["consent_given_at"].initial = today

    def participant_fields(self):
        return [f for f in self.visible_fields() if f.name not in CONSENT_FIELDS]

    def consent_fields(self):
        return [self[name] for name in CONSENT_FIELDS]

    def given_at(self) -> datetime.datetime:
        """The day of the consent as a moment: now for today, midday for an earlier day (a
        later day stays in the future, and the service says so)."""
        day: datetime.date = self.cleaned_data["consent_given_at"]
        if day == timezone.localdate():
            return timezone.now()
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


class ConfidentialityForm(Form):
    """C5: the participant's own acceptance."""

    accept = forms.BooleanField(
        label=_("I accept the duty of confidentiality: what I hear at this table stays there."),
        required=True,
        error_messages={"required": _("Tick the box to accept the duty of confidentiality.")},
    )


class ConsultationForm(Form):
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=DateTimeInput())
    location = forms.CharField(
        label=_("Place"),
        max_length=LOCATION_MAX,
        help_text=_("An address, or the link of an online meeting. Everyone at the table sees it."),
    )

    def __init__(self, *args, consultation: Consultation | None = None, **kwargs):
        if consultation is not None and consultation.starts_at and "initial" not in kwargs:
            kwargs["initial"] = {
                "starts_at": timezone.localtime(consultation.starts_at),
                "ends_at": timezone.localtime(consultation.ends_at),
                "location": consultation.location,
            }
        super().__init__(*args, **kwargs)


class NotesForm(Form):
    notes = forms.CharField(
        label=_("Notes of the chair"),
        max_length=MAX_TEXT,
        required=False,
        # Everyone at the table reads them, the young person and the parents too.
        widget=ReadabilityTextarea(attrs={"rows": 8, "maxlength": MAX_TEXT}),
        help_text=_("Everyone at the table reads them, the family too. Write in plain words."),
    )

"""Forms of events (P2): the staff's event form, the attendee search, and the public
registration form. They parse input; services/events.py decides whether it is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aantafel.core.forms import Form, ReadabilityTextarea, set_queryset
from aantafel.meetings.forms_participation import DateTimeInput
from aantafel.regions.models import Region

from .models import MAX_TEXT, AudienceType, Event, Pillar, Trajectory
from .services.events import ACCESSIBILITY_MAX, NAME_MAX, AttendeeFilter

# The honeypot: a field people never see or reach. Only a robot fills it in.
HONEYPOT = "website"


class TrajectoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Trajectory) -> str:
        return obj.title


class PillarChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Pillar) -> str:
        return f"{obj.trajectory.title}: {obj}"


class EventForm(Form):
    """P2: an event, new or changed. The description and programme are read by young people
    and parents: they show their reading level while written."""

    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("What is it about?"),
        required=False,
        max_length=MAX_TEXT,
        widget=ReadabilityTextarea(attrs={"rows": 5}),
        help_text=_("For the public page. Short and in plain words."),
    )
    programme = forms.CharField(
        label=_("Programme"),
        required=False,
        max_length=MAX_TEXT,
        widget=ReadabilityTextarea(attrs={"rows": 8}),
        help_text=_("One line per part, e.g. “13:00 Welcome”."),
    )
    place = forms.CharField(
        label=_("Place"), max_length=200, help_text=_("The name of the venue and the town.")
    )
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=DateTimeInput())
    capacity = forms.IntegerField(
        label=_("Capacity"), help_text=_("How many people can come. Others join the waiting list.")
    )
    audiences = forms.MultipleChoiceField(
        label=_("For whom"),
        choices=AudienceType.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "People choose one of these when they register. Attendance is counted per group."
        ),
    )
    registration_closes_at = forms.DateTimeField(
        label=_("Registration closes at"),
        required=False,
        widget=DateTimeInput(),
        help_text=_("Empty: open until the event starts."),
    )
    trajectory = TrajectoryChoiceField(
        label=_("Trajectory"), queryset=None, required=False, empty_label=_("(none)")
    )
    pillar = PillarChoiceField(
        label=_("Pillar"), queryset=None, required=False, empty_label=_("(none)")
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

    @staticmethod
    def initial_of(event: Event) -> dict:
        return {
            name: getattr(event, name)
            for name in (
                "title",
                "description",
                "programme",
                "place",
                "address",
                "starts_at",
                "ends_at",
                "capacity",
                "audiences",
                "registration_closes_at",
                "trajectory",
                "pillar",
            )
        }


class MediaForm(Form):
    media_url = forms.CharField(
        label=_("Link to the after-movie or photos"),
        required=False,
        max_length=200,
        widget=forms.URLInput(),
        help_text=_("It shows on the public page of the event. Empty removes it."),
    )


class AttendeeFilterForm(Form):
    q = forms.CharField(label=_("Search by name"), required=False, max_length=150)
    status = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            (AttendeeFilter.CURRENT, _("registered and waiting list")),
            (AttendeeFilter.CONFIRMED, _("registered")),
            (AttendeeFilter.NOT_CHECKED_IN, _("registered, not checked in yet")),
            (AttendeeFilter.CHECKED_IN, _("checked in")),
            (AttendeeFilter.WAITING, _("waiting list")),
            (AttendeeFilter.CANCELLED, _("cancelled")),
            (AttendeeFilter.ALL, _("everyone")),
        ],
    )

    def filters(self) -> dict[str, str]:
        if not self.is_valid():
            return {"q": "", "status": ""}
        return {"q": self.cleaned_data["q"], "status": self.cleaned_data["status"]}


class RegistrationForm(Form):
    """P2: register for an event on the public site, without an account."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_MAX,
        error_messages={"required": _("Fill in your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        error_messages={"required": _("Fill in your e-mail address.")},
        help_text=_("We send your registration and a link to cancel to this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    audience = forms.ChoiceField(
        label=_("I come as"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how you come.")},
    )
    accessibility_needs = forms.CharField(
        label=_("What do you need to take part?"),
        required=False,
        max_length=ACCESSIBILITY_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example: a wheelchair place, a sign language interpreter, a quiet room, "
            "or food without meat. You may leave it empty."
        ),
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(AudienceType.choices)
        field = self.fields["audience"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(a, labels[a]) for a in event.audiences if a in labels]

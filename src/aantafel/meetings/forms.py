"""Forms of the meeting pages. They parse input; the services decide what is allowed."""

import datetime

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.accounts.models import User
from aantafel.bodies.models import Body
from aantafel.core.forms import DateInput, Form, ReadabilityTextarea, set_queryset

from .models import AgendaItem, ItemType, Meeting, MeetingStatus, Presence, Response
from .services import Frequency, ItemFields, MeetingDetails

TEXTAREA = forms.Textarea(attrs={"rows": 4})


class TimeInput(forms.TimeInput):
    """A native time picker, like DateInput: accessible and without JavaScript."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class MeetingForm(Form):
    """M1: when and where. Times are in the region's zone (activated by region_view)."""

    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty for the body's name and the date."),
    )
    date = forms.DateField(label=_("Date"), widget=DateInput())
    start = forms.TimeField(label=_("Start"), widget=TimeInput())
    end = forms.TimeField(label=_("End"), widget=TimeInput())
    location = forms.CharField(label=_("Place"), max_length=300, required=False)
    online_url = forms.URLField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        help_text=_("For example the link of a Teams or Jitsi meeting."),
    )

    def details(self) -> MeetingDetails:
        d = self.cleaned_data
        starts = timezone.make_aware(datetime.datetime.combine(d["date"], d["start"]))
        ends = timezone.make_aware(datetime.datetime.combine(d["date"], d["end"]))
        return MeetingDetails(starts, ends, d["location"], d["online_url"], d["title"])

    @staticmethod
    def initial_for(meeting: Meeting) -> dict:
        start, end = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
        return {
            "title": meeting.title,
            "date": start.date(),
            "start": start.time(),
            "end": end.time(),
            "location": meeting.location,
            "online_url": meeting.online_url,
        }


class MeetingPlanForm(MeetingForm):
    repeat = forms.ChoiceField(
        label=_("Repeat"),
        choices=[
            ("", _("Once")),
            (Frequency.WEEKLY, _("Every week")),
            (Frequency.FORTNIGHTLY, _("Every two weeks")),
            (Frequency.MONTHLY, _("Every month, on the same weekday of the month")),
        ],
        required=False,
    )
    count = forms.IntegerField(
        label=_("Number of meetings in the series"),
        min_value=2,
        max_value=24,
        required=False,
        help_text=_("Only for a series."),
    )


class CancelForm(Form):
    reason = forms.CharField(
        label=_("Why is the meeting cancelled?"),
        max_length=300,
        help_text=_("Everyone invited reads this."),
    )


class ItemForm(Form):
    """M4."""

    title = forms.CharField(label=_("Title"), max_length=200)
    item_type = forms.ChoiceField(label=_("Type"), choices=ItemType.choices)
    explanation = forms.CharField(label=_("Explanation"), widget=TEXTAREA, required=False)
    presenter: "forms.ModelChoiceField[User]" = forms.ModelChoiceField(
        label=_("Presenter"), queryset=None, required=False, empty_label=_("(nobody in particular)")
    )
    duration_minutes = forms.IntegerField(
        label=_("Time (minutes)"), min_value=1, max_value=480, initial=15
    )
    client_impact = forms.CharField(
        label=_("What does this mean for clients?"),
        # Written for the client representatives and the families they speak for (B1).
        widget=ReadabilityTextarea(attrs={"rows": 4}),
        required=False,
        help_text=_("The chair fills this in for every decision and advice item."),
    )
    confidential = forms.BooleanField(
        label=_("Confidential: only members of the body see this item and its documents"),
        required=False,
    )

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(
            self,
            "presenter",
            User.objects.filter(body_memberships__body=body).distinct().order_by("full_name"),
        )

    def fields_value(self) -> ItemFields:
        d = self.cleaned_data
        return ItemFields(
            title=d["title"],
            item_type=d["item_type"],
            explanation=d["explanation"],
            presenter=d["presenter"],
            duration_minutes=d["duration_minutes"],
            confidential=d["confidential"],
            client_impact=d["client_impact"],
        )

    @staticmethod
    def initial_for(item: AgendaItem) -> dict:
        return {f: getattr(item, f) for f in ItemForm.base_fields}


class ItemAtMeetingForm(ItemForm):
    """M3."""

    approval = forms.CharField(
        label=_("How did the meeting approve adding this item?"),
        max_length=300,
        help_text=_("For example: approved by the meeting, no objections."),
    )


def _upcoming(body: Body) -> QuerySet[Meeting]:
    return Meeting.objects.filter(
        body=body,
        status__in=[MeetingStatus.PLANNED, MeetingStatus.PUBLISHED],
        starts_at__gt=timezone.now(),
    ).order_by("starts_at")


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Meeting) -> str:
        return f"{timezone.localtime(obj.starts_at):%d-%m-%Y %H:%M}" + (
            f" – {obj.title}" if obj.title else ""
        )


class ProposalForm(Form):
    """M2: a member brings in an item."""

    title = forms.CharField(label=_("Title"), max_length=200)
    explanation = forms.CharField(
        label=_("Explanation"),
        widget=TEXTAREA,
        required=False,
        help_text=_("What is it about, and what do you want the body to do with it?"),
    )
    desired_type = forms.ChoiceField(
        label=_("What should the body do with it?"),
        choices=[
            (ItemType.INFORMATION, _("Take note (information)")),
            (ItemType.DISCUSSION, _("Discuss it")),
            (ItemType.DECISION, _("Decide on it")),
            (ItemType.ADVICE, _("Give advice on it")),
        ],
        widget=forms.RadioSelect,
        initial=ItemType.DISCUSSION,
    )
    meeting = MeetingChoiceField(
        label=_("For which meeting?"),
        queryset=None,
        required=False,
        empty_label=_("The next meeting that fits (the supporter decides)"),
    )
    document = forms.FileField(
        label=_("Document (optional)"),
        required=False,
        help_text=_("PDF, an office document or an image."),
    )

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "meeting", _upcoming(body))


class ProposalDecisionForm(Form):
    """M2: accept, move or decline."""

    ACCEPT, DEFER, DECLINE = "accept", "defer", "decline"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (ACCEPT, _("Put it on the agenda of the meeting below")),
            (DEFER, _("Move it to the meeting below (or to later, if none is chosen)")),
            (DECLINE, _("Decline it")),
        ],
        widget=forms.RadioSelect,
    )
    meeting = MeetingChoiceField(label=_("Meeting"), queryset=None, required=False)
    item_type = forms.ChoiceField(
        label=_("Type on the agenda"),
        choices=[("", _("As the submitter asked")), *ItemType.choices],
        required=False,
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=TEXTAREA,
        required=False,
        help_text=_("The submitter reads this. Needed when you decline."),
    )

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "meeting", _upcoming(body))

    def clean(self):
        data = super().clean() or {}
        if data.get("decision") == self.ACCEPT and not data.get("meeting"):
            self.add_error("meeting", _("Choose the meeting to put it on."))
        return data


class DocumentForm(Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty for the file name."),
    )
    file = forms.FileField(label=_("File"), help_text=_("PDF, an office document or an image."))


class ResponseForm(Form):
    response = forms.ChoiceField(
        label=_("Are you coming?"),
        choices=[
            (Response.ATTENDING, _("Yes, I am coming")),
            (Response.APOLOGIES, _("No, I send my apologies")),
        ],
        widget=forms.RadioSelect,
    )


class PresenceForm(Form):
    """M6: one choice per person invited."""

    def __init__(self, *args, attendances, **kwargs):
        super().__init__(*args, **kwargs)
        self.attendances = attendances
        for a in attendances:
            self.fields[f"presence_{a.pk}"] = forms.ChoiceField(
                label=str(a.user),
                choices=Presence.choices,
                initial=a.presence or None,
                widget=forms.RadioSelect,
            )

    def presence(self) -> dict[int, str]:
        return {a.pk: self.cleaned_data[f"presence_{a.pk}"] for a in self.attendances}

"""Forms of the advice pages. They parse input; the services in services/ decide whether it
is allowed."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.bodies.models import Body
from aantafel.core.forms import DateInput, Form, ReadabilityTextarea, set_queryset
from aantafel.meetings.models import Meeting, Stance

from . import queries
from .models import MAX_TEXT, RequesterKind
from .workflow import AdviceResponse, AdviceStatus

TEXTAREA = forms.Textarea(attrs={"rows": 5})


class BodyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Body) -> str:
        return obj.name


class AdviceFilterForm(Form):
    body = BodyChoiceField(
        label=_("Body"), queryset=None, required=False, empty_label=_("(any body)")
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("(any status)")), *AdviceStatus.choices], required=False
    )

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "body", bodies)

    def filters(self) -> queries.AdviceFilters:
        if not self.is_valid():
            return queries.AdviceFilters()
        return queries.AdviceFilters(
            body=self.cleaned_data["body"], status=self.cleaned_data["status"]
        )


class QuestionFields(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    question = forms.CharField(
        label=_("Question to the body"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_TEXT,
    )
    deadline = forms.DateField(
        label=_("Deadline of the advice"), widget=DateInput(), help_text=_("Not in the past.")
    )


class AdviceRequestForm(QuestionFields):
    """S4: a request from the parent body or the department."""

    body = BodyChoiceField(label=_("Body asked for advice"), queryset=None)
    requester_kind = forms.ChoiceField(
        label=_("Asked by"), choices=RequesterKind.choices, widget=forms.RadioSelect
    )
    requester_name = forms.CharField(
        label=_("Name of the requester"),
        max_length=200,
        help_text=_("The parent body, the department or the person who asks."),
    )
    requester_email = forms.EmailField(
        label=_("E-mail address of the requester"),
        required=False,
        help_text=_("The advice is sent here as a PDF once it is given."),
    )
    document = forms.FileField(
        label=_("Document with the question"),
        required=False,
        help_text=_("PDF, an office document or an image. You can add more later."),
    )
    field_order = [
        "body",
        "requester_kind",
        "requester_name",
        "requester_email",
        "title",
        "question",
        "deadline",
        "document",
    ]

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "body", bodies)


class EditForm(QuestionFields):
    pass


class DocumentForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(label=_("File"), help_text=_("PDF, an office document or an image."))


class ConstituencyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class ViewForm(Form):
    """S4: one constituency's view."""

    constituency = ConstituencyChoiceField(label=_("Constituency"), queryset=None, empty_label=None)
    stance = forms.ChoiceField(
        label=_("Position"), choices=Stance.choices, widget=forms.RadioSelect
    )
    view = forms.CharField(
        label=_("The view of the constituency"),
        widget=TEXTAREA,
        max_length=MAX_TEXT,
        help_text=_("What the people you represent think of the question, and why."),
    )

    def __init__(self, *args, constituencies, **kwargs):
        super().__init__(*args, **kwargs)
        from aantafel.bodies.models import Constituency

        set_queryset(
            self,
            "constituency",
            Constituency.objects.filter(pk__in=[c.pk for c in constituencies]).order_by("name"),
        )


class GiveForm(Form):
    """S4/B6: the advice the body agreed; votes only under majority, a reason for missing views
    only under consensus with reservation."""

    advice_text = forms.CharField(
        label=_("Advice"),
        widget=ReadabilityTextarea(attrs={"rows": 10}),
        max_length=MAX_TEXT,
        help_text=_("The requester and the people the body speaks for read this: plain words."),
    )
    missing_views_reason = forms.CharField(
        label=_("Why not every constituency had its say (chair only)"),
        widget=TEXTAREA,
        required=False,
        max_length=MAX_TEXT,
    )
    votes_for = forms.IntegerField(label=_("Votes for"), min_value=0, required=False)
    votes_against = forms.IntegerField(label=_("Votes against"), min_value=0, required=False)
    votes_abstained = forms.IntegerField(label=_("Abstentions"), min_value=0, required=False)

    def __init__(self, *args, rule: str | None, **kwargs):
        super().__init__(*args, **kwargs)
        if rule != "majority":
            for name in ("votes_for", "votes_against", "votes_abstained"):
                del self.fields[name]
        if rule != "consensus_with_reservation":
            del self.fields["missing_views_reason"]

    def service_data(self) -> dict:
        d = self.cleaned_data
        return {
            "advice_text": d["advice_text"],
            "missing_views_reason": d.get("missing_views_reason", ""),
            "votes_for": d.get("votes_for"),
            "votes_against": d.get("votes_against"),
            "votes_abstained": d.get("votes_abstained"),
        }


class ResponseForm(Form):
    response = forms.ChoiceField(
        label=_("What did the requester do with the advice?"),
        choices=AdviceResponse.choices,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Why"), widget=TEXTAREA, max_length=MAX_TEXT)


class FollowUpForm(Form):
    text = forms.CharField(label=_("What was done"), widget=TEXTAREA, max_length=MAX_TEXT)
    on = forms.DateField(label=_("On"), widget=DateInput(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = timezone.localdate()


class CloseForm(Form):
    note = forms.CharField(label=_("Note"), widget=TEXTAREA, required=False, max_length=MAX_TEXT)


class UpcomingMeetingField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Meeting) -> str:
        when = f"{timezone.localtime(obj.starts_at):%d-%m-%Y %H:%M}"
        return when + (f" – {obj.title}" if obj.title else "")


class AgendaForm(Form):
    meeting = UpcomingMeetingField(
        label=_("Meeting"),
        queryset=None,
        required=False,
        empty_label=_("The next meeting that fits (the body's supporter decides)"),
    )
    title = forms.CharField(label=_("Title of the agenda item"), max_length=200)

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "meeting", meetings)

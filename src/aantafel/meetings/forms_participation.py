"""Forms of M12 (reactions, questions to the constituency) and M14 (mirroring). They parse
input; the services decide whether it is allowed."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aantafel.bodies.models import Constituency
from aantafel.core.forms import Form, ReadabilityTextarea, set_queryset

from .models import Meeting
from .services.mirror import MAX_PERSPECTIVE
from .services.reactions import MAX_ANSWER, MAX_QUESTION, MAX_REACTION


class DateTimeInput(forms.DateTimeInput):
    """A native date-and-time picker: works on phones and without JavaScript."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class ReactionForm(Form):
    text = forms.CharField(
        label=_("Your reaction"),
        max_length=MAX_REACTION,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    constituency: "forms.ModelChoiceField[Constituency]" = forms.ModelChoiceField(
        label=_("On behalf of"),
        queryset=None,
        required=False,
        empty_label=_("only myself"),
        help_text=_("Choose your constituency if you bring in its view."),
    )

    def __init__(self, *args, constituencies, **kwargs):
        super().__init__(*args, **kwargs)
        field = set_queryset(self, "constituency", constituencies)
        if not constituencies.exists():
            # Nothing to choose: the reaction is the member's own.
            del self.fields["constituency"]
        else:
            field.initial = constituencies.first()


class QuestionForm(Form):
    question = forms.CharField(
        label=_("Your question"),
        max_length=MAX_QUESTION,
        # The constituency reads it on its phone: it shows its reading level while written.
        widget=ReadabilityTextarea(attrs={"rows": 3, "maxlength": MAX_QUESTION}),
        help_text=_("Short and in plain words: anyone in your constituency should understand it."),
    )
    closes_at = forms.DateTimeField(
        label=_("Answers are possible until"),
        widget=DateTimeInput(),
        help_text=_("At the latest when the meeting starts."),
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        # A day before the meeting leaves time to read the answers; closer in, until it starts.
        day_before = meeting.starts_at - datetime.timedelta(days=1)
        default = day_before if day_before > timezone.now() else meeting.starts_at
        self.fields["closes_at"].initial = timezone.localtime(default).replace(
            second=0, microsecond=0
        )


class AnswerForm(Form):
    text = forms.CharField(
        label=_("Your answer"),
        max_length=MAX_ANSWER,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MAX_ANSWER}),
        help_text=_("Do not write your name or other personal details."),
    )


class ClientPerspectiveForm(Form):
    client_perspective = forms.CharField(
        label=_("Client perspective"),
        max_length=MAX_PERSPECTIVE,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What do young people and parents think about this item?"),
    )

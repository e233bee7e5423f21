"""The questionnaire of a client test (S5), for young people and parents on a phone: radio
buttons with words at every step, no JavaScript. The rules (target group of this test, 1–5,
lengths, no NUL) live in the service; its refusal lands beside the field."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aantafel.core.forms import Form

from .models import MAX_COMMENT, MAX_REMARKS, ClientTest, Dimension
from .questionnaire import GROUP_QUESTION, QUESTIONS, REMARKS_QUESTION, comment_field


class AnswerForm(Form):
    def __init__(self, *args, test: ClientTest, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_group"] = forms.ChoiceField(
            label=GROUP_QUESTION,
            choices=test.target_group_labels(),
            widget=forms.RadioSelect,
            error_messages={"required": _("Choose the group you belong to.")},
        )
        for question in QUESTIONS:
            self.fields[question.dimension] = forms.TypedChoiceField(
                label=question.text,
                help_text=question.hint,
                choices=[(value, label) for value, label in question.scale],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose one of the answers.")},
            )
            self.fields[comment_field(question.dimension)] = forms.CharField(
                label=gettext("Explain your answer about %(topic)s")
                % {"topic": Dimension(question.dimension).label},
                required=False,
                max_length=MAX_COMMENT,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.fields["remarks"] = forms.CharField(
            label=REMARKS_QUESTION,
            required=False,
            max_length=MAX_REMARKS,
            widget=forms.Textarea(attrs={"rows": 4}),
        )

    def questions(self):
        """The form in blocks the template shows: per question its rating and its comment."""
        return [(q, self[q.dimension], self[comment_field(q.dimension)]) for q in QUESTIONS]

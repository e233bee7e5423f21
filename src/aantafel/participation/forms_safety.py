"""The form to flag a story, idea or campaign response as a safety concern."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_TEXT


class FlagConcernForm(forms.Form):
    reason = forms.CharField(
        label=_("What worries you?"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The safeguarding contact reads this after logging in; it is not e-mailed."),
    )

from django import forms
from django.utils.translation import gettext_lazy as _

from aantafel.core.forms import DateInput, Form


class ApiTokenForm(Form):
    name = forms.CharField(label=_("What is the token for?"), max_length=100)
    expires_on = forms.DateField(label=_("Valid until"), widget=DateInput(), required=False)

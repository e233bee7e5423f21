from django import forms

from aantafel.core.forms import Form

from .models import OPTIONAL, DeliveryMode, Kind


class PreferencesForm(Form):
    """One choice per optional kind of message: at once, in a daily digest, or not at all."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in OPTIONAL:
            self.fields[str(kind)] = forms.ChoiceField(
                label=Kind(kind).label,
                choices=DeliveryMode.choices,
                widget=forms.RadioSelect,
            )

"""Forms of the register of participation initiatives (P6). They parse input;
services/register.py decides whether it is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aantafel.core.forms import Form

from .models import MAX_TEXT, InitiativeKind


class InitiativeFilterForm(Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("(all kinds)")), *InitiativeKind.choices],
        required=False,
    )
    active = forms.ChoiceField(
        label=_("Active"),
        choices=[("", _("(active or not)")), ("yes", _("active")), ("no", _("no longer active"))],
        required=False,
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        result: dict = {}
        if self.cleaned_data["kind"]:
            result["kind"] = self.cleaned_data["kind"]
        if self.cleaned_data["active"]:
            result["active"] = self.cleaned_data["active"] == "yes"
        return result


class InitiativeForm(Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=InitiativeKind.choices)
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_("The organisation the initiative belongs to, if any."),
    )
    scope = forms.CharField(
        label=_("For whom and where"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=MAX_TEXT,
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail address"), required=False)
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        help_text=_("Starts with http:// or https://."),
    )
    active = forms.BooleanField(label=_("Active"), required=False, initial=True)

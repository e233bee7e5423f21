from django import forms
from django.utils.translation import gettext_lazy as _

from aantafel.core.forms import Form

ROLE_LABELS = [
    ("admin", _("region administrator")),
    ("staff", _("policy staff")),
    ("chair", _("chair")),
    ("supporter", _("supporter")),
    ("member", _("member")),
    ("guest", _("guest")),
    ("participant", _("participant")),
]


class MfaRolesForm(Form):
    roles = forms.MultipleChoiceField(
        label=_("Roles that must use two-factor authentication"),
        choices=ROLE_LABELS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People in these roles set up an authenticator app before they can go on."),
    )

"""The public signal form (S1): for young people and parents, without an account.

The text rules (not empty, at most 5,000 characters) live in the service; its refusal lands beside
the field with the service's code (`required`, `too_long`)."""

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aantafel.core.forms import Form, set_queryset
from aantafel.regions.models import PlanTheme, Region

from .models import MAX_TEXT

# The honeypot: a field people never see or reach. Only a robot fills it in.
HONEYPOT = "website"


class PublicSignalForm(Form):
    ANONYMOUS = "anonymous"
    EMAIL = "email"

    text = forms.CharField(
        label=_("What is going on?"),
        # The service refuses an empty or too long text too (the API goes there directly); the
        # form says "required" first so the field is not marked optional.
        required=True,
        error_messages={"required": _("Write what is going on.")},
        strip=True,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    theme = forms.ModelChoiceField(
        label=_("What is it about?"),
        queryset=PlanTheme.objects.none(),
        required=False,
        empty_label=_("I don't know / no choice"),
        help_text=_("Choose a theme if one fits. Not sure? Leave it as it is."),
    )
    contact = forms.ChoiceField(
        label=_("Do you want to hear what we do with it?"),
        choices=[
            (ANONYMOUS, _("No, I stay anonymous")),
            (EMAIL, _("Yes, send it to my e-mail address")),
        ],
        initial=ANONYMOUS,
        widget=forms.RadioSelect,
    )
    contact_email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_(
            "Only if you chose “Yes” above. We use it only to tell you what happened "
            "with what you wrote."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = gettext(
            "Tell it in your own words. What happened? What would help? "
            "You can write up to %(max)s characters. You do not have to give names."
        ) % {"max": number_format(MAX_TEXT, force_grouping=True)}
        themes = PlanTheme.objects.filter(region=region, active=True).order_by("name")
        set_queryset(self, "theme", themes)
        self.has_themes = themes.exists()
        if not self.has_themes:
            del self.fields["theme"]

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("contact") == self.EMAIL:
            if not data.get("contact_email") and "contact_email" not in self.errors:
                self.add_error(
                    "contact_email",
                    forms.ValidationError(
                        _("Fill in your e-mail address, or choose to stay anonymous."),
                        code="required",
                    ),
                )
        else:
            # Anonymous means anonymous: an address typed before changing one's mind is dropped.
            data["contact_email"] = ""
            self.errors.pop("contact_email", None)
        return data

    def service_kwargs(self) -> dict:
        """What the service takes: the text, the address if one was chosen, the theme."""
        data = self.cleaned_data
        return {
            "text": data.get("text", ""),
            "contact_email": data.get("contact_email", ""),
            "theme": data.get("theme"),
        }

"""Forms of the staff pages of client tests (S5). They parse input; the services decide whether
it is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aantafel.bodies.models import Body
from aantafel.core.forms import DateInput, Form, ReadabilityTextarea, set_queryset

from .models import MAX_LABEL, MAX_LINKS_PER_BATCH, MAX_PROPOSAL, MAX_TITLE, TargetGroup


class ClientTestForm(Form):
    body: "forms.ModelChoiceField[Body]" = forms.ModelChoiceField(
        label=_("Body that runs the client test"), queryset=None
    )
    title = forms.CharField(label=_("Title"), max_length=MAX_TITLE)
    proposal = forms.CharField(
        label=_("The proposal in plain words"),
        max_length=MAX_PROPOSAL,
        help_text=_(
            "Young people and parents read this on their phone. Say what will change, for whom "
            "and from when. Short sentences, everyday words."
        ),
        # Client-facing text: its reading level shows while it is written (B1).
        widget=ReadabilityTextarea(attrs={"rows": 8}),
    )
    document_url = forms.URLField(
        label=_("Link to the full proposal"),
        required=False,
        assume_scheme="https",
        help_text=_("Where the full document is published, if it is."),
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Who do you want to hear from?"),
        choices=TargetGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Everyone who answers says which of these groups they belong to."),
    )
    closes_on = forms.DateField(label=_("Answers until"), widget=DateInput)

    def __init__(self, *args, bodies, fixed_body: Body | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if fixed_body is not None:
            # Editing: the body that runs a test does not change.
            del self.fields["body"]
        else:
            set_queryset(self, "body", bodies)


class LinksForm(Form):
    count = forms.IntegerField(
        label=_("How many links?"),
        min_value=1,
        max_value=MAX_LINKS_PER_BATCH,
        initial=10,
        help_text=_("Each link works once: make one per person you want to ask (1 to 200)."),
    )
    label = forms.CharField(
        label=_("Label"),
        max_length=MAX_LABEL,
        required=False,
        help_text=_("For you, to recognise the links later, e.g. “constituency parents”."),
    )
    expires_on = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=DateInput,
        help_text=_("Leave empty: valid until the client test closes."),
    )

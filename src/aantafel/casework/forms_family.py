"""Forms of the family's pages (C8): withdrawing consent, filtering the region's case log."""

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from aantafel.core.forms import Form

from .models import CaseLog


class ConsentWithdrawForm(Form):
    """No fields: the button is the confirmation. A form all the same, so a refusal of the
    service (already withdrawn) shows like any other form error."""


class RegionLogFilterForm(Form):
    reference = forms.CharField(
        label=_("Reference"),
        required=False,
        max_length=16,
        help_text=_("For example CO-7KQ3-M9XD."),
    )
    user = forms.CharField(
        label=_("Person"),
        required=False,
        max_length=150,
        help_text=_("A name (or part of it) or an e-mail address."),
    )

    def filter(self, lines: QuerySet[CaseLog]) -> QuerySet[CaseLog]:
        if not self.is_valid():
            return lines
        reference = self.cleaned_data["reference"].strip().upper()
        if reference:
            lines = lines.filter(case__reference=reference)
        person = self.cleaned_data["user"].strip()
        if person:
            lines = lines.filter(
                Q(user_repr__icontains=person) | Q(user__email__iexact=person.lower())
            )
        return lines

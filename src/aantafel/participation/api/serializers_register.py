"""Input and output of the register API (P6). Input is parsed here; the service decides whether
it is allowed (services/register.py: a name unique in the region, an http(s) website), so texts
pass through blank and the service's message names the field."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from aantafel.meetings.serializers._common import choice

from ..models import InitiativeKind, ParticipationInitiative


def _kind(**kwargs: Any) -> serializers.ChoiceField:
    return choice(InitiativeKind.choices, enum_name="ParticipationInitiativeKindEnum", **kwargs)


def _text(**kwargs: Any) -> serializers.CharField:
    """A text the service checks: blank passes through."""
    return serializers.CharField(allow_blank=True, trim_whitespace=False, **kwargs)


class ParticipationInitiativeSerializer(serializers.ModelSerializer):
    kind = _kind(read_only=True)

    class Meta:
        model = ParticipationInitiative
        fields = [
            "id",
            "name",
            "kind",
            "organisation",
            "scope",
            "contact_name",
            "contact_email",
            "website",
            "active",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ParticipationInitiativeFilterSerializer(serializers.Serializer):
    kind = _kind(required=False)
    active = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("true: active ones only; false: those no longer active."),
    )


class ParticipationInitiativeInputSerializer(serializers.Serializer):
    name = _text(help_text=_("Once per region (case does not count)."))
    kind = _kind()
    organisation = _text(required=False, default="")
    scope = _text(required=False, default="", help_text=_("For whom and where."))
    contact_name = _text(required=False, default="")
    contact_email = _text(required=False, default="")
    website = _text(required=False, default="", help_text=_("Starts with http:// or https://."))
    active = serializers.BooleanField(required=False, default=True)

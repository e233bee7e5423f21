"""Fields the meetings serializers share."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_choice_field
from rest_framework import serializers

from aantafel.accounts.models import User


class NamedChoiceField(serializers.ChoiceField):
    """A choice field whose choice set is one named enum of the schema. Several records of the
    cycle have a `status` (and a proposal's `desired_type` is an item type); left to
    drf-spectacular, enums are named after the field and these names would clash."""

    def __init__(self, choices: Any, *, enum_name: str, **kwargs: Any) -> None:
        self.enum_name = enum_name
        super().__init__(choices=choices, **kwargs)


class NamedChoiceFieldExtension(OpenApiSerializerFieldExtension):
    target_class = NamedChoiceField

    def get_name(self) -> str:
        return str(self.target.enum_name)

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> dict:
        schema = build_choice_field(self.target)
        schema.pop("x-spec-enum-id", None)
        return schema


def choice(choices: Any, *, enum_name: str, **kwargs: Any) -> NamedChoiceField:
    return NamedChoiceField(choices, enum_name=enum_name, **kwargs)


class BodyMemberField(serializers.PrimaryKeyRelatedField):
    """The id of a person who has (or had) a place in the body of the request."""

    default_error_messages = {"does_not_exist": _("This choice does not exist in this region.")}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(queryset=User.objects.all(), **kwargs)

    def get_queryset(self) -> Any:
        body = self.context["body"]
        return User.objects.filter(body_memberships__body=body).distinct()

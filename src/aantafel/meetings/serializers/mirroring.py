"""M14: the client representatives' consultation mirrors its parent body's items."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from aantafel.advice.models import AdviceRequest
from aantafel.bodies.serializers import BodyRefSerializer

from .. import queries_api
from ..models import AgendaItem, ItemType, Meeting
from ._common import choice


class ParentMeetingSerializer(serializers.ModelSerializer):
    body = BodyRefSerializer(read_only=True)

    class Meta:
        model = Meeting
        fields = ["id", "title", "starts_at", "body"]
        read_only_fields = fields


class MirrorableItemSerializer(serializers.ModelSerializer):
    """M14: an item of the parent body's meetings to come that this meeting may mirror."""

    item_type = choice(ItemType.choices, enum_name="ItemTypeEnum", read_only=True)
    meeting = ParentMeetingSerializer(read_only=True)
    mirrored_as = serializers.SerializerMethodField(
        help_text=_("The item of this meeting that mirrors it already, if any.")
    )

    class Meta:
        model = AgendaItem
        fields = ["id", "title", "explanation", "item_type", "meeting", "mirrored_as"]
        read_only_fields = fields

    def get_mirrored_as(self, item: AgendaItem) -> int | None:
        mirrored: dict[int, int] = self.context.get("mirrored", {})
        return mirrored.get(item.pk)


class MirrorableItemField(serializers.PrimaryKeyRelatedField):
    """The id of an item the meeting of the request may mirror (the list shows them); any other
    is unknown, a confidential one too."""

    default_error_messages = {"does_not_exist": _("This choice does not exist in this region.")}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(queryset=AgendaItem.objects.all(), **kwargs)

    def get_queryset(self) -> Any:
        return queries_api.mirrorable_for(self.context["meeting"])


class MirrorInputSerializer(serializers.Serializer):
    source_item = MirrorableItemField(help_text=_("Id of an item of the parent body's agenda."))
    client_perspective = serializers.CharField(
        required=False, allow_blank=True, default="", help_text=_("Perhaps already written.")
    )


class ClientPerspectiveInputSerializer(serializers.Serializer):
    client_perspective = serializers.CharField(
        help_text=_("The clients' view this consultation brings to the parent body's table.")
    )


class MirrorableAdviceRequestSerializer(serializers.ModelSerializer):
    """M14/S4: an advice request to the parent body, still being prepared, that this meeting
    may mirror. Only its title, question, requester and deadline: the views stay with it."""

    body = BodyRefSerializer(read_only=True)
    mirrored_as = serializers.SerializerMethodField(
        help_text=_("The item of this meeting that mirrors it already, if any.")
    )

    class Meta:
        model = AdviceRequest
        fields = ["id", "title", "question", "requester_name", "deadline", "body", "mirrored_as"]
        read_only_fields = fields

    def get_mirrored_as(self, request: AdviceRequest) -> int | None:
        mirrored: dict[int, int] = self.context.get("mirrored", {})
        return mirrored.get(request.pk)


class MirrorableAdviceRequestField(serializers.PrimaryKeyRelatedField):
    """The id of an advice request the meeting of the request may mirror; any other is unknown."""

    default_error_messages = {"does_not_exist": _("This choice does not exist in this region.")}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(queryset=AdviceRequest.objects.all(), **kwargs)

    def get_queryset(self) -> Any:
        return queries_api.mirrorable_advice_for(self.context["meeting"])


class MirrorAdviceInputSerializer(serializers.Serializer):
    advice_request = MirrorableAdviceRequestField(
        help_text=_("Id of an advice request to the parent body.")
    )

"""M3, M4, M5, M9: agenda items and their documents."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from aantafel.accounts.models import User
from aantafel.bodies.serializers import PersonSerializer
from aantafel.regions.api import RegionPrimaryKeyField

from ..models import Action, AgendaItem, Document, ItemProposal, ItemType, Meeting
from ..services import ItemFields
from ._common import BodyMemberField, choice


class DocumentSerializer(serializers.ModelSerializer):
    """A meeting document's metadata; `late`: added after the agenda went out (M5)."""

    uploaded_by: "serializers.PrimaryKeyRelatedField[User]" = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text=_("The user's id.")
    )
    download_url = serializers.SerializerMethodField(
        help_text=_(
            "Where the file is downloaded (with the same login), under the permissions of the "
            "meeting page. Empty for a proposal's document while the proposal has no meeting."
        )
    )

    class Meta:
        model = Document
        fields = [
            "id",
            "title",
            "original_name",
            "content_type",
            "size",
            "late",
            "uploaded_by",
            "created_at",
            "download_url",
        ]
        read_only_fields = fields

    def get_download_url(self, document: Document) -> str | None:
        """Reads the item or proposal the document was loaded with, never the database."""
        if document.item_id and Document.item.is_cached(document):
            meeting_id = document.item.meeting_id  # type: ignore[union-attr]
        elif document.proposal_id and Document.proposal.is_cached(document):
            meeting_id = document.proposal.meeting_id  # type: ignore[union-attr]
        else:
            meeting_id = None
        if meeting_id is None:
            return None
        path = reverse(
            "document_download",
            kwargs={
                "region_slug": self.context["region"].slug,
                "pk": meeting_id,
                "document_pk": document.pk,
            },
        )
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class AgendaItemSerializer(serializers.ModelSerializer):
    """M3, M4: one agenda item with its time slot and documents."""

    item_type = choice(ItemType.choices, enum_name="ItemTypeEnum", read_only=True)
    presenter = PersonSerializer(read_only=True, allow_null=True)
    starts_at = serializers.DateTimeField(
        source="slot_starts", read_only=True, help_text=_("Start of the item's time slot.")
    )
    ends_at = serializers.DateTimeField(
        source="slot_ends", read_only=True, help_text=_("End of the item's time slot.")
    )
    proposal: "serializers.PrimaryKeyRelatedField[ItemProposal]" = (
        serializers.PrimaryKeyRelatedField(
            read_only=True, allow_null=True, help_text=_("The proposal it came from (M2).")
        )
    )
    minutes_of: "serializers.PrimaryKeyRelatedField[Meeting]" = serializers.PrimaryKeyRelatedField(
        read_only=True,
        allow_null=True,
        help_text=_("The meeting whose minutes this item approves (M10)."),
    )
    follows_up_action: "serializers.PrimaryKeyRelatedField[Action]" = (
        serializers.PrimaryKeyRelatedField(
            read_only=True, allow_null=True, help_text=_("The action it follows up (M9).")
        )
    )
    mirrors: "serializers.PrimaryKeyRelatedField[AgendaItem]" = serializers.PrimaryKeyRelatedField(
        read_only=True,
        allow_null=True,
        help_text=_("The parent body's item this consultation's item mirrors (M14)."),
    )
    documents = DocumentSerializer(many=True, read_only=True)

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "position",
            "title",
            "explanation",
            "item_type",
            "presenter",
            "duration_minutes",
            "starts_at",
            "ends_at",
            "confidential",
            "client_impact",
            "proposal",
            "minutes_of",
            "added_at_meeting",
            "added_with_approval",
            "notes",
            "follows_up_action",
            "mirrors",
            "mirrors_advice",
            "client_perspective",
            "documents",
        ]
        read_only_fields = fields


class ItemInputSerializer(serializers.Serializer):
    """M4: what an agenda item says."""

    title = serializers.CharField(max_length=200)
    item_type = choice(ItemType.choices, enum_name="ItemTypeEnum")
    explanation = serializers.CharField(required=False, allow_blank=True, default="")
    presenter = BodyMemberField(
        required=False, allow_null=True, default=None, help_text=_("Id of a member of the body.")
    )
    duration_minutes = serializers.IntegerField(default=15, help_text=_("Between 1 and 480."))
    confidential = serializers.BooleanField(default=False)
    client_impact = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text=_("What does this mean for clients? Expected for decision and advice items."),
    )

    @staticmethod
    def fields_value(data: dict, item: AgendaItem | None = None) -> ItemFields:
        """The service's ItemFields; on a partial update the item's own values fill in."""
        names = [
            "title",
            "item_type",
            "explanation",
            "presenter",
            "duration_minutes",
            "confidential",
            "client_impact",
        ]
        values = {n: data[n] if n in data or item is None else getattr(item, n) for n in names}
        return ItemFields(**values)


class ItemAtMeetingInputSerializer(ItemInputSerializer):
    approval = serializers.CharField(
        max_length=300,
        help_text=_("How the meeting approved adding it, e.g. 'approved, no objections' (M3)."),
    )


class MoveInputSerializer(serializers.Serializer):
    direction = serializers.ChoiceField(choices=[("up", "up"), ("down", "down")])


class DocumentInputSerializer(serializers.Serializer):
    """A file in a multipart/form-data request; its type is checked by its content."""

    file = serializers.FileField()
    title = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Empty: the file's name."),
    )


class BodyActionField(RegionPrimaryKeyField):
    """The id of an action of the body of the request; one of a confidential item only for
    whoever may see that item (M4)."""

    def get_queryset(self) -> Any:
        actions = super().get_queryset().filter(body=self.context["body"])
        user = self.context["request"].user
        if not user.has_perm("meetings.view_confidential", self.context["body"]):
            actions = actions.exclude(item__confidential=True)
        return actions


class ItemFromActionInputSerializer(serializers.Serializer):
    action = BodyActionField(
        queryset=Action.objects.all(), help_text=_("Id of an open action of the body (M9).")
    )

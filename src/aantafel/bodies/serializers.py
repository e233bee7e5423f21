"""Serializers of the bodies API: `*Input` parse a request (ids are looked up within the region,
rules are left to the services), the others write a response. Output reads only what the queries
in queries.py have loaded, so the number of queries does not grow with the data."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from aantafel.accounts.models import User
from aantafel.regions.api import RegionPrimaryKeyField

from .models import (
    Body,
    BodyType,
    Constituency,
    ConstituencyKind,
    DecisionRule,
    Initiative,
    Invitation,
    Membership,
    MembershipRole,
    Organisation,
    Seat,
    SeatRole,
    TermsOfReference,
)
from .services.memberships import MembershipTerms

# --- Output: small references ---------------------------------------------------------------------


class PersonSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = User
        fields = ["id", "name"]
        read_only_fields = fields


class BodyRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Body
        fields = ["id", "name"]
        read_only_fields = fields


class ConstituencyRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Constituency
        fields = ["id", "name", "kind"]
        read_only_fields = fields


class OrganisationRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name"]
        read_only_fields = fields


class SeatRefSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = Seat
        fields = ["id", "name"]
        read_only_fields = fields


class MembershipRefSerializer(serializers.ModelSerializer):
    user = PersonSerializer(read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "user"]
        read_only_fields = fields


# --- Output: records ------------------------------------------------------------------------------


class ConstituencySerializer(serializers.ModelSerializer):
    class Meta:
        model = Constituency
        fields = ["id", "name", "kind", "description"]
        read_only_fields = fields


class OrganisationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name", "website"]
        read_only_fields = fields


class TermsSerializer(serializers.ModelSerializer):
    """B3: one version of the terms of reference."""

    recorded_by = PersonSerializer(read_only=True, allow_null=True)

    class Meta:
        model = TermsOfReference
        fields = [
            "version",
            "objectives",
            "tasks",
            "other_themes",
            "composition",
            "cooperation",
            "decision_rule",
            "mandate",
            "approved_by",
            "approved_on",
            "recorded_by",
            "created_at",
        ]
        read_only_fields = fields


class TermsVersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = TermsOfReference
        fields = ["version", "decision_rule", "approved_by", "approved_on"]
        read_only_fields = fields


class MembershipSerializer(serializers.ModelSerializer):
    """B5: a person's place in the body for a term; ended ones stay as history."""

    user = PersonSerializer(read_only=True)
    constituency = ConstituencyRefSerializer(read_only=True, allow_null=True)
    organisation = OrganisationRefSerializer(read_only=True, allow_null=True)
    seat = SeatRefSerializer(read_only=True, allow_null=True)
    substitute_for = MembershipRefSerializer(read_only=True, allow_null=True)
    is_current = serializers.BooleanField(read_only=True)

    class Meta:
        model = Membership
        fields = [
            "id",
            "user",
            "role",
            "constituency",
            "organisation",
            "seat",
            "seat_role",
            "substitute_for",
            "start_date",
            "end_date",
            "end_reason",
            "is_current",
        ]
        read_only_fields = fields


class SeatHolderSerializer(serializers.ModelSerializer):
    user = PersonSerializer(read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "user", "start_date", "end_date"]
        read_only_fields = fields


class SeatSerializer(serializers.Serializer):
    """B4: a seat with its current holders and substitutes, and how many places are vacant.
    Written from a queries.SeatFilling."""

    id = serializers.IntegerField(source="seat.pk", read_only=True)
    constituency = ConstituencyRefSerializer(source="seat.constituency", read_only=True)
    label = serializers.CharField(source="seat.label", read_only=True)  # type: ignore[assignment]
    places = serializers.IntegerField(source="seat.places", read_only=True)
    filled = serializers.SerializerMethodField(help_text=_("Places taken by a current holder."))
    vacant = serializers.IntegerField(read_only=True)
    holders = SeatHolderSerializer(many=True, read_only=True)
    substitutes = SeatHolderSerializer(many=True, read_only=True)

    def get_filled(self, filling) -> int:
        return len(filling.holders)


class InitiativeSerializer(serializers.ModelSerializer):
    """B7."""

    registered_by: "serializers.PrimaryKeyRelatedField[User]" = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True
    )

    class Meta:
        model = Initiative
        fields = [
            "id",
            "title",
            "description",
            "taken_on",
            "parent_informed_on",
            "registered_by",
            "created_at",
        ]
        read_only_fields = fields


class InvitationSerializer(serializers.ModelSerializer):
    """An invitation to join the body. The link's token is never shown, nor its hash."""

    constituency: "serializers.PrimaryKeyRelatedField[Constituency]" = (
        serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    )
    organisation: "serializers.PrimaryKeyRelatedField[Organisation]" = (
        serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    )
    seat: "serializers.PrimaryKeyRelatedField[Seat]" = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True
    )
    substitute_for: "serializers.PrimaryKeyRelatedField[Membership]" = (
        serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    )
    invited_by: "serializers.PrimaryKeyRelatedField[User]" = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True
    )
    is_open = serializers.BooleanField(
        read_only=True, help_text=_("Neither accepted, withdrawn nor expired.")
    )

    class Meta:
        model = Invitation
        fields = [
            "id",
            "email",
            "full_name",
            "role",
            "constituency",
            "organisation",
            "seat",
            "seat_role",
            "substitute_for",
            "start_date",
            "end_date",
            "invited_by",
            "created_at",
            "expires_at",
            "accepted_at",
            "revoked_at",
            "is_open",
        ]
        read_only_fields = fields


class BodySerializer(serializers.ModelSerializer):
    """B2, B4: a body in the region's list, with its members and seat filling."""

    parent = BodyRefSerializer(read_only=True, allow_null=True)
    member_count = serializers.IntegerField(read_only=True)
    seat_places = serializers.IntegerField(read_only=True)
    seats_filled = serializers.IntegerField(read_only=True)
    seats_vacant = serializers.SerializerMethodField()

    class Meta:
        model = Body
        fields = [
            "id",
            "name",
            "body_type",
            "parent",
            "supporting_department",
            "description",
            "agenda_lead_days",
            "item_deadline_days",
            "member_count",
            "seat_places",
            "seats_filled",
            "seats_vacant",
        ]
        read_only_fields = fields

    def get_seats_vacant(self, body) -> int:
        return max(body.seat_places - body.seats_filled, 0)


class BodyPermissionsSerializer(serializers.Serializer):
    """What the caller may do with this body (the buttons the page shows)."""

    manage = serializers.BooleanField(
        read_only=True, help_text=_("bodies.manage_body: terms, seats, members, invitations")
    )
    change = serializers.BooleanField(read_only=True, help_text=_("bodies.change_body"))
    add_initiative = serializers.BooleanField(read_only=True, help_text=_("bodies.add_initiative"))


class BodyDetailSerializer(serializers.Serializer):
    """B2–B7: everything the body's page shows. Written from a queries.BodyDetail; the caller's
    permissions are set on it as `permissions`."""

    id = serializers.IntegerField(source="body.pk", read_only=True)
    name = serializers.CharField(source="body.name", read_only=True)
    body_type = serializers.ChoiceField(
        source="body.body_type", choices=BodyType.choices, read_only=True
    )
    parent = BodyRefSerializer(source="body.parent", read_only=True, allow_null=True)
    supporting_department = serializers.CharField(
        source="body.supporting_department", read_only=True
    )
    description = serializers.CharField(source="body.description", read_only=True)
    agenda_lead_days = serializers.IntegerField(source="body.agenda_lead_days", read_only=True)
    item_deadline_days = serializers.IntegerField(source="body.item_deadline_days", read_only=True)
    current_terms = TermsSerializer(read_only=True, allow_null=True)
    terms_versions = TermsVersionSerializer(source="terms", many=True, read_only=True)
    places_total = serializers.IntegerField(read_only=True)
    places_vacant = serializers.IntegerField(read_only=True)
    seats = SeatSerializer(many=True, read_only=True)
    current_members = MembershipSerializer(many=True, read_only=True)
    future_members = MembershipSerializer(
        many=True, read_only=True, help_text=_("Members whose term starts later.")
    )
    initiatives = InitiativeSerializer(many=True, read_only=True)
    open_invitations = InvitationSerializer(
        many=True,
        read_only=True,
        help_text=_("Only for whoever may manage the body; empty for others."),
    )
    permissions = BodyPermissionsSerializer(read_only=True)


# --- Input ----------------------------------------------------------------------------------------


class BodyInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    body_type = serializers.ChoiceField(choices=BodyType.choices)
    # `label` and `parent` are attributes of a Field too; DRF takes declared fields off the class.
    parent = RegionPrimaryKeyField(  # type: ignore[assignment]
        queryset=Body.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Id of the body it reports to."),
    )
    supporting_department = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Empty: the region's supporting department."),
    )
    description = serializers.CharField(required=False, allow_blank=True, default="")
    agenda_lead_days = serializers.IntegerField(
        min_value=0,
        max_value=60,
        required=False,
        default=8,
        help_text=_("M5: days before a meeting that the agenda and documents go out."),
    )
    item_deadline_days = serializers.IntegerField(
        min_value=0,
        max_value=60,
        required=False,
        default=10,
        help_text=_("M2: days before a meeting that item proposals close."),
    )


class TermsInputSerializer(serializers.Serializer):
    objectives = serializers.CharField(required=False, allow_blank=True, default="")
    tasks = serializers.CharField(required=False, allow_blank=True, default="")
    other_themes = serializers.CharField(required=False, allow_blank=True, default="")
    composition = serializers.CharField(required=False, allow_blank=True, default="")
    cooperation = serializers.CharField(required=False, allow_blank=True, default="")
    decision_rule = serializers.ChoiceField(choices=DecisionRule.choices)
    mandate = serializers.CharField(required=False, allow_blank=True, default="")
    approved_by = serializers.CharField(max_length=200, help_text=_("For example: IROJ Limburg."))
    approved_on = serializers.DateField()


class SeatInputSerializer(serializers.Serializer):
    constituency = RegionPrimaryKeyField(queryset=Constituency.objects.all())
    label = serializers.CharField(  # type: ignore[assignment]
        max_length=150, required=False, allow_blank=True, default=""
    )
    places = serializers.IntegerField(default=1, help_text=_("At least 1, at most 100."))


class SeatUpdateInputSerializer(serializers.Serializer):
    places = serializers.IntegerField(help_text=_("At least the number of current holders."))
    label = serializers.CharField(max_length=150, required=False, allow_blank=True)  # type: ignore[assignment]


class MembershipEndInputSerializer(serializers.Serializer):
    end_date = serializers.DateField(
        required=False, allow_null=True, default=None, help_text=_("Last day; today if empty.")
    )
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class MembershipFilterSerializer(serializers.Serializer):
    current = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("true: running memberships only; false: ended or starting later only."),
    )


class InvitationInputSerializer(serializers.Serializer):
    """B5: whom to invite, on what terms. The service checks the terms (seat, substitute …)."""

    email = serializers.EmailField(max_length=254)
    full_name = serializers.CharField(max_length=150)
    role = serializers.ChoiceField(choices=MembershipRole.choices)
    seat = RegionPrimaryKeyField(
        queryset=Seat.objects.all(), required=False, allow_null=True, default=None
    )
    seat_role = serializers.ChoiceField(
        choices=SeatRole.choices, required=False, allow_blank=True, default=""
    )
    substitute_for = RegionPrimaryKeyField(
        queryset=Membership.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Only for a substitute: the id of the holder's membership."),
    )
    constituency = RegionPrimaryKeyField(
        queryset=Constituency.objects.all(), required=False, allow_null=True, default=None
    )
    organisation = RegionPrimaryKeyField(
        queryset=Organisation.objects.all(), required=False, allow_null=True, default=None
    )
    start_date = serializers.DateField()
    end_date = serializers.DateField(required=False, allow_null=True, default=None)

    @staticmethod
    def terms(data: dict) -> MembershipTerms:
        return MembershipTerms(
            role=data["role"],
            start_date=data["start_date"],
            end_date=data["end_date"],
            constituency=data["constituency"],
            organisation=data["organisation"],
            seat=data["seat"],
            seat_role=data["seat_role"],
            substitute_for=data["substitute_for"],
        )


class InitiativeInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    taken_on = serializers.DateField()
    parent_informed_on = serializers.DateField(required=False, allow_null=True, default=None)


class ParentInformedInputSerializer(serializers.Serializer):
    parent_informed_on = serializers.DateField()


class ConstituencyInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=150)
    kind = serializers.ChoiceField(choices=ConstituencyKind.choices)
    description = serializers.CharField(required=False, allow_blank=True, default="")


class OrganisationInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    website = serializers.URLField(required=False, allow_blank=True, default="")

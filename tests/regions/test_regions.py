"""B1: users see only the regions they belong to; roles in a region are set through a service."""

import pytest
from django.http import Http404

from aantafel.audit.models import AuditEvent
from aantafel.core.errors import DomainError
from aantafel.regions.permissions import region_get_for_user, regions_visible_to
from aantafel.regions.services import region_member_set_role

from .. import factories as f


def test_b1_user_sees_only_their_own_regions(region, other_region, member, outsider):
    assert list(regions_visible_to(member)) == [region]
    assert list(regions_visible_to(outsider)) == [other_region]


def test_b1_other_and_unknown_regions_look_the_same(region, outsider):
    for slug in (region.slug, "bestaat-niet"):
        with pytest.raises(Http404):
            region_get_for_user(outsider, slug)


def test_b1_a_user_can_belong_to_two_regions(region, other_region, member):
    region_member_set_role(actor=None, region=other_region, user=member, role="staff")
    assert set(regions_visible_to(member)) == {region, other_region}


def test_region_role_change_is_audited_and_checked(region, region_admin):
    person = f.UserFactory()
    region_member_set_role(actor=region_admin, region=region, user=person, role="staff")
    region_member_set_role(actor=region_admin, region=region, user=person, role="admin")
    assert list(
        AuditEvent.objects.filter(action="region_membership.set_role").values_list(
            "changes", flat=True
        )
    ) == [
        {"role": ["staff", "admin"]},
        {"role": [None, "staff"]},
    ]
    with pytest.raises(DomainError) as error:
        region_member_set_role(actor=region_admin, region=region, user=person, role="koning")
    assert error.value.field == "role"


def test_superuser_sets_up_regions_in_the_admin(admin_client, db):
    assert admin_client.get("/beheer/regions/region/add/").status_code == 200
    assert admin_client.get("/beheer/accounts/user/").status_code == 200


def test_changes_made_in_the_admin_are_audited(admin_client, admin_user, region):
    response = admin_client.post(
        f"/beheer/regions/region/{region.pk}/change/",
        {
            "name": "IROJ Limburg",
            "slug": region.slug,
            "country": "BE",
            "timezone": "Europe/Brussels",
            "theme": "limburg-be",
            "department_name": "departement Zorg",
            "safety_contact_line": "1712",
            "minor_age_limit": "18",
            "case_retention_months": "24",
            "mfa_required_roles": "[]",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-user": str(admin_user.pk),
            "memberships-0-role": "admin",
        },
    )
    assert response.status_code == 302
    update = AuditEvent.objects.get(action="admin.region.update")
    assert update.actor == admin_user
    assert update.region == region
    assert update.changes == {"department_name": ["departement WVG", "departement Zorg"]}
    assert AuditEvent.objects.filter(action="admin.regionmembership.create", region=region).exists()

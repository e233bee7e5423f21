"""The service's roles are set up in the Django admin; no case data is ever shown there (C8)."""

import pytest
from django.contrib import admin
from django.urls import reverse

from aantafel.audit.models import AuditEvent
from aantafel.casework.models import Case, CaseClient, CaseLog, CaseworkRole, Participant
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_c8_no_case_data_in_the_admin():
    for model in (Case, CaseClient, Participant, CaseLog):
        assert not admin.site.is_registered(model)


def test_c3_superuser_adds_a_chair_to_the_pool_and_it_is_audited(client, region):
    superuser = f.UserFactory(is_staff=True, is_superuser=True)
    chair = f.UserFactory()
    client.force_login(superuser)
    response = client.post(
        reverse("admin:casework_caseworkrole_add"),
        {"region": region.pk, "user": chair.pk, "role": "chair"},
    )
    assert response.status_code == 302
    assert CaseworkRole.objects.filter(region=region, user=chair, role="chair").exists()
    event = AuditEvent.objects.get(action="admin.caseworkrole.create")
    assert event.region == region

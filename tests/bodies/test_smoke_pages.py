import pytest
from django.urls import reverse


@pytest.mark.smoke
def test_supporter_sees_body_page_with_terms(client, body, supporter):
    client.force_login(supporter)
    response = client.get(reverse("body_detail", args=[body.region.slug, body.pk]))
    assert response.status_code == 200
    assert "Kerngroep RTJ" in response.text
    assert "Inventarisatie en informatie-uitwisseling" in response.text

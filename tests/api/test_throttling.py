"""The API limits how fast one client may call it (429 with Retry-After, as problem details)."""

from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


def test_api_throttles_a_client_that_calls_too_often(client, member, monkeypatch):
    # The rate is a setting (API_USER_RATE); a low one keeps the test short.
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "3/min", "anon": "2/min"})
    client.force_login(member)
    statuses = [client.get("/api/v1/regions/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/regions/")
    assert response["Content-Type"] == "application/problem+json"
    assert "Retry-After" in response


def test_api_throttles_anonymous_readers_of_the_schema(client, db, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"user": "3/min", "anon": "2/min"})
    statuses = [client.get("/api/v1/schema/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]

"""The schema is valid OpenAPI 3; the docs pages load their assets from our own static files."""

import re

from drf_spectacular.validation import validate_schema


def test_schema_endpoint_returns_valid_openapi_3(client, db):
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)  # raises on an invalid document
    assert "/api/v1/regions/{region_slug}/bodies/{id}/" in schema["paths"]
    assert schema["components"]["securitySchemes"]["personalApiToken"]["scheme"] == "bearer"


def test_schema_states_each_endpoints_permission(client, db):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert "Permission" in operation["description"], (method, path)


def test_invitations_in_the_schema_have_no_token_field(client, db):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    assert "token_hash" not in str(schema["components"]["schemas"]["Invitation"])


def _assets(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+\.(?:js|css|png))"', html)


def test_docs_page_returns_200_and_loads_assets_locally(client, db):
    for page in ("/api/v1/docs/", "/api/v1/redoc/"):
        response = client.get(page)
        assert response.status_code == 200
        html = response.content.decode()
        assert "cdn" not in html.lower()
        assert "unpkg" not in html.lower()
        assets = _assets(html)
        assert assets, page
        for asset in assets:
            assert asset.startswith("/static/drf_spectacular_sidecar/"), asset
            served = client.get(asset)
            served.close()  # a file response: let go of the file
            assert served.status_code == 200, asset

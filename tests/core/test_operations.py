"""Operations: health, request ids in JSON logs, production settings that pass check --deploy."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.smoke
def test_health_answers_with_database_status(client, db):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_every_response_carries_a_request_id_and_keeps_a_good_incoming_one(client, db):
    assert len(client.get(reverse("health"))["X-Request-ID"]) == 32
    given = "abc123def456"
    assert client.get(reverse("health"), HTTP_X_REQUEST_ID=given)["X-Request-ID"] == given
    assert client.get(reverse("health"), HTTP_X_REQUEST_ID="<script>")["X-Request-ID"] != "<script>"


def test_log_lines_are_json_with_the_request_id(client, db):
    from pythonjsonlogger.json import JsonFormatter

    from aantafel.core.request_id import RequestIdLogFilter

    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(self.format(record))

    handler = Keep()
    handler.setFormatter(JsonFormatter("%(levelname)s %(name)s %(message)s %(request_id)s"))
    handler.addFilter(RequestIdLogFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = client.get("/bestaat-niet/", HTTP_X_REQUEST_ID="req-00000001")
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 404
    line = json.loads(records[-1])
    assert line["request_id"] == "req-00000001"
    assert line["levelname"] == "WARNING"


def test_production_settings_pass_check_deploy():
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "aantafel.config.settings",
        "DJANGO_SECRET_KEY": "a-long-random-production-key-" + "x7Q!" * 12,
        "CASE_ENCRYPTION_KEYS": "a-long-random-case-key-" + "k9P#" * 8,
        "DJANGO_ALLOWED_HOSTS": "aantafel.example.org",
        "DATABASE_URL": "postgres://aantafel@db.example/aantafel",
        "STATICFILES_BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "aantafel.config.settings"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_c8_production_settings_refuse_to_start_without_case_encryption_keys():
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "aantafel.config.settings",
        "DJANGO_SECRET_KEY": "a-long-random-production-key-" + "x7Q!" * 12,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "CASE_ENCRYPTION_KEYS" in result.stderr

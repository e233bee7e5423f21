"""Settings of the test suite: production settings, with a test key and no HTTPS redirect."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production-000000000000")
os.environ.setdefault("CASE_ENCRYPTION_KEYS", "test-only-case-key")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/aantafel")

from aantafel.config.settings import *  # noqa: F403

# Hashing passwords slowly is the point in production and a waste of minutes in tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Static files come straight from the source folders; production runs collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

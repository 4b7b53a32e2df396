import os

import pytest
from django.conf import global_settings
from django.core.cache import cache
from django.test import override_settings

pytest_plugins = [
    "tests.fixtures.catalog",
    "tests.fixtures.checkout",
    "tests.fixtures.content",
    "tests.fixtures.discount",
    "tests.fixtures.demo",
    "tests.fixtures.stripe",
    "tests.workers",
]


def pytest_configure(config):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        raise pytest.UsageError(
            "The suite runs on PostgreSQL: set DATABASE_URL (make test does)."
        )
    if not os.environ.get("REDIS_URL", "").startswith("redis"):
        raise pytest.UsageError(
            "The suite runs on Redis (cache, rate limits, the Celery worker): "
            "set REDIS_URL (make test does)."
        )


# Passwords hashed in the test process (factories, create_user, set_password)
# use MD5: PBKDF2's million rounds cost a quarter of a CPU-second a user and
# prove nothing a test asserts. Django's own hashers stay listed after it, so
# a hash made by a subprocess running the real settings still verifies; a
# test whose subprocess checks a password hashes it with PBKDF2 itself.
FAST_PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    *global_settings.PASSWORD_HASHERS,
]


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing():
    with override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS):
        yield


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()

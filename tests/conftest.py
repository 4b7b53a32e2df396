import os

import pytest
from django.core.cache import cache

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


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()

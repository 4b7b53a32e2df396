"""Running the suite in parallel: each worker's Redis, and the serial group.

``make test`` runs the suite twice over: ``--group parallel`` under xdist,
then ``--group serial`` in one process, for tests marked ``serial`` (they
stop, flood or time services the others share). Without ``--group`` every
test runs.

Settings read REDIS_URL when they are imported, and a worker imports them
before any conftest runs (pytest-django), so the controller puts each
worker's own REDIS_URL in the environment the worker starts with. Worker
gwN uses the base URL's database plus N: its cache.clear() (FLUSHDB), its
Celery broker and the subprocesses it starts stay in that database.
PostgreSQL needs nothing here: pytest-django names each worker's test
database with its id (test_<name>_gw0, ...).
"""

import os
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis

# What Redis ships with; CONFIG GET may be refused on a managed server.
DEFAULT_DATABASE_COUNT = 16


def redis_database(url: str) -> int:
    """Return the database number a redis:// URL names (0 when it names none)."""
    path = urlsplit(url).path.strip("/")
    return int(path) if path else 0


def redis_url_for_worker(url: str, index: int) -> str:
    """Return the URL with its database moved up by the worker's index."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{redis_database(url) + index}"))


def redis_database_count(url: str) -> int:
    """Return how many databases the server has."""
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=2)
        return int(client.config_get("databases")["databases"])
    except (redis.RedisError, KeyError, ValueError):
        return DEFAULT_DATABASE_COUNT


def pytest_xdist_setupnodes(config, specs):
    base_url = os.environ["REDIS_URL"]
    count = redis_database_count(base_url)
    last = redis_database(base_url) + len(specs) - 1
    if last >= count:
        raise pytest.UsageError(
            f"{len(specs)} workers from REDIS_URL {base_url} need Redis databases "
            f"up to {last}; the server has {count}. Use a lower database or fewer "
            "workers."
        )
    broker_url = os.environ.get("CELERY_BROKER_URL")
    for index, spec in enumerate(specs):
        spec.env["REDIS_URL"] = redis_url_for_worker(base_url, index)
        if broker_url and broker_url.startswith("redis"):
            spec.env["CELERY_BROKER_URL"] = redis_url_for_worker(broker_url, index)


GROUPS = ("all", "parallel", "serial")


def pytest_addoption(parser):
    parser.addoption(
        "--group",
        choices=GROUPS,
        default="all",
        help="all tests (default), the parallel group (not marked serial), "
        "or the serial group (marked serial)",
    )


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "serial: runs alone after the parallel group (make test), as it stops, "
        "floods or times services other tests share",
    )


# Modules whose few tests start servers, browsers or whole stacks: tens of
# seconds each. Handed out first, so that the many quick modules fill the
# end of the run on every worker rather than one of these on one worker.
SLOW_MARKERS = frozenset({"browser", "faults", "fuzz", "demo_crawl"})
SLOW_FOLDERS = frozenset({"deploy", "bench"})


def _is_slow_module(item) -> bool:
    folder = item.path.parent.name
    return folder in SLOW_FOLDERS or any(
        marker.name in SLOW_MARKERS for marker in item.iter_markers()
    )


def slowest_modules_first(items) -> list:
    """Order modules: the slow ones, then by their number of tests, most first.

    ``make test`` hands whole modules to the workers in this order
    (``--dist loadfile --no-loadscope-reorder``). Tests keep their order
    inside a module.
    """
    modules: dict = {}
    for item in items:
        modules.setdefault(item.path, []).append(item)
    ordered = sorted(
        modules.values(),
        key=lambda tests: (not _is_slow_module(tests[0]), -len(tests)),
    )
    return [item for tests in ordered for item in tests]


def pytest_collection_modifyitems(config, items):
    group = config.getoption("group")
    if group == "all":
        return
    wanted = group == "serial"
    kept, dropped = [], []
    for item in items:
        is_serial = item.get_closest_marker("serial") is not None
        (kept if is_serial == wanted else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
    items[:] = slowest_modules_first(kept)

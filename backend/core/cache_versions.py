"""Versions of what cached pages and answers were read from, moved on commit.

A cached storefront page or GraphQL answer is stored with the versions it
was read under. Every writer of what they show calls ``bump()`` with the
names it touched; the versions move once its transaction commits, so a
rolled back transaction moves nothing, and a transaction that writes several
rows moves each version once.

Names today: ``CATALOG`` (anything a page shows from the catalog, the
content or the menus) and ``PROMISE_RULES`` (what the delivery promise is
computed from). A name may carry an entity after a colon
(``"product:12"``) once readers keep versions that fine.
"""

import logging
import time

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction

logger = logging.getLogger(__name__)

CATALOG = "catalog"
PROMISE_RULES = "promise_rules"
# Kept from before this module, so that a deploy keeps what is cached.
_KEYS = {
    CATALOG: "lumbar:page-version",
    PROMISE_RULES: "lumbar:promise-rules:version",
}


def version_key(name: str) -> str:
    """Return the cache key that holds the version of ``name``."""
    kind, _, entity = name.partition(":")
    if kind not in _KEYS:
        raise ValueError(f"Unknown cache version {name!r}.")
    return f"{_KEYS[kind]}:{entity}" if entity else _KEYS[kind]


def version_from(found: dict, name: str) -> int:
    """Return the version of ``name`` from a get_many() that asked for its key.

    Readers fetch the versions and their entry in one round trip; a key the
    cache lost starts again from the clock.
    """
    return found.get(version_key(name)) or _version_start(name)


def versions(*names: str) -> tuple[int, ...]:
    """Return the current versions of ``names`` (one cache round trip)."""
    found = cache.get_many([version_key(name) for name in names])
    return tuple(version_from(found, name) for name in names)


def _version_start(name: str) -> int:
    """Start a lost version from the clock, never from 1.

    A flushed or evicted counter then never meets entries cached under its
    old numbers.
    """
    key = version_key(name)
    cache.add(key, time.time_ns(), None)
    return cache.get(key) or time.time_ns()


def bump(*names: str, using: str = DEFAULT_DB_ALIAS) -> None:
    """Move the versions of ``names`` once the current transaction commits.

    Outside a transaction they move at once. Calls in one transaction share
    one on-commit callback, and a rolled back transaction moves nothing.
    """
    for name in names:
        version_key(name)
    joined = _open_bump(connections[using])
    if joined is not None:
        joined.names.update(names)
        return
    transaction.on_commit(PendingBump(names), using=using)


def pending(*names: str, using: str = DEFAULT_DB_ALIAS) -> bool:
    """Say whether this connection's open transaction bumped any of ``names``.

    Such a reader sees rows no other reader sees yet: it must neither serve
    what the cache holds for them nor store what it reads.
    """
    connection = connections[using]
    wanted = set(names)
    return any(
        isinstance(callback, PendingBump)
        and not callback.done
        and not wanted.isdisjoint(callback.names)
        for _, callback, _ in connection.run_on_commit
    )


def _open_bump(connection):
    """Return the pending bump a new one can join, if any.

    Only one registered where every savepoint it hangs on is still open
    around the caller: rolling back any of them rolls back the caller's
    writes too. (Django drops the callbacks of a rolled back savepoint.)
    """
    open_savepoints = set(connection.savepoint_ids)
    for savepoint_ids, callback, _ in connection.run_on_commit:
        if (
            isinstance(callback, PendingBump)
            and not callback.done
            and set(savepoint_ids) <= open_savepoints
        ):
            return callback
    return None


class PendingBump:
    """The on-commit callback of bump(): the versions one transaction moves."""

    def __init__(self, names):
        self.names = set(names)
        self.done = False

    def __call__(self):
        self.done = True
        for name in sorted(self.names):
            _move(name)

    def __repr__(self):
        return f"cache_versions.bump({', '.join(sorted(self.names))})"


def _move(name: str) -> None:
    """Move one version now; never raise.

    A write must not fail because the cache is away: entries cached before
    an outage expire within their own timeout.
    """
    key = version_key(name)
    try:
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, time.time_ns(), None)
    except Exception:  # noqa: BLE001 - any cache failure; logged, not raised
        logger.warning("Cache version %s not moved: the cache is unavailable.", name)

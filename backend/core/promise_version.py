"""The delivery-promise rules' cache version, moved by every rule edit.

The rules (warehouse cut-offs and calendars, methods and their zones, the
channel's claim) are written by several domains and read, cached, by
``shipping/promise_rules.py`` and the page and API caches. The version lives
here, below all of them, so a warehouse edit can move it without importing
the shipping domain above it.
"""

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "lumbar:promise-rules:version"


def promise_rules_changed() -> None:
    """Drop the cached rules once the current transaction commits."""
    transaction.on_commit(_bump_version)


def _bump_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def promise_rules_version() -> int:
    """Return the rules' cache version, for caches that depend on the rules."""
    return cache.get_or_set(VERSION_KEY, 1, None)

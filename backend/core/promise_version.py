"""The delivery-promise rules' cache version, moved by every rule edit.

The rules (warehouse cut-offs and calendars, methods and their zones, the
channel's claim) are written by several domains and read, cached, by
``shipping/promise_rules.py`` and the page and API caches. The version is
one of ``cache_versions``' names; these two helpers sit here, below all of
those domains, so a warehouse edit can move it without importing shipping.
"""

from .cache_versions import PROMISE_RULES, bump, versions


def promise_rules_changed() -> None:
    """Drop the cached rules once the current transaction commits."""
    bump(PROMISE_RULES)


def promise_rules_version() -> int:
    """Return the rules' cache version, for caches that depend on the rules."""
    (version,) = versions(PROMISE_RULES)
    return version

"""What a transaction queued for its commit, besides moving cache versions."""

from backend.core.cache_versions import PendingBump


def without_version_bumps(callbacks: list) -> list:
    """Return the on-commit callbacks other than the cache versions' move."""
    return [callback for callback in callbacks if not isinstance(callback, PendingBump)]

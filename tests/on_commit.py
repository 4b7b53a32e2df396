"""What a transaction queued for its commit, besides moving cache versions."""

from backend.core.cache_versions import PendingBump
from backend.warehouse.stock_versions import StockLeftCheck


def without_version_bumps(callbacks: list) -> list:
    """Return the on-commit callbacks other than the cache versions' moves."""
    return [
        callback
        for callback in callbacks
        if not isinstance(callback, PendingBump | StockLeftCheck)
    ]

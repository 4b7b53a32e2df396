"""The version of everything a storefront page shows from the database.

Every INSERT, UPDATE or DELETE on a table of the catalog (products, variants,
prices, stock, attributes, warehouses, channels, shipping) or of the content
(pages, articles, sources, comments, tags, menus) moves the version once its
transaction commits, whatever wrote it: a service, the admin, a bulk update,
a raw query. Pages cache rendered fragments under the version, so the first
request after a change renders from the database. Watching the SQL rather
than calling a helper from each writer means a new writer cannot forget.
"""

import logging
import re
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)

VERSION_KEY = "lumbar:page-version"
WATCHED_PREFIXES = (
    "product_",
    "attribute_",
    "warehouse_",
    "channel_",
    "shipping_",
    "page_",
    "menu_",
)
# Written by reads or history only: a page never shows them. (A sale writes
# its allocations and the stock row together; the stock row moves the version.)
IGNORED_TABLES = frozenset(
    {
        "product_thumbnail",
        "page_shopblockclick",
        "warehouse_stockadjustment",
        "warehouse_allocation",
    }
)
WRITE_RE = re.compile(
    r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE
)


def page_version() -> int:
    """Return the current version; a lost key starts from the clock.

    Starting from nanoseconds, never 1, keeps a flushed or evicted counter
    from meeting fragments cached under its old numbers.
    """
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, None)
    return version


def page_version_bump() -> None:
    """Move the version now (callers that are not SQL writes, and tests).

    Never raises: a write must not fail because the cache is away. Pages
    cached before an outage expire within their timeout.
    """
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:
            cache.set(VERSION_KEY, time.time_ns(), None)
    except Exception:  # noqa: BLE001 - any cache failure; logged, not raised
        logger.warning("Page version not moved: the cache is unavailable.")


# Set on a connection that wrote a watched table inside a transaction.
PENDING_ATTR = "_page_version_pending"


def _bump_for_write(connection) -> None:
    """Move the version now, and again when the transaction commits.

    Now, so that this connection's own next read (a test, a redirect after
    a form) misses; at commit, so that a reader who cached the old rows
    under the moved version in between misses too. The commit move rides
    on the connection's commit rather than on_commit(), so code that counts
    its own on-commit callbacks sees only those.
    """
    page_version_bump()
    if connection.in_atomic_block or not connection.get_autocommit():
        setattr(connection, PENDING_ATTR, True)


def watch_writes(execute, sql, params, many, context):
    """Database execute wrapper: move the version after a watched write.

    After, not before: a reader must not cache the old rows under the
    version that was meant to retire them.
    """
    result = execute(sql, params, many, context)
    match = WRITE_RE.match(sql)
    if match:
        table = match.group(1).lower()
        if table.startswith(WATCHED_PREFIXES) and table not in IGNORED_TABLES:
            _bump_for_write(context["connection"])
    return result


def install_write_watch(sender=None, connection=None, **kwargs) -> None:
    """connection_created receiver: watch the connection's writes and commits."""
    if watch_writes in connection.execute_wrappers:
        return
    connection.execute_wrappers.append(watch_writes)
    commit, rollback = connection.commit, connection.rollback

    def commit_then_bump():
        commit()
        if connection.__dict__.pop(PENDING_ATTR, False):
            page_version_bump()

    def rollback_and_forget():
        connection.__dict__.pop(PENDING_ATTR, None)
        rollback()

    connection.commit = commit_then_bump
    connection.rollback = rollback_and_forget

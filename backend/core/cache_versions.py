"""Versions of what cached pages and answers were read from, moved on commit.

A cached storefront page or GraphQL answer is stored with the versions it
was read under. Every writer of what they show calls ``bump()`` with the
names it touched; the versions move once its transaction commits, so a
rolled back transaction moves nothing, and a transaction that writes several
rows moves each version once.

Two sorts of names:

- Coarse: ``CATALOG`` (anything a page shows from the catalog, the content
  or the menus, except stock) and ``PROMISE_RULES`` (what the delivery
  promise is computed from). Every cached entry depends on both; a reader
  reads them with its entry, before it reads any row.
- Fine, per entity, recorded by what a render actually read
  (``depends_on()`` inside ``recording()``):
  ``"stock:<product id>"`` (the exact sellable quantity of the product's
  variants: the product page, GraphQL ``quantityAvailable``/``isAvailable``),
  ``"product:<product id>"`` (what a listing card shows of the product that
  a sale can change: its stock label, "Only 3 left" / "Out of stock") and
  ``LISTINGS`` (which products listings filtered on stock hold; moved when
  a product may have come into or gone out of stock). A sale moves only
  these, for the products it touched (backend.warehouse.stock_versions).
- Articles (pages), moved by the page services (backend.page.services):
  ``"page:<page id>"`` (everything of one article: its fields, its
  article row, attributes, translations and approved comments; its own
  article page records it), ``ARTICLES`` (which articles are listed and
  what a listing shows of them: title, slug, dates, summary, hero, series,
  conditions, featured products; recorded by every reader of
  ``articles_published()``: the articles index, the home page's guides,
  search, a product page's "featured in", an article's series) and
  ``PAGES`` (any page's content: recorded by GraphQL answers that select
  a page, whose ids the cache does not follow). Every article edit moves
  its ``page:<id>`` and ``PAGES``; one a listing can show (title, slug,
  publication, attributes, a sync of the article row, a translation)
  moves ``ARTICLES`` too. Only a deletion (menu items and reference
  values cascade from the page) still moves ``CATALOG``.
- A product's text, moved by ``product_update`` when it changed only
  that (description, SEO title and description): ``"product_text:<id>"``
  (recorded by the product's page, the only storefront page showing it)
  and ``PRODUCTS_TEXT`` (any product's text: recorded by what searches
  product text, the search page and GraphQL's search, and by GraphQL
  answers that select a product, which the cache does not follow by id).
  Any other product edit still moves ``CATALOG``.

A fine name is moved to the next number of one shared sequence (INCR). A
reader reads the sequence with its entry, before any row; after rendering
it reads the fine versions it recorded, and stores the entry only if none
is above that sequence number. A version above it was moved by a commit
the render may have missed; one at or under it was moved after a commit
the render saw. A fine version the cache does not hold reads as 0 (never
moved); they are kept without expiry, so only a cache that evicts keys
without a timeout can lose one, and then entries outlive it by at most
their own timeout.
"""

import contextlib
import contextvars
import logging
import time

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction

logger = logging.getLogger(__name__)

CATALOG = "catalog"
PROMISE_RULES = "promise_rules"
LISTINGS = "listings"
ARTICLES = "articles"
PAGES = "pages"
PRODUCTS_TEXT = "products_text"
# Kinds of fine names that carry an entity: "stock:12", "product:12".
STOCK = "stock"
PRODUCT = "product"
PAGE = "page"
PRODUCT_TEXT = "product_text"
# Kept from before this module, so that a deploy keeps what is cached.
_KEYS = {
    CATALOG: "lumbar:page-version",
    PROMISE_RULES: "lumbar:promise-rules:version",
    LISTINGS: "lumbar:version:listings",
    STOCK: "lumbar:version:stock",
    PRODUCT: "lumbar:version:product",
    ARTICLES: "lumbar:version:articles",
    PAGES: "lumbar:version:pages",
    PAGE: "lumbar:version:page",
    PRODUCTS_TEXT: "lumbar:version:products-text",
    PRODUCT_TEXT: "lumbar:version:product-text",
}
COARSE = frozenset({CATALOG, PROMISE_RULES})
# The numbers fine versions are moved to.
SEQUENCE_KEY = "lumbar:version:sequence"


def version_key(name: str) -> str:
    """Return the cache key that holds the version of ``name``."""
    kind, _, entity = name.partition(":")
    if kind not in _KEYS:
        raise ValueError(f"Unknown cache version {name!r}.")
    return f"{_KEYS[kind]}:{entity}" if entity else _KEYS[kind]


def version_from(found: dict, name: str) -> int:
    """Return the version of ``name`` from a get_many() that asked for its key.

    Readers fetch the versions and their entry in one round trip. A coarse
    key the cache lost starts again from the clock; a fine one the cache
    does not hold reads as 0 (never moved), as fine_snapshot() reads it:
    fine versions are numbers of the sequence, and one started from the
    clock would stand above the sequence for good, so that no entry
    recording it could be stored again.
    """
    found_version = found.get(version_key(name))
    if found_version:
        return found_version
    return 0 if is_fine(name) else _version_start(name)


def versions(*names: str) -> tuple[int, ...]:
    """Return the current versions of ``names`` (one cache round trip)."""
    found = cache.get_many([version_key(name) for name in names])
    return tuple(version_from(found, name) for name in names)


def _version_start(name: str) -> int:
    """Start a lost version from the clock, never from 1.

    A flushed or evicted counter then never meets entries cached under its
    old numbers.
    """
    return _key_start(version_key(name))


def _key_start(key: str) -> int:
    cache.add(key, time.time_ns(), None)
    return cache.get(key) or time.time_ns()


def is_fine(name: str) -> bool:
    return name.partition(":")[0] not in COARSE


def stock(product_id) -> str:
    """The version of a product's exact sellable stock."""
    return f"{STOCK}:{product_id}"


def product(product_id) -> str:
    """The version of what a listing card shows of a product (its stock label)."""
    return f"{PRODUCT}:{product_id}"


def product_text(product_id) -> str:
    """The version of a product's text (description, SEO), shown by its page."""
    return f"{PRODUCT_TEXT}:{product_id}"


def page(page_id) -> str:
    """The version of everything of one article (page)."""
    return f"{PAGE}:{page_id}"


def page_edited(page_ids, *, listed: bool) -> None:
    """Move the versions an edit of these pages moves, once it commits.

    ``listed``: the edit may change what an article listing shows.
    """
    names = [*map(page, sorted(set(page_ids))), PAGES]
    if listed:
        names.append(ARTICLES)
    bump(*names)


# --- readers: record what a render read; check it on the next read ------------

_recorded: contextvars.ContextVar[set | None] = contextvars.ContextVar(
    "cache_versions_recorded", default=None
)


@contextlib.contextmanager
def recording():
    """Collect the fine names depends_on() is told of while rendering."""
    names: set[str] = set()
    token = _recorded.set(names)
    try:
        yield names
    finally:
        _recorded.reset(token)


def depends_on(*names: str) -> None:
    """Say that what is being rendered shows the rows behind ``names``.

    Selectors call it where they read stock; a no-op outside recording().
    """
    names_recorded = _recorded.get()
    if names_recorded is not None:
        names_recorded.update(names)


def sequence_from(found: dict) -> int:
    """Return the sequence number from a get_many() that asked for SEQUENCE_KEY.

    A lost sequence starts again from the clock: above every number it
    handed out, so entries keep being stored.
    """
    return found.get(SEQUENCE_KEY) or _key_start(SEQUENCE_KEY)


def fine_snapshot(names, *, sequence: int) -> tuple | None:
    """Return ((key, version), ...) of ``names`` to store an entry with.

    None when one moved past ``sequence`` (read before rendering): the
    render may have missed that commit, so the entry must not be kept.
    One cache round trip (none without names).
    """
    keys = sorted(version_key(name) for name in names)
    if not keys:
        return ()
    found = cache.get_many([*keys, SEQUENCE_KEY])
    snapshot = tuple((key, found.get(key) or 0) for key in keys)
    if any(version > sequence for _, version in snapshot):
        _renumber_unissued(snapshot, current=found.get(SEQUENCE_KEY))
        return None
    return snapshot


def _renumber_unissued(snapshot: tuple, *, current: int | None) -> None:
    """Move a fine version the sequence never issued onto the sequence.

    A version above the sequence as it stands now was not moved by
    _move_fine(): an earlier release started missing fine keys from the
    clock. Left so, it would keep every entry recording it from being
    stored; moved to the sequence's next number, the next render stores.
    """
    if current is None:
        return  # the sequence itself was lost: nothing to compare with
    unissued = [key for key, version in snapshot if version > current]
    if unissued:
        logger.info("Cache versions %s renumbered into the sequence.", unissued)
        _move_fine_keys(unissued)


# The fine version keys each entry was last seen with in this process, so
# that the next reader asks for them with the entry, in the same round trip.
# An entry's keys rarely change (a product page's are its product's); this
# many entries' keys are a few MB at most.
_FINE_KEYS_SEEN: dict[str, tuple[str, ...]] = {}
FINE_KEYS_SEEN_MAX = 10_000


def fine_keys_seen(entry_key: str) -> tuple[str, ...]:
    """Return the fine version keys the entry was last seen with, if any."""
    return _FINE_KEYS_SEEN.get(entry_key, ())


def fine_current(
    snapshot: tuple, *, entry_key: str | None = None, found: dict | None = None
) -> bool:
    """Say whether the fine versions an entry was stored with are current.

    ``found``: what the reader's round trip returned when it asked for
    ``fine_keys_seen(entry_key)`` with the entry. When those are the
    snapshot's keys no other round trip is needed; else one.
    """
    if not snapshot:
        return True
    keys = tuple(key for key, _ in snapshot)
    if found is None or entry_key is None or fine_keys_seen(entry_key) != keys:
        if entry_key is not None:
            if len(_FINE_KEYS_SEEN) >= FINE_KEYS_SEEN_MAX:
                _FINE_KEYS_SEEN.clear()
            _FINE_KEYS_SEEN[entry_key] = keys
        found = cache.get_many(list(keys))
    return all((found.get(key) or 0) == version for key, version in snapshot)


def entry_current(
    *, stored, current, fine: tuple, valid_until, now, entry_key=None, found=None
) -> bool:
    """Say whether a cached entry may be served.

    It was stored under the current coarse versions, its time (the next
    scheduled publication) has not come, and its fine versions are current
    (``entry_key`` and ``found`` as fine_current() takes them).
    """
    return (
        stored == current
        and (valid_until is None or now < valid_until)
        and fine_current(fine, entry_key=entry_key, found=found)
    )


# --- writers ----------------------------------------------------------------------


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


def move_now(*names: str) -> None:
    """Move the versions of ``names`` now, whatever transaction is open.

    For on-commit work that decides what to move once the rows are in.
    """
    for name in names:
        version_key(name)
    PendingBump(names)()


def pending(*names: str, using: str = DEFAULT_DB_ALIAS) -> bool:
    """Say whether this connection's open transaction bumped any of ``names``.

    Without names: any version at all. Such a reader sees rows no other
    reader sees yet: it must neither serve what the cache holds for them
    nor store what it reads.
    """
    connection = connections[using]
    wanted = set(names)
    return any(
        isinstance(callback, PendingBump)
        and not callback.done
        and (not wanted or not wanted.isdisjoint(callback.names))
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
        fine = []
        for name in sorted(self.names):
            if is_fine(name):
                fine.append(name)
            else:
                _move(name)
        if fine:
            _move_fine(fine)

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


def _move_fine(names: list[str]) -> None:
    """Move fine versions to the sequence's next number; never raise.

    Each number is handed out once, so a version never comes back to a
    number an entry was stored with, whatever order concurrent moves land in.
    """
    _move_fine_keys([version_key(name) for name in names])


def _move_fine_keys(keys: list[str]) -> None:
    """_move_fine() for the versions' cache keys."""
    try:
        try:
            number = cache.incr(SEQUENCE_KEY)
        except ValueError:
            # Lost or never set: start from the clock, above any old number.
            cache.add(SEQUENCE_KEY, time.time_ns(), None)
            number = cache.incr(SEQUENCE_KEY)
        cache.set_many(dict.fromkeys(keys, number), None)
    except Exception:  # noqa: BLE001 - any cache failure; logged, not raised
        logger.warning("Cache versions %s not moved: the cache is unavailable.", keys)

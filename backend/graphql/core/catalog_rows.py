"""Catalog rows a checkout answer shows of its lines, kept in Redis.

Every checkout mutation the storefront sends answers with its whole
checkout, and each answer shows the same catalog rows of its lines:
attributes and their values, translations, media. Those rows change only
through writers that move the catalog version (``backend.core.
cache_versions.CATALOG``: every product, attribute, media and translation
service, and the admin), so a loader that opts in keeps what it loaded
per key under that version and the next answer reads it in one MGET
instead of a query.

A request opts in with ``cache_catalog_rows(info)`` (a checkout's lines
do; never a staff reader's, who may see private metadata, whose edits
move no version); loaders opt in by mixing in ``CatalogRowsCached``. The
versions (the catalog's and ``PRODUCTS_TEXT``, which product description
and SEO edits move) are read once per request, before the loader reads
any row, so a value is never stored under a version older than the rows
it holds (a write that commits after the read moves the version past
it). A request whose own open transaction moved a version reads and
stores nothing. Redis away reads as a miss.

An entry's key holds the versions, and an entry never changes under them:
each process keeps the entries it read or stored (pickled, so every request
unpickles objects of its own) and reads them again without asking Redis.
"""

import logging
import pickle

from django.core.cache import cache

from backend.core import cache_versions
from backend.core.cache import process_copy
from backend.core.cache_versions import CATALOG, PRODUCTS_TEXT

from .dataloaders import DataLoader

logger = logging.getLogger(__name__)

KEY_PREFIX = "lumbar:catalog-rows"
# Product text (description, SEO) edits move only PRODUCTS_TEXT.
VERSIONS = (CATALOG, PRODUCTS_TEXT)
# Entries under an old version are never read again; they go within this.
CATALOG_ROWS_TIMEOUT = 60 * 60
# Entries a process keeps (a checkout answer reads about ten per line);
# past it the store starts again, so it cannot grow the process.
LOCAL_ENTRIES_MAX = 4096
_local: dict[str, bytes] = process_copy({})
_ENABLED_ATTR = "_lumbar_catalog_rows_cached"
_VERSION_ATTR = "_lumbar_catalog_rows_version"


def cache_catalog_rows(info) -> bool:
    """Let this request's catalog loaders keep their rows in Redis.

    Not for staff: they may read private metadata, whose edits move no
    version. Return whether the loaders will.
    """
    context = getattr(info, "context", info)
    if context is None:
        return False
    user = getattr(context, "user", None)
    if getattr(user, "is_staff", False) or getattr(user, "is_superuser", False):
        return False
    setattr(context, _ENABLED_ATTR, True)
    return True


def _catalog_version(context) -> str | None:
    """Return the versions to read and store under, None for no cache."""
    if not getattr(context, _ENABLED_ATTR, False) or cache_versions.pending():
        return None
    version = getattr(context, _VERSION_ATTR, None)
    if version is None:
        try:
            version = ":".join(map(str, cache_versions.versions(*VERSIONS)))
        except Exception:  # noqa: BLE001 - Redis away: load from the database
            logger.warning("Catalog rows not cached: the cache is unavailable.")
            return None
        setattr(context, _VERSION_ATTR, version)
    return version


class CatalogRowsCached(DataLoader):
    """Keep each key's loaded value in Redis under the catalog version.

    Mix in before the loader: ``class X(CatalogRowsCached, SomeLoader)``.
    """

    def load_many(self, keys):
        keys = list(keys)
        missing = [key for key in dict.fromkeys(keys) if key not in self.cache]
        version = _catalog_version(self.context) if missing else None
        if version is None:
            return super().load_many(keys)
        names = {key: self._cache_key(version, key) for key in missing}
        # A one-item tuple, so that a None (no translation) is kept too.
        found = {}
        for name in names.values():
            # get(): another thread may empty the store meanwhile.
            kept = _local.get(name)
            if kept is not None:
                found[name] = pickle.loads(kept)  # noqa: S301 - our own pickle
        asked = [name for name in names.values() if name not in found]
        if asked:
            try:
                from_redis = cache.get_many(asked)
            except Exception:  # noqa: BLE001 - Redis away reads as a miss
                from_redis = {}
            found.update(from_redis)
            _keep_local(from_redis)
        hits = [found[names[key]][0] for key in missing if names[key] in found]
        for key in missing:
            if names[key] in found:
                self.cache[key] = found[names[key]][0]
        if hits:
            self.rows_from_cache(hits)
        loaded = [key for key in missing if key not in self.cache]
        values = super().load_many(keys)
        if loaded:
            to_store = {names[key]: (self.cache[key],) for key in loaded}
            try:
                cache.set_many(to_store, CATALOG_ROWS_TIMEOUT)
            except Exception:  # noqa: BLE001 - Redis away: nothing kept
                pass
            _keep_local(to_store)
        return values

    def _cache_key(self, version: str, key) -> str:
        name = self.context_key or type(self).__qualname__
        args = ":".join(map(str, self.args))
        return f"{KEY_PREFIX}:{version}:{name}:{args}:{key}"

    def rows_from_cache(self, values: list) -> None:
        """Do what loading these values from the database does besides."""


def _keep_local(entries: dict) -> None:
    """Keep entries in this process, pickled as Redis keeps them."""
    if len(_local) + len(entries) > LOCAL_ENTRIES_MAX:
        _local.clear()
    for name, entry in entries.items():
        _local[name] = pickle.dumps(entry, pickle.HIGHEST_PROTOCOL)

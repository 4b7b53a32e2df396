"""Route storefront catalog reads to a PostgreSQL read replica, as Saleor does.

Saleor names the replica explicitly on its storefront reads
(``.using(replica)``). Lumbar's storefront pages read through many
selectors, so a page that is safe to read from the replica says so once
(``reads_from_replica``) and this router sends its catalog reads there:

- only while the primary connection is outside any transaction: nothing
  read inside a write (checkout completion, stock locks, ``select_for_update``)
  can be stale;
- only for catalog models (products, prices, stock levels, articles, menus):
  sessions, accounts, carts, orders and payments always come from the
  primary, so a shopper who just logged in or added to the cart sees it;
- every write goes to the primary, whatever instance it is about.

Without ``DATABASE_URL_REPLICA`` the replica name is "default" and nothing
changes.
"""

import functools
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

# Apps whose rows a storefront page may read a moment late.
REPLICA_APPS = frozenset(
    {
        "attribute",
        "channel",
        "menu",
        "page",
        "product",
        "shipping",
        "warehouse",
    }
)

_reading_from_replica: ContextVar[bool] = ContextVar(
    "reading_from_replica", default=False
)


def replica_alias() -> str:
    """Return the connection storefront reads use: the replica, or the primary."""
    return settings.DATABASE_CONNECTION_REPLICA_NAME


@contextmanager
def replica_reads():
    """Send this block's catalog reads to the replica (outside transactions)."""
    token = _reading_from_replica.set(True)
    try:
        yield
    finally:
        _reading_from_replica.reset(token)


def reads_from_replica(view):
    """Decorate a read-only storefront view: its catalog reads use the replica."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        with replica_reads():
            response = view(request, *args, **kwargs)
            # A template response renders later; render it inside the block.
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            return response

    return wrapper


class PrimaryReplicaRouter:
    """Writes and transactions on the primary; marked catalog reads on the replica."""

    def db_for_read(self, model, **hints):
        alias = replica_alias()
        if (
            alias != DEFAULT_DB_ALIAS
            and _reading_from_replica.get()
            and model._meta.app_label in REPLICA_APPS
            and not connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return alias
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the primary's rows: objects from either relate.
        databases = {DEFAULT_DB_ALIAS, replica_alias()}
        if obj1._state.db in databases and obj2._state.db in databases:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS

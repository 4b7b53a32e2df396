"""Whole answers to anonymous catalog queries, kept in Redis.

An anonymous reader (no Authorization header, no session user) asking a
read-only query of the catalog or the content gets the stored answer to the
same query text, operation, variables and language, if it was stored under
the versions still current (``backend.core.cache_versions``): the catalog
version, which every writer of the catalog, content or menus moves, the
delivery rules' version, and the fine versions its execution recorded (the
stock of each product whose ``quantityAvailable`` or ``isAvailable`` it
shows, the in-stock membership of a listing filtered on stock, product
text search) or its query's types name (``PAGES`` for any ``Page*``,
``PRODUCTS_TEXT`` for any ``Product*``: article and product text edits). A sale
moves only the fine versions of the products it touched. One MGET reads the
coarse versions, the answer and the fine versions it was last seen with, so
a hit runs no SQL at all. Each process keeps the answers it read from Redis
(core.cache.LocalCopies, as the storefront's pages): a hit on one asks
Redis for its versions only; one whose versions moved is dropped and the
cache's read again; its valid_until holds the timeout too, so no copy
outlives its Redis entry.

What the clock changes without a write is never served stale: an answer is
kept only until the next scheduled publication or purchase date of any
product, collection or page, and a query asking for delivery promises or
shop blocks (dates and cut-offs computed from now) is not cached at all.
Mutations, other root fields (checkout, me, orders, stock, shop) and
answers with errors are never stored. Redis down reads as a miss.
"""

import functools
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from graphql import (
    FieldNode,
    OperationType,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    get_named_type,
    get_operation_ast,
    visit,
)

from backend.core import cache_versions
from backend.core.cache import LocalCopies
from backend.core.cache_versions import CATALOG, PROMISE_RULES
from backend.page.models import Page
from backend.product.models import CollectionChannelListing, ProductChannelListing

from .documents import parsed_document

# Root fields whose answers depend only on catalog, content and menu rows.
CACHEABLE_ROOT_FIELDS = frozenset(
    {
        "product",
        "products",
        "productVariant",
        "productVariants",
        "category",
        "categories",
        "collection",
        "collections",
        "attribute",
        "attributes",
        "page",
        "pages",
        "pageType",
        "pageTypes",
        "menu",
        "menus",
        "__typename",
    }
)
# Types whose content an answer selecting one depends on, for every row of
# them (backend.core.cache_versions): it does not track their ids.
TYPE_PREFIX_VERSIONS = (
    ("Page", cache_versions.PAGES),
    ("Product", cache_versions.PRODUCTS_TEXT),
)
# Named like one but showing none of their rows: a connection's paging.
NOT_ROW_TYPES = frozenset({"PageInfo"})
# Types whose values are computed from the clock (cut-offs, countdowns).
CLOCK_TYPE_PREFIXES = ("DeliveryPromise", "PageShopBlock")
# A bound for answers whose version move was lost while Redis was away.
RESPONSE_TIMEOUT = 10 * 60
KEY_PREFIX = "lumbar:graphql-response"
# v2: an answer's valid_until holds its timeout too, which a process's copy
# obeys; answers of the earlier form (whose copies would outlive them) are
# never read.
ANSWER_KEY_PREFIX = f"{KEY_PREFIX}:v2"
# The next scheduled change, computed once per catalog version.
NEXT_CHANGE_KEY = f"{KEY_PREFIX}:next-change"
# The answers each process keeps beside Redis (as the storefront's pages).
LOCAL_ANSWERS_BYTES_MAX = 8 * 1024 * 1024
_local_answers = LocalCopies(LOCAL_ANSWERS_BYTES_MAX)


@dataclass(frozen=True)
class Lookup:
    key: str
    versions: tuple
    # The fine versions' sequence number, read before executing.
    sequence: int
    # The stored answer (JSON text), or None on a miss.
    body: str | None
    # When the versions were read: a miss executes after this moment.
    read_at: datetime
    # (catalog version, next scheduled change) as last computed, if any.
    next_change: tuple | None = None
    # False while this request's own writes wait for their commit.
    storable: bool = True


def is_anonymous_request(request) -> bool:
    """Say whether no token and no session user comes with the request."""
    meta = request.META
    if "HTTP_AUTHORIZATION" in meta or "HTTP_AUTHORIZATION_BEARER" in meta:
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def response_cache_enabled() -> bool:
    return settings.GRAPHQL_RESPONSE_CACHE


def response_key(query: str, operation_name, variables) -> str:
    """Return the cache key of one query as asked, in the active language."""
    request_parts = json.dumps(
        [
            query,
            operation_name,
            variables or {},
            translation.get_language() or "",
            settings.PUBLIC_URL,
        ],
        sort_keys=True,
        default=str,
    )
    digest = hashlib.sha256(request_parts.encode()).hexdigest()
    return f"{ANSWER_KEY_PREFIX}:{digest}"


def response_lookup(query: str, operation_name, variables) -> Lookup:
    """Find the stored answer, with the versions it must have been stored under.

    Call it before executing: an answer computed from rows read after the
    versions is never older than the versions it is stored with.
    """
    key = response_key(query, operation_name, variables)
    # Rows this connection wrote but has not committed are no one else's.
    storable = not cache_versions.pending()
    keys = [
        cache_versions.version_key(CATALOG),
        cache_versions.version_key(PROMISE_RULES),
        cache_versions.SEQUENCE_KEY,
        NEXT_CHANGE_KEY,
        *cache_versions.fine_keys_seen(key),
    ]
    kept = _local_answers.get(key) if storable else None
    if storable and kept is None:
        keys.append(key)
    found = cache.get_many(keys)
    versions = (
        cache_versions.version_from(found, CATALOG),
        cache_versions.version_from(found, PROMISE_RULES),
    )
    now = timezone.now()
    body = None
    if storable:
        body = _local_answers.current(
            key,
            kept=kept,
            found=found.get(key),
            check=functools.partial(
                _current_body, key=key, versions=versions, now=now, found=found
            ),
            size=len,
        )
    return Lookup(
        key=key,
        versions=versions,
        sequence=cache_versions.sequence_from(found),
        body=body,
        read_at=now,
        next_change=found.get(NEXT_CHANGE_KEY),
        storable=storable,
    )


def _current_body(entry, *, key, versions, now, found) -> str | None:
    """Return the entry's answer if it may be served now, else None."""
    if entry is None or len(entry) != 4:
        return None
    stored_versions, fine, valid_until, body = entry
    if not cache_versions.entry_current(
        stored=stored_versions,
        current=versions,
        fine=fine,
        valid_until=valid_until,
        now=now,
        entry_key=key,
        found=found,
    ):
        return None
    return body


def response_store(lookup: Lookup, body: str, *, names=()) -> None:
    """Keep the answer until the next scheduled publication at the latest.

    ``names``: the fine versions its execution recorded.
    """
    if not lookup.storable:
        return
    fine = cache_versions.fine_snapshot(names, sequence=lookup.sequence)
    if fine is None:
        return  # a sale of what it shows committed while it executed
    now = timezone.now()
    # The timeout is in valid_until too, for a process's copy of the answer.
    valid_until = min(
        moment
        for moment in (_next_change(lookup), now + timedelta(seconds=RESPONSE_TIMEOUT))
        if moment is not None
    )
    left = (valid_until - now).total_seconds()
    if left <= 0:
        return
    timeout = max(1, int(left))
    cache.set(lookup.key, (lookup.versions, fine, valid_until, body), timeout)


def _next_change(lookup: Lookup) -> datetime | None:
    """Return the next scheduled change, reading it once per catalog version.

    Every writer of a listing or a page moves the catalog version, so the moment
    read under a version holds until the version moves or the moment comes.
    """
    catalog_version_read, moment = lookup.next_change or (None, None)
    if catalog_version_read == lookup.versions[0] and (
        moment is None or moment > lookup.read_at
    ):
        return moment
    moment = next_scheduled_change(after=lookup.read_at)
    cache.set(NEXT_CHANGE_KEY, (lookup.versions[0], moment), RESPONSE_TIMEOUT)
    return moment


def next_scheduled_change(*, after: datetime) -> datetime | None:
    """Return when any product, collection or page next changes by the clock.

    A product or collection becomes visible, or a product buyable, at a
    stored moment that no write marks; a cached answer must not outlive
    it. Any channel counts, so one bound serves every query (one query).
    """
    listings = ProductChannelListing.objects
    # Each part unordered: only the union's earliest moment matters.
    moments = (
        listings.filter(published_at__gt=after)
        .order_by()
        .values_list("published_at")
        .union(
            listings.filter(available_for_purchase_at__gt=after)
            .order_by()
            .values_list("available_for_purchase_at"),
            CollectionChannelListing.objects.filter(published_at__gt=after)
            .order_by()
            .values_list("published_at"),
            Page.objects.filter(published_at__gt=after)
            .order_by()
            .values_list("published_at"),
        )
        .order_by("published_at")[:1]
    )
    return next((moment for (moment,) in moments), None)


# Query digest -> cacheable; bounded, and keyed by digest so that large
# query texts are not held in memory.
_CACHEABLE_BY_DIGEST: dict[tuple[str, str | None], tuple[bool, frozenset]] = {}
_CACHEABLE_MEMO_SIZE = 256


def query_is_cacheable(query: str, operation_name: str | None) -> bool:
    """Say whether the operation reads only rows the versions watch.

    Memoized per process: clients send a handful of distinct queries.
    """
    return _query_analysis(query, operation_name)[0]


def query_versions(query: str, operation_name: str | None) -> frozenset:
    """Return the fine versions an answer depends on by its query's types alone.

    ``PAGES`` when it selects a field typed as a page (``Page*``),
    ``PRODUCTS_TEXT`` when it selects a product (``Product*``).
    """
    return _query_analysis(query, operation_name)[1]


def _query_analysis(query: str, operation_name: str | None) -> tuple[bool, frozenset]:
    if len(query.encode()) > settings.GRAPHQL_MAX_QUERY_BYTES:
        return False, frozenset()
    memo_key = (hashlib.sha256(query.encode()).hexdigest(), operation_name)
    analysis = _CACHEABLE_BY_DIGEST.get(memo_key)
    if analysis is None:
        analysis = _operation_analysis(query, operation_name)
        if len(_CACHEABLE_BY_DIGEST) >= _CACHEABLE_MEMO_SIZE:
            _CACHEABLE_BY_DIGEST.clear()
        _CACHEABLE_BY_DIGEST[memo_key] = analysis
    return analysis


def _operation_analysis(
    query: str, operation_name: str | None
) -> tuple[bool, frozenset]:
    not_cacheable = (False, frozenset())
    # Deferred: core sits below the schema (api), which imports every package.
    from ..api import schema

    try:
        document = parsed_document(query)
    except Exception:  # noqa: BLE001 - the view reports it; just not cached
        return not_cacheable
    operation = get_operation_ast(document, operation_name)
    if operation is None or operation.operation != OperationType.QUERY:
        return not_cacheable
    selections = operation.selection_set.selections
    # A fragment at the root could hide any field: not cached.
    if not selections or any(
        not isinstance(selection, FieldNode)
        or selection.name.value not in CACHEABLE_ROOT_FIELDS
        for selection in selections
    ):
        return not_cacheable
    type_info = TypeInfo(schema.graphql_schema)
    finder = _FieldTypeFinder(type_info)
    try:
        visit(document, TypeInfoVisitor(type_info, finder))
    except Exception:  # noqa: BLE001 - an invalid document; the view says why
        return not_cacheable
    if finder.clock:
        return not_cacheable
    return True, frozenset(finder.versions)


class _FieldTypeFinder(Visitor):
    """Find a field whose type is computed from the clock, and the versions
    the types selected depend on (TYPE_PREFIX_VERSIONS)."""

    def __init__(self, type_info: TypeInfo):
        super().__init__()
        self.type_info = type_info
        self.clock = False
        self.versions: set[str] = set()

    def enter_field(self, node, *args):
        named = get_named_type(self.type_info.get_type())
        if named is None:
            return None
        if named.name.startswith(CLOCK_TYPE_PREFIXES):
            self.clock = True
            return self.BREAK
        for prefix, name in TYPE_PREFIX_VERSIONS:
            if named.name.startswith(prefix) and named.name not in NOT_ROW_TYPES:
                self.versions.add(name)
        return None

"""Whole storefront pages cached in Redis, shared by every reader.

Every page an anonymous visitor loads is cached: home, category,
collection, search results, the articles index, an article and a product.
Listings are keyed by the query parameters they read (known_query), so
unknown parameters add no keys. A reader without a session cookie gets the
page from backend.storefront.fast_pages before the session is read.

A page is rendered once and kept with the versions it
was read under (backend.core.cache_versions): the catalog version (which
every other writer of the catalog, content or menus moves), the delivery
rules' version, and the fine versions recorded while it rendered: the
exact stock and text of a product page's product, the stock label of each
listed product, the listings' in-stock membership, an article page's own
article, the articles listing, product text search. A sale moves only
the fine versions of the products it touched; an article or product text
edit only its own and the listing it can change. One Redis MGET reads the
coarse versions and the page together, a second the page's fine versions,
so a page whose versions moved is never served. What belongs to one reader stays
out of it: the header's login and cart links, the CSRF token and the
product page's countdown fill slots on every request, a reader whose
country is known gets their own delivery banner in place of everyone's,
and a reader with flash messages gets a page of their own. A page whose
delivery dates expire (the next cut-off) is not served after that moment.
Redis down reads as a miss.

Each process keeps the pages it read from Redis (a byte budget, the least
recently read dropped first), with the versions they were stored under.
A hit on one of them asks Redis for the versions only, not for the page:
sending and unpickling a 10-34 kB page was a third of a hit's cost. A kept
page whose versions moved is dropped and the cache's read again; one is
never served past the moment its Redis entry expires (valid_until holds
the timeout too), nor after the cache is cleared (core.cache.LocalCopies).
"""

import dataclasses
import functools
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db.models import QuerySet
from django.http import HttpResponse, QueryDict
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import escape

from backend.core import cache_versions
from backend.core.cache import LocalCopies
from backend.core.cache_versions import CATALOG, PROMISE_RULES
from backend.core.compiled_sql import compiled_rows
from backend.page.models import Page
from backend.product.models import ProductChannelListing
from backend.shipping.promise_rules import delivery_banner_text

from .cart import cart_quantity, cart_token
from .csrf import csrf_token

# Rendered in place of what belongs to one reader, filled per request.
CSRF_SLOT = "lumbar-csrf-slot-3f9c2a"
READER_LINKS_SLOT = "lumbar-reader-links-slot-51b7e4"
# The product page's "Order within 2 h 13 min" line, filled per request.
DELIVERY_SLOT = "lumbar-delivery-slot-8e41d0"
_SLOTS = re.compile(
    b"(%s)"
    % b"|".join(
        re.escape(slot.encode())
        for slot in (CSRF_SLOT, READER_LINKS_SLOT, DELIVERY_SLOT)
    )
)
# Says whether a page or GraphQL answer came from the cache.
CACHE_HEADER = "X-Cache"
# v3: an entry's valid_until holds its timeout too, which a process's copy
# obeys; an entry of an earlier form (whose copies would outlive it) is
# never read.
PAGE_KEY_PREFIX = "lumbar:page:v3"
# A bound for pages whose version move was lost while Redis was away.
PAGE_TIMEOUT = 10 * 60
# The pages each process keeps beside Redis: the demo store's are 10-34 kB.
LOCAL_PAGES_BYTES_MAX = 8 * 1024 * 1024
_local_pages = LocalCopies(LOCAL_PAGES_BYTES_MAX)
# The shopper's country, once a postal code or an address told it.
COUNTRY_KEY = "lumbar_country"
# The header's banner as layout.html renders it, text escaped.
_BANNER = re.compile(r'(<p class="promise-banner" data-testid="delivery-banner">)[^<]*')


@dataclass(frozen=True)
class CachedPage:
    # The page as UTF-8: a hit answers with these bytes as the cache holds
    # them, neither decoded when read nor encoded again for the response
    # (an article page is 31 kB; both were a tenth of its hit).
    body: bytes
    # Anything else the view needs per request (the product's promise).
    extra: dict = field(default_factory=dict)
    # Delivery dates in it hold until this moment (the next cut-off).
    valid_until: datetime | None = None

    @classmethod
    def rendered(cls, html: str, **fields) -> "CachedPage":
        """Return the page a view rendered as text."""
        return cls(body=html.encode(), **fields)

    @property
    def html(self) -> str:
        """The page as text, for a reader whose own parts are filled in."""
        return self.body.decode()

    def filled(self, values: dict[bytes, bytes]) -> bytes:
        """Return the page's bytes with the slots in ``values`` filled.

        From the body split once around its slots (a page kept in the
        process is filled many times): one join, not a search of the
        whole page for each slot.
        """
        pieces = self._pieces
        if len(pieces) == 1:
            return self.body
        filled = pieces.copy()
        # Text at even indexes, slots at odd ones.
        filled[1::2] = [values.get(slot, slot) for slot in pieces[1::2]]
        return b"".join(filled)

    @functools.cached_property
    def slots(self) -> frozenset[bytes]:
        """The slots the page holds."""
        return frozenset(self._pieces[1::2])

    @functools.cached_property
    def _pieces(self) -> list[bytes]:
        return _SLOTS.split(self.body)


@dataclass(frozen=True)
class Lookup:
    key: str
    versions: tuple
    # The fine versions' sequence number, read before any row.
    sequence: int
    # None on a miss, or when the reader's page must not come from the cache.
    page: CachedPage | None
    # When the versions were read: a miss renders from rows read after it.
    read_at: datetime
    # False while this request's own writes wait for their commit.
    storable: bool = True


def reader_messages_pending(request) -> bool:
    """Say whether the reader has flash messages waiting (never cached)."""
    return len(get_messages(request)) > 0


def page_key(kind: str, *parts: str) -> str:
    """Return the cache key of a page: its kind, the language, hashed parts."""
    language = translation.get_language() or ""
    # Parts come from the request (a slug, a postal code): hash them.
    digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]
    return f"{PAGE_KEY_PREFIX}:{kind}:{language}:{digest}"


# A cached listing keeps at most this many values of a parameter, each cut.
QUERY_VALUES_MAX = 20
QUERY_VALUE_LENGTH_MAX = 200


def known_query(query: QueryDict, names: tuple[str, ...]) -> QueryDict:
    """Return the parameters a page reads, bounded; the others are dropped.

    A cached page is rendered from this query alone and keyed by it
    (query_parts), so a query string with parameters the page does not
    know adds no key of its own, and its links do not repeat them.
    """
    kept = QueryDict(mutable=True)
    for name in names:
        values = query.getlist(name)[:QUERY_VALUES_MAX]
        if values:
            kept.setlist(name, [value[:QUERY_VALUE_LENGTH_MAX] for value in values])
    kept._mutable = False
    return kept


def query_parts(query: QueryDict, names: tuple[str, ...]) -> tuple[str, ...]:
    """Return the key parts of a known_query() (in names' order)."""
    kept = known_query(query, names)
    return tuple(f"{name}={value}" for name in names for value in kept.getlist(name))


def page_lookup(kind: str, *parts: str, cached: bool = True) -> Lookup:
    """Find the page for the request's parts, with the current versions.

    Call it before reading any row: a page rendered from rows read after
    the versions is never older than the versions it is stored with.
    One cache round trip, which asks for the page itself unless this
    process kept it; a second the first time this process serves a page
    that records fine versions (stock, an article's own), or a lost one,
    or when the page this process kept is out of date.
    """
    key = page_key(kind, *parts)
    # Rows this connection wrote but has not committed are no one else's.
    storable = not cache_versions.pending()
    keys = [
        cache_versions.version_key(CATALOG),
        cache_versions.version_key(PROMISE_RULES),
        cache_versions.SEQUENCE_KEY,
    ]
    read = cached and storable
    kept = _local_pages.get(key) if read else None
    if read:
        keys.extend(cache_versions.fine_keys_seen(key))
        if kept is None:
            keys.append(key)
    found = cache.get_many(keys)
    versions = (
        cache_versions.version_from(found, CATALOG),
        cache_versions.version_from(found, PROMISE_RULES),
    )
    now = timezone.now()
    page = None
    if read:
        page = _local_pages.current(
            key,
            kept=kept,
            found=found.get(key),
            check=functools.partial(
                _current_page, key=key, versions=versions, now=now, found=found
            ),
            size=lambda page: len(page.body),
        )
    return Lookup(
        key=key,
        versions=versions,
        sequence=cache_versions.sequence_from(found),
        page=page,
        read_at=now,
        storable=storable,
    )


def _current_page(entry, *, key, versions, now, found) -> CachedPage | None:
    """Return the entry's page if it may be served now, else None."""
    if entry is None or len(entry) != 3:
        return None
    stored_versions, fine, page = entry
    if not cache_versions.entry_current(
        stored=stored_versions,
        current=versions,
        fine=fine,
        valid_until=page.valid_until,
        now=now,
        entry_key=key,
        found=found,
    ):
        return None
    return page


def page_render(render_page) -> tuple[CachedPage, set[str]]:
    """Render a page, returning it with the fine versions it read."""
    with cache_versions.recording() as names:
        page = render_page()
    return page, names


def page_store(
    lookup: Lookup, page: CachedPage, *, channel_slug: str, names=()
) -> None:
    """Keep the page until its dates or the next scheduled publication expire.

    ``names``: the fine versions its render recorded (page_render).
    """
    if not lookup.storable:
        return
    fine = cache_versions.fine_snapshot(names, sequence=lookup.sequence)
    if fine is None:
        return  # a sale of what it shows committed while it rendered
    now = timezone.now()
    # The timeout is in valid_until too, for a process's copy of the entry.
    moments = [
        page.valid_until,
        next_scheduled_publication(channel_slug=channel_slug, after=lookup.read_at),
        now + timedelta(seconds=PAGE_TIMEOUT),
    ]
    valid_until = min(moment for moment in moments if moment is not None)
    timeout = max(1, int((valid_until - now).total_seconds()) + 1)
    page = dataclasses.replace(page, valid_until=valid_until)
    cache.set(lookup.key, (lookup.versions, fine, page), timeout)


def cached_page_response(request, kind: str, parts: tuple[str, ...], render_page):
    """Answer from the cached page of (kind, parts), else render_page() it.

    render_page() returns a CachedPage rendered with shared_context(); a
    reader with flash messages gets a page of their own, never stored.
    """
    channel_slug = settings.DEFAULT_CHANNEL_SLUG
    messages_pending = reader_messages_pending(request)
    lookup = page_lookup(kind, *parts, cached=not messages_pending)
    page = lookup.page
    if page is None:
        page, names = page_render(render_page)
        if not messages_pending:
            page_store(lookup, page, channel_slug=channel_slug, names=names)
    return cache_marked(HttpResponse(reader_fill(page.html, request)), lookup)


def cache_marked(response, lookup: Lookup):
    """Say in X-Cache whether the page came from the cache (hit) or not (miss).

    What bench/mixed_load.py counts its hit rate from; costs nothing.
    """
    response[CACHE_HEADER] = "hit" if lookup.page is not None else "miss"
    return response


def next_scheduled_publication(
    *, channel_slug: str, after: datetime
) -> datetime | None:
    """Return when a product or article next appears or goes on sale by the clock.

    No write marks that moment, so a cached page must not outlive it
    (one query, compiled once per process: every page stored runs it).
    """
    moments = compiled_rows(
        model=ProductChannelListing,
        key=("next-scheduled-publication", channel_slug),
        build=lambda now: _scheduled_moments(channel_slug=channel_slug, now=now),
        now=after,
    )
    return min((moment for (moment,) in moments), default=None)


def _scheduled_moments(*, channel_slug: str, now: datetime) -> QuerySet:
    listings = ProductChannelListing.objects.filter(channel__slug=channel_slug)
    # Each part unordered: only the union's earliest moment matters.
    return (
        listings.filter(published_at__gt=now)
        .order_by()
        .values_list("published_at")
        .union(
            listings.filter(available_for_purchase_at__gt=now)
            .order_by()
            .values_list("available_for_purchase_at"),
            Page.objects.filter(published_at__gt=now)
            .order_by()
            .values_list("published_at"),
        )
    )


def shopper_country(request) -> str | None:
    """Return the country the shopper told us, if any (no query without one)."""
    return request.session.get(COUNTRY_KEY)


def shared_context() -> dict:
    """Context that renders a page for every reader, with slots for each."""
    return {
        "csrf_token": CSRF_SLOT,
        "reader_links_slot": READER_LINKS_SLOT,
        # Everyone's banner; reader_fill puts a known reader's own in.
        "delivery_banner": delivery_banner_text(
            channel_slug=settings.DEFAULT_CHANNEL_SLUG
        ),
    }


def reader_fill(html: str, request) -> str:
    """Put the reader's own header links and CSRF token into a shared page."""
    if request.user.is_authenticated or cart_token(request) is not None:
        links = render_to_string(
            "components/reader_links.html",
            {"user": request.user, "cart_count": cart_quantity(request)},
        )
    else:
        links = _new_reader_links()
    html = html.replace(READER_LINKS_SLOT, links)
    if CSRF_SLOT in html:
        html = html.replace(CSRF_SLOT, csrf_token(request))
    country = shopper_country(request)
    if country:
        own = delivery_banner_text(
            channel_slug=settings.DEFAULT_CHANNEL_SLUG, country=country
        )
        html = _BANNER.sub(lambda m: m.group(1) + escape(own), html, count=1)
    return html


def new_reader_fill(page: CachedPage, request, *, delivery: str = "") -> bytes:
    """Fill a shared page for a reader without a session (no cart, no login).

    Touches neither the session nor the database: the fast path
    (backend.storefront.fast_pages) answers with it. On the page's bytes,
    as the cache holds them; ``delivery``: a product page's delivery line.
    """
    values = {
        _READER_LINKS_SLOT_BYTES: _new_reader_links_bytes(),
        _DELIVERY_SLOT_BYTES: delivery.encode(),
    }
    # A page without a form sets no CSRF cookie, as on the normal path.
    if _CSRF_SLOT_BYTES in page.slots:
        values[_CSRF_SLOT_BYTES] = csrf_token(request).encode()
    return page.filled(values)


_READER_LINKS_SLOT_BYTES = READER_LINKS_SLOT.encode()
_CSRF_SLOT_BYTES = CSRF_SLOT.encode()
_DELIVERY_SLOT_BYTES = DELIVERY_SLOT.encode()


@functools.cache
def _new_reader_links_bytes() -> bytes:
    return _new_reader_links().encode()


@functools.cache
def _new_reader_links() -> str:
    """Return the links of a reader not logged in and without a cart.

    Most readers: rendered once per process rather than on every page.
    """
    return render_to_string(
        "components/reader_links.html", {"user": AnonymousUser(), "cart_count": 0}
    )

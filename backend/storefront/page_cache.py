"""Whole storefront pages cached in Redis, shared by every reader.

A product or article page is rendered once and kept with the versions it
was read under: the catalog version (which every writer of the catalog,
content or menus moves, see backend.core.cache_versions) and the delivery
rules' version. One Redis MGET reads the versions and the page together, so a
page whose versions moved is never served. What belongs to one reader stays
out of it: the header's login and cart links, the CSRF token and the
product page's countdown fill slots on every request, a reader whose
country is known gets their own delivery banner in place of everyone's,
and a reader with flash messages gets a page of their own. A page whose
delivery dates expire (the next cut-off) is not served after that moment.
Redis down reads as a miss.
"""

import dataclasses
import functools
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import escape

from backend.core import cache_versions
from backend.core.cache_versions import CATALOG, PROMISE_RULES
from backend.page.models import Page
from backend.product.models import ProductChannelListing
from backend.shipping.promise_rules import delivery_banner_text

from .cart import cart_quantity, cart_token

# Rendered in place of what belongs to one reader, filled per request.
CSRF_SLOT = "lumbar-csrf-slot-3f9c2a"
READER_LINKS_SLOT = "lumbar-reader-links-slot-51b7e4"
# A bound for pages whose version move was lost while Redis was away.
PAGE_TIMEOUT = 10 * 60
# The shopper's country, once a postal code or an address told it.
COUNTRY_KEY = "lumbar_country"
# The header's banner as layout.html renders it, text escaped.
_BANNER = re.compile(r'(<p class="promise-banner" data-testid="delivery-banner">)[^<]*')


@dataclass(frozen=True)
class CachedPage:
    html: str
    # Anything else the view needs per request (the product's promise).
    extra: dict = field(default_factory=dict)
    # Delivery dates in it hold until this moment (the next cut-off).
    valid_until: datetime | None = None


@dataclass(frozen=True)
class Lookup:
    key: str
    versions: tuple
    # None on a miss, or when the reader's page must not come from the cache.
    page: CachedPage | None
    # When the versions were read: a miss renders from rows read after it.
    read_at: datetime
    # False while this request's own writes wait for their commit.
    storable: bool = True


def reader_messages_pending(request) -> bool:
    """Say whether the reader has flash messages waiting (never cached)."""
    return len(get_messages(request)) > 0


def page_lookup(kind: str, *parts: str, cached: bool = True) -> Lookup:
    """Find the page for the request's parts, with the current versions.

    Call it before reading any row: a page rendered from rows read after
    the versions is never older than the versions it is stored with.
    """
    language = translation.get_language() or ""
    # Parts come from the request (a slug, a postal code): hash them.
    digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]
    key = f"lumbar:page:{kind}:{language}:{digest}"
    # Rows this connection wrote but has not committed are no one else's.
    storable = not cache_versions.pending(CATALOG, PROMISE_RULES)
    keys = [
        cache_versions.version_key(CATALOG),
        cache_versions.version_key(PROMISE_RULES),
    ]
    found = cache.get_many([*keys, key] if cached and storable else keys)
    versions = (
        cache_versions.version_from(found, CATALOG),
        cache_versions.version_from(found, PROMISE_RULES),
    )
    now = timezone.now()
    stored_versions, page = found.get(key) or (None, None)
    if stored_versions != versions or (
        page is not None and page.valid_until is not None and now >= page.valid_until
    ):
        page = None
    return Lookup(key=key, versions=versions, page=page, read_at=now, storable=storable)


def page_store(lookup: Lookup, page: CachedPage, *, channel_slug: str) -> None:
    """Keep the page until its dates or the next scheduled publication expire."""
    if not lookup.storable:
        return
    moments = [
        page.valid_until,
        next_scheduled_publication(channel_slug=channel_slug, after=lookup.read_at),
    ]
    valid_until = min((m for m in moments if m is not None), default=None)
    timeout = PAGE_TIMEOUT
    if valid_until is not None:
        left = (valid_until - timezone.now()).total_seconds()
        timeout = max(1, min(timeout, int(left) + 1))
    page = dataclasses.replace(page, valid_until=valid_until)
    cache.set(lookup.key, (lookup.versions, page), timeout)


def next_scheduled_publication(
    *, channel_slug: str, after: datetime
) -> datetime | None:
    """Return when a product or article next appears or goes on sale by the clock.

    No write marks that moment, so a cached page must not outlive it
    (one query).
    """
    now = after
    listings = ProductChannelListing.objects.filter(channel__slug=channel_slug)
    # Each part unordered: only the union's earliest moment matters.
    moments = (
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
    return min((moment for (moment,) in moments), default=None)


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
        html = html.replace(CSRF_SLOT, get_token(request))
    country = shopper_country(request)
    if country:
        own = delivery_banner_text(
            channel_slug=settings.DEFAULT_CHANNEL_SLUG, country=country
        )
        html = _BANNER.sub(lambda m: m.group(1) + escape(own), html, count=1)
    return html


@functools.cache
def _new_reader_links() -> str:
    """Return the links of a reader not logged in and without a cart.

    Most readers: rendered once per process rather than on every page.
    """
    return render_to_string(
        "components/reader_links.html", {"user": AnonymousUser(), "cart_count": 0}
    )

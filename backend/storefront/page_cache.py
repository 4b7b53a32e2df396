"""Rendered page fragments cached in Redis, shared by every reader.

A fragment is the part of a page that is the same for everyone: the main
content and the head. It is keyed by the page version (which any write to
the catalog or content moves, see backend.core.page_version), the delivery
rules' version, the language and whatever in the request shapes it. What
belongs to one reader stays out: the header (cart, login) and messages come
from the layout, and the CSRF token and the product page's countdown fill
slots on every request. A fragment whose delivery dates expire (the next
cut-off) is not served after that moment. Redis down reads as a miss.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from backend.core.page_version import VERSION_KEY as PAGE_VERSION_KEY
from backend.core.page_version import page_version
from backend.shipping.promise_rules import (
    CLAIM_TIMEOUT,
    delivery_banner_text,
    promise_rules_version,
)
from backend.shipping.promise_rules import VERSION_KEY as RULES_VERSION_KEY

from .menus import FOOTER_MENU, NAVBAR_MENU, menu_links

# Rendered in place of the reader's CSRF token and filled per request.
CSRF_SLOT = "lumbar-csrf-slot-3f9c2a"
# A bound for fragments whose version move was lost while Redis was away.
FRAGMENT_TIMEOUT = 10 * 60


@dataclass(frozen=True)
class Fragment:
    head: str
    main: str
    # Anything else the page needs per request (its meta, a promise).
    extra: dict = field(default_factory=dict)
    # Delivery dates in it hold until this moment (the next cut-off).
    valid_until: datetime | None = None


@dataclass(frozen=True)
class Lookup:
    key: str
    # None on a miss, or when the reader's page must not come from the cache.
    fragment: Fragment | None
    # The layout's shared parts (menus, delivery banner), under the same
    # versions, so a cached page costs two Redis round trips and no query.
    layout: dict


def fragment_lookup(kind: str, *parts: str, cached: bool = True) -> Lookup:
    """Find the fragment for the request's parts; read before the rows.

    The versions are read first: rows read after them are at least as new,
    so a fragment rendered from them is never older than its key.
    """
    versions = cache.get_many([PAGE_VERSION_KEY, RULES_VERSION_KEY])
    page = versions.get(PAGE_VERSION_KEY) or page_version()
    rules = versions.get(RULES_VERSION_KEY) or promise_rules_version()
    language = translation.get_language() or ""
    # Parts come from the request (a slug, a postal code): hash them.
    digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]
    key = f"lumbar:fragment:{kind}:{page}:{rules}:{language}:{digest}"
    layout_key = f"lumbar:fragment:layout:{page}:{rules}:{language}"
    found = cache.get_many([key, layout_key] if cached else [layout_key])
    layout = found.get(layout_key)
    if layout is None:
        layout = {
            "menus": menu_links(menu_slugs=(NAVBAR_MENU, FOOTER_MENU)),
            "delivery_banner": delivery_banner_text(
                channel_slug=settings.DEFAULT_CHANNEL_SLUG
            ),
        }
        # The banner's claim is itself cached this long (promise_rules).
        cache.set(layout_key, layout, CLAIM_TIMEOUT)
    fragment = found.get(key)
    if (
        fragment is not None
        and fragment.valid_until is not None
        and timezone.now() >= fragment.valid_until
    ):
        fragment = None
    return Lookup(key=key, fragment=fragment, layout=layout)


def reader_messages_pending(request) -> bool:
    """Say whether the reader has flash messages waiting (never cached)."""
    return len(get_messages(request)) > 0


def fragment_set(key: str, fragment: Fragment) -> None:
    timeout = FRAGMENT_TIMEOUT
    if fragment.valid_until is not None:
        left = (fragment.valid_until - timezone.now()).total_seconds()
        timeout = max(1, min(timeout, int(left) + 1))
    cache.set(key, fragment, timeout)


def csrf_fill(html: str, request) -> SafeString:
    """Put the reader's own CSRF token in the fragment's forms."""
    if CSRF_SLOT not in html:
        return mark_safe(html)
    return mark_safe(html.replace(CSRF_SLOT, get_token(request)))

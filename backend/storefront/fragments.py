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

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from backend.core.page_version import page_version
from backend.shipping.promise_rules import promise_rules_version

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


def fragment_key(kind: str, *parts: str) -> str:
    """Return the cache key; read it before the rows it stands for."""
    versions = f"{page_version()}:{promise_rules_version()}"
    language = translation.get_language() or ""
    # Parts come from the request (a slug, a postal code): hash them.
    digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]
    return f"lumbar:fragment:{kind}:{versions}:{language}:{digest}"


def reader_messages_pending(request) -> bool:
    """Say whether the reader has flash messages waiting (never cached)."""
    return len(get_messages(request)) > 0


def fragment_get(key: str) -> Fragment | None:
    fragment = cache.get(key)
    if fragment is None:
        return None
    if fragment.valid_until is not None and timezone.now() >= fragment.valid_until:
        return None
    return fragment


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

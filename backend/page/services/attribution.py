"""Shop block clicks: where a reader came from before the cart.

A click on a product in an article's shop block is stored as a
``ShopBlockClick`` and its attribution is kept in the reader's session
under ``ATTRIBUTION_SESSION_KEY`` as ``{"article": <page slug>, "block":
<label>}``. On add-to-cart the storefront copies that dict into its
checkout's metadata under ``ATTRIBUTION_METADATA_KEY`` through
``checkout_attribution.checkout_attribution_set``;
``checkout_complete`` copies the checkout's metadata to the order's, so the
sales report counts carts, orders and revenue per article.
"""

import hashlib
import hmac
import re

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase

from backend.product.models import Product

from ..models import Page, ShopBlockClick

# The session key holding the last shop block click's attribution.
ATTRIBUTION_SESSION_KEY = "lumbar_attribution"
# The checkout's and the order's metadata key for the same dict.
ATTRIBUTION_METADATA_KEY = "lumbar.attribution"
# What a block label is stored as when the link's "block" is not a block's.
UNKNOWN_BLOCK = "unknown"
END_BLOCK = "end"
_BLOCK_NUMBER_RE = re.compile(r"\A[0-9]{1,4}\Z")


def shop_block_label(block: str | None) -> str:
    """Return the block label a link named, or "unknown" if it names none."""
    if block == END_BLOCK or (block and _BLOCK_NUMBER_RE.match(block)):
        return block
    return UNKNOWN_BLOCK


def session_key_hash(session_key: str) -> str:
    """Return a keyed hash of the session key; the key itself is not kept."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, session_key.encode(), hashlib.sha256).hexdigest()


def shop_block_click_record(
    *, page: Page, product: Product, block: str | None, session: SessionBase
) -> ShopBlockClick:
    """Store the click and make it the session's attribution.

    The last click wins: a reader who clicks through two articles is
    attributed to the second.
    """
    label = shop_block_label(block)
    if session.session_key is None:
        session.save()
    session[ATTRIBUTION_SESSION_KEY] = {"article": page.slug, "block": label}
    return ShopBlockClick.objects.create(
        page=page,
        product=product,
        block=label,
        session_hash=session_key_hash(session.session_key),
    )

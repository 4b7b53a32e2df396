"""Which article sold a checkout: its shop block attribution.

The storefront copies the reader's session attribution (set by a shop block
click, see ``attribution.py``) into the checkout's metadata on
add-to-cart; ``checkout_complete`` copies the checkout's metadata onto the
order, where the article sales report counts it. It lives with the pages,
not the checkout, because it checks the article: the page domain sits
above checkout and order and reads them, never the other way round.
"""

from uuid import UUID

from django.db import transaction

from backend.checkout.errors import CheckoutErrorCode, checkout_error
from backend.checkout.models import Checkout
from backend.checkout.services import checkout_for_update

from ..models import Page
from .attribution import ATTRIBUTION_METADATA_KEY, UNKNOWN_BLOCK, shop_block_label

# The widest block index a label takes (see ``shop_block_label``).
MAX_BLOCK = 9999


def _invalid(message: str):
    return checkout_error(
        field="attribution", code=CheckoutErrorCode.INVALID, message=message
    )


def _block_label(block) -> str:
    """Return the stored label of a block given as an index or a label."""
    if isinstance(block, bool):
        raise _invalid("The block must be a block number or 'end'.")
    if isinstance(block, int):
        if not 0 <= block <= MAX_BLOCK:
            raise _invalid("The block must be a block number or 'end'.")
        return str(block)
    label = shop_block_label(block if isinstance(block, str) else None)
    if label == UNKNOWN_BLOCK and block != UNKNOWN_BLOCK:
        raise _invalid("The block must be a block number or 'end'.")
    return label


@transaction.atomic
def checkout_attribution_set(
    *, checkout_token: UUID | str, attribution: dict
) -> Checkout:
    """Record on the checkout the article and shop block that sent the shopper.

    The last attribution wins, as the last click does in the session.
    """
    if not isinstance(attribution, dict):
        raise _invalid("The attribution must name an article and a block.")
    slug = attribution.get("article")
    block = _block_label(attribution.get("block"))
    if not isinstance(slug, str) or not slug:
        raise _invalid("The attribution must name an article.")
    if not Page.objects.filter(slug=slug, article__isnull=False).exists():
        raise _invalid(f"No article has the slug {slug!r}.")
    checkout = checkout_for_update(checkout_token)
    value = {"article": slug, "block": block}
    if checkout.metadata.get(ATTRIBUTION_METADATA_KEY) != value:
        checkout.metadata = {**checkout.metadata, ATTRIBUTION_METADATA_KEY: value}
        checkout.save(update_fields=["metadata", "last_change"])
    return checkout

"""Delete checkouts nobody will come back to, as Saleor's cleanup does."""

from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, Q

from backend.core.cache_versions import CATALOG, bump
from backend.payment.models import TransactionItem

from .models import Checkout, CheckoutLine

# Saleor's defaults: an empty cart goes after hours, a guest's after a month,
# a signed-in customer's after a quarter.
EMPTY_CHECKOUT_TTL = timedelta(hours=6)
GUEST_CHECKOUT_TTL = timedelta(days=30)
CUSTOMER_CHECKOUT_TTL = timedelta(days=90)
# Rows deleted per run: small enough to keep each DELETE short.
DELETE_BATCH_SIZE = 1000


def checkouts_delete_stale(*, now: datetime) -> int:
    """Delete stale checkouts that hold no payment; return how many went."""
    has_lines = Exists(CheckoutLine.objects.filter(checkout=OuterRef("pk")))
    has_payment = Exists(TransactionItem.objects.filter(checkout=OuterRef("pk")))
    stale = (
        Checkout.objects.annotate(has_lines=has_lines, has_payment=has_payment)
        .filter(has_payment=False)
        .filter(
            Q(has_lines=False, last_change__lt=now - EMPTY_CHECKOUT_TTL)
            | Q(user__isnull=True, last_change__lt=now - GUEST_CHECKOUT_TTL)
            | Q(user__isnull=False, last_change__lt=now - CUSTOMER_CHECKOUT_TTL)
        )
        .values_list("pk", flat=True)[:DELETE_BATCH_SIZE]
    )
    deleted, _ = Checkout.objects.filter(pk__in=list(stale)).delete()
    if deleted:
        # Their stock reservations went with them.
        bump(CATALOG)
    return deleted

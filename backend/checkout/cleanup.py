"""Delete checkouts nobody will come back to, as Saleor's cleanup does."""

from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, Q

from backend.payment.models import TransactionItem
from backend.warehouse.models import Reservation
from backend.warehouse.stock_versions import reservations_released

from .models import Checkout, CheckoutLine
from .reservations import reservations_enabled

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
    going = Checkout.objects.filter(pk__in=list(stale))
    # Their stock reservations go with them.
    if reservations_enabled():
        reservations_released(
            Reservation.objects.filter(checkout_line__checkout__in=going)
        )
    deleted, _ = going.delete()
    return deleted

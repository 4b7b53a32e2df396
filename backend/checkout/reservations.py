"""Stock a checkout holds while the shopper shops, as Saleor's reservations.

Off unless the shop sets a duration (``RESERVE_STOCK_DURATION_*`` settings,
Saleor's ``reserveStockDuration*``). When on, every change of a checkout's
lines re-reserves all of them for the full duration, under the same stock row
locks, in the same order, as checkout_complete takes; other shoppers' carts
and completions then see those units as gone until the reservation expires.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Min, Sum
from django.utils import timezone

from backend.warehouse.models import Reservation, Stock
from backend.warehouse.stock_versions import reservations_released, stock_changed

from .errors import CheckoutErrorCode, checkout_error
from .models import Checkout


def reservation_minutes(*, user) -> int | None:
    """Return how long a checkout of this user holds stock, or None for not at all."""
    if user is not None and user.is_authenticated:
        minutes = settings.RESERVE_STOCK_DURATION_AUTHENTICATED_USER
    else:
        minutes = settings.RESERVE_STOCK_DURATION_ANONYMOUS_USER
    return minutes if minutes and minutes > 0 else None


def reservations_enabled() -> bool:
    return any(
        minutes and minutes > 0
        for minutes in (
            settings.RESERVE_STOCK_DURATION_ANONYMOUS_USER,
            settings.RESERVE_STOCK_DURATION_AUTHENTICATED_USER,
        )
    )


def reserved_by_others(
    *, stock_ids: Iterable[int], checkout_token, now: datetime
) -> dict[int, int]:
    """Return, per stock row, what other checkouts hold now (no query when off)."""
    if not reservations_enabled():
        return {}
    rows = (
        Reservation.objects.held_by_others(now=now, checkout_token=checkout_token)
        .filter(stock_id__in=list(stock_ids))
        .values("stock_id")
        .annotate(total=Sum("quantity_reserved"))
    )
    return {row["stock_id"]: row["total"] for row in rows}


def checkout_reserve_stock(
    *, checkout: Checkout, user=None, now: datetime | None = None
) -> None:
    """Hold the stock of every tracked line of the checkout; raise if it is not there.

    Call inside the transaction that changed the lines, with the checkout row
    locked: a refusal rolls the change back with it.
    """
    minutes = reservation_minutes(user=checkout.user or user)
    if minutes is None:
        return
    now = now or timezone.now()
    # Held units are not for sale to others (checkout_complete counts them).
    held = Reservation.objects.filter(checkout_line__checkout=checkout)
    reservations_released(held)
    held.delete()
    tracked = [
        line
        for line in checkout.lines.select_related("variant")
        if line.variant.track_inventory
    ]
    if not tracked:
        return
    stocks = list(
        Stock.objects.select_for_update(of=("self",))
        .filter(
            product_variant_id__in={line.variant_id for line in tracked},
            warehouse__channelwarehouse__channel_id=checkout.channel_id,
        )
        .order_by("pk")
    )
    others = reserved_by_others(
        stock_ids=[stock.pk for stock in stocks], checkout_token=checkout.pk, now=now
    )
    by_variant: dict[int, list[Stock]] = defaultdict(list)
    for stock in stocks:
        by_variant[stock.product_variant_id].append(stock)
    free = {
        stock.pk: stock.quantity - stock.quantity_allocated - others.get(stock.pk, 0)
        for stock in stocks
    }
    until = now + timedelta(minutes=minutes)
    reservations = []
    for line in tracked:
        needed = line.quantity
        for stock in by_variant[line.variant_id]:
            take = min(needed, free[stock.pk])
            if take > 0:
                reservations.append(
                    Reservation(
                        checkout_line=line,
                        stock=stock,
                        quantity_reserved=take,
                        reserved_until=until,
                    )
                )
                free[stock.pk] -= take
                needed -= take
            if needed == 0:
                break
        if needed > 0:
            remaining = line.quantity - needed
            raise checkout_error(
                field="quantity",
                code=CheckoutErrorCode.INSUFFICIENT_STOCK,
                message=(
                    f"Could not add items {line.variant}. Only {remaining} "
                    "remaining in stock."
                ),
            )
    Reservation.objects.bulk_create(reservations)
    stock_changed(
        {
            (r.checkout_line.variant.product_id, r.stock.warehouse_id)
            for r in reservations
        },
        fell=True,
    )


def lines_released(lines) -> None:
    """Move the stock versions of what these lines, about to go, hold."""
    if reservations_enabled():
        reservations_released(Reservation.objects.filter(checkout_line__in=lines))


def checkout_reservation_expires(*, checkout: Checkout, now: datetime | None = None):
    """Return when the checkout's oldest live reservation ends, or None."""
    return (
        Reservation.objects.active(now=now or timezone.now())
        .filter(checkout_line__checkout=checkout)
        .aggregate(expires=Min("reserved_until"))["expires"]
    )


def reservations_delete_expired(*, now: datetime) -> int:
    """Delete reservations that hold nothing any more; return how many went."""
    expired = Reservation.objects.filter(reserved_until__lte=now)
    reservations_released(expired)
    deleted, _ = expired.delete()
    return deleted

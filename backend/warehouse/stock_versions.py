"""The cache versions a stock change moves: only the touched products'.

A sale, a reservation, a cancellation or a return changes what a shopper
can buy of a few products. It moves (``backend.core.cache_versions``):

- ``stock:<product>`` for each product touched: its exact quantity, shown
  by its product page and by GraphQL answers asking ``quantityAvailable``
  or ``isAvailable``;
- ``product:<product>`` only where a listing card's stock label may have
  changed ("In stock", "Only 3 left", "Out of stock") or a warehouse may
  have run out of it (where a shop block promises to ship it from);
- ``LISTINGS`` only where a product may have come into or gone out of
  stock in a channel (listings filtered on stock hold other products).

A change that only lowers stock ("fell") reads, once committed, what is
left of each touched product in each channel of the touched warehouses:
a label can only have changed if that is at most the low-stock threshold,
a flip only if it is none, and a warehouse can only have run out if what
is left there is none. Read after the commit, the last of concurrent
sales sees what they all left. A change that may raise stock moves all
three. Callers are the services that write stock; nothing listens to
signals.
"""

import logging
from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet, Sum
from django.utils import timezone

from backend.core import cache_versions
from backend.core.cache_versions import LISTINGS, bump
from backend.core.compiled_sql import compiled_rows, id_in

from .models import ChannelWarehouse, Stock
from .selectors import LOW_STOCK_THRESHOLD, _product_quantities

logger = logging.getLogger(__name__)


def stock_changed(touched: Iterable[tuple[int, int | None]], *, fell: bool) -> None:
    """Move the versions a change of these (product id, warehouse id) moves.

    ``fell``: the change can only have lowered what shoppers can buy.
    Call inside the writing transaction; nothing moves if it rolls back.
    """
    touched = {(product_id, warehouse_id) for product_id, warehouse_id in touched}
    product_ids = sorted({product_id for product_id, _ in touched})
    if not product_ids:
        return
    bump(*map(cache_versions.stock, product_ids))
    if not fell or any(warehouse_id is None for _, warehouse_id in touched):
        bump(*map(cache_versions.product, product_ids), LISTINGS)
        return
    transaction.on_commit(StockLeftCheck(touched))


def stock_rows_changed(stock_ids: Iterable[int], *, fell: bool) -> None:
    """stock_changed() for these stock rows (one query)."""
    stock_ids = set(stock_ids)
    if stock_ids:
        stock_changed(
            Stock.objects.filter(pk__in=stock_ids).values_list(
                "product_variant__product_id", "warehouse_id"
            ),
            fell=fell,
        )


def reservations_released(reservations: QuerySet) -> None:
    """Move the versions of what these reservations, about to go, held (one query).

    Call before deleting them (or what they cascade from).
    """
    stock_changed(
        reservations.values_list(
            "stock__product_variant__product_id", "stock__warehouse_id"
        ).distinct(),
        fell=False,
    )


class StockLeftCheck:
    """After the commit: move labels and listings if what is left says so."""

    def __init__(self, touched: set[tuple[int, int]]):
        self.touched = touched

    def __call__(self):
        product_ids = sorted({product_id for product_id, _ in self.touched})
        try:
            names = self.names_moved()
        except Exception:  # noqa: BLE001 - never fail a committed sale
            logger.exception("Stock left not read; moving every listing version.")
            names = [*map(cache_versions.product, product_ids), LISTINGS]
        if names:
            cache_versions.move_now(*names)

    def names_moved(self) -> list[str]:
        # Every sale reads these once committed: compiled once per process.
        warehouse_ids = sorted({warehouse_id for _, warehouse_id in self.touched})
        channels: dict[str, set[int]] = {}
        for slug, warehouse_id in compiled_rows(
            model=ChannelWarehouse,
            key=("channels-of-warehouses",),
            build=lambda _now, ids: ChannelWarehouse.objects.filter(
                id_in("warehouse_id", ids)
            ).values_list("channel__slug", "warehouse_id"),
            id_lists=(warehouse_ids,),
        ):
            channels.setdefault(slug, set()).add(warehouse_id)
        names = set()
        left_in_warehouse = dict.fromkeys(self.touched, 0)
        for product_id, warehouse_id, left in compiled_rows(
            model=Stock,
            key=("sellable-by-product-and-warehouse",),
            build=_left_by_product_and_warehouse,
            now=timezone.now(),
            id_lists=(sorted({p for p, _ in self.touched}), warehouse_ids),
        ):
            if (product_id, warehouse_id) in left_in_warehouse:
                left_in_warehouse[product_id, warehouse_id] = left
        for (product_id, _), left in left_in_warehouse.items():
            if left <= 0:
                names.add(cache_versions.product(product_id))
        for slug, in_channel in sorted(channels.items()):
            product_ids = sorted(
                {p for p, warehouse_id in self.touched if warehouse_id in in_channel}
            )
            left = _product_quantities(product_ids=product_ids, channel_slug=slug)
            for product_id, quantity in left.items():
                if quantity <= LOW_STOCK_THRESHOLD:
                    names.add(cache_versions.product(product_id))
                if quantity <= 0:
                    names.add(LISTINGS)
        return sorted(names)


def _left_by_product_and_warehouse(now, product_ids, warehouse_ids) -> QuerySet:
    return (
        Stock.objects.filter(
            id_in("product_variant__product_id", product_ids),
            id_in("warehouse_id", warehouse_ids),
        )
        .annotate_sellable(now=now)
        .values_list("product_variant__product_id", "warehouse_id")
        .annotate(left=Sum("quantity_sellable"))
    )

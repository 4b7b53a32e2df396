"""Stock writes: how many of a variant each warehouse holds."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import ngettext

from backend.core.cache_versions import CATALOG, bump
from backend.core.promise_version import promise_rules_changed
from backend.product.models import ProductVariant

from .models import Stock, StockAdjustment, StockAdjustmentReason, Warehouse


@dataclass(frozen=True)
class StockInput:
    warehouse: Warehouse
    quantity: int


def _error(field_name: str, message: str, code: str, index: int | None = None):
    error = ValidationError(message, code=code, params={"index": index})
    return ValidationError({field_name: error})


def _held_refusal(held: int, field_name: str, index: int | None = None):
    message = ngettext(
        "%(held)d unit is held for orders; the quantity cannot go below that.",
        "%(held)d units are held for orders; the quantity cannot go below that.",
        held,
    ) % {"held": held}
    return _error(field_name, message, "INSUFFICIENT_STOCK", index)


def _stocks_check(stocks: list[StockInput]) -> list[int]:
    warehouse_ids = [stock.warehouse.pk for stock in stocks]
    for index, stock in enumerate(stocks):
        if stock.quantity is None or stock.quantity < 0:
            raise _error("quantity", "Quantity cannot be negative.", "INVALID", index)
        if warehouse_ids.count(stock.warehouse.pk) > 1:
            raise _error("warehouse", "A warehouse is given twice.", "UNIQUE", index)
    return warehouse_ids


@transaction.atomic
def product_variant_stocks_update(
    *, variant: ProductVariant, stocks: list[StockInput], create_only: bool = False
) -> ProductVariant:
    """Set the variant's quantity in each warehouse, adding stock rows as needed.

    A quantity never goes below what orders hold; with ``create_only`` a
    warehouse that already stocks the variant is refused (Saleor's
    productVariantStocksCreate).
    """
    bump(CATALOG)
    warehouse_ids = _stocks_check(stocks)
    variant = ProductVariant.objects.select_for_update().get(pk=variant.pk)
    existing = {
        stock.warehouse_id: stock
        for stock in Stock.objects.select_for_update()
        .filter(product_variant=variant, warehouse_id__in=warehouse_ids)
        .order_by("pk")
    }
    to_create, to_update = [], []
    for index, item in enumerate(stocks):
        stock = existing.get(item.warehouse.pk)
        if stock is None:
            to_create.append(
                Stock(
                    product_variant=variant,
                    warehouse=item.warehouse,
                    quantity=item.quantity,
                )
            )
        elif create_only:
            raise _error(
                "warehouse",
                "Stock for this warehouse already exists for this product variant.",
                "UNIQUE",
                index,
            )
        elif item.quantity < stock.quantity_allocated:
            raise _held_refusal(stock.quantity_allocated, "quantity", index)
        elif stock.quantity != item.quantity:
            stock.quantity = item.quantity
            to_update.append(stock)
    Stock.objects.bulk_create(to_create)
    Stock.objects.bulk_update(to_update, ["quantity"])
    # A warehouse that empties or refills can make or break the fast claim.
    promise_rules_changed()
    return variant


@transaction.atomic
def product_variant_stocks_delete(
    *, variant: ProductVariant, warehouses: list[Warehouse]
) -> ProductVariant:
    """Remove the variant's stock rows in the given warehouses.

    A stock that orders still hold units of stays: removing it would lose
    what those orders will ship from.
    """
    bump(CATALOG)
    stocks = list(
        Stock.objects.select_for_update()
        .filter(product_variant=variant, warehouse__in=[w.pk for w in warehouses])
        .order_by("pk")
    )
    for stock in stocks:
        if stock.quantity_allocated > 0:
            raise _held_refusal(stock.quantity_allocated, "warehouseIds")
    Stock.objects.filter(pk__in=[stock.pk for stock in stocks]).delete()
    promise_rules_changed()
    return variant


@transaction.atomic
def stock_adjust(
    *, stock_id: int, quantity: int, reason: str, note: str = "", user=None
) -> StockAdjustment:
    """Set a stock level by hand, recording who, why and what it was."""
    bump(CATALOG)
    if reason not in StockAdjustmentReason.values:
        raise _error("reason", "Choose a reason for the change.", "REQUIRED")
    stock = Stock.objects.select_for_update().filter(pk=stock_id).first()
    if stock is None:
        raise _error("stock", "Stock not found.", "NOT_FOUND")
    if quantity is None or quantity < 0:
        raise _error("quantity", "Quantity cannot be negative.", "INVALID")
    if quantity < stock.quantity_allocated:
        raise _held_refusal(stock.quantity_allocated, "quantity")
    adjustment = StockAdjustment.objects.create(
        stock=stock,
        quantity_before=stock.quantity,
        quantity_after=quantity,
        reason=reason,
        note=note.strip()[:250],
        user=user if user is not None and user.is_authenticated else None,
    )
    stock.quantity = quantity
    stock.save(update_fields=["quantity"])
    promise_rules_changed()
    return adjustment


# The longest bin label Stock.bin_location holds ("A-03-2", "MEZZ-12-B").
BIN_LOCATION_MAX_LENGTH = Stock._meta.get_field("bin_location").max_length


@transaction.atomic
def stock_bin_location_set(*, stock_id: int, bin_location: str) -> Stock:
    """Set the shelf pickers find a stock on; pick lists and slips sort by it."""
    bin_location = (bin_location or "").strip()
    if len(bin_location) > BIN_LOCATION_MAX_LENGTH:
        raise _error(
            "bin_location",
            f"A bin can be at most {BIN_LOCATION_MAX_LENGTH} characters.",
            "INVALID",
        )
    if not all(char.isprintable() for char in bin_location):
        raise _error(
            "bin_location", "A bin cannot contain control characters.", "INVALID"
        )
    stock = Stock.objects.select_for_update().filter(pk=stock_id).first()
    if stock is None:
        raise _error("stock", "Stock not found.", "NOT_FOUND")
    stock.bin_location = bin_location
    stock.save(update_fields=["bin_location"])
    return stock

"""What pickers collect: the held stock of chosen orders, shelf by shelf."""

from dataclasses import dataclass

from django.db.models import Sum

from backend.warehouse.models import Allocation


@dataclass(frozen=True)
class PickItem:
    bin_location: str
    sku: str
    name: str
    quantity: int


@dataclass(frozen=True)
class PickSheet:
    warehouse_name: str
    items: list[PickItem]

    @property
    def total(self) -> int:
        return sum(item.quantity for item in self.items)


def pick_sheets(*, order_ids: list[int]) -> list[PickSheet]:
    """Return one sheet per warehouse, each SKU once, sorted by bin (one query)."""
    rows = (
        Allocation.objects.filter(
            order_line__order_id__in=order_ids, quantity_allocated__gt=0
        )
        .values(
            "stock__warehouse__name",
            "stock__bin_location",
            "stock__product_variant__sku",
            "stock__product_variant__name",
            "stock__product_variant__product__name",
        )
        .annotate(quantity=Sum("quantity_allocated"))
        .order_by(
            "stock__warehouse__name",
            "stock__bin_location",
            "stock__product_variant__sku",
        )
    )
    sheets: dict[str, list[PickItem]] = {}
    for row in rows:
        variant = row["stock__product_variant__name"]
        name = row["stock__product_variant__product__name"]
        sheets.setdefault(row["stock__warehouse__name"], []).append(
            PickItem(
                bin_location=row["stock__bin_location"] or "—",
                sku=row["stock__product_variant__sku"] or "",
                name=f"{name} ({variant})" if variant else name,
                quantity=row["quantity"],
            )
        )
    return [
        PickSheet(warehouse_name=name, items=items) for name, items in sheets.items()
    ]

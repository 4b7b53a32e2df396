"""Per-request loaders for warehouses: one query per relation a page."""

from collections import defaultdict

from backend.shipping.models import ShippingZone

from ..core.dataloaders import DataLoader


class ShippingZonesByWarehouseIdLoader(DataLoader):
    """The zones each warehouse sends to (Saleor's zone-warehouse link)."""

    context_key = "shipping_zones_by_warehouse_id"

    def batch_load(self, keys):
        through = ShippingZone.warehouses.through
        links = list(
            through.objects.filter(warehouse_id__in=keys)
            .select_related("shippingzone")
            .order_by("shippingzone_id")
        )
        found = defaultdict(list)
        for link in links:
            found[link.warehouse_id].append(link.shippingzone)
        return [found[key] for key in keys]

"""Per-request loaders of what a page of orders shows."""

from backend.order.models import Fulfillment as FulfillmentModel
from backend.order.models import OrderEvent as OrderEventModel
from backend.order.models import OrderLine as OrderLineModel
from backend.payment.models import OrderGrantedRefund as OrderGrantedRefundModel
from backend.payment.models import TransactionItem as TransactionItemModel
from backend.warehouse.models import Allocation as AllocationModel
from backend.warehouse.models import Warehouse as WarehouseModel

from ..core.dataloaders import DataLoader


class FulfillmentsByOrderIdLoader(DataLoader):
    """An order's fulfilments with their lines, for a page of orders at once."""

    def batch_load(self, keys):
        found = {key: [] for key in keys}
        for fulfillment in FulfillmentModel.objects.filter(
            order_id__in=keys
        ).prefetch_related(
            "lines__order_line__variant__product", "lines__stock__warehouse__address"
        ):
            found[fulfillment.order_id].append(fulfillment)
        return [found[key] for key in keys]


class GrantedRefundsByOrderIdLoader(DataLoader):
    """An order's granted refunds with their lines, for a page of orders."""

    def batch_load(self, keys):
        found = {key: [] for key in keys}
        for granted in (
            OrderGrantedRefundModel.objects.filter(order_id__in=keys)
            .select_related("transaction_item", "user")
            .prefetch_related("lines__order_line")
        ):
            found[granted.order_id].append(granted)
        return [found[key] for key in keys]


class AllocationsByOrderLineIdLoader(DataLoader):
    """The stock held for each order line, with its warehouse."""

    def batch_load(self, keys):
        found = {key: [] for key in keys}
        for allocation in AllocationModel.objects.filter(
            order_line_id__in=keys, quantity_allocated__gt=0
        ).select_related("stock__warehouse__address"):
            found[allocation.order_line_id].append(allocation)
        return [found[key] for key in keys]


class TransactionsByOrderIdLoader(DataLoader):
    """An order's transactions with their events, for a page of orders."""

    def batch_load(self, keys):
        found = {key: [] for key in keys}
        for item in (
            TransactionItemModel.objects.filter(order_id__in=keys)
            .prefetch_related("events__user")
            .order_by("pk")
        ):
            found[item.order_id].append(item)
        return [found[key] for key in keys]


class OrderEventsByOrderIdLoader(DataLoader):
    """An order's events with who made them, for a page of orders."""

    def batch_load(self, keys):
        found = {key: [] for key in keys}
        for event in (
            OrderEventModel.objects.filter(order_id__in=keys)
            .select_related("user", "order")
            .order_by("date", "pk")
        ):
            found[event.order_id].append(event)
        return [found[key] for key in keys]


class OrderLineByIdLoader(DataLoader):
    """Order lines by id, as events name them."""

    def batch_load(self, keys):
        found = OrderLineModel.objects.select_related(
            "order__channel", "variant__product"
        ).in_bulk(keys)
        return [found.get(key) for key in keys]


class WarehouseByIdLoader(DataLoader):
    """Warehouses by id, as events name them."""

    def batch_load(self, keys):
        found = WarehouseModel.objects.select_related("address").in_bulk(keys)
        return [found.get(key) for key in keys]

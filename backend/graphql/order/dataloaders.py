"""Per-request loaders of what a page of orders shows."""

from backend.order.models import Fulfillment as FulfillmentModel
from backend.payment.models import OrderGrantedRefund as OrderGrantedRefundModel

from ..core.dataloaders import DataLoader


class FulfillmentsByOrderIdLoader(DataLoader):
    """An order's fulfilments with their lines, for a page of orders at once."""

    def batch_load(self, keys):
        found = {key: [] for key in keys}
        for fulfillment in FulfillmentModel.objects.filter(
            order_id__in=keys
        ).prefetch_related("lines__order_line"):
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

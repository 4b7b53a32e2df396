"""The order status page, reachable only by the order's secret token."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from backend.order.emails import address_lines, delivery_estimate
from backend.order.models import Fulfillment, FulfillmentStatus, Order
from backend.order.shipped_email import tracking_url

from ..seo import PageMeta

NOT_SENT = (FulfillmentStatus.CANCELED, FulfillmentStatus.WAITING_FOR_APPROVAL)


def order_by_token(token) -> Order:
    """Return the order with this secret token, or raise 404."""
    return get_object_or_404(
        Order.objects.select_related(
            "shipping_address", "billing_address", "shipping_method"
        ),
        token=token,
    )


def order_context(order: Order) -> dict:
    """Return what an order page shows: lines, totals, address, parcels."""
    # A canceled parcel never left, and one waiting for approval has not yet:
    # the shopper sees only what was sent.
    fulfillments = list(
        Fulfillment.objects.filter(order=order)
        .exclude(status__in=NOT_SENT)
        .prefetch_related("lines__order_line")
    )
    return {
        "order": order,
        "lines": list(order.lines.all()),
        "shipping_address_lines": address_lines(order.shipping_address),
        "delivery_estimate": delivery_estimate(order=order),
        "parcels": [
            {
                "fulfillment": fulfillment,
                "tracking_url": tracking_url(
                    carrier=fulfillment.carrier,
                    tracking_number=fulfillment.tracking_number,
                ),
                "lines": list(fulfillment.lines.all()),
            }
            for fulfillment in fulfillments
        ],
    }


@require_safe
def order_status(request, token):
    order = order_by_token(token)
    return render(
        request,
        "checkout/order_status.html",
        {
            **order_context(order),
            "meta": PageMeta(title=f"Order #{order.number} | Lumbar", noindex=True),
        },
    )

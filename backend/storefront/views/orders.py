"""The order status page, reachable only by the order's secret token."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from backend.order.emails import address_lines, delivery_estimate
from backend.order.models import Order
from backend.order.selectors import fulfillments_sent
from backend.order.selectors import order_by_token as order_with_token
from backend.order.shipped_email import tracking_url

from ..seo import PageMeta


def order_by_token(token) -> Order:
    """Return the order with this secret token, or raise 404."""
    order = order_with_token(token=token)
    if order is None:
        raise Http404("No such order.")
    return order


def order_context(order: Order) -> dict:
    """Return what an order page shows: lines, totals, address, parcels."""
    fulfillments = fulfillments_sent(order=order)
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

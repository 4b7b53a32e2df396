"""Read orders as the order types show them."""

from backend.order.models import Order as OrderModel


def order_queryset():
    """Return the orders with the relations every order field reads."""
    return OrderModel.objects.select_related(
        "channel", "shipping_address", "billing_address", "shipping_method"
    ).prefetch_related("lines__variant__product")

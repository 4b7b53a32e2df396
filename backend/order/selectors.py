"""Reads of orders for their owners and for the secret status link."""

from uuid import UUID

from django.db.models import QuerySet

from .access import order_for_token_holder
from .models import Fulfillment, FulfillmentStatus, Order

# A canceled parcel never left, and one waiting for approval has not yet.
NOT_SENT = (FulfillmentStatus.CANCELED, FulfillmentStatus.WAITING_FOR_APPROVAL)


def order_by_token(*, token: UUID | str) -> Order | None:
    """Return the order behind a secret status link, or None."""
    return order_for_token_holder(
        token=token,
        queryset=Order.objects.select_related(
            "shipping_address", "billing_address", "shipping_method"
        ).prefetch_related("lines"),
    )


def orders_of_user(*, user) -> QuerySet:
    """Return a customer's own orders, newest first."""
    if user is None or not user.is_authenticated:
        return Order.objects.none()
    return Order.objects.filter(user=user).order_by("-number")


def fulfillments_sent(*, order: Order) -> list[Fulfillment]:
    """Return the parcels that left for the shopper, with their lines."""
    return list(
        Fulfillment.objects.filter(order=order)
        .exclude(status__in=NOT_SENT)
        .prefetch_related("lines__order_line")
    )

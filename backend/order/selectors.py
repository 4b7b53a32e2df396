"""Reads of orders for their owners and for the secret status link."""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from .models import Order


def order_by_token(*, token: UUID | str) -> Order | None:
    """Return the order behind a secret status link, or None."""
    try:
        return (
            Order.objects.select_related("shipping_address", "billing_address")
            .prefetch_related("lines")
            .filter(token=token)
            .first()
        )
    except ValidationError:  # not a UUID
        return None


def orders_of_user(*, user) -> QuerySet:
    """Return a customer's own orders, newest first."""
    if user is None or not user.is_authenticated:
        return Order.objects.none()
    return Order.objects.filter(user=user).order_by("-number")

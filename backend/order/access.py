"""Who may read an order and act as its customer: one rule for every door.

Saleor's rule: the order's id (token, a random UUID) is the secret of the
confirmation link. Whoever holds it reads the order, a customer's too;
what only staff may see is hidden by each door field by field. Acting as
the order's customer (e.g. writing its public metadata) is its owner's, a
guest order's id holder's, and every order's for staff who manage orders.
"""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from backend.core.permissions import PermissionEnum, user_has_any_permission

from .models import Order


def order_for_token_holder(
    *, token: UUID | str, queryset: QuerySet | None = None
) -> Order | None:
    """Return the order whoever holds its token may read, or None.

    ``queryset`` lets a door load what it shows with the order.
    """
    queryset = Order.objects.all() if queryset is None else queryset
    try:
        # The token is unique: get() reads it without sorting orders by number.
        return queryset.get(token=token)
    except (Order.DoesNotExist, ValidationError):  # no such order, or not a UUID
        return None


def order_may_act_as_customer(*, user, order: Order) -> bool:
    """Tell whether the requestor may act on this order as its customer."""
    if user_has_any_permission(user, PermissionEnum.MANAGE_ORDERS):
        return True
    if order.user_id is None:
        return True
    return user is not None and user.is_authenticated and user.pk == order.user_id
